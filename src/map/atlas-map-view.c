/* atlas-map-view.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map of a case: libshumate's map with our own layers over it (routes, incidents, or
 * their density), the legend, and what ties them to the window's selection: a click selects
 * what is under it, and a selection made elsewhere is framed (atlas-map-view-framing.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-basemap-source.h"
#include "atlas-density-layer.h"
#include "atlas-incident-layer.h"
#include "atlas-map-legend.h"
#include "atlas-text-scale.h"
#include "atlas-map-view-private.h"
#include "atlas-mbtiles-source.h"
#include "atlas-route-layer.h"

#define OSM_TILE_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
/* the description waits for the view to rest, so a screen reader is not flooded while
 * the map moves */
#define DESCRIBE_DELAY_MS 300
/* an arrow key moves the view by this share of its size */
#define PAN_FRACTION 0.25

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, ADW_TYPE_BIN)

enum {
  RESIZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DENSITY_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tells the window the map's new size, so a caption laid over it can fit it. */
void
_atlas_map_view_emit_resized (AtlasMapView *self)
{
  g_signal_emit (self, signals[RESIZED], 0, gtk_widget_get_width (GTK_WIDGET (self)),
                 gtk_widget_get_height (GTK_WIDGET (self)));
}

static char *describe_record (AtlasRecord *record);

/* An incident or a waypoint as its tooltip says it; anything else (a route, an actor) by
 * its name or title. */
static char *
describe_selected (AtlasRecord *record)
{
  static const char * const names[] = { "title", "name", "place" };
  const char *kind = atlas_record_get_kind (record);

  if (g_str_equal (kind, "incident") || g_str_equal (kind, "waypoint"))
    return describe_record (record);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record), names[i]) != NULL
        && atlas_record_get_text (record, names[i]) != NULL)
      return g_strdup (atlas_record_get_text (record, names[i]));
  return g_strdup (atlas_record_get_key (record));
}

/* What a screen reader says of the map: how many incidents are in view, and what is
 * selected ("6 incidents in view; selected: Twin suicide bombings · 2024-01-03"). */
static char *
dup_description (AtlasMapView *self)
{
  AtlasRecord *selected = self->selection ? atlas_selection_get_record (self->selection) : NULL;
  guint n = atlas_incident_layer_count_in_view (self->incident_layer);
  g_autofree char *in_view = NULL;
  g_autofree char *what = NULL;

  in_view = n == 0 ? g_strdup (_("No incidents in view"))
                   : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident in view",
                                                   "%u incidents in view", n), n);
  if (selected == NULL || !ATLAS_IS_RECORD (selected))
    /* Translators: the map's description for screen readers, when nothing is selected */
    return g_strdup_printf (_("%s; nothing selected"), in_view);
  what = describe_selected (selected);
  /* Translators: the map's description for screen readers: "6 incidents in view; selected: …" */
  return g_strdup_printf (_("%s; selected: %s"), in_view, what);
}

