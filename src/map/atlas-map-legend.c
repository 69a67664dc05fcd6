/* atlas-map-legend.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's legend: the symbol of every incident category the case uses, every route with
 * how it is sourced in words, the dots of a leg whose path no source gives, and how a
 * location known only to a town or province is drawn. Route samples are drawn as the map
 * and the page draw routes (atlas-route-painter). On a map too small for it, it folds to a
 * button that opens it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-legend.h"
#include "atlas-map-style.h"
#include "atlas-route-painter.h"
#include "atlas-route.h"
#include "atlas-route-words.h"

typedef enum {
  SAMPLE_CATEGORY,
  SAMPLE_ROUTE,  /* its AtlasRouteSample in the "route-sample" data */
  SAMPLE_HALO,
  SAMPLE_NONE,
} SampleKind;

/* The most of the map's area the open legend may cover before it folds to a button: at
 * 800×600 it would cover a sixth. */
#define MAX_COVERED_SHARE (1.0 / 8.0)

struct _AtlasMapLegend
{
  AdwBin     parent_instance;

  /* template widgets */
  GtkWidget *content;
  GtkWidget *heading;
  GtkGrid   *grid;
  GtkWidget *toggle;
  GtkWidget *toggle_arrow;

  guint      n_rows;
  gboolean   collapsed;
};

G_DEFINE_FINAL_TYPE (AtlasMapLegend, atlas_map_legend, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COLLAPSED,
  PROP_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_route_sample (cairo_t          *cr,
                   int               width,
                   int               height,
                   AtlasRouteSample  sample)
{
  AtlasRoutePainter painter;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, NULL, NULL);
  atlas_route_painter_draw_sample (&painter, cr, 2, height / 2.0, width - 4, sample);
}

static void
draw_sample_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  SampleKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "sample-kind"));
  const AtlasCategoryStyle *style = user_data;
  GdkRGBA colour;

  switch (kind)
    {
    case SAMPLE_ROUTE:
      draw_route_sample (cr, width, height,
                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "route-sample")));
      break;
    case SAMPLE_NONE:
      break;
    case SAMPLE_HALO:
      /* in the text's colour, so it shows in the light and the dark style alike */
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
      cairo_new_path (cr);
      cairo_arc (cr, width / 2.0, height / 2.0, height / 2.0 - 1, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, 0.3);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue,
                             colour.alpha * ATLAS_MAP_HALO_SWATCH_OUTLINE_ALPHA);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case SAMPLE_CATEGORY:
    default:
      atlas_map_style_trace_symbol (cr, style->symbol, width / 2.0, height / 2.0, 6);
      atlas_map_style_set_colour (cr, style, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

static GtkWidget *
add_row (AtlasMapLegend           *self,
         SampleKind                kind,
         const AtlasCategoryStyle *style,
         const char               *text)
{
  /* the label beside it says what the swatch shows: the swatch itself is not read */
  GtkWidget *sample = g_object_new (GTK_TYPE_DRAWING_AREA,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (sample), 32);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (sample), 16);
  g_object_set_data (G_OBJECT (sample), "sample-kind", GINT_TO_POINTER (kind));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (sample), draw_sample_cb,
                                  (gpointer) style, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");

  gtk_grid_attach (self->grid, sample, 0, (int) self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, label, 1, (int) self->n_rows, 1, 1);
  self->n_rows++;
  return sample;
}

static void
add_route_row (AtlasMapLegend   *self,
               AtlasRouteSample  sample,
               const char       *text)
{
  GtkWidget *area = add_row (self, SAMPLE_ROUTE, NULL, text);

  g_object_set_data (G_OBJECT (area), "route-sample", GINT_TO_POINTER (sample));
}

static void
clear_rows (AtlasMapLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
}

/* Who gives the route of the row above, and how reliably: smaller, wrapped. */
static void
add_detail_row (AtlasMapLegend *self,
                const char     *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->grid, label, 1, (int) self->n_rows, 1, 1);
  self->n_rows++;
}

static gboolean
has_path_not_given (AtlasCase   *atlas_case,
                    AtlasRecord *route)
{
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (atlas_case,
                                                               atlas_record_get_key (route),
                                                               NULL);

  for (guint i = 1; waypoints != NULL && i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) from = g_list_model_get_item (waypoints, i - 1);
      g_autoptr(AtlasRecord) to = g_list_model_get_item (waypoints, i);

      if (!atlas_route_leg_path_known (from, to))
        return TRUE;
    }
  return FALSE;
}

/* Every route in words: how it is sourced, by whom and how reliably. Legs no source gives
 * the path of are dotted in their route's colour: the sample takes the first such route's. */
