/* test-number-format.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "atlas-number-format.h"

static void
assert_formats (char       *(*format) (guint64),
                guint64       count,
                const char   *expected)
{
  g_autofree char *text = format (count);

  g_assert_cmpstr (text, ==, expected);
}

/* The C locale groups nothing, but speaks English: grouped the English way. */
static void
test_grouped (void)
{
  assert_formats (atlas_format_count, 0, "0");
  assert_formats (atlas_format_count, 999, "999");
  assert_formats (atlas_format_count, 1000, "1,000");
  assert_formats (atlas_format_count, 65536, "65,536");
  assert_formats (atlas_format_count, 1000000, "1,000,000");
  assert_formats (atlas_format_count, 2000000, "2,000,000");
  assert_formats (atlas_format_count, G_GUINT64_CONSTANT (10000000000), "10,000,000,000");
}

static void
test_short (void)
{
  assert_formats (atlas_format_count_short, 7, "7");
  assert_formats (atlas_format_count_short, 999, "999");
  assert_formats (atlas_format_count_short, 1000, "1k");
  assert_formats (atlas_format_count_short, 1299, "1.2k");
  assert_formats (atlas_format_count_short, 9999, "9.9k");
  assert_formats (atlas_format_count_short, 12345, "12k");
  assert_formats (atlas_format_count_short, 999999, "999k");
  assert_formats (atlas_format_count_short, 1000000, "1M");
  assert_formats (atlas_format_count_short, 1250000, "1.2M");
  assert_formats (atlas_format_count_short, 12500000, "12M");
}

/* What a case holds, in words: each noun singular for one, each count grouped. */
static void
test_case_counts (void)
{
  AtlasCaseCounts one = { .incidents = 1, .routes = 1, .waypoints = 1, .documents = 1,
                          .claims = 1 };
  AtlasCaseCounts many = { .incidents = 1000000, .routes = 2, .waypoints = 11,
                           .documents = 3, .claims = 2000000 };
  g_autofree char *one_line = atlas_format_case_counts (&one, FALSE, " · ");
  g_autofree char *one_import = atlas_format_case_counts (&one, TRUE, ", ");
  g_autofree char *many_line = atlas_format_case_counts (&many, FALSE, " · ");
  g_autofree char *many_import = atlas_format_case_counts (&many, TRUE, ", ");

  g_assert_cmpstr (one_line, ==, "1 incident · 1 route · 1 source · 1 claim");
  g_assert_cmpstr (one_import, ==, "1 incident, 1 route with 1 waypoint, 1 source, 1 claim");
  g_assert_cmpstr (many_line, ==, "1,000,000 incidents · 2 routes · 3 sources · 2,000,000 claims");
  g_assert_cmpstr (many_import, ==,
                   "1,000,000 incidents, 2 routes with 11 waypoints, 3 sources, 2,000,000 claims");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/number-format/grouped", test_grouped);
  g_test_add_func ("/atlas/number-format/short", test_short);
  g_test_add_func ("/atlas/number-format/case-counts", test_case_counts);

  return g_test_run ();
}
