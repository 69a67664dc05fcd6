/* atlas-cluster-index-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of AtlasClusterIndex share: its storage, the projection to quantised Web
 * Mercator units and the grids its levels are sorted by. See atlas-cluster-index.c.
 */

#pragma once

#include <math.h>

#include "atlas-cluster-index.h"

G_BEGIN_DECLS

/* Quantised units per side of the world. */
#define WORLD_UNITS        4294967296.0
#define MAX_LATITUDE       85.0511287798066
/* A node's x is kept in its sort key to 1/2^X_BUCKET_BITS of a row. */
#define X_BUCKET_BITS      6
/* References tell points from clusters in 32 bits by CLUSTER_REF (there are fewer clusters
 * than points), and category counts are found by 32-bit offsets. */
#define MAX_POINTS         ((gsize) 1 << 30)
#define CLUSTER_REF        ((guint32) 1 << 31)
/* A node added by an update, whose parent the update has still to find. */
#define NO_PARENT          G_MAXUINT32

typedef struct
{
  guint32 x;
  guint32 y;
} Position;

/* 24 bytes: the mix fills what was padding, and four bytes more. */
typedef struct
{
  Position position;
  guint32  count;
  guint32  category_mask;
  guint16  category;
  guint8   zoom;           /* the highest zoom at which it is drawn */
  guint8   mix_low;        /* MIX_STORED shares of MIX_BITS bits: the low 8 bits, */
  guint32  mix_high;       /* then the next 28 */
} Cluster;

#define MIX_BITS   6
#define MIX_STORED (ATLAS_CLUSTER_MIX_SIZE - 1)

/* Sort order of a level: rows of 2^row_shift units, then x in buckets of 2^x_shift. */
typedef struct
{
  guint row_shift;
  guint x_shift;
  guint x_bits;
} Grid;

/* How many of each category a cluster holds. */
typedef struct
{
  guint16 category;
  guint32 count;
} CategoryCount;

/* Where a cluster's category counts are in the index's hist. */
typedef struct
{
  guint32 offset;
  guint32 length;
} Span;

/* What a node became in the level below, when that is not itself. */
typedef struct
{
  guint32 ref;
  guint32 parent;
} ParentEntry;

typedef struct
{
  guint32 *refs;           /* NULL: the points, in order (until an update) */
  gsize    n_refs;
  gsize    capacity;       /* of refs, once an update has grown them */
  /* ParentEntry by ref, for the nodes that merged into a cluster below (most are kept as
   * they are, and a sparse map of the rest takes a third of an array of every parent);
   * NULL at zoom 0 */
  GArray  *merged;
  Grid     grid;
} Level;

struct _AtlasClusterIndex
{
  GObject   parent_instance;

  double    radius_px;
  int       max_zoom;
  gsize     n_skipped;

  /* A reference without CLUSTER_REF is a point: at first in the order of level
   * max_zoom + 1; an update appends those it adds and leaves a removed one's slot unused. */
  gsize     n_points;      /* in the index */
  gsize     n_slots;       /* of the arrays below */
  gsize     slot_capacity;
  Position *point_positions;
  gint64   *point_ids;
  guint16  *point_categories;

  /* A reference r with CLUSTER_REF is clusters[r & ~CLUSTER_REF], its category counts at
   * spans[r & ~CLUSTER_REF] in hist (which the updates need). An update appends the
   * clusters it makes; those it replaces stay, unreferenced (n_dead of them). */
  gsize     n_clusters;
  gsize     cluster_capacity;
  Cluster  *clusters;
  Span     *spans;
  GArray   *hist;          /* CategoryCount */
  gsize     n_dead;

  Level    *levels;        /* max_zoom + 2 of them */
  guint     n_split_levels; /* how many levels were swept in two parts, for the tests */
};


/* Projection and grids */

static inline guint32
quantize (double unit)
{
  double scaled = floor (unit * WORLD_UNITS);

  if (!(scaled > 0))
    return 0;
  if (scaled >= G_MAXUINT32)
    return G_MAXUINT32;
  return (guint32) scaled;
}

static inline guint32
x_from_longitude (double longitude)
{
  return quantize ((longitude + 180.0) / 360.0);
}

static inline guint32
y_from_latitude (double latitude)
{
  double s = sin (CLAMP (latitude, -MAX_LATITUDE, MAX_LATITUDE) * G_PI / 180.0);

  return quantize (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI));
}

static inline double
longitude_from_x (guint32 x)
{
  return (x + 0.5) / WORLD_UNITS * 360.0 - 180.0;
}

static inline double
latitude_from_y (guint32 y)
{
  return atan (sinh (G_PI * (1 - 2 * ((y + 0.5) / WORLD_UNITS)))) * 180.0 / G_PI;
}

/* The radius in quantised units at @zoom: radius_px of a 256 px tile, 2^zoom tiles. */
static inline double
radius_units (AtlasClusterIndex *self,
              int                zoom)
{
  return ldexp (self->radius_px, 24 - zoom);
}

