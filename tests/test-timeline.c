/* test-timeline.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline under Xvfb, on the sample case: the calendar behind the axis, ranges in
 * words and as the filter writes them, the date index; then the widget in a 1200×100
 * window: its bars add up to the case's incidents, a drag chooses a range of whole bars
 * and its edges resize it, the wheel zooms and the axis pans, double-click and Escape
 * clear the range, ranges set elsewhere show, play walks the range forward and stops at
 * the last incident, the keyboard moves it, the axis labels months or years as the span
 * asks, it fits the narrowest window, and an empty case says so. Screenshots go to the
 * temporary directory, light or dark as ADW_DEBUG_COLOR_SCHEME says.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "atlas-case.h"
#include "atlas-date-index.h"
#include "atlas-edit.h"
#include "atlas-incident.h"
#include "atlas-day-range.h"
#include "atlas-geo.h"
#include "atlas-time-scale.h"
#include "atlas-timeline-histogram.h"
#include "atlas-timeline.h"
#include "atlas-widget-capture.h"
#include "test-slowdown.h"
#include "window-test-util.h"

#define WAIT_TIMEOUT_US (TEST_SLOWDOWN * 20 * G_USEC_PER_SEC)

typedef struct {
  GtkWindow              *window;
  AtlasTimeline          *timeline;
  AtlasTimelineHistogram *histogram;
  AtlasFilter            *filter;
  AtlasCase              *atlas_case;
  guint                   n_changed;
} Fixture;

static gint32
day_of (const char *iso)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  return atlas_day_from_civil (year, month, day);
}

/* ---- the calendar ------------------------------------------------------------------ */

