/* test-import-plan.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import plan: telling formats apart, counts and preview, the problem report, progress
 * and cancellation, and applying into a real case file: all or nothing, and nothing at all
 * while the user has not accepted the problems. Importing while reading (--import) writes
 * what reading first and writing after would.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-import-plan.h"
#include "import-test-util.h"

static AtlasImportPlan *
load (const char *name)
{
  g_autofree char *path = import_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasImportPlan *plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* A new folder in the test's own cache folder, which G_TEST_OPTION_ISOLATE_DIRS removes. */
static char *
make_temp_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "import-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (dir));
  return dir;
}

static AtlasCase *
create_case (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Import test", &error);

  g_assert_no_error (error);
  return atlas_case;
}

/* A case that already holds something, for the tests that check it is left as it was. */
static AtlasCase *
create_case_holding_geojson (void)
{
  g_autoptr(AtlasImportPlan) first = load ("good.geojson");
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = create_case ();

  g_assert_true (atlas_import_plan_apply (first, atlas_case, &error));
  g_assert_no_error (error);
  return atlas_case;
}

/* The case file and its write-ahead log, byte for byte. */
static char *
checksum_case (AtlasCase *atlas_case)
{
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *paths[] = { path, wal };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (paths[i], &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_counts_equal (const AtlasCaseCounts *a,
                     const AtlasCaseCounts *b)
{
  g_assert_cmpuint (a->incidents, ==, b->incidents);
  g_assert_cmpuint (a->routes, ==, b->routes);
  g_assert_cmpuint (a->waypoints, ==, b->waypoints);
  g_assert_cmpuint (a->documents, ==, b->documents);
  g_assert_cmpuint (a->claims, ==, b->claims);
}

static void
test_detect_by_content (void)
{
  static const struct {
    const char *name;
    const char *contents;
    AtlasImportFormat format;
  } cases[] = {
    { "points.txt", "\xEF\xBB\xBF  {\"type\": \"Point\", \"coordinates\": [57, 30]}",
      ATLAS_IMPORT_FORMAT_GEOJSON },
    { "export.xml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
      "<Placemark><Point><coordinates>57,30</coordinates></Point></Placemark></kml>",
      ATLAS_IMPORT_FORMAT_KML },
    { "track", "<gpx version=\"1.1\"><wpt lat=\"30\" lon=\"57\"/></gpx>",
      ATLAS_IMPORT_FORMAT_GPX },
    { "events.dat", "event_date,event_type,latitude,longitude\n2024-01-03,Battles,30,57\n",
      ATLAS_IMPORT_FORMAT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = import_test_write_temp (cases[i].name, cases[i].contents, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
      AtlasCaseCounts counts;

      g_assert_no_error (error);
      g_assert_cmpint (atlas_import_plan_get_format (plan), ==, cases[i].format);
      atlas_import_plan_get_counts (plan, &counts);
      g_assert_cmpuint (counts.incidents, ==, 1);
    }
}

static void
test_refused_formats (void)
{
  static const struct {
    const char *name;
    const char *contents;
    gsize length;
    int code;
    const char *needle;
  } cases[] = {
    { "empty.geojson", "", 0, ATLAS_IMPORT_ERROR_MALFORMED, "empty" },
    { "blank.csv", " \n \n", 4, ATLAS_IMPORT_ERROR_MALFORMED, "empty" },
    { "places.kmz", "PK\x03\x04rest", 8, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT, "KMZ" },
    { "drawing.svg", "<svg/>", 6, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT, "neither KML nor GPX" },
    { "data.gpx", "lat,lon\n1,2\n", 12, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT, "GPX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = import_test_write_temp (cases[i].name, cases[i].contents,
                                          (gssize) cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

      g_assert_null (plan);
      g_assert_error (error, ATLAS_IMPORT_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* A sparse file: over the limit without writing 256 MiB. */
static void
test_too_large (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("huge.geojson", "{", -1);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  g_assert_cmpint (truncate (path, (off_t) 300 << 20), ==, 0);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "huge.geojson"));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/atlas/events.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "events.csv"));
}

static void
test_preview (void)
{
  g_autoptr(AtlasImportPlan) plan = load ("good.geojson");
  g_autoptr(GListModel) preview = atlas_import_plan_get_preview (plan, 2);
  g_autoptr(GListModel) all = atlas_import_plan_get_preview (plan, 100);
  g_autoptr(AtlasRecord) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  first = g_list_model_get_item (preview, 0);
  g_assert_cmpstr (atlas_record_get_text (first, "title"), ==,
                   "Twin bombings at the commemoration");
}

static void
test_apply (void)
{
  g_autoptr(AtlasImportPlan) plan = load ("good.geojson");
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(AtlasRecord) document = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts expected, counts;
  AtlasRecord *import_document;

  atlas_import_plan_get_counts (plan, &expected);
  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  atlas_case_get_counts (atlas_case, &counts);
  assert_counts_equal (&counts, &expected);

  import_document = g_ptr_array_index (atlas_import_plan_get_records (plan), 0);
  document = atlas_case_lookup (atlas_case, "document", atlas_record_get_key (import_document),
                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_record_get_text (document, "doc_kind"), ==, "imported");
  g_assert_cmpstr (atlas_record_get_text (document, "title"), ==, "good.geojson");
  g_assert_cmpstr (atlas_record_get_text (document, "publisher"), ==, "GeoJSON");
  g_assert_nonnull (atlas_record_get_text (document, "published"));

  g_assert_false (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ALREADY_APPLIED);
}

/* Each import makes its own keys: the same file twice is two imports, not a collision. */
static void
test_apply_twice (void)
{
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AtlasImportPlan) plan = load ("acled.csv");

      g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
      g_assert_no_error (error);
    }
  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 6);
}

static void
test_problems_not_accepted (void)
{
  g_autoptr(AtlasImportPlan) plan = load ("bad-rows.csv");
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_case (atlas_case);
  g_autofree char *after = NULL;
  AtlasCaseCounts counts_before, counts;

  atlas_case_get_counts (atlas_case, &counts_before);
  g_assert_false (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_PROBLEMS_NOT_ACCEPTED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "bad-rows.csv"));
  g_clear_error (&error);

  atlas_case_get_counts (atlas_case, &counts);
  assert_counts_equal (&counts, &counts_before);
  after = checksum_case (atlas_case);
  g_assert_cmpstr (after, ==, before);

  atlas_import_plan_set_problems_accepted (plan, TRUE);
  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, counts_before.incidents + 2);
}

