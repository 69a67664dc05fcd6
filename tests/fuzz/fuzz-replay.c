/* fuzz-replay.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays a fuzzing corpus through a harness's LLVMFuzzerTestOneInput, without libFuzzer,
 * so every build (gcc too) runs the corpus and its regression inputs under meson test.
 * Arguments are files or folders; folders are read recursively, in name order.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean replay_path (const char *path,
                             guint      *n_inputs,
                             GError    **error);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
replay_file (const char  *path,
             guint       *n_inputs,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  /* Named first, so the log says which input a crash came from. */
  g_printerr ("%s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  (*n_inputs)++;
  return TRUE;
}

static gboolean
replay_dir (const char  *path,
            guint       *n_inputs,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (!replay_path (child, n_inputs, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
replay_path (const char  *path,
             guint       *n_inputs,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_dir (path, n_inputs, error);
  return replay_file (path, n_inputs, error);
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-FOLDER-OR-FILE…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!replay_path (argv[i], &n_inputs, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  /* An empty corpus would make the test pass without testing anything. */
  if (n_inputs == 0)
    {
      g_printerr ("no inputs found\n");
      return EXIT_FAILURE;
    }
  g_printerr ("%u inputs replayed\n", n_inputs);
  return EXIT_SUCCESS;
}
