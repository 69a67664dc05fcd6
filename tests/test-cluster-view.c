/* test-cluster-view.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map clusters, in a real map view: a view of a few incidents shows each on its
 * own (the two Tehran attacks of the sample are two symbols, not a badge), and the selected
 * incident (a briefing step's subject) is drawn on its own, no longer counted in a badge.
 * An edit shows at once, before the index is rebuilt, and the rebuilt index is a fresh
 * build's.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-case.h"
#include "atlas-edit.h"
#include "atlas-incident.h"
#include "atlas-map-view.h"
#include "window-test-util.h"

#define N_CROWD 400

typedef struct {
  GtkWindow      *window;
  AtlasMapView   *map_view;
  AtlasSelection *selection;
  AtlasFilter    *filter;
} Fixture;

static void
show (Fixture   *fixture,
      AtlasCase *atlas_case,
      double     latitude,
      double     longitude,
      double     zoom)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  fixture->selection = atlas_selection_new ();
  fixture->filter = atlas_filter_new ();
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map_view));
  atlas_map_view_set_selection (fixture->map_view, fixture->selection);
  atlas_map_view_set_filter (fixture->map_view, fixture->filter);
  atlas_map_view_set_case (fixture->map_view, atlas_case);
  gtk_window_present (fixture->window);
  wait_until_settled (fixture->map_view);
  atlas_map_view_show_at (fixture->map_view, latitude, longitude, zoom);
  wait_until_settled (fixture->map_view);
}

static void
fixture_clear (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->filter);
}

static AtlasRecord *
pick_at (Fixture     *fixture,
         AtlasRecord *incident)
{
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (fixture->map_view);
  double x, y;

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->map_view),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)),
                                              atlas_record_get_double (incident, "latitude"),
                                              atlas_record_get_double (incident, "longitude"),
                                              &x, &y);
  return atlas_map_view_pick (fixture->map_view, x, y);
}

/* Step 17's view of Iran, where the two Tehran attacks were one "3" badge. */
static void
test_few_never_clustered (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  g_autoptr(AtlasCase) sample = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, NULL);
  const char *keys[] = { "inc-tehran-2017-parliament", "inc-tehran-2017-mausoleum" };
  Fixture fixture;

  g_assert_nonnull (sample);
  show (&fixture, sample, 32.0, 50.0, 4.5);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(AtlasRecord) incident = atlas_case_lookup (sample, "incident", keys[i], NULL);
      g_autoptr(AtlasRecord) picked = pick_at (&fixture, incident);

      g_assert_nonnull (picked);
      g_assert_true (ATLAS_IS_RECORD (picked));
      g_assert_cmpstr (atlas_record_get_key (picked), ==, keys[i]);
    }
  fixture_clear (&fixture);
}

/* A crowd of incidents in Tehran, enough to be clustered. */
static AtlasCase *
create_crowd (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Crowd", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_CROWD; i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%03u", i);
      AtlasIncident *incident = atlas_incident_new (key);

      atlas_incident_set_title (incident, key);
      atlas_incident_set_category (incident, i % 2 ? "bombing" : "armed-assault");
      atlas_incident_set_latitude (incident, 35.60 + 0.01 * (i % 20));
      atlas_incident_set_longitude (incident, 51.30 + 0.01 * (i / 20));
      atlas_incident_set_location_precision (incident, "site");
      g_ptr_array_add (records, incident);
    }
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return atlas_case;
}

