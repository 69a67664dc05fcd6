/* atlas-cluster-index-update.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Updating an AtlasClusterIndex in place when incidents are added, removed or moved, with
 * the result a fresh build would give. See atlas-cluster-index.c for how a level is made
 * from the one above by a sweep in grid order.
 *
 * Level by level, from the points down: the nodes that went are taken out of the level's
 * sorted array and those that came are put in where a build would sort them. The sweep that
 * made the level below is then run again only where it can come out otherwise: from the row
 * before the first row that changed, row by row, until what the new sweep takes from the
 * next row is what the old one took from it (read from the parents the build kept) and no
 * changed row is near; from there on the old sweep holds. What the rows swept again made
 * differently is, for the level below, the nodes that went and came; a cluster made of the
 * very same nodes as before is kept as it was, so a change fades out within a level or two
 * where incidents are dense, and reaches down to zoom 0 only as the counts of a few badges.
 *
 * Ties: nodes with the same grid key stay in the order a build gives them, the points by
 * id (the order the case lists them in), and in a level below, nodes that were kept before
 * new clusters, each in the order of the node above it came from (a cluster's, its seed).
 */

#define G_LOG_DOMAIN "atlas-cluster-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-cluster-index-private.h"

/* A node to put in a level. */
typedef struct
{
  guint32 ref;
  gboolean fresh;       /* a cluster made by the sweep into this level */
  gsize    origin;      /* where the node it was, or its seed, is in the level above */
  gint64   id;          /* of a point, in the points' level */
} Arrival;

/* One level's sweep run again: level zoom + 1 in, level zoom out. */
typedef struct
{
  AtlasClusterIndex *self;
  int         zoom;
  Level      *above;
  double      radius;
  GArray     *dirty_rows;  /* guint64 rows of above's grid where nodes went or came */
  GHashTable *swept;       /* what the nodes swept again were part of before */
  GHashTable *gone;        /* refs of level zoom that the update takes out */
  GArray     *arrivals;    /* Arrival: what it puts in level zoom */
  GArray     *pending;     /* pairs of index and parent, set when a run of rows ends */
  GByteArray *taken;       /* per index from taken_base */
  gsize       taken_base;
} Resweep;

/* Readies @r to run the sweep into @zoom again (none for zoom -1, below the last level). */
static void
resweep_init (Resweep           *r,
              AtlasClusterIndex *self,
              int                zoom)
{
  memset (r, 0, sizeof *r);
  r->self = self;
  r->zoom = zoom;
  r->above = &self->levels[zoom + 1];
  r->radius = zoom >= 0 ? radius_units (self, zoom) : 0;
  r->dirty_rows = g_array_new (FALSE, FALSE, sizeof (guint64));
  r->swept = g_hash_table_new (NULL, NULL);
  r->gone = g_hash_table_new (NULL, NULL);
  r->arrivals = g_array_new (FALSE, FALSE, sizeof (Arrival));
  r->pending = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->taken = g_byte_array_new ();
}

static void
resweep_clear (Resweep *r)
{
  g_clear_pointer (&r->dirty_rows, g_array_unref);
  g_clear_pointer (&r->swept, g_hash_table_unref);
  g_clear_pointer (&r->gone, g_hash_table_unref);
  g_clear_pointer (&r->arrivals, g_array_unref);
  g_clear_pointer (&r->pending, g_array_unref);
  g_clear_pointer (&r->taken, g_byte_array_unref);
}

/* ---- levels as arrays ------------------------------------------------------------- */