static void
test_civil_days (void)
{
  int year, month, day;

  g_assert_cmpint (atlas_day_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (atlas_day_from_civil (2024, 1, 3), ==, 19725);
  g_assert_cmpint (atlas_day_from_civil (1969, 12, 31), ==, -1);
  for (gint32 d = -800000; d < 800000; d += 997)
    {
      atlas_day_to_civil (d, &year, &month, &day);
      g_assert_cmpint (atlas_day_from_civil (year, month, day), ==, d);
    }
  atlas_day_to_civil (day_of ("2024-02-29"), &year, &month, &day);
  g_assert_cmpint (month * 100 + day, ==, 229);
}

static void
assert_step (AtlasTimeStep step,
             const char   *day,
             const char   *floor,
             const char   *next)
{
  g_assert_cmpfloat (atlas_time_step_floor (step, day_of (day) + 0.3), ==, day_of (floor));
  g_assert_cmpfloat (atlas_time_step_next (step, day_of (day) + 0.3), ==, day_of (next));
}

static void
test_steps (void)
{
  assert_step (ATLAS_TIME_STEP (DAY, 1), "2024-01-03", "2024-01-03", "2024-01-04");
  assert_step (ATLAS_TIME_STEP (DAY, 2), "2024-01-31", "2024-01-31", "2024-02-01");
  /* 3 January 2024 was a Wednesday */
  assert_step (ATLAS_TIME_STEP (WEEK, 1), "2024-01-03", "2024-01-01", "2024-01-08");
  assert_step (ATLAS_TIME_STEP (MONTH, 1), "2023-12-13", "2023-12-01", "2024-01-01");
  assert_step (ATLAS_TIME_STEP (MONTH, 3), "2023-12-13", "2023-10-01", "2024-01-01");
  assert_step (ATLAS_TIME_STEP (YEAR, 1), "2017-06-07", "2017-01-01", "2018-01-01");
  assert_step (ATLAS_TIME_STEP (YEAR, 10), "2017-06-07", "2010-01-01", "2020-01-01");
  g_assert_cmpfloat (atlas_time_step_previous (ATLAS_TIME_STEP (MONTH, 1), day_of ("2024-01-01")),
                     ==, day_of ("2023-12-01"));
  g_assert_cmpfloat_with_epsilon (atlas_time_step_next (ATLAS_TIME_STEP (HOUR, 6),
                                                        day_of ("2024-01-03") + 0.3),
                                  day_of ("2024-01-03") + 0.5, 1e-9);
}

static void
test_axis_choice (void)
{
  double min_px[ATLAS_TIME_N_UNITS] = { 60, 150, 150, 110, 50 };
  AtlasTimeStep major, minor;

  /* two months, seven years, thirty years and two days across 900 pixels */
  major = atlas_time_scale_major_step (900 / 61.0, min_px);
  g_assert_cmpint (major.unit, ==, ATLAS_TIME_UNIT_MONTH);
  major = atlas_time_scale_major_step (900 / 2557.0, min_px);
  g_assert_cmpint (major.unit, ==, ATLAS_TIME_UNIT_YEAR);
  g_assert_cmpuint (major.count, ==, 1);
  major = atlas_time_scale_major_step (900 / 10957.0, min_px);
  g_assert_true (atlas_time_step_equal (major, ATLAS_TIME_STEP (YEAR, 10)));
  major = atlas_time_scale_major_step (900 / 2.0, min_px);
  g_assert_cmpint (major.unit, ==, ATLAS_TIME_UNIT_DAY);
  g_assert_true (atlas_time_scale_minor_step (major, 900 / 2.0, min_px, &minor));
  g_assert_cmpint (minor.unit, ==, ATLAS_TIME_UNIT_HOUR);

  g_assert_cmpint (atlas_time_scale_bin_step (900 / 61.0, 5).unit, ==, ATLAS_TIME_UNIT_DAY);
  g_assert_cmpint (atlas_time_scale_bin_step (900 / 2557.0, 5).unit, ==, ATLAS_TIME_UNIT_MONTH);
  g_assert_true (atlas_time_step_equal (atlas_time_scale_bin_step (900 / 36525.0, 5),
                                        ATLAS_TIME_STEP (YEAR, 1)));
}

/* ---- ranges ------------------------------------------------------------------------ */

static void
assert_words (const char *start,
              const char *end,
              const char *words)
{
  AtlasDayRange range;
  g_autofree char *text = NULL;

  atlas_day_range_from_iso (start, end, &range);
  text = atlas_day_range_format (&range);
  g_assert_cmpstr (text, ==, words);
}

static void
test_range_words (void)
{
  assert_words ("2024-01-03", "2024-01-19", "3 – 19 January 2024");
  assert_words ("2023-11-28", "2023-12-19", "28 November – 19 December 2023");
  assert_words ("2023-12-28", "2024-01-19", "28 December 2023 – 19 January 2024");
  assert_words ("2024-01-03", "2024-01-03", "3 January 2024");
  assert_words ("2023-12", "2024-01", "December 2023 – January 2024");
  assert_words ("2023-03-01", "2023-06-30", "March – June 2023");
  assert_words ("2024-01", "2024-01-31", "January 2024");
  assert_words ("2017", "2024", "2017 – 2024");
  assert_words ("2017-01-01", "2017-12-31", "2017");
  assert_words ("2024-01-03", NULL, "From 3 January 2024");
  assert_words (NULL, "2023", "Until 2023");
  assert_words (NULL, NULL, "All dates");
}

static void
assert_iso (const char *start,
            const char *end,
            const char *expected_start,
            const char *expected_end)
{
  AtlasDayRange range;
  g_autofree char *iso_start = NULL;
  g_autofree char *iso_end = NULL;

  atlas_day_range_from_iso (start, end, &range);
  atlas_day_range_to_iso (&range, &iso_start, &iso_end);
  g_assert_cmpstr (iso_start, ==, expected_start);
  g_assert_cmpstr (iso_end, ==, expected_end);
}

static void
test_range_iso (void)
{
  AtlasDayRange range;

  g_assert_true (atlas_day_range_from_iso ("2023-12", "2024", &range));
  g_assert_cmpint (range.first, ==, day_of ("2023-12-01"));
  g_assert_cmpint (range.last, ==, day_of ("2024-12-31"));
  g_assert_true (atlas_day_range_from_iso ("2024-01-03T09:00:00Z", "2024-02", &range));
  g_assert_cmpint (range.first, ==, day_of ("2024-01-03"));
  g_assert_cmpint (range.last, ==, day_of ("2024-02-29"));
  g_assert_false (atlas_day_range_from_iso (NULL, "not a date", &range));

  assert_iso ("2024-01-03", "2024-01-19", "2024-01-03", "2024-01-19");
  assert_iso ("2023-12-01", "2024-01-31", "2023-12", "2024-01");
  assert_iso ("2017-01-01", "2024-12-31", "2017", "2024");
  assert_iso (NULL, "2024-01-19", NULL, "2024-01-19");
}

/* ---- the index --------------------------------------------------------------------- */

static void
test_index (void)
{
  const gint32 days[] = { 5, 3, 3, 10, 40, 40, 40, -2 };
  g_autoptr(AtlasDateIndex) index = atlas_date_index_new (days, G_N_ELEMENTS (days));
  g_autoptr(AtlasDateIndex) empty = atlas_date_index_new (NULL, 0);
  g_autoptr(GArray) bins = NULL;
  gint32 first, last;
  guint sum = 0;

  g_assert_cmpuint (atlas_date_index_get_total (index), ==, 8);
  g_assert_true (atlas_date_index_get_extent (index, &first, &last));
  g_assert_cmpint (first, ==, -2);
  g_assert_cmpint (last, ==, 40);
  g_assert_cmpuint (atlas_date_index_count_before (index, 3), ==, 1);
  g_assert_cmpuint (atlas_date_index_count_between (index, 3, 10), ==, 4);
  g_assert_cmpuint (atlas_date_index_count_between (index, 11, ATLAS_DAY_OPEN_END), ==, 3);
  g_assert_cmpuint (atlas_date_index_count_between (index, ATLAS_DAY_OPEN_START, 2), ==, 1);

  bins = atlas_date_index_bin (index, ATLAS_TIME_STEP (WEEK, 1), -10, 50);
  for (guint i = 0; i < bins->len; i++)
    sum += g_array_index (bins, AtlasDateBin, i).count;
  g_assert_cmpuint (sum, ==, 8);
  g_assert_cmpint (g_array_index (bins, AtlasDateBin, 0).start, <=, -10);

  g_assert_cmpuint (atlas_date_index_get_total (empty), ==, 0);
  g_assert_false (atlas_date_index_get_extent (empty, &first, &last));
}

/* @a and @b count the same days: the same extent, and the same count on each day. */
static void
assert_same_days (AtlasDateIndex *a,
                  AtlasDateIndex *b)
{
  gint32 first_a, last_a, first_b, last_b;
  gboolean any = atlas_date_index_get_extent (a, &first_a, &last_a);

  g_assert_cmpuint (atlas_date_index_get_total (a), ==, atlas_date_index_get_total (b));
  g_assert_cmpint (any, ==, atlas_date_index_get_extent (b, &first_b, &last_b));
  if (!any)
    return;
  g_assert_cmpint (first_a, ==, first_b);
  g_assert_cmpint (last_a, ==, last_b);
  for (gint32 day = first_a - 1; day <= last_a + 1; day++)
    g_assert_cmpuint (atlas_date_index_count_between (a, day, day), ==,
                      atlas_date_index_count_between (b, day, day));
}

/* Days added and removed in place, in random order, count as an index built afresh. */
static void
test_index_in_place (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(AtlasDateIndex) index = atlas_date_index_new (NULL, 0);

  for (guint step = 0; step < 2000; step++)
    {
      gboolean add = days->len == 0 || g_rand_int_range (rand, 0, 5) < 3;

      if (add)
        {
          gint32 day = g_rand_int_range (rand, -30, 60);

          g_array_append_val (days, day);
          atlas_date_index_add_day (index, day);
        }
      else
        {
          guint at = g_rand_int_range (rand, 0, days->len);

          g_assert_true (atlas_date_index_remove_day (index,
                                                      g_array_index (days, gint32, at)));
          g_array_remove_index_fast (days, at);
        }
      if (step % 50 == 0 || step == 1999)
        {
          g_autoptr(AtlasDateIndex) fresh = atlas_date_index_new ((gint32 *) days->data,
                                                                  days->len);

          assert_same_days (index, fresh);
        }
    }

  /* a day no incident starts on is not removed */
  g_assert_false (atlas_date_index_remove_day (index, 1000));
}

/* ---- the widget -------------------------------------------------------------------- */

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until_idle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (atlas_timeline_is_busy (fixture->timeline))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the timeline to load");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static AtlasTimelineHistogram *
find_histogram (GtkWidget *widget)
{
  if (ATLAS_IS_TIMELINE_HISTOGRAM (widget))
    return ATLAS_TIMELINE_HISTOGRAM (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AtlasTimelineHistogram *found = find_histogram (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static void
changed_cb (Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  fixture->atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  fixture->filter = atlas_filter_new ();
  g_signal_connect_swapped (fixture->filter, "changed", G_CALLBACK (changed_cb), fixture);
  fixture->timeline = ATLAS_TIMELINE (atlas_timeline_new (fixture->filter));
  fixture->histogram = find_histogram (GTK_WIDGET (fixture->timeline));
  g_assert_nonnull (fixture->histogram);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 100);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  atlas_timeline_set_case (fixture->timeline, fixture->atlas_case);
  gtk_window_present (fixture->window);
  wait_until_idle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasTimeline *timeline = fixture->timeline;

  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  gtk_window_destroy (fixture->window);
  while (timeline != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->atlas_case);
}

static guint
sum_of_bins (Fixture *fixture)
{
  guint n_bins, sum = 0;
  const AtlasDateBin *bins = atlas_timeline_histogram_get_bins (fixture->histogram, &n_bins);

  for (guint i = 0; i < n_bins; i++)
    sum += bins[i].count;
  return sum;
}

static guint
count_incidents (Fixture *fixture)
{
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GError) error = NULL;

  incidents = atlas_case_list_incidents (fixture->atlas_case, fixture->filter, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (incidents);
}

static gboolean
is_shown_label_with_text (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
         && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static GtkLabel *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  GtkWidget *found = find_widget (root, is_shown_label_with_text, text);

  return found != NULL ? GTK_LABEL (found) : NULL;
}

static void
test_bins_add_up (Fixture       *fixture,
                  gconstpointer  data)
{
  AtlasCaseCounts counts;
  g_auto(GStrv) categories = NULL;
  const char *one[] = { NULL, NULL };

  atlas_case_get_counts (fixture->atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, >, 0);
  g_assert_cmpuint (sum_of_bins (fixture), ==, counts.incidents);
  g_assert_cmpint (atlas_timeline_histogram_get_axis_step (fixture->histogram).unit, ==,
                   ATLAS_TIME_UNIT_YEAR);
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "2017 – 2024");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->timeline), "6 incidents"));

  /* Another part of the filter: the incidents are counted again, off the main thread. */
  categories = atlas_case_list_categories (fixture->atlas_case, NULL);
  g_assert_nonnull (categories[0]);
  one[0] = categories[0];
  atlas_filter_set_categories (fixture->filter, one);
  g_assert_true (atlas_timeline_is_busy (fixture->timeline));
  wait_until_idle (fixture);
  g_assert_cmpuint (sum_of_bins (fixture), ==, count_incidents (fixture));
  /* counted as the sidebar counts: of the case's incidents */
  {
    g_autofree char *expected = g_strdup_printf ("%u of %u incidents",
                                                 count_incidents (fixture), counts.incidents);

    g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->timeline), expected));
  }

  /* Dates alone do not reload: the histogram shows what a range would include. */
  atlas_filter_set_date_range (fixture->filter, "2024", NULL);
  g_assert_false (atlas_timeline_is_busy (fixture->timeline));
}

