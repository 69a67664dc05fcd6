/* atlas-cluster-index.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clusters of incidents for every zoom level, built once and then only read.
 *
 * Points are projected to Web Mercator and quantised to 32 bits per axis (about 1 cm).
 * Level max_zoom + 1 is the points themselves. Each lower level z is made from the level
 * above it the way supercluster does: take the next node not yet taken as a seed, gather
 * every free node within the radius of it, and replace them by one cluster at their
 * weighted centre, with their summed category counts. Seeds are visited in the order of a
 * grid whose rows are at least the radius, so every node before the seed is taken already
 * and the free neighbours lie in two contiguous runs of the sorted array (the rest of the
 * seed's row, and a window of the next row): each level is one linear sweep, with no tree.
 *
 * A level is stored as an array of 32-bit references (a point, or a cluster record) sorted
 * by (row, x), its rows twice as tall as those it was built in. That is the order the next
 * level down is built in, and it is cheap to reach: the nodes that did not merge only need
 * each pair of rows merged, and just the new clusters are radix-sorted. A bounding-box
 * query is a galloping search per non-empty row and a scan of the hits.
 *
 * Two threads: the points are projected and sorted in two halves that are then merged, and
 * a level is swept in two parts when there is a row near its middle that no node of the
 * row before can reach. Either way the result is the same as with one thread.
 *
 * A cluster keeps the mix of its categories for the ring of its badge: the share of each bit
 * of its category mask in 63ths, six bits each for the first six (the seventh is what they
 * leave), in the byte of padding and four bytes more than its most common category alone.
 *
 * Memory: 18 bytes per point, 24 per cluster, 4 per node per level where it is drawn.
 * Nothing is written after construction, so queries may run in any thread at once.
 */

#define G_LOG_DOMAIN "atlas-cluster-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-cluster-index.h"

/* Quantised units per side of the world. */
#define WORLD_UNITS        4294967296.0
#define MAX_LATITUDE       85.0511287798066
/* A node's x is kept in its sort key to 1/2^X_BUCKET_BITS of a row. */
#define X_BUCKET_BITS      6
#define RADIX_BITS         11
#define RADIX_SIZE         (1 << RADIX_BITS)
#define CANCEL_CHECK_MASK  0xffff
/* References tell points from clusters in 32 bits (there are fewer clusters than points),
 * and category counts are found by 32-bit offsets. */
#define MAX_POINTS         ((gsize) 1 << 30)
/* Below this many nodes a second thread costs more than it saves. */
#define PARALLEL_THRESHOLD 100000
/* How many rows past the middle of a level to look for a place to split it. */
#define SPLIT_TRIES        64

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

typedef struct
{
  guint32 *refs;           /* NULL: the points, in order */
  gsize    n_refs;
  Grid     grid;
} Level;

struct _AtlasClusterIndex
{
  GObject   parent_instance;

  double    radius_px;
  int       max_zoom;
  gsize     n_skipped;

  /* Points in the order of level max_zoom + 1; a reference below n_points is one. */
  gsize     n_points;
  Position *point_positions;
  gint64   *point_ids;
  guint16  *point_categories;

  /* A reference r ≥ n_points is clusters[r - n_points]. */
  gsize     n_clusters;
  Cluster  *clusters;

  Level    *levels;        /* max_zoom + 2 of them */
};

G_DEFINE_FINAL_TYPE (AtlasClusterIndex, atlas_cluster_index, G_TYPE_OBJECT)

/* Projection and grids */

static guint32
quantize (double unit)
{
  double scaled = floor (unit * WORLD_UNITS);

  if (!(scaled > 0))
    return 0;
  if (scaled >= G_MAXUINT32)
    return G_MAXUINT32;
  return (guint32) scaled;
}

static guint32
x_from_longitude (double longitude)
{
  return quantize ((longitude + 180.0) / 360.0);
}

static guint32
y_from_latitude (double latitude)
{
  double s = sin (CLAMP (latitude, -MAX_LATITUDE, MAX_LATITUDE) * G_PI / 180.0);

  return quantize (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI));
}

static double
longitude_from_x (guint32 x)
{
  return (x + 0.5) / WORLD_UNITS * 360.0 - 180.0;
}

static double
latitude_from_y (guint32 y)
{
  return atan (sinh (G_PI * (1 - 2 * ((y + 0.5) / WORLD_UNITS)))) * 180.0 / G_PI;
}

/* The radius in quantised units at @zoom: radius_px of a 256 px tile, 2^zoom tiles. */
static double
radius_units (AtlasClusterIndex *self,
              int                zoom)
{
  return ldexp (self->radius_px, 24 - zoom);
}

static Grid
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

static guint
grid_key_bits (const Grid *grid)
{
  return 32 - grid->row_shift + grid->x_bits;
}

/* Building */

typedef struct
{
  Position position;
  guint32  ref;
  guint32  count;
} Node;

typedef struct
{
  guint16 category;
  guint32 count;
} CategoryCount;

typedef struct
{
  guint32 offset;
  guint32 length;
} Span;

typedef struct _Builder Builder;

/* One thread's share of merging a level: it seeds nodes[begin, end) and takes neighbours
 * only before end. It reads what the levels above made and writes only its own. */
typedef struct
{
  Builder  *builder;
  int       zoom;
  gsize     begin;
  gsize     end;
  gboolean  cancelled;

  Node     *kept;            /* nodes that merged with nothing, in order */
  gsize     n_kept;
  Node     *fresh;           /* new clusters; refs count from this sweep's first cluster */
  gsize     n_fresh;
  guint32  *members;         /* indices of the nodes being merged */
  gsize     n_members;

  GArray   *clusters;        /* Cluster */
  GArray   *spans;           /* Span per cluster, into hist */
  GArray   *hist;            /* CategoryCount */
  gsize     live_entries;    /* category counts of the clusters it passes down */
  guint32  *tally;           /* per category, zero between merges */
  guint16  *touched;         /* the categories with a non-zero tally */
  guint     n_touched;
} Sweep;

struct _Builder
{
  AtlasClusterIndex *self;
  GCancellable      *cancellable;

