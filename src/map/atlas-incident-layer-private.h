/* atlas-incident-layer-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of AtlasIncidentLayer share: atlas-incident-layer.c (starting loads,
 * following edits; the API), atlas-incident-layer-load.c (loading the incidents and building
 * their index off the main thread) and atlas-incident-layer-draw.c (what a frame draws:
 * clusters, single incidents, halos).
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
  char             **categories;  /* may grow: an edited incident's new category */
  guint              n_index_categories; /* how many the index's categories refer to */
  PointCache        *cache;
} LoadedPoints;

/* What a load asks of the worker: its own copies, the filter being the main thread's to
 * change. */
typedef struct {
  AtlasCase   *atlas_case;
  AtlasFilter *filter_without_dates;
  char        *filter_key;
  gint32       first_day;
  gint32       last_day;
  PointCache  *cache;        /* nullable: what was loaded last time */
  guint        serial;       /* the layer's edit_serial when it began */
} LoadJob;

/* An incident edited since the index was built: drawn from the edit itself, at once, until
 * a rebuild that read the store after the edit is in place. */
typedef struct {
  gint64         id;
  gboolean       shown;        /* FALSE: deleted, or a filter may hide it (see the .c) */
  double         latitude;
  double         longitude;
  char          *category;
  guint8         precision;    /* AtlasLocationPrecision */
  guint          serial;       /* of the edit that left it so */
  gboolean       drawn_alone;  /* this frame: the index drew it as a single incident */
} EditedIncident;

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

  /* following the case's edits */
  AtlasCase     *followed_case;
  AtlasFilter   *filter;
  gulong         edit_handler;
  GArray        *edited;         /* EditedIncident */
  guint          edit_serial;    /* edits of incidents so far */
  guint          loading_serial; /* edit_serial when the running load began */
  gboolean       loading_reads_store;
  char          *loading_request; /* what the running load draws: filter and dates */
  guint          rebuild_id;
  gboolean       applied_in_place; /* the index holds the last edit: no reload needed */
  guint          forget_applied_id;
};

const EditedIncident *_atlas_incident_layer_find_edited (AtlasIncidentLayer *self,
                                                         gint64              id);
guint16 _atlas_incident_layer_category_index (AtlasIncidentLayer *self,
                                              const char         *name);
int  _atlas_incident_layer_compare_ids  (gconstpointer  a,
                                         gconstpointer  b);
void _atlas_point_cache_unref          (PointCache         *cache);
void _atlas_loaded_points_free         (LoadedPoints       *points);
void _atlas_load_job_free              (LoadJob            *job);
void _atlas_incident_layer_load_in_thread (GTask           *task,
                                           gpointer         source_object,
                                           gpointer         task_data,
                                           GCancellable    *cancellable);
void _atlas_incident_layer_collect_drawn (AtlasIncidentLayer *self);
void _atlas_incident_layer_snapshot     (GtkWidget          *widget,
                                         GtkSnapshot        *snapshot);

G_END_DECLS
