/* atlas-badge-layout.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes the count badges of a map so that no two overlap, on screen and on the page.
 *
 * Clusters are at least a clustering radius apart when they are made, but their badges grow
 * with their count, and weighted centres can end up closer than the radius: unsized, a
 * dense country becomes a heap of discs. Here badges are placed largest count first; each
 * gets its wanted radius cut to what the badges already placed leave free (measured
 * between bounding squares, so not even the squares of two circles meet). One that would
 * be left smaller than ATLAS_BADGE_MIN_RADIUS is not drawn apart: its incidents are added
 * to the nearest badge in its way, so every incident is still counted on the map.
 *
 * A grid of cells as wide as two of the largest badges finds the neighbours: a frame costs
 * what is drawn, about linear in it.
 */

#define G_LOG_DOMAIN "atlas-badge-layout"

#include "config.h"

#include <math.h>

#include "atlas-badge-layout.h"

#define CELL_SIZE (2 * (ATLAS_BADGE_MAX_RADIUS + ATLAS_BADGE_STROKE) + ATLAS_BADGE_GAP)

typedef struct
{
  const AtlasBadge *badges;
  GHashTable       *cells;     /* cell key → GArray of indices of placed badges */
} Placed;

/* Two cells may share a key where a pointer has 32 bits: that only adds candidates, whose
 * distance is measured anyway. */
static guint64
cell_key (gint64 column,
          gint64 row)
{
  return ((guint64) (guint32) column << 32) | (guint32) row;
}

static gint64
cell_of (double coordinate)
{
  return (gint64) floor (coordinate / CELL_SIZE);
}

static double
extent (double radius)
{
  return radius + ATLAS_BADGE_STROKE / 2;
}

/* The largest radius @badge may have beside the placed badges, and which of them limits it
 * most (-1: none). Chebyshev distance: it keeps the bounding squares apart. A symbol of
 * one incident does not make room for another. */
static double
free_radius (Placed           *placed,
             const AtlasBadge *badge,
             int              *nearest)
{
  gint64 column = cell_of (badge->x), row = cell_of (badge->y);
  double room = MIN (badge->radius, ATLAS_BADGE_MAX_RADIUS);

  *nearest = -1;
  for (gint64 dc = -1; dc <= 1; dc++)
    for (gint64 dr = -1; dr <= 1; dr++)
      {
        GArray *cell = g_hash_table_lookup (placed->cells,
                                            GSIZE_TO_POINTER (cell_key (column + dc, row + dr)));

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            int j = g_array_index (cell, int, k);
            const AtlasBadge *other = &placed->badges[j];
            double distance;
            double allowed;

            if (badge->count <= 1 && other->count <= 1)
              continue;
            distance = MAX (fabs (other->x - badge->x), fabs (other->y - badge->y));
            allowed = distance - extent (other->radius) - ATLAS_BADGE_GAP
                             - ATLAS_BADGE_STROKE / 2;

            if (allowed < room)
              {
                room = allowed;
                *nearest = j;
              }
          }
      }
  return room;
}

static void
place (Placed *placed,
       int     index)
{
  const AtlasBadge *badge = &placed->badges[index];
  gpointer key = GSIZE_TO_POINTER (cell_key (cell_of (badge->x), cell_of (badge->y)));
  GArray *cell = g_hash_table_lookup (placed->cells, key);

  if (cell == NULL)
    {
      cell = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (placed->cells, key, cell);
    }
  g_array_append_val (cell, index);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const AtlasBadge *badges = user_data;
  const AtlasBadge *x = &badges[*(const int *) a], *y = &badges[*(const int *) b];

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  /* equal counts: the input order, so the layout does not depend on the sort */
  return *(const int *) a - *(const int *) b;
}

/**
 * atlas_badge_radius_for_count:
 * @count: the incidents a badge stands for
 *
 * Returns: the radius a badge of @count wants, in pixels, before its neighbours are
 *   taken into account: growing with the number of digits, from 12 to 24 px
 */
double
atlas_badge_radius_for_count (guint count)
{
  return MIN (ATLAS_BADGE_MAX_RADIUS, 12 + 3 * log10 (MAX (count, 1)));
}

/**
 * atlas_badge_layout_place:
 * @badges: (array length=n_badges): the badges, with their positions, counts and wanted
 *   radii; their radii, counts and merged_into are set
 * @n_badges: how many
 * @fixed_radius: badges of count 1 are symbols of this radius, which never shrink: one in
 *   the way of a larger badge is counted in it
 *
 * Sizes the badges so that no two drawn ones (merged_into == -1) overlap, even by their
 * bounding squares with their stroke, with ATLAS_BADGE_GAP between them; none is smaller
 * than ATLAS_BADGE_MIN_RADIUS or larger than ATLAS_BADGE_MAX_RADIUS, and the counts of
 * the drawn badges add up to those given. Symbols of count 1 may overlap one another (two
 * incidents at one place stay two).
 */
void
atlas_badge_layout_place (AtlasBadge *badges,
                          gsize       n_badges,
                          double      fixed_radius)
{
  g_autofree int *order = g_new (int, MAX (n_badges, 1));
  Placed placed = { badges, NULL };

  g_return_if_fail (badges != NULL || n_badges == 0);
  g_return_if_fail (n_badges <= G_MAXINT);

  placed.cells = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) g_array_unref);
  for (gsize i = 0; i < n_badges; i++)
    {
      order[i] = (int) i;
      badges[i].merged_into = -1;
      if (badges[i].count <= 1)
        badges[i].radius = fixed_radius;
    }
  g_qsort_with_data (order, (int) n_badges, sizeof (int), compare_by_count, badges);

  for (gsize k = 0; k < n_badges; k++)
    {
      AtlasBadge *badge = &badges[order[k]];
      int nearest;
      double room = free_radius (&placed, badge, &nearest);

      if (badge->count <= 1 && room < fixed_radius && nearest >= 0
          && badges[nearest].count > 1)
        ;  /* a symbol in a badge's way: counted in it */
      else if (badge->count <= 1 || room >= ATLAS_BADGE_MIN_RADIUS || nearest < 0)
        {
          if (badge->count > 1)
            badge->radius = MAX (room, ATLAS_BADGE_MIN_RADIUS);
          place (&placed, order[k]);
          continue;
        }

      badge->merged_into = nearest;
      badges[nearest].count += badge->count;
    }

  g_hash_table_unref (placed.cells);
}