  /* the nodes of the level being merged, in the order of its grid; spare is as large */
  Node              *nodes;
  Node              *spare;
  gsize              n_nodes;
  /* clusters made by merging, at most half as many as there are nodes */
  Node              *fresh;
  Node              *fresh_spare;
  gsize              n_fresh;
  guint8            *taken;
  guint32           *members;

  GArray            *clusters;     /* Cluster */
  GArray            *spans;        /* Span per cluster: where its category counts are */
  GArray            *hist;         /* CategoryCount, compacted now and then */
  gsize              live_entries; /* how much of hist the live clusters use */
  Sweep              sweeps[2];
};

static void
sweep_init (Sweep   *s,
            Builder *b)
{
  s->builder = b;
  s->clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  s->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  s->hist = g_array_new (FALSE, FALSE, sizeof (CategoryCount));
  s->tally = g_new0 (guint32, G_MAXUINT16 + 1);
  s->touched = g_new (guint16, G_MAXUINT16 + 1);
}

static void
sweep_clear (Sweep *s)
{
  g_clear_pointer (&s->clusters, g_array_unref);
  g_clear_pointer (&s->spans, g_array_unref);
  g_clear_pointer (&s->hist, g_array_unref);
  g_clear_pointer (&s->tally, g_free);
  g_clear_pointer (&s->touched, g_free);
}

static void
builder_init (Builder           *b,
              AtlasClusterIndex *self,
              gsize              n_nodes,
              GCancellable      *cancellable)
{
  gsize size = MAX (n_nodes, 1);

  memset (b, 0, sizeof *b);
  b->self = self;
  b->cancellable = cancellable;
  b->nodes = g_new (Node, size);
  b->spare = g_new (Node, size);
  b->fresh = g_new (Node, size / 2 + 1);
  b->fresh_spare = g_new (Node, size / 2 + 1);
  b->taken = g_new (guint8, size);
  b->members = g_new (guint32, size);
  b->clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  b->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  b->hist = g_array_new (FALSE, FALSE, sizeof (CategoryCount));
  sweep_init (&b->sweeps[0], b);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->nodes, g_free);
  g_clear_pointer (&b->spare, g_free);
  g_clear_pointer (&b->fresh, g_free);
  g_clear_pointer (&b->fresh_spare, g_free);
  g_clear_pointer (&b->taken, g_free);
  g_clear_pointer (&b->members, g_free);
  g_clear_pointer (&b->clusters, g_array_unref);
  g_clear_pointer (&b->spans, g_array_unref);
  g_clear_pointer (&b->hist, g_array_unref);
  sweep_clear (&b->sweeps[0]);
  sweep_clear (&b->sweeps[1]);
}

/* Runs @func on @first and @second, in two threads if @threaded. */
static void
run_pair (GThreadFunc func,
          gpointer    first,
          gpointer    second,
          gboolean    threaded)
{
  GThread *thread;

  if (!threaded)
    {
      func (first);
      func (second);
      return;
    }

  thread = g_thread_new ("atlas-cluster-index", func, second);
  func (first);
  g_thread_join (thread);
}

static inline guint64
node_key (const Grid *grid,
          const Node *node)
{
  return grid_key (grid, node->position);
}

static inline guint
radix_digit (guint64 key,
             guint   pass)
{
  return (key >> (pass * RADIX_BITS)) & (RADIX_SIZE - 1);
}

/* A stable LSD radix sort by @grid, ping-ponging between @nodes and @tmp; returns
 * whichever of the two holds the result. */
static Node *
radix_sort_nodes (Node       *nodes,
                  Node       *tmp,
                  gsize       n,
                  const Grid *grid)
{
  guint n_passes = (grid_key_bits (grid) + RADIX_BITS - 1) / RADIX_BITS;
  g_autofree gsize *counts = g_new0 (gsize, (gsize) n_passes * RADIX_SIZE);

  for (gsize i = 0; i < n; i++)
    {
      guint64 key = node_key (grid, &nodes[i]);

      for (guint pass = 0; pass < n_passes; pass++)
        counts[pass * RADIX_SIZE + radix_digit (key, pass)]++;
    }

  for (guint pass = 0; pass < n_passes && n > 0; pass++)
    {
      gsize *count = &counts[pass * RADIX_SIZE];
      gsize offset = 0;
      Node *swap;

      /* every key has the same digit here: nothing to move */
      if (count[radix_digit (node_key (grid, &nodes[0]), pass)] == n)
        continue;

      for (guint digit = 0; digit < RADIX_SIZE; digit++)
        {
          gsize c = count[digit];

          count[digit] = offset;
          offset += c;
        }

      for (gsize i = 0; i < n; i++)
        tmp[count[radix_digit (node_key (grid, &nodes[i]), pass)]++] = nodes[i];

      swap = nodes;
      nodes = tmp;
      tmp = swap;
    }

  return nodes;
}

/* Merges two runs sorted by @grid into @out, @a first among equals. */
static void
merge_runs (const Node *a,
            gsize       n_a,
            const Node *b,
            gsize       n_b,
            const Grid *grid,
            Node       *out)
{
  gsize i = 0, j = 0;

  if (n_a > 0 && n_b > 0)
    {
      guint64 key_a = node_key (grid, &a[0]);
      guint64 key_b = node_key (grid, &b[0]);

      for (;;)
        {
          if (key_a <= key_b)
            {
              *out++ = a[i++];
              if (i == n_a)
                break;
              key_a = node_key (grid, &a[i]);
            }
          else
            {
              *out++ = b[j++];
              if (j == n_b)
                break;
              key_b = node_key (grid, &b[j]);
            }
        }
    }

  memcpy (out, a + i, (n_a - i) * sizeof (Node));
  memcpy (out + (n_a - i), b + j, (n_b - j) * sizeof (Node));
}

/* Reorders @in, sorted by @from, into @out sorted by @to, a grid whose rows are one or two
 * of @from's rows: then it is enough to merge each pair of rows. */
static void
merge_row_pairs (const Node *in,
                 gsize       n,
                 const Grid *from,
                 const Grid *to,
                 Node       *out)
{
  gsize i = 0;

  g_assert (to->row_shift <= from->row_shift + 1 && to->x_shift >= from->x_shift);

  while (i < n)
    {
      guint64 row = grid_row (from, in[i].position);
      guint64 pair = grid_row (to, in[i].position);
      gsize split = i, end;

      while (split < n && grid_row (from, in[split].position) == row)
        split++;
      end = split;
      while (end < n && grid_row (to, in[end].position) == pair)
        end++;

      merge_runs (in + i, split - i, in + split, end - split, to, out + i);
      i = end;
    }
}

