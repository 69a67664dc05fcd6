/* atlas-import-command.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * incident-atlas --import FILE --into CASE.gpkg: imports a file into a case without a
 * window, creating the case when it does not exist. Rows with problems are skipped and
 * listed with their file, line and reason; the rest go in, in one transaction, written while
 * the file is still being read.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-case-file.h"
#include "atlas-case.h"
#include "atlas-import-command.h"
#include "atlas-import-plan.h"
#include "atlas-number-format.h"

static char *
title_for (GFile *file)
{
  char *title = g_file_get_basename (file);

  if (g_str_has_suffix (title, ".gpkg"))
    title[strlen (title) - strlen (".gpkg")] = '\0';
  return title;
}

/* A new case is built under a hidden name beside @case_file and imported into there, so
 * that no other program can see it, let alone open it, before it is complete. */
static AtlasCase *
create_hidden_case (GFile   *case_file,
                    char   **temp_path,
                    GError **error)
{
  g_autofree char *path = g_file_get_path (case_file);
  g_autofree char *title = title_for (case_file);
  g_autoptr(GFile) temp_file = NULL;
  g_autofree char *name = g_file_get_parse_name (case_file);
  g_autoptr(GError) local_error = NULL;
  AtlasCase *atlas_case;

  if (path == NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                   _("“%s” cannot be created: it is not a local file"), name);
      return NULL;
    }
  if (!atlas_case_file_check_folder (path, &local_error))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                   _("“%s” cannot be created: %s"), name, local_error->message);
      return NULL;
    }
  *temp_path = atlas_case_file_temp_path (path);
  temp_file = g_file_new_for_path (*temp_path);
  atlas_case = atlas_case_create (temp_file, title, &local_error);
  if (atlas_case == NULL)
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                 _("“%s” cannot be created: %s"), name, local_error->message);
  return atlas_case;
}

static void
print_problems (AtlasImportPlan *plan)
{
  GPtrArray *problems = atlas_import_plan_get_problems (plan);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = atlas_import_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr (_("skipped: %s\n"), line);
    }
}

static void
print_summary (AtlasImportPlan *plan,
               const char      *case_path)
{
  g_autofree char *what = NULL;
  AtlasCaseCounts counts;

  atlas_import_plan_get_counts (plan, &counts);
  what = atlas_format_case_counts (&counts, TRUE, ", ");
  /* TRANSLATORS: a summary of an import on the command line: "Imported into CASE: 3
   * incidents, 1 route with 4 waypoints, 1 source, 9 claims; 0 skipped" */
  g_print (_("Imported into %s: %s; %u skipped\n"), case_path, what,
           atlas_import_plan_get_n_problems (plan));
}

/* The reason on stderr; a case file given to import is one to open, which it says how. */
static void
print_refusal (const GError *error,
               GFile        *file)
{
  g_autofree char *quoted = NULL;

  g_printerr ("incident-atlas: %s\n", error->message);
  if (!g_error_matches (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CASE_FILE))
    return;
  quoted = g_shell_quote (g_file_peek_path (file) ? g_file_peek_path (file) : "");
  /* Translators: the command line that opens a case file in a window */
  g_printerr (_("incident-atlas: it is a case: to open it, run: incident-atlas %s\n"), quoted);
}

/* Imports into @atlas_case; the error names the case or the file. */
static gboolean
import_into (AtlasImportPlan  *plan,
             AtlasCase        *atlas_case,
             const char       *case_path,
             GError          **error)
{
  if (atlas_case == NULL || !atlas_import_plan_import (plan, atlas_case, NULL, error))
    {
      print_problems (plan);
      return FALSE;
    }
  print_problems (plan);
  return TRUE;
}

static int
import_into_existing (GFile      *file,
                      GFile      *case_file,
                      const char *case_path)
{
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;

  atlas_case = atlas_case_open (case_file, ATLAS_CASE_OPEN_DEFAULT, &error);
  if (!import_into (plan, atlas_case, case_path, &error))
    {
      print_refusal (error, file);
      return EXIT_FAILURE;
    }
  print_summary (plan, case_path);
  return EXIT_SUCCESS;
}

/* The case is complete and closed before it gets its name, which it never takes from a
 * file another program made meanwhile: then this import goes into that file instead, as
 * if it had been started after the other. */
static int
import_into_new (GFile      *file,
                 GFile      *case_file,
                 const char *case_path)
{
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *path = g_file_get_path (case_file);

  atlas_case = create_hidden_case (case_file, &temp_path, &error);
  if (!import_into (plan, atlas_case, case_path, &error))
    {
      g_clear_object (&atlas_case);
      if (temp_path != NULL)
        atlas_case_file_remove_temp (temp_path);
      print_refusal (error, file);
      return EXIT_FAILURE;
    }
  g_clear_object (&atlas_case);

  if (atlas_case_file_publish (temp_path, path, &error))
    {
      print_summary (plan, case_path);
      return EXIT_SUCCESS;
    }
  atlas_case_file_remove_temp (temp_path);
  if (g_error_matches (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS))
    {
      g_printerr (_("incident-atlas: %s was created by another program meanwhile; "
                    "importing into it instead\n"), case_path);
      return import_into_existing (file, case_file, case_path);
    }
  g_printerr (_("incident-atlas: “%s” cannot be created: %s\n"), case_path, error->message);
  return EXIT_FAILURE;
}

/**
 * atlas_import_command_run:
 *
 * Returns: the exit status: 0 when the file was imported, 1 when it was refused (the
 *   reason is on stderr and the case file is as it was, or was not made)
 */
int
atlas_import_command_run (const char *file_path,
                          const char *case_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_path);
  g_autoptr(GFile) case_file = g_file_new_for_commandline_arg (case_path);

  if (g_file_query_exists (case_file, NULL))
    return import_into_existing (file, case_file, case_path);
  return import_into_new (file, case_file, case_path);
}
