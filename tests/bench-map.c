/* bench-map.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map with 1,000,000 incidents: a case file is written with them, then opened in a
 * real map view. Prints the clustering index's build time and memory, the time from opening
 * the case to the first frame with incidents, and the incident layer's snapshot time per
 * frame while panning, then the density layer's, then what an edit costs: its commit, the
 * update of the clustering index in place, and from the commit to the first frame that
 * shows it, beside reading the case again and rebuilding the index, as edits did before;
 * and the in-place update of the index alone over many edits of each kind. Usage:
 * bench-map [N | CASE.gpkg]: a case
 * file given is opened instead of one written. With BENCH_MAP_PICTURES=DIR set, the map at
 * a country zoom is saved there as clusters.png and density.png.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include "atlas-case.h"
#include "atlas-document.h"
#include "atlas-edit.h"
#include "atlas-incident.h"
#include "atlas-map-view.h"
#include "atlas-widget-capture.h"

#define PAN_FRAMES 120

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* A day between 2015 and 2024. */
static void
set_random_date (AtlasRecord *incident,
                 GRand       *rand)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2015);
  char text[16];

  g_date_add_days (date, g_rand_int_range (rand, 0, 3650));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  atlas_record_set_text (incident, "start_time", text);
  atlas_record_set_text (incident, "start_precision", "day");
}

/* Incidents around 200 hotspots plus a uniform spread, from a fixed seed. */
static GPtrArray *
make_incidents (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240103);
  const char *categories[] = { "bombing", "armed-assault", "arrest", "claim", "other" };
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  double hotspots[200][2];

  for (guint i = 0; i < 200; i++)
    hotspots[i][0] = g_rand_double_range (rand, -40, 60),
    hotspots[i][1] = g_rand_double_range (rand, -100, 140);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%u", i);
      AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));
      guint h = g_rand_int_range (rand, 0, 200);
      gboolean spread = g_rand_double (rand) < 0.3;
      double lat = spread ? g_rand_double_range (rand, -55, 70)
                          : hotspots[h][0] + g_rand_double_range (rand, -1.5, 1.5);
      double lon = spread ? g_rand_double_range (rand, -170, 170)
                          : hotspots[h][1] + g_rand_double_range (rand, -1.5, 1.5);

      atlas_record_set_text (incident, "title", "Synthetic incident");
      atlas_record_set_text (incident, "category", categories[i % G_N_ELEMENTS (categories)]);
      atlas_record_set_double (incident, "latitude", CLAMP (lat, -85, 85));
      atlas_record_set_double (incident, "longitude", CLAMP (lon, -180, 180));
      atlas_record_set_text (incident, "location_precision", i % 3 ? "town" : "site");
      set_random_date (incident, rand);
      g_ptr_array_add (records, incident);
    }
  return records;
}

static AtlasCase *
write_case (const char *path,
            guint       n)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = make_incidents (n);
  AtlasCase *atlas_case = atlas_case_create (file, "Benchmark", &error);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  if (!atlas_case_write_records (atlas_case, records, &error))
    g_error ("%s", error->message);
  g_print ("case-write: %.2f s (%u incidents in one transaction, R-tree built in one go)\n",
           seconds_since (start), n);
  return atlas_case;
}

/* Puts the case just written on disk, as it is when an analyst opens it another day:
 * otherwise the first edit's commit, whose sync of a new WAL makes the file system write
 * whatever is still pending, pays for writing the case. */
static void
sync_case (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || fsync (fd) != 0)
    g_error ("%s could not be synced", path);
  close (fd);
  g_print ("case-sync: %.2f s\n", seconds_since (start));
}

static void
wait_for_index (AtlasMapView *map_view)
{
  AtlasIncidentLayer *layer = atlas_map_view_get_incident_layer (map_view);

  while (atlas_incident_layer_is_loading (layer) || !atlas_map_view_is_settled (map_view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map_view));
}

/* From a filter change to the map drawing from the new index. */
static void
time_filter_change (AtlasMapView *map_view,
                    AtlasFilter  *filter,
                    const char   *what,
                    const char   *start,
                    const char   *end)
{
  gint64 begin = g_get_monotonic_time ();

  atlas_filter_set_date_range (filter, start, end);
  wait_for_index (map_view);
  g_print ("filter-change-%s: %.0f ms (target: under 200 ms)\n", what,
           (g_get_monotonic_time () - begin) / 1000.0);
}

