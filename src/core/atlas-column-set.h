/* atlas-column-set.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Claims that keep the rest of an imported row ("name: value" lines) are stored with their
 * column names once per case, in column_sets: see atlas-column-set.c.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What separates the names, and the values, of a packed claim: U+001F, UNIT SEPARATOR */
#define ATLAS_COLUMN_SET_SEPARATOR '\x1f'

gboolean  atlas_column_set_pack                (const char *text,
                                                GString    *names,
                                                GString    *values);
char     *atlas_column_set_unpack              (const char *names,
                                                const char *values);
gboolean  atlas_column_set_packs_attribute     (const char *attribute);
void      atlas_column_set_register_sql_function (sqlite3  *db);

/* The SQL that reads a claim's value_text, unpacked, in a SELECT from claims. */
#define ATLAS_COLUMN_SET_VALUE_TEXT_SQL \
  "CASE WHEN column_set IS NULL THEN value_text ELSE atlas_unpack_columns(" \
  "(SELECT names FROM column_sets WHERE id = claims.column_set), value_text) END"

/* The writer's map of column names to their row in column_sets, for one write. */
typedef struct _AtlasColumnSets AtlasColumnSets;

AtlasColumnSets *atlas_column_sets_new    (sqlite3          *db);
void             atlas_column_sets_free   (AtlasColumnSets  *self);
void             atlas_column_sets_forget (AtlasColumnSets  *self);
gboolean         atlas_column_sets_bind   (AtlasColumnSets  *self,
                                           sqlite3_stmt     *stmt,
                                           int               value_index,
                                           int               set_index,
                                           const char       *attribute,
                                           const char       *value_text,
                                           GError          **error);

G_END_DECLS
