/* atlas-import-plan-report.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import plan's problems saved as a report, in CSV or as plain text.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-plan-private.h"

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_report (AtlasImportPlan *self,
                   GString         *out)
{
  GPtrArray *problems = atlas_import_plan_get_problems (self);

  g_string_append (out, "file,line,feature,reason\r\n");
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      AtlasImportProblem *problem = g_ptr_array_index (problems, i);

      append_csv_field (out, problem->file);
      g_string_append_printf (out, ",%u,%u,", problem->line, problem->feature);
      append_csv_field (out, problem->reason);
      g_string_append (out, "\r\n");
    }
}

static void
append_text_report (AtlasImportPlan *self,
                    GString         *out)
{
  GPtrArray *problems = atlas_import_plan_get_problems (self);
  guint n_problems = atlas_import_plan_get_n_problems (self);

  g_string_append_printf (out, ngettext ("%s: %u problem\n", "%s: %u problems\n", n_problems),
                          self->file_name, n_problems);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = atlas_import_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", line);
    }
  if (problems != NULL && n_problems > problems->len)
    g_string_append_printf (out, _("… and %u more, not listed\n"), n_problems - problems->len);
}

/**
 * atlas_import_plan_save_report:
 * @file: where to write; a name ending in ".csv" gets CSV (file, line, feature, reason),
 *   any other plain text, one problem a line
 */
gboolean
atlas_import_plan_save_report (AtlasImportPlan  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv"))
    append_csv_report (self, out);
  else
    append_text_report (self, out);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