static double
time_layer_snapshot (GtkWidget *layer)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
pan (AtlasMapView *map_view,
     GtkWidget    *layer,
     const char   *what,
     double        zoom)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  double total = 0, worst = 0;

  shumate_viewport_set_zoom_level (viewport, zoom);
  for (guint frame = 0; frame < PAN_FRAMES; frame++)
    {
      double ms;

      shumate_location_set_location (SHUMATE_LOCATION (viewport), 20 + 10 * sin (frame / 20.0),
                                     -60 + frame * 1.2);
      ms = time_layer_snapshot (layer);
      total += ms;
      worst = MAX (worst, ms);
    }
  g_print ("%s-per-frame-z%.0f: mean %.2f ms, max %.2f ms over %u panned frames\n",
           what, zoom, total / PAN_FRAMES, worst, PAN_FRAMES);
}

/* The map over the Middle East at a country zoom, as the user sees it. */
static void
save_picture (AtlasMapView *map_view,
              const char   *name)
{
  const char *dir = g_getenv ("BENCH_MAP_PICTURES");
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  shumate_viewport_set_zoom_level (viewport, 5.6);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 32.0, 42.0);
  /* the tiles of the new view are asked for when it is drawn */
  for (guint i = 0; i < 20; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (map_view));
      wait_for_index (map_view);
    }
  if (!atlas_widget_capture_to_png (GTK_WIDGET (map_view), path, &error))
    g_printerr ("%s: %s\n", path, error->message);
}

/* Times when "edit-applied" reached the bench before and after the incident layer. */
typedef struct {
  gint64 committed;
  gint64 updated;
} EditTimes;

static void
committed_cb (EditTimes *times)
{
  times->committed = g_get_monotonic_time ();
}

static void
updated_cb (EditTimes *times)
{
  times->updated = g_get_monotonic_time ();
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Applies @edit and waits for the first frame after its commit; returns the milliseconds
 * from the commit to that frame, and checks, if @shown, that the frame draws the incident
 * the edit leaves (its first step's) as itself where it is now. @times are filled by
 * handlers of "edit-applied" connected before and after the layer's. */
static double
time_edit_to_frame (AtlasMapView *map_view,
                    AtlasCase    *atlas_case,
                    AtlasEdit    *edit,
                    gboolean      shown,
                    EditTimes    *times,
                    double       *commit_ms,
                    double       *update_ms)
{
  AtlasIncidentLayer *layer = atlas_map_view_get_incident_layer (map_view);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (layer));
  g_autoptr(GError) error = NULL;
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gint64 start = g_get_monotonic_time ();
  gint64 committed;
  double ms;

  if (!atlas_case_apply_edit (atlas_case, edit, &error))
    g_error ("%s", error->message);
  committed = times->committed;
  *commit_ms = (committed - start) / 1000.0;
  *update_ms = (times->updated - committed) / 1000.0;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - committed) / 1000.0;
  g_signal_handler_disconnect (clock, handler);

  if (shown)
    {
      ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
      AtlasRecord *before, *after;
      AtlasCluster cluster;
      double x, y;

      /* the edit's own records, which the commit gave their row ids */
      atlas_edit_get_step (edit, 0, &before, &after);
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer),
                                                  atlas_record_get_double (after, "latitude"),
                                                  atlas_record_get_double (after, "longitude"),
                                                  &x, &y);
      if (!atlas_incident_layer_pick (layer, x, y, &cluster) || cluster.count != 1
          || cluster.id != atlas_record_get_id (after))
        g_error ("the first frame after the edit does not show %s",
                 atlas_record_get_key (after));
    }
  return ms;
}

static void
time_edit (AtlasMapView *map_view,
           AtlasCase    *atlas_case,
           const char   *what,
           AtlasEdit    *edit,
           gboolean      shown,
           EditTimes    *times)
{
  AtlasIncidentLayer *layer = atlas_map_view_get_incident_layer (map_view);
  double commit_ms, update_ms, frame_ms;

  frame_ms = time_edit_to_frame (map_view, atlas_case, edit, shown, times, &commit_ms,
                                 &update_ms);
  g_print ("edit-%s: commit %.1f ms; index updated in place %.1f ms; from the commit to the "
           "first frame showing it %.1f ms (target: under 100 ms); %s\n",
           what, commit_ms, update_ms, frame_ms,
           atlas_incident_layer_is_loading (layer) ? "A REBUILD FOLLOWS" : "no rebuild");
  wait_for_index (map_view);
}

/* An edit of each kind on a writable copy of the case, the view on an empty place where
 * the edited incidents are moved and added. */
