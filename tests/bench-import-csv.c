/* bench-import-csv.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times importing a synthetic ACLED export (31 columns, 1,000,000 rows by default): reading
 * alone; reading for a preview, then writing, as the Import dialog does; writing while
 * reading, as --import does; and GDAL's ogr2ogr turning the same file into a GeoPackage,
 * for comparison. Prints "name: value unit" lines.
 *
 * It also times SQLite alone writing the rows the import wrote, copied with one statement
 * per table from the imported case into a new one: no parsing and none of our code per row.
 * That is the floor below which no writer of this schema can go on this machine.
 *
 * The CSV file is read as a stream, so peak memory must not grow with the number of rows:
 * --rows 10000000 --modes import --skip-gdal --skip-floor --keep makes a case of ten
 * million incidents (about 20 GB; TMPDIR says where) and leaves it for bench-map CASE.gpkg.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "atlas-cluster-index.h"
#include "atlas-import-plan.h"
#include "atlas-undo-stack.h"

static const char header[] =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
  "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
  "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
  "source_scale,notes,fatalities,tags,timestamp\n";

static const char *const event_types[][2] = {
  { "Battles", "Armed clash" },
  { "Explosions/Remote violence", "Shelling/artillery/missile attack" },
  { "Violence against civilians", "Attack" },
  { "Protests", "Peaceful protest" },
  { "Riots", "Violent demonstration" },
  { "Strategic developments", "Looting/property destruction" },
};

/* Looks like ACLED: some columns often empty, notes quoted with commas, a few hundred
 * distinct sources. */
static void
append_row (GString *csv,
            GRand   *rand,
            guint    i)
{
  guint type = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (event_types));
  guint day = (guint) g_rand_int_range (rand, 1, 29), month = (guint) g_rand_int_range (rand, 1, 13);
  guint year = (guint) g_rand_int_range (rand, 2018, 2025);
  gboolean second_actor = g_rand_int_range (rand, 0, 10) < 6;
  double latitude = g_rand_double_range (rand, 25.0, 39.0);
  double longitude = g_rand_double_range (rand, 44.0, 63.0);

  g_string_append_printf (csv,
    "IRN%u,%04u-%02u-%02u,%u,%d,Political violence,%s,%s,Military Forces of Iran (1989-),,1,"
    "%s,,%s,%s,%s,364,Middle East,Iran,Province %u,County %u,%s,Town %u,%.4f,%.4f,%d,"
    "Source %u,National,\"On %u %s, a reported event near Town %u, in which \"\"several\"\" "
    "people took part, according to the source.\",%d,,%u\n",
    i, year, month, day, year, g_rand_int_range (rand, 1, 4), event_types[type][0],
    event_types[type][1], second_actor ? "Civilians (Iran)" : "", second_actor ? "7" : "",
    second_actor ? "17" : "10", type == 2 ? "Civilian targeting" : "",
    i % 31, i % 400, g_rand_boolean (rand) ? "District" : "", i % 5000, latitude, longitude,
    g_rand_int_range (rand, 1, 4), i % 300, day, "January", i % 5000,
    g_rand_int_range (rand, 0, 12), 1700000000 + i);
}

static char *
write_csv (const char *dir,
           guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "acled.csv", NULL);
  g_autoptr(GString) chunk = g_string_new (header);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  for (guint i = 0; i < n_rows; i++)
    {
      append_row (chunk, rand, i);
      if (chunk->len > (1 << 20))
        {
          fwrite (chunk->str, 1, chunk->len, out);
          g_string_truncate (chunk, 0);
        }
    }
  fwrite (chunk->str, 1, chunk->len, out);
  fclose (out);
  return g_steal_pointer (&path);
}