static gboolean
point_is_valid (const AtlasMapPoint *point)
{
  return isfinite (point->latitude) && isfinite (point->longitude)
         && point->latitude >= -90.0 && point->latitude <= 90.0
         && point->longitude >= -180.0 && point->longitude <= 180.0;
}

typedef struct
{
  Builder             *builder;
  const AtlasMapPoint *points;
  const Grid          *grid;
  gsize                begin;       /* a range of @points, and where its nodes go */
  gsize                end;
  gsize                n_valid;
  Node                *sorted;
  gboolean             cancelled;
} PointsJob;

/* Projects the valid points of a range into b->spare and sorts them. */
static gpointer
project_points_job (gpointer data)
{
  PointsJob *job = data;
  Builder *b = job->builder;
  Node *out = b->spare + job->begin;
  gsize n = 0;

  for (gsize i = job->begin; i < job->end; i++)
    {
      const AtlasMapPoint *point = &job->points[i];

      if ((i & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (b->cancellable))
        {
          job->cancelled = TRUE;
          return NULL;
        }
      if (!point_is_valid (point))
        continue;

      out[n].position.x = x_from_longitude (point->longitude);
      out[n].position.y = y_from_latitude (point->latitude);
      out[n].ref = (guint32) i;
      out[n].count = 1;
      n++;
    }

  job->n_valid = n;
  job->sorted = radix_sort_nodes (out, b->nodes + job->begin, n, job->grid);
  if (job->sorted != out)
    job->sorted = memcpy (out, job->sorted, n * sizeof (Node));
  return NULL;
}

/* Copies a range of the sorted points into the index; their nodes then refer to that. */
static gpointer
store_points_job (gpointer data)
{
  PointsJob *job = data;
  AtlasClusterIndex *self = job->builder->self;
  Node *nodes = job->builder->nodes;

  for (gsize i = job->begin; i < job->end; i++)
    {
      const AtlasMapPoint *point = &job->points[nodes[i].ref];

      self->point_positions[i] = nodes[i].position;
      self->point_ids[i] = point->id;
      self->point_categories[i] = point->category;
      nodes[i].ref = (guint32) i;
    }

  return NULL;
}

/* Makes the nodes of level max_zoom + 1: the valid points, sorted, in b->nodes. Each half
 * of the input is projected and sorted on its own (in its own thread when that pays), and
 * the halves merged: the same result as one stable sort. */
static gboolean
builder_add_points (Builder              *b,
                    const AtlasMapPoint  *points,
                    gsize                 n_points,
                    GError              **error)
{
  AtlasClusterIndex *self = b->self;
  const Grid *grid = &self->levels[self->max_zoom + 1].grid;
  gboolean threaded = n_points >= PARALLEL_THRESHOLD;
  PointsJob jobs[2] = {
    { b, points, grid, 0, n_points / 2, 0, NULL, FALSE },
    { b, points, grid, n_points / 2, n_points, 0, NULL, FALSE },
  };
  gsize n;

  run_pair (project_points_job, &jobs[0], &jobs[1], threaded);
  if ((jobs[0].cancelled || jobs[1].cancelled)
      && g_cancellable_set_error_if_cancelled (b->cancellable, error))
    return FALSE;

  n = jobs[0].n_valid + jobs[1].n_valid;
  merge_runs (jobs[0].sorted, jobs[0].n_valid, jobs[1].sorted, jobs[1].n_valid, grid,
              b->nodes);
  b->n_nodes = n;

  self->n_points = n;
  self->n_skipped = n_points - n;
  self->levels[self->max_zoom + 1].n_refs = n;
  self->point_positions = g_new (Position, MAX (n, 1));
  self->point_ids = g_new (gint64, MAX (n, 1));
  self->point_categories = g_new (guint16, MAX (n, 1));

  jobs[0].begin = 0;
  jobs[0].end = jobs[1].begin = n / 2;
  jobs[1].end = n;
  run_pair (store_points_job, &jobs[0], &jobs[1], threaded);
  return TRUE;
}

static inline void
tally_add (Sweep   *s,
           guint16  category,
           guint32  count)
{
  if (s->tally[category] == 0)
    s->touched[s->n_touched++] = category;
  s->tally[category] += count;
}

/* Counts the categories of a node of the level above. */
static void
tally_node (Sweep      *s,
            const Node *node)
{
  Builder *b = s->builder;
  const Span *span;

  if (node->ref < b->self->n_points)
    {
      tally_add (s, b->self->point_categories[node->ref], 1);
      return;
    }

  span = &g_array_index (b->spans, Span, node->ref - b->self->n_points);
  for (guint32 k = 0; k < span->length; k++)
    {
      const CategoryCount *entry = &g_array_index (b->hist, CategoryCount, span->offset + k);

      tally_add (s, entry->category, entry->count);
    }
}

/* Shares of 63 for @counts of @n bits, adding up to @count: rounded down, then the
 * remainder given to the largest remainders (ties to the lower bit) when every category
 * has a share; with more categories than a mix holds the rest stays "other". */
static void
quantise_mix (const guint32 *counts,
              guint          n,
              guint32        count,
              guint8        *shares)
{
  guint32 remainders[32];
  guint left = ATLAS_CLUSTER_MIX_WHOLE;

  /* counts stay below 2^30: the scaled count of a cluster under 2^26 fits 32 bits, whose
   * division is the cheaper */
  for (guint k = 0; k < n; k++)
    if (count <= G_MAXUINT32 / ATLAS_CLUSTER_MIX_WHOLE)
      {
        guint32 scaled = counts[k] * ATLAS_CLUSTER_MIX_WHOLE;

        shares[k] = (guint8) (scaled / count);
        remainders[k] = scaled % count;
      }
    else
      {
        guint64 scaled = (guint64) counts[k] * ATLAS_CLUSTER_MIX_WHOLE;

        shares[k] = (guint8) (scaled / count);
        remainders[k] = (guint32) (scaled % count);
      }
  for (guint k = 0; k < n; k++)
    left -= shares[k];
  if (n > ATLAS_CLUSTER_MIX_SIZE)
    return;

  while (left-- > 0)
    {
      guint best = 0;

      for (guint k = 1; k < n; k++)
        if (remainders[k] > remainders[best])
          best = k;
      shares[best]++;
      remainders[best] = 0;
    }
}

/* The lowest bit set in @mask, which is not 0. */
static inline guint
lowest_bit (guint32 mask)
{
#ifdef __GNUC__
  return (guint) __builtin_ctz (mask);
#else
  return (guint) g_bit_nth_lsf (mask, -1);
#endif
}

/* Packs the mix of @cluster from the counts per bit of its category mask; only the bits
 * of the mask are read. */
static void
set_mix (Cluster       *cluster,
         const guint32  bit_counts[32])
{
  guint32 counts[32];
  guint8 shares[32];
  guint64 packed = 0;
  guint n = 0;

  for (guint32 mask = cluster->category_mask; mask != 0; mask &= mask - 1)
    counts[n++] = bit_counts[lowest_bit (mask)];
  quantise_mix (counts, n, cluster->count, shares);
  for (guint k = 0; k < MIN (n, MIX_STORED); k++)
    packed |= (guint64) shares[k] << (k * MIX_BITS);
  cluster->mix_low = (guint8) packed;
  cluster->mix_high = (guint32) (packed >> 8);
}

/* Moves the tally to the end of s->hist; sets the category, mask and mix of @cluster,
 * whose count is known. */
static Span
tally_flush (Sweep   *s,
             Cluster *cluster)
{
  Span span = { s->hist->len, s->n_touched };
  guint32 bit_counts[32];   /* set where the mask is */
  CategoryCount *entries;
  guint32 best = 0;

  g_array_set_size (s->hist, s->hist->len + s->n_touched);
  entries = &g_array_index (s->hist, CategoryCount, span.offset);

  for (guint k = 0; k < s->n_touched; k++)
    {
      guint16 category = s->touched[k];

      entries[k].category = category;
      entries[k].count = s->tally[category];
      if (entries[k].count > best || (entries[k].count == best && category < cluster->category))
        {
          best = entries[k].count;
          cluster->category = category;
        }
      if (!(cluster->category_mask & (1u << (category % 32))))
        bit_counts[category % 32] = 0;
      cluster->category_mask |= 1u << (category % 32);
      bit_counts[category % 32] += entries[k].count;
      s->tally[category] = 0;
    }

  set_mix (cluster, bit_counts);
  s->n_touched = 0;
  s->live_entries += span.length;
  return span;
}

static Node
merge_members (Sweep *s)
{
  double sum_x = 0, sum_y = 0;
  guint64 count = 0;
  Cluster cluster = { { 0, 0 }, 0, 0, G_MAXUINT16, (guint8) s->zoom, 0, 0 };
  Span span;
  Node node;

  for (gsize k = 0; k < s->n_members; k++)
    {
      const Node *member = &s->builder->nodes[s->members[k]];

      sum_x += (double) member->position.x * member->count;
      sum_y += (double) member->position.y * member->count;
      count += member->count;
      tally_node (s, member);
    }

  cluster.position.x = (guint32) CLAMP (round (sum_x / count), 0, G_MAXUINT32);
  cluster.position.y = (guint32) CLAMP (round (sum_y / count), 0, G_MAXUINT32);
  cluster.count = (guint32) count;
  span = tally_flush (s, &cluster);
  g_array_append_val (s->clusters, cluster);
  g_array_append_val (s->spans, span);

  node.position = cluster.position;
  node.ref = s->clusters->len - 1;
  node.count = cluster.count;
  return node;
}

/* A node that merged with nothing goes down a level as it is. */
static Node
keep_node (Sweep      *s,
           const Node *node)
{
  Builder *b = s->builder;

  if (node->ref >= b->self->n_points)
    s->live_entries += g_array_index (b->spans, Span, node->ref - b->self->n_points).length;

  return *node;
}

static inline gboolean
within_radius (const Node *a,
               const Node *b,
               double      radius_squared)
{
  double dx = (double) a->position.x - (double) b->position.x;
  double dy = (double) a->position.y - (double) b->position.y;

  return dx * dx + dy * dy <= radius_squared;
}

/* Takes the free nodes from index @j on, up to key @last, that are within the radius of
 * @seed. */
static void
take_run (Sweep      *s,
          const Grid *grid,
          const Node *seed,
          gsize       j,
          guint64     last,
          double      radius_squared)
{
  const Node *nodes = s->builder->nodes;
  guint8 *taken = s->builder->taken;

  for (; j < s->end && node_key (grid, &nodes[j]) <= last; j++)
    {
      if (taken[j] || !within_radius (seed, &nodes[j], radius_squared))
        continue;
      taken[j] = TRUE;
      s->members[s->n_members++] = (guint32) j;
    }
}

/* The x buckets within @radius of @node, in its row's key and in the next row's. */
static void
neighbour_keys (const Grid *grid,
                const Node *node,
                double      radius,
                guint64    *first_next,
                guint64    *last_next,
                guint64    *last_own)
{
  guint64 x_mask = (G_GUINT64_CONSTANT (1) << grid->x_bits) - 1;
  guint64 key = node_key (grid, node);
  guint64 row = key >> grid->x_bits;
  guint64 bucket = key & x_mask;
  guint64 half_width = ((guint64) radius >> grid->x_shift) + 1;
  guint64 next_row = (row + 1) << grid->x_bits;

  *first_next = next_row | (bucket > half_width ? bucket - half_width : 0);
  *last_next = next_row | MIN (bucket + half_width, x_mask);
  *last_own = (row << grid->x_bits) | MIN (bucket + half_width, x_mask);
}

/* Takes every free node within @radius of nodes[@seed] into s->members. Seeds come in key
 * order, so every node before the seed is taken already: only the rest of its row and the
 * next row can hold free neighbours (a row is at least the radius), within a window of x
 * buckets. Where that window starts in the next row only moves forward, kept in @cursor. */
static void
gather_neighbours (Sweep      *s,
                   const Grid *grid,
                   gsize       seed,
                   double      radius,
                   gsize      *cursor)
{
  const Node *nodes = s->builder->nodes;
  const Node *node = &nodes[seed];
  double radius_squared = radius * radius;
  guint64 first_next, last_next, last_own;
  gsize j;

  neighbour_keys (grid, node, radius, &first_next, &last_next, &last_own);
  take_run (s, grid, node, seed + 1, last_own, radius_squared);
  if (grid_row (grid, node->position) == (G_GUINT64_CONSTANT (1) << (32 - grid->row_shift)) - 1)
    return;

  for (j = *cursor; j < s->end && node_key (grid, &nodes[j]) < first_next;)
    j++;
  *cursor = j;
  take_run (s, grid, node, j, last_next, radius_squared);
}

/* Readies @s to seed nodes[@begin, @end) for the level @zoom; its outputs go to the parts
 * of the builder's buffers that match the nodes it seeds. */
static void
sweep_start (Sweep *s,
             int    zoom,
             gsize  begin,
             gsize  end)
{
  Builder *b = s->builder;

  s->zoom = zoom;
  s->begin = begin;
  s->end = end;
  s->cancelled = FALSE;
  s->kept = b->spare + begin;
  s->n_kept = 0;
  s->fresh = b->fresh + begin / 2;
  s->n_fresh = 0;
  s->members = b->members + begin;
  s->live_entries = 0;
  g_array_set_size (s->clusters, 0);
  g_array_set_size (s->spans, 0);
  g_array_set_size (s->hist, 0);
}

static gpointer
sweep_run (gpointer data)
{
  Sweep *s = data;
  Builder *b = s->builder;
  Grid grid = grid_for_zoom (b->self, s->zoom);
  double radius = radius_units (b->self, s->zoom);
  gsize cursor = s->begin;

  for (gsize i = s->begin; i < s->end; i++)
    {
      if ((i & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (b->cancellable))
        {
          s->cancelled = TRUE;
          break;
        }
      if (b->taken[i])
        continue;

      b->taken[i] = TRUE;
      s->members[0] = (guint32) i;
      s->n_members = 1;
      gather_neighbours (s, &grid, i, radius, &cursor);
      if (s->n_members == 1)
        s->kept[s->n_kept++] = keep_node (s, &b->nodes[i]);
      else
        s->fresh[s->n_fresh++] = merge_members (s);
    }

  return NULL;
}

/* Whether no node of the row before nodes[@start] is within @radius of a node of its row,
 * nodes[@start, @end): then nothing seeded before @start takes a node from @start on. */
static gboolean
rows_apart (Builder    *b,
            const Grid *grid,
            gsize       start,
            gsize       end,
            double      radius)
{
  const Node *nodes = b->nodes;
  guint64 row = grid_row (grid, nodes[start].position);
  gsize first = start, cursor = start;

  while (first > 0 && grid_row (grid, nodes[first - 1].position) + 1 == row)
    first--;

  for (gsize i = first; i < start; i++)
    {
      guint64 first_next, last_next, last_own;

      neighbour_keys (grid, &nodes[i], radius, &first_next, &last_next, &last_own);
      while (cursor < end && node_key (grid, &nodes[cursor]) < first_next)
        cursor++;
      for (gsize j = cursor; j < end && node_key (grid, &nodes[j]) <= last_next; j++)
        if (within_radius (&nodes[i], &nodes[j], radius * radius))
          return FALSE;
    }

  return TRUE;
}

/* Where the level merged into @zoom can be cut in two sweeps that give the same result as
 * one: the first node of a row near the middle that is out of reach of the row before.
 * 0 if there is none. */
static gsize
find_split (Builder *b,
            int      zoom)
{
  Grid grid = grid_for_zoom (b->self, zoom);
  double radius = radius_units (b->self, zoom);
  gsize start = b->n_nodes / 2;

  while (start > 0 && grid_row (&grid, b->nodes[start - 1].position)
                      == grid_row (&grid, b->nodes[start].position))
    start--;

  for (guint tries = 0; tries < SPLIT_TRIES && start < 3 * b->n_nodes / 4; tries++)
    {
      guint64 row = grid_row (&grid, b->nodes[start].position);
      gsize end = start;

      while (end < b->n_nodes && grid_row (&grid, b->nodes[end].position) == row)
        end++;
      if (start > b->n_nodes / 4 && rows_apart (b, &grid, start, end, radius))
        return start;
      start = end;
    }

  return 0;
}

/* Appends what @s made to the level: its kept nodes after those before, its new clusters
 * numbered after those before. */
static void
builder_collect (Builder *b,
                 Sweep   *s,
                 gsize   *n_kept)
{
  guint32 first_ref = (guint32) (b->self->n_points + b->clusters->len);
  guint32 hist_base = b->hist->len;

  memmove (b->spare + *n_kept, s->kept, s->n_kept * sizeof (Node));
  *n_kept += s->n_kept;

  /* never overwrites what it has still to read: b->fresh + b->n_fresh ≤ s->fresh */
  for (gsize k = 0; k < s->n_fresh; k++)
    {
      Node node = s->fresh[k];

      node.ref += first_ref;
      b->fresh[b->n_fresh++] = node;
    }

  for (guint k = 0; k < s->spans->len; k++)
    g_array_index (s->spans, Span, k).offset += hist_base;
  g_array_append_vals (b->clusters, s->clusters->data, s->clusters->len);
  g_array_append_vals (b->spans, s->spans->data, s->spans->len);
  g_array_append_vals (b->hist, s->hist->data, s->hist->len);
  b->live_entries += s->live_entries;
}

/* Merges b->nodes (level @zoom + 1) into the nodes of level @zoom: those kept as they were
 * go to b->spare, in order, and new clusters to b->fresh. */
static gboolean
builder_merge_level (Builder  *b,
                     int       zoom,
                     gsize    *n_kept,
                     GError  **error)
{
  gsize split = b->n_nodes >= PARALLEL_THRESHOLD ? find_split (b, zoom) : 0;

  memset (b->taken, 0, b->n_nodes);
  b->n_fresh = 0;
  b->live_entries = 0;
  *n_kept = 0;

  if (split == 0)
    {
      sweep_start (&b->sweeps[0], zoom, 0, b->n_nodes);
      sweep_run (&b->sweeps[0]);
    }
  else
    {
      if (b->sweeps[1].builder == NULL)
        sweep_init (&b->sweeps[1], b);
      sweep_start (&b->sweeps[0], zoom, 0, split);
      sweep_start (&b->sweeps[1], zoom, split, b->n_nodes);
      run_pair (sweep_run, &b->sweeps[0], &b->sweeps[1], TRUE);
    }

  if ((b->sweeps[0].cancelled || (split > 0 && b->sweeps[1].cancelled))
      && g_cancellable_set_error_if_cancelled (b->cancellable, error))
    return FALSE;

  builder_collect (b, &b->sweeps[0], n_kept);
  if (split > 0)
    builder_collect (b, &b->sweeps[1], n_kept);
  return TRUE;
}

/* Puts the kept and fresh nodes of level @zoom in the order of the grid below it, as the
 * level's references and as b->nodes for the next merge. */
static void
builder_store_level (Builder *b,
                     int      zoom,
                     gsize    n_kept)
{
  Level *level = &b->self->levels[zoom];
  Grid from = grid_for_zoom (b->self, zoom);
  Node *fresh, *swap;

  level->grid = grid_for_zoom (b->self, zoom - 1);
  level->n_refs = n_kept + b->n_fresh;
  level->refs = g_new (guint32, MAX (level->n_refs, 1));

  merge_row_pairs (b->spare, n_kept, &from, &level->grid, b->nodes);
  fresh = radix_sort_nodes (b->fresh, b->fresh_spare, b->n_fresh, &level->grid);
  merge_runs (b->nodes, n_kept, fresh, b->n_fresh, &level->grid, b->spare);
  for (gsize i = 0; i < level->n_refs; i++)
    level->refs[i] = b->spare[i].ref;

  swap = b->nodes;
  b->nodes = b->spare;
  b->spare = swap;
  b->n_nodes = level->n_refs;
}

/* Category counts of clusters that were merged are garbage; drop them when they are most. */
static void
builder_compact_hist (Builder *b)
{
  GArray *hist;

  if (b->hist->len < 2 * b->live_entries + 65536)
    return;

  hist = g_array_sized_new (FALSE, FALSE, sizeof (CategoryCount), b->live_entries);
  for (gsize i = 0; i < b->n_nodes; i++)
    {
      Span *span;

      if (b->nodes[i].ref < b->self->n_points)
        continue;
      span = &g_array_index (b->spans, Span, b->nodes[i].ref - b->self->n_points);
      g_array_append_vals (hist, &g_array_index (b->hist, CategoryCount, span->offset),
                           span->length);
      span->offset = hist->len - span->length;
    }

  g_array_unref (b->hist);
  b->hist = hist;
}

static gboolean
builder_run (Builder              *b,
             const AtlasMapPoint  *points,
             gsize                 n_points,
             GError              **error)
{
  AtlasClusterIndex *self = b->self;

  self->levels[self->max_zoom + 1].grid = grid_for_zoom (self, self->max_zoom);
  if (!builder_add_points (b, points, n_points, error))
    return FALSE;

  for (int zoom = self->max_zoom; zoom >= 0; zoom--)
    {
      gsize n_kept;

      if (!builder_merge_level (b, zoom, &n_kept, error))
        return FALSE;
      builder_store_level (b, zoom, n_kept);
      builder_compact_hist (b);
    }

  self->n_clusters = b->clusters->len;
  self->clusters = g_realloc (g_array_free (g_steal_pointer (&b->clusters), FALSE),
                              MAX (self->n_clusters, 1) * sizeof (Cluster));
  return TRUE;
}

/* Queries */

typedef struct
{
  guint32 x0, x1;
  guint32 y0, y1;
} Window;

static inline guint32
level_ref (const Level *level,
           gsize        i)
{
  return level->refs != NULL ? level->refs[i] : (guint32) i;
}

static inline Position
ref_position (AtlasClusterIndex *self,
              guint32            ref)
{
  if (ref < self->n_points)
    return self->point_positions[ref];
  return self->clusters[ref - self->n_points].position;
}

static inline guint64
level_key (AtlasClusterIndex *self,
           const Level       *level,
           gsize              i)
{
  return grid_key (&level->grid, ref_position (self, level_ref (level, i)));
}

/* The first index from @start on whose key is at least @target, galloping then bisecting. */
static gsize
level_lower_bound (AtlasClusterIndex *self,
                   const Level       *level,
                   gsize              start,
                   guint64            target)
{
  gsize low = start, high, step = 1;

  if (low >= level->n_refs || level_key (self, level, low) >= target)
    return low;

  /* invariant: key(low) < target, and key(high) ≥ target or high == n_refs */
  high = low + 1;
  while (high < level->n_refs && level_key (self, level, high) < target)
    {
      low = high;
      step *= 2;
      high = MIN (low + step, level->n_refs);
    }

  while (high - low > 1)
    {
      gsize middle = low + (high - low) / 2;

      if (level_key (self, level, middle) < target)
        low = middle;
      else
        high = middle;
    }

  return high;
}

/* The shares of the bits of the category mask, in increasing order; the seventh of seven
 * is what the six stored leave. */
static void
unpack_mix (const Cluster *record,
            AtlasCluster  *cluster)
{
  guint64 packed = record->mix_low | ((guint64) record->mix_high << 8);
  guint n = 0, sum = 0, n_bits = 0;

  for (guint32 mask = record->category_mask; mask != 0; mask &= mask - 1)
    n_bits++;

  for (guint bit = 0; bit < 32 && n < ATLAS_CLUSTER_MIX_SIZE; bit++)
    {
      if (!(record->category_mask & (1u << bit)))
        continue;
      cluster->mix_categories[n] = (guint8) bit;
      if (n < MIX_STORED)
        cluster->mix_shares[n] = (packed >> (n * MIX_BITS)) & ((1u << MIX_BITS) - 1);
      else if (n_bits == ATLAS_CLUSTER_MIX_SIZE)
        cluster->mix_shares[n] = (guint8) (ATLAS_CLUSTER_MIX_WHOLE - sum);
      sum += cluster->mix_shares[n];
      n++;
    }
}

static void
append_cluster (AtlasClusterIndex *self,
                guint32            ref,
                GArray            *result)
{
  AtlasCluster cluster = { 0, };
  Position position = ref_position (self, ref);

  cluster.latitude = latitude_from_y (position.y);
  cluster.longitude = longitude_from_x (position.x);

  if (ref < self->n_points)
    {
      cluster.count = 1;
      cluster.id = self->point_ids[ref];
      cluster.category = self->point_categories[ref];
      cluster.category_mask = 1u << (cluster.category % 32);
      cluster.mix_categories[0] = cluster.category % 32;
      cluster.mix_shares[0] = ATLAS_CLUSTER_MIX_WHOLE;
    }
  else
    {
      const Cluster *record = &self->clusters[ref - self->n_points];

      cluster.count = record->count;
      cluster.id = ref - self->n_points;
      cluster.category = record->category;
      cluster.category_mask = record->category_mask;
      unpack_mix (record, &cluster);
    }

  g_array_append_val (result, cluster);
}

/* Appends where a cluster is and how many it holds, without turning it into degrees. */
static void
append_position (AtlasClusterIndex *self,
                 guint32            ref,
                 GArray            *result)
{
  Position position = ref_position (self, ref);
  AtlasClusterPosition out;

  out.x = (position.x + 0.5) / WORLD_UNITS;
  out.y = (position.y + 0.5) / WORLD_UNITS;
  out.count = ref < self->n_points ? 1 : self->clusters[ref - self->n_points].count;
  g_array_append_val (result, out);
}

typedef void (*AppendFunc) (AtlasClusterIndex *self,
                            guint32            ref,
                            GArray            *result);

/* Appends the nodes inside @window from index @i of one row; returns where the row's
 * candidates end. */
static gsize
scan_row (AtlasClusterIndex *self,
          const Level       *level,
          gsize              i,
          guint64            last_key,
          const Window      *window,
          AppendFunc         append,
          GArray            *result)
{
  for (; i < level->n_refs; i++)
    {
      guint32 ref = level_ref (level, i);
      Position position = ref_position (self, ref);

      if (grid_key (&level->grid, position) > last_key)
        break;
      if (position.x >= window->x0 && position.x <= window->x1
          && position.y >= window->y0 && position.y <= window->y1)
        append (self, ref, result);
    }

  return i;
}

static void
query_window (AtlasClusterIndex *self,
              const Level       *level,
              const Window      *window,
              AppendFunc         append,
              GArray            *result)
{
  const Grid *grid = &level->grid;
  guint64 row = (guint64) window->y0 >> grid->row_shift;
  guint64 last_row = (guint64) window->y1 >> grid->row_shift;
  guint64 first_bucket = window->x0 >> grid->x_shift;
  guint64 last_bucket = window->x1 >> grid->x_shift;
  gsize i = 0;

  /* rows without any node cost nothing: the next row looked at is the next one stored */
  while (i < level->n_refs && row <= last_row)
    {
      guint64 base = row << grid->x_bits;

      i = level_lower_bound (self, level, i, base | first_bucket);
      i = scan_row (self, level, i, base | last_bucket, window, append, result);
      if (i < level->n_refs)
        row = MAX (row + 1, level_key (self, level, i) >> grid->x_bits);
    }
}

static double
wrap_longitude (double longitude)
{
  if (longitude >= -180.0 && longitude <= 180.0)
    return longitude;
  return longitude - 360.0 * floor ((longitude + 180.0) / 360.0);
}

/* Turns @bounds into at most two windows of quantised units; returns how many. */
static guint
windows_from_bounds (const AtlasBounds *bounds,
                     Window             windows[2])
{
  double min_lon, max_lon;
  guint32 y0, y1;

  if (!isfinite (bounds->min_lon) || !isfinite (bounds->max_lon)
      || isnan (bounds->min_lat) || isnan (bounds->max_lat)
      || bounds->min_lat > bounds->max_lat)
    return 0;

  y0 = y_from_latitude (bounds->max_lat);
  y1 = y_from_latitude (bounds->min_lat);
  windows[0] = (Window) { 0, G_MAXUINT32, y0, y1 };

  if (bounds->max_lon - bounds->min_lon >= 360.0)
    return 1;

  min_lon = wrap_longitude (bounds->min_lon);
  max_lon = wrap_longitude (bounds->max_lon);
  windows[0].x0 = x_from_longitude (min_lon);
  windows[0].x1 = x_from_longitude (max_lon);
  if (min_lon <= max_lon)
    return 1;

  /* across the antimeridian: from min_lon east to 180°, and from −180° to max_lon */
  windows[1] = windows[0];
  windows[0].x1 = G_MAXUINT32;
  windows[1].x0 = 0;
  return 2;
}

/* GObject */

static void
atlas_cluster_index_finalize (GObject *object)
{
  AtlasClusterIndex *self = ATLAS_CLUSTER_INDEX (object);

  for (int zoom = 0; self->levels != NULL && zoom <= self->max_zoom + 1; zoom++)
    g_free (self->levels[zoom].refs);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->clusters, g_free);
  g_clear_pointer (&self->point_positions, g_free);
  g_clear_pointer (&self->point_ids, g_free);
  g_clear_pointer (&self->point_categories, g_free);

  G_OBJECT_CLASS (atlas_cluster_index_parent_class)->finalize (object);
}

static void
atlas_cluster_index_class_init (AtlasClusterIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_cluster_index_finalize;
}

static void
atlas_cluster_index_init (AtlasClusterIndex *self)
{
}

/* Public API */

/**
 * atlas_cluster_index_new:
 * @points: (array length=n_points): the incidents; copied, may be freed afterwards
 * @n_points: the number of @points
 * @radius_px: how close, in pixels of 256 px tiles, two clusters must be to merge
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds the clusters of @points for zoom levels 0 to
 * %ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM. See atlas_cluster_index_new_full().
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with %G_IO_ERROR_CANCELLED
 */
AtlasClusterIndex *
atlas_cluster_index_new (const AtlasMapPoint  *points,
                         gsize                 n_points,
                         double                radius_px,
                         GCancellable         *cancellable,
                         GError              **error)
{
  return atlas_cluster_index_new_full (points, n_points, radius_px,
                                       ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM,
                                       cancellable, error);
}

/**
 * atlas_cluster_index_new_full:
 * @points: (array length=n_points): the incidents; copied, may be freed afterwards
 * @n_points: the number of @points, at most 2³⁰
 * @radius_px: how close, in pixels of 256 px tiles, two clusters must be to merge
 * @max_zoom: the deepest zoom with clusters, 0 to %ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds the clusters of @points for zoom levels 0 to @max_zoom; above @max_zoom every
 * point is its own cluster. Points whose latitude is not within −90…90 or whose longitude
 * is not within −180…180 (NaN included) are skipped and counted, see
 * atlas_cluster_index_get_n_skipped(). Latitudes beyond Web Mercator's ±85.05° are drawn
 * at its edge. The result only depends on @points and their order.
 *
 * A million points take well under a second, on up to two threads; call it from a worker
 * thread. The index never changes afterwards, and may be queried from several threads at
 * once.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with %G_IO_ERROR_CANCELLED
 *   if @cancellable was cancelled
 */
AtlasClusterIndex *
atlas_cluster_index_new_full (const AtlasMapPoint  *points,
                              gsize                 n_points,
                              double                radius_px,
                              int                   max_zoom,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(AtlasClusterIndex) self = NULL;
  Builder builder;
  gboolean ok;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_points <= MAX_POINTS, NULL);
  g_return_val_if_fail (radius_px > 0 && radius_px <= 1e6, NULL);
  g_return_val_if_fail (max_zoom >= 0 && max_zoom <= ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATLAS_TYPE_CLUSTER_INDEX, NULL);
  self->radius_px = radius_px;
  self->max_zoom = max_zoom;
  self->levels = g_new0 (Level, max_zoom + 2);

  builder_init (&builder, self, n_points, cancellable);
  ok = builder_run (&builder, points, n_points, error);
  builder_clear (&builder);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * atlas_cluster_index_query:
 * @self: an #AtlasClusterIndex
 * @bounds: the area to look at, in degrees; min_lon > max_lon crosses the antimeridian,
 *   and a box 360° wide or more is the whole world around
 * @zoom: the map's zoom level; above the maximum zoom every point is its own cluster
 *
 * Finds the clusters of @zoom whose position is inside @bounds. Clusters just outside
 * whose badges reach into the view are not included: pad @bounds by the badge size for
 * those. The cost grows with what is returned, not with the size of the index.
 *
 * Returns: (transfer full) (element-type AtlasCluster): the clusters, in no useful order
 */
GArray *
atlas_cluster_index_query (AtlasClusterIndex *self,
                           const AtlasBounds *bounds,
                           int                zoom)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (AtlasCluster));
  Window windows[2];
  const Level *level;
  guint n_windows;

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  level = &self->levels[CLAMP (zoom, 0, self->max_zoom + 1)];
  n_windows = windows_from_bounds (bounds, windows);
  for (guint i = 0; i < n_windows; i++)
    query_window (self, level, &windows[i], append_cluster, result);

  return g_steal_pointer (&result);
}

