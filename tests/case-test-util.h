/* case-test-util.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures the case tests share: a temporary directory holding a case file, and raw
 * SQLite access to that file behind the case's back (as QGIS or a hostile tool would).
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "atlas-case.h"
#include "atlas-record.h"

G_BEGIN_DECLS

/* A temporary directory and the path of a case file in it (not created). */
typedef struct {
  char  *dir;
  char  *path;
  GFile *file;
} CaseFiles;

void     case_files_set_up    (CaseFiles  *files,
                               const char *dir_template);
void     case_files_set_up_as (CaseFiles  *files,
                               const char *dir_template,
                               const char *file_name);
void     case_files_tear_down (CaseFiles  *files);

/* A case in a folder of its own, for the tests' fixtures */
typedef struct {
  CaseFiles  files;
  AtlasCase *atlas_case;
} CaseFixture;

void     case_fixture_set_up    (CaseFixture   *fixture,
                                 const char    *dir_template,
                                 const char    *title,
                                 GPtrArray     *records);
void     case_fixture_tear_down (CaseFixture   *fixture,
                                 gconstpointer  data);

sqlite3 *open_raw             (const char *path);
void     exec_raw             (const char *path,
                               const char *sql);
gint64   query_int            (const char *path,
                               const char *sql);

/* Records of a small Kerman-like case, the fields a test does not care about filled in. */
AtlasRecord *case_test_document (const char *key,
                                 const char *title);
AtlasRecord *case_test_incident (const char *key,
                                 const char *title,
                                 double      latitude,
                                 double      longitude);
AtlasRecord *case_test_claim    (const char *key,
                                 const char *subject_key,
                                 const char *attribute,
                                 const char *value,
                                 double      number,
                                 const char *document_key);
AtlasRecord *case_test_route    (const char *key,
                                 const char *status);
AtlasRecord *case_test_waypoint (const char *key,
                                 const char *route_key,
                                 int         seq,
                                 double      latitude,
                                 double      longitude);

G_END_DECLS
