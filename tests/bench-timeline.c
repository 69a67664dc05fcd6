/* bench-timeline.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's share of a filter change on 1,000,000 synthetic incidents (or argv[1]):
 * indexing the sorted start days the store hands over (the worker's part), then what each
 * zoom step costs on the main thread: rebinning the view from the index and, when there is
 * a display, drawing a frame of the histogram. Loading the days from a case on disk is the
 * store's, measured by its own benchmark. Prints "name: value unit" lines.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-date-index.h"
#include "atlas-time-scale.h"
#include "atlas-timeline-histogram.h"

#define DEFAULT_N_DATES 1000000
#define BURST_SHARE     0.3
#define CHART_WIDTH     1000.0
#define MIN_BIN_PX      5.0
#define ZOOM_STEP       1.25
#define N_WALKS         200

typedef struct {
  double mean_us;
  double max_us;
  guint  n_steps;
  guint  max_bins;
} Walk;

static double
gaussian (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

/* Attacks since 2017, and a burst of them around 3 January 2024, as in the sample case. */
static GArray *
synthesize (gsize n_dates)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GArray *days = g_array_sized_new (FALSE, FALSE, sizeof (gint32), n_dates);
  gint32 first = atlas_day_from_civil (2017, 1, 1);
  gint32 last = atlas_day_from_civil (2024, 1, 31);
  gint32 burst = atlas_day_from_civil (2024, 1, 3);

  for (gsize i = 0; i < n_dates; i++)
    {
      gint32 day = g_rand_double (rand) < BURST_SHARE
                   ? CLAMP (burst + (gint32) lround (gaussian (rand) * 15), first, last)
                   : g_rand_int_range (rand, first, last + 1);

      g_array_append_val (days, day);
    }
  return days;
}

/* From the whole span down to a day around the burst, a wheel click at a time. */
static Walk
walk_zoom (AtlasDateIndex *index,
           gint32          first,
           gint32          last)
{
  Walk walk = { 0 };
  double anchor = atlas_day_from_civil (2024, 1, 3) + 0.5;
  double total_us = 0;

  for (guint repeat = 0; repeat < N_WALKS; repeat++)
    for (double span = last - first + 1.0; span >= 1; span /= ZOOM_STEP)
      {
        double start = anchor - span / 2;
        gint64 began = g_get_monotonic_time ();
        AtlasTimeStep step = atlas_time_scale_bin_step (CHART_WIDTH / span, MIN_BIN_PX);
        g_autoptr(GArray) bins = atlas_date_index_bin (index, step, (gint32) floor (start),
                                                       (gint32) ceil (start + span));
        double us = (double) (g_get_monotonic_time () - began);

        total_us += us;
        walk.max_us = MAX (walk.max_us, us);
        walk.max_bins = MAX (walk.max_bins, bins->len);
        walk.n_steps++;
      }
  walk.mean_us = total_us / walk.n_steps;
  walk.n_steps /= N_WALKS;
  return walk;
}

/* The histogram's own snapshot, rendered: what a frame costs it. */
static void
render_frame (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert (node != NULL);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Each zoom step as the widget takes it: rebin, then snapshot and render a whole frame. */
static void
bench_frames (AtlasDateIndex *index)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *histogram = atlas_timeline_histogram_new ();
  double start, end, total_us = 0, max_us = 0;
  guint n_frames = 0;

  gtk_window_set_default_size (window, (int) CHART_WIDTH, 80);
  gtk_window_set_child (window, histogram);
  gtk_window_present (window);
  atlas_timeline_histogram_set_index (ATLAS_TIMELINE_HISTOGRAM (histogram), index, TRUE);
  gtk_test_widget_wait_for_draw (histogram);

  atlas_timeline_histogram_zoom_to_fit (ATLAS_TIMELINE_HISTOGRAM (histogram));
  for (guint i = 0; i < 40; i++, n_frames++)
    {
      gint64 began = g_get_monotonic_time ();
      double x = atlas_timeline_histogram_x_for_day (ATLAS_TIMELINE_HISTOGRAM (histogram),
                                                     atlas_day_from_civil (2024, 1, 3));

      atlas_timeline_histogram_zoom (ATLAS_TIMELINE_HISTOGRAM (histogram), 1 / ZOOM_STEP, x);
      render_frame (histogram);
      total_us += g_get_monotonic_time () - began;
      max_us = MAX (max_us, (double) (g_get_monotonic_time () - began));
    }
  atlas_timeline_histogram_get_view (ATLAS_TIMELINE_HISTOGRAM (histogram), &start, &end);

  g_print ("frame per zoom step (rebin + snapshot + render) mean: %.2f ms\n",
           total_us / n_frames / 1000);
  g_print ("frame per zoom step max: %.2f ms\n", max_us / 1000);
  g_print ("frame zoomed in to: %.1f days\n", end - start);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gsize n_dates = argc > 1 ? (gsize) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_N_DATES;
  g_autoptr(GArray) days = synthesize (n_dates);
  g_autoptr(AtlasDateIndex) index = NULL;
  g_autoptr(AtlasDateIndex) unsorted_index = NULL;
  gint64 began;
  gint32 first, last;
  Walk walk;

  began = g_get_monotonic_time ();
  unsorted_index = atlas_date_index_new ((const gint32 *) days->data, days->len);
  g_print ("dates: %" G_GSIZE_FORMAT " incidents\n", n_dates);
  g_print ("index from unsorted days (sorts a copy): %.1f ms\n",
           (g_get_monotonic_time () - began) / 1000.0);

  began = g_get_monotonic_time ();
  g_array_sort (days, compare_days);
  g_print ("sort (the store's part, for reference): %.1f ms\n",
           (g_get_monotonic_time () - began) / 1000.0);

  /* what the timeline's worker does with the sorted days the store returns */
  began = g_get_monotonic_time ();
  index = atlas_date_index_new ((const gint32 *) days->data, days->len);
  g_print ("bin on the worker (index sorted days): %.1f ms\n",
           (g_get_monotonic_time () - began) / 1000.0);
  atlas_date_index_get_extent (index, &first, &last);
  g_print ("span: %d days\n", last - first + 1);

  walk = walk_zoom (index, first, last);
  g_print ("rebin per zoom step (main thread) mean: %.1f us\n", walk.mean_us);
  g_print ("rebin per zoom step max: %.1f us\n", walk.max_us);
  g_print ("zoom steps from %d days to 1 day: %u steps\n", last - first + 1, walk.n_steps);
  g_print ("bins per view max: %u bins\n", walk.max_bins);

  if (gtk_init_check ())
    bench_frames (index);
  else
    g_print ("frame per zoom step: skipped, no display\n");
  return 0;
}
