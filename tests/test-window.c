/* test-window.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real main window on the sample case, driven through its actions under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <shumate/shumate.h>
#include <sqlite3.h>

#include "atlas-application.h"
#include "atlas-import-dialog.h"
#include "atlas-view-export.h"
#include "atlas-widget-capture.h"
#include "atlas-window.h"
#include "window-test-util.h"

static AtlasApplication *app;

static AtlasWindow *
open_settled_window (GFile *case_file)
{
  return open_window_at (app, case_file, 1024, 700);
}

static gboolean
widget_is_descendant (GtkWidget *widget,
                      GtkWidget *ancestor)
{
  return widget != NULL && gtk_widget_is_ancestor (widget, ancestor);
}

static void
test_window_opens_sample (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  AtlasCase *atlas_case = atlas_window_get_case (window);
  GtkWidget *map;

  g_assert_nonnull (atlas_case);
  g_assert_true (atlas_case_get_read_only (atlas_case));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   atlas_case_get_title (atlas_case));
  map = GTK_WIDGET (atlas_map_view_get_simple_map (atlas_window_get_map_view (window)));
  g_assert_true (SHUMATE_IS_SIMPLE_MAP (map));
  g_assert_true (widget_is_descendant (map, GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (map));

  close_window (window);
}

static gboolean
sidebar_shown (AtlasWindow *window)
{
  gboolean shown;

  g_object_get (window, "sidebar-shown", &shown, NULL);
  return shown;
}

static void
test_window_toggle_sidebar (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  GtkWidget *flap = GTK_WIDGET (atlas_window_get_map_view (window));

  g_assert_true (sidebar_shown (window));
  while (!ADW_IS_FLAP (flap))
    flap = gtk_widget_get_parent (flap);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (sidebar_shown (window));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_true (sidebar_shown (window));

  close_window (window);
}

/* Counts distinct colours on a coarse grid: a blank or single-colour window has one or two. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y += 7)
    for (int x = 0; x < width; x += 7)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, sizeof pixel);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  return g_hash_table_size (colours);
}

static void
test_window_screenshot_not_blank (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  g_autoptr(GdkTexture) texture = atlas_widget_capture_texture (GTK_WIDGET (window));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-window.png", NULL);

  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpuint (count_colours (texture), >, 20);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot written to %s", path);

  close_window (window);
}

static void
test_window_missing_case_shows_error (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing-case.gpkg");
  AtlasWindow *window = open_settled_window (missing);

  g_assert_null (atlas_window_get_case (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Incident Atlas");

  close_window (window);
}

/* Whether any label under @widget shows @text, as text (markup that failed to parse
 * shows nothing). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* A file's name is data, never markup: "<draft>" is no tag, "&" no entity. */
static void
test_window_error_names_file_with_markup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("window-markup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "R&D <draft>.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window;

  g_assert_true (g_file_set_contents (path, "not a case", -1, NULL));
  window = open_settled_window (file);
  g_assert_null (atlas_window_get_case (window));
  g_assert_true (shows_text (GTK_WIDGET (window), "R&D <draft>.gpkg"));
  close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_window_remembers_viewport (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  GSettings *settings = atlas_application_get_settings (app);
  AtlasWindow *window = open_settled_window (sample);
  ShumateViewport *viewport;

  atlas_window_restore_state (window, settings);
  viewport = atlas_map_view_get_viewport (atlas_window_get_map_view (window));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 30.25, 57.05);
  shumate_viewport_set_zoom_level (viewport, 9);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  window = open_settled_window (sample);
  atlas_window_restore_state (window, settings);
  viewport = atlas_map_view_get_viewport (atlas_window_get_map_view (window));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  30.25, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 9, 1e-6);

  close_window (window);
}

static const char *
map_source_id (AtlasWindow *window)
{
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (atlas_window_get_map_view (window));

  return shumate_map_source_get_id (shumate_simple_map_get_map_source (map));
}

static char *
basemap_name (AtlasWindow *window)
{
  char *name;

  g_object_get (window, "basemap", &name, NULL);
  return name;
}

