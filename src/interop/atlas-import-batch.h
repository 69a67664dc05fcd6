/* atlas-import-batch.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import reader fills: records with keys of their own, source documents and
 * problems.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-import-problem.h"
#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_BATCH (atlas_import_batch_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportBatch, atlas_import_batch, ATLAS, IMPORT_BATCH, GObject)

/* Called as a file is read, with how much of it has been read (0…1). */
typedef void (*AtlasImportProgressFunc) (double   fraction,
                                         gpointer user_data);

/* Given the records of finished rows or features, (transfer full) as an array that owns
 * them: the batch keeps none. */
typedef void (*AtlasImportChunkFunc) (GPtrArray *chunk,
                                      gpointer   user_data);

AtlasImportBatch *atlas_import_batch_new               (const char              *file_name,
                                                        const char              *import_id,
                                                        const char              *format_label,
                                                        const char              *import_time);
void              atlas_import_batch_set_progress_func (AtlasImportBatch        *self,
                                                        AtlasImportProgressFunc  func,
                                                        gpointer                 user_data);
void              atlas_import_batch_set_cancellable   (AtlasImportBatch        *self,
                                                        GCancellable            *cancellable);
gboolean          atlas_import_batch_progress          (AtlasImportBatch        *self,
                                                        double                   fraction,
                                                        GError                 **error);

const char       *atlas_import_batch_get_file_name     (AtlasImportBatch        *self);
const char       *atlas_import_batch_get_document_key  (AtlasImportBatch        *self);
void              atlas_import_batch_set_position      (AtlasImportBatch        *self,
                                                        guint                    line,
                                                        guint                    feature);
gboolean          atlas_import_batch_get_record_place  (AtlasRecord             *record,
                                                        guint                   *line,
                                                        guint                   *feature);
void              atlas_import_batch_add_problem       (AtlasImportBatch        *self,
                                                        const char              *format,
                                                        ...) G_GNUC_PRINTF (2, 3);
void              atlas_import_batch_add_problem_at    (AtlasImportBatch        *self,
                                                        guint                    line,
                                                        guint                    feature,
                                                        const char              *reason);

void              atlas_import_batch_set_chunk_func    (AtlasImportBatch        *self,
                                                        guint                    chunk_size,
                                                        AtlasImportChunkFunc     func,
                                                        gpointer                 user_data);
void              atlas_import_batch_flush_chunk       (AtlasImportBatch        *self);
void              atlas_import_batch_begin_item        (AtlasImportBatch        *self);
void              atlas_import_batch_discard_item      (AtlasImportBatch        *self);
AtlasRecord      *atlas_import_batch_add_incident      (AtlasImportBatch        *self);
AtlasRecord      *atlas_import_batch_add_route         (AtlasImportBatch        *self);
AtlasRecord      *atlas_import_batch_add_waypoint      (AtlasImportBatch        *self,
                                                        AtlasRecord             *route,
                                                        gint64                   seq,
                                                        double                   latitude,
                                                        double                   longitude);
AtlasRecord      *atlas_import_batch_add_claim         (AtlasImportBatch        *self,
                                                        AtlasRecord             *subject,
                                                        const char              *attribute,
                                                        const char              *value,
                                                        const char              *document_key);
const char       *atlas_import_batch_get_source_document (AtlasImportBatch      *self,
                                                        const char              *source);
const char       *atlas_import_batch_get_document      (AtlasImportBatch        *self,
                                                        const char * const      *names,
                                                        const char * const      *values);
gboolean          atlas_import_batch_set_property      (AtlasImportBatch        *self,
                                                        AtlasRecord             *record,
                                                        const char              *name,
                                                        const char              *value,
                                                        guint                   *filled);
gboolean          atlas_import_batch_set_date          (AtlasImportBatch        *self,
                                                        AtlasRecord             *record,
                                                        const char              *date_field,
                                                        const char              *precision_field,
                                                        const char              *text);

GPtrArray        *atlas_import_batch_get_documents     (AtlasImportBatch        *self);
GPtrArray        *atlas_import_batch_get_records       (AtlasImportBatch        *self);
GPtrArray        *atlas_import_batch_get_problems      (AtlasImportBatch        *self);
guint             atlas_import_batch_get_n_problems    (AtlasImportBatch        *self);

G_END_DECLS
