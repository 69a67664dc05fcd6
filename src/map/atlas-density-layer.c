/* atlas-density-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's density view: the incidents the filter and the timeline let through, counted in
 * hexagons of a fixed size on screen and coloured on viridis (logarithmic, from one incident
 * to the most in a hexagon in view), with the legend of that scale.
 *
 * It counts from the incident layer's cluster index, not from every incident: the clusters
 * of three zoom levels deeper than the view are at most a few pixels across there (the
 * hexagons are 24 px wide), so a frame costs what the index returns for the view, as the
 * badges do, and never grows with the whole case. The index gives their positions already
 * projected, and the hexagons are filled one path per step of the scale. Hexagons are
 * anchored to the world, not the window, so they stay put while the map pans.
 */

#define G_LOG_DOMAIN "atlas-density-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-density-layer.h"
#include "atlas-hex-bins.h"
#include "atlas-map-style.h"
#include "atlas-mercator.h"
#include "atlas-number-format.h"

/* The hexagons' circumradius on screen, in pixels. */
#define HEX_SIZE      14.0
/* How many levels deeper than the view the index is read: radius 48 px / 2^3 = 6 px. */
#define DEPTH         3
#define LEGEND_WIDTH  180.0
#define COLOUR_STEPS  64
#define LEGEND_MARGIN 12.0
/* Clear of libshumate's scale bar, bottom left */
#define LEGEND_BOTTOM 64.0

struct _AtlasDensityLayer
{
  ShumateLayer        parent_instance;

  AtlasIncidentLayer *incidents;
  AtlasHexBins       *bins;
  double              total;      /* incidents counted in the last frame */
};

G_DEFINE_FINAL_TYPE (AtlasDensityLayer, atlas_density_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_INCIDENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
world_size (ShumateViewport *viewport)
{
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  guint tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256;

  return tile_size * exp2 (shumate_viewport_get_zoom_level (viewport));
}

/* The view and a hexagon around it, in degrees: the circle round the view, whichever way
 * the map is turned. West may be past −180° and east past 180°: the index wraps them. */
static gboolean
view_bounds (AtlasDensityLayer *self,
             AtlasBounds       *bounds)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double world = world_size (viewport);
  double half = hypot (width, height) / 2 + HEX_SIZE;
  ShumateLocation *centre = SHUMATE_LOCATION (viewport);
  double centre_x, centre_y;

  if (width <= 0 || height <= 0 || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return FALSE;

  centre_x = atlas_mercator_x_from_longitude (shumate_location_get_longitude (centre));
  centre_y = atlas_mercator_y_from_latitude (shumate_location_get_latitude (centre));
  bounds->min_lon = (centre_x - half / world) * 360 - 180;
  bounds->max_lon = (centre_x + half / world) * 360 - 180;
  bounds->max_lat = atlas_mercator_latitude_from_y (MAX (0, centre_y - half / world));
  bounds->min_lat = atlas_mercator_latitude_from_y (MIN (1, centre_y + half / world));
  if (bounds->max_lon - bounds->min_lon >= 360)
    bounds->min_lon = -180, bounds->max_lon = 180;
  return TRUE;
}

/* Counts the incidents in view into the bins, in world pixels at the view's zoom. */
static void
count_incidents (AtlasDensityLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  AtlasClusterIndex *index = atlas_incident_layer_get_index (self->incidents);
  double world = world_size (viewport);
  int level = (int) floor (shumate_viewport_get_zoom_level (viewport)) + DEPTH;
  g_autoptr(GArray) clusters = NULL;
  AtlasBounds bounds;

  atlas_hex_bins_clear (self->bins);
  self->total = 0;
  if (index == NULL || !view_bounds (self, &bounds))
    return;

  clusters = atlas_cluster_index_query_positions (index, &bounds, level);
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasClusterPosition *cluster = &g_array_index (clusters, AtlasClusterPosition, i);

      atlas_hex_bins_add (self->bins, cluster->x * world, cluster->y * world, cluster->count);
      self->total += cluster->count;
    }
}

