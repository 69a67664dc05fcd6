/* atlas-map-view-extent.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the map view opens a case: on the extent that holds most of its incidents, leaving out
 * the few an import put at 0,0, on the world's edge or far from all the others
 * (atlas_map_framing_main_extent()), with a chip that says how many are outside the view and
 * frames them all when clicked.
 */

#define G_LOG_DOMAIN "atlas-map"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-framing.h"
#include "atlas-map-view-private.h"
#include "atlas-mercator.h"

/* Clusters at this zoom are fine enough to tell where incidents are (a tenth of a degree)
 * and few enough to sort, even for a million incidents. */
#define POSITIONS_ZOOM 10

static const AtlasBounds whole_world = { -180, -90, 180, 90 };

static void
extend_bounds (AtlasBounds       *bounds,
               const AtlasBounds *other)
{
  if (atlas_bounds_is_empty (other))
    return;
  atlas_bounds_extend (bounds, other->min_lat, other->min_lon);
  atlas_bounds_extend (bounds, other->max_lat, other->max_lon);
}

static void
show_outside_chip (AtlasMapView *self,
                   guint64       outside)
{
  if (outside > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u incident outside this view",
                                                         "%u incidents outside this view",
                                                         (gulong) outside),
                                               (guint) outside);

      gtk_label_set_text (self->outside_label, text);
    }
  gtk_widget_set_visible (self->outside_chip, outside > 0);
}

/* Frames the main extent (with the routes' sound waypoints), and remembers all of it for
 * the chip. */
static void
frame_main_extent (AtlasMapView      *self,
                   AtlasClusterIndex *index)
{
  g_autoptr(GArray) positions = atlas_cluster_index_query_positions (index, &whole_world,
                                                                     POSITIONS_ZOOM);
  /* a cluster's incidents lie within its radius of it */
  double reach = atlas_cluster_index_get_radius (index) / (256.0 * (1 << POSITIONS_ZOOM));
  AtlasBounds main_extent, routes;

  self->n_left_out = atlas_map_framing_main_extent ((AtlasClusterPosition *) positions->data,
                                                    positions->len, reach, &main_extent);
  atlas_bounds_init_empty (&self->whole_extent);
  for (guint i = 0; i < positions->len; i++)
    {
      AtlasClusterPosition *p = &g_array_index (positions, AtlasClusterPosition, i);

      atlas_bounds_extend (&self->whole_extent, atlas_mercator_latitude_from_y (p->y),
                           atlas_mercator_longitude_from_x (p->x));
    }
  atlas_route_layer_get_extent (self->route_layer, &routes);
  extend_bounds (&main_extent, &routes);
  extend_bounds (&self->whole_extent, &routes);
  g_debug ("%" G_GUINT64_FORMAT " incidents left out of the opening view", self->n_left_out);
  /* the chip shows before framing, which keeps the incidents clear of it */
  show_outside_chip (self, self->n_left_out);
  if (!atlas_bounds_is_empty (&main_extent))
    atlas_map_view_frame_bounds (self, &main_extent, FALSE);
}

static void
index_changed_cb (AtlasMapView *self)
{
  AtlasClusterIndex *index = atlas_incident_layer_get_index (self->incident_layer);

  if (!self->frame_case_pending || index == NULL)
    return;
  self->frame_case_pending = FALSE;
  frame_main_extent (self, index);
  _atlas_map_view_update_outside_chip (self);
}

static void
outside_chip_clicked_cb (AtlasMapView *self)
{
  if (!atlas_bounds_is_empty (&self->whole_extent))
    atlas_map_view_frame_bounds (self, &self->whole_extent, TRUE);
}

void
_atlas_map_view_watch_extent (AtlasMapView *self)
{
  atlas_bounds_init_empty (&self->whole_extent);
  g_signal_connect_object (self->incident_layer, "notify::index", G_CALLBACK (index_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outside_chip, "clicked", G_CALLBACK (outside_chip_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->outside_chip),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->outside_label, NULL,
                                  -1);
}

/* Shown while the only incidents out of view are some of those the opening view left out:
 * "3 incidents outside this view" is then what the view leaves out. */
void
_atlas_map_view_update_outside_chip (AtlasMapView *self)
{
  AtlasClusterIndex *index = atlas_incident_layer_get_index (self->incident_layer);
  guint64 total, outside = 0;

  if (index != NULL && self->n_left_out > 0
      && !atlas_incident_layer_is_loading (self->incident_layer))
    {
      total = atlas_cluster_index_get_n_points (index);
      total -= MIN (total, atlas_incident_layer_count_in_view (self->incident_layer));
      outside = total <= self->n_left_out ? total : 0;
    }
  show_outside_chip (self, outside);
}

/**
 * atlas_map_view_frame_case:
 *
 * Opens the case's view: its whole extent at once, then, once its incidents are loaded,
 * the extent that holds most of them, unless the map was moved by then. A chip then says
 * how many lie outside the view and frames them all when clicked.
 */
void
atlas_map_view_frame_case (AtlasMapView *self)
{
  AtlasBounds extent;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (self->atlas_case != NULL);

  if (atlas_case_get_extent (self->atlas_case, &extent))
    atlas_map_view_frame_bounds (self, &extent, FALSE);
  self->frame_case_pending = TRUE;
  index_changed_cb (self);
}
