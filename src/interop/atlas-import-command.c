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

#include "atlas-case.h"
#include "atlas-import-command.h"
#include "atlas-import-plan.h"

/* @created tells whether the case file is new, to be removed if the import fails. */
static AtlasCase *
open_or_create_case (GFile     *file,
                     gboolean  *created,
                     GError   **error)
{
  g_autofree char *title = NULL;

  *created = !g_file_query_exists (file, NULL);
  if (!*created)
    return atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, error);

  title = g_file_get_basename (file);
  if (g_str_has_suffix (title, ".gpkg"))
    title[strlen (title) - strlen (".gpkg")] = '\0';
  return atlas_case_create (file, title, error);
}

/* A refused import leaves no case behind that it made itself. */
static void
remove_new_case (GFile *file)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *path = g_file_get_path (file);

  for (guint i = 0; path != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *part = g_strconcat (path, suffixes[i], NULL);

      g_remove (part);
    }
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
  AtlasCaseCounts counts;

  atlas_import_plan_get_counts (plan, &counts);
  /* TRANSLATORS: a summary of an import on the command line */
  g_print (_("Imported into %s: %u incidents, %u routes, %u waypoints, %u sources, %u claims; "
             "%u skipped\n"),
           case_path, counts.incidents, counts.routes, counts.waypoints, counts.documents,
           counts.claims, atlas_import_plan_get_n_problems (plan));
}

/**
 * atlas_import_command_run:
 *
 * Returns: the exit status: 0 when the file was imported, 1 when it was refused (the
 *   reason is on stderr and the case file is as it was)
 */
int
atlas_import_command_run (const char *file_path,
                          const char *case_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_path);
  g_autoptr(GFile) case_file = g_file_new_for_commandline_arg (case_path);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;

  atlas_case = open_or_create_case (case_file, &created, &error);
  if (atlas_case != NULL && !atlas_import_plan_import (plan, atlas_case, NULL, &error))
    {
      g_clear_object (&atlas_case);
      if (created)
        remove_new_case (case_file);
    }
  print_problems (plan);

  if (error != NULL)
    {
      g_printerr ("incident-atlas: %s\n", error->message);
      return EXIT_FAILURE;
    }

  print_summary (plan, case_path);

  /* The records are in; a large import's search index is brought up to date after, and if
   * that is interrupted the app finishes it the next time the case is opened. */
  if (atlas_case_get_search_pending (atlas_case))
    g_print (_("Updating the search index (the records are already saved)…\n"));
  if (!atlas_case_update_search_index (atlas_case, NULL, &error))
    g_printerr (_("incident-atlas: %s: the search index is not up to date: %s\n"), case_path,
                error->message);
  return EXIT_SUCCESS;
}
