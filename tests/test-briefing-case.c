/* test-briefing-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Briefings made in the app, as store edits: every briefing edit applied, undone and
 * redone, compared by a digest of the whole case; several briefings in one case; the
 * order of steps as they are inserted and moved; finding a briefing by title; the
 * canonical text of a step's filters; and a version 3 file's steps put in one briefing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-briefing-step.h"
#include "atlas-briefing-view.h"
#include "atlas-briefing.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-case-schema.h"
#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-undo-stack.h"
#include "case-digest.h"
#include "case-versions.h"
#include "case-test-util.h"

typedef CaseFixture Fixture;

/* ---- a small case with one briefing of three steps ------------------------------------ */

static AtlasRecord *
make_briefing (const char *key,
               const char *title,
               gint64      seq)
{
  AtlasRecord *briefing = ATLAS_RECORD (atlas_briefing_new (key));

  atlas_record_set_text (briefing, "title", title);
  atlas_record_set_int (briefing, "seq", seq);
  return briefing;
}

static AtlasRecord *
make_step (const char *key,
           const char *briefing_key,
           gint64      seq,
           const char *caption)
{
  AtlasRecord *step = ATLAS_RECORD (atlas_briefing_step_new (key));

  atlas_record_set_text (step, "briefing_key", briefing_key);
  atlas_record_set_int (step, "seq", seq);
  atlas_record_set_text (step, "subject_kind", "incident");
  atlas_record_set_text (step, "subject_key", "kerman");
  atlas_record_set_text (step, "caption", caption);
  return step;
}


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, case_test_incident ("kerman", "Twin bombings in Kerman", 30.28, 57.08));
  g_ptr_array_add (records, make_briefing ("full", "Full briefing", 1));
  g_ptr_array_add (records, make_step ("s1", "full", 1, "First"));
  g_ptr_array_add (records, make_step ("s2", "full", 2, "Second"));
  g_ptr_array_add (records, make_step ("s3", "full", 3, "Third"));
  case_fixture_set_up (fixture, "atlas-briefing-XXXXXX", "Briefings", records);
}

static AtlasRecord *
lookup (Fixture    *fixture,
        const char *kind,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  AtlasRecord *record = atlas_case_lookup (fixture->atlas_case, kind, key, &error);

  g_assert_no_error (error);
  return record;
}

/* The captions of a briefing's steps, in order, joined by spaces. */
static char *
list_captions (Fixture    *fixture,
               const char *briefing_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) steps = atlas_case_list_briefing_steps (fixture->atlas_case,
                                                                briefing_key, &error);
  g_autoptr(GString) captions = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);

      g_string_append_printf (captions, "%s%s", i > 0 ? " " : "",
                              atlas_record_get_text (step, "caption"));
    }
  return g_string_free (g_steal_pointer (&captions), FALSE);
}

/* ---- each edit, applied, undone and redone -------------------------------------------- */

typedef AtlasEdit *(*BuildEdit) (Fixture *fixture);

static void
check_round_trip (Fixture   *fixture,
                  BuildEdit  build)
{
  g_autoptr(AtlasEdit) edit = build (fixture);

  check_edit_round_trip (fixture->atlas_case, fixture->files.path, edit);
}

static AtlasEdit *
build_add_view (Fixture *fixture)
{
  g_autoptr(AtlasRecord) incident = lookup (fixture, "incident", "kerman");
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasRecord) step = ATLAS_RECORD (atlas_briefing_step_new ("s4"));
  AtlasBriefingView view = { 30.3, 57.1, 9.5, { 56.9, 30.1, 57.3, 30.5 }, incident, filter };
  AtlasEdit *edit = atlas_edit_new ("Add step");
  g_autoptr(GError) error = NULL;

  atlas_filter_set_date_range (filter, "2024-01-01", "2024-01-31");
  atlas_filter_set_min_reliability (filter, 'C');
  atlas_briefing_view_apply_to_step (&view, step);
  atlas_record_set_text (step, "briefing_key", "full");
  atlas_record_set_text (step, "caption", "Fourth");
  g_assert_true (atlas_case_insert_step (fixture->atlas_case, edit, step, NULL, &error));
  g_assert_no_error (error);
  return edit;
}

/* A duplicate goes right after its original, moving up the steps in its way. */
static AtlasEdit *
build_duplicate (Fixture *fixture)
{
  g_autoptr(AtlasRecord) original = lookup (fixture, "briefing-step", "s1");
  g_autoptr(AtlasRecord) copy = atlas_briefing_step_duplicate (original, "s1-copy");
  AtlasEdit *edit = atlas_edit_new ("Duplicate step");
  g_autoptr(GError) error = NULL;

  atlas_record_set_text (copy, "caption", "Copy");
  g_assert_true (atlas_case_insert_step (fixture->atlas_case, edit, copy, original, &error));
  g_assert_no_error (error);
  return edit;
}

