/* atlas-case-incidents.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case store's incidents as the views read them through a filter: listed by date (whole,
 * or as row ids for a list read a page at a time), their dates for the timeline, their
 * spans and points for the map. A million incidents go through these in one scan each, so
 * they read only the columns they need.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-case.h"
#include "atlas-cluster-index.h"
#include "atlas-filter.h"
#include "atlas-incident.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* The WHERE clause for incidents that pass @filter: fixed SQL fragments, with every value
 * appended to @values for binding, never written into the SQL. */
static char *
build_incident_filter_full (AtlasFilter *filter,
                            gboolean     with_dates,
                            GPtrArray   *values)
{
  g_autoptr(GString) where = g_string_new ("WHERE 1");
  const char * const *categories;
  char grade[2] = { 0, 0 };

  if (filter == NULL)
    return g_string_free (g_steal_pointer (&where), FALSE);

  if ((categories = atlas_filter_get_categories (filter)) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) categories);

      g_string_append (where, " AND instr(?, char(10) || category || char(10)) > 0");
      g_ptr_array_add (values, g_strconcat ("\n", joined, "\n", NULL));
    }
  if (with_dates && atlas_filter_get_start_date (filter) != NULL)
    {
      g_string_append (where, " AND coalesce(end_time, start_time) >= ?");
      g_ptr_array_add (values, g_strdup (atlas_filter_get_start_date (filter)));
    }
  if (with_dates && atlas_filter_get_end_date (filter) != NULL)
    {
      /* compare on the end date's length, so "2024-01-03T09:00" is within "2024-01-03" */
      g_string_append (where, " AND substr(start_time, 1, length(?)) <= ?");
      g_ptr_array_add (values, g_strdup (atlas_filter_get_end_date (filter)));
      g_ptr_array_add (values, g_strdup (atlas_filter_get_end_date (filter)));
    }
  if ((grade[0] = atlas_filter_get_min_reliability (filter)) != 'F')
    {
      g_string_append (where, " AND EXISTS (SELECT 1 FROM claims c JOIN documents d"
                              " ON d.key = c.document_key WHERE c.subject_kind = 'incident'"
                              " AND c.subject_key = incidents.key AND d.reliability <= ?)");
      g_ptr_array_add (values, g_strdup (grade));
    }
  if (atlas_filter_get_contested_only (filter))
    g_string_append (where, " AND EXISTS (SELECT 1 FROM claims WHERE subject_kind = 'incident'"
                            " AND subject_key = incidents.key GROUP BY attribute"
                            ATLAS_CASE_CONTESTED_HAVING ")");

  g_ptr_array_add (values, NULL);
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/* Prepares "SELECT @columns FROM incidents WHERE <the filter> @tail" with the filter's values
 * bound; @with_dates says whether its date range counts. */
static sqlite3_stmt *
prepare_incident_query (AtlasCase    *self,
                        const char   *columns,
                        AtlasFilter  *filter,
                        gboolean      with_dates,
                        const char   *tail,
                        GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = build_incident_filter_full (filter, with_dates, values);
  g_autofree char *sql = g_strconcat ("SELECT ", columns, " FROM incidents ", where, " ", tail,
                                      NULL);
  sqlite3_stmt *stmt = atlas_case_schema_prepare (self->db, sql, error);

  for (guint i = 0; stmt != NULL && i + 1 < values->len; i++)
    bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i));
  return stmt;
}