static void
add_route_rows (AtlasMapLegend *self,
                AtlasCase      *atlas_case)
{
  g_autoptr(GListModel) routes = atlas_case_list_records (atlas_case, ATLAS_TYPE_ROUTE, NULL);
  g_autoptr(AtlasRecord) path_not_given = NULL;

  for (guint i = 0; routes != NULL && i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(AtlasRecord) route = g_list_model_get_item (routes, i);
      g_autofree char *status = atlas_route_words_status (route);
      g_autofree char *sourcing = atlas_route_words_sourcing (atlas_case, route);

      add_route_row (self, atlas_route_sample_of (route), status);
      add_detail_row (self, sourcing);
      if (path_not_given == NULL && has_path_not_given (atlas_case, route))
        path_not_given = g_object_ref (route);
    }
  if (path_not_given != NULL)
    add_route_row (self, ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN | atlas_route_sample_of (path_not_given),
                   _("Path not given by any source"));
}

/* Folded, the button names the legend and shows its rows only while it is pressed. */
static void
update_folding (AtlasMapLegend *self)
{
  gboolean open = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggle));

  gtk_widget_set_visible (self->toggle, self->collapsed);
  gtk_widget_set_visible (self->heading, !self->collapsed);
  gtk_widget_set_visible (self->content, !self->collapsed || open);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->toggle_arrow),
                                open ? "pan-down-symbolic" : "pan-up-symbolic");
  if (self->collapsed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "collapsed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "collapsed");
}

static void
toggled_cb (AtlasMapLegend *self)
{
  update_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);
}

static void
atlas_map_legend_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasMapLegend *self = ATLAS_MAP_LEGEND (object);

  switch (prop_id)
    {
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    case PROP_OPEN:
      g_value_set_boolean (value, atlas_map_legend_get_open (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_legend_class_init (AtlasMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = atlas_map_legend_get_property;

  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN] =
    g_param_spec_boolean ("open", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-map-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, content);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, grid);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, toggle);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, toggle_arrow);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
  gtk_widget_class_set_css_name (widget_class, "atlas-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_map_legend_init (AtlasMapLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_map_legend_set_case:
 * @atlas_case: (nullable): the case whose symbols to explain
 */
void
atlas_map_legend_set_case (AtlasMapLegend *self,
                           AtlasCase      *atlas_case)
{
  g_auto(GStrv) categories = NULL;

  g_return_if_fail (ATLAS_IS_MAP_LEGEND (self));

  clear_rows (self);
  if (atlas_case != NULL)
    categories = atlas_case_list_categories (atlas_case, NULL);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      const AtlasCategoryStyle *style = atlas_map_style_for_category (categories[i]);

      add_row (self, SAMPLE_CATEGORY, style, atlas_map_style_get_label (style));
    }
  if (atlas_case != NULL)
    add_route_rows (self, atlas_case);
  if (self->n_rows > 0)
    add_row (self, SAMPLE_HALO, NULL, _("Known only to a town or province"));

  gtk_widget_set_visible (GTK_WIDGET (self), self->n_rows > 0);
}

/**
 * atlas_map_legend_fit:
 * @open_area: how much of the map, in square pixels, nothing else (a caption) covers
 *
 * Folds the legend to a button when, open, it would cover more than an eighth of
 * @open_area (as in an 800×600 window), and unfolds it when the map grows again.
 */
void
atlas_map_legend_fit (AtlasMapLegend *self,
                      double          open_area)
{
  int width, height, heading_height;
  gboolean collapsed;

  g_return_if_fail (ATLAS_IS_MAP_LEGEND (self));

  if (open_area <= 0)
    return;

  /* the rows' size: the grid is measured whether or not its box is shown */
  gtk_widget_measure (GTK_WIDGET (self->grid), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->grid), GTK_ORIENTATION_VERTICAL, width, NULL, &height,
                      NULL, NULL);
  gtk_widget_measure (self->toggle, GTK_ORIENTATION_VERTICAL, -1, NULL, &heading_height,
                      NULL, NULL);
  height += heading_height;
  collapsed = (double) width * height > MAX_COVERED_SHARE * open_area;
  if (collapsed == self->collapsed)
    return;

  self->collapsed = collapsed;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), FALSE);
  update_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

/**
 * atlas_map_legend_get_collapsed:
 *
 * Returns: whether the legend is folded to a button
 */
gboolean
atlas_map_legend_get_collapsed (AtlasMapLegend *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_LEGEND (self), FALSE);

  return self->collapsed;
}

/**
 * atlas_map_legend_get_open:
 *
 * Returns: whether the legend's rows show: it is not folded, or its button is pressed
 */
gboolean
atlas_map_legend_get_open (AtlasMapLegend *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_LEGEND (self), FALSE);

  return !self->collapsed || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggle));
}