static void
drag (Fixture *fixture,
      double   x1,
      double   x2)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (fixture->histogram),
                                                 GTK_TYPE_GESTURE_DRAG);
  double y = 20;

  g_signal_emit_by_name (gesture, "drag-begin", x1, y);
  g_signal_emit_by_name (gesture, "drag-update", (x2 - x1) / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", x2 - x1, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", x2 - x1, 0.0);
}

static double
x_of (Fixture    *fixture,
      const char *day)
{
  return atlas_timeline_histogram_x_for_day (fixture->histogram, day_of (day) + 0.5);
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  /* Across all the years, bars are months: the range is whole months. */
  drag (fixture, x_of (fixture, "2023-12-10"), x_of (fixture, "2024-01-20"));
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2023-12");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01");
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==,
                   "December 2023 – January 2024");
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Zoomed to weeks around the attack, bars are days. */
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2023-12-20"),
                                     day_of ("2024-01-31"));
  g_assert_cmpint (atlas_timeline_histogram_get_bin_step (fixture->histogram).unit, ==,
                   ATLAS_TIME_UNIT_DAY);
  drag (fixture, x_of (fixture, "2024-01-19"), x_of (fixture, "2024-01-03"));
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2024-01-03");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01-19");
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "3 – 19 January 2024");
  /* what the map and the lists now show */
  g_assert_cmpuint (count_incidents (fixture), ==, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
drag_at (Fixture *fixture,
         double   x1,
         double   x2,
         double   y)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (fixture->histogram),
                                                 GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x1, y);
  g_signal_emit_by_name (gesture, "drag-update", x2 - x1, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", x2 - x1, 0.0);
}

