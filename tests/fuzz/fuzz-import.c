/* fuzz-import.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import harnesses share: a batch as the import plan makes one, and checks of
 * what a reader put in it. A reader may refuse anything, but what it accepts must be fit
 * for the case file and the UI.
 */

#include "config.h"

#include "atlas-geo.h"
#include "fuzz-import.h"

AtlasImportBatch *
fuzz_import_batch_new (void)
{
  fuzz_init ();
  return atlas_import_batch_new ("input", "input-20260101000000-0000", "Fuzz",
                                 "2026-01-01T00:00:00Z");
}

/* Text goes to GTK labels and SQLite: it must be UTF-8. A point must be a real place,
 * or the whole import would fail when written. */
static void
check_record (AtlasRecord *record)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *text;

      if (klass->fields[i].type != ATLAS_FIELD_TEXT)
        continue;
      text = atlas_record_field_get_text (record, &klass->fields[i]);
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        g_error ("%s field %s is not UTF-8", klass->kind, klass->fields[i].name);
    }

  if (atlas_record_class_find_field (klass, "latitude") != NULL
      && !atlas_validate_coordinate (atlas_record_get_double (record, "latitude"),
                                     atlas_record_get_double (record, "longitude"), &error))
    g_error ("%s %s: %s", klass->kind, atlas_record_get_key (record), error->message);
}

void
fuzz_import_check_batch (AtlasImportBatch *batch)
{
  GPtrArray *records = atlas_import_batch_get_records (batch);
  GPtrArray *problems = atlas_import_batch_get_problems (batch);

  for (guint i = 0; i < records->len; i++)
    check_record (g_ptr_array_index (records, i));

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = atlas_import_problem_to_string (g_ptr_array_index (problems, i));

      if (!g_utf8_validate (text, -1, NULL))
        g_error ("problem text is not UTF-8");
    }
}