/**
 * atlas_cluster_index_query_positions:
 * @self: an #AtlasClusterIndex
 * @bounds: the area to look at, as for atlas_cluster_index_query()
 * @zoom: the zoom level of the clusters
 *
 * Finds the same clusters as atlas_cluster_index_query(), but gives only where each is, in
 * Web Mercator units, and how many incidents it holds: what counting them by area needs,
 * without the cost of turning every position into degrees.
 *
 * Returns: (transfer full) (element-type AtlasClusterPosition): the clusters' positions
 */
GArray *
atlas_cluster_index_query_positions (AtlasClusterIndex *self,
                                     const AtlasBounds *bounds,
                                     int                zoom)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (AtlasClusterPosition));
  Window windows[2];
  const Level *level;
  guint n_windows;

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  level = &self->levels[CLAMP (zoom, 0, self->max_zoom + 1)];
  n_windows = windows_from_bounds (bounds, windows);
  for (guint i = 0; i < n_windows; i++)
    query_window (self, level, &windows[i], append_position, result);

  return g_steal_pointer (&result);
}

/**
 * atlas_cluster_index_get_expansion_zoom:
 * @self: an #AtlasClusterIndex
 * @cluster_id: the id of a cluster of more than one point, from a query of @self
 *
 * Gets the zoom at which the cluster splits into smaller clusters or single points, the
 * zoom to go to when it is clicked. It is at most the maximum zoom + 1.
 *
 * Returns: the zoom, or -1 if @cluster_id is not a cluster of @self
 */
