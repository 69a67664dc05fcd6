/* atlas-date-index.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The incidents' start days, kept as each distinct day with a running count, so how many
 * started between two days is two binary searches. Built once per load on a worker (one
 * pass over N sorted days); a histogram of B bars then costs B searches, whatever N is.
 * An edit adds or removes a day in place, in time that grows with the distinct days (a
 * few thousand), not with N. Only the main thread holds it once it is built.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-date-index.h"

/* A bug guard: a view asks for a few hundred bins, never this many. */
#define MAX_BINS 100000

struct _AtlasDateIndex
{
  gint32 *days;        /* distinct days, ascending */
  gsize  *cumulative;  /* how many incidents started on or before days[i] */
  gsize   n_days;
};

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

static gboolean
is_sorted (const gint32 *days,
           gsize         n_days)
{
  for (gsize i = 1; i < n_days; i++)
    if (days[i - 1] > days[i])
      return FALSE;
  return TRUE;
}

static void
fill (AtlasDateIndex *self,
      const gint32   *days,
      gsize           n_days)
{
  for (gsize i = 0; i < n_days; i++)
    {
      if (self->n_days == 0 || self->days[self->n_days - 1] != days[i])
        {
          self->days[self->n_days] = days[i];
          self->cumulative[self->n_days] = self->n_days ? self->cumulative[self->n_days - 1] : 0;
          self->n_days++;
        }
      self->cumulative[self->n_days - 1]++;
    }
}

static void
index_clear (gpointer data)
{
  AtlasDateIndex *self = data;

  g_free (self->days);
  g_free (self->cumulative);
}

/**
 * atlas_date_index_new:
 * @sorted_days: (array length=n_days): start days, ascending (other orders are sorted, at
 *   a cost)
 *
 * Returns: (transfer full): the index; blocks for O(N): build it on a worker
 */
AtlasDateIndex *
atlas_date_index_new (const gint32 *sorted_days,
                      gsize         n_days)
{
  AtlasDateIndex *self = g_atomic_rc_box_new0 (AtlasDateIndex);
  g_autofree gint32 *sorted = NULL;

  g_return_val_if_fail (sorted_days != NULL || n_days == 0, self);

  if (!is_sorted (sorted_days, n_days))
    {
      sorted = g_memdup2 (sorted_days, n_days * sizeof (gint32));
      qsort (sorted, n_days, sizeof (gint32), compare_days);
      sorted_days = sorted;
    }

  /* As large as N at first; a case has far fewer distinct days, so shrink afterwards. */
  self->days = g_new (gint32, MAX (n_days, 1));
  self->cumulative = g_new (gsize, MAX (n_days, 1));
  fill (self, sorted_days, n_days);
  self->days = g_renew (gint32, self->days, MAX (self->n_days, 1));
  self->cumulative = g_renew (gsize, self->cumulative, MAX (self->n_days, 1));
  return self;
}

AtlasDateIndex *
atlas_date_index_ref (AtlasDateIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
atlas_date_index_unref (AtlasDateIndex *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, index_clear);
}

/**
 * atlas_date_index_get_total:
 *
 * Returns: how many dates the index holds
 */
gsize
atlas_date_index_get_total (AtlasDateIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_days ? self->cumulative[self->n_days - 1] : 0;
}

/**
 * atlas_date_index_get_extent:
 * @first: (out): the earliest day
 * @last: (out): the latest day
 *
 * Returns: %FALSE when the index is empty
 */
gboolean
atlas_date_index_get_extent (AtlasDateIndex *self,
                             gint32         *first,
                             gint32         *last)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_days == 0)
    return FALSE;
  *first = self->days[0];
  *last = self->days[self->n_days - 1];
  return TRUE;
}

