/* fuzz-view-link.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: incident-atlas: links, which come from anyone. A link that is read names an
 * absolute path and values with no control character; written again, it reads back the
 * same; a link that is refused says so in UTF-8.
 */

#include "config.h"

#include <string.h>

#include "atlas-view-link.h"
#include "fuzz-util.h"

static void
check_text (const char *what,
            const char *text)
{
  if (text == NULL)
    return;
  fuzz_check_utf8 (what, text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      g_error ("the %s of a link read holds a control character", what);
}

static void
check_same (const AtlasViewLink *a,
            const AtlasViewLink *b)
{
  if (g_strcmp0 (a->case_path, b->case_path) != 0 || g_strcmp0 (a->record_key, b->record_key) != 0
      || a->step != b->step || g_strcmp0 (a->briefing, b->briefing) != 0
      || a->has_view != b->has_view)
    g_error ("a link read, written and read again changed");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *uri = g_strndup ((const char *) data, size);
  g_autoptr(AtlasViewLink) link = NULL;
  g_autoptr(AtlasViewLink) again = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  link = atlas_view_link_parse (uri, &error);
  if (link == NULL)
    {
      fuzz_check_utf8 ("message", error->message);
      return 0;
    }
  if (!g_path_is_absolute (link->case_path))
    g_error ("a link read names a relative path");
  check_text ("path", link->case_path);
  check_text ("key", link->record_key);
  check_text ("briefing", link->briefing);
  fuzz_check_utf8_strv ("ignored parameters", link->ignored);

  written = atlas_view_link_to_uri (link);
  again = atlas_view_link_parse (written, &error);
  if (again == NULL)
    g_error ("a link written from one read is refused: %s", error->message);
  check_same (link, again);
  return 0;
}