static void
time_edits (AtlasMapView *map_view,
            GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasRecord) mover = NULL, moved = NULL, doomed = NULL;
  g_autoptr(AtlasIncident) added = atlas_incident_new ("inc-added");
  g_autoptr(AtlasEdit) move = atlas_edit_new ("Move"), add = atlas_edit_new ("Add");
  g_autoptr(AtlasEdit) removal = atlas_edit_new ("Delete");
  g_autoptr(AtlasEdit) undo_removal = NULL, undo_move = NULL;
  EditTimes times = { 0, 0 };
  gint64 start;

  g_assert_no_error (error);
  /* as the window does, on a worker, before it lets anyone edit */
  start = g_get_monotonic_time ();
  if (!atlas_case_check_integrity (atlas_case, NULL, &error))
    g_error ("%s", error->message);
  g_print ("integrity-check before editing: %.2f s\n", seconds_since (start));
  /* one handler before the incident layer's, one after */
  g_signal_connect_swapped (atlas_case, "edit-applied", G_CALLBACK (committed_cb), &times);
  atlas_map_view_set_case (map_view, atlas_case);
  g_signal_connect_swapped (atlas_case, "edit-applied", G_CALLBACK (updated_cb), &times);
  wait_for_index (map_view);
  atlas_map_view_show_at (map_view, -70.0, 0.0, 10);
  wait_for_index (map_view);

  start = g_get_monotonic_time ();
  atlas_map_view_reload (map_view);
  wait_for_index (map_view);
  g_print ("edit-before (reading the case again and a full rebuild, as edits did before "
           "the index was updated in place): %.0f ms\n", seconds_since (start) * 1000);

  mover = atlas_case_lookup (atlas_case, "incident", "inc-0", NULL);
  doomed = atlas_case_lookup (atlas_case, "incident", "inc-1", NULL);
  moved = atlas_record_dup (mover);
  atlas_record_set_double (moved, "latitude", -70.0);
  atlas_record_set_double (moved, "longitude", 0.0);
  atlas_edit_change (move, mover, moved);
  time_edit (map_view, atlas_case, "move", move, TRUE, &times);

  atlas_incident_set_title (added, "Added");
  atlas_incident_set_category (added, "arrest");
  atlas_incident_set_latitude (added, -70.02);
  atlas_incident_set_longitude (added, 0.05);
  atlas_incident_set_location_precision (added, "site");
  atlas_edit_add (add, ATLAS_RECORD (added));
  time_edit (map_view, atlas_case, "add", add, TRUE, &times);

  atlas_edit_remove (removal, doomed);
  time_edit (map_view, atlas_case, "delete", removal, FALSE, &times);
  undo_removal = atlas_edit_invert (removal);
  time_edit (map_view, atlas_case, "undo-delete", undo_removal, FALSE,
             &times);
  undo_move = atlas_edit_invert (move);
  time_edit (map_view, atlas_case, "undo-move", undo_move, FALSE, &times);

  /* five incidents added in a row: each shows in the next frame */
  {
    double worst = 0, commit_ms, update_ms;

    start = g_get_monotonic_time ();
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *key = g_strdup_printf ("inc-burst-%u", i);
        g_autoptr(AtlasIncident) incident = atlas_incident_new (key);
        g_autoptr(AtlasEdit) edit = atlas_edit_new ("Add");

        atlas_incident_set_title (incident, "Added");
        atlas_incident_set_category (incident, "bombing");
        atlas_incident_set_latitude (incident, -70.03 - 0.01 * i);
        atlas_incident_set_longitude (incident, -0.05 + 0.02 * i);
        atlas_incident_set_location_precision (incident, "site");
        atlas_edit_add (edit, ATLAS_RECORD (incident));
        double ms = time_edit_to_frame (map_view, atlas_case, edit, TRUE, &times, &commit_ms,
                                        &update_ms);

        worst = MAX (worst, ms);
      }
    wait_for_index (map_view);
    g_print ("edit-burst of 5 adds: worst from a commit to the first frame %.1f ms; all "
             "settled %.0f ms after the first edit\n", worst, seconds_since (start) * 1000);
  }

  /* a frame with no edit, for comparison: the whole window is drawn again */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (map_view));
    gboolean painted = FALSE;
    gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

    start = g_get_monotonic_time ();
    gtk_widget_queue_draw (GTK_WIDGET (atlas_map_view_get_incident_layer (map_view)));
    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    g_print ("frame-without-edit: %.1f ms from asking for it to its end\n",
             seconds_since (start) * 1000);
    g_signal_handler_disconnect (clock, handler);
  }
}

