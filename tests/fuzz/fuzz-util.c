/* fuzz-util.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fuzz harnesses share: criticals that abort, and one scratch file per process
 * for the readers that open a path rather than bytes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-util.h"

static char *scratch_dir;
static char *scratch_path;

/* SQLite leaves these beside a database; one input's must not reach the next. */
static void
remove_scratch_files (void)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (scratch_path, suffixes[i], NULL);

      g_remove (path);
    }
}

static void
remove_scratch_dir (void)
{
  remove_scratch_files ();
  g_rmdir (scratch_dir);
}

/* GLib ends a fatal message with a breakpoint (SIGTRAP), which libFuzzer does not catch:
 * abort instead, so that the input is saved. */
static GLogWriterOutput
abort_on_fatal (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL
                   | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

/* A critical or a warning on bad input is a bug of ours; make it a crash the fuzzer sees.
 * Debug output would only slow the fuzzer down. */
void
fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_writer_func (abort_on_fatal, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

/* Writes @data to this process's scratch file, freshly, and returns its path. */
const char *
fuzz_write_temp_file (const uint8_t *data,
                      size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (scratch_dir == NULL)
    {
      scratch_dir = g_dir_make_tmp ("atlas-fuzz-XXXXXX", &error);
      if (scratch_dir == NULL)
        g_error ("cannot make a scratch folder: %s", error->message);
      scratch_path = g_build_filename (scratch_dir, "input.gpkg", NULL);
      atexit (remove_scratch_dir);
    }

  remove_scratch_files ();
  if (!g_file_set_contents (scratch_path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write %s: %s", scratch_path, error->message);
  return scratch_path;
}

/* Text shown in labels must be UTF-8, whatever a file holds. */
void
fuzz_check_utf8 (const char *what,
                 const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("%s is not UTF-8", what);
}

void
fuzz_check_utf8_strv (const char  *what,
                      char       **strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    fuzz_check_utf8 (what, strv[i]);
}