/* One 256-pixel PNG tile at zoom 0, made with cairo. */
static char *
make_mbtiles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("window-mbtiles-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "tile.png", NULL);
  char *path = g_build_filename (dir, "map.mbtiles", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *data = NULL;
  gsize length;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  cairo_set_source_rgb (cr, 0.2, 0.6, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, png);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
                    "INSERT INTO metadata VALUES ('name', 'Green test map'), ('format', 'png');"
                    "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data);",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (0, 0, 0, ?)", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, data, (int) length, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return path;
}

static void
test_window_basemap_map_file (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autofree char *path = make_mbtiles ();
  g_autofree char *expected_id = g_strconcat ("mbtiles:", path, NULL);
  g_autofree char *name = NULL;
  AtlasWindow *window = open_settled_window (sample);

  g_assert_true (g_str_has_prefix (map_source_id (window), "atlas-basemap-"));
  g_object_set (window, "mbtiles-path", path, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.basemap", "s", "mbtiles"));
  g_assert_cmpstr (map_source_id (window), ==, expected_id);
  name = basemap_name (window);
  g_assert_cmpstr (name, ==, "mbtiles");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.basemap", "s", "offline");
  g_assert_true (g_str_has_prefix (map_source_id (window), "atlas-basemap-"));
  close_window (window);
}

static void
test_window_broken_map_file_falls_back (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autofree char *name = NULL;
  AtlasWindow *window = open_settled_window (sample);

  g_object_set (window, "mbtiles-path", "/nonexistent/broken.mbtiles", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.basemap", "s", "mbtiles");
  name = basemap_name (window);
  g_assert_cmpstr (name, ==, "offline");
  g_assert_true (g_str_has_prefix (map_source_id (window), "atlas-basemap-"));
  close_window (window);
}

static AtlasImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_IMPORT_DIALOG (toplevel))
        return ATLAS_IMPORT_DIALOG (toplevel);
    }
  return NULL;
}

static void
wait_for_dialog_to_close (void)
{
  while (find_import_dialog () != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_page (AtlasImportDialog *dialog,
               const char        *page)
{
  while (g_strcmp0 (atlas_import_dialog_get_page (dialog), page) != 0)
    {
      g_assert_cmpstr (atlas_import_dialog_get_page (dialog), !=, "error");
      g_main_context_iteration (NULL, TRUE);
    }
}

static AtlasWindow *
open_new_case (const char *csv,
               GFile     **csv_file)
{
  g_autofree char *dir = g_dir_make_tmp ("window-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "import.gpkg", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasCase) created = atlas_case_create (file, "Imports", NULL);

  g_assert_nonnull (created);
  g_clear_object (&created);
  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
  *csv_file = g_file_new_for_path (csv_path);
  return open_settled_window (file);
}

/* A CSV file in no layout we know asks which columns hold what, guessing from their names;
 * the chosen columns then make the incidents. */
static void
test_window_imports_csv_with_mapping (void)
{
  g_autoptr(GFile) csv = NULL;
  AtlasWindow *window = open_new_case ("name,lat,lon,when,reported by,casualties\n"
                                       "Market fire,30.28,57.08,2024-01-03,Agency A,4\n"
                                       "Road block,29.10,58.35,2024-01-05,Agency B,\n", &csv);
  AtlasImportDialog *dialog;
  AtlasCsvMapping mapping;
  AtlasCaseCounts counts;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-import-mapping.png", NULL);

  atlas_window_import_file (window, csv);
  dialog = find_import_dialog ();
  wait_for_page (dialog, "mapping");
  atlas_column_mapping_get_mapping (atlas_import_dialog_get_column_mapping (dialog), &mapping);
  g_assert_cmpstr (mapping.latitude, ==, "lat");
  g_assert_cmpstr (mapping.longitude, ==, "lon");
  g_assert_cmpstr (mapping.date, ==, "when");
  g_assert_cmpstr (mapping.title, ==, "name");
  g_assert_null (mapping.source);   /* "reported by" is not a name it knows */
  atlas_column_mapping_select (atlas_import_dialog_get_column_mapping (dialog), "source",
                               "reported by");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (dialog), path, NULL));

  atlas_import_dialog_confirm (dialog);
  wait_for_page (dialog, "preview");
  atlas_import_dialog_confirm (dialog);
  wait_for_dialog_to_close ();

  atlas_case_get_counts (atlas_window_get_case (window), &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  /* the import itself and the two agencies */
  g_assert_cmpuint (counts.documents, ==, 3);
  close_window (window);
}

/* The import dialog's error page shows the file's name as text, too. */
static void
test_window_import_error_names_file_with_markup (void)
{
  g_autoptr(GFile) csv = NULL;
  AtlasWindow *window = open_new_case ("unused\n", &csv);
  g_autoptr(GFile) folder = g_file_get_parent (csv);
  g_autoptr(GFile) file = g_file_get_child (folder, "R&D <draft>.kml");
  g_autofree char *path = g_file_get_path (file);
  AtlasImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, "<kml><unclosed", -1, NULL));
  atlas_window_import_file (window, file);
  dialog = find_import_dialog ();
  while (g_strcmp0 (atlas_import_dialog_get_page (dialog), "error") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "R&D <draft>.kml"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      count += ATLAS_IS_WINDOW (toplevel);
    }
  return count;
}

