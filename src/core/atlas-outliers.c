/* atlas-outliers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule for incidents that are probably misplaced. A few rows of an imported file
 * often lie at 0,0 or on the world's edge (a missing or swapped coordinate), or far from all
 * the others; framed with them, a case opens at world zoom. The map's opening view
 * (atlas_map_framing_main_extent()) leaves them out and the import dialog lists them, so the
 * two always agree.
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-outliers.h"

/* Positions within this of 0,0 or of the world's edge, in Web Mercator units, are suspect. */
#define SUSPECT_EPSILON 1e-7
/* Latitudes past ±85° lie off the map's square: y within this of 0 or 1. */
#define SUSPECT_EDGE_Y 0.0015
/* A position is far from the others beyond this many median deviations from their median,
 * and at least this far (10 degrees of longitude). */
#define FAR_DEVIATIONS 8.0
#define FAR_MIN_REACH (10.0 / 360.0)
/* Far positions count as outliers only while they hold at most this share of the
 * incidents: more than that is a second area, not a mistake. */
#define FAR_MAX_SHARE 0.05

typedef struct {
  double value;
  guint  count;
} Weighted;

static int
compare_weighted (gconstpointer a,
                  gconstpointer b)
{
  double va = ((const Weighted *) a)->value, vb = ((const Weighted *) b)->value;

  return (va > vb) - (va < vb);
}

/* The median of @values weighted by their counts; sorts them. */
static double
weighted_median (GArray *values,
                 guint64 total)
{
  guint64 seen = 0;

  g_array_sort (values, compare_weighted);
  for (guint i = 0; i < values->len; i++)
    {
      seen += g_array_index (values, Weighted, i).count;
      if (2 * seen >= total)
        return g_array_index (values, Weighted, i).value;
    }
  return 0.5;
}

/**
 * atlas_outlier_at:
 * @x: a position in Web Mercator units, 0 to 1 from west to east
 * @y: 0 to 1 from north to south
 *
 * Returns: whether the position is at 0,0 or on the world's edge, where a coordinate that
 *   was missing or wrong puts a row; never %ATLAS_OUTLIER_FAR, which depends on the others
 */
AtlasOutlier
atlas_outlier_at (double x,
                  double y)
{
  if (fabs (x - 0.5) < SUSPECT_EPSILON && fabs (y - 0.5) < SUSPECT_EPSILON)
    return ATLAS_OUTLIER_AT_ORIGIN;
  if (x < SUSPECT_EPSILON || x > 1 - SUSPECT_EPSILON
      || y < SUSPECT_EDGE_Y || y > 1 - SUSPECT_EDGE_Y)
    return ATLAS_OUTLIER_ON_EDGE;
  return ATLAS_OUTLIER_NONE;
}

/**
 * atlas_outlier_describe:
 *
 * Returns: why a row looks misplaced, for people, or %NULL for %ATLAS_OUTLIER_NONE
 */
const char *
atlas_outlier_describe (AtlasOutlier outlier)
{
  switch (outlier)
    {
    case ATLAS_OUTLIER_AT_ORIGIN:
      return _("at 0°, 0° (often a missing location)");
    case ATLAS_OUTLIER_ON_EDGE:
      return _("on the edge of the world (±180° / ±90°)");
    case ATLAS_OUTLIER_FAR:
      return _("far outside where the other rows lie");
    case ATLAS_OUTLIER_NONE:
    default:
      return NULL;
    }
}

/* The median and the median deviation from it of one axis of the positions not yet found
 * to be outliers. */
static void
axis_spread (const AtlasClusterPosition *positions,
             guint                       n_positions,
             const AtlasOutlier         *outliers,
             gboolean                    vertical,
             double                     *median,
             double                     *deviation)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (Weighted));
  guint64 total = 0;

  for (guint i = 0; i < n_positions; i++)
    if (outliers[i] == ATLAS_OUTLIER_NONE)
      {
        Weighted w = { vertical ? positions[i].y : positions[i].x, positions[i].count };

        g_array_append_val (values, w);
        total += w.count;
      }
  *median = weighted_median (values, total);
  for (guint i = 0; i < values->len; i++)
    g_array_index (values, Weighted, i).value =
      fabs (g_array_index (values, Weighted, i).value - *median);
  *deviation = weighted_median (values, total);
}

/* Marks the positions far from the others as outliers, if they are few. */
static void
find_far (const AtlasClusterPosition *positions,
          guint                       n_positions,
          AtlasOutlier               *outliers,
          guint64                     total)
{
  g_autofree gboolean *far = g_new0 (gboolean, n_positions);
  double median_x, median_y, deviation_x, deviation_y, reach_x, reach_y;
  guint64 n_far = 0;

  axis_spread (positions, n_positions, outliers, FALSE, &median_x, &deviation_x);
  axis_spread (positions, n_positions, outliers, TRUE, &median_y, &deviation_y);
  reach_x = MAX (FAR_MIN_REACH, FAR_DEVIATIONS * deviation_x);
  reach_y = MAX (FAR_MIN_REACH, FAR_DEVIATIONS * deviation_y);
  for (guint i = 0; i < n_positions; i++)
    {
      far[i] = outliers[i] == ATLAS_OUTLIER_NONE
               && (fabs (positions[i].x - median_x) > reach_x
                   || fabs (positions[i].y - median_y) > reach_y);
      n_far += far[i] ? positions[i].count : 0;
    }
  if (n_far > FAR_MAX_SHARE * total)
    return;
  for (guint i = 0; i < n_positions; i++)
    if (far[i])
      outliers[i] = ATLAS_OUTLIER_FAR;
}

/**
 * atlas_outliers_find:
 * @positions: (array length=n_positions): where the incidents are, as clusters with counts
 *   (a count of 1 for each incident on its own)
 * @n_outliers: (out) (optional): how many incidents the outliers hold
 *
 * Finds the positions at 0,0 or on the world's edge (unless all are), then those far from
 * all the others, as long as they hold at most a twentieth of the incidents.
 *
 * Returns: (transfer full) (array length=n_positions): what each position is
 */
AtlasOutlier *
atlas_outliers_find (const AtlasClusterPosition *positions,
                     guint                       n_positions,
                     guint64                    *n_outliers)
{
  AtlasOutlier *outliers = g_new0 (AtlasOutlier, n_positions);
  guint64 total = 0, found = 0;
  gboolean any_sound = FALSE;

  g_return_val_if_fail (positions != NULL || n_positions == 0, outliers);

  for (guint i = 0; i < n_positions; i++)
    {
      outliers[i] = atlas_outlier_at (positions[i].x, positions[i].y);
      any_sound = any_sound || outliers[i] == ATLAS_OUTLIER_NONE;
      total += positions[i].count;
    }
  /* when every row is at 0,0 or on the edge, that is where the case is */
  for (guint i = 0; i < n_positions && !any_sound; i++)
    outliers[i] = ATLAS_OUTLIER_NONE;
  if (any_sound)
    find_far (positions, n_positions, outliers, total);

  for (guint i = 0; i < n_positions; i++)
    found += outliers[i] != ATLAS_OUTLIER_NONE ? positions[i].count : 0;
  if (n_outliers != NULL)
    *n_outliers = found;
  return outliers;
}