static void
trace_hexagon (cairo_t *cr,
               double   x,
               double   y,
               double   size,
               double   rotation)
{
  for (int k = 0; k < 6; k++)
    {
      /* pointy-top: the first corner straight up */
      double angle = rotation + G_PI / 6 + k * G_PI / 3;

      cairo_line_to (cr, x + size * cos (angle), y + size * sin (angle));
    }
  cairo_close_path (cr);
}

/* Where the hexagon centred at world pixel (@wx, @wy) is in the widget. */
static void
to_widget (AtlasDensityLayer *self,
           double             world,
           double             wx,
           double             wy,
           double            *x,
           double            *y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *centre = SHUMATE_LOCATION (viewport);
  double rotation = shumate_viewport_get_rotation (viewport);
  double dx, dy;

  dx = wx - atlas_mercator_x_from_longitude (shumate_location_get_longitude (centre)) * world;
  dy = wy - atlas_mercator_y_from_latitude (shumate_location_get_latitude (centre)) * world;

  /* the nearest copy of the world, across the antimeridian */
  dx -= world * round (dx / world);
  *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + dx * cos (rotation) - dy * sin (rotation);
  *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 + dx * sin (rotation) + dy * cos (rotation);
}

/* One path per step of the scale, not one fill per hexagon: COLOUR_STEPS is finer than the
 * eye tells apart on the ramp. */
static void
draw_bins (AtlasDensityLayer *self,
           cairo_t           *cr)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double world = world_size (viewport);
  double rotation = shumate_viewport_get_rotation (viewport);
  double max = atlas_hex_bins_get_max (self->bins);
  g_autofree guint8 *steps = NULL;
  const AtlasHexBin *bins;
  guint n_bins;

  bins = atlas_hex_bins_get_bins (self->bins, &n_bins);
  steps = g_new (guint8, MAX (n_bins, 1));
  for (guint i = 0; i < n_bins; i++)
    steps[i] = (guint8) round (atlas_density_scale (bins[i].count, max) * (COLOUR_STEPS - 1));

  for (guint step = 0; step < COLOUR_STEPS; step++)
    {
      double red, green, blue;
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < n_bins; i++)
        {
          double wx, wy, x, y;

          if (steps[i] != step)
            continue;
          atlas_hex_centre (HEX_SIZE, bins[i].q, bins[i].r, &wx, &wy);
          to_widget (self, world, wx, wy, &x, &y);
          cairo_new_sub_path (cr);
          /* a hair smaller, so that neighbours show a seam of the map between them */
          trace_hexagon (cr, x, y, HEX_SIZE - 0.6, rotation);
          any = TRUE;
        }
      if (!any)
        continue;
      atlas_viridis (step / (double) (COLOUR_STEPS - 1), &red, &green, &blue);
      cairo_set_source_rgba (cr, red, green, blue, 0.8);
      cairo_fill (cr);
    }
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y);
  pango_cairo_show_layout (cr, layout);
}

/* Bottom left, above the scale bar: what the colours count, and the ramp from 1 to the
 * most in one hexagon. */
/* Small bold text, as the badges' counts are drawn. */
static PangoLayout *
create_legend_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell Bold 9.5");

  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
draw_legend (AtlasDensityLayer *self,
             cairo_t           *cr)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) layout = create_legend_layout (widget);
  g_autofree char *most = atlas_format_count ((guint64) atlas_hex_bins_get_max (self->bins));
  double x = LEGEND_MARGIN, y = gtk_widget_get_height (widget) - LEGEND_BOTTOM - 74;
  double width = LEGEND_WIDTH, ramp_y = y + 30;
  cairo_pattern_t *ramp;

  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width + 20, 74);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.13, 0.13, 0.15);
  /* Translators: the title of the density view's legend */
  show_text (cr, layout, _("Incidents per hexagon"), x + 10, y + 6, 0);

  ramp = cairo_pattern_create_linear (x + 10, 0, x + 10 + width, 0);
  for (int k = 0; k <= 20; k++)
    {
      double red, green, blue;

      atlas_viridis (k / 20.0, &red, &green, &blue);
      cairo_pattern_add_color_stop_rgb (ramp, k / 20.0, red, green, blue);
    }
  cairo_rectangle (cr, x + 10, ramp_y, width, 12);
  cairo_set_source (cr, ramp);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);

  cairo_set_source_rgb (cr, 0.13, 0.13, 0.15);
  show_text (cr, layout, "1", x + 10, ramp_y + 16, 0);
  /* Translators: the density legend's scale grows by powers, not in equal steps */
  show_text (cr, layout, C_("density scale", "log scale"), x + 10 + width / 2, ramp_y + 16,
             0.5);
  show_text (cr, layout, most, x + 10 + width, ramp_y + 16, 1);
}