static void
update_description (AtlasMapView *self)
{
  g_autofree char *description = dup_description (self);

  g_clear_handle_id (&self->describe_source, g_source_remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static gboolean
describe_cb (gpointer user_data)
{
  AtlasMapView *self = user_data;

  /* the count waits for the incidents to load; dispose removes the source */
  if (atlas_incident_layer_is_loading (self->incident_layer))
    return G_SOURCE_CONTINUE;
  self->describe_source = 0;
  update_description (self);
  _atlas_map_view_update_outside_chip (self);
  return G_SOURCE_REMOVE;
}

static void
queue_description (AtlasMapView *self)
{
  g_clear_handle_id (&self->describe_source, g_source_remove);
  self->describe_source = g_timeout_add (DESCRIBE_DELAY_MS, describe_cb, self);
}

static void
selection_changed_cb (AtlasMapView        *self,
                      AtlasRecord         *record,
                      AtlasSelectionFlags  flags,
                      AtlasSelection      *selection)
{
  gboolean incident = record != NULL && ATLAS_IS_RECORD (record)
                      && g_str_equal (atlas_record_get_kind (record), "incident");

  atlas_route_layer_set_selected (self->route_layer, record);
  atlas_incident_layer_set_selected (self->incident_layer,
                                     incident ? atlas_record_get_id (record) : -1);
  if (record != NULL && (flags & ATLAS_SELECTION_FRAME))
    atlas_map_view_frame_record (self, record, TRUE);
  update_description (self);
}

static void
click_released_cb (AtlasMapView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  g_autoptr(AtlasRecord) record = NULL;
  AtlasCluster cluster;

  if (self->selection == NULL || n_press != 1)
    return;

  /* A cluster opens up: fly to where it splits. */
  if (atlas_incident_layer_pick (self->incident_layer, x, y, &cluster) && cluster.count > 1)
    {
      _atlas_map_view_user_moved (self);
      _atlas_map_view_fly_to (self, cluster.latitude, cluster.longitude,
              atlas_incident_layer_get_expansion_zoom (self->incident_layer, &cluster), TRUE);
      return;
    }

  record = atlas_map_view_pick (self, x, y);
  atlas_selection_select (self->selection, record, ATLAS_SELECTION_NONE);
}

static char *
describe_record (AtlasRecord *record)
{
  const char *date;

  g_assert (ATLAS_IS_RECORD (record));

  if (ATLAS_IS_RECORD (record) && g_str_equal (atlas_record_get_kind (record), "waypoint"))
    {
      date = atlas_record_get_text (record, "date");
      return g_strdup_printf ("%" G_GINT64_FORMAT ". %s%s%s", atlas_record_get_int (record, "seq"),
                              atlas_record_get_text (record, "place"),
                              date ? " · " : "", date ? date : "");
    }
  date = atlas_record_get_text (record, "start_time");
  return g_strdup_printf ("%s%s%s", atlas_record_get_text (record, "title"),
                          date ? " · " : "", date ? date : "");
}

static gboolean
query_tooltip_cb (AtlasMapView *self,
                  int           x,
                  int           y,
                  gboolean      keyboard_mode,
                  GtkTooltip   *tooltip,
                  GtkWidget    *widget)
{
  g_autofree char *text = NULL;
  g_autoptr(AtlasRecord) record = NULL;
  AtlasCluster cluster;

  if (atlas_incident_layer_pick (self->incident_layer, x, y, &cluster) && cluster.count > 1)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident: click to zoom in",
                                           "%u incidents: click to zoom in", cluster.count),
                              cluster.count);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  record = atlas_map_view_pick (self, x, y);
  if (record == NULL)
    return FALSE;

  /* gtk_tooltip_set_text, never markup: the text comes from the case */
  text = describe_record (record);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* libshumate sets the new source's maximum zoom before its minimum, which it refuses when
 * the new maximum is below the old minimum: open the range first. */
static void
set_map_source (AtlasMapView     *self,
                ShumateMapSource *source)
{
  shumate_viewport_set_min_zoom_level (shumate_simple_map_get_viewport (self->map), 0);
  shumate_simple_map_set_map_source (self->map, source);
}

/* The basemap follows the style (light or dark), the display's scale and the text's. */
static void
update_basemap_source (AtlasMapView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AtlasTileStyle style = adw_style_manager_get_dark (style_manager)
                         ? ATLAS_TILE_STYLE_DARK : ATLAS_TILE_STYLE_LIGHT;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(AtlasBasemapSource) source = NULL;

  if (self->place_label_layer != NULL)
    atlas_place_label_layer_set_renderer (self->place_label_layer,
                                          self->basemap_kind == ATLAS_BASEMAP_OFFLINE
                                          ? self->basemap : NULL);
  if (self->basemap == NULL || self->basemap_kind != ATLAS_BASEMAP_OFFLINE)
    return;

  atlas_tile_renderer_set_text_scale (self->basemap, atlas_text_scale_of (GTK_WIDGET (self)));
  source = atlas_basemap_source_new (self->basemap, style, scale_factor);
  if (self->basemap_source != NULL
      && g_str_equal (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (source)),
                      shumate_map_source_get_id (SHUMATE_MAP_SOURCE (self->basemap_source))))
    return;

  g_set_object (&self->basemap_source, source);
  set_map_source (self, SHUMATE_MAP_SOURCE (source));
}

