/* test-import-outliers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real Import dialog on a CSV and a GeoJSON file with three misplaced rows among
 * normal ones: the preview tags them, a line says how many, its list names each by line
 * or feature with the reason and reaches the keyboard, and Import keeps every row.
 */

#include "config.h"

#include <adwaita.h>

#include "atlas-import-dialog.h"
#include "atlas-import-outliers.h"
#include "atlas-import-plan.h"
#include "atlas-widget-capture.h"
#include "window-test-util.h"

#define N_GOOD 27

static AtlasApplication *app;

/* A row at Kerman, spread over about a degree. */
static void
good_position (guint   i,
               double *latitude,
               double *longitude)
{
  *latitude = 30.28 + (i % 7) * 0.1 - 0.3;
  *longitude = 57.08 + (i % 5) * 0.12 - 0.25;
}

/* name,lat,lon,when: the bad rows at lines 5 (0,0), 12 (longitude 180) and 20 (Montreal);
 * the first has a title that looks like markup. */
static char *
csv_with_bad_rows (void)
{
  GString *csv = g_string_new ("name,lat,lon,when\n");
  guint good = 0;

  for (guint line = 2; line < 2 + N_GOOD + 3; line++)
    {
      double latitude, longitude;

      if (line == 5)
        g_string_append (csv, "<b>Lost</b> & found,0,0,2024-01-05\n");
      else if (line == 12)
        g_string_append (csv, "Edge case,31.5,180,2024-01-12\n");
      else if (line == 20)
        g_string_append (csv, "Far away,45.5,-73.6,2024-01-20\n");
      else
        {
          good_position (good++, &latitude, &longitude);
          g_string_append_printf (csv, "Event %u,%.3f,%.3f,2024-01-%02u\n", line, latitude,
                                  longitude, 1 + line % 28);
        }
    }
  return g_string_free (csv, FALSE);
}

/* The same as GeoJSON: the bad rows are features 2, 9 and 17. */
static char *
geojson_with_bad_rows (void)
{
  GString *json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");
  guint good = 0;

  for (guint feature = 1; feature <= N_GOOD + 3; feature++)
    {
      double latitude = 0, longitude = 0;

      if (feature == 9)
        latitude = -90, longitude = 57;
      else if (feature == 17)
        latitude = 45.5, longitude = -73.6;
      else if (feature != 2)
        good_position (good++, &latitude, &longitude);
      g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"title\": "
                              "\"Feature %u\", \"date\": \"2024-02-01\"}, \"geometry\": "
                              "{\"type\": \"Point\", \"coordinates\": [%.3f, %.3f]}}\n",
                              feature > 1 ? "," : "", feature, longitude, latitude);
    }
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

static AtlasWindow *
open_new_case (const char  *name,
               const char  *contents,
               GFile      **import_file)
{
  g_autofree char *dir = g_dir_make_tmp ("import-outliers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "import.gpkg", NULL);
  g_autofree char *import_path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasCase) created = atlas_case_create (file, "Imports", NULL);

  g_assert_nonnull (created);
  g_clear_object (&created);
  g_assert_true (g_file_set_contents (import_path, contents, -1, NULL));
  *import_file = g_file_new_for_path (import_path);
  return open_window_at (app, file, 1024, 700);
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

/* Opens the Import dialog on @file and waits for its preview. */
static AtlasImportDialog *
preview (AtlasWindow *window,
         GFile       *file)
{
  AtlasImportDialog *dialog;

  atlas_window_import_file (window, file);
  dialog = ATLAS_IMPORT_DIALOG (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  while (g_strcmp0 (atlas_import_dialog_get_page (dialog), "preview") != 0
         && g_strcmp0 (atlas_import_dialog_get_page (dialog), "mapping") != 0)
    {
      g_assert_cmpstr (atlas_import_dialog_get_page (dialog), !=, "error");
      g_main_context_iteration (NULL, TRUE);
    }
  /* the CSV file's columns are guessed from their names: name, lat, lon, when */
  if (g_strcmp0 (atlas_import_dialog_get_page (dialog), "mapping") == 0)
    atlas_import_dialog_confirm (dialog);
  wait_for_page (dialog, "preview");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The rows of the list of misplaced rows, as "title | subtitle" lines. */
static char *
listed_rows (GtkListBox *list)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      /* a screen reader names the row by its title */
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row),
                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      g_string_append_printf (text, "%s | %s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
  return g_string_free (text, FALSE);
}

/* The summary line takes focus, and Enter on it opens the list, as a click does. */
static GtkListBox *
open_list (AtlasImportDialog *dialog,
           GtkExpander       *expander)
{
  GtkWidget *focus;

  g_assert_false (gtk_expander_get_expanded (expander));
  gtk_widget_grab_focus (GTK_WIDGET (expander));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus == GTK_WIDGET (expander)
                 || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (expander))));
  g_signal_emit_by_name (expander, "activate");
  g_assert_true (gtk_expander_get_expanded (expander));
  return GTK_LIST_BOX (find_child_of_type (GTK_WIDGET (expander), GTK_TYPE_LIST_BOX));
}

