/* atlas-case-schema.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables of a case file: the GeoPackage 1.3 core (spatial reference systems, contents,
 * geometry columns, the R-tree extension) and our own tables, with forward migrations. It
 * also decides whether an opened file is one of ours, whose triggers may run.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case-error.h"
#include "atlas-case-schema.h"
#include "atlas-case-trust.h"

static const char gpkg_core_sql[] =
  "CREATE TABLE gpkg_spatial_ref_sys ("
  " srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
  " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);"
  "INSERT INTO gpkg_spatial_ref_sys VALUES"
  " ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',"
  "  'undefined cartesian coordinate reference system'),"
  " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',"
  "  'undefined geographic coordinate reference system'),"
  " ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
  "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
  "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
  "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
  "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',"
  "  'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');"
  "CREATE TABLE gpkg_contents ("
  " table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,"
  " description TEXT DEFAULT '',"
  " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
  " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
  " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
  "CREATE TABLE gpkg_geometry_columns ("
  " table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
  " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
  " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
  " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
  " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
  " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));"
  "CREATE TABLE gpkg_extensions ("
  " table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,"
  " scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));";

static const char case_tables_sql[] =
  "CREATE TABLE atlas_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);"
  "CREATE TABLE documents ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  " publisher TEXT, author TEXT, url TEXT, published TEXT, doc_kind TEXT NOT NULL,"
  " reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')), file TEXT);"
  "CREATE TABLE actors ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  " actor_kind TEXT NOT NULL, aliases TEXT, summary TEXT);"
  "CREATE TABLE incidents ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, key TEXT NOT NULL UNIQUE,"
  " title TEXT NOT NULL, category TEXT NOT NULL, start_time TEXT, start_precision TEXT,"
  " end_time TEXT, end_precision TEXT, place TEXT, admin_area TEXT, country TEXT,"
  " latitude REAL NOT NULL, longitude REAL NOT NULL, location_precision TEXT NOT NULL,"
  " location_source TEXT, summary TEXT);"
  "CREATE TABLE routes ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING, key TEXT NOT NULL UNIQUE,"
  " name TEXT NOT NULL,"
  " status TEXT NOT NULL CHECK (status IN ('reported','alleged','contested')), summary TEXT);"
  "CREATE TABLE waypoints ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, key TEXT NOT NULL UNIQUE,"
  " route_key TEXT NOT NULL, seq INTEGER NOT NULL, place TEXT, admin_area TEXT, country TEXT,"
  " latitude REAL NOT NULL, longitude REAL NOT NULL, date TEXT, date_precision TEXT,"
  " location_precision TEXT NOT NULL, location_source TEXT, UNIQUE (route_key, seq));"
  "CREATE TABLE claims ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
  " subject_kind TEXT NOT NULL, subject_key TEXT NOT NULL, attribute TEXT NOT NULL,"
  " value_text TEXT NOT NULL, value_number REAL, value_min REAL, value_max REAL,"
  " qualifier TEXT NOT NULL, document_key TEXT NOT NULL, attributed_to TEXT,"
  " paraphrase TEXT, locator TEXT,"
  " credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6));"
  "CREATE INDEX claims_subject ON claims (subject_kind, subject_key, attribute);"
  ATLAS_CASE_SCHEMA_CLAIMS_DOCUMENT_INDEX ";"
  "CREATE TABLE roles ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, actor_key TEXT NOT NULL,"
  " subject_kind TEXT NOT NULL, subject_key TEXT NOT NULL, role TEXT NOT NULL);"
  "CREATE INDEX roles_subject ON roles (subject_kind, subject_key);"
  "CREATE TABLE briefing_steps ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL UNIQUE,"
  " subject_kind TEXT NOT NULL, subject_key TEXT, min_lon REAL, min_lat REAL, max_lon REAL,"
  " max_lat REAL, caption TEXT NOT NULL, claim_keys TEXT);";

/* Our tables as GeoPackage contents: the three layers QGIS shows, and the rest as
 * attribute tables. */