/* A case file given to import is said to be one, and offered to be opened. */
static void
test_window_import_case_file_offers_to_open (void)
{
  g_autoptr(GFile) csv = NULL;
  AtlasWindow *window = open_new_case ("unused\n", &csv);
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autoptr(GFile) folder = g_file_get_parent (csv);
  g_autoptr(GFile) file = g_file_get_child (folder, "other case.gpkg");
  AtlasImportDialog *dialog;
  GtkWidget *button;

  g_assert_true (g_file_copy (sample, file, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  atlas_window_import_file (window, file);
  dialog = find_import_dialog ();
  while (g_strcmp0 (atlas_import_dialog_get_page (dialog), "error") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "other case.gpkg"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "case file"));

  button = find_button_labelled (GTK_WIDGET (dialog), "_Open It as a Case");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpuint (count_windows (), ==, 1);
  g_signal_emit_by_name (button, "clicked");
  wait_for_dialog_to_close ();
  while (count_windows () < 2)
    g_main_context_iteration (NULL, TRUE);
  close_window (window);
}

static void
count_signal_cb (guint *count)
{
  (*count)++;
}

/* Closing the dialog once the write has begun cancels it and waits for the rollback: the
 * case stays as it was (test-import-plan cancels halfway through a write). */
static void
test_window_cancels_import (void)
{
  g_autoptr(GString) text = g_string_new ("event_date,event_type,latitude,longitude\n");
  g_autoptr(GFile) csv = NULL;
  AtlasWindow *window;
  AtlasImportDialog *dialog;
  AtlasCaseCounts counts;
  guint n_imported = 0;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (text, "2024-01-03,Battles,%.3f,%.3f\n", 25 + i % 100 / 10.0,
                            50 + i % 77 / 10.0);
  window = open_new_case (text->str, &csv);
  atlas_window_import_file (window, csv);
  dialog = find_import_dialog ();
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (count_signal_cb), &n_imported);
  wait_for_page (dialog, "preview");
  atlas_import_dialog_confirm (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  /* closing waits for the write to stop */
  g_assert_true (find_import_dialog () == dialog);
  wait_for_dialog_to_close ();

  g_assert_cmpuint (n_imported, ==, 0);
  atlas_case_get_counts (atlas_window_get_case (window), &counts);
  g_assert_cmpuint (counts.incidents, ==, 0);
  g_assert_cmpuint (counts.documents, ==, 0);
  close_window (window);
}

static void
test_window_imports_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("window-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "import.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) geojson = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "import",
                                                                       "good.geojson", NULL));
  g_autoptr(AtlasCase) created = atlas_case_create (file, "Imports", NULL);
  AtlasWindow *window;
  AtlasImportDialog *dialog;
  AtlasIncidentLayer *layer;
  AtlasCaseCounts counts;

  g_assert_nonnull (created);
  g_clear_object (&created);
  window = open_settled_window (file);
  g_assert_false (atlas_case_get_read_only (atlas_window_get_case (window)));

  atlas_window_import_file (window, geojson);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  while (!atlas_import_dialog_is_loaded (dialog))
    g_main_context_iteration (NULL, TRUE);
  atlas_import_dialog_confirm (dialog);
  wait_for_dialog_to_close ();

  atlas_case_get_counts (atlas_window_get_case (window), &counts);
  g_assert_cmpuint (counts.incidents, >=, 2);
  g_assert_cmpuint (counts.routes, >=, 1);

  /* the map follows the case's announcement of the import and redraws from a new index */
  layer = atlas_map_view_get_incident_layer (atlas_window_get_map_view (window));
  while (atlas_incident_layer_is_loading (layer)
         || atlas_cluster_index_get_n_points (atlas_incident_layer_get_index (layer))
            != counts.incidents)
    g_main_context_iteration (NULL, TRUE);
  close_window (window);
}