static AtlasEdit *
build_move_last_first (Fixture *fixture)
{
  g_autoptr(AtlasRecord) step = lookup (fixture, "briefing-step", "s3");
  AtlasEdit *edit = atlas_edit_new ("Move step");
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_move_step (fixture->atlas_case, edit, step, 0, &error));
  g_assert_no_error (error);
  return edit;
}

static AtlasEdit *
build_edit_caption (Fixture *fixture)
{
  g_autoptr(AtlasRecord) step = lookup (fixture, "briefing-step", "s2");
  g_autoptr(AtlasRecord) changed = atlas_record_dup (step);
  AtlasEdit *edit = atlas_edit_new ("Edit caption");

  atlas_record_set_text (changed, "caption", "The second, told better");
  atlas_edit_change (edit, step, changed);
  return edit;
}

static AtlasEdit *
build_update_to_view (Fixture *fixture)
{
  g_autoptr(AtlasRecord) step = lookup (fixture, "briefing-step", "s2");
  g_autoptr(AtlasRecord) changed = atlas_record_dup (step);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  const char *categories[] = { "shooting", "bombing", NULL };
  AtlasBriefingView view = { 35.7, 51.4, 6, { 50, 35, 53, 36.5 }, NULL, filter };
  AtlasEdit *edit = atlas_edit_new ("Update step to this view");

  atlas_filter_set_categories (filter, categories);
  atlas_briefing_view_apply_to_step (&view, changed);
  atlas_edit_change (edit, step, changed);
  return edit;
}

static AtlasEdit *
build_delete_step (Fixture *fixture)
{
  g_autoptr(AtlasRecord) step = lookup (fixture, "briefing-step", "s2");
  g_autoptr(GError) error = NULL;
  AtlasEdit *edit = atlas_case_build_removal (fixture->atlas_case, step, "Delete step", &error);

  g_assert_no_error (error);
  return edit;
}

static AtlasEdit *
build_add_briefing (Fixture *fixture)
{
  AtlasEdit *edit = atlas_edit_new ("Add briefing");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = atlas_case_add_briefing (fixture->atlas_case, edit, "Short", &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return edit;
}

static AtlasEdit *
build_rename_briefing (Fixture *fixture)
{
  g_autoptr(AtlasRecord) briefing = lookup (fixture, "briefing", "full");
  g_autoptr(AtlasRecord) renamed = atlas_record_dup (briefing);
  AtlasEdit *edit = atlas_edit_new ("Rename briefing");

  atlas_record_set_text (renamed, "title", "The whole story");
  atlas_edit_change (edit, briefing, renamed);
  return edit;
}

/* A briefing goes with its steps, and undo gives them all back. */
static AtlasEdit *
build_delete_briefing (Fixture *fixture)
{
  g_autoptr(AtlasRecord) briefing = lookup (fixture, "briefing", "full");
  g_autoptr(GError) error = NULL;
  AtlasEdit *edit = atlas_case_build_removal (fixture->atlas_case, briefing, "Delete briefing",
                                              &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_edit_get_n_steps (edit), ==, 4);
  return edit;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  check_round_trip (fixture, (BuildEdit) data);
}

/* ---- what the edits leave ------------------------------------------------------------- */

static void
apply (Fixture   *fixture,
       AtlasEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_no_error (error);
  g_object_unref (edit);
}

static void
test_step_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *duplicated = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *added = NULL;
  g_autofree char *back = NULL;
  g_autoptr(AtlasRecord) copy = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Move step");
  g_autoptr(GError) error = NULL;

  apply (fixture, build_duplicate (fixture));
  duplicated = list_captions (fixture, "full");
  g_assert_cmpstr (duplicated, ==, "First Copy Second Third");

  apply (fixture, build_move_last_first (fixture));
  moved = list_captions (fixture, "full");
  g_assert_cmpstr (moved, ==, "Third First Copy Second");

  apply (fixture, build_add_view (fixture));
  added = list_captions (fixture, "full");
  g_assert_cmpstr (added, ==, "Third First Copy Second Fourth");

  /* one later, as Alt+Down does; the last step stays last */
  copy = lookup (fixture, "briefing-step", "s1-copy");
  g_assert_true (atlas_case_move_step (fixture->atlas_case, edit, copy, 3, &error));
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_no_error (error);
  back = list_captions (fixture, "full");
  g_assert_cmpstr (back, ==, "Third First Second Copy Fourth");
  g_assert_cmpint (query_int (fixture->files.path, "SELECT count(*) FROM briefing_steps"
                                                   " WHERE seq <= 0"), ==, 0);
}