static const char contents_sql[] =
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES"
  " ('incidents', 'features', 'Incidents', 'Incidents of the case', 4326),"
  " ('routes', 'features', 'Routes', 'Reported movement routes', 4326),"
  " ('waypoints', 'features', 'Waypoints', 'Stops of the routes, in order', 4326),"
  " ('documents', 'attributes', 'Documents', 'Where each fact was read', NULL),"
  " ('claims', 'attributes', 'Claims', 'Sourced values, one per document and party', NULL),"
  " ('actors', 'attributes', 'Actors', 'People, groups and agencies', NULL),"
  " ('roles', 'attributes', 'Roles', 'Roles of actors in incidents and routes', NULL),"
  " ('briefing_steps', 'attributes', 'Briefing', 'Steps of the case briefing', NULL);"
  "INSERT INTO gpkg_geometry_columns VALUES"
  " ('incidents', 'geom', 'POINT', 4326, 0, 0),"
  " ('routes', 'geom', 'LINESTRING', 4326, 0, 0),"
  " ('waypoints', 'geom', 'POINT', 4326, 0, 0);";

static const char *const feature_tables[] = { "incidents", "routes", "waypoints" };

/* The GeoPackage 1.3 R-tree triggers, written once for any table; the trust check compares
 * a file's triggers with exactly these texts. */
static const char *const rtree_trigger_templates[] = {
  "CREATE TRIGGER rtree_%1$s_geom_insert AFTER INSERT ON %1$s"
  " WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
  " INSERT OR REPLACE INTO rtree_%1$s_geom VALUES (NEW.id, ST_MinX(NEW.geom),"
  " ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END",
  "CREATE TRIGGER rtree_%1$s_geom_update1 AFTER UPDATE OF geom ON %1$s"
  " WHEN OLD.id = NEW.id AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
  " INSERT OR REPLACE INTO rtree_%1$s_geom VALUES (NEW.id, ST_MinX(NEW.geom),"
  " ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END",
  "CREATE TRIGGER rtree_%1$s_geom_update2 AFTER UPDATE OF geom ON %1$s"
  " WHEN OLD.id = NEW.id AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
  " DELETE FROM rtree_%1$s_geom WHERE id = OLD.id; END",
  "CREATE TRIGGER rtree_%1$s_geom_update3 AFTER UPDATE ON %1$s"
  " WHEN OLD.id != NEW.id AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
  " DELETE FROM rtree_%1$s_geom WHERE id = OLD.id;"
  " INSERT OR REPLACE INTO rtree_%1$s_geom VALUES (NEW.id, ST_MinX(NEW.geom),"
  " ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END",
  "CREATE TRIGGER rtree_%1$s_geom_update4 AFTER UPDATE ON %1$s"
  " WHEN OLD.id != NEW.id AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN"
  " DELETE FROM rtree_%1$s_geom WHERE id IN (OLD.id, NEW.id); END",
  "CREATE TRIGGER rtree_%1$s_geom_delete AFTER DELETE ON %1$s"
  " WHEN old.geom NOT NULL BEGIN"
  " DELETE FROM rtree_%1$s_geom WHERE id = OLD.id; END",
};

/* Version 2: full-text search over everything a person would look for. */
static const char search_index_sql[] =
  "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, key UNINDEXED, title, body,"
  " tokenize = 'unicode61 remove_diacritics 2');";

/* Version 3: a case an analyst builds and keeps (see atlas_case_apply_edit()).
 * - Sources say when they were read, in which language, and why they got their grade;
 *   claims say why they got theirs. graded_by is 'file' where the grade came with an
 *   imported file (the file's word, not the analyst's) and 'analyst' once an analyst
 *   has given or confirmed it in the app.
 * - claim_relations: a claim contradicts, corroborates or repeats another (a report that
 *   relays another is not an independent source).
 * - history: every edit, field by field, with its time, author and the value before and
 *   after; an undo is one more edit, so history only grows.
 * - attachments: the analyst's archived copy of a source, kept in the case with its SHA-256.
 * - The search index's row of a record is the record's id times 8 plus its table's number
 *   (AtlasCaseSearchTable), so an edit replaces one row by its rowid instead of scanning.
 * The three new tables are GeoPackage attribute tables, so QGIS and GDAL list them. */