static gsize
lower_bound (AtlasClusterIndex *self,
             const Level       *level,
             gsize              low,
             guint64            key)
{
  gsize high = level->n_refs;

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;

      if (grid_key (&level->grid, ref_position (self, level_ref (level, middle))) < key)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gsize
row_start (AtlasClusterIndex *self,
           const Level       *level,
           gsize              from,
           guint64            row)
{
  return lower_bound (self, level, from, row << level->grid.x_bits);
}

static inline guint64
node_key (AtlasClusterIndex *self,
          const Level       *level,
          gsize              i)
{
  return grid_key (&level->grid, ref_position (self, level->refs[i]));
}

/* Where @ref is in @level, or -1. */
static gssize
find_ref (AtlasClusterIndex *self,
          const Level       *level,
          guint32            ref)
{
  guint64 key = grid_key (&level->grid, ref_position (self, ref));

  for (gsize i = lower_bound (self, level, 0, key); i < level->n_refs; i++)
    {
      if (level->refs[i] == ref)
        return (gssize) i;
      if (node_key (self, level, i) != key)
        break;
    }
  return -1;
}

static void
level_reserve (Level *level)
{
  if (level->n_refs < level->capacity)
    return;
  level->capacity = MAX (16, level->n_refs + level->n_refs / 8);
  level->refs = g_renew (guint32, level->refs, level->capacity);
}

static void
level_remove (Level *level,
              gsize  i)
{
  gsize after = level->n_refs - i - 1;

  if (level->merged != NULL)
    level_set_parent (level, level->refs[i], level->refs[i]);
  memmove (level->refs + i, level->refs + i + 1, after * sizeof (guint32));
  level->n_refs--;
}

static void
level_insert (Level   *level,
              gsize    i,
              guint32  ref)
{
  gsize after = level->n_refs - i;

  level_reserve (level);
  memmove (level->refs + i + 1, level->refs + i, after * sizeof (guint32));
  level->refs[i] = ref;
  if (level->merged != NULL)
    level_set_parent (level, ref, NO_PARENT);
  level->n_refs++;
}

/* The points' level is the points in order until the first update gives it references. */
static void
materialize_points_level (AtlasClusterIndex *self)
{
  Level *level = &self->levels[self->max_zoom + 1];

  if (level->refs != NULL)
    return;
  level->capacity = MAX (level->n_refs, 1);
  level->refs = g_new (guint32, level->capacity);
  for (gsize i = 0; i < level->n_refs; i++)
    level->refs[i] = (guint32) i;
}

/* ---- where a node goes among those of the same key ---------------------------------- */

/* Whether @ref of level @zoom is a cluster the sweep into @zoom made. */
static gboolean
is_fresh (AtlasClusterIndex *self,
          guint32            ref,
          int                zoom)
{
  return ref_is_cluster (ref) && self->clusters[cluster_of (ref)].zoom == zoom;
}

/* Where the node @ref of level @zoom came from in level @zoom + 1: itself, or the seed of
 * the cluster it is, the first node whose parent it is (two rows hold the candidates:
 * members lie in the seed's row and the next, so the centre does too). */
static gsize
origin_of (AtlasClusterIndex *self,
           int                zoom,
           guint32            ref)
{
  const Level *above = &self->levels[zoom + 1];
  guint64 row;

  if (!is_fresh (self, ref, zoom))
    return (gsize) find_ref (self, above, ref);

  row = grid_row (&above->grid, ref_position (self, ref));
  for (gsize i = row_start (self, above, 0, row > 0 ? row - 1 : 0); i < above->n_refs; i++)
    if (level_parent (above, i) == ref)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Whether @arrival goes before the node @ref of the same key in level @zoom. */
static gboolean
arrives_before (AtlasClusterIndex *self,
                int                zoom,
                const Arrival     *arrival,
                guint32            ref)
{
  gboolean fresh;

  if (zoom == self->max_zoom + 1)
    return arrival->id < self->point_ids[ref];
  fresh = is_fresh (self, ref, zoom);
  if (arrival->fresh != fresh)
    return !arrival->fresh;
  return arrival->origin < origin_of (self, zoom, ref);
}

static void
level_insert_arrival (AtlasClusterIndex *self,
                      int                zoom,
                      const Arrival     *arrival)
{
  Level *level = &self->levels[zoom];
  guint64 key = grid_key (&level->grid, ref_position (self, arrival->ref));
  gsize i = lower_bound (self, level, 0, key);

  while (i < level->n_refs && node_key (self, level, i) == key
         && !arrives_before (self, zoom, arrival, level->refs[i]))
    i++;
  level_insert (level, i, arrival->ref);
}

/* ---- clusters ----------------------------------------------------------------------- */

static void
tally (GArray  *counts,
       guint16  category,
       guint32  count)
{
  CategoryCount entry = { category, count };

  for (guint k = 0; k < counts->len; k++)
    if (g_array_index (counts, CategoryCount, k).category == category)
      {
        g_array_index (counts, CategoryCount, k).count += count;
        return;
      }
  g_array_append_val (counts, entry);
}

static void
tally_ref (AtlasClusterIndex *self,
           GArray            *counts,
           guint32            ref)
{
  const Span *span;

  if (!ref_is_cluster (ref))
    {
      tally (counts, self->point_categories[ref], 1);
      return;
    }
  span = &self->spans[cluster_of (ref)];
  for (guint32 k = 0; k < span->length; k++)
    {
      const CategoryCount *entry = &g_array_index (self->hist, CategoryCount, span->offset + k);

      tally (counts, entry->category, entry->count);
    }
}

/* The cluster @members of level zoom + 1 make, as merge_members() of a build makes it. */
static Cluster
cluster_of_members (Resweep      *r,
                    const GArray *members,
                    GArray       *counts)
{
  AtlasClusterIndex *self = r->self;
  Cluster cluster = { { 0, 0 }, 0, 0, G_MAXUINT16, (guint8) r->zoom, 0, 0 };
  double sum_x = 0, sum_y = 0;
  guint64 count = 0;

  g_array_set_size (counts, 0);
  for (guint k = 0; k < members->len; k++)
    {
      guint32 ref = r->above->refs[g_array_index (members, gsize, k)];
      Position position = ref_position (self, ref);
      guint32 n = ref_count (self, ref);

      sum_x += (double) position.x * n;
      sum_y += (double) position.y * n;
      count += n;
      tally_ref (self, counts, ref);
    }

  cluster.position.x = (guint32) CLAMP (round (sum_x / count), 0, G_MAXUINT32);
  cluster.position.y = (guint32) CLAMP (round (sum_y / count), 0, G_MAXUINT32);
  cluster.count = (guint32) count;
  _atlas_cluster_index_finish_cluster (&cluster, (CategoryCount *) counts->data, counts->len);
  return cluster;
}

static guint32
add_cluster (AtlasClusterIndex *self,
             const Cluster     *cluster,
             GArray            *counts)
{
  Span span = { self->hist->len, counts->len };

  if (self->n_clusters == self->cluster_capacity)
    {
      self->cluster_capacity = MAX (16, self->cluster_capacity + self->cluster_capacity / 8);
      self->clusters = g_renew (Cluster, self->clusters, self->cluster_capacity);
      self->spans = g_renew (Span, self->spans, self->cluster_capacity);
    }
  g_array_append_vals (self->hist, counts->data, counts->len);
  self->clusters[self->n_clusters] = *cluster;
  self->spans[self->n_clusters] = span;
  return CLUSTER_REF | (guint32) self->n_clusters++;
}

/* ---- the sweep again ---------------------------------------------------------------- */

static gboolean
is_taken (Resweep *r,
          gsize    i)
{
  return i >= r->taken_base && i - r->taken_base < r->taken->len
         && r->taken->data[i - r->taken_base];
}

static void
take (Resweep *r,
      gsize    i)
{
  gsize offset = i - r->taken_base;

  if (offset >= r->taken->len)
    {
      gsize old = r->taken->len;

      g_byte_array_set_size (r->taken, offset + 1);
      memset (r->taken->data + old, 0, offset + 1 - old);
    }
  r->taken->data[offset] = 1;
}

static void
set_parent_later (Resweep *r,
                  gsize    i,
                  guint32  parent)
{
  gsize pair[2] = { i, parent };

  g_array_append_vals (r->pending, pair, 2);
}

static void
set_pending_parents (Resweep *r)
{
  for (guint k = 0; k < r->pending->len; k += 2)
    level_set_parent (r->above, r->above->refs[g_array_index (r->pending, gsize, k)],
                      (guint32) g_array_index (r->pending, gsize, k + 1));
  g_array_set_size (r->pending, 0);
}

/* Takes the free nodes of [@from, @end) up to key @last within the radius of @seed. */
static void
take_run (Resweep  *r,
          Position  seed,
          gsize     from,
          gsize     end,
          guint64   last,
          GArray   *members)
{
  for (gsize j = from; j < end && node_key (r->self, r->above, j) <= last; j++)
    if (!is_taken (r, j)
        && positions_within (seed, ref_position (r->self, r->above->refs[j]),
                             r->radius * r->radius))
      {
        take (r, j);
        g_array_append_val (members, j);
      }
}

/* Whether a cluster of @members is the one they made before: all were in the same one, and
 * it held no other. */
static gboolean
same_as_before (Resweep      *r,
                const GArray *members,
                guint32       count)
{
  guint32 parent = level_parent (r->above, g_array_index (members, gsize, 0));

  if (parent == NO_PARENT || !ref_is_cluster (parent)
      || r->self->clusters[cluster_of (parent)].count != count)
    return FALSE;
  for (guint k = 1; k < members->len; k++)
    if (level_parent (r->above, g_array_index (members, gsize, k)) != parent)
      return FALSE;
  return TRUE;
}

/* What @members (the seed first) make now, and what they were part of before. */
static void
settle_members (Resweep *r,
                GArray  *members,
                GArray  *counts)
{
  AtlasClusterIndex *self = r->self;
  gsize seed = g_array_index (members, gsize, 0);
  Arrival arrival = { r->above->refs[seed], FALSE, seed, 0 };
  Cluster cluster;

  if (members->len == 1 && level_parent (r->above, seed) == arrival.ref)
    return;
  if (members->len > 1)
    {
      cluster = cluster_of_members (r, members, counts);
      if (same_as_before (r, members, cluster.count))
        return;
      arrival.ref = add_cluster (self, &cluster, counts);
      arrival.fresh = TRUE;
    }

  for (guint k = 0; k < members->len; k++)
    {
      gsize i = g_array_index (members, gsize, k);
      guint32 before = level_parent (r->above, i);

      if (before != NO_PARENT)
        g_hash_table_add (r->gone, GUINT_TO_POINTER (before));
      set_parent_later (r, i, arrival.ref);
    }
  g_array_append_val (r->arrivals, arrival);
}

/* Seeds the free nodes of one row, [@begin, @end), taking from the next, [@end, @next_end). */
static void
sweep_row (Resweep *r,
           gsize    begin,
           gsize    end,
           gsize    next_end,
           GArray  *members,
           GArray  *counts)
{
  const Grid *grid = &r->above->grid;

  /* what the row's nodes were part of were seeded in this row or before (see same_carry) */
  for (gsize i = begin; i < end; i++)
    {
      guint32 before = level_parent (r->above, i);

      if (before != NO_PARENT)
        g_hash_table_add (r->swept, GUINT_TO_POINTER (before));
    }

  for (gsize i = begin; i < end; i++)
    {
      Position seed = ref_position (r->self, r->above->refs[i]);
      guint64 first_next, last_next, last_own;

      if (is_taken (r, i))
        continue;
      take (r, i);
      g_array_set_size (members, 0);
      g_array_append_val (members, i);
      neighbour_keys (grid, seed, r->radius, &first_next, &last_next, &last_own);
      take_run (r, seed, i + 1, end, last_own, members);
      if (!grid_last_row (grid, grid_row (grid, seed)))
        take_run (r, seed, lower_bound (r->self, r->above, end, first_next), next_end,
                  last_next, members);
      settle_members (r, members, counts);
    }
}

/* Whether the new sweep took from the next row, [@begin, @end), what the old one did:
 * those whose cluster before was one of a node of the rows swept again (or of one removed
 * from them), which was seeded in those rows, so by the last of them. */
static gboolean
same_carry (Resweep *r,
            gsize    begin,
            gsize    end)
{
  for (gsize j = begin; j < end; j++)
    {
      guint32 parent = level_parent (r->above, j);
      gboolean before = ref_is_cluster (parent)
                        && g_hash_table_contains (r->swept, GUINT_TO_POINTER (parent));

      if (before != is_taken (r, j))
        return FALSE;
    }
  return TRUE;
}

/* The first dirty row after @row, or G_MAXUINT64. */
static guint64
next_dirty_row (Resweep *r,
                guint64  row)
{
  for (guint k = 0; k < r->dirty_rows->len; k++)
    if (g_array_index (r->dirty_rows, guint64, k) > row)
      return g_array_index (r->dirty_rows, guint64, k);
  return G_MAXUINT64;
}

/* Marks taken the nodes of @row, from @begin, that a seed of the row before took: those
 * whose parent is also a node's of the row before. */
static void
take_carried (Resweep *r,
              guint64  row,
              gsize    begin,
              gsize    end)
{
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  gsize previous = row > 0 ? row_start (r->self, r->above, 0, row - 1) : begin;

  for (gsize j = previous; j < begin; j++)
    {
      guint32 parent = level_parent (r->above, j);

      if (ref_is_cluster (parent) && parent != NO_PARENT)
        g_hash_table_add (parents, GUINT_TO_POINTER (parent));
    }
  for (gsize j = begin; j < end; j++)
    if (g_hash_table_contains (parents, GUINT_TO_POINTER (level_parent (r->above, j))))
      take (r, j);
}

/* Sweeps from @row until the old sweep holds again; returns the last row swept. */
static guint64
sweep_run (Resweep *r,
           guint64  row)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (CategoryCount));
  gsize begin = row_start (r->self, r->above, 0, row);
  gsize end = row_start (r->self, r->above, begin, row + 1);

  r->taken_base = begin;
  g_byte_array_set_size (r->taken, 0);
  take_carried (r, row, begin, end);

  for (;;)
    {
      gsize next_end = row_start (r->self, r->above, end, row + 2);

      sweep_row (r, begin, end, next_end, members, counts);
      if (end == r->above->n_refs
          || (next_dirty_row (r, row) > row + 1 && same_carry (r, end, next_end)))
        break;
      /* an empty next row carries nothing: go on from the next row with nodes */
      row = end < next_end ? row + 1 : grid_row (&r->above->grid,
                                                 ref_position (r->self, r->above->refs[end]));
      begin = end;
      end = row_start (r->self, r->above, begin, row + 1);
    }

  set_pending_parents (r);
  return row;
}

