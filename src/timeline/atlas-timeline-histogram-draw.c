/* atlas-timeline-histogram-draw.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the timeline's chart looks: bars in the accent colour (grey outside the chosen range),
 * the range as a tinted band with handles on its edges, and a calendar axis whose main
 * labels ("January 2024", "2018") are bold and whose labels never overlap: a label that
 * would touch another is left out. Colours come from the theme, so dark mode follows.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-timeline-histogram-private.h"

/* Pixels: a label starts this far right of its tick and keeps this far from the next. */
#define LABEL_OFFSET 4.0
#define LABEL_GAP 12.0
#define MINOR_TICK 4.0
#define BAR_RADIUS 2.0
#define HANDLE_WIDTH 6.0
#define HANDLE_HEIGHT 18.0
/* A bug guard: axes have tens of ticks. */
#define MAX_TICKS 2000

typedef struct {
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA accent_bg;
  GdkRGBA accent;
} Colors;

typedef struct {
  double left;
  double right;
} Span;

double
_atlas_timeline_histogram_chart_height (AtlasTimelineHistogram *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT, TOP_PADDING + 1);
}

static double
width_of (AtlasTimelineHistogram *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static void
get_colors (AtlasTimelineHistogram *self,
            Colors                 *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);
  /* libadwaita's named colours; plain GTK has neither */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent_bg))
    gdk_rgba_parse (&colors->accent_bg, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    colors->accent = colors->accent_bg;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg))
    gdk_rgba_parse (&colors->bg, "white");
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA  color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const GdkRGBA          color,
                const graphene_rect_t *bounds,
                double                 top_radius,
                double                 bottom_radius)
{
  graphene_size_t top = GRAPHENE_SIZE_INIT (top_radius, top_radius);
  graphene_size_t bottom = GRAPHENE_SIZE_INIT (bottom_radius, bottom_radius);
  GskRoundedRect clip;

  gsk_rounded_rect_init (&clip, bounds, &top, &top, &bottom, &bottom);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &color, bounds);
  gtk_snapshot_pop (snapshot);
}

static PangoLayout *
create_label (AtlasTimelineHistogram *self,
              const char             *text,
              gboolean                bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }
  return layout;
}

static double
label_width (AtlasTimelineHistogram *self,
             AtlasTimeStep           step,
             gboolean                major,
             double                  time)
{
  g_autofree char *text = atlas_time_scale_format_tick (step, major, time);
  g_autoptr(PangoLayout) layout = create_label (self, text ? text : "", major);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + LABEL_OFFSET + LABEL_GAP;
}

/* The widest label of a step over a year's months (names differ in length). */
static double
widest_label (AtlasTimelineHistogram *self,
              AtlasTimeStep           step,
              gboolean                major)
{
  double widest = 0;

  for (int month = 1; month <= 12; month++)
    widest = MAX (widest, label_width (self, step, major,
                                       atlas_day_from_civil (2000, month, 28) + 22.0 / 24));
  return widest;
}

void
_atlas_timeline_histogram_measure_labels (AtlasTimelineHistogram *self)
{
  double *minor = self->label_px[0], *major = self->label_px[1];

  minor[ATLAS_TIME_UNIT_HOUR] = widest_label (self, ATLAS_TIME_STEP (HOUR, 1), FALSE);
  minor[ATLAS_TIME_UNIT_DAY] = widest_label (self, ATLAS_TIME_STEP (DAY, 1), FALSE);
  minor[ATLAS_TIME_UNIT_WEEK] = minor[ATLAS_TIME_UNIT_DAY];
  minor[ATLAS_TIME_UNIT_MONTH] = widest_label (self, ATLAS_TIME_STEP (MONTH, 1), FALSE);
  minor[ATLAS_TIME_UNIT_YEAR] = widest_label (self, ATLAS_TIME_STEP (YEAR, 1), FALSE);

  major[ATLAS_TIME_UNIT_HOUR] = major[ATLAS_TIME_UNIT_WEEK] = G_MAXDOUBLE;
  major[ATLAS_TIME_UNIT_DAY] = widest_label (self, ATLAS_TIME_STEP (DAY, 1), TRUE);
  major[ATLAS_TIME_UNIT_MONTH] = widest_label (self, ATLAS_TIME_STEP (MONTH, 1), TRUE);
  major[ATLAS_TIME_UNIT_YEAR] = widest_label (self, ATLAS_TIME_STEP (YEAR, 1), TRUE);
  self->label_px_valid = TRUE;
}

