/* atlas-timeline-playback.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving the timeline's range: a step at a time by play, four times a second, or by the
 * arrow keys. A step is a bar of the histogram (a day, a week, a month…); a range that
 * covers whole bars moves by whole bars, so "December 2023" becomes "January 2024", and any
 * other range moves by the same number of days.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <math.h>

#include "atlas-timeline-private.h"

#define PLAY_INTERVAL_MS 250
/* Play starts with a tenth of the visible span when no range is chosen. */
#define PLAY_WINDOW_FRACTION 0.1
#define KEY_ZOOM 1.5

static gboolean
data_extent (AtlasTimeline *self,
             gint32        *first,
             gint32        *last)
{
  AtlasDateIndex *index = atlas_timeline_histogram_get_index (self->histogram);

  return index != NULL && atlas_date_index_get_extent (index, first, last);
}

static AtlasTimeStep
step_of (AtlasTimeline *self)
{
  return atlas_timeline_histogram_get_bin_step (self->histogram);
}

/* The range, its open ends closed at the first and last incident. */
static gboolean
closed_range (AtlasTimeline *self,
              AtlasDayRange *range)
{
  gint32 first, last;

  if (!atlas_timeline_histogram_get_range (self->histogram, range)
      || !data_extent (self, &first, &last))
    return FALSE;
  if (range->first == ATLAS_DAY_OPEN_START)
    range->first = MIN (first, range->last);
  if (range->last == ATLAS_DAY_OPEN_END)
    range->last = MAX (last, range->first);
  /* a range typed backwards holds nothing to move */
  return range->first <= range->last;
}

static gboolean
is_aligned (AtlasTimeStep        step,
            const AtlasDayRange *range)
{
  return atlas_time_step_floor (step, range->first) == range->first
         && atlas_time_step_floor (step, (double) range->last + 1) == (double) range->last + 1;
}

static double
step_from (AtlasTimeStep step,
           double        day,
           int           direction)
{
  return direction > 0 ? atlas_time_step_next (step, day) : atlas_time_step_previous (step, day);
}

static gint32
step_days (AtlasTimeStep step)
{
  return MAX ((gint32) lround (atlas_time_step_get_days (step)), 1);
}

static AtlasDayRange
shift_range (AtlasTimeStep step,
             AtlasDayRange range,
             int           direction)
{
  gint32 days;

  if (is_aligned (step, &range))
    return (AtlasDayRange) { (gint32) step_from (step, range.first, direction),
                             (gint32) step_from (step, (double) range.last + 1, direction) - 1 };
  days = MIN (step_days (step), range.last - range.first + 1) * direction;
  return (AtlasDayRange) { range.first + days, range.last + days };
}

static AtlasDayRange
window_from (AtlasTimeStep step,
             gint32        day,
             guint         n_steps)
{
  double first = atlas_time_step_floor (step, day);
  double end = first;

  for (guint i = 0; i < n_steps; i++)
    end = atlas_time_step_next (step, end);
  return (AtlasDayRange) { (gint32) first, (gint32) end - 1 };
}

static guint
count_steps (AtlasTimeStep        step,
             const AtlasDayRange *range)
{
  guint n = 0;

  for (double t = range->first; t < (double) range->last + 1 && n < G_MAXUINT16;
       t = atlas_time_step_next (step, t))
    n++;
  return MAX (n, 1);
}

/* Where play starts: the range's length, or a tenth of the view, from the first incident. */
static AtlasDayRange
first_window (AtlasTimeline *self,
              gint32         first_day)
{
  AtlasTimeStep step = step_of (self);
  AtlasDayRange range;
  double start, end;

  if (closed_range (self, &range))
    {
      if (is_aligned (step, &range))
        return window_from (step, first_day, count_steps (step, &range));
      return (AtlasDayRange) { first_day, first_day + (range.last - range.first) };
    }

  atlas_timeline_histogram_get_view (self->histogram, &start, &end);
  return window_from (step, first_day,
                      MAX (1, (guint) lround ((end - start) * PLAY_WINDOW_FRACTION
                                              / atlas_time_step_get_days (step))));
}

