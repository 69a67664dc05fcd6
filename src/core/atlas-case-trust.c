/* atlas-case-trust.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a case file's schema is the one Incident Atlas writes, object for object and word
 * for word: only then may it be written to, with its triggers allowed to run. Anything
 * else in a schema runs SQL that came with the file: a trigger or a view, but also a CHECK
 * constraint or a default on every write, an expression or a partial index, an index or a
 * trigger on the search index's own tables as it catches up.
 */

#define G_LOG_DOMAIN "atlas-case"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-case-error.h"
#include "atlas-case-schema.h"
#include "atlas-case-trust.h"

typedef struct {
  char *type;
  char *table;
  char *sql;
} SchemaObject;

static void
schema_object_free (SchemaObject *object)
{
  g_free (object->type);
  g_free (object->table);
  g_free (object->sql);
  g_free (object);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* name → SchemaObject of every row of @db's sqlite_master, or %NULL */
static GHashTable *
read_schema (sqlite3 *db)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) schema_object_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master", -1,
                          &stmt, NULL) != SQLITE_OK)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      SchemaObject *object;

      /* a crafted schema could hide a second object behind a name already seen */
      if (name == NULL || g_hash_table_contains (objects, name))
        break;
      object = g_new0 (SchemaObject, 1);
      object->type = dup_column (stmt, 0);
      object->table = dup_column (stmt, 2);
      object->sql = dup_column (stmt, 3);
      g_hash_table_insert (objects, g_strdup (name), object);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&objects) : NULL;
}

/* Adds each object of @version's schema to @expected (name → GPtrArray of SchemaObject). */
static gboolean
add_version_schema (GHashTable *expected,
                    int         version)
{
  sqlite3 *db = NULL;
  g_autoptr(GHashTable) objects = NULL;
  GHashTableIter iter;
  gpointer name, object;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL)
        == SQLITE_OK
      && atlas_case_schema_create_version (db, version, NULL))
    objects = read_schema (db);
  sqlite3_close (db);
  if (objects == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, &name, &object))
    {
      GPtrArray *forms = g_hash_table_lookup (expected, name);

      if (forms == NULL)
        {
          forms = g_ptr_array_new_with_free_func ((GDestroyNotify) schema_object_free);
          g_hash_table_insert (expected, g_strdup (name), forms);
        }
      /* the object moves to @expected */
      g_ptr_array_add (forms, object);
      g_hash_table_iter_steal (&iter);
      g_free (name);
    }
  return TRUE;
}

/* The schemas new cases got, version by version, made once in memory by the very code that
 * makes new cases, so that whatever a later version adds is expected without a list kept by
 * hand; a file of an earlier version, before its upgrade, holds objects that a later
 * version replaced (version 4's search index, for one). */
static gpointer
make_expected_schema (gpointer data)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (int version = 1; version <= ATLAS_CASE_SCHEMA_VERSION; version++)
    if (!add_version_schema (expected, version))
      {
        g_warning ("The expected case schema could not be made in memory");
        g_clear_pointer (&expected, g_hash_table_unref);
        break;
      }
  return expected;
}

static GHashTable *
get_expected_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_expected_schema, NULL);
}

/* Splits "CREATE TABLE t (a, b, CHECK (c))" into the text up to its list, the list's
 * elements at depth one (stripped), and the text after it; quotes and nested parentheses
 * are kept whole. %FALSE when @sql has no such list or it does not balance. */
static gboolean
split_definitions (const char  *sql,
                   char       **head,
                   GPtrArray   *elements,
                   char       **tail)
{
  const char *open = strchr (sql, '(');
  const char *start;
  int depth = 0;
  char quote = 0;

  if (open == NULL)
    return FALSE;
  start = open + 1;
  for (const char *p = open; *p != '\0'; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        quote = *p == '[' ? ']' : *p;
      else if (*p == '(')
        depth++;
      else if ((*p == ',' && depth == 1) || (*p == ')' && depth == 1))
        {
          g_ptr_array_add (elements, g_strstrip (g_strndup (start, (gsize) (p - start))));
          start = p + 1;
          if (*p == ')')
            {
              *head = g_strndup (sql, (gsize) (open - sql));
              *tail = g_strdup (p + 1);
              return TRUE;
            }
        }
      else if (*p == ')')
        depth--;
    }
  return FALSE;
}

