/* atlas-import-plan-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of AtlasImportPlan share: reading (atlas-import-plan.c), writing
 * (atlas-import-plan-write.c) and the problems' report (atlas-import-plan-report.c).
 */

#pragma once

#include "atlas-import-batch.h"
#include "atlas-import-file.h"
#include "atlas-import-plan.h"

G_BEGIN_DECLS

struct _AtlasImportPlan
{
  GObject            parent_instance;

  GFile             *file;
  char              *file_name;
  AtlasCsvMapping    mapping;
  char              *mapping_strings[5];
  gboolean           has_mapping;

  AtlasImportFormat  format;
  const char        *format_label;
  AtlasImportBatch  *batch;
  GPtrArray         *all_records;   /* documents first, then the first records read */
  GPtrArray         *kept;          /* while loading: the first records read */
  char              *import_id;     /* the keys' part of the import; the same when applied */
  char              *import_time;
  char              *stamp;         /* which version of the file was read: see
                                     * atlas_import_file_get_stamp() */
  guint64            write_total;   /* while applying: records to write, and handed on */
  guint64            write_handed;
  gboolean           write_progress;
  AtlasCaseCounts    counts;
  gboolean           loaded;
  gboolean           applied;
  gboolean           problems_accepted;

  /* progress, written by the thread that loads */
  int                fraction;      /* in millionths, atomic */
  int                notify_pending;
  GMainContext      *notify_context;
};

void              _atlas_import_plan_progress          (double             fraction,
                                                        gpointer           user_data);
AtlasImportBatch *_atlas_import_plan_new_batch         (AtlasImportPlan   *self);
void              _atlas_import_plan_tally_records     (AtlasCaseCounts   *counts,
                                                        GPtrArray         *records);
void              _atlas_import_plan_count_records     (AtlasImportPlan   *self);
gboolean          _atlas_import_plan_open_file         (AtlasImportPlan   *self,
                                                        GCancellable      *cancellable,
                                                        AtlasImportFile  **opened,
                                                        GError           **error);
gboolean          _atlas_import_plan_read_file         (AtlasImportPlan   *self,
                                                        AtlasImportFile   *file,
                                                        GCancellable      *cancellable,
                                                        GError           **error);
gboolean          _atlas_import_plan_refuse_file       (AtlasImportPlan   *self,
                                                        GError            *local_error,
                                                        GError           **error);
guint             _atlas_import_plan_stream_chunk_size (void);

G_END_DECLS
