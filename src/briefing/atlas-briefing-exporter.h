/* atlas-briefing-exporter.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-case.h"
#include "atlas-filter.h"
#include "atlas-geo.h"

G_BEGIN_DECLS

#define ATLAS_BRIEFING_ERROR (atlas_briefing_error_quark ())

typedef enum {
  ATLAS_BRIEFING_ERROR_NO_STEPS,
  ATLAS_BRIEFING_ERROR_INVALID_SIZE,
  ATLAS_BRIEFING_ERROR_FAILED,
} AtlasBriefingError;

typedef enum {
  ATLAS_VIEW_FORMAT_PNG,
  ATLAS_VIEW_FORMAT_PDF,
} AtlasViewFormat;

/* A4 landscape, in points: the page of `incident-atlas --export-briefing`. */
#define ATLAS_BRIEFING_A4_WIDTH  841.89
#define ATLAS_BRIEFING_A4_HEIGHT 595.28

#define ATLAS_TYPE_BRIEFING_EXPORTER (atlas_briefing_exporter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBriefingExporter, atlas_briefing_exporter, ATLAS, BRIEFING_EXPORTER,
                      GObject)

GQuark                 atlas_briefing_error_quark           (void);

AtlasBriefingExporter *atlas_briefing_exporter_new          (AtlasCase             *atlas_case);
AtlasCase             *atlas_briefing_exporter_get_case     (AtlasBriefingExporter *self);
double                 atlas_briefing_exporter_get_progress (AtlasBriefingExporter *self);
void                   atlas_briefing_exporter_set_briefing (AtlasBriefingExporter *self,
                                                             const char            *briefing_key);

void     atlas_briefing_exporter_export_briefing_async  (AtlasBriefingExporter  *self,
                                                         GFile                  *file,
                                                         double                  page_width_pt,
                                                         double                  page_height_pt,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
gboolean atlas_briefing_exporter_export_briefing_finish (AtlasBriefingExporter  *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);
void     atlas_briefing_exporter_export_view_async      (AtlasBriefingExporter  *self,
                                                         AtlasViewFormat         format,
                                                         AtlasFilter            *filter,
                                                         const AtlasBounds      *bounds,
                                                         const char             *title,
                                                         double                  width_pt,
                                                         double                  height_pt,
                                                         double                  scale,
                                                         GFile                  *file,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
gboolean atlas_briefing_exporter_export_view_finish     (AtlasBriefingExporter  *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

gboolean atlas_briefing_exporter_export_pdf             (AtlasCase              *atlas_case,
                                                         const char             *briefing_key,
                                                         const char             *path,
                                                         double                  page_width_pt,
                                                         double                  page_height_pt,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
gboolean atlas_briefing_exporter_export_view_png        (AtlasCase              *atlas_case,
                                                         AtlasFilter            *filter,
                                                         const AtlasBounds      *bounds,
                                                         const char             *title,
                                                         double                  width_pt,
                                                         double                  height_pt,
                                                         double                  scale,
                                                         const char             *path,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
gboolean atlas_briefing_exporter_export_view_pdf        (AtlasCase              *atlas_case,
                                                         AtlasFilter            *filter,
                                                         const AtlasBounds      *bounds,
                                                         const char             *title,
                                                         double                  width_pt,
                                                         double                  height_pt,
                                                         const char             *path,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
gboolean atlas_briefing_exporter_draw_view              (AtlasCase              *atlas_case,
                                                         AtlasFilter            *filter,
                                                         const AtlasBounds      *bounds,
                                                         const char             *title,
                                                         cairo_t                *cr,
                                                         double                  width_pt,
                                                         double                  height_pt,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
int      atlas_briefing_exporter_run_command            (const char             *out_path,
                                                         const char             *case_path,
                                                         const char             *briefing_title);

G_END_DECLS
