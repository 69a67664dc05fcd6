/* atlas-incident-layer-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of AtlasIncidentLayer share: atlas-incident-layer.c (loading the incidents
 * and building their index off the main thread; the API) and atlas-incident-layer-draw.c
 * (what a frame draws: clusters, single incidents, halos).
 */

#pragma once

#include "atlas-incident-layer.h"

G_BEGIN_DECLS

#define CLUSTER_RADIUS_PX 48.0
/* Fewer incidents than this in view are drawn each on its own, never in a badge. */
#define MIN_INCIDENTS_TO_CLUSTER 300
#define SYMBOL_RADIUS 7.0
#define VIEW_MARGIN_PX 40.0
#define EARTH_METRES_PER_PIXEL_Z0 156543.03392

/* Every incident that passes the filter but its date range, as loaded from the store once:
 * a date range (the timeline, its play button) is then applied in memory, without asking
 * the store again. Shared read-only between the main thread and workers. */
typedef struct {
  char       *filter_key;
  GArray     *points;      /* AtlasMapPoint, in id order */
  GArray     *spans;       /* AtlasDaySpan, parallel to points */
  GByteArray *precisions;  /* AtlasLocationPrecision, parallel to points */
  char      **categories;
  /* the index of every point, built the first time no date range is asked for: clearing
   * the range then costs nothing */
  GMutex             lock;
  AtlasClusterIndex *full_index;
} PointCache;

/* What the worker hands back: the index and what is needed to draw single points. */
typedef struct {
  AtlasClusterIndex *index;
  GArray            *ids;         /* gint64, sorted */
  GByteArray        *precisions;  /* AtlasLocationPrecision, parallel to ids */
  char             **categories;
  PointCache        *cache;
} LoadedPoints;

/* How many categories a badge's ring names, its own and those of badges counted in it. */
#define MAX_MIX_PARTS 6

typedef struct {
  guint16 category;
  double  count;
} MixPart;

/* A cluster as last drawn, for picking; its count includes the badges counted in it. */
typedef struct {
  AtlasCluster cluster;
  double       x;
  double       y;
  double       radius;
  MixPart      mix[MAX_MIX_PARTS];
  guint        n_mix;
  double       other;        /* incidents of categories the mix does not name */
} DrawnCluster;

struct _AtlasIncidentLayer
{
  ShumateLayer   parent_instance;

  LoadedPoints  *points;
  PointCache    *cache;
  AtlasCase     *cache_case;     /* whose incidents the cache holds; not a reference */
  GArray        *drawn;          /* DrawnCluster, from the last snapshot */
  GCancellable  *loading;
  gint64         selected_id;
};

int  _atlas_incident_layer_compare_ids  (gconstpointer  a,
                                         gconstpointer  b);
void _atlas_incident_layer_collect_drawn (AtlasIncidentLayer *self);
void _atlas_incident_layer_snapshot     (GtkWidget          *widget,
                                         GtkSnapshot        *snapshot);

G_END_DECLS
