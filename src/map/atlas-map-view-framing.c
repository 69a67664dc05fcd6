/* atlas-map-view-framing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the map view frames what it is asked to show: as the printed briefing frames it
 * (atlas-map-framing), filling the part of the map that the legend and a caption laid over
 * it leave free; what it framed is framed again when that part changes (the window, the
 * sidebar, the caption), until the analyst moves the map. What covers the map is also kept
 * free of route labels.
 */

#include "config.h"

#include <math.h>

#include "atlas-map-framing.h"
#include "atlas-map-view-private.h"

#define FLY_DURATION_MS 900
#define POINT_ZOOM 8.0

static double
point_zoom (AtlasRecord *record)
{
  const char *precision = atlas_record_get_text (record, "location_precision");

  if (g_strcmp0 (precision, "province") == 0)
    return 6.0;
  if (g_strcmp0 (precision, "country") == 0)
    return 5.0;
  if (g_strcmp0 (precision, "district") == 0)
    return 7.0;
  return POINT_ZOOM;
}

/* Flies there when @animate and the map is on screen, else jumps. */
void
_atlas_map_view_fly_to (AtlasMapView *self,
                        double        latitude,
                        double        longitude,
                        double        zoom,
                        gboolean      animate)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);

  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      shumate_map_go_to_full_with_duration (map, latitude, longitude, zoom, FLY_DURATION_MS);
      return;
    }

  /* a jump also ends any flight under way, which would otherwise land elsewhere */
  shumate_map_stop_go_to (map);
  self->jumping = TRUE;
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
  shumate_viewport_set_zoom_level (viewport, zoom);
  self->jumping = FALSE;
}

static gboolean
has_size (AtlasMapView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) > 0;
}

static void
map_size (AtlasMapView *self,
          double       *width,
          double       *height)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  /* before the first allocation: the window's default map */
  *width = w > 0 ? w : 900;
  *height = h > 0 ? h : 700;
}

/* Where a child of @size with margins @start and @end begins in @extent, as GtkOverlay
 * aligns it. */
static double
aligned_start (GtkAlign align,
               double   extent,
               int      start,
               int      end,
               double   size)
{
  if (align == GTK_ALIGN_END)
    return extent - end - size;
  if (align == GTK_ALIGN_CENTER)
    return start + (extent - start - end - size) / 2;
  return start;
}

/* Where @child, laid over the map with its alignment and margins, falls in a map of
 * @width × @height, as GtkOverlay places it at its natural size; with half its margins
 * around it, since a subject right against a card looks covered by it. */
static void
overlay_child_area (GtkWidget         *child,
                    double             width,
                    double             height,
                    cairo_rectangle_t *area)
{
  int start = gtk_widget_get_margin_start (child), end = gtk_widget_get_margin_end (child);
  int top = gtk_widget_get_margin_top (child), bottom = gtk_widget_get_margin_bottom (child);
  int natural_width, natural_height, outer_width;

  /* measured with the margins */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
  outer_width = MIN (natural_width, (int) width);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, outer_width, NULL, &natural_height,
                      NULL, NULL);
  area->width = MAX (outer_width - start - end, 0);
  area->height = MAX (MIN (natural_height, (int) height) - top - bottom, 0);
  area->x = aligned_start (gtk_widget_get_halign (child), width, start, end, area->width);
  area->y = aligned_start (gtk_widget_get_valign (child), height, top, bottom, area->height);

  area->x -= start / 2.0;
  area->y -= top / 2.0;
  area->width += (start + end) / 2.0;
  area->height += (top + bottom) / 2.0;
}

