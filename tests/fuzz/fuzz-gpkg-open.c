/* fuzz-gpkg-open.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: opening a case file (a GeoPackage) and the queries the window runs on it
 * first: counts, extent, incident list, map points and their clusters, timeline, search,
 * the records of each kind and what hangs off them. Then the same file opened for
 * editing, which may upgrade its schema.
 */

#include "config.h"

#include "atlas-actor.h"
#include "atlas-briefing-step.h"
#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-cluster-index.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-role.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "fuzz-util.h"

/* Enough to reach every query without making one input cost seconds. */
#define MAX_RECORDS_FOLLOWED 8

static GListModel *
list_related (AtlasCase   *atlas_case,
              AtlasRecord *record)
{
  const char *key = atlas_record_get_key (record);

  if (ATLAS_IS_ROUTE (record))
    return atlas_case_list_waypoints (atlas_case, key, NULL);
  if (ATLAS_IS_DOCUMENT (record))
    return atlas_case_list_claims_in_document (atlas_case, key, NULL);
  if (ATLAS_IS_ACTOR (record))
    return atlas_case_list_roles_of_actor (atlas_case, key, NULL);
  return NULL;
}

static void
check_record_text (AtlasRecord *record)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);

  fuzz_check_utf8 ("a key", atlas_record_get_key (record));
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == ATLAS_FIELD_TEXT)
      fuzz_check_utf8 (klass->fields[i].name,
                       atlas_record_field_get_text (record, &klass->fields[i]));
}

/* What the sidebar loads for a selected record. */
static void
follow_record (AtlasCase   *atlas_case,
               AtlasRecord *record)
{
  const char *kind = atlas_record_get_kind (record);
  const char *key = atlas_record_get_key (record);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) related = NULL;
  g_autoptr(AtlasRecord) by_key = NULL;
  g_autoptr(AtlasRecord) by_id = NULL;
  g_auto(GStrv) contested = NULL;

  check_record_text (record);
  if (key == NULL)
    return;

  claims = atlas_case_list_claims (atlas_case, kind, key, NULL, NULL);
  roles = atlas_case_list_roles (atlas_case, kind, key, NULL);
  contested = atlas_case_list_contested_attributes (atlas_case, kind, key, NULL);
  fuzz_check_utf8_strv ("a contested attribute", contested);
  related = list_related (atlas_case, record);
  by_key = atlas_case_lookup (atlas_case, kind, key, NULL);
  by_id = atlas_case_lookup_by_id (atlas_case, kind, atlas_record_get_id (record));
}

static void
list_records (AtlasCase *atlas_case)
{
  const GType types[] = {
    ATLAS_TYPE_INCIDENT, ATLAS_TYPE_ROUTE, ATLAS_TYPE_WAYPOINT, ATLAS_TYPE_DOCUMENT,
    ATLAS_TYPE_CLAIM, ATLAS_TYPE_ACTOR, ATLAS_TYPE_ROLE, ATLAS_TYPE_BRIEFING_STEP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GListModel) records = atlas_case_list_records (atlas_case, types[i], NULL);
      guint n = records != NULL ? g_list_model_get_n_items (records) : 0;

      for (guint j = 0; j < MIN (n, MAX_RECORDS_FOLLOWED); j++)
        {
          g_autoptr(AtlasRecord) record = g_list_model_get_item (records, j);

          follow_record (atlas_case, record);
        }
    }
}

static void
cluster_points (GArray *points)
{
  static const AtlasBounds world = { -180, -85, 180, 85 };
  g_autoptr(AtlasClusterIndex) index = NULL;
  g_autoptr(GArray) clusters = NULL;

  index = atlas_cluster_index_new ((const AtlasMapPoint *) points->data, points->len, 60,
                                   NULL, NULL);
  if (index == NULL)
    return;
  clusters = atlas_cluster_index_query (index, &world, 2);
  for (guint i = 0; i < clusters->len; i++)
    atlas_cluster_index_get_expansion_zoom (index, g_array_index (clusters, AtlasCluster, i).id);
}

static void
load_views (AtlasCase *atlas_case)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) points = NULL;
  g_autoptr(GByteArray) precisions = NULL;
  g_auto(GStrv) categories = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) found = NULL;

  if (atlas_case_load_map_points (atlas_case, NULL, &points, &precisions, &categories, &spans,
                                  NULL, NULL))
    {
      fuzz_check_utf8_strv ("a map category", categories);
      cluster_points (points);
    }
  atlas_case_load_dates (atlas_case, NULL, &days, NULL, NULL);

  /* a filter the sidebar might set, so its SQL runs too */
  atlas_filter_set_date_range (filter, "2024-01-01", "2024-12-31");
  atlas_filter_set_contested_only (filter, TRUE);
  incidents = atlas_case_list_incidents (atlas_case, filter, NULL);
  found = atlas_case_search (atlas_case, "kerman", NULL);
}

static void
query_case (AtlasCase *atlas_case)
{
  AtlasCaseCounts counts;
  AtlasBounds extent;
  const char *frame, *selection;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) statuses = NULL;

  atlas_case_get_counts (atlas_case, &counts);
  atlas_case_get_extent (atlas_case, &extent);
  atlas_case_get_initial_view (atlas_case, &frame, &selection);
  fuzz_check_utf8 ("the title", atlas_case_get_title (atlas_case));
  fuzz_check_utf8 ("the summary", atlas_case_get_summary (atlas_case));
  categories = atlas_case_list_categories (atlas_case, NULL);
  fuzz_check_utf8_strv ("a category", categories);
  statuses = atlas_case_list_route_statuses (atlas_case, NULL);
  fuzz_check_utf8_strv ("a route status", statuses);
  load_views (atlas_case);
  list_records (atlas_case);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasCase) editable = NULL;

  fuzz_init ();
  file = g_file_new_for_path (fuzz_write_temp_file (data, size));

  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, NULL);
  if (atlas_case == NULL)
    return 0;
  query_case (atlas_case);
  g_clear_object (&atlas_case);

  editable = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, NULL);
  if (editable != NULL)
    query_case (editable);
  return 0;
}
