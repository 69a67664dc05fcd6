/* atlas-case.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-case-error.h"
#include "atlas-edit.h"
#include "atlas-filter.h"
#include "atlas-geo.h"
#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CASE (atlas_case_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCase, atlas_case, ATLAS, CASE, GObject)

typedef enum {
  ATLAS_CASE_OPEN_DEFAULT   = 0,
  ATLAS_CASE_OPEN_READ_ONLY = 1 << 0,
  /* checks every page of the file only on request, even when it is small */
  ATLAS_CASE_OPEN_CHECK_LATER = 1 << 1,
} AtlasCaseOpenFlags;

/* Whether a case file has passed SQLite's full check of its pages: see
 * atlas_case_check_integrity(). */
typedef enum {
  ATLAS_CASE_INTEGRITY_UNCHECKED,
  ATLAS_CASE_INTEGRITY_PASSED,
  ATLAS_CASE_INTEGRITY_FAILED,
} AtlasCaseIntegrity;

/* How precisely a place is known, from a street address to a whole country. */
typedef enum {
  ATLAS_LOCATION_SITE,
  ATLAS_LOCATION_TOWN,
  ATLAS_LOCATION_DISTRICT,
  ATLAS_LOCATION_PROVINCE,
  ATLAS_LOCATION_COUNTRY,
} AtlasLocationPrecision;

/* The largest archived copy of a source a case keeps. */
#define ATLAS_CASE_MAX_ATTACHMENT_BYTES (50 * 1024 * 1024)

/* Text read from a case file for people to see is cut at this many bytes. */
#define ATLAS_CASE_MAX_TEXT_BYTES (64 * 1024)

/* Told how far a long write is, 0…1, on the thread that writes. */
typedef void (*AtlasCaseProgressFunc) (double   fraction,
                                       gpointer user_data);

/* Gives the next records of a write that comes in parts, on the thread that writes; %NULL
 * when there are no more, or with @error set when the part could not be made. */
typedef GPtrArray *(*AtlasCaseChunkFunc) (gpointer   user_data,
                                          GError   **error);

typedef struct {
  guint incidents;
  guint routes;
  guint waypoints;
  guint documents;
  guint claims;
  guint actors;
  guint briefing_steps;
} AtlasCaseCounts;

AtlasCase   *atlas_case_open                 (GFile               *file,
                                              AtlasCaseOpenFlags   flags,
                                              GError             **error);
