/* atlas-case-exporter-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the export writers share: the case as they read it, one subject (an incident, a
 * route or a waypoint) with its claims and their documents, and the text every format
 * writes for a field.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-case.h"

G_BEGIN_DECLS

/* How a date field is written. */
typedef enum {
  ATLAS_EXPORT_DATE_STORED,     /* as the case keeps it */
  ATLAS_EXPORT_DATE_PRECISION,  /* cut to its precision: "2024-01-03T10Z" for an hour */
  ATLAS_EXPORT_DATE_XSD,        /* an XML Schema date or dateTime, as KML wants */
} AtlasExportDateStyle;

typedef struct {
  AtlasCase    *atlas_case;   /* borrowed */
  AtlasFilter  *filter;       /* borrowed, nullable */
  GCancellable *cancellable;  /* borrowed, nullable */
  GHashTable   *documents;    /* owned: document key → AtlasRecord */
} AtlasExportContext;

typedef struct {
  AtlasRecord *record;   /* owned */
  GPtrArray   *claims;   /* owned: its claims, grouped by attribute, most credible first */
  GPtrArray   *sources;  /* owned: the documents of those claims, each once, first use first */
} AtlasExportSubject;

gboolean     _atlas_case_exporter_context_init     (AtlasExportContext   *context,
                                                    AtlasCase            *atlas_case,
                                                    AtlasFilter          *filter,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void         _atlas_case_exporter_context_clear    (AtlasExportContext   *context);
gboolean     _atlas_case_exporter_check_cancelled  (AtlasExportContext   *context,
                                                    GError              **error);
AtlasRecord *_atlas_case_exporter_get_document     (AtlasExportContext   *context,
                                                    const char           *key);

gboolean     _atlas_case_exporter_subject_load     (AtlasExportContext   *context,
                                                    AtlasRecord          *record,
                                                    AtlasExportSubject   *subject,
                                                    GError              **error);
void         _atlas_case_exporter_subject_clear    (AtlasExportSubject   *subject);
gboolean     _atlas_case_exporter_subject_is_single (AtlasExportSubject  *subject,
                                                    guint                 index);

gboolean     _atlas_case_exporter_is_point_field   (const AtlasField     *field);
char        *_atlas_case_exporter_field_text       (AtlasRecord          *record,
                                                    const AtlasField     *field,
                                                    AtlasExportDateStyle  style);
char        *_atlas_case_exporter_format_number    (double                value);
char        *_atlas_case_exporter_clean_text       (const char           *text,
                                                    gboolean              for_xml);
char        *_atlas_case_exporter_describe_source  (AtlasRecord          *document);
char        *_atlas_case_exporter_join_sources     (AtlasExportSubject   *subject);

gboolean     _atlas_case_exporter_write            (GOutputStream        *stream,
                                                    const char           *data,
                                                    gsize                 length,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasExportContext, _atlas_case_exporter_context_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasExportSubject, _atlas_case_exporter_subject_clear)

G_END_DECLS
