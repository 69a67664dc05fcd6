/* atlas-case-file.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *atlas_case_file_temp_path       (const char  *path);
void      atlas_case_file_remove_temp     (const char  *temp_path);
char     *atlas_case_file_copy_with_log   (const char  *path,
                                           char       **folder,
                                           GError     **error);
void      atlas_case_file_remove_copy     (char        *folder);
gboolean  atlas_case_file_publish         (const char  *temp_path,
                                           const char  *path,
                                           GError     **error);
gboolean  atlas_case_file_replace_with    (const char  *temp_path,
                                           const char  *path,
                                           GError     **error);
char     *atlas_case_file_name_instead    (const char  *message,
                                           const char  *temp_path,
                                           const char  *path);
gboolean  atlas_case_file_check_regular   (GFile       *file,
                                           gboolean     may_be_missing,
                                           GError     **error);
gboolean  atlas_case_file_check_beside    (const char  *path,
                                           GError     **error);
gboolean  atlas_case_file_is_same         (GFile       *a,
                                           GFile       *b);
gboolean  atlas_case_file_check_output    (GFile       *output,
                                           GFile       *case_file,
                                           const char  *magic,
                                           const char  *kind,
                                           gboolean     force,
                                           GError     **error);
gboolean  atlas_case_file_has_hot_journal (const char  *path);
gboolean  atlas_case_file_folder_writable (const char  *path);
gboolean  atlas_case_file_check_folder    (const char  *path,
                                           GError     **error);

G_END_DECLS
