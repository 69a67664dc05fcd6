/* atlas-import-problem.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A problem an import found: the file, the line or feature, and the reason.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_PROBLEM (atlas_import_problem_get_type ())

/* One row, feature or placemark an import skipped, and why. */
typedef struct {
  char  *file;     /* the file's name as people see it */
  guint  line;     /* 1-based; 0 where the format has no useful lines (JSON) */
  guint  feature;  /* 1-based feature number in a GeoJSON file; 0 elsewhere */
  char  *reason;   /* a sentence for people, e.g. "latitude 95 is outside −90…90" */
} AtlasImportProblem;

GType               atlas_import_problem_get_type  (void) G_GNUC_CONST;
AtlasImportProblem *atlas_import_problem_new       (const char               *file,
                                                    guint                     line,
                                                    guint                     feature,
                                                    const char               *reason);
AtlasImportProblem *atlas_import_problem_copy      (const AtlasImportProblem *self);
void                atlas_import_problem_free      (AtlasImportProblem       *self);
char               *atlas_import_problem_to_string (const AtlasImportProblem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImportProblem, atlas_import_problem_free)

G_END_DECLS
