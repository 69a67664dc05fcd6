/* atlas-import-limits.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bounds every import reader holds to, so that a hostile or broken file is refused or
 * skipped in bounded time and memory. Each limit has its own message naming it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CSV file is read as a stream, a block at a time: it has no size limit. */

/* JSON and XML files are read into memory whole, then walked one feature or element at a
 * time; the records they make take several times the file size. */
#define ATLAS_IMPORT_MAX_TREE_SIZE (G_GUINT64_CONSTANT (256) << 20)       /* 256 MiB */

/* One CSV field, one XML text node, one JSON string value. */
#define ATLAS_IMPORT_MAX_FIELD_SIZE (1 << 20)                             /* 1 MiB */

/* One CSV row, its fields together: what the tokenizer holds at most besides its block,
 * so that a row of hundreds of huge fields is skipped, not held. */
#define ATLAS_IMPORT_MAX_ROW_SIZE (16 << 20)                              /* 16 MiB */

/* Fields in one CSV row; a row with more is skipped, a header with more refuses the file. */
#define ATLAS_IMPORT_MAX_FIELDS 512

/* Vertices of one line string, GPX route or track segment; a longer one is skipped. */
#define ATLAS_IMPORT_MAX_VERTICES 100000

/* JSON readers recurse once per level (json-glib 1.6 crashes near 100,000 levels, and
 * atlas-json-stream.c builds each feature so): the bytes are scanned and refused past this
 * depth before they are parsed. GeoJSON needs about 6. */
#define ATLAS_IMPORT_MAX_JSON_DEPTH 64

/* libxml2 refuses deeper documents itself unless XML_PARSE_HUGE is set (we never set it);
 * KML needs a dozen levels. */
#define ATLAS_IMPORT_MAX_XML_DEPTH 256

/* Problems kept in detail for the preview and the report; past this they are only counted,
 * so a file that is wrong on every row cannot fill memory with messages. */
#define ATLAS_IMPORT_MAX_PROBLEMS 10000

G_END_DECLS