static void
test_resize_edge (Fixture       *fixture,
                  gconstpointer  data)
{
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2023-12-20"),
                                     day_of ("2024-01-31"));
  atlas_filter_set_date_range (fixture->filter, "2024-01-03", "2024-01-10");

  /* the end edge, dragged to 19 January: the start stays */
  drag_at (fixture, atlas_timeline_histogram_x_for_day (fixture->histogram, day_of ("2024-01-11")),
           atlas_timeline_histogram_x_for_day (fixture->histogram, day_of ("2024-01-20")), 20);
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2024-01-03");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01-19");

  /* the start edge, dragged past the end: the range keeps a day */
  drag_at (fixture, atlas_timeline_histogram_x_for_day (fixture->histogram, day_of ("2024-01-03")),
           atlas_timeline_histogram_x_for_day (fixture->histogram, day_of ("2024-01-28")), 20);
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2024-01-19");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01-19");
}

static void
test_zoom_and_pan (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkEventController *scroll = find_controller (GTK_WIDGET (fixture->histogram),
                                                GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  double start, end, span, new_start, new_end;
  double height = gtk_widget_get_height (GTK_WIDGET (fixture->histogram));
  gboolean handled = FALSE;

  atlas_timeline_histogram_get_view (fixture->histogram, &start, &end);
  span = end - start;

  /* the wheel zooms in, around the middle when the pointer is elsewhere */
  for (guint i = 0; i < 10; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);
  atlas_timeline_histogram_get_view (fixture->histogram, &new_start, &new_end);
  g_assert_cmpfloat (new_end - new_start, <, span / 5);
  g_assert_cmpfloat_with_epsilon ((new_start + new_end) / 2, (start + end) / 2, 1);
  g_assert_cmpint (atlas_timeline_histogram_get_bin_step (fixture->histogram).unit, <,
                   ATLAS_TIME_UNIT_MONTH);

  /* dragging the axis pans and leaves the filter alone */
  start = new_start;
  drag_at (fixture, 400, 300, height - 5);
  atlas_timeline_histogram_get_view (fixture->histogram, &new_start, &new_end);
  g_assert_cmpfloat (new_start, >, start);
  g_assert_null (atlas_filter_get_start_date (fixture->filter));
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* zoomed out as far as it goes: everything, once more */
  for (guint i = 0; i < 40; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  atlas_timeline_histogram_get_view (fixture->histogram, &new_start, &new_end);
  g_assert_cmpfloat_with_epsilon (new_end - new_start, span, 1e-6);
  g_assert_cmpfloat (new_start, <=, day_of ("2017-06-07"));
  g_assert_cmpfloat (new_end, >, day_of ("2024-01-19"));
}

static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *click = find_controller (GTK_WIDGET (fixture->histogram),
                                               GTK_TYPE_GESTURE_CLICK);
  gboolean handled = FALSE;

  atlas_filter_set_date_range (fixture->filter, "2023-12", "2024-01");
  g_assert_true (atlas_timeline_histogram_get_range (fixture->histogram, NULL));

  g_signal_emit_by_name (click, "pressed", 2, 100.0, 20.0);
  g_assert_null (atlas_filter_get_start_date (fixture->filter));
  g_assert_null (atlas_filter_get_end_date (fixture->filter));
  g_assert_false (atlas_timeline_histogram_get_range (fixture->histogram, NULL));
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "2017 – 2024");

  atlas_filter_set_date_range (fixture->filter, "2023-12", "2024-01");
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.clear", NULL);
  g_assert_null (atlas_filter_get_start_date (fixture->filter));

  atlas_filter_set_date_range (fixture->filter, "2023-12", "2024-01");
  g_signal_emit_by_name (find_controller (GTK_WIDGET (fixture->histogram),
                                          GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_null (atlas_filter_get_end_date (fixture->filter));
}

static void
test_follows_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  AtlasDayRange range;

  atlas_filter_set_date_range (fixture->filter, "2024-01-03", "2024-01-19");
  g_assert_true (atlas_timeline_histogram_get_range (fixture->histogram, &range));
  g_assert_cmpint (range.first, ==, day_of ("2024-01-03"));
  g_assert_cmpint (range.last, ==, day_of ("2024-01-19"));
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "3 – 19 January 2024");

  atlas_filter_set_date_range (fixture->filter, "2022", NULL);
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "From 2022");

  atlas_filter_reset (fixture->filter);
  g_assert_false (atlas_timeline_histogram_get_range (fixture->histogram, NULL));
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "2017 – 2024");
}