static void
load_basemap (AtlasMapView *self)
{
  g_autoptr(GError) error = NULL;

  self->basemap = atlas_basemap_source_load_default (&error);
  if (self->basemap == NULL)
    {
      g_critical ("The embedded basemap cannot be loaded: %s", error->message);
      return;
    }

  /* placed with the case's labels, by the place label layer */
  atlas_tile_renderer_set_labels_in_tiles (self->basemap, FALSE);
  update_basemap_source (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_basemap_source), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update_basemap_source), NULL);
}

/* Labels on the map follow the text scaling factor, as GTK's text does. */
static void
text_scale_changed_cb (AtlasMapView *self)
{
  update_basemap_source (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->route_layer));
}

static void
filter_changed_cb (AtlasMapView *self)
{
  gint32 first_day, last_day;

  atlas_filter_get_day_range (self->filter, &first_day, &last_day);
  atlas_route_layer_set_last_day (self->route_layer, last_day);
  atlas_incident_layer_set_case (self->incident_layer, self->atlas_case, self->filter);
  queue_description (self);
}

static void
add_layers (AtlasMapView *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  GtkGesture *click = gtk_gesture_click_new ();

  self->route_layer = atlas_route_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->route_layer));
  self->incident_layer = atlas_incident_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->incident_layer));
  self->density_layer = atlas_density_layer_new (viewport, self->incident_layer);
  gtk_widget_set_visible (GTK_WIDGET (self->density_layer), FALSE);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->density_layer));
  /* last: it keeps off what the layers before it drew in the same frame */
  self->place_label_layer = atlas_place_label_layer_new (viewport, self->route_layer,
                                                         self->incident_layer);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->place_label_layer));
  atlas_place_label_layer_set_renderer (self->place_label_layer,
                                        self->basemap_kind == ATLAS_BASEMAP_OFFLINE
                                        ? self->basemap : NULL);

  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (map), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (map), TRUE);
  g_signal_connect_object (map, "query-tooltip", G_CALLBACK (query_tooltip_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (queue_description), self,
                           G_CONNECT_SWAPPED);
}

/* Keyboard users step through the single incidents in view, left to right. */
static void
step_incident (AtlasMapView *self,
               int           direction)
{
  g_autoptr(GArray) ids = atlas_incident_layer_get_visible_ids (self->incident_layer);
  AtlasRecord *selected = self->selection ? atlas_selection_get_record (self->selection) : NULL;
  g_autoptr(AtlasRecord) next = NULL;
  int current = -1;

  if (ids->len == 0 || self->atlas_case == NULL)
    return;

  for (guint i = 0; selected != NULL && i < ids->len; i++)
    if (g_str_equal (atlas_record_get_kind (selected), "incident")
        && g_array_index (ids, gint64, i) == atlas_record_get_id (selected))
      current = (int) i;

  if (current < 0)
    current = direction > 0 ? 0 : (int) ids->len - 1;
  else
    current = (current + direction + (int) ids->len) % (int) ids->len;

  next = atlas_case_lookup_by_id (self->atlas_case, "incident", g_array_index (ids, gint64, current));
  if (next != NULL)
    atlas_selection_select (self->selection, next, ATLAS_SELECTION_NONE);
}

static void
pan_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *param)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->map));
  double width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  double latitude, longitude;
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  _atlas_map_view_user_moved (self);
  shumate_map_stop_go_to (SHUMATE_MAP (map));
  shumate_viewport_widget_coords_to_location (viewport, map,
                                              width / 2 + dx * width * PAN_FRACTION,
                                              height / 2 + dy * height * PAN_FRACTION,
                                              &latitude, &longitude);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), CLAMP (latitude, -85, 85),
                                 longitude);
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  _atlas_map_view_user_moved (self);
  if (g_str_equal (action_name, "map.zoom-in"))
    shumate_map_zoom_in (map);
  else
    shumate_map_zoom_out (map);
}

