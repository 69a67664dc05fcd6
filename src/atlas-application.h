/* atlas-application.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())

G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new              (void);
int               atlas_application_run              (AtlasApplication *self,
                                                      int               argc,
                                                      char            **argv);
GSettings        *atlas_application_get_settings     (AtlasApplication *self);
GFile            *atlas_application_dup_sample_case  (void);

G_END_DECLS