/* Makes the store of @atlas_case refuse any incident but the first, as a constraint or a
 * full disk would, through a second connection: the import fails halfway through. */
static void
refuse_second_incident (AtlasCase *atlas_case)
{
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_second BEFORE INSERT ON incidents"
                                     " WHEN (SELECT count(*) FROM incidents) > 0"
                                     " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The store refuses one record: nothing of the import is written. */
static void
test_all_or_nothing (void)
{
  g_autoptr(AtlasImportPlan) plan = load ("good.geojson");
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts_before, counts;

  atlas_case_get_counts (atlas_case, &counts_before);
  refuse_second_incident (atlas_case);
  g_assert_false (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "good.geojson"));
  g_assert_nonnull (strstr (error->message, "refused by the test"));

  atlas_case_get_counts (atlas_case, &counts);
  assert_counts_equal (&counts, &counts_before);
}

static void
test_nothing_to_import (void)
{
  static const char csv[] = "event_date,event_type,latitude,longitude\n"
                            "2024-01-03,Battles,95,57\n";
  g_autoptr(GFile) file = import_test_write_temp ("nothing.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_autoptr(AtlasCase) atlas_case = create_case ();

  g_assert_no_error (error);
  atlas_import_plan_set_problems_accepted (plan, TRUE);
  g_assert_false (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT);
}

static char *
read_report (AtlasImportPlan *plan,
             const char      *name)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (atlas_import_plan_save_report (plan, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_report (void)
{
  g_autoptr(AtlasImportPlan) plan = load ("bad-rows.csv");
  g_autofree char *text = read_report (plan, "report.txt");
  g_autofree char *csv = read_report (plan, "report.csv");

  g_assert_true (g_str_has_prefix (text, "bad-rows.csv: 7 problems\n"));
  g_assert_nonnull (strstr (text, "bad-rows.csv, line 3: latitude 95 is outside −90…90\n"));
  g_assert_nonnull (strstr (text, "bad-rows.csv, line 6: unparseable date “3rd Jan”\n"));
  g_assert_true (g_str_has_prefix (csv, "file,line,feature,reason\r\n"));
  g_assert_nonnull (strstr (csv, "bad-rows.csv,4,0,empty coordinates\r\n"));
  g_assert_nonnull (strstr (csv, "bad-rows.csv,5,0,\"looks like projected coordinates "
                                 "(metres), not degrees\"\r\n"));
}

/* ---- progress and cancellation ------------------------------------------------------ */

static GFile *
write_big_acled (guint n_rows)
{
  g_autoptr(GString) csv = g_string_new ("event_id_cnty,event_date,event_type,latitude,"
                                         "longitude,source,notes,fatalities\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "E%u,2024-01-03,Battles,%.4f,%.4f,Source %u,\"notes, %u\",%u\n",
                            i, 25.0 + (i % 1000) / 100.0, 50.0 + (i % 700) / 100.0, i % 7, i,
                            i % 10);
  return import_test_write_temp ("big.csv", csv->str, (gssize) csv->len);
}

typedef struct {
  GArray       *fractions;
  GCancellable *cancellable;
  double        cancel_at;
  GThread      *thread;
} Progress;

static void
fraction_cb (AtlasImportPlan *plan,
             GParamSpec      *pspec,
             Progress        *progress)
{
  double fraction = atlas_import_plan_get_fraction (plan);

  g_assert_true (g_thread_self () == progress->thread);
  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  Progress progress = { fractions, NULL, 0, g_thread_self () };
  AtlasCaseCounts counts;

  g_signal_connect (plan, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  g_assert_true (atlas_import_plan_load (plan, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fractions->len, >=, 10);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 20000);
  g_assert_cmpuint (counts.documents, ==, 8);
}

static void
test_cancel (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { fractions, cancellable, 0.3, g_thread_self () };
  AtlasCaseCounts counts;

  g_signal_connect (plan, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  g_assert_false (atlas_import_plan_load (plan, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (atlas_import_plan_get_fraction (plan), <, 0.5);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 0);
}

/* Cancelling halfway through the write leaves the case file exactly as it was. */
static void
test_cancel_write (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = create_case_holding_geojson ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress progress = { fractions, cancellable, 0.5, g_thread_self () };
  AtlasCaseCounts counts_before, counts_after;

  atlas_case_get_counts (atlas_case, &counts_before);
  before = checksum_case (atlas_case);

  g_assert_true (atlas_import_plan_load (plan, NULL, &error));
  g_signal_connect (plan, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  g_assert_false (atlas_import_plan_apply_full (plan, atlas_case, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* it was cancelled while writing, not before */
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), >=, 0.5);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 1.0);
  atlas_case_get_counts (atlas_case, &counts_after);
  assert_counts_equal (&counts_before, &counts_after);
  after = checksum_case (atlas_case);
  g_assert_cmpstr (before, ==, after);
}

/* The preview of a file with many rows keeps a bounded number of its records, and
 * applying it reads the file again to write all of them. */
static void
test_preview_keeps_few_records (void)
{
  g_autoptr(GFile) file = write_big_acled (100000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GListModel) preview = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts plan_counts, case_counts;

  g_assert_true (atlas_import_plan_load (plan, NULL, &error));
  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &plan_counts);
  g_assert_cmpuint (plan_counts.incidents, ==, 100000);
  g_assert_cmpuint (plan_counts.claims, >=, 100000);
  g_assert_cmpuint (atlas_import_plan_get_records (plan)->len, <=,
                    plan_counts.documents + ATLAS_IMPORT_PLAN_KEPT_RECORDS);

  preview = atlas_import_plan_get_preview (plan, 8);
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 8);
  /* the file's first rows, in order */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(AtlasRecord) record = g_list_model_get_item (preview, i);

      g_assert_cmpfloat_with_epsilon (atlas_record_get_double (record, "latitude"),
                                      25.0 + i / 100.0, 1e-9);
    }

  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  atlas_case_get_counts (atlas_case, &case_counts);
  g_assert_cmpuint (case_counts.incidents, ==, 100000);
  assert_counts_equal (&plan_counts, &case_counts);
}

/* Replaces @file by @contents the way editors save: a new file renamed over it. */
static void
replace_file (GFile      *file,
              const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A file changed between the preview and the write, even to one of the same size, is
 * refused with a message, and nothing is written. */
static void
test_changed_before_apply (void)
{
  static const char *const changes[] = { "truncate", "same size", "append" };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GFile) file = write_big_acled (300);
      g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
      g_autoptr(AtlasCase) atlas_case = create_case_holding_geojson ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize length;

      g_test_message ("%s", changes[i]);
      g_assert_true (atlas_import_plan_load (plan, NULL, &error));
      g_assert_no_error (error);
      before = checksum_case (atlas_case);

      g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
      if (i == 0)
        contents[length / 2] = '\0';
      else if (i == 1)
        contents[length - 2] = contents[length - 2] == '1' ? '2' : '1';
      else
        {
          char *longer = g_strconcat (contents, "E9999,2024-01-05,Riots,30,50,S,n,1\n", NULL);

          g_free (contents);
          contents = longer;
        }
      replace_file (file, contents);

      g_assert_false (atlas_import_plan_apply (plan, atlas_case, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "big.csv"));
      g_assert_nonnull (strstr (error->message, "changed"));
      after = checksum_case (atlas_case);
      g_assert_cmpstr (before, ==, after);
    }
}

static goffset
file_size (AtlasCase  *atlas_case,
           const char *suffix)
{
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));
  g_autofree char *name = g_strconcat (path, suffix, NULL);
  GStatBuf buf;

  return g_stat (name, &buf) == 0 ? (goffset) buf.st_size : 0;
}