static void
set_range (AtlasTimeline       *self,
           const AtlasDayRange *range)
{
  atlas_timeline_histogram_set_range (self->histogram, range);
  atlas_timeline_histogram_reveal (self->histogram, range);
  _atlas_timeline_commit_range (self);
}

static gboolean
play_tick_cb (gpointer user_data)
{
  AtlasTimeline *self = user_data;
  AtlasDayRange range;
  gint32 first, last;

  if (atlas_timeline_move_range (self, 1) && closed_range (self, &range)
      && data_extent (self, &first, &last) && range.last < last)
    return G_SOURCE_CONTINUE;

  /* The last incident is in the range: stop there, keeping it. */
  atlas_timeline_set_playing (self, FALSE);
  return G_SOURCE_REMOVE;
}

gboolean
_atlas_timeline_start_playing (AtlasTimeline *self)
{
  AtlasDayRange range;
  gint32 first, last;

  if (!data_extent (self, &first, &last))
    return FALSE;
  if (!closed_range (self, &range) || range.last >= last)
    {
      range = first_window (self, first);
      set_range (self, &range);
    }
  self->play_source = g_timeout_add (PLAY_INTERVAL_MS, play_tick_cb, self);
  g_source_set_name_by_id (self->play_source, "[atlas] timeline playback");
  return TRUE;
}

/**
 * atlas_timeline_move_range:
 * @steps: how many bars to move: forward if positive, back if negative
 *
 * Moves the range along the histogram, and the histogram along with it when the range
 * would leave the view. With no range chosen, chooses the one play starts with.
 *
 * Returns: whether the range moved: %FALSE when it already holds the first (moving back)
 *   or the last incident (moving forward)
 */
gboolean
atlas_timeline_move_range (AtlasTimeline *self,
                           int            steps)
{
  AtlasDayRange range;
  gint32 first, last;
  int direction = steps > 0 ? 1 : -1;
  gboolean moved = FALSE;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);

  if (steps == 0 || !data_extent (self, &first, &last))
    return FALSE;
  if (!closed_range (self, &range))
    {
      range = first_window (self, first);
      set_range (self, &range);
      return TRUE;
    }

  for (int i = 0; i < ABS (steps); i++)
    {
      if ((direction > 0 && range.last >= last) || (direction < 0 && range.first <= first))
        break;
      range = shift_range (step_of (self), range, direction);
      moved = TRUE;
    }
  if (moved)
    set_range (self, &range);
  return moved;
}

/* Shift with Left and Right: the range's end moves, a bar at a time. */
static void
resize_range (AtlasTimeline *self,
              int            direction)
{
  AtlasTimeStep step = step_of (self);
  AtlasDayRange range;
  double end;

  if (!closed_range (self, &range))
    return;
  end = is_aligned (step, &range) ? step_from (step, (double) range.last + 1, direction)
                                  : (double) range.last + 1 + direction * step_days (step);
  if (end <= range.first)
    return;
  range.last = (gint32) end - 1;
  set_range (self, &range);
}

static void
zoom (AtlasTimeline *self,
      double         factor)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->histogram));

  atlas_timeline_histogram_zoom (self->histogram, factor, width / 2);
}

static gboolean
key_pressed_cb (AtlasTimeline         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int direction = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if ((state & GDK_SHIFT_MASK) != 0)
        resize_range (self, direction);
      else
        atlas_timeline_move_range (self, direction);
      return TRUE;
    case GDK_KEY_Escape:
      if (!atlas_timeline_histogram_get_range (self->histogram, NULL))
        return FALSE;
      atlas_timeline_clear_range (self);
      return TRUE;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      atlas_timeline_set_playing (self, !atlas_timeline_get_playing (self));
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom (self, 1 / KEY_ZOOM);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom (self, KEY_ZOOM);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      atlas_timeline_histogram_zoom_to_fit (self->histogram);
      return TRUE;
    default:
      return FALSE;
    }
}

void
_atlas_timeline_init_keyboard (AtlasTimeline *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->histogram), keys);
}