static void
atlas_density_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasDensityLayer *self = ATLAS_DENSITY_LAYER (widget);
  guint n_bins;
  cairo_t *cr;

  count_incidents (self);
  atlas_hex_bins_get_bins (self->bins, &n_bins);
  if (n_bins == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                                 gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  draw_bins (self, cr);
  draw_legend (self, cr);
  cairo_destroy (cr);
}

static void
redraw_cb (AtlasDensityLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_density_layer_constructed (GObject *object)
{
  AtlasDensityLayer *self = ATLAS_DENSITY_LAYER (object);

  G_OBJECT_CLASS (atlas_density_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  /* a new index: the filter or the timeline changed */
  g_signal_connect_object (self->incidents, "notify::index", G_CALLBACK (redraw_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_density_layer_dispose (GObject *object)
{
  AtlasDensityLayer *self = ATLAS_DENSITY_LAYER (object);

  g_clear_object (&self->incidents);

  G_OBJECT_CLASS (atlas_density_layer_parent_class)->dispose (object);
}

static void
atlas_density_layer_finalize (GObject *object)
{
  AtlasDensityLayer *self = ATLAS_DENSITY_LAYER (object);

  g_clear_pointer (&self->bins, atlas_hex_bins_free);

  G_OBJECT_CLASS (atlas_density_layer_parent_class)->finalize (object);
}

static void
atlas_density_layer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasDensityLayer *self = ATLAS_DENSITY_LAYER (object);

  switch (prop_id)
    {
    case PROP_INCIDENTS:
      self->incidents = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_density_layer_class_init (AtlasDensityLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_density_layer_constructed;
  object_class->dispose = atlas_density_layer_dispose;
  object_class->finalize = atlas_density_layer_finalize;
  object_class->set_property = atlas_density_layer_set_property;
  widget_class->snapshot = atlas_density_layer_snapshot;

  properties[PROP_INCIDENTS] =
    g_param_spec_object ("incidents", NULL, NULL, ATLAS_TYPE_INCIDENT_LAYER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_density_layer_init (AtlasDensityLayer *self)
{
  self->bins = atlas_hex_bins_new (HEX_SIZE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * atlas_density_layer_new:
 * @viewport: the map's viewport
 * @incidents: the incident layer whose index (following the filter and the timeline) to
 *   count; it may be hidden
 *
 * Returns: (transfer full): a new density layer
 */
AtlasDensityLayer *
atlas_density_layer_new (ShumateViewport    *viewport,
                         AtlasIncidentLayer *incidents)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (incidents), NULL);

  return g_object_new (ATLAS_TYPE_DENSITY_LAYER, "viewport", viewport, "incidents", incidents,
                       NULL);
}

/**
 * atlas_density_layer_get_max:
 *
 * Returns: the most incidents in one hexagon of the last frame: the top of the legend
 */
double
atlas_density_layer_get_max (AtlasDensityLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DENSITY_LAYER (self), 0);
  return atlas_hex_bins_get_max (self->bins);
}

/**
 * atlas_density_layer_get_n_bins:
 *
 * Returns: how many hexagons the last frame drew
 */
guint
atlas_density_layer_get_n_bins (AtlasDensityLayer *self)
{
  guint n_bins;

  g_return_val_if_fail (ATLAS_IS_DENSITY_LAYER (self), 0);
  atlas_hex_bins_get_bins (self->bins, &n_bins);
  return n_bins;
}

/**
 * atlas_density_layer_get_total:
 *
 * Returns: how many incidents the last frame counted, in view and just around it
 */
double
atlas_density_layer_get_total (AtlasDensityLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DENSITY_LAYER (self), 0);
  return self->total;
}
