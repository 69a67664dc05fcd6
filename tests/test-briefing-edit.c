/* test-briefing-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making a briefing in the real window, on a copy of the sample, under Xvfb: a new briefing
 * of three steps, each added with "Add This View" from what the map shows and captioned in
 * the panel; the claims a caption lists chosen with its check boxes; steps moved,
 * duplicated and deleted, each undone; presenting from the selected step, each step's view
 * and filter restored exactly, and which briefing asked when none is selected; the PDF,
 * page for page; and a read-only case, whose panel has no edit controls.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-briefing-editor.h"
#include "atlas-briefing-panel.h"
#include "atlas-briefing-step.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-view-export.h"
#include "atlas-window.h"
#include "window-test-util.h"

static AtlasApplication *app;

typedef struct {
  CaseFiles    files;
  AtlasWindow *window;
} Fixture;

/* ---- the window ------------------------------------------------------------------------ */

static AtlasWindow *
open_settled_window (GFile *case_file)
{
  return open_window_at (app, case_file, 1280, 800);
}

static void
drain (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = open_sample_copy_at (app, &fixture->files, "atlas-briefing-edit-XXXXXX",
                                         1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  case_files_tear_down (&fixture->files);
}

/* ---- finding what is on screen ------------------------------------------------------------ */

/* The first widget under @widget whose action is @action, shown or not. */
static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  return find_widget (widget, has_action, action);
}

/* Returns: (transfer full) (nullable): the message dialog open now */
static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return toplevel;
      g_object_unref (toplevel);
    }
  return NULL;
}

static AtlasBriefingEditor *
get_editor (AtlasWindow *window)
{
  GtkWidget *editor = find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_BRIEFING_EDITOR);

  g_assert_nonnull (editor);
  return ATLAS_BRIEFING_EDITOR (editor);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

/* ---- the briefing as the case holds it ---------------------------------------------------- */

static char *
list_captions (AtlasWindow *window,
               const char  *briefing_key)
{
  g_autoptr(GListModel) steps = atlas_case_list_briefing_steps (atlas_window_get_case (window),
                                                                briefing_key, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                              atlas_record_get_text (step, "caption"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static AtlasRecord *
get_step (AtlasWindow *window,
          const char  *briefing_key,
          guint        position)
{
  g_autoptr(GListModel) steps = atlas_case_list_briefing_steps (atlas_window_get_case (window),
                                                                briefing_key, NULL);

  g_assert_cmpuint (position, <, g_list_model_get_n_items (steps));
  return g_list_model_get_item (steps, position);
}

/* ---- making steps ------------------------------------------------------------------------- */

/* Frames and selects the record, as a click on it does, then presses "Add This View" and
 * types the caption into the panel and saves it. */
static void
add_view_of (AtlasWindow *window,
             const char  *kind,
             const char  *key,
             const char  *caption)
{
  AtlasCase *atlas_case = atlas_window_get_case (window);
  g_autoptr(AtlasRecord) record = atlas_case_lookup (atlas_case, kind, key, NULL);
  AtlasBriefingEditor *editor = get_editor (window);
  GtkTextView *caption_view;

  g_assert_nonnull (record);
  atlas_map_view_frame_record (atlas_window_get_map_view (window), record, FALSE);
  atlas_selection_select (atlas_window_get_selection (window), record, ATLAS_SELECTION_NONE);
  drain ();
  click (find_actionable (GTK_WIDGET (editor), "win.briefing-add-view"));

  caption_view = GTK_TEXT_VIEW (find_child_of_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (caption_view), caption, -1);
  click (find_button_labelled (GTK_WIDGET (editor), "_Save Caption"));
}

static void
undo (AtlasWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
}

static void
check_presents_view (AtlasWindow *window,
                     AtlasRecord *step)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (atlas_window_get_map_view (window));
  double latitude, longitude, zoom;

  g_assert_true (atlas_briefing_step_get_view (step, &latitude, &longitude, &zoom));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  longitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-6);
}

/* ---- pages of the PDF -------------------------------------------------------------------- */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

/* The page's text, its spaces and line breaks made single spaces. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
export_pdf (AtlasWindow *window,
            const char  *briefing_key,
            const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  atlas_view_export_briefing_to_file (GTK_WINDOW (window), atlas_window_get_case (window),
                                      briefing_key, file);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  /* the toast that says it is done comes after the file is in place */
  drain ();
}

/* ---- the tests --------------------------------------------------------------------------- */

static const char *const captions[] = {
  "Shiraz, October 2022: the Shah Cheragh shrine.",
  "Ahvaz, September 2018: the military parade.",
  "The competing account of the route, January 2024 only.",
};