/* Where @control lies over the map, once allocated and shown. */
static gboolean
control_box (AtlasMapView      *self,
             GtkWidget         *control,
             cairo_rectangle_t *box)
{
  graphene_rect_t bounds;

  if (control == NULL || !gtk_widget_is_drawable (control)
      || !gtk_widget_compute_bounds (control, GTK_WIDGET (self), &bounds)
      || bounds.size.width <= 0 || bounds.size.height <= 0)
    return FALSE;
  *box = (cairo_rectangle_t) { bounds.origin.x, bounds.origin.y, bounds.size.width,
                               bounds.size.height };
  return TRUE;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* libshumate 1.0 does not hand out its zoom buttons: the box that holds the only buttons
 * of the map. */
static GtkWidget *
zoom_buttons_of (ShumateSimpleMap *map)
{
  GtkWidget *button = find_button (GTK_WIDGET (map));

  return button != NULL ? gtk_widget_get_parent (button) : NULL;
}

/* The route labels and the basemap's keep off what covers the map and off the map's own
 * controls: the zoom buttons, the scale bar and the attribution. */
static void
set_label_obstacles (AtlasMapView            *self,
                     const cairo_rectangle_t *covered,
                     guint                    n_covered)
{
  GtkWidget *controls[] = {
    zoom_buttons_of (self->map),
    GTK_WIDGET (shumate_simple_map_get_scale (self->map)),
    GTK_WIDGET (shumate_simple_map_get_license (self->map)),
    GTK_WIDGET (shumate_simple_map_get_compass (self->map)),
  };
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_array_append_vals (boxes, covered, n_covered);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      cairo_rectangle_t box;

      if (!control_box (self, controls[i], &box))
        continue;
      /* the scale bar's length changes with the zoom: keep its longest clear */
      if (SHUMATE_IS_SCALE (controls[i]))
        box.width = MAX (box.width, shumate_scale_get_max_width (SHUMATE_SCALE (controls[i])));
      g_array_append_val (boxes, box);
    }
  atlas_route_layer_set_obstacles (self->route_layer, (cairo_rectangle_t *) boxes->data,
                                   boxes->len);
  atlas_place_label_layer_set_obstacles (self->place_label_layer,
                                         (cairo_rectangle_t *) boxes->data, boxes->len);
}

/* What covers the map: the legend, a caption laid over it, and what is said over its top
 * (the filter's chips). */
#define MAX_COVERED 3

static guint
update_covered (AtlasMapView      *self,
                double             width,
                double             height,
                cairo_rectangle_t  covered[MAX_COVERED])
{
  cairo_rectangle_t caption_area = { 0, 0, 0, 0 };
  gboolean has_caption = self->caption != NULL && gtk_widget_get_visible (self->caption);
  guint n_covered = 0;

  if (has_caption)
    overlay_child_area (self->caption, width, height, &caption_area);
  /* folded to a button first if the map is too small for it, so framing gains the room */
  atlas_map_legend_fit (self->legend, width * height - caption_area.width * caption_area.height);
  /* the legend lies in a box laid over the map, which the density view hides */
  if (gtk_widget_get_visible (GTK_WIDGET (self->legend))
      && gtk_widget_get_visible (self->legend_box))
    overlay_child_area (self->legend_box, width, height, &covered[n_covered++]);
  if (has_caption)
    covered[n_covered++] = caption_area;
  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_chips))
      || gtk_widget_get_visible (self->outside_chip)
      || gtk_widget_get_visible (self->online_indicator))
    overlay_child_area (self->top_box, width, height, &covered[n_covered++]);
  set_label_obstacles (self, covered, n_covered);
  return n_covered;
}

static void
free_area_for (AtlasMapView      *self,
               const AtlasBounds *subject,
               cairo_rectangle_t *area)
{
  cairo_rectangle_t covered[MAX_COVERED];
  double width, height;
  guint n_covered;

  map_size (self, &width, &height);
  n_covered = update_covered (self, width, height, covered);
  atlas_map_framing_free_area (width, height, covered, n_covered, subject, area);
}

static gboolean
same_area (const cairo_rectangle_t *a,
           const cairo_rectangle_t *b)
{
  return fabs (a->x - b->x) < 1 && fabs (a->y - b->y) < 1
         && fabs (a->width - b->width) < 1 && fabs (a->height - b->height) < 1;
}

static void
update_obstacles (AtlasMapView *self)
{
  cairo_rectangle_t covered[MAX_COVERED];
  double width, height;

  map_size (self, &width, &height);
  update_covered (self, width, height, covered);
}

/* What is framed now is framed again whenever the free part of the map changes, until the
 * analyst moves the map. */
static void
keep_framing (AtlasMapView      *self,
              const AtlasBounds *bounds,
              AtlasRecord       *record)
{
  self->keeps_framing = TRUE;
  if (bounds != NULL)
    self->kept_bounds = *bounds;
  g_set_object (&self->kept_record, record);
  self->user_touched = FALSE;
}

static void
forget_framing (AtlasMapView *self)
{
  self->keeps_framing = FALSE;
  g_clear_object (&self->kept_record);
}

static void
remember_framed_area (AtlasMapView            *self,
                      const cairo_rectangle_t *free_area)
{
  self->framed_area = *free_area;
  self->framed_width = gtk_widget_get_width (GTK_WIDGET (self));
  self->framed_height = gtk_widget_get_height (GTK_WIDGET (self));
}

static void
fit_bounds (AtlasMapView      *self,
            const AtlasBounds *bounds,
            gboolean           animate)
{
  cairo_rectangle_t free_area;
  AtlasMapFrame frame;
  double width, height;

  map_size (self, &width, &height);
  free_area_for (self, bounds, &free_area);
  atlas_map_framing_fit (bounds, width, height, &free_area, &frame);
  g_debug ("framing %g×%g in %g,%g %g×%g: %g,%g z%g", width, height, free_area.x, free_area.y,
           free_area.width, free_area.height, frame.latitude, frame.longitude, frame.zoom);
  _atlas_map_view_fly_to (self, frame.latitude, frame.longitude, frame.zoom, animate);
  remember_framed_area (self, &free_area);
}

