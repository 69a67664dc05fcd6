/* atlas-cluster-index.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-geo.h"

G_BEGIN_DECLS

/* Above this zoom every incident is its own cluster (supercluster's default). */
#define ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM 16
/* The deepest max_zoom atlas_cluster_index_new_full() accepts. */
#define ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT   22

typedef struct {
  double  latitude;
  double  longitude;
  gint64  id;             /* the incident's row id in the case store */
  guint16 category;       /* small index into the case's category list */
} AtlasMapPoint;

/* How many categories a cluster's mix names at most; the rest are "other". */
#define ATLAS_CLUSTER_MIX_SIZE  7
/* The mix's shares are in 63ths. */
#define ATLAS_CLUSTER_MIX_WHOLE 63

typedef struct {
  double  latitude;       /* the cluster's position: weighted centre of its points */
  double  longitude;
  guint   count;          /* 1 for a single incident */
  gint64  id;             /* count == 1: the incident's id; else a cluster id for
                           * atlas_cluster_index_get_expansion_zoom() */
  guint16 category;       /* count == 1: its category; else the most common one */
  guint32 category_mask;  /* bit (category % 32) set for every category inside */
  /* the share of each category inside, in 63ths, by the bits of category_mask in
   * increasing order: mix_categories[k] is a bit (the category itself when the case has
   * fewer than 33), mix_shares[k] its share. With up to 7 categories the shares add up to
   * 63 (largest remainders); with more, the first 6 are rounded down and what they leave
   * is "other". Slots past the categories have share 0. */
  guint8  mix_categories[ATLAS_CLUSTER_MIX_SIZE];
  guint8  mix_shares[ATLAS_CLUSTER_MIX_SIZE];
} AtlasCluster;

typedef struct {
  double x;               /* Web Mercator: 0 at 180° W to 1 at 180° E */
  double y;               /* 0 at the north edge to 1 at the south edge */
  guint  count;
} AtlasClusterPosition;

#define ATLAS_TYPE_CLUSTER_INDEX (atlas_cluster_index_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClusterIndex, atlas_cluster_index, ATLAS, CLUSTER_INDEX, GObject)

AtlasClusterIndex *atlas_cluster_index_new                (const AtlasMapPoint *points,
                                                           gsize                n_points,
                                                           double               radius_px,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
AtlasClusterIndex *atlas_cluster_index_new_full           (const AtlasMapPoint *points,
                                                           gsize                n_points,
                                                           double               radius_px,
                                                           int                  max_zoom,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
GArray            *atlas_cluster_index_query              (AtlasClusterIndex   *self,
                                                           const AtlasBounds   *bounds,
                                                           int                  zoom);
GArray            *atlas_cluster_index_query_for_view     (AtlasClusterIndex   *self,
                                                           const AtlasBounds   *bounds,
                                                           int                  zoom,
                                                           guint                min_to_cluster);
GArray            *atlas_cluster_index_query_positions    (AtlasClusterIndex   *self,
                                                           const AtlasBounds   *bounds,
                                                           int                  zoom);
void               atlas_cluster_index_update             (AtlasClusterIndex   *self,
                                                           const gint64        *removed_ids,
                                                           gsize                n_removed,
                                                           const AtlasMapPoint *added,
                                                           gsize                n_added);
int                atlas_cluster_index_get_expansion_zoom (AtlasClusterIndex   *self,
                                                           gint64               cluster_id);
gsize              atlas_cluster_index_get_n_points       (AtlasClusterIndex   *self);
gsize              atlas_cluster_index_get_n_skipped      (AtlasClusterIndex   *self);
gsize              atlas_cluster_index_get_n_clusters     (AtlasClusterIndex   *self);
gsize              atlas_cluster_index_get_memory_size    (AtlasClusterIndex   *self);
int                atlas_cluster_index_get_max_zoom       (AtlasClusterIndex   *self);
double             atlas_cluster_index_get_radius         (AtlasClusterIndex   *self);

G_END_DECLS
