/* test-case-check.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks of a case file: the cheap ones on open (a file cut short, a table whose first
 * page is gone), and the full check that runs after it, before which the case takes no
 * edit, and which keeps a damaged file from being written to.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-case.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "case-test-util.h"

/* Enough incidents that their table spans many pages beside its first. */
#define N_INCIDENTS 2000

typedef CaseFiles Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  case_files_set_up (fixture, "atlas-case-check-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  case_files_tear_down (fixture);
}

static AtlasRecord *
make_incident (guint i)
{
  g_autofree char *key = g_strdup_printf ("inc-%u", i);
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));

  atlas_record_set_text (incident, "title", "A reported clash near the river crossing");
  atlas_record_set_text (incident, "category", "clash");
  atlas_record_set_text (incident, "place", "Kerman");
  atlas_record_set_double (incident, "latitude", 30.0 + i / 1000.0);
  atlas_record_set_double (incident, "longitude", 57.0);
  atlas_record_set_text (incident, "location_precision", "town");
  return incident;
}

/* A case of N_INCIDENTS incidents, closed, its log copied back and emptied: every page is in
 * the file, which stays in write-ahead-log mode as the store leaves it. */
static void
create_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (fixture->file, "Checked", &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < N_INCIDENTS; i++)
    g_ptr_array_add (records, make_incident (i));
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  g_clear_object (&atlas_case);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

static gint64
query_raw_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Fills page @page (from 1) of the file with 0xA5. */
static void
scribble_page (Fixture *fixture,
               gint64   page)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpint ((page - 1) * 4096 + 4096, <=, (gint64) length);
  memset (contents + (page - 1) * 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
}

/* A page in the middle of the incidents, which only reading the whole table finds. */
static gint64
incidents_leaf_page (Fixture *fixture)
{
  gint64 page = query_raw_int (fixture->path, "SELECT pageno FROM dbstat WHERE name = 'incidents'"
                                              " AND pagetype = 'leaf' ORDER BY pageno"
                                              " LIMIT 1 OFFSET 10");

  g_assert_cmpint (page, >, 0);
  g_assert_cmpint (page, !=, query_raw_int (fixture->path, "SELECT rootpage FROM sqlite_master"
                                                           " WHERE name = 'incidents'"));
  return page;
}

static char *
read_file (Fixture *fixture,
           gsize   *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (fixture->path, &contents, length, NULL));
  return contents;
}

static void
assert_refused_on_open (Fixture    *fixture,
                        int         code,
                        const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_CHECK_LATER,
                                                     &error);

  g_assert_null (atlas_case);
  g_assert_error (error, ATLAS_CASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, reason));
  g_test_message ("refused: %s", error->message);
}

/* The first page of a table is read as the file opens, however large the file. */
static void
test_damaged_root_refused_on_open (Fixture       *fixture,
                                   gconstpointer  data)
{
  create_case (fixture);
  scribble_page (fixture, query_raw_int (fixture->path, "SELECT rootpage FROM sqlite_master"
                                                        " WHERE name = 'claims'"));
  assert_refused_on_open (fixture, ATLAS_CASE_ERROR_CORRUPT, "“claims”");
}

/* A file shorter than its header says is refused as it opens (SQLite compares them). */
static void
test_cut_short_refused_on_open (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  create_case (fixture);
  contents = read_file (fixture, &length);
  g_assert_true (g_file_set_contents (fixture->path, contents, length - 3 * 4096, NULL));
  assert_refused_on_open (fixture, ATLAS_CASE_ERROR_NOT_A_DATABASE, "damaged");
}

/* Until its full check has passed, a case takes no edit; once it has, it does. */
static void
test_edits_wait_for_check (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GListModel) incidents = NULL;

  create_case (fixture);
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_case_get_read_only (atlas_case));
  g_assert_cmpint (atlas_case_get_integrity (atlas_case), ==, ATLAS_CASE_INTEGRITY_UNCHECKED);
  g_assert_false (atlas_case_get_can_edit (atlas_case));

  /* it reads meanwhile */
  incidents = atlas_case_list_records (atlas_case, ATLAS_TYPE_INCIDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, N_INCIDENTS);

  g_assert_false (atlas_case_set_info (atlas_case, "Renamed", "", &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "still being checked"));
  g_clear_error (&error);

  g_assert_true (atlas_case_check_integrity (atlas_case, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_case_get_integrity (atlas_case), ==, ATLAS_CASE_INTEGRITY_PASSED);
  g_assert_true (atlas_case_get_can_edit (atlas_case));
  g_assert_true (atlas_case_set_info (atlas_case, "Renamed", "", &error));
  g_assert_no_error (error);
}

static void
integrity_notified_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  atlas_case_check_integrity_finish (ATLAS_CASE (source), result, error);
}

/* A page of a table's middle, which no cheap check reads: the file opens, the check on a
 * worker finds the damage and the window is told, and nothing is ever written to it. */
static void
test_damage_found_in_background (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  guint notified = 0;

  create_case (fixture);
  scribble_page (fixture, incidents_leaf_page (fixture));
  before = read_file (fixture, &before_length);

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (atlas_case, "notify::integrity", G_CALLBACK (integrity_notified_cb),
                    &notified);
  atlas_case_check_integrity_async (atlas_case, NULL, check_done_cb, &check_error);
  while (check_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (notified == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (check_error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (check_error->message, fixture->path));
  g_assert_cmpint (atlas_case_get_integrity (atlas_case), ==, ATLAS_CASE_INTEGRITY_FAILED);

  /* neither an edit nor an import writes to it */
  g_assert_false (atlas_case_set_info (atlas_case, "Renamed", "", &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_ptr_array_add (records, ATLAS_RECORD (atlas_document_new ("doc-new")));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT);
  g_clear_object (&atlas_case);

  after = read_file (fixture, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* An import (a large write) into a case not yet checked checks it first, and a damaged one
 * is refused as it would be on open. */
static void
test_large_write_checks_first (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  create_case (fixture);
  scribble_page (fixture, incidents_leaf_page (fixture));
  before = read_file (fixture, &before_length);

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_ptr_array_add (records, make_incident (N_INCIDENTS));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT);
  g_assert_cmpint (atlas_case_get_integrity (atlas_case), ==, ATLAS_CASE_INTEGRITY_FAILED);
  g_clear_object (&atlas_case);

  after = read_file (fixture, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A cancelled check says nothing of the file: it stays unchecked, and can run again. */
static void
test_cancelled_check (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  create_case (fixture);
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (atlas_case_check_integrity (atlas_case, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (atlas_case_get_integrity (atlas_case), ==, ATLAS_CASE_INTEGRITY_UNCHECKED);

  g_assert_true (atlas_case_check_integrity (atlas_case, NULL, &error));
  g_assert_no_error (error);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/atlas/case-check/damaged-root-refused-on-open", test_damaged_root_refused_on_open);
  add_test ("/atlas/case-check/cut-short-refused-on-open", test_cut_short_refused_on_open);
  add_test ("/atlas/case-check/edits-wait-for-check", test_edits_wait_for_check);
  add_test ("/atlas/case-check/damage-found-in-background", test_damage_found_in_background);
  add_test ("/atlas/case-check/large-write-checks-first", test_large_write_checks_first);
  add_test ("/atlas/case-check/cancelled-check", test_cancelled_check);

  return g_test_run ();
}
