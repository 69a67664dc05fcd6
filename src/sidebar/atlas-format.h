/* atlas-format.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-record.h"

G_BEGIN_DECLS

const char *atlas_format_kind               (const char  *kind);
const char *atlas_format_kind_icon          (const char  *kind);
char       *atlas_format_date               (const char  *date,
                                             const char  *precision);
char       *atlas_format_short_date         (const char  *date);
char       *atlas_format_location_precision (const char  *precision);
const char *atlas_format_reliability        (const char  *grade);
const char *atlas_format_credibility        (gint64       credibility);
char       *atlas_format_grade_description  (const char  *grade,
                                             gint64       credibility);
char       *atlas_format_coordinates        (double       latitude,
                                             double       longitude);
char       *atlas_format_region             (AtlasRecord *record);
char       *atlas_format_claim_value        (AtlasRecord *claim);
char       *atlas_format_record_title       (AtlasRecord *record);
char       *atlas_format_record_subtitle    (AtlasRecord *record);
char       *atlas_format_display_text       (const char  *text);
void        atlas_format_name_mnemonic_buttons (GtkWidget *root);
void        atlas_format_set_label          (GtkLabel    *label,
                                             const char  *text);

G_END_DECLS