/* The position of the first distinct day ≥ @day, searching from @low. */
static gsize
lower_bound (AtlasDateIndex *self,
             gsize           low,
             gint32          day)
{
  gsize high = self->n_days;

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;

      if (self->days[middle] < day)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gsize
count_before_position (AtlasDateIndex *self,
                       gsize           position)
{
  return position == 0 ? 0 : self->cumulative[position - 1];
}

/**
 * atlas_date_index_count_before:
 *
 * Returns: how many dates are earlier than @day
 */
gsize
atlas_date_index_count_before (AtlasDateIndex *self,
                               gint32          day)
{
  g_return_val_if_fail (self != NULL, 0);
  return count_before_position (self, lower_bound (self, 0, day));
}

/**
 * atlas_date_index_count_between:
 * @first: the first day counted
 * @last: the last day counted, inclusive
 *
 * Returns: how many dates fall from @first to @last
 */
gsize
atlas_date_index_count_between (AtlasDateIndex *self,
                                gint32          first,
                                gint32          last)
{
  g_return_val_if_fail (self != NULL, 0);

  if (last < first)
    return 0;
  if (last == G_MAXINT32)
    return atlas_date_index_get_total (self) - atlas_date_index_count_before (self, first);
  return atlas_date_index_count_before (self, last + 1)
         - atlas_date_index_count_before (self, first);
}

/* Makes room for a new distinct day at @position, counted with those before it. */
static void
insert_day (AtlasDateIndex *self,
            gsize           position,
            gint32          day)
{
  gsize after = self->n_days - position;

  self->days = g_renew (gint32, self->days, self->n_days + 1);
  self->cumulative = g_renew (gsize, self->cumulative, self->n_days + 1);
  memmove (self->days + position + 1, self->days + position, after * sizeof (gint32));
  memmove (self->cumulative + position + 1, self->cumulative + position,
           after * sizeof (gsize));
  self->days[position] = day;
  self->cumulative[position] = count_before_position (self, position);
  self->n_days++;
}

static void
remove_day (AtlasDateIndex *self,
            gsize           position)
{
  gsize after = self->n_days - position - 1;

  memmove (self->days + position, self->days + position + 1, after * sizeof (gint32));
  memmove (self->cumulative + position, self->cumulative + position + 1,
           after * sizeof (gsize));
  self->n_days--;
}

/**
 * atlas_date_index_add_day:
 * @day: a start day, as the index was built from
 *
 * Counts one more incident starting on @day, as an index built with it would.
 */
void
atlas_date_index_add_day (AtlasDateIndex *self,
                          gint32          day)
{
  gsize position;

  g_return_if_fail (self != NULL);

  position = lower_bound (self, 0, day);
  if (position == self->n_days || self->days[position] != day)
    insert_day (self, position, day);
  for (gsize i = position; i < self->n_days; i++)
    self->cumulative[i]++;
}

/**
 * atlas_date_index_remove_day:
 * @day: a start day the index counts
 *
 * Counts one incident fewer starting on @day, as an index built without it would.
 *
 * Returns: %FALSE, changing nothing, if no incident starts on @day
 */
gboolean
atlas_date_index_remove_day (AtlasDateIndex *self,
                             gint32          day)
{
  gsize position;
  gboolean last_of_day;

  g_return_val_if_fail (self != NULL, FALSE);

  position = lower_bound (self, 0, day);
  if (position == self->n_days || self->days[position] != day)
    return FALSE;
  last_of_day = self->cumulative[position] - count_before_position (self, position) == 1;
  for (gsize i = position; i < self->n_days; i++)
    self->cumulative[i]--;
  if (last_of_day)
    remove_day (self, position);
  return TRUE;
}

/**
 * atlas_date_index_bin:
 * @step: the bins' length: a day or longer
 * @from: the first day to cover
 * @to: the day after the last to cover
 *
 * Binary searches walk the boundaries left to right, each starting where the last one
 * stopped: O(B log N) for B bins.
 *
 * Returns: (transfer full) (element-type AtlasDateBin): the bins covering [@from, @to),
 *   aligned to @step, so the first may start before @from and the last end after @to
 */
GArray *
atlas_date_index_bin (AtlasDateIndex *self,
                      AtlasTimeStep   step,
                      gint32          from,
                      gint32          to)
{
  GArray *bins;
  gint32 start;
  gsize position, before;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (step.unit != ATLAS_TIME_UNIT_HOUR, NULL);

  bins = g_array_new (FALSE, FALSE, sizeof (AtlasDateBin));
  start = (gint32) atlas_time_step_floor (step, from);
  position = lower_bound (self, 0, start);
  before = count_before_position (self, position);

  while (start < to && bins->len < MAX_BINS)
    {
      AtlasDateBin bin = { start, (gint32) atlas_time_step_next (step, start), 0 };
      gsize after;

      position = lower_bound (self, position, bin.end);
      after = count_before_position (self, position);
      bin.count = (guint) (after - before);
      g_array_append_val (bins, bin);
      before = after;
      start = bin.end;
    }
  return bins;
}
