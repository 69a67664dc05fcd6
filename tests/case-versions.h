/* case-versions.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQL that turns a new case back into what an earlier version of Incident Atlas wrote, for
 * the tests of the migrations.
 */

#pragma once

/* Version 5's search index kept where in its record each word is (FTS5's detail=full).
 * Its rows are the incidents', as version 5 indexed them. */
#define DOWNGRADE_TO_VERSION_5 \
  "DROP TABLE search_index;" \
  "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content = ''," \
  " tokenize = 'unicode61 remove_diacritics 2');" \
  "INSERT INTO search_index (rowid, title, body) SELECT id * 8, title," \
  " coalesce(summary, '') || ' ' || coalesce(place, '') || ' ' || coalesce(admin_area, '')" \
  " || ' ' || coalesce(country, '') || ' ' || category FROM incidents;" \
  "UPDATE atlas_meta SET value = '5' WHERE key = 'schema_version';"

/* Version 4 kept the rest of an imported row in its claim's text as "name: value" lines,
 * with no column_sets table (exec_raw() gives SQL the store's unpacking function), and had
 * no index of the incidents' categories. */
#define DOWNGRADE_TO_VERSION_4 \
  DOWNGRADE_TO_VERSION_5 \
  "UPDATE claims SET value_text = atlas_unpack_columns((SELECT names FROM column_sets" \
  " WHERE id = claims.column_set), value_text) WHERE column_set IS NOT NULL;" \
  "ALTER TABLE claims DROP COLUMN column_set; DROP TABLE column_sets;" \
  "DROP INDEX incidents_category;" \
  "DELETE FROM gpkg_contents WHERE table_name = 'column_sets';" \
  "UPDATE atlas_meta SET value = '4' WHERE key = 'schema_version';"

/* Version 3's search index kept a copy of each text, with the record's kind and key. Its
 * rows are the incidents', as version 3 indexed them. Version 3 had one briefing, its steps
 * with no view of their own. */
#define DOWNGRADE_TO_VERSION_3 \
  DOWNGRADE_TO_VERSION_4 \
  "DROP INDEX briefing_steps_briefing; DROP TABLE briefings;" \
  "DELETE FROM gpkg_contents WHERE table_name = 'briefings';" \
  "ALTER TABLE briefing_steps DROP COLUMN briefing_key;" \
  "ALTER TABLE briefing_steps DROP COLUMN center_lat;" \
  "ALTER TABLE briefing_steps DROP COLUMN center_lon;" \
  "ALTER TABLE briefing_steps DROP COLUMN zoom;" \
  "ALTER TABLE briefing_steps DROP COLUMN start_date;" \
  "ALTER TABLE briefing_steps DROP COLUMN end_date;" \
  "ALTER TABLE briefing_steps DROP COLUMN filters;" \
  "DROP TABLE search_index;" \
  "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, key UNINDEXED, title, body," \
  " tokenize = 'unicode61 remove_diacritics 2');" \
  "INSERT INTO search_index (rowid, kind, key, title, body) SELECT id * 8, 'incident', key," \
  " title, coalesce(summary, '') || ' ' || coalesce(place, '') || ' ' || coalesce(admin_area, '')" \
  " || ' ' || coalesce(country, '') || ' ' || category FROM incidents;" \
  "UPDATE atlas_meta SET value = '3' WHERE key = 'schema_version';"

#define DOWNGRADE_TO_VERSION_2 \
  DOWNGRADE_TO_VERSION_3 \
  "DROP TABLE claim_relations; DROP TABLE history; DROP TABLE attachments;" \
  "DELETE FROM gpkg_contents WHERE table_name IN ('claim_relations', 'history', 'attachments');" \
  "ALTER TABLE documents DROP COLUMN accessed; ALTER TABLE documents DROP COLUMN language;" \
  "ALTER TABLE documents DROP COLUMN reliability_note;" \
  "ALTER TABLE claims DROP COLUMN credibility_note;" \
  "ALTER TABLE documents DROP COLUMN graded_by; ALTER TABLE claims DROP COLUMN graded_by;"