/* A point is shown at a zoom that suits how precisely it is known, at the free area's
 * centre. */
static void
centre_record (AtlasMapView *self,
               AtlasRecord  *record,
               gboolean      animate)
{
  cairo_rectangle_t free_area;
  AtlasMapFrame frame;
  double width, height;

  map_size (self, &width, &height);
  free_area_for (self, NULL, &free_area);
  atlas_map_framing_centre (atlas_record_get_double (record, "latitude"),
                            atlas_record_get_double (record, "longitude"),
                            point_zoom (record), width, height, &free_area, &frame);
  _atlas_map_view_fly_to (self, frame.latitude, frame.longitude, frame.zoom, animate);
  remember_framed_area (self, &free_area);
}

/* Frames again what was framed, if the map has a size now and the part of it left free is
 * not the one it was framed in; before its first allocation, the map assumed a default
 * size. */
static void
refit_now (AtlasMapView *self)
{
  cairo_rectangle_t free_area;

  if (!self->keeps_framing || !has_size (self))
    return;
  atlas_map_view_get_free_area (self, &free_area);
  if (same_area (&free_area, &self->framed_area)
      && self->framed_width == gtk_widget_get_width (GTK_WIDGET (self))
      && self->framed_height == gtk_widget_get_height (GTK_WIDGET (self)))
    return;
  if (self->kept_record != NULL)
    centre_record (self, self->kept_record, FALSE);
  else
    fit_bounds (self, &self->kept_bounds, FALSE);
}

/* On a map too narrow for the scale bar and the attribution side by side, the bar stands
 * on the attribution instead of running under it. Changed after the allocation that found
 * it out; the next one places the bar. */
static void
stack_scale_on_attribution (AtlasMapView *self)
{
  GtkWidget *scale = GTK_WIDGET (shumate_simple_map_get_scale (self->map));
  GtkWidget *license = GTK_WIDGET (shumate_simple_map_get_license (self->map));
  int license_width, license_height, gap = gtk_widget_get_margin_start (scale);
  int room = gtk_widget_get_width (GTK_WIDGET (self->map));
  gboolean side_by_side;

  gtk_widget_measure (license, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &license_width, NULL,
                      NULL);
  side_by_side = room >= gap + (int) shumate_scale_get_max_width (SHUMATE_SCALE (scale)) + gap
                         + license_width + gtk_widget_get_margin_end (license);
  gtk_widget_measure (license, GTK_ORIENTATION_VERTICAL, MAX (room, license_width), NULL,
                      &license_height, NULL, NULL);
  gtk_widget_set_margin_bottom (scale, side_by_side ? gap : gap + license_height);
}

/* Tells who lays things over the map its new size (so a caption can fit it), then frames
 * again what was framed, if the part of the map left free changed. */
static void
resized_cb (gpointer user_data)
{
  AtlasMapView *self = user_data;

  self->reframe_id = 0;
  stack_scale_on_attribution (self);
  _atlas_map_view_emit_resized (self);
  update_obstacles (self);
  refit_now (self);
}

/* Not during the allocation, which changing the caption or moving the map would
 * disturb. */
static void
map_resized_cb (AtlasMapView *self)
{
  if (self->reframe_id == 0)
    self->reframe_id = g_idle_add_once (resized_cb, self);
}

/**
 * _atlas_map_view_user_moved:
 *
 * The analyst moved the map: the view they chose stays, whatever the window does.
 */
void
_atlas_map_view_user_moved (AtlasMapView *self)
{
  self->frame_case_pending = FALSE;
  forget_framing (self);
}

/* Input on the map (a drag, the wheel, a key, a zoom button) makes the next move of the
 * view the analyst's; a click that moves nothing leaves the framing kept. */
static gboolean
map_input_cb (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              AtlasMapView             *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_PINCH:
      self->user_touched = TRUE;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
view_moved_cb (AtlasMapView *self)
{
  if (self->user_touched && !self->jumping)
    _atlas_map_view_user_moved (self);
}

static void
watch_user (AtlasMapView *self)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  static const char *const moves[] = {
    "notify::latitude", "notify::longitude", "notify::zoom-level",
  };

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (map_input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), input);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    g_signal_connect_object (viewport, moves[i], G_CALLBACK (view_moved_cb), self,
                             G_CONNECT_SWAPPED);
}

