/* atlas-record-row.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD_ROW (atlas_record_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRecordRow, atlas_record_row, ATLAS, RECORD_ROW, GtkWidget)

GtkWidget   *atlas_record_row_new        (void);
AtlasRecord *atlas_record_row_get_record (AtlasRecordRow *self);
void         atlas_record_row_set_record (AtlasRecordRow *self,
                                          AtlasRecord    *record);
void         atlas_record_row_set_detail (AtlasRecordRow *self,
                                          const char     *detail);
void         atlas_record_row_set_badge  (AtlasRecordRow *self,
                                          const char     *text,
                                          const char     *style_class,
                                          const char     *description);
void         atlas_record_row_label_container (AtlasRecordRow *self,
                                               GtkWidget      *container);

G_END_DECLS