/* A large import returns searchable: its rows are indexed in its own transaction. Its
 * write-ahead log is copied back into the file after the commit, on a connection of its
 * own. A small write afterwards is searchable at once too. */
static void
test_import_returns_searchable (void)
{
  g_autoptr(GFile) file = write_big_acled (25000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasImportPlan) small = load ("good.geojson");
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  goffset case_size_before;

  g_assert_true (atlas_import_plan_load (plan, NULL, &error));
  case_size_before = file_size (atlas_case, "");
  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_size (atlas_case, ""), >, case_size_before + (4 << 20));
  found = atlas_case_search (atlas_case, "Source", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
  g_clear_object (&found);

  g_assert_true (atlas_import_plan_apply (small, atlas_case, &error));
  g_assert_no_error (error);
  found = atlas_case_search (atlas_case, "commemoration", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
}

/* A digest of every row the @queries return from the case's file. */
static char *
digest_queries (AtlasCase         *atlas_case,
                const char *const *queries,
                gsize              n_queries)
{
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (gsize q = 0; q < n_queries; q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, (const guchar *) (text ? text : "\x01NULL"), -1);
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* What a case holds, without the keys each import makes its own: every incident, and every
 * claim with its incident and its document. */
static char *
digest_content (AtlasCase *atlas_case)
{
  static const char *const queries[] = {
    "SELECT title, category, start_time, start_precision, place, summary, latitude,"
    " longitude, location_precision, hex(geom) FROM incidents ORDER BY id",
    "SELECT i.title, c.attribute, c.value_text, c.value_number, c.qualifier, c.locator,"
    " c.credibility, d.title FROM claims c JOIN incidents i ON i.key = c.subject_key"
    " JOIN documents d ON d.key = c.document_key ORDER BY c.id",
    "SELECT count(*) FROM rtree_incidents_geom",
    "SELECT count(*) FROM sqlite_master WHERE name = 'claims_document'",
    "PRAGMA integrity_check",
  };

  return digest_queries (atlas_case, queries, G_N_ELEMENTS (queries));
}

/* --import writes while it reads, in chunks: the case ends up as reading the whole file
 * first and then writing it would leave it. */
static void
test_import_while_reading (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) previewed = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasImportPlan) streamed = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) previewed_case = create_case ();
  g_autoptr(AtlasCase) streamed_case = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  AtlasCaseCounts plan_counts, case_counts;

  g_assert_true (atlas_import_plan_load (previewed, NULL, &error));
  g_assert_true (atlas_import_plan_apply (previewed, previewed_case, &error));
  g_assert_no_error (error);

  g_assert_true (atlas_import_plan_import (streamed, streamed_case, NULL, &error));
  g_assert_no_error (error);
  atlas_import_plan_get_counts (streamed, &plan_counts);
  atlas_case_get_counts (streamed_case, &case_counts);
  g_assert_cmpuint (plan_counts.incidents, ==, 20000);
  assert_counts_equal (&plan_counts, &case_counts);

  expected = digest_content (previewed_case);
  found = digest_content (streamed_case);
  g_assert_cmpstr (found, ==, expected);
}