static double
peak_mib (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
file_mib (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? info.st_size / 1048576.0 : 0;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static AtlasImportPlan *
time_parse (const char *csv_path,
            guint       n_rows,
            const char *label)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();
  AtlasImportPlan *plan = atlas_import_plan_new_for_file (file, NULL, &error);
  double elapsed = seconds_since (start);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  printf ("%s: %.2f s\n", label, elapsed);
  /* the machine may be shared: processor time is steadier than wall time */
  printf ("%s-cpu: %.2f s\n", label, (double) (clock () - cpu_start) / CLOCKS_PER_SEC);
  printf ("%s-rate: %.0f rows/s\n", label, n_rows / elapsed);
  printf ("%s-records: %u incidents, %u claims, %u documents, %u problems\n", label,
          counts.incidents, counts.claims, counts.documents,
          atlas_import_plan_get_n_problems (plan));
  return plan;
}

static void
time_free (AtlasImportPlan *plan,
           const char      *label)
{
  gint64 start = g_get_monotonic_time ();

  g_object_unref (plan);
  printf ("%s: %.2f s\n", label, seconds_since (start));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static double
time_sql (sqlite3    *db,
          const char *sql)
{
  gint64 start = g_get_monotonic_time ();

  exec_sql (db, sql);
  return seconds_since (start);
}

/* The same settings as the store's (atlas-case.c), with its R-tree triggers off and the log
 * left for later, as in its large writes; the R-trees are left out. "WHERE id > 0" keeps SQLite from copying pages
 * whole, so that each row is encoded and indexed as an insert would. */
static void
time_sqlite_floor (const char *dir,
                   const char *imported_path)
{
  g_autofree char *floor_path = g_build_filename (dir, "floor.gpkg", NULL);
  g_autoptr(GFile) floor_file = g_file_new_for_path (floor_path);
  g_autoptr(GError) error = NULL;
  char *attach;
  gint64 start;
  double incidents, claims, documents, index, commit;
  AtlasCase *created = atlas_case_create (floor_file, "Floor", &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_object_unref (created);
  g_assert_cmpint (sqlite3_open (floor_path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;"
                "PRAGMA wal_autocheckpoint = 0");
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  attach = sqlite3_mprintf ("ATTACH %Q AS imported", imported_path);
  exec_sql (db, attach);
  sqlite3_free (attach);

  start = g_get_monotonic_time ();
  exec_sql (db, "BEGIN IMMEDIATE");
  documents = time_sql (db, "INSERT INTO documents SELECT * FROM imported.documents"
                            " WHERE id > 0");
  incidents = time_sql (db, "INSERT INTO incidents SELECT * FROM imported.incidents"
                            " WHERE id > 0");
  /* as the store does for a write that doubles the claims */
  exec_sql (db, "DROP INDEX claims_document");
  claims = time_sql (db, "INSERT INTO claims SELECT * FROM imported.claims WHERE id > 0");
  index = time_sql (db, "CREATE INDEX claims_document ON claims (document_key)");
  commit = time_sql (db, "COMMIT");
  printf ("sqlite-floor: %.2f s\n", seconds_since (start));
  printf ("sqlite-floor-incidents: %.2f s\n", incidents);
  printf ("sqlite-floor-claims: %.2f s (and %.2f s for their document index)\n", claims, index);
  printf ("sqlite-floor-documents: %.2f s\n", documents);
  printf ("sqlite-floor-commit: %.2f s\n", commit);
  sqlite3_close (db);
}

static AtlasCase *
create_case (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Benchmark", &error);

  g_assert_no_error (error);
  return atlas_case;
}

/* What the Import dialog does: read the whole file for its preview, then write. */
static void
time_preview_then_write (const char *dir,
                         const char *csv_path,
                         guint       n_rows)
{
  g_autoptr(AtlasCase) atlas_case = create_case (dir, "previewed.gpkg");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  AtlasImportPlan *plan = time_parse (csv_path, n_rows, "parse-for-apply");
  gint64 apply_start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();
  double elapsed;

  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  elapsed = seconds_since (start);
  printf ("apply: %.2f s\n", seconds_since (apply_start));
  printf ("apply-cpu: %.2f s\n", (double) (clock () - cpu_start) / CLOCKS_PER_SEC);
  printf ("preview-then-write: %.2f s\n", elapsed);
  /* the whole process: run with --modes preview alone to see the dialog's path's own */
  printf ("preview-then-write-peak-rss: %.0f MiB\n", peak_mib (RUSAGE_SELF));
  time_free (plan, "free-plan-after-apply");
}

#define EDITS 20

/* Search, right after the import: the index is filled by the import's own transaction. */
static void
time_search (AtlasCase *atlas_case)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GListModel) found = atlas_case_search (atlas_case, "Town 42", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
  printf ("search-after-import: %.3f s (%u results, searchable as the import returns)\n",
          seconds_since (start), g_list_model_get_n_items (found));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2) * 1000;
}

/* Edits of the imported case, as an analyst makes them: moving an incident, then undoing
 * it. Each commits in its own transaction with its history line, R-tree, extents and search
 * row. What the map does after an edit today (it reads every point again and builds its
 * clustering index afresh) is timed too, as the part that is not yet done in place. */
static void
time_edits (AtlasCase *atlas_case,
            guint      n_rows)
{
  g_autoptr(AtlasUndoStack) stack = atlas_undo_stack_new (atlas_case);
  g_autoptr(GArray) applied = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) points = NULL;
  g_autoptr(GByteArray) precisions = NULL;
  g_auto(GStrv) categories = NULL;
  g_autoptr(AtlasClusterIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < EDITS; i++)
    {
      g_autoptr(AtlasRecord) before = atlas_case_lookup_by_id (atlas_case, "incident",
                                                               1 + (gint64) i * (n_rows / EDITS));
      g_autoptr(AtlasRecord) after = atlas_record_dup (before);
      g_autoptr(AtlasEdit) edit = atlas_edit_new ("Move incident");
      double elapsed;

      atlas_record_set_double (after, "latitude", atlas_record_get_double (before, "latitude") + 0.01);
      atlas_edit_change (edit, before, after);
      start = g_get_monotonic_time ();
      g_assert_true (atlas_undo_stack_apply (stack, edit, &error));
      elapsed = seconds_since (start);
      g_array_append_val (applied, elapsed);
      start = g_get_monotonic_time ();
      g_assert_true (atlas_undo_stack_undo (stack, &error));
      elapsed = seconds_since (start);
      g_array_append_val (undone, elapsed);
    }
  printf ("edit-commit: %.1f ms (median of %d moves of an incident)\n", median_ms (applied),
          EDITS);
  printf ("edit-undo: %.1f ms (median of %d)\n", median_ms (undone), EDITS);

  start = g_get_monotonic_time ();
  g_assert_true (atlas_case_load_map_points (atlas_case, NULL, &points, &precisions, &categories,
                                             NULL, NULL, &error));
  /* the map layer's radius, 48 px */
  index = atlas_cluster_index_new ((const AtlasMapPoint *) points->data, points->len, 48.0, NULL,
                                   &error);
  g_assert_no_error (error);
  printf ("edit-map-follow (points read again, clustering index rebuilt whole): %.2f s\n",
          seconds_since (start));
}

/* Where the bytes of the case go, table by table (indexes apart), largest first. */
static void
print_table_sizes (const char *case_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (case_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                                           " ORDER BY 2 DESC LIMIT 12", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    printf ("case-size-of %s: %.1f MiB\n", sqlite3_column_text (stmt, 0),
            sqlite3_column_int64 (stmt, 1) / 1048576.0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Opening the imported case as the window does, to what its first frame needs: the case
 * checked as it opens (its full check runs after, in the background) and every point of
 * the map read. */
static void
time_open (const char *case_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (case_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GByteArray) precisions = NULL;
  g_auto(GStrv) categories = NULL;
  gint64 start = g_get_monotonic_time ();

  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  printf ("open: %.3f s (checks done as it opens)\n", seconds_since (start));
  g_assert_true (atlas_case_load_map_points (atlas_case, NULL, &points, &precisions, &categories,
                                             NULL, NULL, &error));
  printf ("open-to-map-points: %.2f s (%u points)\n", seconds_since (start), points->len);
  start = g_get_monotonic_time ();
  g_assert_true (atlas_case_check_integrity (atlas_case, NULL, &error));
  printf ("full-check (in the background in the app): %.2f s\n", seconds_since (start));
}

/* What --import does: write while reading. The records are committed, and searchable, at
 * the end of it. */
static void
time_import (const char *dir,
             const char *csv_path,
             guint       n_rows,
             gboolean    floor)
{
  g_autofree char *case_path = g_build_filename (dir, "imported.gpkg", NULL);
  g_autoptr(AtlasCase) atlas_case = create_case (dir, "imported.gpkg");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();
  AtlasImportPlan *plan = atlas_import_plan_new (csv_file, NULL);
  AtlasCaseCounts counts;
  double imported;

  g_assert_true (atlas_import_plan_import (plan, atlas_case, NULL, &error));
  g_assert_no_error (error);
  imported = seconds_since (start);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, n_rows);
  printf ("import: %.2f s\n", imported);
  /* both threads together */
  printf ("import-cpu: %.2f s\n", (double) (clock () - cpu_start) / CLOCKS_PER_SEC);
  printf ("import-rate: %.0f rows/s\n", n_rows / imported);

  /* the whole process: run with --modes import alone to see the import's own */
  printf ("import-peak-rss: %.0f MiB\n", peak_mib (RUSAGE_SELF));
  time_search (atlas_case);
  time_edits (atlas_case, n_rows);
  time_free (plan, "free-plan-after-import");
  g_clear_object (&atlas_case);
  printf ("case-size: %.1f MiB\n", file_mib (case_path));
  print_table_sizes (case_path);
  time_open (case_path);
  if (floor)
    time_sqlite_floor (dir, case_path);
}

/* The peak resident memory of a running process, from /proc (getrusage() would count what
 * a forked child shares with this process before it runs another program). */
static double
read_peak_mib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* Runs @argv to its end; returns its exit status, and its peak memory in @peak_mib. */
static gboolean
run_measured (const char **argv,
              double      *peak_mib,
              GError     **error)
{
  GPid pid;
  int status = 0;

  *peak_mib = 0;
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD
                      | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, error))
    return FALSE;
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      *peak_mib = MAX (*peak_mib, read_peak_mib (pid));
      g_usleep (20000);
    }
  g_spawn_close_pid (pid);
  return g_spawn_check_wait_status (status, error);
}