void         atlas_case_open_async           (GFile               *file,
                                              AtlasCaseOpenFlags   flags,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AtlasCase   *atlas_case_open_finish          (GAsyncResult        *result,
                                              GError             **error);
AtlasCase   *atlas_case_create               (GFile               *file,
                                              const char          *title,
                                              GError             **error);

GFile       *atlas_case_get_file             (AtlasCase           *self);
const char  *atlas_case_get_title            (AtlasCase           *self);
const char  *atlas_case_get_summary          (AtlasCase           *self);
gboolean     atlas_case_get_read_only        (AtlasCase           *self);
const char  *atlas_case_get_read_only_reason (AtlasCase           *self);
AtlasCaseIntegrity atlas_case_get_integrity  (AtlasCase           *self);
gboolean     atlas_case_get_can_edit         (AtlasCase           *self);
gboolean     atlas_case_check_integrity      (AtlasCase           *self,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         atlas_case_check_integrity_async (AtlasCase          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     atlas_case_check_integrity_finish (AtlasCase         *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean     atlas_case_set_info             (AtlasCase           *self,
                                              const char          *title,
                                              const char          *summary,
                                              GError             **error);
gboolean     atlas_case_set_initial_view     (AtlasCase           *self,
                                              const char          *frame_key,
                                              const char          *selection_key,
                                              GError             **error);
void         atlas_case_get_initial_view     (AtlasCase           *self,
                                              const char         **frame_key,
                                              const char         **selection_key);
gboolean     atlas_case_write_records        (AtlasCase           *self,
                                              GPtrArray           *records,
                                              GError             **error);
gboolean     atlas_case_write_records_full   (AtlasCase           *self,
                                              GPtrArray           *records,
                                              GCancellable        *cancellable,
                                              AtlasCaseProgressFunc progress_func,
                                              gpointer             user_data,
                                              GError             **error);
gboolean     atlas_case_write_chunks         (AtlasCase           *self,
                                              AtlasCaseChunkFunc   next_chunk,
                                              gpointer             chunk_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

void         atlas_case_get_counts           (AtlasCase           *self,
                                              AtlasCaseCounts     *counts);
gboolean     atlas_case_get_extent           (AtlasCase           *self,
                                              AtlasBounds         *extent);
GListModel  *atlas_case_list_records         (AtlasCase           *self,
                                              GType                record_type,
                                              GError             **error);
AtlasRecord *atlas_case_lookup               (AtlasCase           *self,
                                              const char          *kind,
                                              const char          *key,
                                              GError             **error);
AtlasRecord *atlas_case_lookup_by_id         (AtlasCase           *self,
                                              const char          *kind,
                                              gint64               id);
GListModel  *atlas_case_list_waypoints       (AtlasCase           *self,
                                              const char          *route_key,
                                              GError             **error);
GListModel  *atlas_case_list_claims          (AtlasCase           *self,
                                              const char          *subject_kind,
                                              const char          *subject_key,
                                              const char          *attribute,
                                              GError             **error);
GListModel  *atlas_case_list_claims_in_document (AtlasCase        *self,
                                              const char          *document_key,
                                              GError             **error);
char       **atlas_case_list_contested_attributes (AtlasCase      *self,
                                              const char          *subject_kind,
                                              const char          *subject_key,
                                              GError             **error);
GListModel  *atlas_case_list_roles           (AtlasCase           *self,
                                              const char          *subject_kind,
                                              const char          *subject_key,
                                              GError             **error);
GListModel  *atlas_case_list_roles_of_actor  (AtlasCase           *self,
                                              const char          *actor_key,
                                              GError             **error);
GListModel  *atlas_case_list_incidents       (AtlasCase           *self,
                                              AtlasFilter         *filter,
                                              GError             **error);
GArray      *atlas_case_list_incident_ids    (AtlasCase           *self,
                                              AtlasFilter         *filter,
                                              GError             **error);
char       **atlas_case_list_categories      (AtlasCase           *self,
                                              GError             **error);
char       **atlas_case_list_suggestions     (AtlasCase           *self,
                                              const char          *field,
                                              GError             **error);
char       **atlas_case_list_route_statuses  (AtlasCase           *self,
                                              GError             **error);
gboolean     atlas_case_load_map_points      (AtlasCase           *self,
                                              AtlasFilter         *filter,
                                              GArray             **points,
                                              GByteArray         **precisions,
                                              char              ***categories,
                                              GArray             **spans,
                                              GCancellable        *cancellable,
                                              GError             **error);
AtlasLocationPrecision atlas_location_precision_from_string (const char *text);
gboolean     atlas_case_load_dates           (AtlasCase           *self,
                                              AtlasFilter         *filter,
                                              GArray             **days,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean     atlas_case_save_copy            (AtlasCase           *self,
                                              GFile               *destination,
                                              GError             **error);
GListModel  *atlas_case_search               (AtlasCase           *self,
                                              const char          *text,
                                              GError             **error);
void         atlas_case_search_async         (AtlasCase           *self,
                                              const char          *text,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GListModel  *atlas_case_search_finish        (AtlasCase           *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Edits (atlas-case-edit.c) */
gboolean     atlas_case_apply_edit           (AtlasCase           *self,
                                              AtlasEdit           *edit,
                                              GError             **error);
AtlasEdit   *atlas_case_build_removal        (AtlasCase           *self,
                                              AtlasRecord         *record,
                                              const char          *label,
                                              GError             **error);
GListModel  *atlas_case_list_dependents      (AtlasCase           *self,
                                              AtlasRecord         *record,
                                              GError             **error);
GListModel  *atlas_case_list_history         (AtlasCase           *self,
                                              const char          *kind,
                                              const char          *key,
                                              GError             **error);
GListModel  *atlas_case_list_relations       (AtlasCase           *self,
                                              const char          *claim_key,
                                              GError             **error);
GBytes      *atlas_case_dup_attachment_content (AtlasCase     *self,
                                              const char          *key,
                                              GError             **error);
AtlasRecord *atlas_case_build_attachment     (AtlasCase           *self,
                                              const char          *document_key,
                                              GFile               *file,
                                              GError             **error);
GFile       *atlas_case_open_attachment_copy (AtlasCase       *self,
                                              const char          *key,
                                              GError             **error);
GListModel  *atlas_case_list_attachments     (AtlasCase           *self,
                                              const char          *document_key,
                                              GError             **error);
AtlasEdit   *atlas_case_build_stop_move      (AtlasCase           *self,
                                              AtlasRecord         *waypoint,
                                              int                  delta,
                                              const char          *label,
                                              GError             **error);
gint64       atlas_case_next_stop_order      (AtlasCase           *self,
                                              const char          *route_key);
char        *atlas_case_new_key              (AtlasCase           *self,
                                              const char          *kind);
void         atlas_case_set_author           (AtlasCase           *self,
                                              const char          *author);
const char  *atlas_case_get_author           (AtlasCase           *self);
void         atlas_case_watch                (AtlasCase           *self);

G_END_DECLS