/* ---- the range --------------------------------------------------------------------- */

static void
range_x (AtlasTimelineHistogram *self,
         double                 *x1,
         double                 *x2)
{
  *x1 = self->range.first == ATLAS_DAY_OPEN_START
        ? -HANDLE_WIDTH : atlas_timeline_histogram_x_for_day (self, self->range.first);
  *x2 = self->range.last == ATLAS_DAY_OPEN_END
        ? width_of (self) + HANDLE_WIDTH
        : atlas_timeline_histogram_x_for_day (self, (double) self->range.last + 1);
}

static void
draw_band (AtlasTimelineHistogram *self,
           GtkSnapshot            *snapshot,
           const Colors           *colors)
{
  double x1, x2;

  if (!self->has_range)
    return;
  range_x (self, &x1, &x2);
  if (x2 <= x1)
    return;
  append_rect (snapshot, with_alpha (&colors->accent_bg, 0.14), round (x1), 0,
               round (x2) - round (x1), _atlas_timeline_histogram_chart_height (self));
}

static void
draw_edge (AtlasTimelineHistogram *self,
           GtkSnapshot            *snapshot,
           const Colors           *colors,
           double                  x)
{
  double height = _atlas_timeline_histogram_chart_height (self);
  graphene_rect_t handle = GRAPHENE_RECT_INIT (round (x) - HANDLE_WIDTH / 2,
                                               round ((height - HANDLE_HEIGHT) / 2),
                                               HANDLE_WIDTH, HANDLE_HEIGHT);
  graphene_rect_t ring;

  /* a ring of the background keeps the handle apart from the bars under it */
  graphene_rect_inset_r (&handle, -2, -2, &ring);
  append_rect (snapshot, colors->accent_bg, round (x) - 1, 0, 2, height);
  append_rounded (snapshot, colors->bg, &ring, HANDLE_WIDTH / 2 + 2, HANDLE_WIDTH / 2 + 2);
  append_rounded (snapshot, colors->accent_bg, &handle, HANDLE_WIDTH / 2, HANDLE_WIDTH / 2);
}

static void
draw_edges (AtlasTimelineHistogram *self,
            GtkSnapshot            *snapshot,
            const Colors           *colors)
{
  double x1, x2;

  if (!self->has_range)
    return;
  range_x (self, &x1, &x2);
  if (self->range.first != ATLAS_DAY_OPEN_START)
    draw_edge (self, snapshot, colors, x1);
  if (self->range.last != ATLAS_DAY_OPEN_END)
    draw_edge (self, snapshot, colors, x2);
}

/* ---- bars -------------------------------------------------------------------------- */

static gboolean
bin_in_range (AtlasTimelineHistogram *self,
              const AtlasDateBin     *bin)
{
  return !self->has_range || (bin->start <= self->range.last && bin->end > self->range.first);
}

static gboolean
bin_hovered (AtlasTimelineHistogram *self,
             double                  x1,
             double                  x2)
{
  return self->drag_mode == DRAG_NONE && self->pointer_x >= 0
         && self->pointer_x >= x1 && self->pointer_x < x2
         && self->pointer_y < _atlas_timeline_histogram_chart_height (self);
}

