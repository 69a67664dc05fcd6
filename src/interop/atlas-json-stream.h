/* atlas-json-stream.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON text read one value at a time, so that a large file never becomes one tree.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _AtlasJsonStream AtlasJsonStream;

AtlasJsonStream *atlas_json_stream_new          (const char       *data,
                                                 gsize             length);
void             atlas_json_stream_free         (AtlasJsonStream  *self);
guint            atlas_json_stream_get_line     (AtlasJsonStream  *self);
double           atlas_json_stream_get_fraction (AtlasJsonStream  *self);
char             atlas_json_stream_peek         (AtlasJsonStream  *self);
gboolean         atlas_json_stream_at_end       (AtlasJsonStream  *self,
                                                 GError          **error);
gboolean         atlas_json_stream_begin        (AtlasJsonStream  *self,
                                                 char              bracket,
                                                 GError          **error);
gboolean         atlas_json_stream_next_member  (AtlasJsonStream  *self,
                                                 char            **name,
                                                 GError          **error);
gboolean         atlas_json_stream_next_element (AtlasJsonStream  *self,
                                                 gboolean         *more,
                                                 GError          **error);
JsonNode        *atlas_json_stream_read_value   (AtlasJsonStream  *self,
                                                 guint             max_values,
                                                 gboolean         *too_many,
                                                 GError          **error);
gboolean         atlas_json_stream_skip_value   (AtlasJsonStream  *self,
                                                 GError          **error);
char            *atlas_json_stream_node_text    (AtlasJsonStream  *self,
                                                 JsonNode         *node);
gsize            atlas_json_stream_node_length  (AtlasJsonStream  *self,
                                                 JsonNode         *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonStream, atlas_json_stream_free)

G_END_DECLS
