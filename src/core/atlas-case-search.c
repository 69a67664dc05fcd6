/* atlas-case-search.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search of a case, best match first. In a case of a million incidents a common
 * word or a single letter matches most rows, and ranking them takes seconds: the search
 * the window runs as one types goes on a worker, on a read-only connection of its own (the
 * case's connection stays free for the rest of the window meanwhile), and stops as soon as
 * it is cancelled, when the next keystroke makes it useless.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-case-error.h"
#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-case.h"
#include "atlas-record.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* at most this many records, best first */
#define SEARCH_LIMIT 200
/* at most this many matches ranked (see find_row_ids()) */
#define RANKED_AT_MOST 20000

/* How often (in SQLite's virtual machine steps) a search asks whether it was cancelled:
 * about every 15 ms while ranking a million matches. */
#define STEPS_PER_CANCEL_CHECK 1000

/* The kind of record of each #AtlasCaseSearchTable. */
static const char *const search_kinds[ATLAS_CASE_N_SEARCH_TABLES] = {
  "incident", "route", "waypoint", "actor", "document", "claim",
};

/* FTS5's own entry points, which hand out its tokenizers. */
static fts5_api *
find_fts5_api (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  return api;
}

static int
add_word_cb (void       *query,
             int         flags,
             const char *word,
             int         length,
             int         start,
             int         end)
{
  GString *string = query;

  /* a word and any word it begins, quoted so nothing in it is read as FTS syntax */
  if (string->len > 0)
    g_string_append_c (string, ' ');
  g_string_append_c (string, '"');
  for (const char *c = word; c < word + length; c++)
    {
      if (*c == '"')
        g_string_append_c (string, '"');
      g_string_append_c (string, *c);
    }
  g_string_append (string, "\"*");
  return SQLITE_OK;
}

/* Turns what a person types into an FTS5 query: each word, cut and folded by the index's
 * own tokenizer, as a prefix of its own. The index keeps no positions (case format 6), so
 * a query must never hold a phrase, which a word quoted whole would be wherever the
 * tokenizer cuts it (at the vowel signs of Devanagari, which GLib keeps within a word);
 * records holding every word come back, as they type. */
static char *
build_match_query (sqlite3     *db,
                   const char  *text,
                   GError     **error)
{
  const char *arguments[] = { ATLAS_CASE_SEARCH_TOKENIZER_ARGS };
  g_autoptr(GString) query = g_string_new (NULL);
  fts5_tokenizer methods;
  Fts5Tokenizer *tokenizer = NULL;
  fts5_api *api = find_fts5_api (db);
  void *context = NULL;
  int rc;

  if (api == NULL
      || api->xFindTokenizer (api, ATLAS_CASE_SEARCH_TOKENIZER, &context, &methods) != SQLITE_OK
      || methods.xCreate (context, arguments, G_N_ELEMENTS (arguments), &tokenizer) != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                           _("the search cannot read what was typed: SQLite has no full-text "
                             "search"));
      return NULL;
    }
  rc = methods.xTokenize (tokenizer, query, FTS5_TOKENIZE_QUERY, text, (int) strlen (text),
                          add_word_cb);
  methods.xDelete (tokenizer);
  if (rc != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                           _("the search cannot read what was typed"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static int
stop_if_cancelled (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* A match and its score (FTS5's bm25: lower is better). */
typedef struct {
  gint64 row_id;
  double score;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return (x->row_id > y->row_id) - (x->row_id < y->row_id);
}

/* The search index's row ids matching @query, best first: of at most RANKED_AT_MOST
 * matches, the first in the file, so that a word most records hold (a single letter, "town"
 * in a million ACLED rows) is not ranked in full: FTS5's own ORDER BY rank took 2.1 s for
 * "t" at a million incidents and 17 s at ten million. Fewer matches are ranked exactly. */
static GArray *
find_row_ids (sqlite3       *db,
              const char    *query,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *row_ids;
  int rc;

  stmt = atlas_case_schema_prepare (db, "SELECT rowid, bm25(search_index) FROM search_index"
                                        " WHERE search_index MATCH ?"
                                        " LIMIT " G_STRINGIFY (RANKED_AT_MOST), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);

  if (cancellable != NULL)
    sqlite3_progress_handler (db, STEPS_PER_CANCEL_CHECK, stop_if_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Match match = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (matches, match);
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      atlas_case_schema_set_error (error, db, _("the search index cannot be read"));
      return NULL;
    }

  g_array_sort (matches, compare_matches);
  row_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), SEARCH_LIMIT);
  for (guint i = 0; i < matches->len && i < SEARCH_LIMIT; i++)
    g_array_append_val (row_ids, g_array_index (matches, Match, i).row_id);
  return row_ids;
}

/* The records behind @row_ids, in their order; a record gone since is left out. */
static GListModel *
lookup_records (AtlasCase *self,
                GArray    *row_ids)
{
  GListStore *records = g_list_store_new (ATLAS_TYPE_RECORD);

  for (guint i = 0; i < row_ids->len; i++)
    {
      /* the row's id is its record's id times 8 plus its table's number */
      gint64 row_id = g_array_index (row_ids, gint64, i);
      int table = (int) (row_id & 7);
      g_autoptr(AtlasRecord) record = NULL;

      if (table < ATLAS_CASE_N_SEARCH_TABLES)
        record = atlas_case_lookup_by_id (self, search_kinds[table], row_id >> 3);
      if (record != NULL)
        g_list_store_append (records, record);
    }
  return G_LIST_MODEL (records);
}

static GListModel *
search_on (AtlasCase     *self,
           sqlite3       *db,
           const char    *text,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *query = build_match_query (db, text, error);
  g_autoptr(GArray) row_ids = NULL;

  if (query == NULL)
    return NULL;
  if (*query == '\0')
    return G_LIST_MODEL (g_list_store_new (ATLAS_TYPE_RECORD));
  row_ids = find_row_ids (db, query, cancellable, error);
  return row_ids != NULL ? lookup_records (self, row_ids) : NULL;
}

/**
 * atlas_case_search:
 *
 * Searches on the case's own connection. Blocks for as long as the search takes (seconds
 * in a large case): the window uses atlas_case_search_async().
 *
 * Returns: (transfer full): records whose text matches @text, best first
 */
GListModel *
atlas_case_search (AtlasCase   *self,
                   const char  *text,
                   GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return search_on (self, self->db, text, NULL, error);
}

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AtlasCase *self = source_object;
  GError *error = NULL;
  GListModel *found = NULL;
  sqlite3 *db;

  /* the same file, opened as the full check opens it: read-only, and never blocking the
   * case's own connection, which the window keeps using meanwhile */
  db = _atlas_case_open_connection (self->check_target, self->check_flags, &error);
  if (db != NULL)
    found = search_on (self, db, task_data, cancellable, &error);
  sqlite3_close (db);

  if (found != NULL)
    g_task_return_pointer (task, found, g_object_unref);
  else
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("“%s” cannot be searched: "), name);
      g_task_return_error (task, error);
    }
}

/**
 * atlas_case_search_async:
 * @cancellable: (nullable): stops the search, which then fails with %G_IO_ERROR_CANCELLED
 *
 * atlas_case_search() on a worker thread and a connection of its own.
 */
void
atlas_case_search_async (AtlasCase           *self,
                         const char          *text,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_CASE (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_case_search_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_in_thread);
}

/**
 * atlas_case_search_finish:
 *
 * Returns: (transfer full): records whose text matches, best first; %NULL with @error
 */
GListModel *
atlas_case_search_finish (AtlasCase     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
