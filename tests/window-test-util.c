/* window-test-util.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "window-test-util.h"

static gboolean
settle_timeout_cb (gpointer user_data)
{
  g_error ("the window did not settle within %d s", SETTLE_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
settled_cb (AtlasWindow *window,
            gboolean    *settled)
{
  *settled = TRUE;
}

/* Waits for @window's "settled", failing the test after SETTLE_TIMEOUT_SECONDS. The
 * handler is disconnected again: a later "settled" must not write to this stack frame. */
void
wait_settled (AtlasWindow *window)
{
  gboolean settled = FALSE;
  gulong handler = g_signal_connect (window, "settled", G_CALLBACK (settled_cb), &settled);
  guint timeout_id = g_timeout_add_seconds (SETTLE_TIMEOUT_SECONDS, settle_timeout_cb, NULL);

  atlas_window_wait_until_settled (window);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  g_signal_handler_disconnect (window, handler);
}

/* Waits until @map_view reports itself settled five polls in a row, then for a draw. */
void
wait_until_settled (AtlasMapView *map_view)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint quiet = 0;

  while (quiet < 5)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      quiet = atlas_map_view_is_settled (map_view) ? quiet + 1 : 0;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map_view));
}

/* Runs the main context until @condition holds. Whatever the app promises about how soon,
 * the test only guards against a hang (timings belong in benchmarks): it fails, naming
 * @what, after SETTLE_TIMEOUT_SECONDS, and says how long the wait took. */
void
wait_for (WaitCondition  condition,
          gpointer       data,
          const char    *what)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + SETTLE_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited %d s for %s", SETTLE_TIMEOUT_SECONDS, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_test_message ("%s after %.2f s", what, (g_get_monotonic_time () - start) / 1e6);
}

/* A window of @width × @height showing @case_file, presented and settled. */
AtlasWindow *
open_window_at (AtlasApplication *app,
                GFile            *case_file,
                int               width,
                int               height)
{
  AtlasWindow *window = atlas_window_new (app, case_file);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (window);
  return window;
}

AtlasWindow *
open_sample_at (AtlasApplication *app,
                int               width,
                int               height)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();

  return open_window_at (app, sample, width, height);
}

/* Copies the sample case into a fresh directory made from @dir_template as kerman.gpkg,
 * made writable (the copy keeps the installed sample's mode), so that a test can edit it,
 * and opens the copy in a settled window of @width × @height. @files is set up for the copy; the
 * caller closes the window and tears @files down. */
AtlasWindow *
open_sample_copy_at (AtlasApplication *app,
                     CaseFiles        *files,
                     const char       *dir_template,
                     int               width,
                     int               height)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;

  case_files_set_up_as (files, dir_template, "kerman.gpkg");
  g_file_copy (sample, files->file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_chmod (files->path, 0644);
  window = open_window_at (app, files->file, width, height);
  g_assert_false (atlas_case_get_read_only (atlas_window_get_case (window)));
  return window;
}

/* Destroys @window and iterates until it is finalized. */
void
close_window (AtlasWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The first visible toplevel of @type, or NULL. A hidden one (a dialog closed but not yet
 * finalized) does not count. */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

/* ---- finding a widget ---------------------------------------------------------------- */

/* The first widget, @root or under it (depth first, shown or not), that @match accepts. */
GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_child_of_type (GtkWidget *root,
                    GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  return find_widget (root, is_button_labelled, label);
}

/* The application a UI test opens its windows in: not unique, so tests run side by side
 * and beside a running Incident Atlas; registered, so its actions work. */
AtlasApplication *
window_test_new_app (void)
{
  AtlasApplication *app = atlas_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}
