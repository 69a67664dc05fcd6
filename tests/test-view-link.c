/* test-view-link.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links to a place in a case: written and read back, hostile links refused with a message
 * that names them, files that are not cases refused before anything opens them, and the
 * citation that goes beside a link.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "atlas-case.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-view-citation.h"
#include "atlas-view-link.h"

static void
assert_same_link (const AtlasViewLink *a,
                  const AtlasViewLink *b)
{
  g_assert_cmpstr (a->case_path, ==, b->case_path);
  g_assert_cmpstr (a->record_key, ==, b->record_key);
  g_assert_cmpuint (a->step, ==, b->step);
  g_assert_cmpstr (a->briefing, ==, b->briefing);
  g_assert_cmpint (a->has_view, ==, b->has_view);
  if (a->has_view)
    {
      g_assert_cmpfloat_with_epsilon (a->latitude, b->latitude, 1e-6);
      g_assert_cmpfloat_with_epsilon (a->longitude, b->longitude, 1e-6);
      g_assert_cmpfloat_with_epsilon (a->zoom, b->zoom, 0.005);
    }
}

static AtlasViewLink *
round_trip (const AtlasViewLink *link)
{
  g_autofree char *uri = atlas_view_link_to_uri (link);
  g_autoptr(GError) error = NULL;
  AtlasViewLink *read = atlas_view_link_parse (uri, &error);

  g_test_message ("%s", uri);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (g_str_has_prefix (uri, "incident-atlas:///"));
  /* every byte a link carries is printable ASCII that needs no quoting */
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_true (g_ascii_isgraph (*p) && strchr (" \"<>\\^`{|}#", *p) == NULL);
  assert_same_link (link, read);
  g_assert_null (read->ignored[0]);
  return read;
}

static void
test_round_trip (void)
{
  g_autoptr(AtlasViewLink) record = atlas_view_link_new ("/home/ana/Cases/R&D <draft> 100%?#.gpkg");
  g_autoptr(AtlasViewLink) step = atlas_view_link_new ("/tmp/كرمان/case.gpkg");
  g_autoptr(AtlasViewLink) view = atlas_view_link_new ("/c.gpkg");
  g_autoptr(AtlasViewLink) a = NULL;
  g_autoptr(AtlasViewLink) b = NULL;
  g_autoptr(AtlasViewLink) c = NULL;
  g_autofree char *uri = NULL;

  record->record_key = g_strdup ("inc-1'; DROP TABLE incidents;--&step=2=?");
  atlas_view_link_set_view (record, 30.283611, 57.083056, 9.5);
  a = round_trip (record);

  step->step = 16;
  step->briefing = g_strdup ("Full briefing: “Kerman” & after");
  b = round_trip (step);

  atlas_view_link_set_view (view, -33.5, -179.999999, 0);
  c = round_trip (view);

  /* the view is kept within the world */
  atlas_view_link_set_view (view, 95.0, 541.0, 40.0);
  g_assert_cmpfloat (view->latitude, ==, 90.0);
  g_assert_cmpfloat_with_epsilon (view->longitude, -179.0, 1e-9);
  g_assert_cmpfloat (view->zoom, ==, 22.0);

  uri = atlas_view_link_to_uri (record);
  g_assert_nonnull (strstr (uri, "R%26D%20%3Cdraft%3E%20100%25%3F%23.gpkg"));
  g_assert_nonnull (strstr (uri, "record=inc-1%27%3B%20DROP"));
}

/* The scheme is read in any case; parameters it does not know are listed, not used. */
static void
test_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasViewLink) link = NULL;
  g_autofree char *ignored = NULL;

  link = atlas_view_link_parse ("Incident-Atlas:///a/b%20c.gpkg?record=inc%2Dx&sql=DROP"
                                "&%3Cb%3E=1&&exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->case_path, ==, "/a/b c.gpkg");
  g_assert_cmpstr (link->record_key, ==, "inc-x");
  g_assert_false (link->has_view);
  g_assert_cmpuint (g_strv_length (link->ignored), ==, 3);
  ignored = atlas_view_link_describe_ignored (link);
  g_assert_nonnull (strstr (ignored, "sql"));
  g_assert_nonnull (strstr (ignored, "%3Cb%3E"));
  g_assert_nonnull (strstr (ignored, "exec"));
}

