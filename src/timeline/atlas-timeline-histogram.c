/* atlas-timeline-histogram.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's chart: how many incidents started in each day, week, month, year or
 * decade of the visible span, on a calendar axis, with a range of dates one drags out,
 * resizes by its edges and clears with a double click. Scrolling zooms around the pointer;
 * dragging the axis, or with Shift or the middle button, pans. It only shows and reports:
 * the timeline turns ranges into the filter. Drawing is in atlas-timeline-histogram-draw.c.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-timeline-histogram-private.h"

/* Narrowest bar, in pixels. */
#define MIN_BIN_PX 5.0
/* How close to a range's edge the pointer grabs it, and how far a press moves to drag. */
#define EDGE_GRAB_PX 6.0
#define DRAG_THRESHOLD_PX 3.0
/* Zoom limits, in days; one wheel click zooms by this much; the world's margins. */
#define MIN_SPAN_DAYS 1.0
#define MIN_WORLD_DAYS 30.0
#define WORLD_MARGIN 0.04
/* Room at each end for a label such as "2024" on a tick near the edge, in pixels. */
#define WORLD_MARGIN_PX 40.0
#define ZOOM_STEP 1.25
#define SCROLL_PX 40.0

G_DEFINE_FINAL_TYPE (AtlasTimelineHistogram, atlas_timeline_histogram, GTK_TYPE_WIDGET)

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the view ---------------------------------------------------------------------- */

static void
include_range (AtlasTimelineHistogram *self,
               double                 *start,
               double                 *end)
{
  if (!self->has_range)
    return;
  if (self->range.first != ATLAS_DAY_OPEN_START)
    *start = MIN (*start, self->range.first);
  if (self->range.last != ATLAS_DAY_OPEN_END)
    *end = MAX (*end, (double) self->range.last + 1);
}

static double
chart_width (AtlasTimelineHistogram *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

/* How far one can pan and zoom out: the incidents and the range, with a margin. */
static void
get_world (AtlasTimelineHistogram *self,
           double                 *start,
           double                 *end)
{
  gint32 first, last;
  double span, margin, margin_share;

  if (self->index != NULL && atlas_date_index_get_extent (self->index, &first, &last))
    {
      *start = first;
      *end = (double) last + 1;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *start = atlas_day_from_civil (g_date_time_get_year (now), 1, 1);
      *end = atlas_day_from_civil (g_date_time_get_year (now) + 1, 1, 1);
    }
  include_range (self, start, end);

  /* zoomed out, each margin is WORLD_MARGIN_PX wide, or WORLD_MARGIN of the span if more */
  margin_share = MAX (WORLD_MARGIN,
                      WORLD_MARGIN_PX / MAX (chart_width (self) - 2 * WORLD_MARGIN_PX, 1));
  span = MAX (*end - *start, MIN_WORLD_DAYS);
  margin = (span - (*end - *start)) / 2 + span * MIN (margin_share, 1);
  *start -= margin;
  *end += margin;
}

static double
px_per_day (AtlasTimelineHistogram *self)
{
  return chart_width (self) / (self->view_end - self->view_start);
}

static void
update_axis (AtlasTimelineHistogram *self)
{
  double scale = px_per_day (self);

  if (!self->label_px_valid)
    _atlas_timeline_histogram_measure_labels (self);
  self->major_step = atlas_time_scale_major_step (scale, self->label_px[1]);
  self->has_minor = atlas_time_scale_minor_step (self->major_step, scale, self->label_px[0],
                                                 &self->minor_step);
}

/* The bins of the view: one binary search per bin in the index, never a walk over N. */
static void
update_bins (AtlasTimelineHistogram *self)
{
  self->bin_step = atlas_time_scale_bin_step (px_per_day (self), MIN_BIN_PX);
  update_axis (self);

  g_clear_pointer (&self->bins, g_array_unref);
  self->max_count = 0;
  if (self->index == NULL)
    return;

  self->bins = atlas_date_index_bin (self->index, self->bin_step,
                                     (gint32) floor (self->view_start),
                                     (gint32) ceil (self->view_end));
  for (guint i = 0; i < self->bins->len; i++)
    self->max_count = MAX (self->max_count, g_array_index (self->bins, AtlasDateBin, i).count);
}

static void
fit_view (AtlasTimelineHistogram *self,
          double                 *start,
          double                 *end)
{
  double world_start, world_end, span;

  get_world (self, &world_start, &world_end);
  span = CLAMP (*end - *start, MIN_SPAN_DAYS, world_end - world_start);
  *start = CLAMP (*start, world_start, world_end - span);
  *end = *start + span;
}

/* ---- ranges ------------------------------------------------------------------------ */

static double
nearest_boundary (AtlasTimeStep step,
                  double        day)
{
  double before = atlas_time_step_floor (step, day);
  double after = atlas_time_step_next (step, day);

  return day - before <= after - day ? before : after;
}

/* A range from two pixel positions, widened to whole bins. */
static AtlasDayRange
range_between (AtlasTimelineHistogram *self,
               double                  x1,
               double                  x2)
{
  double first_day = atlas_timeline_histogram_day_for_x (self, MIN (x1, x2));
  double last_day = atlas_timeline_histogram_day_for_x (self, MAX (x1, x2));
  double first = atlas_time_step_floor (self->bin_step, first_day);
  double end = atlas_time_step_floor (self->bin_step, last_day);

  if (end < last_day || end <= first)
    end = atlas_time_step_next (self->bin_step, MAX (end, first));
  return (AtlasDayRange) { (gint32) first, (gint32) end - 1 };
}

static void
emit_range_changed (AtlasTimelineHistogram *self,
                    gboolean                finished)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0, finished);
}