static void
mark_dirty (GArray  *rows,
            guint64  row)
{
  guint k = 0;

  while (k < rows->len && g_array_index (rows, guint64, k) < row)
    k++;
  if (k < rows->len && g_array_index (rows, guint64, k) == row)
    return;
  g_array_insert_val (rows, k, row);
}

/* ---- one level after another -------------------------------------------------------- */

/* Takes @gone out of level @zoom (the level above @r's sweep) and puts @arrivals in; marks
 * the rows they touch dirty and notes what the nodes that went were part of below. */
static void
update_level (AtlasClusterIndex *self,
              int                zoom,
              GHashTable        *gone,
              GArray            *arrivals,
              Resweep           *r)
{
  Level *level = &self->levels[zoom];
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, gone);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 ref = GPOINTER_TO_UINT (key);
      gssize i = find_ref (self, level, ref);
      guint32 parent;

      g_assert (i >= 0);
      parent = level->merged != NULL ? level_parent (level, (gsize) i) : NO_PARENT;
      if (parent != NO_PARENT)
        {
          g_hash_table_add (r->gone, GUINT_TO_POINTER (parent));
          g_hash_table_add (r->swept, GUINT_TO_POINTER (parent));
        }
      if (is_fresh (self, ref, zoom))
        self->n_dead++;
      mark_dirty (r->dirty_rows, grid_row (&level->grid, ref_position (self, ref)));
      level_remove (level, (gsize) i);
    }

  for (guint k = 0; k < arrivals->len; k++)
    {
      const Arrival *arrival = &g_array_index (arrivals, Arrival, k);

      mark_dirty (r->dirty_rows, grid_row (&level->grid, ref_position (self, arrival->ref)));
      level_insert_arrival (self, zoom, arrival);
    }
}

