/* atlas-record-form.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD_FORM (atlas_record_form_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRecordForm, atlas_record_form, ATLAS, RECORD_FORM, AdwWindow)

/* Writes what the form made: @before is %NULL for a new record. On %FALSE the form stays
 * open and shows @error. */
typedef gboolean (*AtlasRecordFormSaveFunc) (AtlasRecordForm  *form,
                                             AtlasRecord      *before,
                                             AtlasRecord      *after,
                                             gpointer          user_data,
                                             GError          **error);

/* Checks what no single field can: returns a message for people, or %NULL when all is well. */
typedef char *(*AtlasRecordFormCheckFunc) (AtlasRecord *after);

AtlasRecordForm *atlas_record_form_new          (GtkWindow               *parent,
                                                 const char              *title,
                                                 AtlasRecord             *before,
                                                 AtlasRecord             *blank);
void             atlas_record_form_add_group    (AtlasRecordForm         *self,
                                                 const char              *title);
void             atlas_record_form_add_text     (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *label,
                                                 gboolean                 required);
void             atlas_record_form_add_long_text (AtlasRecordForm        *self,
                                                 const char              *field,
                                                 const char              *label);
void             atlas_record_form_add_url      (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *label);
void             atlas_record_form_add_suggest  (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *label,
                                                 const char * const      *suggestions,
                                                 gboolean                 required);
void             atlas_record_form_add_choice   (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *label,
                                                 const char * const      *values,
                                                 const char * const      *labels);
void             atlas_record_form_add_number   (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *label,
                                                 double                   min,
                                                 double                   max,
                                                 gboolean                 required);
void             atlas_record_form_add_date     (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *precision_field,
                                                 const char              *label);
void             atlas_record_form_set_suffix   (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 GtkWidget               *suffix);
void             atlas_record_form_set_choices  (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char * const      *values,
                                                 const char * const      *labels,
                                                 const char              *selected);
void             atlas_record_form_set_check_func (AtlasRecordForm       *self,
                                                 AtlasRecordFormCheckFunc check_func);
void             atlas_record_form_set_save_func (AtlasRecordForm        *self,
                                                 AtlasRecordFormSaveFunc  save_func,
                                                 gpointer                 user_data,
                                                 GDestroyNotify           destroy);
void             atlas_record_form_set_text     (AtlasRecordForm         *self,
                                                 const char              *field,
                                                 const char              *text);
const char      *atlas_record_form_get_problem  (AtlasRecordForm         *self);
gboolean         atlas_record_form_save         (AtlasRecordForm         *self);

G_END_DECLS