/* The selection is drawn on its own and counted once: the view still holds N incidents. */
static void
test_subject_drawn_alone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cluster-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crowd.gpkg", NULL);
  g_autoptr(AtlasCase) crowd = create_crowd (path);
  g_autoptr(AtlasRecord) subject = atlas_case_lookup (crowd, "incident", "inc-205", NULL);
  g_autoptr(AtlasRecord) picked = NULL;
  AtlasIncidentLayer *layer;
  Fixture fixture;

  show (&fixture, crowd, 35.7, 51.4, 8.0);
  layer = atlas_map_view_get_incident_layer (fixture.map_view);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD);
  /* not selected, it is in a badge */
  picked = pick_at (&fixture, subject);
  g_assert_false (picked != NULL && ATLAS_IS_RECORD (picked)
                  && g_strcmp0 (atlas_record_get_key (picked), "inc-205") == 0);
  g_clear_object (&picked);

  atlas_selection_select (fixture.selection, subject, ATLAS_SELECTION_NONE);
  wait_until_settled (fixture.map_view);
  picked = pick_at (&fixture, subject);
  g_assert_nonnull (picked);
  g_assert_true (ATLAS_IS_RECORD (picked));
  g_assert_cmpstr (atlas_record_get_key (picked), ==, "inc-205");
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD);

  fixture_clear (&fixture);
  g_clear_object (&crowd);
  g_remove (path);
  g_rmdir (dir);
}

/* Every cluster of @a at every zoom is one of @b, field by field. */
static void
assert_same_clusters (AtlasClusterIndex *a,
                      AtlasClusterIndex *b)
{
  AtlasBounds world = { -180, -85, 180, 85 };

  g_assert_cmpuint (atlas_cluster_index_get_n_points (a), ==,
                    atlas_cluster_index_get_n_points (b));
  for (int zoom = 0; zoom <= ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM + 1; zoom++)
    {
      g_autoptr(GArray) x = atlas_cluster_index_query (a, &world, zoom);
      g_autoptr(GArray) y = atlas_cluster_index_query (b, &world, zoom);

      g_assert_cmpuint (x->len, ==, y->len);
      for (guint i = 0; i < x->len; i++)
        {
          AtlasCluster *p = &g_array_index (x, AtlasCluster, i);
          AtlasCluster *q = &g_array_index (y, AtlasCluster, i);

          g_assert_cmpfloat (p->latitude, ==, q->latitude);
          g_assert_cmpfloat (p->longitude, ==, q->longitude);
          g_assert_cmpuint (p->count, ==, q->count);
          /* an update in place numbers its clusters after the build's */
          if (p->count == 1)
            g_assert_cmpint (p->id, ==, q->id);
          else
            g_assert_cmpint (atlas_cluster_index_get_expansion_zoom (a, p->id), ==,
                             atlas_cluster_index_get_expansion_zoom (b, q->id));
          g_assert_cmpuint (p->category, ==, q->category);
          g_assert_cmpuint (p->category_mask, ==, q->category_mask);
          g_assert_cmpmem (p->mix_categories, sizeof p->mix_categories,
                           q->mix_categories, sizeof q->mix_categories);
          g_assert_cmpmem (p->mix_shares, sizeof p->mix_shares,
                           q->mix_shares, sizeof q->mix_shares);
        }
    }
}

static AtlasClusterIndex *
build_fresh_index (AtlasCase *atlas_case)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GByteArray) precisions = NULL;
  g_auto(GStrv) categories = NULL;
  g_autoptr(GError) error = NULL;
  AtlasClusterIndex *index;

  g_assert_true (atlas_case_load_map_points (atlas_case, NULL, &points, &precisions,
                                             &categories, NULL, NULL, &error));
  index = atlas_cluster_index_new ((AtlasMapPoint *) points->data, points->len, 48.0, NULL,
                                   &error);
  g_assert_no_error (error);
  return index;
}

static AtlasEdit *
apply (AtlasCase *atlas_case,
       AtlasEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
  g_assert_no_error (error);
  return edit;
}

/* What the layer draws now, without a main loop iteration: @record is picked where it is. */
static void
assert_drawn_alone (Fixture     *fixture,
                    AtlasRecord *record)
{
  g_autoptr(AtlasRecord) picked = pick_at (fixture, record);

  g_assert_nonnull (picked);
  g_assert_true (ATLAS_IS_RECORD (picked));
  g_assert_cmpstr (atlas_record_get_key (picked), ==, atlas_record_get_key (record));
}