/* Runs the sweep into r->zoom again where level zoom + 1 changed (its dirty rows); r->gone
 * holds already what the nodes that went were part of. */
static void
resweep_level (Resweep *r)
{
  guint64 last = 0;
  gboolean started = FALSE;

  for (guint k = 0; k < r->dirty_rows->len; k++)
    {
      guint64 dirty = g_array_index (r->dirty_rows, guint64, k);
      guint64 first = dirty > 0 ? dirty - 1 : 0;

      if (started && dirty <= last + 1)
        continue;
      if (row_start (r->self, r->above, 0, first) == r->above->n_refs)
        break;
      last = sweep_run (r, first);
      started = TRUE;
    }
}

static void
add_point (AtlasClusterIndex   *self,
           const AtlasMapPoint *point,
           GArray              *arrivals)
{
  Arrival arrival = { (guint32) self->n_slots, FALSE, 0, point->id };
  Position position;

  if (!(isfinite (point->latitude) && isfinite (point->longitude)
        && point->latitude >= -90.0 && point->latitude <= 90.0
        && point->longitude >= -180.0 && point->longitude <= 180.0))
    {
      self->n_skipped++;
      return;
    }

  if (self->n_slots == self->slot_capacity)
    {
      self->slot_capacity = MAX (16, self->slot_capacity + self->slot_capacity / 8);
      self->point_positions = g_renew (Position, self->point_positions, self->slot_capacity);
      self->point_ids = g_renew (gint64, self->point_ids, self->slot_capacity);
      self->point_categories = g_renew (guint16, self->point_categories, self->slot_capacity);
    }
  position.x = x_from_longitude (point->longitude);
  position.y = y_from_latitude (point->latitude);
  self->point_positions[self->n_slots] = position;
  self->point_ids[self->n_slots] = point->id;
  self->point_categories[self->n_slots] = point->category;
  self->n_slots++;
  self->n_points++;
  g_array_append_val (arrivals, arrival);
}

