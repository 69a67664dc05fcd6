/* import-test-util.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the importer tests share: their data files, files written for one test, and
 * looking into a plan's records and problems.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "import-test-util.h"

char *
import_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

AtlasImportPlan *
import_test_load (const char  *name,
                  GError     **error)
{
  g_autofree char *path = import_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_import_plan_new_for_file (file, NULL, error);
}

/* Writes @contents to a new file named @name in a new folder of the test's own cache
 * folder, which G_TEST_OPTION_ISOLATE_DIRS removes afterwards. */
GFile *
import_test_write_temp (const char *name,
                        const char *contents,
                        gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "import-XXXXXX", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (dir));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

AtlasRecord *
import_test_find_record (AtlasImportPlan *plan,
                         const char      *kind,
                         guint            nth)
{
  GPtrArray *records = atlas_import_plan_get_records (plan);

  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (atlas_record_get_kind (g_ptr_array_index (records, i)), kind) && nth-- == 0)
      return g_ptr_array_index (records, i);
  return NULL;
}

const char *
import_test_claim_value (AtlasImportPlan *plan,
                         const char      *subject_key,
                         const char      *attribute)
{
  AtlasRecord *claim;

  for (guint i = 0; (claim = import_test_find_record (plan, "claim", i)) != NULL; i++)
    if (g_strcmp0 (atlas_record_get_text (claim, "subject_key"), subject_key) == 0
        && g_strcmp0 (atlas_record_get_text (claim, "attribute"), attribute) == 0)
      return atlas_record_get_text (claim, "value_text");
  return NULL;
}

/* A problem at @place (a line, or a feature when @by_feature) whose reason holds @needle,
 * and whose text names the file. */
static void
assert_problem (AtlasImportPlan *plan,
                gboolean         by_feature,
                guint            place,
                const char      *needle)
{
  GPtrArray *problems = atlas_import_plan_get_problems (plan);

  for (guint i = 0; i < problems->len; i++)
    {
      AtlasImportProblem *problem = g_ptr_array_index (problems, i);
      guint at = by_feature ? problem->feature : problem->line;

      if (at == place && strstr (problem->reason, needle) != NULL)
        {
          g_autofree char *text = atlas_import_problem_to_string (problem);

          g_assert_nonnull (strstr (text, problem->file));
          g_test_message ("%s", text);
          return;
        }
    }
  g_error ("no problem “%s” at %s %u", needle, by_feature ? "feature" : "line", place);
}

void
import_test_assert_problem_on_line (AtlasImportPlan *plan,
                                    guint            line,
                                    const char      *needle)
{
  assert_problem (plan, FALSE, line, needle);
}

void
import_test_assert_problem_at_feature (AtlasImportPlan *plan,
                                       guint            feature,
                                       const char      *needle)
{
  assert_problem (plan, TRUE, feature, needle);
}

static const char cities_csv[] =
  "name,latitude,longitude,date\n"
  "Kerman,30.2839,57.0834,2024-01-03\n"
  "Tehran,35.6944,51.4215,2017-06-07\n"
  "Shiraz,29.6036,52.5388,2022-10-26\n";

/* Real city points written by GDAL itself, in the format of @driver. */
GFile *
import_test_convert_with_ogr2ogr (const char *driver,
                      const char *name)
{
  g_autoptr(GFile) csv = import_test_write_temp ("cities.csv", cities_csv, -1);
  g_autofree char *csv_path = g_file_get_path (csv);
  g_autofree char *dir = g_path_get_dirname (csv_path);
  g_autofree char *out = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = {
    "ogr2ogr", "-f", driver, out, csv_path, "-oo", "X_POSSIBLE_NAMES=longitude",
    "-oo", "Y_POSSIBLE_NAMES=latitude", "-oo", "KEEP_GEOM_COLUMNS=NO",
    /* GPX keeps fields other than its own only as extensions */
    g_str_equal (driver, "GPX") ? "-dsco" : NULL, "GPX_USE_EXTENSIONS=YES", NULL
  };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (out);
}

/* Imports the city points as GDAL writes them in @driver's format and checks incident
 * @nth: no problem, three incidents, and its title, date and exact coordinates. */
void
import_test_check_gdal_cities (const char *driver,
                               const char *name,
                               guint       nth,
                               const char *title,
                               const char *date,
                               double      latitude,
                               double      longitude)
{
  g_autofree char *ogr2ogr = g_find_program_in_path ("ogr2ogr");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasRecord *incident;
  AtlasCaseCounts counts;

  if (ogr2ogr == NULL)
    {
      g_test_skip ("ogr2ogr is not installed");
      return;
    }
  file = import_test_convert_with_ogr2ogr (driver, name);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 3);

  incident = import_test_find_record (plan, "incident", nth);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, title);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, date);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "latitude"), latitude, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "longitude"), longitude,
                                  1e-9);
}