static inline Grid
grid_for_zoom (AtlasClusterIndex *self,
               int                zoom)
{
  double radius = radius_units (self, zoom);
  Grid grid;
  guint shift = 0;

  while (shift < 32 && ldexp (1.0, shift) < radius)
    shift++;

  grid.row_shift = shift;
  grid.x_shift = shift > X_BUCKET_BITS ? shift - X_BUCKET_BITS : 0;
  grid.x_bits = 32 - grid.x_shift;
  return grid;
}

static inline gboolean
ref_is_cluster (guint32 ref)
{
  return (ref & CLUSTER_REF) != 0;
}

static inline guint32
cluster_of (guint32 ref)
{
  return ref & ~CLUSTER_REF;
}

static inline Position
ref_position (AtlasClusterIndex *self,
              guint32            ref)
{
  if (ref_is_cluster (ref))
    return self->clusters[cluster_of (ref)].position;
  return self->point_positions[ref];
}

static inline guint32
ref_count (AtlasClusterIndex *self,
           guint32            ref)
{
  return ref_is_cluster (ref) ? self->clusters[cluster_of (ref)].count : 1;
}

static inline guint32
level_ref (const Level *level,
           gsize        i)
{
  return level->refs != NULL ? level->refs[i] : (guint32) i;
}

/* Where @ref's entry is in level->merged, or where it would go. */
static inline guint
merged_position (const Level *level,
                 guint32      ref,
                 gboolean    *found)
{
  const ParentEntry *entries = (const ParentEntry *) level->merged->data;
  guint low = 0, high = level->merged->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (entries[middle].ref < ref)
        low = middle + 1;
      else
        high = middle;
    }
  *found = low < level->merged->len && entries[low].ref == ref;
  return low;
}

/* What node @i of @level became in the level below: itself, a cluster, or NO_PARENT. */
static inline guint32
level_parent (const Level *level,
              gsize        i)
{
  guint32 ref = level_ref (level, i);
  gboolean found;
  guint position = merged_position (level, ref, &found);

  return found ? g_array_index (level->merged, ParentEntry, position).parent : ref;
}

static inline void
level_set_parent (Level   *level,
                  guint32  ref,
                  guint32  parent)
{
  gboolean found;
  guint position = merged_position (level, ref, &found);
  ParentEntry entry = { ref, parent };

  if (found && parent == ref)
    g_array_remove_index (level->merged, position);
  else if (found)
    g_array_index (level->merged, ParentEntry, position).parent = parent;
  else if (parent != ref)
    g_array_insert_val (level->merged, position, entry);
}

static inline guint64
grid_row (const Grid *grid,
          Position    position)
{
  return (guint64) position.y >> grid->row_shift;
}

static inline guint64
grid_key (const Grid *grid,
          Position    position)
{
  return (grid_row (grid, position) << grid->x_bits) | (position.x >> grid->x_shift);
}

static inline guint
grid_key_bits (const Grid *grid)
{
  return 32 - grid->row_shift + grid->x_bits;
}

static inline gboolean
positions_within (Position a,
                  Position b,
                  double   radius_squared)
{
  double dx = (double) a.x - (double) b.x;
  double dy = (double) a.y - (double) b.y;

  return dx * dx + dy * dy <= radius_squared;
}

/* The keys a seed at @position may take from: up to @last_own in its own row, and from
 * @first_next to @last_next in the next row (rows are at least @radius tall). */
static inline void
neighbour_keys (const Grid *grid,
                Position    position,
                double      radius,
                guint64    *first_next,
                guint64    *last_next,
                guint64    *last_own)
{
  guint64 x_mask = (G_GUINT64_CONSTANT (1) << grid->x_bits) - 1;
  guint64 key = grid_key (grid, position);
  guint64 row = key >> grid->x_bits;
  guint64 bucket = key & x_mask;
  guint64 half_width = ((guint64) radius >> grid->x_shift) + 1;
  guint64 next_row = (row + 1) << grid->x_bits;

  *first_next = next_row | (bucket > half_width ? bucket - half_width : 0);
  *last_next = next_row | MIN (bucket + half_width, x_mask);
  *last_own = (row << grid->x_bits) | MIN (bucket + half_width, x_mask);
}

/* Whether @row is the last of @grid, with no row below it. */
static inline gboolean
grid_last_row (const Grid *grid,
               guint64     row)
{
  return row == (G_GUINT64_CONSTANT (1) << (32 - grid->row_shift)) - 1;
}


gboolean           _atlas_cluster_index_build             (AtlasClusterIndex    *self,
                                                           const AtlasMapPoint  *points,
                                                           gsize                 n_points,
                                                           gboolean              threaded,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
AtlasClusterIndex *_atlas_cluster_index_new_with_threads  (const AtlasMapPoint  *points,
                                                           gsize                 n_points,
                                                           double                radius_px,
                                                           int                   max_zoom,
                                                           gboolean              threaded,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

void               _atlas_cluster_index_finish_cluster    (Cluster              *cluster,
                                                           const CategoryCount  *counts,
                                                           guint                 n_counts);

G_END_DECLS