static const char version_3_sql[] =
  "ALTER TABLE documents ADD COLUMN accessed TEXT;"
  "ALTER TABLE documents ADD COLUMN language TEXT;"
  "ALTER TABLE documents ADD COLUMN reliability_note TEXT;"
  "ALTER TABLE documents ADD COLUMN graded_by TEXT;"
  "ALTER TABLE claims ADD COLUMN credibility_note TEXT;"
  "ALTER TABLE claims ADD COLUMN graded_by TEXT;"
  "CREATE TABLE claim_relations ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, claim_key TEXT NOT NULL,"
  " relation TEXT NOT NULL CHECK (relation IN ('contradicts','corroborates','repeats')),"
  " other_key TEXT NOT NULL, note TEXT);"
  "CREATE INDEX claim_relations_claim ON claim_relations (claim_key);"
  "CREATE INDEX claim_relations_other ON claim_relations (other_key);"
  "CREATE TABLE history ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, edit INTEGER NOT NULL,"
  " time TEXT NOT NULL, author TEXT NOT NULL, label TEXT NOT NULL, action TEXT NOT NULL,"
  " subject_kind TEXT NOT NULL, subject_key TEXT NOT NULL, field TEXT, old_value TEXT,"
  " new_value TEXT);"
  "CREATE INDEX history_subject ON history (subject_kind, subject_key);"
  "CREATE TABLE attachments ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
  " document_key TEXT NOT NULL, name TEXT NOT NULL, media_type TEXT NOT NULL,"
  " size INTEGER NOT NULL, sha256 TEXT NOT NULL, added TEXT NOT NULL, content BLOB NOT NULL);"
  "CREATE INDEX attachments_document ON attachments (document_key);"
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES"
  " ('claim_relations', 'attributes', 'Claim relations',"
  "  'Claims that contradict, corroborate or repeat others'),"
  " ('history', 'attributes', 'History', 'Every edit of the case, field by field'),"
  " ('attachments', 'attributes', 'Archived copies', 'Archived copies of the sources');"
  "DELETE FROM search_index;"
  /* indexed whole below: no watermark means nothing waits to be indexed */
  "DELETE FROM atlas_meta WHERE key = 'search_indexed_through';";

/* Version 4 (issue #17): a case of a million incidents that stays small and quick.
 * - The search index is contentless (content=''): it keeps the words of each record, not a
 *   second copy of its text, which SQLite reads back from the tables by the row's id (the
 *   rowid is still the record's id times 8 plus its table's AtlasCaseSearchTable number).
 *   Its kind and key columns go too: the rowid says both. Measured on the 1,000,000-row
 *   ACLED case of bench-import-csv: the copy (search_index_content) took 755 MB of the
 *   2.9 GB case; the case is now 1,977 MiB, of which the index is 377 MiB of words
 *   (search_index_data) and 34 MiB of row sizes (search_index_docsize, for ranking).
 * - The index is filled by the write that adds the rows, in the same transaction, so an
 *   import returns searchable; there is no watermark left to catch up with.
 * - SQLite 3.40 cannot delete a row of a contentless index by its rowid alone: a change
 *   tells the index the row's old words first, read from the row before it changes (see
 *   atlas_case_schema_unindex_record()), with the same expressions that indexed it.
 * Old files: the step below drops the old index and builds the new one from the tables. */
static const char version_4_storage_sql[] =
  "DROP TABLE search_index;"
  "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content = '',"
  " tokenize = 'unicode61 remove_diacritics 2');"
  "DELETE FROM atlas_meta WHERE key = 'search_indexed_through';";

/* What the search index holds of each kind of record, in the order of AtlasCaseSearchTable:
 * its title and its body, as SQL over the record's row. */