/* The layer draws from an index the same as a fresh build over the case. */
static void
assert_same_as_fresh (AtlasCase          *atlas_case,
                      AtlasIncidentLayer *layer)
{
  g_autoptr(AtlasClusterIndex) fresh = build_fresh_index (atlas_case);

  assert_same_clusters (atlas_incident_layer_get_index (layer), fresh);
}

/* Adds, moves, deletes and undos show at once (no main loop runs between them), each put
 * into the index in place, with no rebuild: after each the index is a fresh build's. */
static void
test_edits_shown_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cluster-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crowd.gpkg", NULL);
  g_autoptr(AtlasCase) crowd = create_crowd (path);
  g_autoptr(AtlasRecord) mover = atlas_case_lookup (crowd, "incident", "inc-205", NULL);
  g_autoptr(AtlasRecord) moved = atlas_record_dup (mover);
  g_autoptr(AtlasRecord) doomed = atlas_case_lookup (crowd, "incident", "inc-100", NULL);
  g_autoptr(AtlasIncident) added = atlas_incident_new ("inc-new");
  g_autoptr(AtlasEdit) move = atlas_edit_new ("Move");
  g_autoptr(AtlasEdit) add = atlas_edit_new ("Add");
  g_autoptr(AtlasEdit) removal = atlas_edit_new ("Delete");
  g_autoptr(AtlasEdit) undo_removal = NULL;
  g_autoptr(AtlasEdit) undo_move = NULL;
  AtlasClusterIndex *before;
  AtlasIncidentLayer *layer;
  Fixture fixture;

  show (&fixture, crowd, 35.7, 51.4, 8.0);
  layer = atlas_map_view_get_incident_layer (fixture.map_view);
  before = atlas_incident_layer_get_index (layer);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD);

  /* moved out of its badge, to the south-west of the crowd */
  atlas_record_set_double (moved, "latitude", 34.6);
  atlas_record_set_double (moved, "longitude", 50.2);
  atlas_edit_change (move, mover, moved);
  apply (crowd, move);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD);
  assert_drawn_alone (&fixture, moved);
  assert_same_as_fresh (crowd, layer);

  atlas_incident_set_title (added, "Added");
  atlas_incident_set_category (added, "arrest");
  atlas_incident_set_latitude (added, 36.6);
  atlas_incident_set_longitude (added, 52.6);
  atlas_incident_set_location_precision (added, "town");
  atlas_edit_add (add, ATLAS_RECORD (added));
  apply (crowd, add);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD + 1);
  assert_drawn_alone (&fixture, ATLAS_RECORD (added));
  assert_same_as_fresh (crowd, layer);

  atlas_edit_remove (removal, doomed);
  apply (crowd, removal);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD);
  assert_same_as_fresh (crowd, layer);

  /* back into the crowd's badge, as a fresh build draws it */
  undo_removal = apply (crowd, atlas_edit_invert (removal));
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD + 1);
  assert_same_as_fresh (crowd, layer);

  undo_move = apply (crowd, atlas_edit_invert (move));
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD + 1);
  assert_same_as_fresh (crowd, layer);

  /* all of it in the index the edits found, with no rebuild */
  g_assert_true (atlas_incident_layer_get_index (layer) == before);
  g_assert_false (atlas_incident_layer_is_loading (layer));
  wait_until_settled (fixture.map_view);
  g_assert_true (atlas_incident_layer_get_index (layer) == before);
  assert_same_as_fresh (crowd, layer);
  g_assert_cmpuint (atlas_incident_layer_count_in_view (layer), ==, N_CROWD + 1);
  assert_drawn_alone (&fixture, ATLAS_RECORD (added));

  fixture_clear (&fixture);
  g_clear_object (&crowd);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/atlas/cluster-view/few-never-clustered", test_few_never_clustered);
  g_test_add_func ("/atlas/cluster-view/subject-drawn-alone", test_subject_drawn_alone);
  g_test_add_func ("/atlas/cluster-view/edits-shown-at-once", test_edits_shown_at_once);

  return g_test_run ();
}