/* --import in chunks of a few records, forced through ATLAS_IMPORT_CHUNK_SIZE: a claim's
 * source document is handed on long before most of the claims citing it, and each chunk is
 * freed once written. The case ends up as the unchunked import leaves it. */
static void
test_import_in_small_chunks (void)
{
  g_autoptr(GFile) file = write_big_acled (300);
  g_autoptr(AtlasImportPlan) whole = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasImportPlan) chunked = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) whole_case = create_case ();
  g_autoptr(AtlasCase) chunked_case = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  AtlasCaseCounts whole_counts, plan_counts, case_counts;

  g_assert_true (atlas_import_plan_import (whole, whole_case, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("ATLAS_IMPORT_CHUNK_SIZE", "4", TRUE);
  g_assert_true (atlas_import_plan_import (chunked, chunked_case, NULL, &error));
  g_unsetenv ("ATLAS_IMPORT_CHUNK_SIZE");
  g_assert_no_error (error);

  atlas_import_plan_get_counts (whole, &whole_counts);
  atlas_import_plan_get_counts (chunked, &plan_counts);
  atlas_case_get_counts (chunked_case, &case_counts);
  g_assert_cmpuint (plan_counts.incidents, ==, 300);
  assert_counts_equal (&plan_counts, &whole_counts);
  assert_counts_equal (&plan_counts, &case_counts);
  /* of what it wrote, the plan keeps the documents alone */
  g_assert_cmpuint (atlas_import_plan_get_records (chunked)->len, ==, plan_counts.documents);

  expected = digest_content (whole_case);
  found = digest_content (chunked_case);
  g_assert_cmpstr (found, ==, expected);
}

/* A CSV file read in blocks of a few bytes (ATLAS_CSV_BLOCK_SIZE), every row split across
 * blocks somewhere: --import, and the Import dialog's preview then write (which reads the
 * file twice), leave the case as the file read in one block does. */
static void
test_csv_in_small_blocks (void)
{
  g_autoptr(GFile) file = write_big_acled (200);
  g_autoptr(AtlasImportPlan) whole = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasImportPlan) imported = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasImportPlan) previewed = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) whole_case = create_case ();
  g_autoptr(AtlasCase) imported_case = create_case ();
  g_autoptr(AtlasCase) previewed_case = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL, *found_imported = NULL, *found_previewed = NULL;
  AtlasCaseCounts counts;

  g_assert_true (atlas_import_plan_import (whole, whole_case, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("ATLAS_CSV_BLOCK_SIZE", "5", TRUE);
  g_assert_true (atlas_import_plan_import (imported, imported_case, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_import_plan_load (previewed, NULL, &error));
  g_assert_no_error (error);
  atlas_import_plan_get_counts (previewed, &counts);
  g_assert_cmpuint (counts.incidents, ==, 200);
  g_assert_true (atlas_import_plan_apply (previewed, previewed_case, &error));
  g_unsetenv ("ATLAS_CSV_BLOCK_SIZE");
  g_assert_no_error (error);

  expected = digest_content (whole_case);
  found_imported = digest_content (imported_case);
  found_previewed = digest_content (previewed_case);
  g_assert_cmpstr (found_imported, ==, expected);
  g_assert_cmpstr (found_previewed, ==, expected);
}

/* Routes with their waypoints and lines, and how many claims: what digest_content() leaves
 * out. */
static char *
digest_routes (AtlasCase *atlas_case)
{
  static const char *const queries[] = {
    "SELECT r.name, r.status, hex(r.geom), w.seq, w.latitude, w.longitude, w.place, w.date,"
    " (SELECT count(*) FROM claims) FROM routes r LEFT JOIN waypoints w ON w.route_key = r.key"
    " ORDER BY r.id, w.seq",
  };

  return digest_queries (atlas_case, queries, G_N_ELEMENTS (queries));
}

/* --import streams GeoJSON, KML and GPX too, a feature (a route and its waypoints) per
 * chunk at the smallest: the case ends up as the Import dialog's path leaves it, and the
 * plan keeps only its documents. */
static void
test_import_other_formats_in_chunks (void)
{
  static const char *const names[] = { "good.geojson", "good.kml", "good-1.1.gpx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = import_test_data_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AtlasImportPlan) previewed = load (names[i]);
      g_autoptr(AtlasImportPlan) streamed = atlas_import_plan_new (file, NULL);
      g_autoptr(AtlasCase) previewed_case = create_case ();
      g_autoptr(AtlasCase) streamed_case = create_case ();
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL, *found = NULL;
      g_autofree char *expected_routes = NULL, *found_routes = NULL;
      AtlasCaseCounts previewed_counts, streamed_counts;

      g_test_message ("%s", names[i]);
      atlas_import_plan_set_problems_accepted (previewed, TRUE);
      g_assert_true (atlas_import_plan_apply (previewed, previewed_case, &error));
      g_assert_no_error (error);

      g_setenv ("ATLAS_IMPORT_CHUNK_SIZE", "1", TRUE);
      g_assert_true (atlas_import_plan_import (streamed, streamed_case, NULL, &error));
      g_unsetenv ("ATLAS_IMPORT_CHUNK_SIZE");
      g_assert_no_error (error);

      atlas_case_get_counts (previewed_case, &previewed_counts);
      atlas_case_get_counts (streamed_case, &streamed_counts);
      assert_counts_equal (&streamed_counts, &previewed_counts);
      g_assert_cmpuint (atlas_import_plan_get_records (streamed)->len, ==,
                        streamed_counts.documents);
      expected = digest_content (previewed_case);
      found = digest_content (streamed_case);
      g_assert_cmpstr (found, ==, expected);
      expected_routes = digest_routes (previewed_case);
      found_routes = digest_routes (streamed_case);
      g_assert_cmpstr (found_routes, ==, expected_routes);
    }
}

/* Bad rows are skipped and listed; a file with nothing to import, or one refused as a
 * whole, leaves the case as it was. */
static void
test_import_while_reading_problems (void)
{
  static const char some_bad[] = "event_date,event_type,latitude,longitude\n"
                                 "2024-01-03,Battles,30.2,57.1\n"
                                 "2024-01-03,Battles,95,57\n"
                                 "2024-01-04,Riots,30.3,57.2\n";
  static const char all_bad[] = "event_date,event_type,latitude,longitude\n"
                                "2024-01-03,Battles,95,57\n";
  static const char not_acled[] = "when,what\n2024-01-03,something\n";
  g_autoptr(GFile) some_bad_file = import_test_write_temp ("some-bad.csv", some_bad, -1);
  g_autoptr(GFile) all_bad_file = import_test_write_temp ("all-bad.csv", all_bad, -1);
  g_autoptr(GFile) not_acled_file = import_test_write_temp ("other.csv", not_acled, -1);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (some_bad_file, NULL);
  g_autoptr(AtlasImportPlan) nothing = atlas_import_plan_new (all_bad_file, NULL);
  g_autoptr(AtlasImportPlan) refused = atlas_import_plan_new (not_acled_file, NULL);
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_nothing = NULL;
  g_autofree char *after_refused = NULL;
  AtlasCaseCounts counts;

  g_assert_true (atlas_import_plan_import (plan, atlas_case, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);

  before = checksum_case (atlas_case);
  g_assert_false (atlas_import_plan_import (nothing, atlas_case, NULL, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT);
  g_assert_true (g_str_has_prefix (error->message, "all-bad.csv: "));
  g_assert_cmpuint (atlas_import_plan_get_n_problems (nothing), ==, 1);
  g_clear_error (&error);
  after_nothing = checksum_case (atlas_case);
  g_assert_cmpstr (after_nothing, ==, before);

  g_assert_false (atlas_import_plan_import (refused, atlas_case, NULL, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NEEDS_MAPPING);
  g_assert_true (g_str_has_prefix (error->message, "other.csv: "));
  after_refused = checksum_case (atlas_case);
  g_assert_cmpstr (after_refused, ==, before);
}

static gpointer
cancel_soon (gpointer cancellable)
{
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* Cancelled while reading and writing at once: the case is exactly as it was. */
static void
test_import_while_reading_cancel (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(AtlasCase) atlas_case = create_case_holding_geojson ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_case (atlas_case);
  g_autofree char *after = NULL;
  GThread *canceller;


  canceller = g_thread_new ("cancel-soon", cancel_soon, cancellable);
  g_assert_false (atlas_import_plan_import (plan, atlas_case, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (canceller);
  after = checksum_case (atlas_case);
  g_assert_cmpstr (after, ==, before);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_import_plan_load_finish (ATLAS_IMPORT_PLAN (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

/* Loading on a worker thread notifies progress on this one. */
static void
test_async (void)
{
  g_autoptr(GFile) file = write_big_acled (20000);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (file, NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Progress progress = { fractions, NULL, 0, g_thread_self () };
  AtlasCaseCounts counts;

  g_signal_connect (plan, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  atlas_import_plan_load_async (plan, NULL, loaded_cb, loop);
  g_main_loop_run (loop);

  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 20000);
  g_assert_cmpuint (fractions->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/import/plan/detect-by-content", test_detect_by_content);
  g_test_add_func ("/atlas/import/plan/refused-formats", test_refused_formats);
  g_test_add_func ("/atlas/import/plan/too-large", test_too_large);
  g_test_add_func ("/atlas/import/plan/missing-file", test_missing_file);
  g_test_add_func ("/atlas/import/plan/preview", test_preview);
  g_test_add_func ("/atlas/import/plan/apply", test_apply);
  g_test_add_func ("/atlas/import/plan/apply-twice", test_apply_twice);
  g_test_add_func ("/atlas/import/plan/problems-not-accepted", test_problems_not_accepted);
  g_test_add_func ("/atlas/import/plan/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/atlas/import/plan/nothing-to-import", test_nothing_to_import);
  g_test_add_func ("/atlas/import/plan/report", test_report);
  g_test_add_func ("/atlas/import/plan/progress", test_progress);
  g_test_add_func ("/atlas/import/plan/cancel", test_cancel);
  g_test_add_func ("/atlas/import/plan/async", test_async);
  g_test_add_func ("/atlas/import/plan/cancel-write", test_cancel_write);
  g_test_add_func ("/atlas/import/plan/preview-keeps-few-records",
                   test_preview_keeps_few_records);
  g_test_add_func ("/atlas/import/plan/changed-before-apply", test_changed_before_apply);
  g_test_add_func ("/atlas/import/plan/import-returns-searchable",
                   test_import_returns_searchable);
  g_test_add_func ("/atlas/import/plan/import-while-reading", test_import_while_reading);
  g_test_add_func ("/atlas/import/plan/import-in-small-chunks", test_import_in_small_chunks);
  g_test_add_func ("/atlas/import/plan/csv-in-small-blocks", test_csv_in_small_blocks);
  g_test_add_func ("/atlas/import/plan/import-other-formats-in-chunks",
                   test_import_other_formats_in_chunks);
  g_test_add_func ("/atlas/import/plan/import-while-reading-problems",
                   test_import_while_reading_problems);
  g_test_add_func ("/atlas/import/plan/import-while-reading-cancel",
                   test_import_while_reading_cancel);

  return g_test_run ();
}
