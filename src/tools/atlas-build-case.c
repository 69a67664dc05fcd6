/* atlas-build-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build-time tool: turns a case kept as reviewable JSON (the sample case) into a case file.
 * Usage: atlas-build-case CASE.json OUT.gpkg
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "atlas-case-json-reader.h"
#include "atlas-case.h"

static gboolean
build_case (const char  *json_path,
            const char  *gpkg_path,
            GError     **error)
{
  g_autoptr(AtlasCaseJsonReader) reader = atlas_case_json_reader_new ();
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) gpkg_file = g_file_new_for_path (gpkg_path);
  g_autoptr(AtlasCase) atlas_case = NULL;
  const char *frame_key, *selection_key;

  if (!atlas_case_json_reader_read_file (reader, json_file, error))
    return FALSE;
  atlas_case_json_reader_get_initial_view (reader, &frame_key, &selection_key);

  atlas_case = atlas_case_create (gpkg_file, atlas_case_json_reader_get_title (reader), error);
  return atlas_case != NULL
         && atlas_case_set_info (atlas_case, atlas_case_json_reader_get_title (reader),
                                 atlas_case_json_reader_get_summary (reader), error)
         && atlas_case_write_records (atlas_case, atlas_case_json_reader_get_records (reader),
                                      error)
         && atlas_case_set_initial_view (atlas_case, frame_key, selection_key, error);
}

/* The installed sample is read-only, perhaps on a read-only file system: leave it as one
 * self-contained file in rollback-journal mode, which needs no -wal or -shm beside it. */
static gboolean
make_self_contained (const char  *gpkg_path,
                     GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (gpkg_path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE; VACUUM", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", gpkg_path,
                 sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("Usage: %s CASE.json OUT.gpkg\n", argv[0]);
      return 2;
    }

  g_remove (argv[2]);
  if (!build_case (argv[1], argv[2], &error) || !make_self_contained (argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      g_remove (argv[2]);
      return 1;
    }
  return 0;
}
