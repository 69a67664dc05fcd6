/* atlas-column-set.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import keeps the columns of a row that the app does not read in one claim whose
 * attribute ends in "_columns" ("Other ACLED columns"), as lines of "name: value". Stored
 * that way every row repeats the names: about 190 of the ~330 bytes of an ACLED row's claim,
 * and as many words in the search index. Since case format 5 the writer stores such a claim
 * packed: value_text holds only the values, separated by U+001F, and column_set names the
 * row of column_sets that holds the names, separated the same way, once per case and set of
 * columns. A claim is packed only when unpacking gives its text back byte for byte (every
 * line is "name: value", and neither names nor values hold U+001F); any other stays as it
 * is, with column_set NULL. The store unpacks in its SELECT (ATLAS_COLUMN_SET_VALUE_TEXT_SQL),
 * so nothing above it sees the packed form; an edit of the text stores it plain again. The
 * values alone still go into the search index, as words. GDAL and QGIS show the packed
 * values, and the names in the column_sets table.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-case-error.h"
#include "atlas-column-set.h"

#define NAME_VALUE_SEPARATOR ": "
/* Longer names than any file's columns: a file with such a set (damaged or hostile) shows
 * the values alone, rather than splitting megabytes for each claim it reads. */
#define MAX_NAMES_BYTES 65536

/**
 * atlas_column_set_pack:
 * @text: a claim's text, as lines of "name: value"
 * @names: (out caller-allocates): set to the names, separated by U+001F
 * @values: (out caller-allocates): set to the values, separated by U+001F
 *
 * Returns: %TRUE when @text packs so that atlas_column_set_unpack() gives it back exactly
 */
gboolean
atlas_column_set_pack (const char *text,
                       GString    *names,
                       GString    *values)
{
  const char *line = text;

  g_string_truncate (names, 0);
  g_string_truncate (values, 0);
  if (text == NULL || strchr (text, ATLAS_COLUMN_SET_SEPARATOR) != NULL)
    return FALSE;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      const char *split = strstr (line, NAME_VALUE_SEPARATOR);
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      /* a line without its separator (a value's second line, say) would not come back */
      if (split == NULL || (end != NULL && split > end))
        return FALSE;
      if (names->len > 0 || line != text)
        {
          g_string_append_c (names, ATLAS_COLUMN_SET_SEPARATOR);
          g_string_append_c (values, ATLAS_COLUMN_SET_SEPARATOR);
        }
      g_string_append_len (names, line, split - line);
      split += strlen (NAME_VALUE_SEPARATOR);
      g_string_append_len (values, split, (gssize) (length - (gsize) (split - line)));
      if (end == NULL)
        return TRUE;
      line = end + 1;
    }
}

/**
 * atlas_column_set_unpack:
 * @names: (nullable): the names, as atlas_column_set_pack() made them
 * @values: the values
 *
 * Returns: the "name: value" lines; with no names (a file whose set is gone), the values as
 *   they are. A value without a name (a file that lost some) is a line of its own.
 */