/* A step made from a view keeps it: centre, zoom, bounds, subject, dates and filters. */
static void
test_step_keeps_view (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasRecord) step = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  double lat, lon, zoom;

  apply (fixture, build_add_view (fixture));
  step = lookup (fixture, "briefing-step", "s4");
  g_assert_true (atlas_briefing_step_get_view (step, &lat, &lon, &zoom));
  g_assert_cmpfloat (lat, ==, 30.3);
  g_assert_cmpfloat (lon, ==, 57.1);
  g_assert_cmpfloat (zoom, ==, 9.5);
  g_assert_cmpfloat (atlas_record_get_double (step, "min_lon"), ==, 56.9);
  g_assert_cmpfloat (atlas_record_get_double (step, "max_lat"), ==, 30.5);
  g_assert_cmpstr (atlas_record_get_text (step, "subject_kind"), ==, "incident");
  g_assert_cmpstr (atlas_record_get_text (step, "subject_key"), ==, "kerman");
  g_assert_cmpstr (atlas_record_get_text (step, "start_date"), ==, "2024-01-01");
  g_assert_cmpstr (atlas_record_get_text (step, "end_date"), ==, "2024-01-31");
  g_assert_cmpstr (atlas_record_get_text (step, "filters"), ==, "reliability=C");

  g_assert_true (atlas_briefing_view_restore_filter (step, filter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_filter_get_start_date (filter), ==, "2024-01-01");
  g_assert_cmpint (atlas_filter_get_min_reliability (filter), ==, 'C');

  /* a step from a file has no view of its own */
  g_clear_object (&step);
  step = lookup (fixture, "briefing-step", "s1");
  g_assert_false (atlas_briefing_step_get_view (step, NULL, NULL, NULL));
}

/* Two briefings, each its own steps; found by title, an unknown title named. */
static void
test_several_briefings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Add briefing");
  g_autoptr(GListModel) briefings = NULL;
  g_autoptr(AtlasRecord) found = NULL;
  g_autoptr(AtlasRecord) second = NULL;
  g_autoptr(AtlasRecord) step = NULL;
  g_autofree char *key = NULL;
  g_autofree char *full = NULL;
  g_autofree char *shorter = NULL;
  g_autoptr(GError) error = NULL;

  key = atlas_case_add_briefing (fixture->atlas_case, edit, "Short", &error);
  step = make_step ("short-1", key, 0, "Only");
  g_assert_true (atlas_case_insert_step (fixture->atlas_case, edit, step, NULL, &error));
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_no_error (error);

  briefings = atlas_case_list_briefings (fixture->atlas_case, &error);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 2);
  second = g_list_model_get_item (briefings, 1);
  g_assert_cmpstr (atlas_record_get_text (second, "title"), ==, "Short");
  full = list_captions (fixture, "full");
  shorter = list_captions (fixture, key);
  g_assert_cmpstr (full, ==, "First Second Third");
  g_assert_cmpstr (shorter, ==, "Only");
  /* no key: the first briefing */
  g_clear_pointer (&full, g_free);
  full = list_captions (fixture, NULL);
  g_assert_cmpstr (full, ==, "First Second Third");

  found = atlas_case_find_briefing (fixture->atlas_case, "Short", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_record_get_key (found), ==, key);
  g_assert_null (atlas_case_find_briefing (fixture->atlas_case, "Longer", &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Longer”"));
}

/* A new briefing without a title is numbered after those there are. */
static void
test_new_briefing_title (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Add briefing");
  g_autoptr(AtlasRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = atlas_case_add_briefing (fixture->atlas_case, edit, NULL, &error);

  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  added = lookup (fixture, "briefing", key);
  g_assert_cmpstr (atlas_record_get_text (added, "title"), ==, "Briefing 2");
  g_assert_cmpint (atlas_record_get_int (added, "seq"), ==, 2);
}

/* ---- the filters' text ------------------------------------------------------------------ */

static void
test_filters_text (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) read = atlas_filter_new ();
  const char *categories[] = { "shooting", "bombing, suicide", NULL };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (atlas_briefing_view_format_filters (filter));
  atlas_filter_set_categories (filter, categories);
  atlas_filter_set_contested_only (filter, TRUE);
  atlas_filter_set_min_reliability (filter, 'B');
  text = atlas_briefing_view_format_filters (filter);
  /* sorted, escaped, in a fixed order */
  g_assert_cmpstr (text, ==, "categories=bombing%2C%20suicide,shooting;contested=1;reliability=B");

  g_assert_true (atlas_briefing_view_parse_filters (text, read, &error));
  g_assert_no_error (error);
  again = atlas_briefing_view_format_filters (read);
  g_assert_cmpstr (again, ==, text);
  g_assert_true (atlas_filter_get_contested_only (read));
}

/* Text from a file: whatever it holds, an error naming the part, and the filter untouched. */
static void
test_filters_text_hostile (void)
{
  static const char *const bad[] = {
    "reliability=Z", "reliability=", "colour=red", "categories=%ZZ", "categories=a,,b",
    "contested=yes", ";", "categories=a;reliability=BB", "=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GError) error = NULL;

      atlas_filter_set_min_reliability (filter, 'D');
      g_assert_false (atlas_briefing_view_parse_filters (bad[i], filter, &error));
      g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
      g_assert_cmpint (atlas_filter_get_min_reliability (filter), ==, 'D');
      g_assert_null (atlas_filter_get_categories (filter));
    }
}

/* ---- a version 3 file ------------------------------------------------------------------- */

/* Its steps go into one briefing, in their order; the file is trusted and writable after. */
static void
test_migrate_version_3 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GListModel) briefings = NULL;
  g_autoptr(AtlasRecord) briefing = NULL;
  g_autofree char *captions = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->atlas_case);
  exec_raw (fixture->files.path, DOWNGRADE_TO_VERSION_3);

  fixture->atlas_case = atlas_case_open (fixture->files.file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_case_get_read_only (fixture->atlas_case));
  g_assert_cmpint (query_int (fixture->files.path, "SELECT value FROM atlas_meta"
                                                   " WHERE key = 'schema_version'"),
                   ==, ATLAS_CASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->files.path, "SELECT count(*) FROM gpkg_contents"
                                                   " WHERE table_name = 'briefings'"
                                                   " AND data_type = 'attributes'"), ==, 1);

  briefings = atlas_case_list_briefings (fixture->atlas_case, &error);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
  briefing = g_list_model_get_item (briefings, 0);
  captions = list_captions (fixture, atlas_record_get_key (briefing));
  g_assert_cmpstr (captions, ==, "First Second Third");

  /* and an edit works on it */
  check_round_trip (fixture, build_add_view);
}