static void
move_edge (AtlasTimelineHistogram *self,
           double                  x)
{
  AtlasTimeStep step = self->bin_step;
  double boundary = nearest_boundary (step, atlas_timeline_histogram_day_for_x (self, x));

  if (self->drag_mode == DRAG_FIRST)
    {
      double limit = atlas_time_step_previous (step, (double) self->range.last + 1);

      self->range.first = (gint32) MIN (boundary, MIN (limit, self->range.last));
    }
  else
    {
      double limit = atlas_time_step_next (step, self->range.first);

      self->range.last = (gint32) MAX (boundary, limit) - 1;
    }
}

/* ---- input ------------------------------------------------------------------------- */

static gboolean
near_edge (AtlasTimelineHistogram *self,
           gboolean                closed,
           double                  day,
           double                  x)
{
  return self->has_range && closed
         && fabs (atlas_timeline_histogram_x_for_day (self, day) - x) <= EDGE_GRAB_PX;
}

static DragMode
drag_mode_at (AtlasTimelineHistogram *self,
              double                  x,
              double                  y,
              guint                   button,
              GdkModifierType         state)
{
  if (button == GDK_BUTTON_MIDDLE || (state & GDK_SHIFT_MASK) != 0
      || y >= _atlas_timeline_histogram_chart_height (self))
    return DRAG_PAN;
  if (near_edge (self, self->range.first != ATLAS_DAY_OPEN_START, self->range.first, x))
    return DRAG_FIRST;
  if (near_edge (self, self->range.last != ATLAS_DAY_OPEN_END, (double) self->range.last + 1, x))
    return DRAG_LAST;
  return DRAG_SELECT;
}

static const char *
cursor_for (DragMode mode,
            gboolean dragging)
{
  switch (mode)
    {
    case DRAG_PAN:
      return dragging ? "grabbing" : "grab";
    case DRAG_FIRST:
    case DRAG_LAST:
      return "ew-resize";
    case DRAG_SELECT:
    case DRAG_NONE:
    default:
      return NULL;
    }
}

static void
drag_begin_cb (AtlasTimelineHistogram *self,
               double                  x,
               double                  y,
               GtkGestureDrag         *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_mode = drag_mode_at (self, x, y, button, state);
  self->drag_x = x;
  self->drag_view_start = self->view_start;
  self->dragged = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for (self->drag_mode, TRUE));
}