static void
assert_refused (const char *uri,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasViewLink) link = atlas_view_link_parse (uri, &error);

  g_test_message ("%s: %s", why, error != NULL ? error->message : "(read)");
  g_assert_null (link);
  g_assert_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "incident-atlas"));
  /* the message shows the link printable and short */
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 400);
  for (const char *p = error->message; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= ' ');
}

static void
test_hostile (void)
{
  g_autoptr(GString) long_link = g_string_new ("incident-atlas:///case.gpkg?record=");
  g_autoptr(GString) many = g_string_new ("incident-atlas:///case.gpkg?");
  g_autoptr(GString) long_value = g_string_new ("incident-atlas:///case.gpkg?record=");

  while (long_link->len <= ATLAS_VIEW_LINK_MAX_LENGTH)
    g_string_append (long_link, "%41");
  for (int i = 0; i < 17; i++)
    g_string_append_printf (many, "x%d=1&", i);
  for (int i = 0; i <= ATLAS_VIEW_LINK_MAX_VALUE; i++)
    g_string_append_c (long_value, 'k');

  assert_refused (long_link->str, "too long");
  assert_refused (many->str, "too many parameters");
  assert_refused (long_value->str, "value too long");
  assert_refused ("", "empty");
  assert_refused ("file:///tmp/case.gpkg", "another scheme");
  assert_refused ("incident-atlas:/tmp/case.gpkg", "no authority");
  assert_refused ("incident-atlas://", "no path");
  assert_refused ("incident-atlas:///", "root");
  assert_refused ("incident-atlas://relative/case.gpkg", "relative path");
  assert_refused ("incident-atlas://~/case.gpkg", "home path");
  assert_refused ("incident-atlas:///tmp/../etc/case.gpkg", "dot-dot");
  assert_refused ("incident-atlas:///tmp/%2E%2E/case.gpkg", "encoded dot-dot");
  assert_refused ("incident-atlas:///tmp/./case.gpkg", "dot");
  assert_refused ("incident-atlas:///tmp/case%G1.gpkg", "bad escape");
  assert_refused ("incident-atlas:///tmp/case.gpkg%4", "short escape");
  assert_refused ("incident-atlas:///tmp/case.gpkg%", "bare percent");
  assert_refused ("incident-atlas:///tmp/case%00.gpkg", "NUL in the path");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=a%00b", "NUL in a value");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=a%0Ab", "newline in a value");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=%FF%FE", "not UTF-8");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=%C0%AF", "overlong UTF-8");
  assert_refused ("incident-atlas:///tmp/my case.gpkg", "raw space");
  assert_refused ("incident-atlas:///tmp/cäse.gpkg", "raw non-ASCII");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=a\tb", "raw tab");
  assert_refused ("incident-atlas:///tmp/case.gpkg#record=x", "fragment");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=a&record=b", "given twice");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=", "empty key");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record", "no value");
  assert_refused ("incident-atlas:///tmp/case.gpkg?record=a&step=2", "record and step");
  assert_refused ("incident-atlas:///tmp/case.gpkg?step=0", "step 0");
  assert_refused ("incident-atlas:///tmp/case.gpkg?briefing=Short", "briefing, no step");
  assert_refused ("incident-atlas:///tmp/case.gpkg?step=10001", "step too far");
  assert_refused ("incident-atlas:///tmp/case.gpkg?step=-1", "negative step");
  assert_refused ("incident-atlas:///tmp/case.gpkg?step=2x", "step with junk");
  assert_refused ("incident-atlas:///tmp/case.gpkg?step=99999999999999999999", "step overflow");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=10&lon=20", "view without zoom");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=91&lon=20&zoom=3", "latitude 91");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=1&lon=-180.5&zoom=3", "longitude");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=1&lon=2&zoom=23", "zoom 23");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=nan&lon=2&zoom=3", "NaN");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=1&lon=inf&zoom=3", "infinity");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=1e400&lon=2&zoom=3", "overflow");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=%201&lon=2&zoom=3", "space before");
  assert_refused ("incident-atlas:///tmp/case.gpkg?lat=1&lon=2&zoom=", "empty zoom");
}

static AtlasViewLink *
link_to (const char *path)
{
  return atlas_view_link_new (path);
}

