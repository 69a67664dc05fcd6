/* atlas-rtree-loader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the GeoPackage R-tree of a point table in one go: the points are sorted along a
 * Hilbert curve (by SQLite's sorter, which spills to a temporary file, so that memory does
 * not grow with the table: only the leaves' parents, one in ~50 points, are held), packed
 * into full nodes bottom up, and the nodes written straight into
 * the R-tree's shadow tables in SQLite's own format (a node: 2-byte depth, 2-byte cell
 * count, then cells of a big-endian 64-bit rowid or child node and four big-endian 32-bit
 * floats, min x, max x, min y, max y, rounded outwards). Inserting a million rows one by
 * one through the R-tree costs 15–22 s; this costs a fraction of it. The caller holds the
 * transaction and has checked that the file is one of ours.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-case-error.h"
#include "atlas-rtree-loader.h"

#define CELL_SIZE 24        /* rowid + 4 float32 */
#define NODE_HEADER 4
#define HILBERT_ORDER 16

typedef struct {
  gint64 id;
  float  box[4];            /* min x, max x, min y, max y */
} Entry;

static float
round_down (double value)
{
  float f = (float) value;

  return (double) f > value ? nextafterf (f, -INFINITY) : f;
}

static float
round_up (double value)
{
  float f = (float) value;

  return (double) f < value ? nextafterf (f, INFINITY) : f;
}

/* Position of the cell (x, y) on a Hilbert curve over a 2^16 × 2^16 grid. */
static guint32
hilbert_index (guint32 x,
               guint32 y)
{
  guint32 d = 0;

  for (guint32 s = 1u << (HILBERT_ORDER - 1); s > 0; s >>= 1)
    {
      guint32 rx = (x & s) > 0, ry = (y & s) > 0;

      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0)
        {
          if (rx == 1)
            x = s - 1 - x, y = s - 1 - y;
          guint32 t = x;
          x = y, y = t;
        }
    }
  return d;
}

/* atlas_hilbert(longitude, latitude): the point's position on the curve, for ORDER BY */
static void
hilbert_function (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  double x = CLAMP (sqlite3_value_double (argv[0]), -180, 180);
  double y = CLAMP (sqlite3_value_double (argv[1]), -90, 90);

  sqlite3_result_int64 (context, hilbert_index ((guint32) ((x + 180) / 360 * 65535),
                                                (guint32) ((y + 90) / 180 * 65535)));
}

static gboolean
fail (GError    **error,
      sqlite3    *db,
      const char *table)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
               _("the spatial index of %s could not be built: %s"), table, sqlite3_errmsg (db));
  return FALSE;
}