static const struct {
  const char *table;
  const char *title;
  const char *body;
} search_texts[ATLAS_CASE_N_SEARCH_TABLES] = {
  { "incidents", "title", "coalesce(summary, '') || ' ' || coalesce(place, '') || ' '"
                          " || coalesce(admin_area, '') || ' ' || coalesce(country, '') || ' '"
                          " || category" },
  { "routes", "name", "coalesce(summary, '')" },
  { "waypoints", "coalesce(place, '')", "coalesce(admin_area, '') || ' ' || coalesce(country, '')" },
  { "actors", "name", "coalesce(aliases, '') || ' ' || coalesce(summary, '')" },
  { "documents", "title", "coalesce(publisher, '') || ' ' || coalesce(author, '')" },
  { "claims", "attribute", "value_text || ' ' || coalesce(paraphrase, '') || ' '"
                           " || coalesce(attributed_to, '')" },
};

/* Adds (or, with @command "'delete',", takes out) the rows of table @table that @where
 * picks: one statement, in the order of the rows. */
static sqlite3_stmt *
prepare_index (sqlite3     *db,
               int          table,
               const char  *command,
               const char  *where,
               GError     **error)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO search_index (%srowid, title, body)"
                     " SELECT %s id * 8 + %d, %s, %s FROM %s WHERE %s",
                     command != NULL ? "search_index, " : "", command != NULL ? command : "",
                     table, search_texts[table].title, search_texts[table].body,
                     search_texts[table].table, where);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    atlas_case_schema_set_error (error, db, _("the search index could not be updated"));
  return stmt;
}

static gboolean
step_index (sqlite3       *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("the search index could not be updated"));
}

/* Version 4, briefings made in the app:
 * - briefings: a case holds several briefings (a short one and a full one), each with a
 *   title; seq orders them. A GeoPackage attribute table, so QGIS and GDAL list it.
 * - briefing_steps.briefing_key names the briefing a step belongs to; its steps are its
 *   rows in seq order. seq stays unique across the case, as version 1 declared it: moving
 *   a step swaps it with its neighbour's, and a new step takes the next number of the
 *   case. (Dropping the constraint would mean copying the table, which changes its text
 *   for the trust check and for GDAL's view of it.)
 * - A step made from a view keeps that view: its bounds in min/max_lon/lat as before, and
 *   center_lat, center_lon and zoom to restore it exactly; start_date and end_date (ISO
 *   8601, either may be NULL) are the date range shown; filters is the rest of the
 *   filter in a canonical text form (atlas_briefing_view_format_filters(): "key=value"
 *   pairs in a fixed order, joined by ";", lists sorted; NULL when nothing is filtered).
 * Migrating from version 3 puts the existing steps, if any, into one briefing. */
static const char briefings_4_sql[] =
  "CREATE TABLE briefings ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  " seq INTEGER NOT NULL);"
  "ALTER TABLE briefing_steps ADD COLUMN briefing_key TEXT;"
  "ALTER TABLE briefing_steps ADD COLUMN center_lat REAL;"
  "ALTER TABLE briefing_steps ADD COLUMN center_lon REAL;"
  "ALTER TABLE briefing_steps ADD COLUMN zoom REAL;"
  "ALTER TABLE briefing_steps ADD COLUMN start_date TEXT;"
  "ALTER TABLE briefing_steps ADD COLUMN end_date TEXT;"
  "ALTER TABLE briefing_steps ADD COLUMN filters TEXT;"
  "CREATE INDEX briefing_steps_briefing ON briefing_steps (briefing_key, seq);"
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES"
  " ('briefings', 'attributes', 'Briefings', 'Briefings of the case, each a list of steps');";

/* Version 5 (issue #17):
 * - The claims that keep the rest of an imported row store their column names once, in
 *   column_sets, and only the values themselves (see atlas-column-set.c); column_set is
 *   NULL in every other claim, and in the claims of files written before, which stay as
 *   they were. A GeoPackage attribute table, so QGIS and GDAL list it.
 * - incidents_category lets the case's categories (the legend's, the filter's) be listed
 *   with one seek each (atlas_case_list_categories()) instead of reading every incident on
 *   the main thread as a case opens: 0.6 s at a million incidents, twice. It costs about
 *   17 bytes an incident. */