static void
time_ogr2ogr (const char *dir,
              const char *csv_path,
              guint       n_rows)
{
  g_autofree char *gpkg = g_build_filename (dir, "ogr.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "ogr2ogr", "-f", "GPKG", gpkg, csv_path,
                         "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude",
                         NULL };
  g_autofree char *ogr2ogr = g_find_program_in_path ("ogr2ogr");
  gint64 start = g_get_monotonic_time ();
  double elapsed, peak;

  if (ogr2ogr == NULL)
    {
      printf ("ogr2ogr-gpkg: skipped (ogr2ogr is not installed)\n");
      return;
    }
  if (!run_measured (argv, &peak, &error))
    {
      printf ("ogr2ogr-gpkg: failed (%s)\n", error->message);
      return;
    }
  elapsed = seconds_since (start);
  printf ("ogr2ogr-gpkg: %.2f s\n", elapsed);
  printf ("ogr2ogr-gpkg-rate: %.0f rows/s\n", n_rows / elapsed);
  printf ("ogr2ogr-gpkg-size: %.1f MiB\n", file_mib (gpkg));
  printf ("ogr2ogr-peak-rss: %.0f MiB\n", peak);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static gboolean
has_mode (const char *modes,
          const char *mode)
{
  g_auto(GStrv) listed = modes != NULL ? g_strsplit (modes, ",", -1) : NULL;

  return listed == NULL || g_strv_contains ((const char * const *) listed, mode);
}

int
main (int   argc,
      char *argv[])
{
  int rows = 1000000;
  gboolean skip_gdal = FALSE;
  gboolean keep = FALSE;
  gboolean skip_floor = FALSE;
  g_autofree char *modes = NULL;
  g_autofree char *given_csv = NULL;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows to write (1000000)", "N" },
    { "modes", 0, 0, G_OPTION_ARG_STRING, &modes,
      "What to time, of read, preview (read, then write) and import (write while reading); "
      "each in a process of its own compares best (all three)", "MODE,…" },
    { "skip-gdal", 0, 0, G_OPTION_ARG_NONE, &skip_gdal, "Do not run ogr2ogr", NULL },
    { "skip-floor", 0, 0, G_OPTION_ARG_NONE, &skip_floor,
      "Do not time SQLite alone copying the imported rows (it takes a second copy's room)",
      NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep,
      "Keep the files written (the CSV, the cases), for bench-map CASE.gpkg", NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &given_csv, "Read this file instead (ROWS rows)",
      "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *size = NULL;
  GStatBuf stat_buf;
  gint64 start;

  /* each figure as soon as it is measured, for a run that is watched or cut short */
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "--rows must be positive");
      return 1;
    }

  dir = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  csv_path = given_csv ? g_strdup (given_csv) : write_csv (dir, (guint) rows);
  g_assert_cmpint (g_stat (csv_path, &stat_buf), ==, 0);
  size = g_format_size_full ((guint64) stat_buf.st_size, G_FORMAT_SIZE_IEC_UNITS);
  printf ("rows: %d rows\n", rows);
  printf ("csv-size: %.1f MiB\n", stat_buf.st_size / 1048576.0);
  printf ("write-csv: %.2f s\n", seconds_since (start));

  if (has_mode (modes, "read"))
    time_free (time_parse (csv_path, (guint) rows, "parse"), "free-plan");
  if (has_mode (modes, "preview"))
    time_preview_then_write (dir, csv_path, (guint) rows);
  if (has_mode (modes, "import"))
    time_import (dir, csv_path, (guint) rows, !skip_floor);
  if (!skip_gdal)
    time_ogr2ogr (dir, csv_path, (guint) rows);

  if (keep)
    printf ("kept: %s\n", dir);
  else
    remove_dir (dir);
  return 0;
}