static void
forget_hilbert_function (sqlite3 *db)
{
  sqlite3_create_function_v2 (db, "atlas_hilbert", 2, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
}

/* The table's points, in Hilbert order */
static sqlite3_stmt *
prepare_points (sqlite3    *db,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, longitude, latitude FROM \"%s\""
                                          " WHERE geom IS NOT NULL"
                                          " ORDER BY atlas_hilbert(longitude, latitude)", table);
  sqlite3_stmt *stmt = NULL;

  /* DIRECTONLY: a view or trigger in a hostile file cannot call it */
  if (sqlite3_create_function_v2 (db, "atlas_hilbert", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                  NULL, hilbert_function, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  return stmt;
}

static void
read_entry (sqlite3_stmt *stmt,
            Entry        *entry)
{
  double x = sqlite3_column_double (stmt, 1), y = sqlite3_column_double (stmt, 2);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->box[0] = round_down (x);
  entry->box[1] = round_up (x);
  entry->box[2] = round_down (y);
  entry->box[3] = round_up (y);
}

static void
put_int (guint8 *p,
         guint64 value,
         guint   bytes)
{
  for (guint i = 0; i < bytes; i++)
    p[i] = (guint8) (value >> (8 * (bytes - 1 - i)));
}

static void
put_cell (guint8      *cell,
          gint64       id,
          const float  box[4])
{
  put_int (cell, (guint64) id, 8);
  for (guint i = 0; i < 4; i++)
    {
      guint32 bits;

      memcpy (&bits, &box[i], sizeof bits);
      put_int (cell + 8 + 4 * i, bits, 4);
    }
}

static void
extend_box (float       box[4],
            const float other[4])
{
  box[0] = MIN (box[0], other[0]);
  box[1] = MAX (box[1], other[1]);
  box[2] = MIN (box[2], other[2]);
  box[3] = MAX (box[3], other[3]);
}

typedef struct {
  sqlite3      *db;
  sqlite3_stmt *node;
  sqlite3_stmt *rowid;
  sqlite3_stmt *parent;
  gsize         node_size;
  gint64        next_nodeno;
} Writer;

static gboolean
step_and_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
write_node (Writer       *writer,
            gint64        nodeno,
            guint         depth,
            const Entry  *cells,
            guint         n_cells,
            gboolean      leaf)
{
  g_autofree guint8 *data = g_malloc0 (writer->node_size);

  put_int (data, depth, 2);
  put_int (data + 2, n_cells, 2);
  for (guint i = 0; i < n_cells; i++)
    {
      put_cell (data + NODE_HEADER + i * CELL_SIZE, cells[i].id, cells[i].box);
      if (leaf)
        {
          sqlite3_bind_int64 (writer->rowid, 1, cells[i].id);
          sqlite3_bind_int64 (writer->rowid, 2, nodeno);
          if (!step_and_reset (writer->rowid))
            return FALSE;
        }
      else
        {
          sqlite3_bind_int64 (writer->parent, 1, cells[i].id);
          sqlite3_bind_int64 (writer->parent, 2, nodeno);
          if (!step_and_reset (writer->parent))
            return FALSE;
        }
    }
  sqlite3_bind_int64 (writer->node, 1, nodeno);
  sqlite3_bind_blob (writer->node, 2, data, (int) writer->node_size, SQLITE_STATIC);
  return step_and_reset (writer->node);
}

/* Writes @cells as a node below the root, and adds its cell in the level above to @parents */
static gboolean
write_child_node (Writer      *writer,
                  const Entry *cells,
                  guint        n_cells,
                  gboolean     leaf,
                  GArray      *parents)
{
  Entry parent = { writer->next_nodeno++, { cells[0].box[0], cells[0].box[1],
                                            cells[0].box[2], cells[0].box[3] } };

  for (guint i = 1; i < n_cells; i++)
    extend_box (parent.box, cells[i].box);
  g_array_append_val (parents, parent);
  return write_node (writer, parent.id, 0, cells, n_cells, leaf);
}

/* Writes the leaves as the sorted points come, holding one node's worth of them; returns
 * their parents, or an empty array when all points fit in one leaf, written as the root
 * (always node 1; its first two bytes give the tree's depth). */
static GArray *
write_leaves (Writer       *writer,
              sqlite3_stmt *points,
              guint         capacity,
              gboolean     *ok)
{
  g_autofree Entry *cells = g_new (Entry, capacity);
  GArray *parents = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint n = 0;
  int rc = SQLITE_DONE;

  while (*ok && (rc = sqlite3_step (points)) == SQLITE_ROW)
    {
      if (n == capacity)
        {
          *ok = write_child_node (writer, cells, n, TRUE, parents);
          n = 0;
        }
      read_entry (points, &cells[n++]);
    }
  if (!*ok || rc != SQLITE_DONE)
    *ok = FALSE;
  else if (parents->len == 0)
    *ok = write_node (writer, 1, 0, cells, n, TRUE);
  else if (n > 0)
    *ok = write_child_node (writer, cells, n, TRUE, parents);
  return parents;
}

/* Packs one level of inner cells into nodes of @capacity; returns the next level's cells
 * (one per node), or writes the root when the level fits in one node. */
static GArray *
write_level (Writer   *writer,
             GArray   *level,
             guint     capacity,
             guint     depth,
             gboolean *ok)
{
  GArray *parents = g_array_new (FALSE, FALSE, sizeof (Entry));

  if (level->len <= capacity)
    {
      *ok = write_node (writer, 1, depth, (Entry *) level->data, level->len, FALSE);
      return parents;
    }

  for (guint start = 0; *ok && start < level->len; start += capacity)
    *ok = write_child_node (writer, &g_array_index (level, Entry, start),
                            MIN (capacity, level->len - start), FALSE, parents);
  return parents;
}

static gsize
read_node_size (sqlite3    *db,
                const char *rtree)
{
  g_autofree char *sql = g_strdup_printf ("SELECT length(data) FROM \"%s_node\" WHERE nodeno = 1",
                                          rtree);
  sqlite3_stmt *stmt = NULL;
  gsize size = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    size = (gsize) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static gboolean
prepare_writer (Writer     *writer,
                sqlite3    *db,
                const char *rtree)
{
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%1$s_node\"; DELETE FROM \"%1$s_rowid\";"
                                            " DELETE FROM \"%1$s_parent\";", rtree);
  g_autofree char *node = g_strdup_printf ("INSERT INTO \"%s_node\" VALUES (?, ?)", rtree);
  g_autofree char *rowid = g_strdup_printf ("INSERT INTO \"%s_rowid\" (rowid, nodeno)"
                                            " VALUES (?, ?)", rtree);
  g_autofree char *parent = g_strdup_printf ("INSERT INTO \"%s_parent\" VALUES (?, ?)", rtree);

  writer->db = db;
  writer->next_nodeno = 2;
  writer->node_size = read_node_size (db, rtree);
  return writer->node_size > NODE_HEADER + CELL_SIZE
         && sqlite3_exec (db, clear, NULL, NULL, NULL) == SQLITE_OK
         && sqlite3_prepare_v2 (db, node, -1, &writer->node, NULL) == SQLITE_OK
         && sqlite3_prepare_v2 (db, rowid, -1, &writer->rowid, NULL) == SQLITE_OK
         && sqlite3_prepare_v2 (db, parent, -1, &writer->parent, NULL) == SQLITE_OK;
}

static gboolean
write_tree (Writer       *writer,
            sqlite3_stmt *points)
{
  guint capacity = (guint) ((writer->node_size - NODE_HEADER) / CELL_SIZE);
  gboolean ok = TRUE;
  g_autoptr(GArray) level = write_leaves (writer, points, capacity, &ok);

  for (guint depth = 1; ok && level->len > 0; depth++)
    {
      GArray *next = write_level (writer, level, capacity, depth, &ok);

      g_array_unref (level);
      level = next;
    }
  return ok;
}

/**
 * atlas_rtree_loader_rebuild:
 * @table: a point feature table of ours ("incidents", "waypoints")
 *
 * Replaces the whole R-tree of @table with one built from its rows.
 */
gboolean
atlas_rtree_loader_rebuild (sqlite3     *db,
                            const char  *table,
                            GError     **error)
{
  g_autofree char *rtree = g_strdup_printf ("rtree_%s_geom", table);
  sqlite3_stmt *points = prepare_points (db, table);
  Writer writer = { 0 };
  gboolean ok;
  int defensive = 1;

  if (points == NULL)
    {
      fail (error, db, table);
      forget_hilbert_function (db);
      return FALSE;
    }

  /* shadow tables are read-only to SQL in defensive mode: lift it for this, and only this */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  ok = prepare_writer (&writer, db, rtree) && write_tree (&writer, points);
  if (!ok)
    fail (error, db, table);
  sqlite3_finalize (points);
  sqlite3_finalize (writer.node);
  sqlite3_finalize (writer.rowid);
  sqlite3_finalize (writer.parent);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
  forget_hilbert_function (db);
  return ok;
}