/* The slot of the point @id in the index: the newest slot with that id, if it is in the
 * points' level (an older one was removed or moved). */
static gboolean
find_point (AtlasClusterIndex *self,
            gint64             id,
            guint32           *slot)
{
  for (gsize i = self->n_slots; i > 0; i--)
    if (self->point_ids[i - 1] == id)
      {
        *slot = (guint32) (i - 1);
        return find_ref (self, &self->levels[self->max_zoom + 1], *slot) >= 0;
      }
  return FALSE;
}

/**
 * atlas_cluster_index_update:
 * @self: an #AtlasClusterIndex
 * @removed_ids: (array length=n_removed): ids of points to take out
 * @added: (array length=n_added): points to put in, with ids not in @self
 *
 * Changes the index in place as if it had been built with the points @removed_ids taken
 * out and @added put in (a moved point is both), the points listed by id: the result is
 * the same as a fresh build's of those points in id order, in time that grows with what
 * changes rather than with the size of the index. Ids not in the index are passed over;
 * added points with no valid place are skipped and counted.
 *
 * This writes the index: it must not be queried in another thread meanwhile.
 */
void
atlas_cluster_index_update (AtlasClusterIndex   *self,
                            const gint64        *removed_ids,
                            gsize                n_removed,
                            const AtlasMapPoint *added,
                            gsize                n_added)
{
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (Arrival));

  g_return_if_fail (ATLAS_IS_CLUSTER_INDEX (self));
  g_return_if_fail (removed_ids != NULL || n_removed == 0);
  g_return_if_fail (added != NULL || n_added == 0);

  materialize_points_level (self);
  for (gsize i = 0; i < n_removed; i++)
    {
      guint32 slot;

      if (!find_point (self, removed_ids[i], &slot))
        continue;
      g_hash_table_add (gone, GUINT_TO_POINTER (slot));
      self->n_points--;
    }
  for (gsize i = 0; i < n_added; i++)
    add_point (self, &added[i], arrivals);

  /* what changed in each level is what changes in the level below */
  for (int zoom = self->max_zoom + 1; zoom >= 0; zoom--)
    {
      Resweep r;

      resweep_init (&r, self, zoom - 1);
      update_level (self, zoom, gone, arrivals, &r);
      if (zoom > 0)
        resweep_level (&r);

      g_hash_table_unref (gone);
      gone = g_steal_pointer (&r.gone);
      g_array_unref (arrivals);
      arrivals = g_steal_pointer (&r.arrivals);
      resweep_clear (&r);
    }
}
