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

sqlite3 *open_raw             (const char *path);
void     exec_raw             (const char *path,
                               const char *sql);
gint64   query_int            (const char *path,
                               const char *sql);

G_END_DECLS