static AtlasDayRange
current_range (Fixture *fixture)
{
  AtlasDayRange range;

  g_assert_true (atlas_day_range_from_iso (atlas_filter_get_start_date (fixture->filter),
                                           atlas_filter_get_end_date (fixture->filter),
                                           &range));
  return range;
}

static void
test_play (Fixture       *fixture,
           gconstpointer  data)
{
  AtlasDayRange first, second, third, paused;
  guint steps = 0;

  /* No range: a tenth of the view, from the first incident (7 June 2017). */
  atlas_timeline_set_playing (fixture->timeline, TRUE);
  g_assert_true (atlas_timeline_get_playing (fixture->timeline));
  first = current_range (fixture);
  g_assert_cmpint (first.first, <=, day_of ("2017-06-07"));
  g_assert_cmpint (first.last, >=, day_of ("2017-06-07"));
  g_assert_cmpint (first.last - first.first, >, 180);

  /* a step by hand, as the clock does */
  g_assert_true (atlas_timeline_move_range (fixture->timeline, 1));
  second = current_range (fixture);
  g_assert_cmpint (second.first, >, first.first);
  g_assert_cmpint (second.last - second.first, >=, first.last - first.first - 3);

  /* and the clock itself, four steps a second */
  spin (600);
  third = current_range (fixture);
  g_assert_cmpint (third.first, >, second.first);

  /* pausing keeps the range */
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.play-pause", NULL);
  g_assert_false (atlas_timeline_get_playing (fixture->timeline));
  third = current_range (fixture);
  spin (300);
  paused = current_range (fixture);
  g_assert_true (atlas_day_range_equal (&third, &paused));

  /* to the end, where the last incident (19 January 2024) is in the range */
  while (atlas_timeline_move_range (fixture->timeline, 1))
    g_assert_cmpuint (++steps, <, 1000);
  g_assert_cmpint (current_range (fixture).last, >=, day_of ("2024-01-19"));
  g_assert_cmpint (current_range (fixture).first, <=, day_of ("2024-01-19"));
}

