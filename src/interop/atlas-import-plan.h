/* atlas-import-plan.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import before anything is written: format, counts, preview, problems; then apply.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-case.h"
#include "atlas-csv-reader.h"
#include "atlas-import-error.h"
#include "atlas-import-format.h"
#include "atlas-import-problem.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_PLAN (atlas_import_plan_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportPlan, atlas_import_plan, ATLAS, IMPORT_PLAN, GObject)

/* Records (besides documents) a loaded plan keeps, in file order, for its preview: a
 * file of any size holds no more in memory until it is applied, which reads it again. */
#define ATLAS_IMPORT_PLAN_KEPT_RECORDS 10000

AtlasImportPlan   *atlas_import_plan_new                  (GFile                  *file,
                                                           const AtlasCsvMapping  *mapping);
AtlasImportPlan   *atlas_import_plan_new_for_file         (GFile                  *file,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
AtlasImportPlan   *atlas_import_plan_new_for_csv          (GFile                  *file,
                                                           const AtlasCsvMapping  *mapping,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
char             **atlas_import_plan_read_csv_header      (GFile                  *file,
                                                           GError                **error);
gboolean           atlas_import_plan_load                 (AtlasImportPlan        *self,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
void               atlas_import_plan_load_async           (AtlasImportPlan        *self,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
gboolean           atlas_import_plan_load_finish          (AtlasImportPlan        *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);

GFile             *atlas_import_plan_get_file             (AtlasImportPlan        *self);
AtlasImportFormat  atlas_import_plan_get_format           (AtlasImportPlan        *self);
const char        *atlas_import_plan_get_format_label     (AtlasImportPlan        *self);
double             atlas_import_plan_get_fraction         (AtlasImportPlan        *self);
void               atlas_import_plan_get_counts           (AtlasImportPlan        *self,
                                                           AtlasCaseCounts        *counts);
GListModel        *atlas_import_plan_get_preview          (AtlasImportPlan        *self,
                                                           guint                   n_items);
GPtrArray         *atlas_import_plan_get_records          (AtlasImportPlan        *self);
GPtrArray         *atlas_import_plan_get_problems         (AtlasImportPlan        *self);
guint              atlas_import_plan_get_n_problems       (AtlasImportPlan        *self);
gboolean           atlas_import_plan_get_problems_accepted (AtlasImportPlan       *self);
void               atlas_import_plan_set_problems_accepted (AtlasImportPlan       *self,
                                                           gboolean                accepted);
gboolean           atlas_import_plan_save_report          (AtlasImportPlan        *self,
                                                           GFile                  *file,
                                                           GError                **error);
gboolean           atlas_import_plan_import               (AtlasImportPlan        *self,
                                                           AtlasCase              *atlas_case,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
gboolean           atlas_import_plan_apply                (AtlasImportPlan        *self,
                                                           AtlasCase              *atlas_case,
                                                           GError                **error);
gboolean           atlas_import_plan_apply_full           (AtlasImportPlan        *self,
                                                           AtlasCase              *atlas_case,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
void               atlas_import_plan_apply_async          (AtlasImportPlan        *self,
                                                           AtlasCase              *atlas_case,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
gboolean           atlas_import_plan_apply_finish         (AtlasImportPlan        *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);

G_END_DECLS