static void
drag_update_cb (AtlasTimelineHistogram *self,
                double                  dx,
                double                  dy,
                GtkGestureDrag         *gesture)
{
  double span = self->view_end - self->view_start;

  if (!self->dragged && fabs (dx) < DRAG_THRESHOLD_PX)
    return;
  self->dragged = TRUE;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      atlas_timeline_histogram_set_view (self, self->drag_view_start - dx / px_per_day (self),
                                         self->drag_view_start - dx / px_per_day (self) + span);
      return;
    case DRAG_SELECT:
      self->range = range_between (self, self->drag_x, self->drag_x + dx);
      self->has_range = TRUE;
      break;
    case DRAG_FIRST:
    case DRAG_LAST:
      move_edge (self, self->drag_x + dx);
      break;
    case DRAG_NONE:
    default:
      return;
    }
  emit_range_changed (self, FALSE);
}

static void
drag_end_cb (AtlasTimelineHistogram *self,
             double                  dx,
             double                  dy,
             GtkGestureDrag         *gesture)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (self->dragged && mode != DRAG_PAN && mode != DRAG_NONE)
    emit_range_changed (self, TRUE);
}

static void
pressed_cb (AtlasTimelineHistogram *self,
            int                     n_press,
            double                  x,
            double                  y,
            GtkGestureClick        *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press != 2)
    return;

  if (y >= _atlas_timeline_histogram_chart_height (self))
    atlas_timeline_histogram_zoom_to_fit (self);
  else if (self->has_range)
    {
      self->has_range = FALSE;
      emit_range_changed (self, TRUE);
    }
}

static void
motion_cb (AtlasTimelineHistogram *self,
           double                  x,
           double                  y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode == DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     cursor_for (drag_mode_at (self, x, y, 0, 0), FALSE));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (AtlasTimelineHistogram *self)
{
  self->pointer_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_by (AtlasTimelineHistogram *self,
        double                  px)
{
  double shift = px / px_per_day (self);

  atlas_timeline_histogram_set_view (self, self->view_start + shift, self->view_end + shift);
}

static gboolean
scroll_cb (AtlasTimelineHistogram   *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  /* Touchpads scroll by pixels, wheels by clicks. */
  double unit = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE
                ? 1 : SCROLL_PX;
  double anchor = self->pointer_x >= 0 ? self->pointer_x : chart_width (self) / 2;

  if ((state & GDK_SHIFT_MASK) != 0)
    pan_by (self, (dy + dx) * unit);
  else if (fabs (dx) > fabs (dy))
    pan_by (self, dx * unit);
  else
    atlas_timeline_histogram_zoom (self, pow (ZOOM_STEP, dy * unit / SCROLL_PX), anchor);
  return TRUE;
}

static char *
describe_bin (const AtlasDateBin *bin)
{
  AtlasDayRange days = { bin->start, bin->end - 1 };
  g_autofree char *when = atlas_day_range_format (&days);
  /* Translators: how many incidents started within a bar of the timeline */
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident",
                                                         "%u incidents", bin->count),
                                            bin->count);

  return g_markup_printf_escaped ("<b>%s</b>\n%s", when, count);
}

static const AtlasDateBin *
bin_at (AtlasTimelineHistogram *self,
        double                  x)
{
  double day = atlas_timeline_histogram_day_for_x (self, x);

  for (guint i = 0; self->bins != NULL && i < self->bins->len; i++)
    {
      const AtlasDateBin *bin = &g_array_index (self->bins, AtlasDateBin, i);

      if (day >= bin->start && day < bin->end)
        return bin;
    }
  return NULL;
}

static gboolean
atlas_timeline_histogram_query_tooltip (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard_tooltip,
                                        GtkTooltip *tooltip)
{
  AtlasTimelineHistogram *self = ATLAS_TIMELINE_HISTOGRAM (widget);
  const AtlasDateBin *bin = keyboard_tooltip ? NULL : bin_at (self, x);
  g_autofree char *bin_text = bin ? describe_bin (bin) : NULL;
  g_autofree char *hint = NULL;
  g_autofree char *markup = NULL;

  hint = g_markup_escape_text (_("Drag to choose dates, double-click to show all\n"
                              "Scroll to zoom, drag the axis or Shift-drag to pan"), -1);
  markup = g_strdup_printf ("%s%s<small>%s</small>", bin_text ? bin_text : "",
                            bin_text ? "\n" : "", hint);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ---- GtkWidget --------------------------------------------------------------------- */

static void
atlas_timeline_histogram_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  AtlasTimelineHistogram *self = ATLAS_TIMELINE_HISTOGRAM (widget);

  fit_view (self, &self->view_start, &self->view_end);
  update_bins (self);
}

