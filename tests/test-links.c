/* test-links.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Copy Link" in a real window: the clipboard holds the link and the citation, and opening
 * the link through the application (as the desktop does) gives a second window framed the
 * same, with the same selection or step; a link to a missing case or key says so.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-window.h"
#include "window-test-util.h"

static AtlasApplication *app;

static AtlasWindow *
open_sample (void)
{
  return open_sample_at (app, 1280, 800);
}

/* Opens @uri as the desktop would, and returns the window that opened for it. */
static AtlasWindow *
open_uri (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GList) before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  GFile *files[] = { file };

  g_assert_true (g_file_has_uri_scheme (file, "incident-atlas"));
  g_application_open (G_APPLICATION (app), files, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && ATLAS_IS_WINDOW (l->data))
      {
        wait_settled (l->data);
        return l->data;
      }
  g_assert_not_reached ();
  return NULL;
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
stream_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GInputStream **stream = user_data;
  g_autoptr(GError) error = NULL;

  *stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  g_assert_no_error (error);
}

static void
spliced_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* The whole of @stream, read without blocking the main loop that writes it. */
static char *
read_all (GInputStream *stream)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  gboolean done = FALSE;

  g_output_stream_splice_async (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Reads both of what "Copy Link" put on the clipboard: the link as text/uri-list, and the
 * citation as plain text. */
static void
read_clipboard (AtlasWindow  *window,
                char        **uri,
                char        **text)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  const char *uri_list[] = { "text/uri-list", NULL };
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *list = NULL;

  *text = NULL;
  gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, text);
  gdk_clipboard_read_async (clipboard, uri_list, G_PRIORITY_DEFAULT, NULL, stream_read_cb,
                            &stream);
  while (*text == NULL || stream == NULL)
    g_main_context_iteration (NULL, TRUE);

  list = read_all (stream);
  g_assert_true (g_str_has_suffix (list, "\r\n"));
  *uri = g_strndup (list, strlen (list) - 2);
  g_test_message ("link: %s", *uri);
  g_test_message ("text: %s", *text);
  g_assert_true (g_str_has_prefix (*uri, "incident-atlas:///"));
  /* the citation is followed by the link, for what pastes only text */
  g_assert_true (g_str_has_suffix (*text, *uri));
}

static void
clear_clipboard (AtlasWindow *window)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "");
}

static void
assert_same_view (AtlasWindow *a,
                  AtlasWindow *b)
{
  ShumateViewport *first = atlas_map_view_get_viewport (atlas_window_get_map_view (a));
  ShumateViewport *second = atlas_map_view_get_viewport (atlas_window_get_map_view (b));

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (first)),
                                  shumate_location_get_latitude (SHUMATE_LOCATION (second)),
                                  1e-5);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (first)),
                                  shumate_location_get_longitude (SHUMATE_LOCATION (second)),
                                  1e-5);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (first),
                                  shumate_viewport_get_zoom_level (second), 0.01);
}

static const char *
selected_key (AtlasWindow *window)
{
  AtlasRecord *record = atlas_selection_get_record (atlas_window_get_selection (window));

  return record != NULL ? atlas_record_get_key (record) : NULL;
}

static gboolean
is_shown_button_with_action (GtkWidget     *widget,
                             gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  return find_widget (widget, is_shown_button_with_action, action);
}

/* The record's page has a Copy Link button; its link opens a window framed the same, with
 * the record selected. */