/* A new briefing, made of three views; its edits undone; presented; exported. */
static void
test_make_present_export (Fixture       *fixture,
                          gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = get_editor (window);
  g_autofree char *key = NULL;
  g_autofree char *made = NULL;
  g_autofree char *pdf = g_build_filename (fixture->files.dir, "made.pdf", NULL);
  g_autoptr(AtlasRecord) first = NULL;
  g_autoptr(AtlasRecord) second = NULL;
  g_autoptr(AtlasRecord) third = NULL;
  g_autoptr(GListModel) history = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-briefing", NULL));
  g_assert_cmpuint (atlas_briefing_editor_get_n_briefings (editor), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-new", NULL));
  drain ();
  g_assert_cmpuint (atlas_briefing_editor_get_n_briefings (editor), ==, 2);
  key = g_strdup (atlas_briefing_editor_get_briefing (editor));
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 0);

  /* three views: two incidents, then a route with the timeline's range set */
  add_view_of (window, "incident", "inc-shiraz-2022", captions[0]);
  add_view_of (window, "incident", "inc-ahvaz-2018", captions[1]);
  atlas_filter_set_date_range (atlas_window_get_filter (window), "2024-01-01", "2024-01-31");
  add_view_of (window, "route", "route-tajikistan-pakistan", captions[2]);
  atlas_filter_set_date_range (atlas_window_get_filter (window), NULL, NULL);
  made = list_captions (window, key);
  g_assert_cmpstr (made, ==, "Shiraz, October 2022: the Shah Cheragh shrine.|"
                             "Ahvaz, September 2018: the military parade.|"
                             "The competing account of the route, January 2024 only.");
  /* the other briefing is untouched */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_case_list_briefing_steps (
                      atlas_window_get_case (window), NULL, NULL)), ==, 21);

  first = get_step (window, key, 0);
  g_assert_cmpstr (atlas_record_get_text (first, "subject_key"), ==, "inc-shiraz-2022");
  /* every claim about the subject, by default */
  g_assert_nonnull (atlas_record_get_text (first, "claim_keys"));
  g_assert_nonnull (strchr (atlas_record_get_text (first, "claim_keys"), ' '));
  third = get_step (window, key, 2);
  g_assert_cmpstr (atlas_record_get_text (third, "start_date"), ==, "2024-01-01");
  history = atlas_case_list_history (atlas_window_get_case (window), "briefing-step",
                                     atlas_record_get_key (third), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 2);

  /* unchecking a claim in the panel drops it from the step; undo brings it back */
  atlas_briefing_editor_select_step (editor, atlas_record_get_key (first));
  drain ();
  {
    GtkWidget *check = find_child_of_type (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON);
    g_autoptr(AtlasRecord) fewer = NULL;
    g_autoptr(AtlasRecord) back = NULL;

    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    drain ();
    fewer = get_step (window, key, 0);
    g_assert_null (strchr (atlas_record_get_text (fewer, "claim_keys"), ' '));
    undo (window);
    back = get_step (window, key, 0);
    g_assert_cmpstr (atlas_record_get_text (back, "claim_keys"), ==,
                     atlas_record_get_text (first, "claim_keys"));
  }

  /* Alt+Up on the third step, then undo */
  atlas_briefing_editor_select_step (editor, atlas_record_get_key (third));
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "win.briefing-move-step", "i",
                                             -1));
  drain ();
  {
    g_autofree char *moved = list_captions (window, key);
    g_autofree char *undone = NULL;

    g_assert_true (g_str_has_suffix (moved, "only.|Ahvaz, September 2018: the military parade."));
    g_assert_cmpuint (atlas_briefing_editor_get_step_position (editor), ==, 1);
    undo (window);
    undone = list_captions (window, key);
    g_assert_cmpstr (undone, ==, made);
  }

  /* a row dropped on the last row's place, then undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "win.briefing-move-step-to",
                                             "(su)", atlas_record_get_key (first), 2));
  drain ();
  {
    g_autofree char *dropped = list_captions (window, key);
    g_autofree char *undone = NULL;

    g_assert_true (g_str_has_suffix (dropped, "|Shiraz, October 2022: the Shah Cheragh shrine."));
    undo (window);
    undone = list_captions (window, key);
    g_assert_cmpstr (undone, ==, made);
  }

  /* duplicate the first, delete the copy, undo both */
  atlas_briefing_editor_select_step (editor, atlas_record_get_key (first));
  drain ();
  click (find_actionable (GTK_WIDGET (editor), "win.briefing-duplicate-step"));
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 4);
  g_assert_cmpuint (atlas_briefing_editor_get_step_position (editor), ==, 1);
  click (find_actionable (GTK_WIDGET (editor), "win.briefing-delete-step"));
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 3);
  undo (window);
  undo (window);
  {
    g_autofree char *again = list_captions (window, key);

    g_assert_cmpstr (again, ==, made);
  }

  /* F5 from the selected second step: its view exactly, and its subject selected */
  second = get_step (window, key, 1);
  atlas_briefing_editor_select_step (editor, atlas_record_get_key (second));
  drain ();
  atlas_filter_set_min_reliability (atlas_window_get_filter (window), 'C');
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_settled (window);
  g_assert_true (atlas_window_get_presenting (window));
  g_assert_cmpuint (atlas_briefing_panel_get_position (atlas_window_get_briefing_panel (window)),
                    ==, 1);
  check_presents_view (window, second);
  g_assert_cmpstr (atlas_record_get_key (atlas_selection_get_record (
                     atlas_window_get_selection (window))), ==, "inc-ahvaz-2018");
  /* the step's filter, not the analyst's */
  g_assert_cmpint (atlas_filter_get_min_reliability (atlas_window_get_filter (window)), ==, 'F');

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-next", NULL));
  wait_settled (window);
  check_presents_view (window, third);
  g_assert_cmpstr (atlas_filter_get_start_date (atlas_window_get_filter (window)), ==,
                   "2024-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-briefing", NULL));
  drain ();
  /* leaving gives the analyst's filter back */
  g_assert_null (atlas_filter_get_start_date (atlas_window_get_filter (window)));
  g_assert_cmpint (atlas_filter_get_min_reliability (atlas_window_get_filter (window)), ==, 'C');

  /* the panel closed (its step still selected) and two briefings: F5 asks which */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-briefing", NULL));
  drain ();
  g_assert_cmpuint (atlas_briefing_editor_get_step_position (editor), !=, G_MAXUINT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  drain ();
  g_assert_false (atlas_window_get_presenting (window));
  {
    g_autoptr(GtkWidget) dialog = find_message_dialog ();

    g_assert_nonnull (dialog);
    g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), key));
    /* as a click on its button: the dialog closes itself */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), key);
  }
  wait_settled (window);
  g_assert_true (atlas_window_get_presenting (window));
  g_assert_cmpstr (atlas_briefing_panel_get_briefing (atlas_window_get_briefing_panel (window)),
                   ==, key);
  g_assert_cmpuint (atlas_briefing_panel_get_position (atlas_window_get_briefing_panel (window)),
                    ==, 0);
  check_presents_view (window, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-briefing", NULL));
  drain ();

  /* the PDF, page for page: each caption with a source on its page */
  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  export_pdf (window, key, pdf);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i + 1);

      g_test_message ("page %u: %s", i + 1, text);
      g_assert_nonnull (strstr (text, captions[i]));
      g_assert_true (strstr (text, "NewsNation") != NULL
                     || strstr (text, "Israel National News") != NULL
                     || strstr (text, "Unnamed analysis publisher") != NULL);
    }
}

