/* test-record-pages.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of incidents read a page at a time: the same records, in the same order, as the
 * list read whole, whichever way it is walked and however many pages it lets go; filtered
 * as the whole list is; a record deleted behind it keeps its place.
 */

#include "config.h"

#include "atlas-case.h"
#include "atlas-filter.h"
#include "atlas-incident.h"
#include "atlas-record-pages.h"
#include "case-test-util.h"

#define N_INCIDENTS 5000

typedef CaseFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  /* dates and titles out of the order they are written in, and some alike */
  for (guint i = 0; i < N_INCIDENTS; i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%u", i);
      g_autofree char *title = g_strdup_printf ("Event %u", (i * 7919) % 613);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 10 + (i * 31) % 14,
                                               1 + (i * 7) % 12, 1 + (i * 13) % 28);
      AtlasRecord *incident = case_test_incident (key, title, 30.0 + (i % 90) / 10.0, 57.0);

      atlas_record_set_text (incident, "start_time", date);
      atlas_record_set_text (incident, "category", i % 3 == 0 ? "arrest" : "bombing");
      g_ptr_array_add (records, incident);
    }
  case_fixture_set_up (fixture, "atlas-pages-XXXXXX", "Pages", records);
}

static GListModel *
list_pages (Fixture     *fixture,
            AtlasFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = atlas_case_list_incident_ids (fixture->atlas_case, filter, &error);

  g_assert_no_error (error);
  return G_LIST_MODEL (atlas_record_pages_new (fixture->atlas_case, ATLAS_TYPE_INCIDENT, ids));
}

static void
assert_same_at (GListModel *whole,
                GListModel *pages,
                guint       position)
{
  g_autoptr(AtlasRecord) expected = g_list_model_get_item (whole, position);
  g_autoptr(AtlasRecord) found = g_list_model_get_item (pages, position);

  g_assert_cmpstr (atlas_record_get_key (found), ==, atlas_record_get_key (expected));
  g_assert_cmpstr (atlas_record_get_text (found, "title"), ==,
                   atlas_record_get_text (expected, "title"));
  g_assert_cmpint (atlas_record_get_id (found), ==, atlas_record_get_id (expected));
}

/* Forwards, backwards and jumping about, past the pages it keeps: always the whole
 * list's record at that place. */
static void
test_same_as_whole (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) whole = atlas_case_list_incidents (fixture->atlas_case, NULL, &error);
  g_autoptr(GListModel) pages = list_pages (fixture, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, N_INCIDENTS);
  g_assert_true (g_list_model_get_item_type (pages) == ATLAS_TYPE_INCIDENT);
  for (guint i = 0; i < N_INCIDENTS; i++)
    assert_same_at (whole, pages, i);
  for (guint i = N_INCIDENTS; i-- > 0;)
    assert_same_at (whole, pages, i);
  for (guint i = 0; i < 2000; i++)
    assert_same_at (whole, pages, (guint) g_rand_int_range (rand, 0, N_INCIDENTS));
  g_assert_null (g_list_model_get_item (pages, N_INCIDENTS));
}

static void
test_filtered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  const char *arrests[] = { "arrest", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GListModel) pages = NULL;

  atlas_filter_set_categories (filter, arrests);
  atlas_filter_set_date_range (filter, "2015-01-01", "2019-12-31");
  whole = atlas_case_list_incidents (fixture->atlas_case, filter, &error);
  g_assert_no_error (error);
  pages = list_pages (fixture, filter);
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, g_list_model_get_n_items (whole));
  g_assert_cmpuint (g_list_model_get_n_items (pages), >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (pages), <, N_INCIDENTS / 3);
  for (guint i = 0; i < g_list_model_get_n_items (whole); i++)
    assert_same_at (whole, pages, i);
}

/* Deleted by another program after the list was made: the place stays, empty, and the
 * records after it do not move. */
static void
test_deleted_behind (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) pages = list_pages (fixture, NULL);
  g_autoptr(AtlasRecord) third = g_list_model_get_item (pages, 2);
  g_autoptr(AtlasRecord) fourth = g_list_model_get_item (pages, 3);
  g_autoptr(GListModel) again = list_pages (fixture, NULL);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM incidents WHERE id = %" G_GINT64_FORMAT,
                                          atlas_record_get_id (third));
  g_autoptr(AtlasRecord) gone = NULL;
  g_autoptr(AtlasRecord) after = NULL;

  exec_raw (fixture->files.path, sql);
  gone = g_list_model_get_item (again, 2);
  after = g_list_model_get_item (again, 3);
  g_assert_true (ATLAS_IS_RECORD (gone));
  g_assert_null (atlas_record_get_key (gone));
  g_assert_cmpstr (atlas_record_get_key (after), ==, atlas_record_get_key (fourth));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atlas/record-pages/same-as-whole", Fixture, NULL, fixture_set_up,
              test_same_as_whole, case_fixture_tear_down);
  g_test_add ("/atlas/record-pages/filtered", Fixture, NULL, fixture_set_up, test_filtered,
              case_fixture_tear_down);
  g_test_add ("/atlas/record-pages/deleted-behind", Fixture, NULL, fixture_set_up,
              test_deleted_behind, case_fixture_tear_down);
  return g_test_run ();
}