static void
draw_bar (AtlasTimelineHistogram *self,
          GtkSnapshot            *snapshot,
          const Colors           *colors,
          const AtlasDateBin     *bin)
{
  double bottom = _atlas_timeline_histogram_chart_height (self) - 1;
  double x1 = round (atlas_timeline_histogram_x_for_day (self, bin->start));
  double x2 = round (atlas_timeline_histogram_x_for_day (self, bin->end));
  gboolean hovered = bin_hovered (self, x1, x2);
  double height;
  GdkRGBA color = bin_in_range (self, bin)
                  ? with_alpha (&colors->accent_bg, ATLAS_TIMELINE_BAR_ALPHA)
                  : with_alpha (&colors->fg, hovered ? ATLAS_TIMELINE_OUT_BAR_HOVER_ALPHA
                                                     : ATLAS_TIMELINE_OUT_BAR_ALPHA);

  if (hovered)
    append_rect (snapshot, with_alpha (&colors->fg, 0.06), x1, 0, x2 - x1, bottom);
  if (bin->count == 0)
    return;
  height = round ((double) bin->count / self->max_count * (bottom - TOP_PADDING));
  if (x2 - x1 >= 4)
    x2 -= 1;    /* a hairline between neighbours */
  /* one incident among a million still shows */
  height = MAX (height, 2);
  append_rounded (snapshot, color, &GRAPHENE_RECT_INIT (x1, bottom - height, MAX (x2 - x1, 1),
                                                        height),
                  x2 - x1 >= 4 ? BAR_RADIUS : 0, 0);
}

static void
draw_bars (AtlasTimelineHistogram *self,
           GtkSnapshot            *snapshot,
           const Colors           *colors)
{
  double width = width_of (self);

  for (guint i = 0; self->bins != NULL && i < self->bins->len; i++)
    {
      const AtlasDateBin *bin = &g_array_index (self->bins, AtlasDateBin, i);

      if (atlas_timeline_histogram_x_for_day (self, bin->end) > 0
          && atlas_timeline_histogram_x_for_day (self, bin->start) < width)
        draw_bar (self, snapshot, colors, bin);
    }
  append_rect (snapshot, with_alpha (&colors->fg, 0.18), 0,
               _atlas_timeline_histogram_chart_height (self) - 1, width, 1);
}

/* ---- the axis ---------------------------------------------------------------------- */

/* The boundaries of @step in view, the one at or before the left edge first. */
static GArray *
visible_ticks (AtlasTimelineHistogram *self,
               AtlasTimeStep           step)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double t = atlas_time_step_floor (step, self->view_start);

  while (t < self->view_end && ticks->len < MAX_TICKS)
    {
      g_array_append_val (ticks, t);
      t = atlas_time_step_next (step, t);
    }
  return ticks;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
overlaps (GArray *taken,
          double  left,
          double  right)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const Span *span = &g_array_index (taken, Span, i);

      if (left < span->right + LABEL_GAP && right + LABEL_GAP > span->left)
        return TRUE;
    }
  return FALSE;
}

/* Draws a label at @x unless it would leave the chart or touch another label. A label that
 * would run off the right end ends there instead, as long as it still reaches its tick
 * (@x less the offset): with large text the last year would otherwise be dropped. */
static gboolean
place_label (AtlasTimelineHistogram *self,
             GtkSnapshot            *snapshot,
             GArray                 *taken,
             const char             *text,
             gboolean                major,
             double                  x,
             const GdkRGBA          *color)
{
  g_autoptr(PangoLayout) layout = create_label (self, text, major);
  double top = _atlas_timeline_histogram_chart_height (self);
  int width, height;
  Span span;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (x + width > width_of (self) && width_of (self) - width >= x - LABEL_OFFSET - width)
    x = width_of (self) - width;
  span = (Span) { x, x + width };
  if (x < 0 || span.right > width_of (self) || overlaps (taken, span.left, span.right))
    return FALSE;

  g_array_append_val (taken, span);
  append_layout_at (snapshot, layout, x, top + (AXIS_HEIGHT - height) / 2, color);
  return TRUE;
}

static void
draw_grid (AtlasTimelineHistogram *self,
           GtkSnapshot            *snapshot,
           const Colors           *colors)
{
  double top = _atlas_timeline_histogram_chart_height (self);
  g_autoptr(GArray) ticks = visible_ticks (self, self->major_step);

  for (guint i = 0; i < ticks->len; i++)
    {
      double x = round (atlas_timeline_histogram_x_for_day (self,
                                                            g_array_index (ticks, double, i)));

      if (x < 0)
        continue;
      append_rect (snapshot, with_alpha (&colors->fg, 0.07), x, 0, 1, top);
      append_rect (snapshot, with_alpha (&colors->fg, 0.3), x, top, 1, AXIS_HEIGHT - 2);
    }
}

