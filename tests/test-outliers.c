/* test-outliers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule for misplaced incidents (atlas_outliers_find()) on incidents as an import reads
 * them, one position each: rows at 0,0 and on the world's edge, a far pair among many; and
 * nothing in the sample case, nor in a file whose rows are all at one place.
 */

#include "config.h"

#include <locale.h>

#include "atlas-case.h"
#include "atlas-mercator.h"
#include "atlas-outliers.h"

/* Incidents as a file gives them: degrees of latitude and longitude. */
typedef struct {
  double latitude;
  double longitude;
} Row;

static AtlasOutlier *
find (const Row *rows,
      guint      n_rows,
      guint64   *n_outliers)
{
  g_autofree AtlasClusterPosition *positions = g_new (AtlasClusterPosition, n_rows);

  for (guint i = 0; i < n_rows; i++)
    positions[i] = (AtlasClusterPosition) {
      atlas_mercator_x_from_longitude (rows[i].longitude),
      atlas_mercator_y_from_latitude (rows[i].latitude), 1 };
  return atlas_outliers_find (positions, n_rows, n_outliers);
}

/* @n rows around Kerman, spread over about a degree, then @more. */
static GArray *
kerman_rows (guint      n,
             const Row *more,
             guint      n_more)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < n; i++)
    {
      Row row = { 30.28 + (i % 23) * 0.04 - 0.4, 57.08 + (i % 29) * 0.035 - 0.5 };

      g_array_append_val (rows, row);
    }
  g_array_append_vals (rows, more, n_more);
  return rows;
}

static void
test_origin_and_edges (void)
{
  Row more[] = { { 0, 0 }, { 31.0, 180 }, { -90, 57.0 }, { 30.1, -180 }, { 89.99, 10 } };
  g_autoptr(GArray) rows = kerman_rows (40, more, G_N_ELEMENTS (more));
  g_autofree AtlasOutlier *outliers = NULL;
  guint64 n_outliers = 0;

  outliers = find ((Row *) rows->data, rows->len, &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 5);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpint (outliers[i], ==, ATLAS_OUTLIER_NONE);
  g_assert_cmpint (outliers[40], ==, ATLAS_OUTLIER_AT_ORIGIN);
  for (guint i = 41; i < rows->len; i++)
    g_assert_cmpint (outliers[i], ==, ATLAS_OUTLIER_ON_EDGE);
  g_assert_nonnull (atlas_outlier_describe (ATLAS_OUTLIER_AT_ORIGIN));
  g_assert_null (atlas_outlier_describe (ATLAS_OUTLIER_NONE));
  /* close to 0,0 is a place like any other */
  g_assert_cmpint (atlas_outlier_at (atlas_mercator_x_from_longitude (0.01),
                                     atlas_mercator_y_from_latitude (0.01)),
                   ==, ATLAS_OUTLIER_NONE);
}

/* Two rows in Montreal among 500 in Kerman are far; 30 of 500 would be a second area. */
static void
test_far_pair (void)
{
  Row pair[] = { { 45.5, -73.6 }, { 45.6, -73.5 } };
  Row many[30];
  g_autoptr(GArray) rows = kerman_rows (500, pair, G_N_ELEMENTS (pair));
  g_autoptr(GArray) second_area = NULL;
  g_autofree AtlasOutlier *outliers = NULL;
  g_autofree AtlasOutlier *none = NULL;
  guint64 n_outliers = 0;

  outliers = find ((Row *) rows->data, rows->len, &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 2);
  g_assert_cmpint (outliers[499], ==, ATLAS_OUTLIER_NONE);
  g_assert_cmpint (outliers[500], ==, ATLAS_OUTLIER_FAR);
  g_assert_cmpint (outliers[501], ==, ATLAS_OUTLIER_FAR);

  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = pair[i % 2];
  second_area = kerman_rows (500, many, G_N_ELEMENTS (many));
  none = find ((Row *) second_area->data, second_area->len, &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 0);
}

/* Every row at one place, even 0,0: that is where the file's incidents are. */
static void
test_one_place (void)
{
  Row kerman[] = { { 30.28, 57.08 }, { 30.28, 57.08 }, { 30.28, 57.08 } };
  Row origin[] = { { 0, 0 }, { 0, 0 } };
  g_autofree AtlasOutlier *a = NULL;
  g_autofree AtlasOutlier *b = NULL;
  guint64 n_outliers = 1;

  a = find (kerman, G_N_ELEMENTS (kerman), &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 0);
  n_outliers = 1;
  b = find (origin, G_N_ELEMENTS (origin), &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 0);
  g_assert_cmpint (b[0], ==, ATLAS_OUTLIER_NONE);
  g_free (atlas_outliers_find (NULL, 0, &n_outliers));
  g_assert_cmpuint (n_outliers, ==, 0);
}

/* The sample case (Kerman and the routes across the region) has nothing misplaced. */
static void
test_sample_case (void)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree AtlasOutlier *outliers = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_outliers = 1;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("ATLAS_SAMPLE_CASE does not name the built sample case");
      return;
    }
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  incidents = atlas_case_list_incidents (atlas_case, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(AtlasRecord) incident = g_list_model_get_item (incidents, i);
      Row row = { atlas_record_get_double (incident, "latitude"),
                  atlas_record_get_double (incident, "longitude") };

      g_array_append_val (rows, row);
    }
  g_assert_cmpuint (rows->len, >, 3);
  outliers = find ((Row *) rows->data, rows->len, &n_outliers);
  g_assert_cmpuint (n_outliers, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/outliers/origin-and-edges", test_origin_and_edges);
  g_test_add_func ("/atlas/outliers/far-pair", test_far_pair);
  g_test_add_func ("/atlas/outliers/one-place", test_one_place);
  g_test_add_func ("/atlas/outliers/sample-case", test_sample_case);
  return g_test_run ();
}
