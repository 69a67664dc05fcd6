/* import-test-util.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-import-plan.h"

G_BEGIN_DECLS

char            *import_test_data_path            (const char      *name);
AtlasImportPlan *import_test_load                 (const char      *name,
                                                   GError         **error);
GFile           *import_test_write_temp           (const char      *name,
                                                   const char      *contents,
                                                   gssize           length);
AtlasRecord     *import_test_find_record          (AtlasImportPlan *plan,
                                                   const char      *kind,
                                                   guint            nth);
const char      *import_test_claim_value          (AtlasImportPlan *plan,
                                                   const char      *subject_key,
                                                   const char      *attribute);
void             import_test_assert_problem_on_line (AtlasImportPlan *plan,
                                                     guint            line,
                                                     const char      *needle);
void             import_test_assert_problem_at_feature (AtlasImportPlan *plan,
                                                        guint            feature,
                                                        const char      *needle);

GFile           *import_test_convert_with_ogr2ogr (const char      *driver,
                                                   const char      *name);

void             import_test_check_gdal_cities    (const char      *driver,
                                                   const char      *name,
                                                   guint            nth,
                                                   const char      *title,
                                                   const char      *date,
                                                   double           latitude,
                                                   double           longitude);

G_END_DECLS