/* A version 3 file with no briefing gets none. */
static void
test_migrate_version_3_empty (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GListModel) briefings = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->atlas_case);
  exec_raw (fixture->files.path, "DELETE FROM briefing_steps; DELETE FROM briefings;"
                           DOWNGRADE_TO_VERSION_3);
  fixture->atlas_case = atlas_case_open (fixture->files.file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  briefings = atlas_case_list_briefings (fixture->atlas_case, &error);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 0);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer),
          gconstpointer data)
{
  g_test_add (path, Fixture, data, fixture_set_up, func, case_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/atlas/briefing/round-trip/add-view", test_round_trip, build_add_view);
  add_test ("/atlas/briefing/round-trip/duplicate", test_round_trip, build_duplicate);
  add_test ("/atlas/briefing/round-trip/move", test_round_trip, build_move_last_first);
  add_test ("/atlas/briefing/round-trip/edit-caption", test_round_trip, build_edit_caption);
  add_test ("/atlas/briefing/round-trip/update-to-view", test_round_trip,
            build_update_to_view);
  add_test ("/atlas/briefing/round-trip/delete-step", test_round_trip, build_delete_step);
  add_test ("/atlas/briefing/round-trip/add-briefing", test_round_trip, build_add_briefing);
  add_test ("/atlas/briefing/round-trip/rename-briefing", test_round_trip,
            build_rename_briefing);
  add_test ("/atlas/briefing/round-trip/delete-briefing", test_round_trip,
            build_delete_briefing);
  add_test ("/atlas/briefing/step-order", test_step_order, NULL);
  add_test ("/atlas/briefing/step-keeps-view", test_step_keeps_view, NULL);
  add_test ("/atlas/briefing/several", test_several_briefings, NULL);
  add_test ("/atlas/briefing/new-title", test_new_briefing_title, NULL);
  add_test ("/atlas/briefing/migrate-version-3", test_migrate_version_3, NULL);
  add_test ("/atlas/briefing/migrate-version-3-empty", test_migrate_version_3_empty, NULL);
  g_test_add_func ("/atlas/briefing/filters-text", test_filters_text);
  g_test_add_func ("/atlas/briefing/filters-text-hostile", test_filters_text_hostile);
  return g_test_run ();
}