static const char version_5_sql[] =
  "CREATE TABLE column_sets (id INTEGER PRIMARY KEY AUTOINCREMENT, names TEXT NOT NULL UNIQUE);"
  "ALTER TABLE claims ADD COLUMN column_set INTEGER;"
  "CREATE INDEX incidents_category ON incidents (category);"
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES"
  " ('column_sets', 'attributes', 'Column sets',"
  "  'Names of the columns of an imported row kept in one claim, separated by U+001F');";

/* Version 6 (issue #17): the search index keeps which records hold each word, and no
 * longer where in them (FTS5's detail=none): a search finds records by words or their
 * beginnings, never by phrase or column (atlas-case-search.c asks for each word apart),
 * and ranks them by how rare each word is and how short each record is. On the 1,000,000-
 * row ACLED import's text (sqlite3 shell) it is 102 MiB instead of 297, the same records
 * come first, and broad searches are faster ("t": 2.3 → 1.2 s); bench-import-csv's case
 * is 1,221 MiB instead of 1,383. The index is built again from the tables, as version 4's
 * step does. */
static const char version_6_sql[] =
  "DROP TABLE search_index;"
  "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content = '', detail = none,"
  " " ATLAS_CASE_SEARCH_TOKENIZE_SQL ");";

/* The one briefing a version 3 file's steps go into. */
static const char briefings_4_existing_sql[] =
  "INSERT INTO briefings (key, title, seq)"
  " SELECT 'briefing-1', ?1, 1 WHERE EXISTS (SELECT 1 FROM briefing_steps);"
  "UPDATE briefing_steps SET briefing_key = 'briefing-1';";

/* FTS5 writes its words out as a new segment each time it holds this much of them, and
 * merges segments once this many of one size pile up. Its defaults (1 MiB, 4) stay for the
 * edits between large writes; for a large write, the 1,000,000-row ACLED import's indexing
 * took, in the sqlite3 shell on its rows: 19.2–19.6 s with the defaults; 12.3–19.2 s with
 * 32 MiB at a time (an index 6 % larger); 10.2–11.8 s with that and merges of 16 (an index
 * 1 % smaller, and common words found 1.5× faster). It holds 32 MiB more while it runs. */
#define SEARCH_HASH_BYTES_LARGE (32 << 20)
#define SEARCH_HASH_BYTES_DEFAULT (1 << 20)
#define SEARCH_AUTOMERGE_LARGE 16
#define SEARCH_AUTOMERGE_DEFAULT 4
/* Rows from which a write counts as large */
#define LARGE_INDEX_ROWS 20000

static gboolean
set_search_config (sqlite3  *db,
                   int       hash_bytes,
                   int       automerge,
                   GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO search_index (search_index, rank)"
                                          " VALUES ('hashsize', %d);"
                                          "INSERT INTO search_index (search_index, rank)"
                                          " VALUES ('automerge', %d)", hash_bytes, automerge);

  return atlas_case_schema_exec (db, sql, error);
}