static void
test_window_sample_refuses_import (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autoptr(GFile) geojson = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "import",
                                                                       "good.geojson", NULL));
  AtlasWindow *window = open_settled_window (sample);

  /* read-only: no dialog, a toast says why */
  atlas_window_import_file (window, geojson);
  g_assert_null (find_import_dialog ());
  close_window (window);
}

static gboolean
has_temporary_file (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* The window of @type that appears within a minute, or %NULL. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + TEST_SLOWDOWN * 60 * G_USEC_PER_SEC;
  GtkWindow *found;

  while ((found = find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  return found;
}

/* The briefing export, once a file is chosen: never over the case, whatever the name it
 * is given; a new file only once complete, with nothing left beside it. */
static void
test_window_export_briefing_file (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autofree char *dir = g_dir_make_tmp ("window-export-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.gpkg", NULL);
  /* the case itself, by another name */
  g_autofree char *same_path = g_build_filename (dir, ".", "case.gpkg", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(GFile) same_file = NULL;
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  AtlasWindow *window;
  GtkWindow *dialog;

  g_assert_true (g_file_copy (sample, case_file, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  same_file = g_file_new_for_path (same_path);
  window = open_settled_window (case_file);
  g_assert_nonnull (atlas_window_get_case (window));

  atlas_view_export_briefing_to_file (GTK_WINDOW (window), atlas_window_get_case (window),
                                      NULL, same_file);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  g_assert_true (g_file_get_contents (case_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16);
  g_assert_cmpint (memcmp (contents, "SQLite format 3", 16), ==, 0);
  g_clear_pointer (&contents, g_free);

  atlas_view_export_briefing_to_file (GTK_WINDOW (window), atlas_window_get_case (window),
                                      NULL, out_file);
  while (!g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (has_temporary_file (dir, ".out.pdf."));
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr (contents + length - MIN (length, 32), "%%EOF"));
  close_window (window);
}

static void
test_window_about (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-about.png", NULL);
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (about), path, NULL));
  gtk_window_destroy (about);
  close_window (window);
}

/* GTK 4.8 now and then trips an assertion of its own while styling, rarely and at random,
 * also in other GTK apps. That abort, and nothing else, is a reason to run a test again. */
#define GTK_STYLING_ABORT "*ERROR:*gtk_counting_bloom_filter_remove: assertion failed*"

/* For tests/check-retry-honest.py: the first run of a test fails as asked. */
static void
fail_once_if_asked (void)
{
  const char *stamp = g_getenv ("ATLAS_TEST_FAIL_ONCE");

  if (stamp == NULL || g_file_test (stamp, G_FILE_TEST_EXISTS))
    return;
  g_assert_true (g_file_set_contents (stamp, "", 0, NULL));
  g_printerr ("%s\n", g_getenv ("ATLAS_TEST_FAIL_MESSAGE"));
  abort ();
}

/* Each test in a process of its own. A test whose process died of GTK's styling abort is
 * run once more; any other failure fails at once, its standard error shown (which is
 * also where a sanitizer report would be, build-aux/test-sanitized). */
static void
run_isolated (gconstpointer data)
{
  void (*test) (void) = data;

  if (g_test_subprocess ())
    {
      fail_once_if_asked ();
      test ();
      return;
    }
  g_test_trap_subprocess (NULL, (guint64) TEST_SLOWDOWN * 240 * G_USEC_PER_SEC, 0);
  if (!g_test_trap_has_passed ())
    {
      g_test_trap_assert_stderr (GTK_STYLING_ABORT);
      g_test_trap_assert_stderr_unmatched ("*Sanitizer:*");
      g_test_trap_assert_stderr_unmatched ("*: runtime error: *");
      g_test_message ("GTK's styling abort; running the test once more");
      g_test_trap_subprocess (NULL, (guint64) TEST_SLOWDOWN * 240 * G_USEC_PER_SEC,
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
    }
  g_test_trap_assert_passed ();
}

static void
add_isolated (const char *path,
              void      (*test) (void))
{
  g_test_add_data_func (path, test, run_isolated);
}

/* Whether @model, or a section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Whether a menu button under @widget offers @action. */
static gboolean
menu_button_offers (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget)
      && menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), action))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (menu_button_offers (child, action))
      return TRUE;
  return FALSE;
}

/* The map menu's density view: offered, reachable from the window, and switching the map. */
static void
test_window_density_view (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  AtlasMapView *map_view = atlas_window_get_map_view (window);
  GtkWidget *density = GTK_WIDGET (atlas_map_view_get_density_layer (map_view));
  GtkWidget *incidents = GTK_WIDGET (atlas_map_view_get_incident_layer (map_view));

  g_assert_true (menu_button_offers (GTK_WIDGET (window), "map-view.density"));
  g_assert_false (atlas_map_view_get_density_shown (map_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "map-view.density", NULL));
  g_assert_true (atlas_map_view_get_density_shown (map_view));
  g_assert_true (gtk_widget_get_visible (density));
  g_assert_false (gtk_widget_get_visible (incidents));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "map-view.density", NULL));
  g_assert_false (atlas_map_view_get_density_shown (map_view));

  close_window (window);
}

