/* atlas-date-index.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-time-scale.h"

G_BEGIN_DECLS

typedef struct _AtlasDateIndex AtlasDateIndex;

/* One bar of the histogram: the incidents that started in [start, end). */
typedef struct {
  gint32 start;
  gint32 end;
  guint  count;
} AtlasDateBin;

AtlasDateIndex *atlas_date_index_new           (const gint32   *sorted_days,
                                                gsize           n_days);
AtlasDateIndex *atlas_date_index_ref           (AtlasDateIndex *self);
void            atlas_date_index_unref         (AtlasDateIndex *self);
gsize           atlas_date_index_get_total     (AtlasDateIndex *self);
gboolean        atlas_date_index_get_extent    (AtlasDateIndex *self,
                                                gint32         *first,
                                                gint32         *last);
gsize           atlas_date_index_count_before  (AtlasDateIndex *self,
                                                gint32          day);
gsize           atlas_date_index_count_between (AtlasDateIndex *self,
                                                gint32          first,
                                                gint32          last);
void            atlas_date_index_add_day       (AtlasDateIndex *self,
                                                gint32          day);
gboolean        atlas_date_index_remove_day    (AtlasDateIndex *self,
                                                gint32          day);
GArray         *atlas_date_index_bin           (AtlasDateIndex *self,
                                                AtlasTimeStep   step,
                                                gint32          from,
                                                gint32          to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDateIndex, atlas_date_index_unref)

G_END_DECLS