static void
test_play_stops_at_end (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  /* Near the end with days as bars: play walks a day at a time and stops at the last. */
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2023-12-20"),
                                     day_of ("2024-01-31"));
  atlas_filter_set_date_range (fixture->filter, "2024-01-14", "2024-01-16");
  atlas_timeline_set_playing (fixture->timeline, TRUE);
  while (atlas_timeline_get_playing (fixture->timeline))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2024-01-17");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01-19");

  /* Play again from the end starts over at the first incident, with the same length. */
  atlas_timeline_set_playing (fixture->timeline, TRUE);
  g_assert_cmpint (current_range (fixture).first, ==, day_of ("2017-06-07"));
  g_assert_cmpint (current_range (fixture).last, ==, day_of ("2017-06-09"));
  atlas_timeline_set_playing (fixture->timeline, FALSE);
}

static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->histogram),
                                              GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->histogram)));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->histogram));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->histogram)));

  /* bars are months across all the years */
  atlas_filter_set_date_range (fixture->filter, "2023-12", "2023-12");
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "January 2024");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_true (press_key (fixture, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==,
                   "December 2023 – January 2024");
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01");

  g_assert_true (press_key (fixture, GDK_KEY_space, 0));
  g_assert_true (atlas_timeline_get_playing (fixture->timeline));
  g_assert_true (press_key (fixture, GDK_KEY_space, 0));
  g_assert_false (atlas_timeline_get_playing (fixture->timeline));

  g_assert_true (press_key (fixture, GDK_KEY_plus, 0));
  g_assert_cmpint (atlas_timeline_histogram_get_bin_step (fixture->histogram).unit, <=,
                   ATLAS_TIME_UNIT_MONTH);
  g_assert_true (press_key (fixture, GDK_KEY_0, 0));

  g_assert_true (press_key (fixture, GDK_KEY_Escape, 0));
  g_assert_false (press_key (fixture, GDK_KEY_Escape, 0));
  g_assert_false (press_key (fixture, GDK_KEY_Left, GDK_CONTROL_MASK));
}

static void
test_axis (Fixture       *fixture,
           gconstpointer  data)
{
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2023-12-01"),
                                     day_of ("2024-01-31"));
  g_assert_cmpint (atlas_timeline_histogram_get_axis_step (fixture->histogram).unit, ==,
                   ATLAS_TIME_UNIT_MONTH);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2017-01-01"),
                                     day_of ("2024-01-01"));
  g_assert_true (atlas_time_step_equal (atlas_timeline_histogram_get_axis_step (fixture->histogram),
                                        ATLAS_TIME_STEP (YEAR, 1)));

  /* zoomed in as far as it goes: a day, with hours between */
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2024-01-03"),
                                     day_of ("2024-01-03"));
  g_assert_cmpint (atlas_timeline_histogram_get_axis_step (fixture->histogram).unit, ==,
                   ATLAS_TIME_UNIT_DAY);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_assert_nonnull (gtk_widget_get_tooltip_text (child));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->histogram)), ==,
                   GTK_ACCESSIBLE_ROLE_SLIDER);
}

/* The window is 360 pixels wide at least, and folds its sidebar by natural widths. */
static void
test_size (Fixture       *fixture,
           gconstpointer  data)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (fixture->timeline), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (natural, <=, 400);
  gtk_widget_measure (GTK_WIDGET (fixture->timeline), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >=, 72);
  g_assert_cmpint (natural, <=, 96);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *file = g_strdup_printf ("timeline-%s-%s.png", name, dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), file, NULL);
  g_autoptr(GError) error = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture->window), path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot written to %s", path);
}

