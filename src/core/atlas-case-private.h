/* atlas-case-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the case store share: atlas-case-open.c opens and checks, atlas-case.c
 * and atlas-case-incidents.c read, atlas-case-write.c writes records and the case's
 * settings, atlas-case-edit.c applies edits and announces changes.
 */

#pragma once

#include <sqlite3.h>

#include "atlas-case-writer.h"
#include "atlas-case.h"

G_BEGIN_DECLS

/* When claims about one attribute are contested: their figures differ, or a figure is
 * met by a claim that gives none (a denial, "unknown"). Descriptions worded differently
 * (two spellings of a name, two ways to say a date) are not a contest. */
#define ATLAS_CASE_CONTESTED_HAVING \
  " HAVING count(DISTINCT value_number) > 1" \
  " OR (count(value_number) > 0 AND count(*) > count(value_number))"

/* the order incidents are listed in */
#define ATLAS_CASE_INCIDENT_ORDER "ORDER BY start_time, title"

struct _AtlasCase
{
  GObject     parent_instance;

  GFile      *file;
  /* Opened with SQLITE_OPEN_FULLMUTEX: the case is opened on a worker thread and then
   * queried from the main thread (and later from workers building indexes). */
  sqlite3    *db;
  char       *title;
  char       *summary;
  char       *read_only_reason;
  char       *initial_frame;
  char       *initial_selection;
  AtlasCaseWriter *writer;         /* when writable */
  GMutex      write_lock;
  gboolean    read_only;

  /* the full check of the file (atlas-case-check.c) */
  GMutex      check_lock;       /* held by the check under way */
  GMutex      integrity_lock;   /* guards the two fields below */
  AtlasCaseIntegrity integrity;
  char       *integrity_problem;
  char       *check_target;     /* what the check's own connection opens, and how */
  int         check_flags;

  /* for edits (atlas-case-edit.c) */
  char       *author;
  guint       watch_id;        /* polls for commits by other connections */
  int         data_version;
};

typedef gboolean (*AtlasCaseWorkFunc) (sqlite3  *db,
                                       gpointer  data,
                                       GError  **error);

sqlite3     *_atlas_case_open_connection    (const char         *path,
                                             int                 mode_flags,
                                             GError            **error);
gboolean     _atlas_case_run_in_transaction (sqlite3            *db,
                                             AtlasCaseWorkFunc   work,
                                             gpointer            data,
                                             GError            **error);
const char  *_atlas_case_column_display_text (sqlite3_stmt      *stmt,
                                             int                 column,
                                             char              **repaired);
gboolean     _atlas_case_check_cheaply      (sqlite3            *db,
                                             GError            **error);
gboolean     _atlas_case_check_on_open      (AtlasCase          *self,
                                             sqlite3            *db,
                                             gboolean            check_later,
                                             GError            **error);
gboolean     _atlas_case_check_before_change (AtlasCase         *self,
                                             sqlite3            *db,
                                             GError            **error);
gboolean     _atlas_case_refuse_unless_intact (AtlasCase        *self,
                                             GError            **error);
void         _atlas_case_class_init_check   (GObjectClass       *object_class);
gboolean     _atlas_case_run_write          (AtlasCase          *self,
                                             AtlasCaseWorkFunc   work,
                                             gpointer            data,
                                             GError            **error);
GType        _atlas_case_record_type        (const char         *kind);
AtlasRecord *_atlas_case_read_exact         (AtlasCase          *self,
                                             GType               type,
                                             const char         *key,
                                             GError            **error);
gboolean     _atlas_case_can_read_records   (AtlasCase          *self,
                                             GType               type,
                                             GError            **error);
GListModel  *_atlas_case_query              (AtlasCase          *self,
                                             GType               type,
                                             const char         *where_and_order,
                                             const char        **bind_values,
                                             GError            **error);
void         _atlas_case_stop_watching      (AtlasCase          *self);
void         _atlas_case_announce_write     (AtlasCase          *self);
void         _atlas_case_class_init_signals (GObjectClass       *object_class);

G_END_DECLS