/* Tab from the summary line reaches the list's first row. */
static void
assert_list_reached_by_tab (AtlasImportDialog *dialog,
                            GtkExpander       *expander,
                            GtkListBox        *list)
{
  GtkWidget *focus = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (expander));
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
        break;
    }
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
}

static void
assert_names (GtkExpander *expander,
              GtkListBox  *list,
              const char  *summary)
{
  g_autofree char *list_name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (list),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Rows that look misplaced");
  g_autofree char *expander_name =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        summary);

  g_assert_null (list_name);
  g_assert_null (expander_name);
}

static void
capture (AtlasImportDialog *dialog,
         const char        *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (dialog), path, NULL));
  g_test_message ("dialog pictured in %s", path);
}

/* Light and dark, at the dialog's size and 400 pixels wide. */
static void
capture_all (AtlasImportDialog *dialog,
             const char        *prefix)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *sizes[] = { "", "-narrow" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *light = g_strconcat (prefix, sizes[i], "-light.png", NULL);
      g_autofree char *dark = g_strconcat (prefix, sizes[i], "-dark.png", NULL);

      if (i > 0)
        gtk_window_set_default_size (GTK_WINDOW (dialog), 400, 700);
      capture (dialog, light);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      capture (dialog, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }
}

/* Imports what the dialog previews, and checks every row is in the case. */
static void
import_all (AtlasWindow       *window,
            AtlasImportDialog *dialog)
{
  AtlasCaseCounts counts;

  atlas_import_dialog_confirm (dialog);
  while (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  atlas_case_get_counts (atlas_window_get_case (window), &counts);
  g_assert_cmpuint (counts.incidents, ==, N_GOOD + 3);
}

static void
check_dialog (AtlasWindow       *window,
              AtlasImportDialog *dialog,
              const char        *expected_rows,
              const char        *picture)
{
  AtlasImportOutliers *outliers =
    ATLAS_IMPORT_OUTLIERS (find_child_of_type (GTK_WIDGET (dialog), ATLAS_TYPE_IMPORT_OUTLIERS));
  GtkExpander *expander = GTK_EXPANDER (find_child_of_type (GTK_WIDGET (outliers),
                                                            GTK_TYPE_EXPANDER));
  GtkListBox *list = open_list (dialog, expander);
  g_autofree char *rows = listed_rows (list);
  GtkWidget *tag;

  g_assert_cmpuint (atlas_import_outliers_get_n_outliers (outliers), ==, 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outliers)));
  g_assert_nonnull (find_widget (GTK_WIDGET (outliers), is_label_with_text,
                                 "3 rows look misplaced"));
  g_assert_cmpstr (rows, ==, expected_rows);
  assert_names (expander, list, "3 rows look misplaced");

  /* the first eight records are previewed: the first bad one is tagged, with its reason */
  tag = find_widget (GTK_WIDGET (dialog), is_label_with_text, "Suspicious");
  g_assert_nonnull (tag);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (tag)), ==,
                   "at 0°, 0° (often a missing location)");

  assert_list_reached_by_tab (dialog, expander, list);
  capture_all (dialog, picture);
  import_all (window, dialog);
}

