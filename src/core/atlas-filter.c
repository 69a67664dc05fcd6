/* atlas-filter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window shows: categories, a date range, the least reliable source grade to count,
 * and "contested only". The map, the lists and the timeline follow it; the store turns it
 * into SQL. "changed" is emitted once per change.
 */

#include "config.h"

#include "atlas-filter.h"

struct _AtlasFilter
{
  GObject  parent_instance;

  char   **categories;      /* NULL: every category */
  char    *start_date;      /* ISO 8601 or NULL: open */
  char    *end_date;
  char     min_reliability; /* 'A'…'F'; 'F' counts every source */
  gboolean contested_only;
};

G_DEFINE_FINAL_TYPE (AtlasFilter, atlas_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (AtlasFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
atlas_filter_finalize (GObject *object)
{
  AtlasFilter *self = ATLAS_FILTER (object);

  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);

  G_OBJECT_CLASS (atlas_filter_parent_class)->finalize (object);
}

static void
atlas_filter_class_init (AtlasFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_filter_finalize;

  /**
   * AtlasFilter::changed:
   *
   * Emitted after any part of the filter changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_filter_init (AtlasFilter *self)
{
  self->min_reliability = 'F';
}

AtlasFilter *
atlas_filter_new (void)
{
  return g_object_new (ATLAS_TYPE_FILTER, NULL);
}

/**
 * atlas_filter_get_categories:
 *
 * Returns: (nullable) (transfer none): the categories shown, or %NULL for all
 */
const char * const *
atlas_filter_get_categories (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  return (const char * const *) self->categories;
}

void
atlas_filter_set_categories (AtlasFilter        *self,
                             const char * const *categories)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (categories == NULL && self->categories == NULL)
    return;
  if (categories != NULL && self->categories != NULL
      && g_strv_equal (categories, (const char * const *) self->categories))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
  emit_changed (self);
}

const char *
atlas_filter_get_start_date (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  return self->start_date;
}

const char *
atlas_filter_get_end_date (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  return self->end_date;
}

/**
 * atlas_filter_set_date_range:
 * @start_date: (nullable): first day shown (ISO 8601), or %NULL
 * @end_date: (nullable): last day shown, inclusive, or %NULL
 */
void
atlas_filter_set_date_range (AtlasFilter *self,
                             const char  *start_date,
                             const char  *end_date)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (g_strcmp0 (start_date, self->start_date) == 0 && g_strcmp0 (end_date, self->end_date) == 0)
    return;

  g_free (self->start_date);
  self->start_date = g_strdup (start_date);
  g_free (self->end_date);
  self->end_date = g_strdup (end_date);
  emit_changed (self);
}

char
atlas_filter_get_min_reliability (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), 'F');
  return self->min_reliability;
}

/**
 * atlas_filter_set_min_reliability:
 * @grade: 'A' (only completely reliable sources) … 'F' (every source)
 */
void
atlas_filter_set_min_reliability (AtlasFilter *self,
                                  char         grade)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (grade >= 'A' && grade <= 'F');

  if (self->min_reliability == grade)
    return;
  self->min_reliability = grade;
  emit_changed (self);
}

gboolean
atlas_filter_get_contested_only (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  return self->contested_only;
}

void
atlas_filter_set_contested_only (AtlasFilter *self,
                                 gboolean     contested_only)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (self->contested_only == !!contested_only)
    return;
  self->contested_only = !!contested_only;
  emit_changed (self);
}

/**
 * atlas_filter_copy_without_dates:
 *
 * Returns: (transfer full): a new filter with all of @self but its date range
 */
AtlasFilter *
atlas_filter_copy_without_dates (AtlasFilter *self)
{
  AtlasFilter *copy;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  copy = atlas_filter_new ();
  copy->categories = g_strdupv (self->categories);
  copy->min_reliability = self->min_reliability;
  copy->contested_only = self->contested_only;
  return copy;
}

/**
 * atlas_filter_describe_without_dates:
 *
 * Returns: (transfer full): a text that is the same for two filters exactly when they
 *   agree on everything but the date range
 */
char *
atlas_filter_describe_without_dates (AtlasFilter *self)
{
  g_autofree char *categories = NULL;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  categories = self->categories ? g_strjoinv ("\n", self->categories) : g_strdup ("*");
  return g_strdup_printf ("%s|%c|%d", categories, self->min_reliability, self->contested_only);
}

/**
 * atlas_filter_get_day_range:
 * @first: (out): the first day shown, or G_MININT32 when open
 * @last: (out): the last day shown, or G_MAXINT32 when open
 *
 * Returns: whether the filter has a date range
 */
gboolean
atlas_filter_get_day_range (AtlasFilter *self,
                            gint32      *first,
                            gint32      *last)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);

  if (self->start_date == NULL || !atlas_date_to_day (self->start_date, FALSE, first))
    *first = G_MININT32;
  if (self->end_date == NULL || !atlas_date_to_day (self->end_date, TRUE, last))
    *last = G_MAXINT32;
  return *first != G_MININT32 || *last != G_MAXINT32;
}

/**
 * atlas_filter_is_empty:
 *
 * Returns: whether the filter lets everything through
 */
gboolean
atlas_filter_is_empty (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), TRUE);

  return self->categories == NULL && self->start_date == NULL && self->end_date == NULL
         && self->min_reliability == 'F' && !self->contested_only;
}

void
atlas_filter_reset (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (atlas_filter_is_empty (self))
    return;
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  self->min_reliability = 'F';
  self->contested_only = FALSE;
  emit_changed (self);
}