static void
atlas_timeline_histogram_css_changed (GtkWidget         *widget,
                                      GtkCssStyleChange *change)
{
  AtlasTimelineHistogram *self = ATLAS_TIMELINE_HISTOGRAM (widget);

  GTK_WIDGET_CLASS (atlas_timeline_histogram_parent_class)->css_changed (widget, change);

  /* The font may have changed, and with it the room labels need. */
  self->label_px_valid = FALSE;
  update_bins (self);
  gtk_widget_queue_draw (widget);
}

static void
atlas_timeline_histogram_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  /* Narrow by nature: the timeline expands it, and a wide natural size would fold the
   * window's sidebar early. */
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 72 : (int) (AXIS_HEIGHT * 3);
}

static void
atlas_timeline_histogram_finalize (GObject *object)
{
  AtlasTimelineHistogram *self = ATLAS_TIMELINE_HISTOGRAM (object);

  g_clear_pointer (&self->index, atlas_date_index_unref);
  g_clear_pointer (&self->bins, g_array_unref);

  G_OBJECT_CLASS (atlas_timeline_histogram_parent_class)->finalize (object);
}

static void
atlas_timeline_histogram_class_init (AtlasTimelineHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_timeline_histogram_finalize;

  widget_class->snapshot = _atlas_timeline_histogram_snapshot;
  widget_class->size_allocate = atlas_timeline_histogram_size_allocate;
  widget_class->measure = atlas_timeline_histogram_measure;
  widget_class->css_changed = atlas_timeline_histogram_css_changed;
  widget_class->query_tooltip = atlas_timeline_histogram_query_tooltip;

  /**
   * AtlasTimelineHistogram::range-changed:
   * @finished: %FALSE while the pointer is still dragging
   *
   * The user chose, changed or cleared the range.
   */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "histogram");
  /* Left and Right move the range, as a slider's value. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
add_pointer_controllers (AtlasTimelineHistogram *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);

  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

static void
atlas_timeline_histogram_init (AtlasTimelineHistogram *self)
{
  self->pointer_x = -1;
  get_world (self, &self->view_start, &self->view_end);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  add_pointer_controllers (self);
}

/* ---- public ------------------------------------------------------------------------ */

GtkWidget *
atlas_timeline_histogram_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_HISTOGRAM, NULL);
}

/**
 * atlas_timeline_histogram_set_index:
 * @index: (nullable) (transfer none): the incidents' days, or %NULL for none
 * @fit: whether to show all of them; otherwise the view stays where it is if it can
 */
void
atlas_timeline_histogram_set_index (AtlasTimelineHistogram *self,
                                    AtlasDateIndex         *index,
                                    gboolean                fit)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));

  if (index != self->index)
    {
      g_clear_pointer (&self->index, atlas_date_index_unref);
      self->index = index ? atlas_date_index_ref (index) : NULL;
    }
  if (fit)
    atlas_timeline_histogram_zoom_to_fit (self);
  else
    atlas_timeline_histogram_set_view (self, self->view_start, self->view_end);
}

/**
 * atlas_timeline_histogram_get_index:
 *
 * Returns: (transfer none) (nullable): the incidents' days
 */
AtlasDateIndex *
atlas_timeline_histogram_get_index (AtlasTimelineHistogram *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), NULL);
  return self->index;
}

/**
 * atlas_timeline_histogram_set_range:
 * @range: (nullable): the range to show, or %NULL for none
 *
 * Shows a range chosen elsewhere; does not emit #AtlasTimelineHistogram::range-changed.
 */
void
atlas_timeline_histogram_set_range (AtlasTimelineHistogram *self,
                                    const AtlasDayRange    *range)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));

  self->has_range = range != NULL;
  if (range != NULL)
    self->range = *range;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_timeline_histogram_get_range:
 * @range: (out) (optional): the range
 *
 * Returns: whether there is a range
 */
gboolean
atlas_timeline_histogram_get_range (AtlasTimelineHistogram *self,
                                    AtlasDayRange          *range)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), FALSE);

  if (self->has_range && range != NULL)
    *range = self->range;
  return self->has_range;
}