int
atlas_cluster_index_get_expansion_zoom (AtlasClusterIndex *self,
                                        gint64             cluster_id)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), -1);
  g_return_val_if_fail (cluster_id >= 0 && (guint64) cluster_id < self->n_clusters, -1);

  return self->clusters[cluster_id].zoom + 1;
}

/**
 * atlas_cluster_index_get_n_points:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of points in the index, without those skipped
 */
gsize
atlas_cluster_index_get_n_points (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_points;
}

/**
 * atlas_cluster_index_get_n_skipped:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of points left out for a missing or out-of-range coordinate
 */
gsize
atlas_cluster_index_get_n_skipped (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_skipped;
}

/**
 * atlas_cluster_index_get_n_clusters:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of clusters of more than one point over all zoom levels
 */
gsize
atlas_cluster_index_get_n_clusters (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_clusters;
}

/**
 * atlas_cluster_index_get_memory_size:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the bytes of memory @self holds, allocator overhead aside
 */
gsize
atlas_cluster_index_get_memory_size (AtlasClusterIndex *self)
{
  gsize size;

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  size = sizeof *self + (self->max_zoom + 2) * sizeof (Level);
  size += self->n_points * (sizeof (Position) + sizeof (gint64) + sizeof (guint16));
  size += self->n_clusters * sizeof (Cluster);
  for (int zoom = 0; zoom <= self->max_zoom; zoom++)
    size += self->levels[zoom].n_refs * sizeof (guint32);

  return size;
}

/**
 * atlas_cluster_index_get_max_zoom:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the deepest zoom with clusters; above it every point is its own
 */
int
atlas_cluster_index_get_max_zoom (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->max_zoom;
}

/**
 * atlas_cluster_index_get_radius:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the clustering radius in pixels of 256 px tiles
 */
double
atlas_cluster_index_get_radius (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->radius_px;
}
