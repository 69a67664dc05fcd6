/* atlas-cluster-index-build.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building an AtlasClusterIndex: the points sorted, then each level merged from the one
 * above in one linear sweep (or two, on two threads). See atlas-cluster-index.c.
 */

#define G_LOG_DOMAIN "atlas-cluster-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-cluster-index-private.h"

#define RADIX_BITS         11
#define RADIX_SIZE         (1 << RADIX_BITS)
#define CANCEL_CHECK_MASK  0xffff
/* Below this many nodes a second thread costs more than it saves. */
#define PARALLEL_THRESHOLD 100000
/* How many rows past the middle of a level to look for a place to split it. */
#define SPLIT_TRIES        64


typedef struct
{
  Position position;
  guint32  ref;
  guint32  count;
} Node;

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
  guint32  *tally;           /* per category, zero between merges */
  guint16  *touched;         /* the categories with a non-zero tally */
  guint     n_touched;
} Sweep;

struct _Builder
{
  AtlasClusterIndex *self;
  GCancellable      *cancellable;
  gboolean           threaded;     /* FALSE: one thread, and the work never cut in two */

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
  guint32           *parents;      /* what each node of b->nodes became, this merge */

  GArray            *clusters;     /* Cluster */
  GArray            *spans;        /* Span per cluster: where its category counts are */
  GArray            *hist;         /* CategoryCount, kept by the index for its updates */
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
              gboolean           threaded,
              GCancellable      *cancellable)
{
  gsize size = MAX (n_nodes, 1);

  memset (b, 0, sizeof *b);
  b->self = self;
  b->cancellable = cancellable;
  b->threaded = threaded;
  b->nodes = g_new (Node, size);
  b->spare = g_new (Node, size);
  b->fresh = g_new (Node, size / 2 + 1);
  b->fresh_spare = g_new (Node, size / 2 + 1);
  b->taken = g_new (guint8, size);
  b->members = g_new (guint32, size);
  b->parents = g_new (guint32, size);
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
  g_clear_pointer (&b->parents, g_free);
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
  gboolean threaded = b->threaded && n_points >= PARALLEL_THRESHOLD;
  gsize half = b->threaded ? n_points / 2 : n_points;
  PointsJob jobs[2] = {
    { b, points, grid, 0, half, 0, NULL, FALSE },
    { b, points, grid, half, n_points, 0, NULL, FALSE },
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

  self->n_points = self->n_slots = self->slot_capacity = n;
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

  if (!ref_is_cluster (node->ref))
    {
      tally_add (s, b->self->point_categories[node->ref], 1);
      return;
    }

  span = &g_array_index (b->spans, Span, cluster_of (node->ref));
  for (guint32 k = 0; k < span->length; k++)
    {
      const CategoryCount *entry = &g_array_index (b->hist, CategoryCount, span->offset + k);

      tally_add (s, entry->category, entry->count);
    }
}

/* Moves the tally to the end of s->hist; sets the category, mask and mix of @cluster,
 * whose count is known. */
static Span
tally_flush (Sweep   *s,
             Cluster *cluster)
{
  Span span = { s->hist->len, s->n_touched };
  CategoryCount *entries;

  g_array_set_size (s->hist, s->hist->len + s->n_touched);
  entries = &g_array_index (s->hist, CategoryCount, span.offset);
  for (guint k = 0; k < s->n_touched; k++)
    {
      entries[k].category = s->touched[k];
      entries[k].count = s->tally[s->touched[k]];
      s->tally[s->touched[k]] = 0;
    }

  _atlas_cluster_index_finish_cluster (cluster, entries, span.length);
  s->n_touched = 0;
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
      if (taken[j] || !positions_within (seed->position, nodes[j].position, radius_squared))
        continue;
      taken[j] = TRUE;
      s->members[s->n_members++] = (guint32) j;
    }
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

  neighbour_keys (grid, node->position, radius, &first_next, &last_next, &last_own);
  take_run (s, grid, node, seed + 1, last_own, radius_squared);
  if (grid_last_row (grid, grid_row (grid, node->position)))
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
  g_array_set_size (s->clusters, 0);
  g_array_set_size (s->spans, 0);
  g_array_set_size (s->hist, 0);
}

/* The parent of each member is the cluster they made, numbered within the sweep until
 * builder_collect() numbers it in the index: taken 2 says so. */