static void
test_csv (void)
{
  g_autofree char *csv = csv_with_bad_rows ();
  g_autoptr(GFile) file = NULL;
  AtlasWindow *window = open_new_case ("events.csv", csv, &file);
  AtlasImportDialog *dialog = preview (window, file);

  check_dialog (window, dialog,
                "Line 5: at 0°, 0° (often a missing location) | “<b>Lost</b> & found” at "
                "0.0000, 0.0000\n"
                "Line 12: on the edge of the world (±180° / ±90°) | “Edge case” at "
                "31.5000, 180.0000\n"
                "Line 20: far outside where the other rows lie | “Far away” at "
                "45.5000, -73.6000\n",
                "test-import-outliers-csv");
  close_window (window);
}

static void
test_geojson (void)
{
  g_autofree char *json = geojson_with_bad_rows ();
  g_autoptr(GFile) file = NULL;
  AtlasWindow *window = open_new_case ("events.geojson", json, &file);
  AtlasImportDialog *dialog = preview (window, file);

  check_dialog (window, dialog,
                "Feature 2: at 0°, 0° (often a missing location) | “Feature 2” at "
                "0.0000, 0.0000\n"
                "Feature 9: on the edge of the world (±180° / ±90°) | “Feature 9” at "
                "-90.0000, 57.0000\n"
                "Feature 17: far outside where the other rows lie | “Feature 17” at "
                "45.5000, -73.6000\n",
                "test-import-outliers-geojson");
  close_window (window);
}

/* A file larger than the preview keeps: the note says only its first part was checked. */
static void
test_sampled_file (void)
{
  GString *csv = g_string_new ("name,lat,lon,when\n");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  AtlasWindow *window;
  AtlasImportDialog *dialog;
  GtkWidget *outliers, *note;

  for (guint i = 0; i < ATLAS_IMPORT_PLAN_KEPT_RECORDS + 500; i++)
    {
      double latitude, longitude;

      good_position (i, &latitude, &longitude);
      g_string_append_printf (csv, "Event %u,%.3f,%.3f,2024-01-01\n", i,
                              i == 3 ? 0 : latitude, i == 3 ? 0 : longitude);
    }
  contents = g_string_free (g_steal_pointer (&csv), FALSE);
  window = open_new_case ("many.csv", contents, &file);
  dialog = preview (window, file);
  outliers = find_child_of_type (GTK_WIDGET (dialog), ATLAS_TYPE_IMPORT_OUTLIERS);
  g_assert_cmpuint (atlas_import_outliers_get_n_outliers (ATLAS_IMPORT_OUTLIERS (outliers)), ==,
                    1);
  g_assert_nonnull (find_widget (outliers, is_label_with_text, "1 row looks misplaced"));
  open_list (dialog, GTK_EXPANDER (find_child_of_type (outliers, GTK_TYPE_EXPANDER)));
  note = find_widget (outliers, is_label_with_text,
                      "Of the file’s 10,500 incidents, the first 10,000 were checked. The rows "
                      "listed are imported all the same: check their coordinates once they "
                      "are in the case.");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_mapped (note));
  gtk_window_close (GTK_WINDOW (dialog));
  while (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  close_window (window);
}

/* A file with nothing misplaced shows no such line. */
static void
test_nothing_misplaced (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "import",
                                                                    "good.geojson", NULL));
  g_autoptr(GFile) unused = NULL;
  AtlasWindow *window = open_new_case ("unused.csv", "", &unused);
  AtlasImportDialog *dialog = preview (window, file);
  GtkWidget *outliers = find_child_of_type (GTK_WIDGET (dialog), ATLAS_TYPE_IMPORT_OUTLIERS);

  g_assert_cmpuint (atlas_import_outliers_get_n_outliers (ATLAS_IMPORT_OUTLIERS (outliers)), ==,
                    0);
  g_assert_false (gtk_widget_get_visible (outliers));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_label_with_text, "Suspicious"));
  gtk_window_close (GTK_WINDOW (dialog));
  while (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
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

  g_test_add_func ("/atlas/import-outliers/csv", test_csv);
  g_test_add_func ("/atlas/import-outliers/geojson", test_geojson);
  g_test_add_func ("/atlas/import-outliers/sampled-file", test_sampled_file);
  g_test_add_func ("/atlas/import-outliers/nothing-misplaced", test_nothing_misplaced);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