static void
next_incident_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  step_incident (ATLAS_MAP_VIEW (widget), 1);
}

static void
previous_incident_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  step_incident (ATLAS_MAP_VIEW (widget), -1);
}

/* libshumate 1.0's zoom buttons are icons with a tooltip and no accessible name: give them
 * their tooltip's words. */
static void
name_icon_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      if (GTK_IS_BUTTON (child) && tooltip != NULL
          && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        tooltip, -1);
      name_icon_buttons (child);
    }
}

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_clear_handle_id (&self->describe_source, g_source_remove);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->basemap_source);
  g_clear_object (&self->basemap);
  g_clear_object (&self->mbtiles_source);
  g_clear_object (&self->caption);
  g_clear_object (&self->kept_record);
  g_clear_handle_id (&self->reframe_id, g_source_remove);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  g_clear_object (&self->view_actions);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DENSITY_SHOWN:
      g_value_set_boolean (value, self->density_shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DENSITY_SHOWN:
      atlas_map_view_set_density_shown (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_view_dispose;
  object_class->get_property = atlas_map_view_get_property;
  object_class->set_property = atlas_map_view_set_property;

  /**
   * AtlasMapView:density-shown:
   *
   * Whether the map shows the incidents' density in hexagons instead of their badges and
   * symbols.
   */
  properties[PROP_DENSITY_SHOWN] =
    g_param_spec_boolean ("density-shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasMapView::resized:
   * @width: the map's new width
   * @height: the map's new height
   *
   * Emitted after the map changed size, before a briefing's subject is framed again.
   */
  signals[RESIZED] =
    g_signal_new ("resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (ATLAS_TYPE_MAP_LEGEND);
  g_type_ensure (ATLAS_TYPE_FILTER_CHIPS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, top_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, outside_chip);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, outside_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, online_indicator);
  gtk_widget_class_set_css_name (widget_class, "atlas-map-view");

  gtk_widget_class_install_action (widget_class, "map.next-incident", NULL, next_incident_cb);
  gtk_widget_class_install_action (widget_class, "map.previous-incident", NULL,
                                   previous_incident_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "map.next-incident", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "map.previous-incident",
                                       NULL);

  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "map.zoom-in",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out",
                                       NULL);

  /* the map itself takes focus, named and described for screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  g_autoptr(GPropertyAction) density = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_basemap (self);
  add_layers (self);
  _atlas_map_view_watch_size (self);
  _atlas_map_view_watch_extent (self);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);

  density = g_property_action_new ("density", self, "density-shown");
  self->view_actions = g_simple_action_group_new ();
  g_action_map_add_action (G_ACTION_MAP (self->view_actions), G_ACTION (density));
  name_icon_buttons (GTK_WIDGET (self->map));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  -1);
}

/**
 * atlas_map_view_set_case:
 * @atlas_case: (nullable): the case to show
 */
void
atlas_map_view_set_case (AtlasMapView *self,
                         AtlasCase    *atlas_case)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (!g_set_object (&self->atlas_case, atlas_case))
    return;

  atlas_route_layer_set_case (self->route_layer, atlas_case);
  atlas_incident_layer_set_case (self->incident_layer, atlas_case, self->filter);
  atlas_map_legend_set_case (self->legend, atlas_case);
  queue_description (self);
}

void
atlas_map_view_set_selection (AtlasMapView   *self,
                              AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  if (!g_set_object (&self->selection, selection) || selection == NULL)
    return;

  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
atlas_map_view_set_filter (AtlasMapView *self,
                           AtlasFilter  *filter)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  if (!g_set_object (&self->filter, filter) || filter == NULL)
    return;

  g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  atlas_filter_chips_set_filter (self->filter_chips, filter);
}

ShumateViewport *
atlas_map_view_get_viewport (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return shumate_simple_map_get_viewport (self->map);
}

ShumateSimpleMap *
atlas_map_view_get_simple_map (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->map;
}

/**
 * atlas_map_view_reload:
 *
 * Draws the case again from the store, after it changed (an import).
 */
void
atlas_map_view_reload (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  atlas_route_layer_set_case (self->route_layer, self->atlas_case);
  atlas_incident_layer_reload (self->incident_layer, self->atlas_case, self->filter);
  atlas_map_legend_set_case (self->legend, self->atlas_case);
  queue_description (self);
}

/**
 * atlas_map_view_pick:
 *
 * Incidents are drawn over routes, so they are picked first.
 *
 * Returns: (transfer full) (nullable): the incident, waypoint or leg drawn at widget
 *   coordinates @x, @y
 */
AtlasRecord *
atlas_map_view_pick (AtlasMapView *self,
                     double        x,
                     double        y)
{
  AtlasCluster cluster;
  AtlasRecord *waypoint;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  if (self->atlas_case != NULL
      && atlas_incident_layer_pick (self->incident_layer, x, y, &cluster) && cluster.count == 1)
    return atlas_case_lookup_by_id (self->atlas_case, "incident", cluster.id);

  waypoint = atlas_route_layer_pick (self->route_layer, x, y);
  return waypoint ? g_object_ref (waypoint) : NULL;
}

/**
 * atlas_map_view_is_settled:
 *
 * Returns: whether nothing the map shows is still loading
 */
gboolean
atlas_map_view_is_settled (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  /* a briefing's subject about to be framed again */
  if (self->reframe_id != 0 || self->refit_id != 0)
    return FALSE;
  if (atlas_incident_layer_is_loading (self->incident_layer))
    return FALSE;
  if (self->basemap_kind == ATLAS_BASEMAP_MBTILES)
    return atlas_mbtiles_source_get_n_pending (self->mbtiles_source) == 0;
  if (self->basemap_kind == ATLAS_BASEMAP_ONLINE)
    return TRUE;
  return self->basemap_source == NULL
         || (atlas_basemap_source_get_n_pending (self->basemap_source) == 0
             && atlas_basemap_source_get_n_filled (self->basemap_source) > 0);
}

/**
 * atlas_map_view_get_incident_layer:
 *
 * Returns: (transfer none): the layer that draws the incidents
 */
AtlasIncidentLayer *
atlas_map_view_get_incident_layer (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->incident_layer;
}

static gboolean
use_mbtiles (AtlasMapView  *self,
             const char    *path,
             GError       **error)
{
  g_autoptr(AtlasMbtiles) mbtiles = atlas_mbtiles_open (path, error);
  g_autoptr(ShumateMapSource) source = NULL;

  if (mbtiles == NULL)
    return FALSE;

  source = atlas_mbtiles_source_new_map_source (mbtiles);
  g_clear_object (&self->mbtiles_source);
  /* the raster renderer's data source: kept to know when its tiles are in */
  g_object_get (source, "data-source", &self->mbtiles_source, NULL);
  set_map_source (self, source);
  return TRUE;
}

static void
use_online_tiles (AtlasMapView *self)
{
  g_autoptr(ShumateRasterRenderer) source = NULL;

  source = shumate_raster_renderer_new_full_from_url ("osm-online", "OpenStreetMap",
                                                      _("Map data © OpenStreetMap contributors"),
                                                      "https://www.openstreetmap.org/copyright",
                                                      0, 19, 256,
                                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                                      OSM_TILE_URL);
  set_map_source (self, SHUMATE_MAP_SOURCE (source));
}

/**
 * atlas_map_view_set_basemap:
 * @mbtiles_path: (nullable): the MBTiles file, for %ATLAS_BASEMAP_MBTILES
 *
 * Switches the map under the incidents. Only %ATLAS_BASEMAP_ONLINE reaches the network,
 * and the view says so on the map for as long as it is on. A map file that cannot be
 * used leaves the current basemap as it was.
 *
 * Returns: %FALSE with @error naming the file and the reason when it cannot be used
 */
gboolean
atlas_map_view_set_basemap (AtlasMapView      *self,
                            AtlasBasemapKind   kind,
                            const char        *mbtiles_path,
                            GError           **error)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (kind != ATLAS_BASEMAP_MBTILES || mbtiles_path != NULL, FALSE);

  if (kind == ATLAS_BASEMAP_MBTILES && !use_mbtiles (self, mbtiles_path, error))
    return FALSE;

  self->basemap_kind = kind;
  atlas_place_label_layer_set_renderer (self->place_label_layer,
                                        kind == ATLAS_BASEMAP_OFFLINE ? self->basemap : NULL);
  if (kind == ATLAS_BASEMAP_ONLINE)
    use_online_tiles (self);
  else if (kind == ATLAS_BASEMAP_OFFLINE)
    {
      g_clear_object (&self->basemap_source);
      update_basemap_source (self);
    }
  gtk_widget_set_visible (self->online_indicator, kind == ATLAS_BASEMAP_ONLINE);
  return TRUE;
}