/* GtkBinLayout allocates the view, so no size_allocate of ours learns its size: an empty
 * drawing area over the map does. */
void
_atlas_map_view_watch_size (AtlasMapView *self)
{
  GtkWidget *watcher = gtk_drawing_area_new ();

  gtk_widget_set_can_target (watcher, FALSE);
  gtk_widget_set_can_focus (watcher, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (watcher), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (adw_bin_get_child (ADW_BIN (self))), watcher);
  g_signal_connect_object (watcher, "resize", G_CALLBACK (map_resized_cb), self,
                           G_CONNECT_SWAPPED);
  /* a folded legend opened covers the map: labels keep off it, but nothing is framed again */
  g_signal_connect_object (self->legend, "notify::open", G_CALLBACK (update_obstacles), self,
                           G_CONNECT_SWAPPED);
  watch_user (self);
}

/**
 * atlas_map_view_set_caption:
 * @caption: (nullable): a widget the window lays over the map, such as the briefing's
 *   caption card, or %NULL
 *
 * Framing then fills the part of the map that @caption and the legend leave free.
 */
void
atlas_map_view_set_caption (AtlasMapView *self,
                            GtkWidget    *caption)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (caption == NULL || GTK_IS_WIDGET (caption));

  if (g_set_object (&self->caption, caption))
    atlas_map_view_refit (self);
}

/**
 * atlas_map_view_frame_bounds:
 *
 * Brings @bounds into view, filling the part of the map nothing covers, and again whenever
 * that part changes (the window, the sidebar or a caption changed size) until the analyst
 * moves the map; flies there when @animate and the map is on screen.
 */
void
atlas_map_view_frame_bounds (AtlasMapView      *self,
                             const AtlasBounds *bounds,
                             gboolean           animate)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (atlas_bounds_is_empty (bounds))
    return;

  keep_framing (self, bounds, NULL);
  fit_bounds (self, bounds, animate);
}

/**
 * atlas_map_view_frame_subject:
 * @subject: the bounds of a briefing step's subject (atlas_map_framing_step_bounds())
 *
 * Frames @subject as atlas_map_view_frame_bounds() does, even if the case's incidents are
 * still loading (the case's own view then gives way).
 */
void
atlas_map_view_frame_subject (AtlasMapView      *self,
                              const AtlasBounds *subject,
                              gboolean           animate)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (subject != NULL);

  self->frame_case_pending = FALSE;
  atlas_map_view_frame_bounds (self, subject, animate);
}

/**
 * atlas_map_view_frame_record:
 *
 * Brings a record into view: a point at a zoom that suits its location precision, a route
 * whole; framed again as atlas_map_view_frame_bounds() says.
 */
void
atlas_map_view_frame_record (AtlasMapView *self,
                             AtlasRecord  *record,
                             gboolean      animate)
{
  const char *kind;
  AtlasBounds bounds;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_RECORD (record));

  self->frame_case_pending = FALSE;
  kind = atlas_record_get_kind (record);
  if (g_str_equal (kind, "incident") || g_str_equal (kind, "waypoint"))
    {
      keep_framing (self, NULL, record);
      centre_record (self, record, animate);
    }
  else if (g_str_equal (kind, "route")
           && atlas_route_layer_get_bounds (self->route_layer, atlas_record_get_key (record),
                                            &bounds))
    atlas_map_view_frame_bounds (self, &bounds, animate);
}

/**
 * atlas_map_view_get_free_area:
 * @area: (out): the part of the map that neither the legend nor the caption covers, in the
 *   map's coordinates: where what is framed shows largest, or the largest
 */
void
atlas_map_view_get_free_area (AtlasMapView      *self,
                              cairo_rectangle_t *area)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  free_area_for (self, self->keeps_framing && self->kept_record == NULL
                       ? &self->kept_bounds : NULL, area);
}

static void
refit_cb (gpointer user_data)
{
  AtlasMapView *self = user_data;

  self->refit_id = 0;
  refit_now (self);
}

/**
 * atlas_map_view_refit:
 *
 * Frames again what was framed, soon, if the part of the map left free has changed by
 * then: the window calls it when the caption changed size.
 */
void
atlas_map_view_refit (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->refit_id == 0)
    self->refit_id = g_idle_add_once (refit_cb, self);
}

/**
 * atlas_map_view_show_at:
 *
 * Shows the map centred on @latitude, @longitude at @zoom, such as a view saved with the
 * case, and keeps it there: nothing framed before is framed again over it.
 */
void
atlas_map_view_show_at (AtlasMapView *self,
                        double        latitude,
                        double        longitude,
                        double        zoom)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->frame_case_pending = FALSE;
  forget_framing (self);
  _atlas_map_view_fly_to (self, latitude, longitude, zoom, FALSE);
}
