/* atlas-import-problem.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A problem found while reading an import: where it is and what is wrong, for the preview
 * and the saved report.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-problem.h"

G_DEFINE_BOXED_TYPE (AtlasImportProblem, atlas_import_problem,
                     atlas_import_problem_copy, atlas_import_problem_free)

AtlasImportProblem *
atlas_import_problem_new (const char *file,
                          guint       line,
                          guint       feature,
                          const char *reason)
{
  AtlasImportProblem *self = g_new0 (AtlasImportProblem, 1);

  g_return_val_if_fail (reason != NULL, NULL);

  self->file = g_strdup (file);
  self->line = line;
  self->feature = feature;
  self->reason = g_strdup (reason);
  return self;
}

AtlasImportProblem *
atlas_import_problem_copy (const AtlasImportProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return atlas_import_problem_new (self->file, self->line, self->feature, self->reason);
}

void
atlas_import_problem_free (AtlasImportProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->reason);
  g_free (self);
}

/**
 * atlas_import_problem_to_string:
 *
 * Returns: (transfer full): e.g. "events.csv, line 12: latitude 95 is outside −90…90"
 */
char *
atlas_import_problem_to_string (const AtlasImportProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->line > 0)
    /* Translators: file name, line number, reason */
    return g_strdup_printf (_("%s, line %u: %s"), self->file, self->line, self->reason);
  if (self->feature > 0)
    /* Translators: file name, feature number, reason */
    return g_strdup_printf (_("%s, feature %u: %s"), self->file, self->feature, self->reason);
  return g_strdup_printf ("%s: %s", self->file, self->reason);
}
