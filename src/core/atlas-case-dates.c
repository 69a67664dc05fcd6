/* atlas-case-dates.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The incidents whose start date is given but cannot be read ("99999-99-99" in a case
 * written by another program): a timeline leaves them out and says how many it left.
 */

#define G_LOG_DOMAIN "atlas-case"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case-dates.h"
#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-geo.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/**
 * atlas_case_count_unreadable_dates:
 * @count: (out): how many incidents have a start date that is not an ISO 8601 date
 *
 * One scan of the incidents' start dates. Blocks: call it from a worker.
 *
 * Returns: %FALSE with @error set when the dates cannot be read at all
 */
gboolean
atlas_case_count_unreadable_dates (AtlasCase     *self,
                                   guint64       *count,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 scanned = 0;
  int rc;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  stmt = atlas_case_schema_prepare (self->db,
                                    "SELECT start_time FROM incidents"
                                    " WHERE start_time IS NOT NULL AND start_time <> ''",
                                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint32 day;

      if (!atlas_date_to_day ((const char *) sqlite3_column_text (stmt, 0), FALSE, &day))
        (*count)++;
      if (++scanned % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents' dates cannot be read"));
  return TRUE;
}