/* Renamed and deleted from the panel; undo gives the briefing back with its steps. */
static void
test_rename_delete_briefing (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = get_editor (window);
  g_autofree char *key = NULL;
  g_autoptr(AtlasRecord) briefing = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-briefing", NULL));
  key = g_strdup (atlas_briefing_editor_get_briefing (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-set-title", "s",
                                             "The short one"));
  drain ();
  briefing = atlas_case_find_briefing (atlas_window_get_case (window), "The short one", NULL);
  g_assert_nonnull (briefing);
  g_assert_cmpstr (atlas_record_get_key (briefing), ==, key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-delete", NULL));
  drain ();
  g_assert_cmpuint (atlas_briefing_editor_get_n_briefings (editor), ==, 0);
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 0);
  undo (window);
  g_assert_cmpuint (atlas_briefing_editor_get_n_briefings (editor), ==, 1);
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 21);
}

/* The bundled sample opens read-only: the panel lists and previews, but edits nothing. */
static void
test_read_only (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = open_settled_window (sample);
  AtlasBriefingEditor *editor = get_editor (window);
  static const char *const edits[] = {
    "win.briefing-add-view", "win.briefing-move-step", "win.briefing-duplicate-step",
    "win.briefing-update-step", "win.briefing-delete-step",
  };
  GtkTextView *caption_view;
  g_autoptr(AtlasRecord) step = NULL;

  g_assert_true (atlas_case_get_read_only (atlas_window_get_case (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-briefing", NULL));
  step = get_step (window, NULL, 2);
  atlas_briefing_editor_select_step (editor, atlas_record_get_key (step));
  drain ();
  g_assert_cmpuint (atlas_briefing_editor_get_step_position (editor), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      GtkWidget *control = find_actionable (GTK_WIDGET (editor), edits[i]);

      g_assert_nonnull (control);
      g_assert_false (gtk_widget_is_visible (control));
    }
  caption_view = GTK_TEXT_VIEW (find_child_of_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  g_assert_false (gtk_text_view_get_editable (caption_view));
  g_assert_false (gtk_widget_get_visible (find_button_labelled (GTK_WIDGET (editor),
                                                                "_Save Caption")));
  /* and the actions themselves refuse */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-add-view", NULL);
  drain ();
  g_assert_cmpuint (atlas_briefing_editor_get_n_steps (editor), ==, 21);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the map jumps instead of flying, so each step is where the test looks */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = window_test_new_app ();

  g_test_add ("/atlas/briefing-edit/make-present-export", Fixture, NULL, fixture_set_up,
              test_make_present_export, fixture_tear_down);
  g_test_add ("/atlas/briefing-edit/rename-delete", Fixture, NULL, fixture_set_up,
              test_rename_delete_briefing, fixture_tear_down);
  g_test_add_func ("/atlas/briefing-edit/read-only", test_read_only);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