static void
test_window_shortcuts (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-shortcuts.png", NULL);
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_set_default_size (shortcuts, 1200, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (shortcuts), path, NULL));
  gtk_window_destroy (shortcuts);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = window_test_new_app ();

  add_isolated ("/atlas/window/opens-sample", test_window_opens_sample);
  add_isolated ("/atlas/window/toggle-sidebar", test_window_toggle_sidebar);
  add_isolated ("/atlas/window/screenshot-not-blank", test_window_screenshot_not_blank);
  add_isolated ("/atlas/window/missing-case", test_window_missing_case_shows_error);
  add_isolated ("/atlas/window/error-names-file-with-markup",
                test_window_error_names_file_with_markup);
  add_isolated ("/atlas/window/remembers-viewport", test_window_remembers_viewport);
  add_isolated ("/atlas/window/basemap-map-file", test_window_basemap_map_file);
  add_isolated ("/atlas/window/imports-file", test_window_imports_file);
  add_isolated ("/atlas/window/imports-csv-with-mapping", test_window_imports_csv_with_mapping);
  add_isolated ("/atlas/window/cancels-import", test_window_cancels_import);
  add_isolated ("/atlas/window/import-error-names-file-with-markup",
                test_window_import_error_names_file_with_markup);
  add_isolated ("/atlas/window/import-case-file-offers-to-open",
                test_window_import_case_file_offers_to_open);
  add_isolated ("/atlas/window/about", test_window_about);
  add_isolated ("/atlas/window/export-briefing-file", test_window_export_briefing_file);
  add_isolated ("/atlas/window/shortcuts", test_window_shortcuts);
  add_isolated ("/atlas/window/density-view", test_window_density_view);
  add_isolated ("/atlas/window/sample-refuses-import", test_window_sample_refuses_import);
  add_isolated ("/atlas/window/broken-map-file-falls-back",
                   test_window_broken_map_file_falls_back);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