static char *
build_incident_filter (AtlasFilter *filter,
                       GPtrArray   *values)
{
  return build_incident_filter_full (filter, TRUE, values);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

/**
 * atlas_case_load_dates:
 * @filter: (nullable): every part of it but the date range applies
 * @days: (out) (transfer full) (element-type gint32): each incident's start, in days
 *   since 1970-01-01, sorted; undated incidents are left out
 *
 * What a timeline needs, in one scan. Blocks: call it from a worker.
 */
gboolean
atlas_case_load_dates (AtlasCase     *self,
                       AtlasFilter   *filter,
                       GArray       **days,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (gint32));
  int rc;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  stmt = prepare_incident_query (self, "start_time", filter, FALSE, "", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint32 day;

      if (atlas_date_to_day ((const char *) sqlite3_column_text (stmt, 0), FALSE, &day))
        g_array_append_val (loaded, day);
      if (loaded->len % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents' dates cannot be read"));

  g_array_sort (loaded, compare_days);
  *days = g_steal_pointer (&loaded);
  return TRUE;
}

/**
 * atlas_case_list_incidents:
 * @filter: (nullable): only incidents that pass it
 *
 * Returns: (transfer full): the incidents, by date
 */
GListModel *
atlas_case_list_incidents (AtlasCase    *self,
                           AtlasFilter  *filter,
                           GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  where = build_incident_filter (filter, values);
  sql = g_strconcat (where, " ", ATLAS_CASE_INCIDENT_ORDER, NULL);
  return _atlas_case_query (self, ATLAS_TYPE_INCIDENT, sql, (const char **) values->pdata, error);
}

/**
 * atlas_case_list_incident_ids:
 * @filter: (nullable): only incidents that pass it
 *
 * The row ids of atlas_case_list_incidents(), in its order, for a list that reads the
 * records as they are shown (#AtlasRecordPages).
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL on error
 */
GArray *
atlas_case_list_incident_ids (AtlasCase    *self,
                              AtlasFilter  *filter,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  /* the records will be read later, a page at a time: a file they cannot be read from
   * (a column missing) is refused now, as a list read whole would be */
  if (!_atlas_case_can_read_records (self, ATLAS_TYPE_INCIDENT, error))
    return NULL;
  stmt = prepare_incident_query (self, "id", filter, TRUE,
                                 ATLAS_CASE_INCIDENT_ORDER, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_case_schema_set_error (error, self->db, _("the case file cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * atlas_location_precision_from_string:
 *
 * Returns: the precision named by @text; unknown or missing text counts as a town
 */
AtlasLocationPrecision
atlas_location_precision_from_string (const char *text)
{
  static const char *const names[] = { "site", "town", "district", "province", "country" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      return (AtlasLocationPrecision) i;
  return ATLAS_LOCATION_TOWN;
}

static guint16
category_index (GHashTable  *indexes,
                GPtrArray   *categories,
                const char  *category)
{
  gpointer index;

  /* NOT NULL is not checked when a file is read: a crafted one may have no category */
  if (category == NULL)
    category = "";
  if (g_hash_table_lookup_extended (indexes, category, NULL, &index))
    return (guint16) GPOINTER_TO_UINT (index);

  /* the legend shows the name: UTF-8, whatever the file holds */
  g_ptr_array_add (categories, g_utf8_make_valid (category, -1));
  g_hash_table_insert (indexes, g_strdup (category), GUINT_TO_POINTER (categories->len - 1));
  return (guint16) (categories->len - 1);
}

/* The days of the row's start (column @column) and end (the next) */
static void
append_span (GArray       *spans,
             sqlite3_stmt *stmt,
             int           column)
{
  AtlasDaySpan span = { G_MININT32, G_MAXINT32 };

  if (!atlas_date_to_day ((const char *) sqlite3_column_text (stmt, column), FALSE, &span.first)
      || !atlas_date_to_day ((const char *) sqlite3_column_text (stmt, column + 1), TRUE,
                             &span.last))
    span = (AtlasDaySpan) { G_MININT32, G_MAXINT32 };
  g_array_append_val (spans, span);
}

/**
 * atlas_case_load_map_points:
 * @filter: (nullable): only incidents that pass it
 * @points: (out) (transfer full) (element-type AtlasMapPoint): every incident's position,
 *   in id order
 * @precisions: (out) (transfer full): the #AtlasLocationPrecision of each point
 * @categories: (out) (transfer full): the category names the points' indexes refer to
 * @spans: (out) (optional) (transfer full) (element-type AtlasDaySpan): each point's first
 *   and last day; undated incidents span every day. They let the map apply a date range in
 *   memory, without asking the store again: what makes the timeline's play fast.
 *
 * What the map needs of every incident, in one scan (a second scan for the days cost 0.4 s
 * at a million incidents). Blocks: call it from a worker.
 */
gboolean
atlas_case_load_map_points (AtlasCase     *self,
                            AtlasFilter   *filter,
                            GArray       **points,
                            GByteArray   **precisions,
                            char        ***categories,
                            GArray       **spans,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GArray) loaded_spans = g_array_new (FALSE, FALSE, sizeof (AtlasDaySpan));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  g_autoptr(GByteArray) loaded_precisions = g_byte_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_incident_query (self, "id, latitude, longitude, category, location_precision,"
                                 " start_time, coalesce(end_time, start_time)",
                                 filter, TRUE, "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasMapPoint point = {
        .id = sqlite3_column_int64 (stmt, 0),
        .latitude = sqlite3_column_double (stmt, 1),
        .longitude = sqlite3_column_double (stmt, 2),
        .category = category_index (indexes, names, (const char *) sqlite3_column_text (stmt, 3)),
      };
      guint8 precision = atlas_location_precision_from_string (
        (const char *) sqlite3_column_text (stmt, 4));

      g_array_append_val (loaded, point);
      g_byte_array_append (loaded_precisions, &precision, 1);
      if (spans != NULL)
        append_span (loaded_spans, stmt, 5);
      if (loaded->len % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents cannot be read"));

  g_ptr_array_add (names, NULL);
  *points = g_steal_pointer (&loaded);
  *precisions = g_steal_pointer (&loaded_precisions);
  *categories = (char **) g_ptr_array_steal (names, NULL);
  if (spans != NULL)
    *spans = g_steal_pointer (&loaded_spans);
  return TRUE;
}