static gboolean
index_tables (sqlite3       *db,
              const gint64   after[ATLAS_CASE_N_SEARCH_TABLES],
              const gint64   through[ATLAS_CASE_N_SEARCH_TABLES],
              GError       **error)
{
  for (int i = 0; i < ATLAS_CASE_N_SEARCH_TABLES; i++)
    {
      sqlite3_stmt *stmt;

      if (through[i] <= after[i])
        continue;
      stmt = prepare_index (db, i, NULL, "id > ?1 AND id <= ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, after[i]);
      sqlite3_bind_int64 (stmt, 2, through[i]);
      if (!step_index (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_case_schema_index_range:
 * @after: per table, the row id after which to index, in the order of
 *   #AtlasCaseSearchTable
 * @through: per table, the last row id to index
 *
 * Adds the rows in (@after, @through] of each table to the full-text index.
 */
gboolean
atlas_case_schema_index_range (sqlite3       *db,
                               const gint64   after[ATLAS_CASE_N_SEARCH_TABLES],
                               const gint64   through[ATLAS_CASE_N_SEARCH_TABLES],
                               GError       **error)
{
  guint64 rows = 0;
  gboolean large;

  for (int i = 0; i < ATLAS_CASE_N_SEARCH_TABLES; i++)
    rows += through[i] > after[i] ? (guint64) MIN (through[i] - after[i], G_MAXINT64 / 8) : 0;
  large = rows >= LARGE_INDEX_ROWS;

  return (!large || set_search_config (db, SEARCH_HASH_BYTES_LARGE, SEARCH_AUTOMERGE_LARGE, error))
         && index_tables (db, after, through, error)
         && (!large || set_search_config (db, SEARCH_HASH_BYTES_DEFAULT, SEARCH_AUTOMERGE_DEFAULT,
                                          error));
}

static gboolean
index_record (sqlite3     *db,
              int          table,
              const char  *command,
              const char  *key,
              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (table >= 0 && table < ATLAS_CASE_N_SEARCH_TABLES, FALSE);

  stmt = prepare_index (db, table, command, "key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return step_index (db, stmt, error);
}

/**
 * atlas_case_schema_index_record:
 * @table: the record's #AtlasCaseSearchTable
 *
 * Adds the row of @table whose key is @key to the full-text index, as it is now (nothing
 * when there is none).
 */
gboolean
atlas_case_schema_index_record (sqlite3     *db,
                                int          table,
                                const char  *key,
                                GError     **error)
{
  return index_record (db, table, NULL, key, error);
}

/**
 * atlas_case_schema_unindex_record:
 * @table: the record's #AtlasCaseSearchTable
 *
 * Takes the row of @table whose key is @key out of the full-text index, before the row
 * changes or goes: the contentless index is told the words it indexed, read from the row
 * as it still is, with the expressions that indexed it.
 */
gboolean
atlas_case_schema_unindex_record (sqlite3     *db,
                                  int          table,
                                  const char  *key,
                                  GError     **error)
{
  return index_record (db, table, "'delete',", key, error);
}

/**
 * atlas_case_schema_search_table:
 *
 * Returns: the #AtlasCaseSearchTable number of @table, or -1 when search does not index it
 */
int
atlas_case_schema_search_table (const char *table)
{
  for (int i = 0; i < ATLAS_CASE_N_SEARCH_TABLES; i++)
    if (g_strcmp0 (table, search_texts[i].table) == 0)
      return i;
  return -1;
}

/**
 * atlas_case_schema_set_error:
 * @what: what could not be done, for people
 *
 * Sets @error to @what followed by SQLite's own reason.
 *
 * Returns: %FALSE, to be returned in turn
 */
gboolean
atlas_case_schema_set_error (GError     **error,
                             sqlite3     *db,
                             const char  *what)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED, "%s: %s", what,
               sqlite3_errmsg (db));
  return FALSE;
}

/* Returns: (transfer full) (nullable): the statement, or %NULL with @error set */
sqlite3_stmt *
atlas_case_schema_prepare (sqlite3     *db,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      atlas_case_schema_set_error (error, db, _("the case file cannot be read"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
atlas_case_schema_exec (sqlite3     *db,
                        const char  *sql,
                        GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
               _("the database refused a change: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static GPtrArray *
dup_expected_triggers (void)
{
  GPtrArray *triggers = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < G_N_ELEMENTS (feature_tables); t++)
    for (guint i = 0; i < G_N_ELEMENTS (rtree_trigger_templates); i++)
      g_ptr_array_add (triggers, g_strdup_printf (rtree_trigger_templates[i], feature_tables[t]));
  return triggers;
}

static gboolean
create_rtree (sqlite3     *db,
              const char  *table,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE VIRTUAL TABLE rtree_%1$s_geom USING rtree(id, minx, maxx, miny, maxy);"
    "INSERT INTO gpkg_extensions VALUES ('%1$s', 'geom', 'gpkg_rtree_index',"
    " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');", table);

  return atlas_case_schema_exec (db, sql, error);
}

static gboolean
create_version_1 (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GPtrArray) triggers = dup_expected_triggers ();
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              "PRAGMA user_version = %d;",
                                              ATLAS_GPKG_APPLICATION_ID,
                                              ATLAS_GPKG_USER_VERSION);

  if (!atlas_case_schema_exec (db, pragmas, error)
      || !atlas_case_schema_exec (db, gpkg_core_sql, error)
      || !atlas_case_schema_exec (db, case_tables_sql, error)
      || !atlas_case_schema_exec (db, contents_sql, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (feature_tables); t++)
    if (!create_rtree (db, feature_tables[t], error))
      return FALSE;

  for (guint i = 0; i < triggers->len; i++)
    if (!atlas_case_schema_exec (db, g_ptr_array_index (triggers, i), error))
      return FALSE;

  return atlas_case_schema_exec (db, "INSERT INTO atlas_meta VALUES ('schema_version', '1'),"
                                     " ('title', ''), ('summary', '')", error);
}

static gboolean
set_version (sqlite3  *db,
             int       version,
             GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE atlas_meta SET value = '%d'"
                                          " WHERE key = 'schema_version'", version);

  return atlas_case_schema_exec (db, sql, error);
}

static gboolean
put_steps_in_one_briefing (sqlite3  *db,
                           GError  **error)
{
  const char *sql = briefings_4_existing_sql;

  /* two statements: the first binds the briefing's title */
  while (sql != NULL && *sql != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *rest = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, &rest) != SQLITE_OK)
        return atlas_case_schema_set_error (error, db, _("the briefings could not be made"));
      sqlite3_bind_text (stmt, 1, _("Briefing"), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return atlas_case_schema_set_error (error, db, _("the briefings could not be made"));
      sql = rest;
    }
  return TRUE;
}

/* Version 4: several briefings per case, and steps that keep the view they were made
 * from (see briefings_4_sql). */
static gboolean
migrate_briefings_to_4 (sqlite3  *db,
                        GError  **error)
{
  return atlas_case_schema_exec (db, briefings_4_sql, error)
         && put_steps_in_one_briefing (db, error);
}

/* The ranges of rows of atlas_case_schema_index_range() that take in every row. */
static const gint64 nothing_indexed[ATLAS_CASE_N_SEARCH_TABLES] = { 0 };
static const gint64 everything_indexed[ATLAS_CASE_N_SEARCH_TABLES] = {
  G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 };

/* Version 4's storage (see version_4_storage_sql): the search index made contentless and
 * built from the tables, in their order. */
static gboolean
migrate_storage_to_4 (sqlite3   *db,
                      gboolean   fill,
                      GError   **error)
{
  return atlas_case_schema_exec (db, version_4_storage_sql, error)
         && (!fill || atlas_case_schema_index_range (db, nothing_indexed, everything_indexed,
                                                     error));
}

/* Version 6's search index (see version_6_sql), built from the tables. */
static gboolean
migrate_search_to_6 (sqlite3  *db,
                     GError  **error)
{
  return atlas_case_schema_exec (db, version_6_sql, error)
         && atlas_case_schema_index_range (db, nothing_indexed, everything_indexed, error);
}

/**
 * atlas_case_schema_migrate_until:
 * @until: the version to stop at, at most %ATLAS_CASE_SCHEMA_VERSION
 *
 * Brings our tables from @from_version to @until, step by step. The caller holds a
 * transaction, so a failed step changes nothing.
 */
gboolean
atlas_case_schema_migrate_until (sqlite3  *db,
                                 int       from_version,
                                 int       until,
                                 GError  **error)
{
  g_return_val_if_fail (from_version >= 1, FALSE);
  g_return_val_if_fail (until <= ATLAS_CASE_SCHEMA_VERSION, FALSE);

  /* the search index of versions 2 and 3 is filled by version 4's step, which replaces it */
  if (from_version < 2 && until >= 2 && (!atlas_case_schema_exec (db, search_index_sql, error)
                                         || !set_version (db, 2, error)))
    return FALSE;

  if (from_version < 3 && until >= 3 && (!atlas_case_schema_exec (db, version_3_sql, error)
                                         || !set_version (db, 3, error)))
    return FALSE;

  /* version 4 is one format change made of two parts: storage (#17) and briefings (#19);
   * its search index is filled unless version 6's step, which replaces it, follows */
  if (from_version < 4 && until >= 4 && (!migrate_storage_to_4 (db, until < 6, error)
                                         || !migrate_briefings_to_4 (db, error)
                                         || !set_version (db, 4, error)))
    return FALSE;

  if (from_version < 5 && until >= 5 && (!atlas_case_schema_exec (db, version_5_sql, error)
                                         || !set_version (db, 5, error)))
    return FALSE;

  if (from_version < 6 && until >= 6 && (!migrate_search_to_6 (db, error)
                                         || !set_version (db, 6, error)))
    return FALSE;

  return TRUE;
}

/**
 * atlas_case_schema_migrate:
 *
 * Brings our tables from @from_version to the current version, within the caller's
 * transaction.
 */
gboolean
atlas_case_schema_migrate (sqlite3  *db,
                           int       from_version,
                           GError  **error)
{
  return atlas_case_schema_migrate_until (db, from_version, ATLAS_CASE_SCHEMA_VERSION, error);
}

/**
 * atlas_case_schema_create_version:
 *
 * Creates every table of an empty case of version @version in @db, within the caller's
 * transaction: the trust check learns what each earlier version wrote this way.
 */
gboolean
atlas_case_schema_create_version (sqlite3  *db,
                                  int       version,
                                  GError  **error)
{
  return create_version_1 (db, error) && atlas_case_schema_migrate_until (db, 1, version, error);
}

/**
 * atlas_case_schema_create:
 *
 * Creates every table of an empty case in @db, within the caller's transaction.
 */
gboolean
atlas_case_schema_create (sqlite3  *db,
                          GError  **error)
{
  return atlas_case_schema_create_version (db, ATLAS_CASE_SCHEMA_VERSION, error);
}

/* The tables the store reads. Each must be a plain table: a view of that name, or a
 * generated column in it, would run SQL that came with the file on every read (a
 * recursive view never ends). */
static const char *const read_tables[] = {
  "gpkg_contents", "atlas_meta", "documents", "actors", "incidents", "routes", "waypoints",
  "claims", "roles", "briefing_steps",
  /* since version 3 */
  "claim_relations", "history", "attachments",
};
#define N_VERSION_2_READ_TABLES 10

static gboolean
is_plain_table (sqlite3    *db,
                const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean plain = FALSE;

  /* table_xinfo's "hidden" column is 2 or 3 for generated columns */
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT type FROM sqlite_master WHERE name = ?1) = 'table'"
                              " AND NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(?1)"
                              "  WHERE hidden IN (2, 3))", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  plain = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  return plain;
}

/**
 * atlas_case_schema_read_version:
 *
 * Returns: our schema version of the file, or 0 when it has no atlas_meta table or any
 *   table the store reads is not a plain table (see read_tables): such a file is not one
 *   of ours, and reading it would run its SQL
 */
int
atlas_case_schema_read_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  for (guint i = 0; i < N_VERSION_2_READ_TABLES; i++)
    if (!is_plain_table (db, read_tables[i]))
      return 0;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM atlas_meta WHERE key = 'schema_version'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    version = (int) g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_finalize (stmt);

  for (guint i = N_VERSION_2_READ_TABLES; version >= 3 && i < G_N_ELEMENTS (read_tables); i++)
    if (!is_plain_table (db, read_tables[i]))
      return 0;
  if (version >= 4 && !is_plain_table (db, "briefings"))
    return 0;
  /* the store's SELECT of claims reads it */
  if (version >= 5 && !is_plain_table (db, "column_sets"))
    return 0;
  return MAX (version, 0);
}

/**
 * atlas_case_schema_check_trusted:
 *
 * A file may run its triggers (trusted_schema on, needed to write the R-tree) only when
 * its whole schema is one we create, word for word: see atlas_case_trust_check().
 */
gboolean
atlas_case_schema_check_trusted (sqlite3  *db,
                                 GError  **error)
{
  return atlas_case_trust_check (db, error);
}
