/* atlas-map-legend.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's legend: the symbol of every incident category the case uses, the line of every
 * kind of route it has, and how a location known only to a town or province is drawn.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-legend.h"
#include "atlas-map-style.h"

typedef enum {
  SAMPLE_CATEGORY,
  SAMPLE_ROUTE_SOLID,
  SAMPLE_ROUTE_DASHED,
  SAMPLE_HALO,
} SampleKind;

struct _AtlasMapLegend
{
  AdwBin   parent_instance;

  GtkGrid *grid;
  guint    n_rows;
};

G_DEFINE_FINAL_TYPE (AtlasMapLegend, atlas_map_legend, ADW_TYPE_BIN)

static void
draw_route_sample (cairo_t  *cr,
                   int       width,
                   int       height,
                   gboolean  solid)
{
  static const double dashes[] = { 6.0, 4.0 };

  cairo_move_to (cr, 2, height / 2.0);
  cairo_line_to (cr, width - 2, height / 2.0);
  cairo_set_line_width (cr, 3.5);
  atlas_map_style_set_route_colour (cr, solid);
  if (!solid)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
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
    case SAMPLE_ROUTE_SOLID:
    case SAMPLE_ROUTE_DASHED:
      draw_route_sample (cr, width, height, kind == SAMPLE_ROUTE_SOLID);
      break;
    case SAMPLE_HALO:
      /* in the text's colour, so it shows in the light and the dark style alike */
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
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
      gdk_cairo_set_source_rgba (cr, &style->colour);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

static void
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

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (sample), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (sample), 16);
  g_object_set_data (G_OBJECT (sample), "sample-kind", GINT_TO_POINTER (kind));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (sample), draw_sample_cb,
                                  (gpointer) style, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");

  gtk_grid_attach (self->grid, sample, 0, (int) self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, label, 1, (int) self->n_rows, 1, 1);
  self->n_rows++;
}

static void
clear_rows (AtlasMapLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
}

static void
add_route_rows (AtlasMapLegend *self,
                char          **statuses)
{
  gboolean dashed_added = FALSE;

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      if (g_str_equal (statuses[i], "reported"))
        add_row (self, SAMPLE_ROUTE_SOLID, NULL, _("Solid: route reported, not disputed"));
      else if (!dashed_added)
        {
          add_row (self, SAMPLE_ROUTE_DASHED, NULL,
                   _("Dashed: route alleged or contested, not established"));
          dashed_added = TRUE;
        }
    }
}

static void
atlas_map_legend_class_init (AtlasMapLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-map-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, grid);
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
  g_auto(GStrv) statuses = NULL;

  g_return_if_fail (ATLAS_IS_MAP_LEGEND (self));

  clear_rows (self);
  if (atlas_case != NULL)
    {
      categories = atlas_case_list_categories (atlas_case, NULL);
      statuses = atlas_case_list_route_statuses (atlas_case, NULL);
    }

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      const AtlasCategoryStyle *style = atlas_map_style_for_category (categories[i]);

      add_row (self, SAMPLE_CATEGORY, style, atlas_map_style_get_label (style));
    }
  if (statuses != NULL)
    add_route_rows (self, statuses);
  if (self->n_rows > 0)
    add_row (self, SAMPLE_HALO, NULL, _("Known only to a town or province"));

  gtk_widget_set_visible (GTK_WIDGET (self), self->n_rows > 0);
}
