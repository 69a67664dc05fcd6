/* atlas-case-writer-references.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the case writer checks that references land: private to the writer.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _AtlasCaseReferences AtlasCaseReferences;

AtlasCaseReferences *atlas_case_references_new           (sqlite3              *db);
void                 atlas_case_references_free          (AtlasCaseReferences  *self);
gboolean             atlas_case_references_check         (AtlasCaseReferences  *self,
                                                          GPtrArray            *records,
                                                          gboolean              may_wait,
                                                          GError              **error);
gboolean             atlas_case_references_check_waiting (AtlasCaseReferences  *self,
                                                          GError              **error);
void                 atlas_case_references_forget        (AtlasCaseReferences  *self);

G_END_DECLS