static gboolean
is_table_constraint (const char *element)
{
  static const char *const keywords[] = { "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
                                          "FOREIGN" };

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_ascii_strncasecmp (element, keywords[i], strlen (keywords[i])) == 0)
      return TRUE;
  return FALSE;
}

/* A file made by an earlier version has tables with fewer columns: each of its column
 * and constraint definitions is one of ours, word for word and in our order, and only
 * column definitions of ours are missing. Leaving text out adds no SQL to run. */
static gboolean
is_earlier_table (const char *sql,
                  const char *expected)
{
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *our_head = NULL, *our_tail = NULL, *their_head = NULL, *their_tail = NULL;
  guint next = 0;

  if (!split_definitions (expected, &our_head, ours, &our_tail)
      || !split_definitions (sql, &their_head, theirs, &their_tail)
      || g_strcmp0 (our_head, their_head) != 0 || g_strcmp0 (our_tail, their_tail) != 0)
    return FALSE;

  for (guint i = 0; i < theirs->len; i++)
    {
      while (next < ours->len && g_strcmp0 (ours->pdata[next], theirs->pdata[i]) != 0)
        if (is_table_constraint (ours->pdata[next++]))
          return FALSE;
      if (next++ == ours->len)
        return FALSE;
    }
  for (; next < ours->len; next++)
    if (is_table_constraint (ours->pdata[next]))
      return FALSE;
  return TRUE;
}

static gboolean
is_expected_form (SchemaObject *object,
                  SchemaObject *expected)
{
  if (expected == NULL || g_strcmp0 (object->type, expected->type) != 0
      || g_strcmp0 (object->table, expected->table) != 0)
    return FALSE;
  if (g_strcmp0 (object->sql, expected->sql) == 0)
    return TRUE;
  return g_strcmp0 (object->type, "table") == 0 && object->sql != NULL && expected->sql != NULL
         && is_earlier_table (object->sql, expected->sql);
}

static gboolean
is_expected (SchemaObject *object,
             GPtrArray    *forms)
{
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    if (is_expected_form (object, g_ptr_array_index (forms, i)))
      return TRUE;
  return FALSE;
}

static gboolean
set_foreign_error (GError      **error,
                   const char   *name,
                   SchemaObject *object,
                   GPtrArray    *expected)
{
  if (expected != NULL)
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_UNTRUSTED,
                 _("its %s “%s” is not defined as Incident Atlas defines it (a column, a "
                   "constraint or an expression differs)"), object->type, name);
  else if (g_strcmp0 (object->type, "index") == 0)
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_UNTRUSTED,
                 _("it contains an index “%s” that Incident Atlas did not create"), name);
  else
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_UNTRUSTED,
                 /* Translators: the first %s is "table", "trigger" or "view" */
                 _("it contains a %s “%s” that Incident Atlas did not create"),
                 object->type, name);
  return FALSE;
}

/**
 * atlas_case_trust_check:
 *
 * A file may be written to, its triggers allowed to run (trusted_schema on, which the
 * R-tree needs), only when every object in its sqlite_master is one a new case gets, with
 * the same text: then no SQL that came with the file ever runs. Objects may be missing (a
 * file from an earlier version, before it is upgraded), as may the last columns of a table.
 *
 * Returns: %FALSE with @error (%ATLAS_CASE_ERROR_UNTRUSTED) naming the first foreign object
 */
gboolean
atlas_case_trust_check (sqlite3  *db,
                        GError  **error)
{
  GHashTable *expected = get_expected_schema ();
  g_autoptr(GHashTable) objects = read_schema (db);
  GHashTableIter iter;
  gpointer name, object;

  if (expected == NULL || objects == NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_UNTRUSTED,
                   _("its schema cannot be read: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, &name, &object))
    if (!is_expected (object, g_hash_table_lookup (expected, name)))
      return set_foreign_error (error, name, object, g_hash_table_lookup (expected, name));
  return TRUE;
}