#define INDEX_EDITS 20

typedef enum {
  EDIT_MOVE_NEAR,
  EDIT_MOVE_FAR,
  EDIT_ADD,
  EDIT_DELETE,
  EDIT_UNDO_DELETE,
  EDIT_RECATEGORISE,
  N_EDIT_KINDS
} EditKind;

static const char *const edit_kind_names[] = {
  "move-near", "move-far", "add", "delete", "undo-delete", "category",
};

/* One edit of @kind on incident @point (a copy of one in @index), applied in place;
 * returns the milliseconds atlas_cluster_index_update() took. */
static double
time_index_edit (AtlasClusterIndex *index,
                 EditKind           kind,
                 AtlasMapPoint      point,
                 gint64             new_id,
                 GRand             *rand)
{
  gint64 id = point.id;
  gboolean removes = kind != EDIT_ADD && kind != EDIT_UNDO_DELETE;
  gboolean adds = kind != EDIT_DELETE;
  gint64 start;

  if (kind == EDIT_MOVE_NEAR)
    point.latitude += g_rand_double_range (rand, -0.05, 0.05);
  else if (kind == EDIT_MOVE_FAR || kind == EDIT_ADD)
    {
      point.latitude = g_rand_double_range (rand, -60, 70);
      point.longitude = g_rand_double_range (rand, -170, 170);
    }
  else if (kind == EDIT_RECATEGORISE)
    point.category = (point.category + 1) % 5;
  if (kind == EDIT_ADD)
    point.id = new_id;

  start = g_get_monotonic_time ();
  atlas_cluster_index_update (index, &id, removes ? 1 : 0, &point, adds ? 1 : 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The in-place update of the index alone, INDEX_EDITS of each kind on random incidents
 * (a delete is undone by the next kind), beside building the index again. */
static void
time_index_updates (AtlasClusterIndex *index,
                    GArray            *points,
                    double             build_ms)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  gint64 new_id = G_MAXINT32;
  guint deleted[INDEX_EDITS];

  for (EditKind kind = 0; kind < N_EDIT_KINDS; kind++)
    {
      double total = 0, worst = 0;

      for (guint i = 0; i < INDEX_EDITS; i++)
        {
          guint at = kind == EDIT_UNDO_DELETE ? deleted[i]
                                              : (guint) g_rand_int_range (rand, 0, points->len);
          AtlasMapPoint *point = &g_array_index (points, AtlasMapPoint, at);
          double ms = time_index_edit (index, kind, *point, new_id++, rand);

          if (kind == EDIT_DELETE)
            deleted[i] = at;
          total += ms;
          worst = MAX (worst, ms);
        }
      g_print ("index-update-%s: mean %.2f ms, max %.2f ms over %u edits in place "
               "(rebuilding the index instead: %.0f ms)\n", edit_kind_names[kind],
               total / INDEX_EDITS, worst, INDEX_EDITS, build_ms);
    }
}

typedef struct {
  GAsyncResult *result;
  gint64        last_tick;
  gint64        longest_stall;
} SearchWait;

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ((SearchWait *) data)->result = g_object_ref (result);
}

/* How long the window's loop went without running while a search ran (what a person
 * typing would feel), measured between ticks of a 5 ms timer. */
