/* atlas-case-json-reader.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_CASE_JSON_READER (atlas_case_json_reader_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCaseJsonReader, atlas_case_json_reader, ATLAS, CASE_JSON_READER, GObject)

AtlasCaseJsonReader *atlas_case_json_reader_new          (void);
gboolean             atlas_case_json_reader_read_file    (AtlasCaseJsonReader  *self,
                                                          GFile                *file,
                                                          GError              **error);
const char          *atlas_case_json_reader_get_title    (AtlasCaseJsonReader  *self);
const char          *atlas_case_json_reader_get_summary  (AtlasCaseJsonReader  *self);
void                 atlas_case_json_reader_get_initial_view (AtlasCaseJsonReader  *self,
                                                              const char          **frame_key,
                                                              const char          **selection_key);
GPtrArray           *atlas_case_json_reader_get_records  (AtlasCaseJsonReader  *self);

G_END_DECLS
