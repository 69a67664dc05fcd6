/* atlas-filter.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-geo.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER (atlas_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilter, atlas_filter, ATLAS, FILTER, GObject)

AtlasFilter        *atlas_filter_new                 (void);
const char * const *atlas_filter_get_categories      (AtlasFilter        *self);
void                atlas_filter_set_categories      (AtlasFilter        *self,
                                                      const char * const *categories);
const char         *atlas_filter_get_start_date      (AtlasFilter        *self);
const char         *atlas_filter_get_end_date        (AtlasFilter        *self);
void                atlas_filter_set_date_range      (AtlasFilter        *self,
                                                      const char         *start_date,
                                                      const char         *end_date);
char                atlas_filter_get_min_reliability (AtlasFilter        *self);
void                atlas_filter_set_min_reliability (AtlasFilter        *self,
                                                      char                grade);
gboolean            atlas_filter_get_contested_only  (AtlasFilter        *self);
void                atlas_filter_set_contested_only  (AtlasFilter        *self,
                                                      gboolean            contested_only);
AtlasFilter        *atlas_filter_copy_without_dates  (AtlasFilter        *self);
char               *atlas_filter_describe_without_dates (AtlasFilter     *self);
gboolean            atlas_filter_get_day_range       (AtlasFilter        *self,
                                                      gint32             *first,
                                                      gint32             *last);
gboolean            atlas_filter_is_empty            (AtlasFilter        *self);
void                atlas_filter_reset               (AtlasFilter        *self);

G_END_DECLS
