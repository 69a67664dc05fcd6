/* atlas-record-forms.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"
#include "atlas-record-form.h"

G_BEGIN_DECLS

AtlasRecordForm *atlas_record_forms_new_for        (GtkWindow   *parent,
                                                    AtlasCase   *atlas_case,
                                                    AtlasRecord *before,
                                                    AtlasRecord *blank);
AtlasRecord     *atlas_record_forms_new_source     (AtlasCase   *atlas_case);
AtlasRecord     *atlas_record_forms_new_claim      (AtlasCase   *atlas_case,
                                                    const char  *subject_kind,
                                                    const char  *subject_key);
AtlasRecord     *atlas_record_forms_new_incident   (AtlasCase   *atlas_case,
                                                    double       latitude,
                                                    double       longitude);

AtlasRecord     *atlas_record_forms_new_actor      (AtlasCase   *atlas_case);
AtlasRecord     *atlas_record_forms_new_role       (AtlasCase   *atlas_case,
                                                    const char  *subject_kind,
                                                    const char  *subject_key);

AtlasRecord     *atlas_record_forms_new_route      (AtlasCase   *atlas_case);
AtlasRecord     *atlas_record_forms_new_stop       (AtlasCase   *atlas_case,
                                                    const char  *route_key,
                                                    double       latitude,
                                                    double       longitude);

void             atlas_record_forms_update_sources (AtlasRecordForm *form,
                                                    AtlasCase       *atlas_case,
                                                    const char      *selected);

G_END_DECLS