/**
 * atlas_timeline_histogram_set_view:
 * @start: the day at the left edge (fractions are times of day)
 * @end: the day at the right edge
 *
 * Shows that span, as near as the zoom limits allow.
 */
void
atlas_timeline_histogram_set_view (AtlasTimelineHistogram *self,
                                   double                  start,
                                   double                  end)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));

  fit_view (self, &start, &end);
  self->view_start = start;
  self->view_end = end;
  update_bins (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_histogram_get_view (AtlasTimelineHistogram *self,
                                   double                 *start,
                                   double                 *end)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));

  *start = self->view_start;
  *end = self->view_end;
}

/**
 * atlas_timeline_histogram_zoom:
 * @factor: above 1 shows more time, below 1 less
 * @anchor_x: the position, in pixels, that keeps its day
 */
void
atlas_timeline_histogram_zoom (AtlasTimelineHistogram *self,
                               double                  factor,
                               double                  anchor_x)
{
  double anchor_day, span;

  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));
  g_return_if_fail (factor > 0);

  anchor_day = atlas_timeline_histogram_day_for_x (self, anchor_x);
  span = MAX ((self->view_end - self->view_start) * factor, MIN_SPAN_DAYS);
  atlas_timeline_histogram_set_view (self, anchor_day - anchor_x / chart_width (self) * span,
                                     anchor_day + (1 - anchor_x / chart_width (self)) * span);
}

void
atlas_timeline_histogram_zoom_to_fit (AtlasTimelineHistogram *self)
{
  double start, end;

  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));

  get_world (self, &start, &end);
  atlas_timeline_histogram_set_view (self, start, end);
}

/**
 * atlas_timeline_histogram_reveal:
 *
 * Pans, and zooms out if it must, so @range is in view.
 */
void
atlas_timeline_histogram_reveal (AtlasTimelineHistogram *self,
                                 const AtlasDayRange    *range)
{
  double start, end, span, margin;

  g_return_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self));
  g_return_if_fail (range != NULL);

  start = range->first == ATLAS_DAY_OPEN_START ? self->view_start : range->first;
  end = range->last == ATLAS_DAY_OPEN_END ? self->view_end : (double) range->last + 1;
  span = self->view_end - self->view_start;
  margin = span * 0.05;

  if (start >= self->view_start && end <= self->view_end)
    return;
  if (end - start > span - 2 * margin)
    atlas_timeline_histogram_set_view (self, start - (end - start) * 0.05,
                                       end + (end - start) * 0.05);
  else if (start < self->view_start)
    atlas_timeline_histogram_set_view (self, start - margin, start - margin + span);
  else
    atlas_timeline_histogram_set_view (self, end + margin - span, end + margin);
}

/**
 * atlas_timeline_histogram_get_bin_step:
 *
 * Returns: how long a bar is at this zoom
 */
AtlasTimeStep
atlas_timeline_histogram_get_bin_step (AtlasTimelineHistogram *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), ATLAS_TIME_STEP (DAY, 1));
  return self->bin_step;
}

/**
 * atlas_timeline_histogram_get_axis_step:
 *
 * Returns: the step of the axis's main labels: months, years, decades…
 */
AtlasTimeStep
atlas_timeline_histogram_get_axis_step (AtlasTimelineHistogram *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), ATLAS_TIME_STEP (YEAR, 1));
  return self->major_step;
}

/**
 * atlas_timeline_histogram_get_bins:
 * @n_bins: (out): how many
 *
 * Returns: (transfer none) (array length=n_bins) (nullable): the bars of the view
 */
const AtlasDateBin *
atlas_timeline_histogram_get_bins (AtlasTimelineHistogram *self,
                                   guint                  *n_bins)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), NULL);

  *n_bins = self->bins ? self->bins->len : 0;
  return self->bins ? (const AtlasDateBin *) self->bins->data : NULL;
}

double
atlas_timeline_histogram_x_for_day (AtlasTimelineHistogram *self,
                                    double                  day)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), 0);
  return (day - self->view_start) * px_per_day (self);
}

double
atlas_timeline_histogram_day_for_x (AtlasTimelineHistogram *self,
                                    double                  x)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_HISTOGRAM (self), 0);
  return self->view_start + x / px_per_day (self);
}