static void
assert_not_a_case (const char *path,
                   int         code)
{
  g_autoptr(AtlasViewLink) link = link_to (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_view_link_check_case (link, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, ATLAS_VIEW_LINK_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
}

/* Files a link may name that are not cases: refused before any open, FIFOs without a
 * hang. */
static void
test_not_cases (void)
{
  g_autofree char *dir = g_dir_make_tmp ("view-link-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gpkg", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.gpkg", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.gpkg", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.gpkg", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.gpkg", NULL);
  const char *sample = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(AtlasViewLink) link = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (text, "SQLite format 2 is not this\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  assert_not_a_case (missing, ATLAS_VIEW_LINK_ERROR_NOT_FOUND);
  assert_not_a_case (folder, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE);
  assert_not_a_case (fifo, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE);
  assert_not_a_case (text, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE);
  assert_not_a_case (empty, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE);

  g_assert_nonnull (sample);
  link = link_to (sample);
  g_assert_true (atlas_view_link_check_case (link, &error));
  g_assert_no_error (error);

  g_remove (text);
  g_remove (empty);
  g_remove (fifo);
  g_rmdir (folder);
  g_rmdir (dir);
}

static AtlasCase *
open_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return atlas_case;
}

static void
test_citations (void)
{
  g_autoptr(AtlasCase) atlas_case = open_sample ();
  g_autoptr(AtlasRecord) kerman = atlas_case_lookup (atlas_case, "incident", "inc-kerman-2024",
                                                     NULL);
  g_autoptr(AtlasRecord) step = NULL;
  g_autoptr(GListModel) briefings = NULL;
  g_autoptr(AtlasRecord) briefing = NULL;
  g_autofree char *record_text = NULL;
  g_autofree char *step_text = NULL;
  g_autofree char *view_text = NULL;
  guint n_steps = 0;

  record_text = atlas_view_citation_record (atlas_case, kerman);
  g_test_message ("%s", record_text);
  g_assert_true (g_str_has_prefix (record_text, "Twin suicide bombings at the Soleimani "
                                                "commemoration, Kerman — "));
  g_assert_nonnull (strstr (record_text, "3 January 2024"));
  g_assert_nonnull (strstr (record_text, "; sources: "));
  g_assert_nonnull (strstr (record_text, "NewsNation, 4 January 2024 ("));

  step = atlas_view_citation_lookup_step (atlas_case, NULL, 10, &n_steps);
  g_assert_nonnull (step);
  g_assert_cmpuint (n_steps, ==, 21);
  g_assert_cmpstr (atlas_record_get_text (step, "subject_key"), ==, "wp-jaliq-crossing");
  step_text = atlas_view_citation_step (atlas_case, step, 10, n_steps);
  g_test_message ("%s", step_text);
  g_assert_true (g_str_has_prefix (step_text, atlas_case_get_title (atlas_case)));
  g_assert_nonnull (strstr (step_text, " — step 10 of 21: "));
  g_assert_nonnull (strstr (step_text, "; sources: "));

  g_assert_null (atlas_view_citation_lookup_step (atlas_case, NULL, 0, NULL));
  g_assert_null (atlas_view_citation_lookup_step (atlas_case, NULL, 22, NULL));
  /* a link names its briefing by title: the sample's one, or none the case has */
  briefings = atlas_case_list_briefings (atlas_case, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
  briefing = g_list_model_get_item (briefings, 0);
  g_clear_object (&step);
  step = atlas_view_citation_lookup_step (atlas_case, atlas_record_get_text (briefing, "title"),
                                          21, &n_steps);
  g_assert_nonnull (step);
  g_assert_cmpuint (n_steps, ==, 21);
  g_assert_null (atlas_view_citation_lookup_step (atlas_case, "No such briefing", 1, &n_steps));
  g_assert_cmpuint (n_steps, ==, 0);

  view_text = atlas_view_citation_view (atlas_case, 30.2836, -57.0831, 9.5);
  g_assert_nonnull (strstr (view_text, "30.284° N"));
  g_assert_nonnull (strstr (view_text, "57.083° W"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/view-link/round-trip", test_round_trip);
  g_test_add_func ("/atlas/view-link/lenient", test_lenient);
  g_test_add_func ("/atlas/view-link/hostile", test_hostile);
  g_test_add_func ("/atlas/view-link/not-cases", test_not_cases);
  g_test_add_func ("/atlas/view-link/citations", test_citations);

  return g_test_run ();
}