char *
atlas_column_set_unpack (const char *names,
                         const char *values)
{
  static const char separator[] = { ATLAS_COLUMN_SET_SEPARATOR, '\0' };
  g_auto(GStrv) name_list = NULL, value_list = NULL;
  GString *text;

  if (names == NULL || values == NULL)
    return g_strdup (values);

  name_list = g_strsplit (names, separator, -1);
  value_list = g_strsplit (values, separator, -1);
  text = g_string_new (NULL);
  for (guint i = 0, n_names = g_strv_length (name_list); value_list[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      if (i < n_names)
        g_string_append_printf (text, "%s" NAME_VALUE_SEPARATOR, name_list[i]);
      g_string_append (text, value_list[i]);
    }
  return g_string_free (text, FALSE);
}

/* Whether the writer packs claims of @attribute: the importers' "<format>_columns" */
gboolean
atlas_column_set_packs_attribute (const char *attribute)
{
  return attribute != NULL && g_str_has_suffix (attribute, "_columns");
}

static void
unpack_function (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *names = sqlite3_value_bytes (argv[0]) <= MAX_NAMES_BYTES
                      ? (const char *) sqlite3_value_text (argv[0]) : NULL;
  const char *values = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_text (context, atlas_column_set_unpack (names, values), -1, g_free);
}

/**
 * atlas_column_set_register_sql_function:
 *
 * Gives @db atlas_unpack_columns(names, values), which the store's SELECT of claims calls.
 * DIRECTONLY: a view or trigger that came with a file cannot call it.
 */
void
atlas_column_set_register_sql_function (sqlite3 *db)
{
  sqlite3_create_function_v2 (db, "atlas_unpack_columns", 2,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, unpack_function, NULL, NULL, NULL);
}

/* ---- the writer's sets -------------------------------------------------------------- */

struct _AtlasColumnSets
{
  sqlite3      *db;
  GHashTable   *ids;      /* names → row id in column_sets, known within this write */
  GString      *names;
  GString      *values;
  sqlite3_stmt *find;
  sqlite3_stmt *add;
};

AtlasColumnSets *
atlas_column_sets_new (sqlite3 *db)
{
  AtlasColumnSets *self = g_new0 (AtlasColumnSets, 1);

  self->db = db;
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_string_new (NULL);
  self->values = g_string_new (NULL);
  return self;
}

void
atlas_column_sets_free (AtlasColumnSets *self)
{
  g_hash_table_unref (self->ids);
  g_string_free (self->names, TRUE);
  g_string_free (self->values, TRUE);
  sqlite3_finalize (self->find);
  sqlite3_finalize (self->add);
  g_free (self);
}

/* Called as a write begins: the ids known came from a transaction that may have been
 * rolled back since. */
void
atlas_column_sets_forget (AtlasColumnSets *self)
{
  g_hash_table_remove_all (self->ids);
}

static gint64
step_for_id (sqlite3_stmt *stmt,
             const char   *names,
             gboolean      inserting)
{
  gint64 id = 0;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, names, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (!inserting && rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (inserting && rc == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  sqlite3_reset (stmt);
  return id;
}

/* The row of @names in column_sets, added if it is not there yet; 0 on failure. */
static gint64
find_or_add_set (AtlasColumnSets *self,
                 const char      *names)
{
  gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->ids, names));

  if (id > 0)
    return id;
  if ((self->find == NULL
       && sqlite3_prepare_v2 (self->db, "SELECT id FROM column_sets WHERE names = ?", -1,
                              &self->find, NULL) != SQLITE_OK)
      || (self->add == NULL
          && sqlite3_prepare_v2 (self->db, "INSERT INTO column_sets (names) VALUES (?)", -1,
                                 &self->add, NULL) != SQLITE_OK))
    return 0;
  id = step_for_id (self->find, names, FALSE);
  if (id == 0)
    id = step_for_id (self->add, names, TRUE);
  if (id > 0)
    g_hash_table_insert (self->ids, g_strdup (names), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/**
 * atlas_column_sets_bind:
 * @value_index: where @stmt takes the claim's value_text, already bound to @value_text
 * @set_index: where @stmt takes its column_set
 *
 * Binds the claim's value_text packed, and its column_set, when it packs; binds
 * column_set NULL when it does not.
 */
gboolean
atlas_column_sets_bind (AtlasColumnSets  *self,
                        sqlite3_stmt     *stmt,
                        int               value_index,
                        int               set_index,
                        const char       *attribute,
                        const char       *value_text,
                        GError          **error)
{
  gint64 id;

  if (!atlas_column_set_packs_attribute (attribute)
      || !atlas_column_set_pack (value_text, self->names, self->values))
    return sqlite3_bind_null (stmt, set_index) == SQLITE_OK;

  id = find_or_add_set (self, self->names->str);
  if (id == 0)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                   _("the names of an import’s columns could not be kept: %s"),
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, value_index, self->values->str, (int) self->values->len,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, set_index, id);
  return TRUE;
}