static void
test_empty_case (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("timeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *empty = atlas_case_create (file, "Empty", &error);

  g_assert_no_error (error);
  atlas_timeline_set_case (fixture->timeline, empty);
  wait_until_idle (fixture);
  g_assert_cmpuint (sum_of_bins (fixture), ==, 0);
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "No dates");
  screenshot (fixture, "empty");
  /* nothing to play */
  atlas_timeline_set_playing (fixture->timeline, TRUE);
  g_assert_false (atlas_timeline_get_playing (fixture->timeline));
  g_assert_false (atlas_timeline_move_range (fixture->timeline, 1));

  atlas_timeline_set_case (fixture->timeline, NULL);
  g_assert_finalize_object (empty);
  g_remove (path);
  g_rmdir (dir);
}

/* ---- edits ------------------------------------------------------------------------- */

static AtlasRecord *
dated_incident (const char *key,
                const char *start)
{
  AtlasIncident *incident = atlas_incident_new (key);

  atlas_incident_set_title (incident, key);
  atlas_incident_set_category (incident, "bombing");
  atlas_incident_set_latitude (incident, 30.0);
  atlas_incident_set_longitude (incident, 57.0);
  atlas_incident_set_location_precision (incident, "town");
  if (start != NULL)
    {
      atlas_record_set_text (ATLAS_RECORD (incident), "start_time", start);
      atlas_record_set_text (ATLAS_RECORD (incident), "start_precision", "day");
    }
  return ATLAS_RECORD (incident);
}

static void
apply_edit (AtlasCase *atlas_case,
            AtlasEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
  g_assert_no_error (error);
}

/* What the timeline counts is what reading the case afresh counts. */
static void
assert_counts_case (Fixture   *fixture,
                    AtlasCase *atlas_case)
{
  AtlasDateIndex *index = atlas_timeline_histogram_get_index (fixture->histogram);
  g_autoptr(GArray) days = NULL;
  g_autoptr(AtlasDateIndex) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_load_dates (atlas_case, NULL, &days, NULL, &error));
  fresh = atlas_date_index_new ((gint32 *) days->data, days->len);
  assert_same_days (index, fresh);
}

/* Adds, date changes, deletes and their undo are counted in the index in place, at once,
 * with no load; the window's call to set the case again after each then reads nothing. */
static void
test_edits_in_place (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("timeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Edited", &error);
  g_autoptr(AtlasEdit) adds = atlas_edit_new ("Add");
  g_autoptr(AtlasEdit) change = atlas_edit_new ("Change date");
  g_autoptr(AtlasEdit) removal = atlas_edit_new ("Delete");
  g_autoptr(AtlasEdit) undo = NULL;
  g_autoptr(AtlasRecord) before = NULL, after = NULL, doomed = NULL;
  const char *starts[] = { "2024-01-03", "2024-01-03", "2024-02-10", NULL };

  g_assert_no_error (error);
  g_assert_true (atlas_case_check_integrity (atlas_case, NULL, &error));
  atlas_timeline_set_case (fixture->timeline, atlas_case);
  wait_until_idle (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%u", i);
      g_autoptr(AtlasRecord) incident = dated_incident (key, starts[i]);

      atlas_edit_add (adds, incident);
    }
  apply_edit (atlas_case, adds);
  g_assert_false (atlas_timeline_is_busy (fixture->timeline));
  g_assert_cmpuint (atlas_date_index_get_total (
                      atlas_timeline_histogram_get_index (fixture->histogram)), ==, 3);
  assert_counts_case (fixture, atlas_case);
  atlas_timeline_set_case (fixture->timeline, atlas_case);
  g_assert_false (atlas_timeline_is_busy (fixture->timeline));

  before = atlas_case_lookup (atlas_case, "incident", "inc-1", NULL);
  after = atlas_record_dup (before);
  atlas_record_set_text (after, "start_time", "2023-12-31");
  atlas_edit_change (change, before, after);
  apply_edit (atlas_case, change);
  assert_counts_case (fixture, atlas_case);

  doomed = atlas_case_lookup (atlas_case, "incident", "inc-2", NULL);
  atlas_edit_remove (removal, doomed);
  apply_edit (atlas_case, removal);
  assert_counts_case (fixture, atlas_case);
  undo = atlas_edit_invert (removal);
  apply_edit (atlas_case, undo);
  assert_counts_case (fixture, atlas_case);
  g_assert_false (atlas_timeline_is_busy (fixture->timeline));

  atlas_timeline_set_case (fixture->timeline, NULL);
  g_assert_finalize_object (atlas_case);
  g_remove (path);
  g_rmdir (dir);
}

