/* atlas-export-command.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * incident-atlas --export-briefing OUT.pdf [--briefing TITLE] CASE: writes a briefing of the
 * case (by default its first) without a window. The
 * PDF is written beside OUT under a hidden name and renamed into place only when complete,
 * so a failure or a kill leaves what was at OUT before, and no half-written PDF.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "atlas-briefing-exporter.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-case-file.h"
#include "atlas-case.h"
#include "atlas-export-command.h"

/**
 * atlas_export_command_run:
 * @out_path: the PDF to write; checked beforehand with atlas_case_file_check_output()
 * @case_path: the case, as given on the command line
 * @briefing_title: (nullable): the title of the briefing to write; %NULL for the first
 *
 * Returns: the exit status; the reason for a failure is on standard error
 */
int
atlas_export_command_run (const char *out_path,
                          const char *case_path,
                          const char *briefing_title)
{
  g_autoptr(GFile) case_file = g_file_new_for_commandline_arg (case_path);
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out_path);
  g_autofree char *path = g_file_get_path (out_file);
  g_autofree char *temp_path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasRecord) briefing = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return atlas_briefing_exporter_run_command (out_path, case_path, briefing_title);

  atlas_case = atlas_case_open (case_file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  if (atlas_case == NULL)
    {
      g_printerr ("incident-atlas: %s: %s\n", case_path, error->message);
      return EXIT_FAILURE;
    }

  if (briefing_title != NULL
      && (briefing = atlas_case_find_briefing (atlas_case, briefing_title, &error)) == NULL)
    {
      g_printerr ("incident-atlas: %s: %s\n", case_path, error->message);
      return EXIT_FAILURE;
    }

  temp_path = atlas_case_file_temp_path (path);
  if (atlas_briefing_exporter_export_pdf (atlas_case,
                                          briefing ? atlas_record_get_key (briefing) : NULL,
                                          temp_path, ATLAS_BRIEFING_A4_WIDTH,
                                          ATLAS_BRIEFING_A4_HEIGHT, NULL, &error)
      && atlas_case_file_replace_with (temp_path, path, &error))
    return EXIT_SUCCESS;

  g_remove (temp_path);
  message = atlas_case_file_name_instead (error->message, temp_path, path);
  g_printerr ("incident-atlas: %s\n", message);
  return EXIT_FAILURE;
}
