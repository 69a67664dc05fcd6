/* atlas-case-writer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the case store writes records: private to the store, which owns the connection and
 * the transaction around every call.
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "atlas-case.h"

G_BEGIN_DECLS

typedef struct _AtlasCaseWriter AtlasCaseWriter;

AtlasCaseWriter *atlas_case_writer_new          (sqlite3                *db);
void             atlas_case_writer_free         (AtlasCaseWriter        *self);
gboolean         atlas_case_writer_write_chunks (AtlasCaseWriter        *self,
                                                 AtlasCaseChunkFunc      next_chunk,
                                                 gpointer                chunk_data,
                                                 GCancellable           *cancellable,
                                                 AtlasCaseProgressFunc   progress_func,
                                                 gpointer                user_data,
                                                 GError                **error);
gboolean         atlas_case_writer_get_log_left (AtlasCaseWriter        *self);
gboolean         atlas_case_writer_unindex_record (AtlasCaseWriter      *self,
                                                 AtlasRecord            *record,
                                                 GError                **error);
gboolean         atlas_case_writer_index_record (AtlasCaseWriter        *self,
                                                 AtlasRecord            *record,
                                                 GError                **error);
gboolean         atlas_case_writer_check_record (AtlasCaseWriter        *self,
                                                 AtlasRecord            *record,
                                                 GError                **error);
gboolean         atlas_case_writer_finish_edit  (AtlasCaseWriter        *self,
                                                 GPtrArray              *records,
                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCaseWriter, atlas_case_writer_free)

G_END_DECLS