static void
draw_major_labels (AtlasTimelineHistogram *self,
                   GtkSnapshot            *snapshot,
                   const Colors           *colors,
                   GArray                 *taken)
{
  GdkRGBA color = with_alpha (&colors->fg, ATLAS_TIMELINE_MAJOR_LABEL_ALPHA);
  g_autoptr(GArray) ticks = visible_ticks (self, self->major_step);
  double first = g_array_index (ticks, double, 0);
  g_autofree char *first_text = atlas_time_scale_format_tick (self->major_step, TRUE, first);

  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i);
      g_autofree char *text = atlas_time_scale_format_tick (self->major_step, TRUE, t);

      if (text != NULL)
        place_label (self, snapshot, taken, text, TRUE,
                     atlas_timeline_histogram_x_for_day (self, t) + LABEL_OFFSET, &color);
    }

  /* The period the view starts in, when its own tick is off the left edge; not for a
   * decade, whose first year would read as the year the view starts in. */
  if (first_text != NULL && first < self->view_start && self->major_step.count == 1)
    place_label (self, snapshot, taken, first_text, TRUE, LABEL_OFFSET, &color);
}

static void
draw_minor_labels (AtlasTimelineHistogram *self,
                   GtkSnapshot            *snapshot,
                   const Colors           *colors,
                   GArray                 *taken)
{
  double top = _atlas_timeline_histogram_chart_height (self);
  GdkRGBA color = with_alpha (&colors->fg, ATLAS_TIMELINE_MINOR_LABEL_ALPHA);
  g_autoptr(GArray) ticks = NULL;

  if (!self->has_minor)
    return;
  ticks = visible_ticks (self, self->minor_step);
  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i);
      double x = round (atlas_timeline_histogram_x_for_day (self, t));
      g_autofree char *text = NULL;

      if (x < 0 || atlas_time_step_floor (self->major_step, t) == t)
        continue;
      append_rect (snapshot, with_alpha (&colors->fg, 0.25), x, top, 1, MINOR_TICK);
      if ((text = atlas_time_scale_format_tick (self->minor_step, FALSE, t)) != NULL)
        place_label (self, snapshot, taken, text, FALSE, x + LABEL_OFFSET, &color);
    }
}

static void
draw_axis (AtlasTimelineHistogram *self,
           GtkSnapshot            *snapshot,
           const Colors           *colors)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Span));

  /* Main labels first: they win where labels would collide. */
  draw_major_labels (self, snapshot, colors, taken);
  draw_minor_labels (self, snapshot, colors, taken);
}

static void
draw_empty (AtlasTimelineHistogram *self,
            GtkSnapshot            *snapshot,
            const Colors           *colors)
{
  g_autoptr(PangoLayout) layout = create_label (self, _("No dated incidents"), FALSE);
  GdkRGBA color = with_alpha (&colors->fg, ATLAS_TIMELINE_MINOR_LABEL_ALPHA);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  append_layout_at (snapshot, layout, (width_of (self) - width) / 2,
                    (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2, &color);
}

void
_atlas_timeline_histogram_snapshot (GtkWidget   *widget,
                                    GtkSnapshot *snapshot)
{
  AtlasTimelineHistogram *self = ATLAS_TIMELINE_HISTOGRAM (widget);
  Colors colors;

  /* no case: an empty chart, not a calendar of nothing */
  if (self->index == NULL)
    return;

  get_colors (self, &colors);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width_of (self),
                                                         gtk_widget_get_height (widget)));
  if (atlas_date_index_get_total (self->index) == 0)
    {
      draw_empty (self, snapshot, &colors);
    }
  else
    {
      draw_band (self, snapshot, &colors);
      draw_grid (self, snapshot, &colors);
      draw_bars (self, snapshot, &colors);
      draw_edges (self, snapshot, &colors);
      draw_axis (self, snapshot, &colors);
    }
  gtk_snapshot_pop (snapshot);
}