AtlasBasemapKind
atlas_map_view_get_basemap (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), ATLAS_BASEMAP_OFFLINE);

  return self->basemap_kind;
}

/**
 * atlas_map_view_get_visible_bounds:
 *
 * Returns: %TRUE with @bounds set to the longitudes and latitudes the map shows now
 */
gboolean
atlas_map_view_get_visible_bounds (AtlasMapView *self,
                                   AtlasBounds  *bounds)
{
  ShumateViewport *viewport;
  GtkWidget *map;
  double lat1, lon1, lat2, lon2;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  viewport = shumate_simple_map_get_viewport (self->map);
  map = GTK_WIDGET (shumate_simple_map_get_map (self->map));
  if (shumate_viewport_get_reference_map_source (viewport) == NULL
      || gtk_widget_get_width (map) <= 0)
    return FALSE;

  shumate_viewport_widget_coords_to_location (viewport, map, 0, 0, &lat1, &lon1);
  shumate_viewport_widget_coords_to_location (viewport, map, gtk_widget_get_width (map),
                                              gtk_widget_get_height (map), &lat2, &lon2);
  *bounds = (AtlasBounds) { MAX (lon1, -180), MAX (MIN (lat1, lat2), -85),
                            MIN (lon2, 180), MIN (MAX (lat1, lat2), 85) };
  return !atlas_bounds_is_empty (bounds);
}