static void
test_record_link (void)
{
  AtlasWindow *window = open_sample ();
  AtlasWindow *opened;
  g_autoptr(AtlasRecord) record = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button;

  record = atlas_case_lookup (atlas_window_get_case (window), "incident",
                              "inc-tehran-2017-parliament", NULL);
  atlas_selection_select (atlas_window_get_selection (window), record, ATLAS_SELECTION_FRAME);
  wait_settled (window);
  /* somewhere no framing rule would put it */
  atlas_map_view_show_at (atlas_window_get_map_view (window), 35.9, 51.1, 8.25);
  wait_settled (window);

  clear_clipboard (window);
  button = find_button_with_action (atlas_window_get_sidebar (window), "win.copy-record-link");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  read_clipboard (window, &uri, &text);
  g_assert_nonnull (strstr (uri, "record=inc-tehran-2017-parliament"));
  g_assert_true (g_str_has_prefix (text, "Attack on Iran's parliament building, Tehran — "));
  g_assert_nonnull (strstr (text, "7 June 2017"));
  g_assert_nonnull (strstr (text, "; sources: "));

  opened = open_uri (uri);
  g_assert_true (opened != window);
  assert_same_view (window, opened);
  g_assert_cmpstr (selected_key (opened), ==, "inc-tehran-2017-parliament");

  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shift+Ctrl+C's action copies the view; while presenting, the step. */
static void
test_view_and_step_links (void)
{
  AtlasWindow *window = open_sample ();
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  AtlasWindow *opened;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *step_uri = NULL;
  g_autofree char *step_text = NULL;

  atlas_map_view_show_at (atlas_window_get_map_view (window), 28.5, 59.25, 6.5);
  wait_settled (window);
  clear_clipboard (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-link", NULL));
  read_clipboard (window, &uri, &text);
  g_assert_nonnull (strstr (uri, "zoom=6.50"));
  g_assert_nonnull (strstr (text, "map centred on 28.500° N, 59.250° E at zoom 6.5"));
  opened = open_uri (uri);
  assert_same_view (window, opened);
  gtk_window_destroy (GTK_WINDOW (opened));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  atlas_briefing_panel_set_position (panel, 9);
  wait_settled (window);
  clear_clipboard (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-link", NULL));
  read_clipboard (window, &step_uri, &step_text);
  g_assert_true (g_str_has_suffix (step_uri, "?step=10"));
  g_assert_nonnull (strstr (step_text, " — step 10 of 21: Jaliq crossing point, Kalagan"));

  opened = open_uri (step_uri);
  g_assert_true (atlas_window_get_presenting (opened));
  g_assert_cmpuint (atlas_briefing_panel_get_position (atlas_window_get_briefing_panel (opened)),
                    ==, 9);
  g_assert_cmpstr (selected_key (opened), ==, "wp-jaliq-crossing");
  g_assert_cmpstr (selected_key (opened), ==, selected_key (window));

  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The message dialog shown over @window, whose body must name @what; it is closed. */
static void
assert_message_naming (GtkWindow  *window,
                       const char *what)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel)
              && gtk_window_get_transient_for (toplevel) == window)
            {
              const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel));

              g_test_message ("%s", body);
              g_assert_nonnull (strstr (body, what));
              gtk_window_destroy (toplevel);
              return;
            }
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A link to a key the case does not hold opens the case and says which key; a link to a
 * case that is not there, or to a folder, says so and opens nothing. */
static void
test_broken_links (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autofree char *path = g_file_get_path (sample);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *unknown_key = g_strconcat ("incident-atlas://", escaped,
                                              "?record=inc-nowhere%3Cb%3E", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_strconcat ("incident-atlas://", dir, NULL);
  AtlasWindow *opened, *window;
  guint n_windows;

  opened = open_uri (unknown_key);
  g_assert_nonnull (atlas_window_get_case (opened));
  assert_message_naming (GTK_WINDOW (opened), "holds no record “inc-nowhere<b>”");
  gtk_window_destroy (GTK_WINDOW (opened));

  window = open_sample ();
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  {
    g_autoptr(GFile) missing = g_file_new_for_uri ("incident-atlas:///no/such/case.gpkg?step=2");
    g_autoptr(GFile) to_folder = g_file_new_for_uri (folder);

    g_application_open (G_APPLICATION (app), &missing, 1, "");
    assert_message_naming (GTK_WINDOW (window), "/no/such/case.gpkg");
    g_application_open (G_APPLICATION (app), &to_folder, 1, "");
    assert_message_naming (GTK_WINDOW (window), "which is a folder");
  }
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The map jumps instead of flying, so each view is where the test looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = atlas_application_new ();
  /* its own instance, still handling open as the desktop's launches do */
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app))
                                                | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/atlas/links/record", test_record_link);
  g_test_add_func ("/atlas/links/view-and-step", test_view_and_step_links);
  g_test_add_func ("/atlas/links/broken", test_broken_links);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