/* ---- dates that are no dates --------------------------------------------------------- */

/* The GeoPackage triggers call spatial functions the sqlite3 library does not have. */
static void
no_op_function (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  sqlite3_result_int (context, 0);
}

/* A copy of the sample in which one incident starts on "99999-99-99", as another program
 * might write it. */
static char *
write_case_with_bad_date (const char *dir)
{
  static const char * const functions[] = { "ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY",
                                            "ST_MaxY" };
  g_autofree char *path = g_build_filename (dir, "bad-date.gpkg", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_copy (sample, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    sqlite3_create_function (db, functions[i], 1, SQLITE_UTF8, NULL, no_op_function, NULL,
                             NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE incidents SET start_time = '99999-99-99'"
                                     " WHERE key = 'inc-kerman-2024'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* A start date the timeline cannot read is left off the chart, which keeps to the years
 * of the others, and counted under it. */
static void
test_unreadable_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("timeline-XXXXXX", NULL);
  g_autofree char *path = write_case_with_bad_date (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *bad = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  gint32 day;

  g_assert_false (atlas_date_to_day ("99999-99-99", FALSE, &day));
  g_assert_false (atlas_date_to_day ("2024-01-03junk", FALSE, &day));
  g_assert_true (atlas_date_to_day ("2024-01-03T10:00:00Z", FALSE, &day));
  g_assert_cmpint (day, ==, day_of ("2024-01-03"));

  g_assert_no_error (error);
  g_assert_null (find_label_with_text (GTK_WIDGET (fixture->timeline),
                                       "1 incident with an unreadable date"));
  atlas_timeline_set_case (fixture->timeline, bad);
  wait_until_idle (fixture);
  g_assert_cmpstr (atlas_timeline_get_range_text (fixture->timeline), ==, "2017 – 2024");
  g_assert_cmpuint (sum_of_bins (fixture), ==, 5);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->timeline),
                                          "1 incident with an unreadable date"));
  screenshot (fixture, "unreadable-date");

  /* the sample again: nothing to list */
  atlas_timeline_set_case (fixture->timeline, fixture->atlas_case);
  wait_until_idle (fixture);
  g_assert_null (find_label_with_text (GTK_WIDGET (fixture->timeline),
                                       "1 incident with an unreadable date"));
  g_assert_finalize_object (bad);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  screenshot (fixture, "all");
  atlas_filter_set_date_range (fixture->filter, "2023-12", "2024-01");
  screenshot (fixture, "months");
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2023-12-01"),
                                     day_of ("2024-02-01"));
  atlas_filter_set_date_range (fixture->filter, "2024-01-03", "2024-01-19");
  screenshot (fixture, "weeks");
  atlas_timeline_histogram_set_view (fixture->histogram, day_of ("2024-01-02") + 0.5,
                                     day_of ("2024-01-05"));
  screenshot (fixture, "hours");
  gtk_window_set_focus_visible (fixture->window, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->histogram));
  atlas_timeline_histogram_zoom_to_fit (fixture->histogram);
  atlas_filter_set_date_range (fixture->filter, "2022", NULL);
  screenshot (fixture, "focus");
  atlas_filter_reset (fixture->filter);
  atlas_timeline_set_case (fixture->timeline, NULL);
  screenshot (fixture, "none");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/atlas/timeline/scale/civil-days", test_civil_days);
  g_test_add_func ("/atlas/timeline/scale/steps", test_steps);
  g_test_add_func ("/atlas/timeline/scale/axis-choice", test_axis_choice);
  g_test_add_func ("/atlas/timeline/range/words", test_range_words);
  g_test_add_func ("/atlas/timeline/range/iso", test_range_iso);
  g_test_add_func ("/atlas/timeline/index", test_index);
  g_test_add_func ("/atlas/timeline/index-in-place", test_index_in_place);

#define ADD(path, func) \
  g_test_add ("/atlas/timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bins-add-up", test_bins_add_up);
  ADD ("drag", test_drag);
  ADD ("resize-edge", test_resize_edge);
  ADD ("zoom-and-pan", test_zoom_and_pan);
  ADD ("clear", test_clear);
  ADD ("follows-filter", test_follows_filter);
  ADD ("play", test_play);
  ADD ("play-stops-at-end", test_play_stops_at_end);
  ADD ("keyboard", test_keyboard);
  ADD ("axis", test_axis);
  ADD ("accessible", test_accessible);
  ADD ("size", test_size);
  ADD ("empty-case", test_empty_case);
  ADD ("edits-in-place", test_edits_in_place);
  ADD ("unreadable-date", test_unreadable_date);
  ADD ("screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