/**
 * atlas_map_view_set_controls_shown:
 *
 * Shows or hides the map's zoom buttons: a briefing shown to a room has no use for them.
 */
void
atlas_map_view_set_controls_shown (AtlasMapView *self,
                                   gboolean      shown)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  shumate_simple_map_set_show_zoom_buttons (self->map, shown);
}

/**
 * atlas_map_view_set_density_shown:
 * @shown: whether to show the density of the incidents in hexagons instead of their badges
 *   and symbols
 */
void
atlas_map_view_set_density_shown (AtlasMapView *self,
                                  gboolean      shown)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  shown = !!shown;
  if (self->density_shown == shown)
    return;
  self->density_shown = shown;
  gtk_widget_set_visible (GTK_WIDGET (self->density_layer), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->incident_layer), !shown);
  gtk_widget_set_visible (self->legend_box, !shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DENSITY_SHOWN]);
}

gboolean
atlas_map_view_get_density_shown (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);
  return self->density_shown;
}

/**
 * atlas_map_view_get_view_actions:
 *
 * Returns: (transfer none): the actions of what the map shows ("density", stateful), for
 *   the window to insert where its menus reach them
 */
GActionGroup *
atlas_map_view_get_view_actions (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return G_ACTION_GROUP (self->view_actions);
}

/**
 * atlas_map_view_get_offline_basemap:
 *
 * Returns: (transfer none) (nullable): the basemap embedded in the app, as the map loaded
 *   it, for what else reads it (the places search finds)
 */
AtlasBasemap *
atlas_map_view_get_offline_basemap (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->basemap ? atlas_tile_renderer_get_basemap (self->basemap) : NULL;
}

/**
 * atlas_map_view_get_density_layer:
 *
 * Returns: (transfer none): the layer of the density view
 */
AtlasDensityLayer *
atlas_map_view_get_density_layer (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->density_layer;
}
