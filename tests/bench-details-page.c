/* bench-details-page.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long a record's details page takes to open, from the store's claims to its first
 * frame in a window, when the record carries 1,000, 10,000 or 100,000 claims: spread over
 * ten contested attributes of seven figures each (many sources on few facts), all agreeing
 * on one attribute, and each on its own attribute (a GeoJSON feature with that many
 * properties). Writing the case is not counted. Prints "name: value unit" lines: the
 * time on the clock, and the processor time the app used, which other programs on a busy
 * machine do not inflate.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "atlas-details-page.h"
#include "many-claims.h"

static void
remove_case (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* From nothing to a page drawn in a window: what the analyst waits for after a click. */
static double
time_page (AtlasCase *atlas_case,
           double    *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) record = atlas_case_lookup (atlas_case, "incident",
                                                     MANY_CLAIMS_INCIDENT, &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 400, 800);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  start = g_get_monotonic_time ();
  *cpu = cpu_seconds ();
  gtk_window_set_child (window, atlas_details_page_new (atlas_case, record));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  *cpu = cpu_seconds () - *cpu;

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return seconds;
}

static void
bench (const char *dir,
       guint       n_claims,
       guint       n_attributes,
       guint       n_values,
       const char *shape)
{
  g_autofree char *path = g_build_filename (dir, "many.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  double seconds, cpu;

  remove_case (path);
  atlas_case = many_claims_case_new (path, n_claims, n_attributes, n_values, &error);
  g_assert_no_error (error);
  seconds = time_page (atlas_case, &cpu);
  g_print ("details-page-%u-claims-%s: %.3f s\n", n_claims, shape, seconds);
  g_print ("details-page-%u-claims-%s-cpu: %.3f s\n", n_claims, shape, cpu);
  g_clear_object (&atlas_case);
  remove_case (path);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  g_autofree char *dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dir = g_dir_make_tmp ("bench-details-XXXXXX", NULL);
  /* the first page loads styles and templates: not what is measured */
  bench (dir, 100, 10, 7, "warm-up");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      bench (dir, sizes[i], 10, 7, "10-contested-attributes");
      bench (dir, sizes[i], 1, 1, "one-attribute-agreed");
      bench (dir, sizes[i], sizes[i], 1, "one-attribute-each");
    }
  g_rmdir (dir);
  return 0;
}