static gboolean
search_tick_cb (gpointer data)
{
  SearchWait *wait = data;
  gint64 now = g_get_monotonic_time ();

  wait->longest_stall = MAX (wait->longest_stall, now - wait->last_tick);
  wait->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* One search as the search page runs it, cancelled after @cancel_after_ms if not 0. */
static void
time_search (AtlasCase  *atlas_case,
             const char *text,
             guint       cancel_after_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  SearchWait wait = { NULL, g_get_monotonic_time (), 0 };
  gint64 start = wait.last_tick, cancelled_at = 0;
  guint tick = g_timeout_add (5, search_tick_cb, &wait);

  atlas_case_search_async (atlas_case, text, cancellable, search_done_cb, &wait);
  while (wait.result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (cancel_after_ms > 0 && cancelled_at == 0
          && g_get_monotonic_time () - start > cancel_after_ms * 1000)
        {
          cancelled_at = g_get_monotonic_time ();
          g_cancellable_cancel (cancellable);
        }
    }
  g_source_remove (tick);
  found = atlas_case_search_finish (atlas_case, wait.result, &error);
  g_clear_object (&wait.result);
  if (cancelled_at != 0)
    g_print ("search-cancel “%s” after %u ms: stopped %.1f ms after the cancel (%s)\n", text,
             cancel_after_ms, (g_get_monotonic_time () - cancelled_at) / 1000.0,
             found != NULL ? "had finished" : "cancelled");
  else
    g_print ("search “%s”: %u results in %.0f ms on a worker; the window's loop never "
             "stalled longer than %.1f ms\n", text,
             found ? g_list_model_get_n_items (found) : 0, seconds_since (start) * 1000,
             wait.longest_stall / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  gboolean given = argc > 1 && g_str_has_suffix (argv[1], ".gpkg");
  guint n = argc > 1 && !given ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = given ? NULL : g_dir_make_tmp ("bench-map-XXXXXX", NULL);
  g_autofree char *path = given ? g_strdup (argv[1])
                                : g_build_filename (dir, "million.gpkg", NULL);
  g_autoptr(AtlasCase) written = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  AtlasMapView *map_view;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  gint64 start;

  gtk_init ();
  adw_init ();

  if (!given)
    written = write_case (path, n);
  g_clear_object (&written);
  if (!given)
    sync_case (path);

  window = GTK_WINDOW (gtk_window_new ());
  map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, GTK_WIDGET (map_view));
  /* as the window does: one filter for the map's whole life */
  atlas_map_view_set_filter (map_view, filter);
  gtk_window_present (window);
  wait_for_index (map_view);

  start = g_get_monotonic_time ();
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  atlas_map_view_set_case (map_view, atlas_case);
  wait_for_index (map_view);
  g_print ("open-to-first-frame: %.2f s (open, integrity check, load, index, draw)\n",
           seconds_since (start));

  start = g_get_monotonic_time ();
  {
    g_autoptr(GArray) points = NULL;
    g_autoptr(GByteArray) precisions = NULL;
    g_auto(GStrv) categories = NULL;
    g_autoptr(AtlasClusterIndex) rebuilt = NULL;
    double build_s;

    atlas_case_load_map_points (atlas_case, NULL, &points, &precisions, &categories, NULL, NULL,
                                &error);
    g_print ("load-points: %.2f s\n", seconds_since (start));
    start = g_get_monotonic_time ();
    rebuilt = atlas_cluster_index_new ((AtlasMapPoint *) points->data, points->len, 48, NULL,
                                       &error);
    build_s = seconds_since (start);
    g_print ("index-build: %.2f s for %u incidents (anchor: supercluster 6.25 s for 1M)\n",
             build_s, points->len);
    g_print ("index-memory: %.1f MB, %.1f bytes per incident (target under 100)\n",
             atlas_cluster_index_get_memory_size (rebuilt) / 1e6,
             atlas_cluster_index_get_memory_size (rebuilt) / (double) points->len);
    time_index_updates (rebuilt, points, build_s * 1000);
  }

  {
    time_filter_change (map_view, filter, "first", NULL, "2015-12-31");
    time_filter_change (map_view, filter, "one-month", "2020-03", "2020-03");
    time_filter_change (map_view, filter, "next-month", "2020-04", "2020-04");
    time_filter_change (map_view, filter, "one-year", "2021", "2021");
    time_filter_change (map_view, filter, "everything", NULL, NULL);
  }

  {
    GtkWidget *incidents = GTK_WIDGET (atlas_map_view_get_incident_layer (map_view));
    GtkWidget *density = GTK_WIDGET (atlas_map_view_get_density_layer (map_view));

    pan (map_view, incidents, "snapshot", 3);
    pan (map_view, incidents, "snapshot", 7);
    pan (map_view, incidents, "snapshot", 12);
    save_picture (map_view, "clusters.png");

    atlas_map_view_set_density_shown (map_view, TRUE);
    wait_for_index (map_view);
    pan (map_view, density, "density-snapshot", 3);
    pan (map_view, density, "density-snapshot", 7);
    pan (map_view, density, "density-snapshot", 12);
    save_picture (map_view, "density.png");
  }
  time_search (atlas_case, "t", 0);
  time_search (atlas_case, "town", 0);
  time_search (atlas_case, "kerman", 0);
  time_search (atlas_case, "t", 50);
  g_print ("anchors: libshumate markers 105 ms per frame at 10k and ~1.08 s at 100k; a plain "
           "custom layer 589 ms at 1M\n");

  if (!given)
    {
      atlas_map_view_set_density_shown (map_view, FALSE);
      time_edits (map_view, file);
    }

  gtk_window_destroy (window);
  g_clear_object (&atlas_case);
  if (!given)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      /* the map's workers may still hold a connection, which leaves these behind */
      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