static void
note_members (Sweep   *s,
              guint32 *parents,
              guint32  local_ref)
{
  for (gsize k = 0; k < s->n_members; k++)
    {
      parents[s->members[k]] = CLUSTER_REF | local_ref;
      s->builder->taken[s->members[k]] = 2;
    }
}

static gpointer
sweep_run (gpointer data)
{
  Sweep *s = data;
  Builder *b = s->builder;
  Grid grid = grid_for_zoom (b->self, s->zoom);
  double radius = radius_units (b->self, s->zoom);
  guint32 *parents = b->parents;
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
        {
          s->kept[s->n_kept++] = b->nodes[i];
          parents[i] = b->nodes[i].ref;
        }
      else
        {
          s->fresh[s->n_fresh] = merge_members (s);
          note_members (s, parents, s->fresh[s->n_fresh++].ref);
        }
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

      neighbour_keys (grid, nodes[i].position, radius, &first_next, &last_next, &last_own);
      while (cursor < end && node_key (grid, &nodes[cursor]) < first_next)
        cursor++;
      for (gsize j = cursor; j < end && node_key (grid, &nodes[j]) <= last_next; j++)
        if (positions_within (nodes[i].position, nodes[j].position, radius * radius))
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
  guint32 first_ref = CLUSTER_REF | (guint32) b->clusters->len;
  guint32 hist_base = b->hist->len;
  guint32 *parents = b->parents;

  for (gsize i = s->begin; i < s->end; i++)
    if (b->taken[i] == 2)
      parents[i] += (guint32) b->clusters->len;

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
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = ((const ParentEntry *) a)->ref, y = ((const ParentEntry *) b)->ref;

  return (x > y) - (x < y);
}

/* Keeps, for the updates, what the nodes of @level (b->nodes) that merged became. */
static void
builder_store_parents (Builder *b,
                       Level   *level)
{
  level->merged = g_array_new (FALSE, FALSE, sizeof (ParentEntry));
  for (gsize i = 0; i < b->n_nodes; i++)
    if (b->parents[i] != b->nodes[i].ref)
      {
        ParentEntry entry = { b->nodes[i].ref, b->parents[i] };

        g_array_append_val (level->merged, entry);
      }
  g_array_sort (level->merged, compare_entries);
}

/* Merges b->nodes (level @zoom + 1) into the nodes of level @zoom: those kept as they were
 * go to b->spare, in order, and new clusters to b->fresh. */
static gboolean
builder_merge_level (Builder  *b,
                     int       zoom,
                     gsize    *n_kept,
                     GError  **error)
{
  gsize split = b->threaded && b->n_nodes >= PARALLEL_THRESHOLD ? find_split (b, zoom) : 0;

  memset (b->taken, 0, b->n_nodes);
  b->n_fresh = 0;
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
      b->self->n_split_levels++;
    }

  if ((b->sweeps[0].cancelled || (split > 0 && b->sweeps[1].cancelled))
      && g_cancellable_set_error_if_cancelled (b->cancellable, error))
    return FALSE;

  builder_collect (b, &b->sweeps[0], n_kept);
  if (split > 0)
    builder_collect (b, &b->sweeps[1], n_kept);
  builder_store_parents (b, &b->self->levels[zoom + 1]);
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
    }

  self->n_clusters = self->cluster_capacity = b->clusters->len;
  self->clusters = g_realloc (g_array_free (g_steal_pointer (&b->clusters), FALSE),
                              MAX (self->n_clusters, 1) * sizeof (Cluster));
  self->spans = g_realloc (g_array_free (g_steal_pointer (&b->spans), FALSE),
                           MAX (self->n_clusters, 1) * sizeof (Span));
  self->hist = g_steal_pointer (&b->hist);
  return TRUE;
}

/* Fills @self, whose radius, max_zoom and levels are set, with the index of @points. */
gboolean
_atlas_cluster_index_build (AtlasClusterIndex    *self,
                            const AtlasMapPoint  *points,
                            gsize                 n_points,
                            gboolean              threaded,
                            GCancellable         *cancellable,
                            GError              **error)
{
  Builder builder;
  gboolean ok;

  builder_init (&builder, self, n_points, threaded, cancellable);
  ok = builder_run (&builder, points, n_points, error);
  builder_clear (&builder);
  return ok;
}
