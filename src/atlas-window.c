/* atlas-window.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a map with a sidebar over one case file. It opens the case off the main
 * thread, remembers its size and viewport, and tells the --screenshot mode when it has settled.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>
#include <string.h>

#include "atlas-briefing-panel.h"
#include "atlas-map-view.h"
#include "atlas-sidebar.h"
#include "atlas-timeline.h"
#include "atlas-window-private.h"

#define SETTLE_FRAMES 3

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE_FILE,
  PROP_CASE,
  PROP_SIDEBAR_SHOWN,
  PROP_BASEMAP,
  PROP_MBTILES_PATH,
  N_PROPS
};

enum {
  SETTLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A case file is remembered by its URI; the sample case by a fixed name, so moving the
 * installation does not forget its viewport. */
static char *
dup_viewport_key (AtlasWindow *self)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();

  if (self->case_file == NULL)
    return g_strdup ("");
  if (g_file_equal (self->case_file, sample))
    return g_strdup ("sample:kerman-2024");
  return g_file_get_uri (self->case_file);
}

static void
show_world (AtlasWindow *self)
{
  atlas_map_view_show_at (self->map_view, 25.0, 30.0, 2.0);
}

/* A case opened for the first time shows what it says it opens on, or most of what it
 * holds: the map view leaves out the few incidents far from the others. */
static void
show_initial_view (AtlasWindow *self)
{
  g_autoptr(AtlasRecord) frame = NULL;
  g_autoptr(AtlasRecord) selected = NULL;
  const char *frame_key, *selection_key;
  AtlasBounds extent;

  atlas_case_get_initial_view (self->atlas_case, &frame_key, &selection_key);
  if (frame_key != NULL)
    frame = atlas_case_lookup (self->atlas_case, "route", frame_key, NULL);
  if (frame != NULL)
    atlas_map_view_frame_record (self->map_view, frame, FALSE);
  else if (atlas_case_get_extent (self->atlas_case, &extent))
    atlas_map_view_frame_case (self->map_view);
  else
    show_world (self);

  if (selection_key != NULL)
    selected = atlas_case_lookup (self->atlas_case, "incident", selection_key, NULL);
  if (selected != NULL)
    atlas_selection_select (self->selection, selected, ATLAS_SELECTION_NONE);
}

static gboolean
restore_viewport (AtlasWindow *self)
{
  g_autoptr(GVariant) viewports = NULL;
  g_autofree char *key = NULL;
  double lat, lon, zoom;

  if (self->settings == NULL)
    return FALSE;

  key = dup_viewport_key (self);
  viewports = g_settings_get_value (self->settings, "viewports");
  if (!g_variant_lookup (viewports, key, "(ddd)", &lat, &lon, &zoom))
    return FALSE;

  atlas_map_view_show_at (self->map_view, CLAMP (lat, -85.0, 85.0),
                          CLAMP (lon, -180.0, 180.0), zoom);
  return TRUE;
}

static void
save_viewport (AtlasWindow *self)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);
  g_autoptr(GVariant) old = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *old_key;
  GVariant *old_value;

  if (self->settings == NULL || self->atlas_case == NULL)
    return;

  key = dup_viewport_key (self);
  old = g_settings_get_value (self->settings, "viewports");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(ddd)}"));

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@(ddd)}", &old_key, &old_value))
    {
      if (!g_str_equal (old_key, key))
        g_variant_builder_add (&builder, "{s@(ddd)}", old_key, old_value);
      g_variant_unref (old_value);
    }

  g_variant_builder_add (&builder, "{s(ddd)}", key,
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                         shumate_viewport_get_zoom_level (viewport));
  g_settings_set_value (self->settings, "viewports", g_variant_builder_end (&builder));
}

static void
show_status (AtlasWindow *self,
             const char  *icon_name,
             const char  *title,
             const char  *description)
{
  /* AdwStatusPage descriptions are markup; a message may hold a file's name */
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "status");
}

static void
update_title (AtlasWindow *self)
{
  const char *subtitle = NULL;

  if (self->atlas_case == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Incident Atlas"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Incident Atlas"));
      return;
    }

  if (atlas_case_get_read_only (self->atlas_case))
    subtitle = _("Read-only");
  else if (atlas_case_get_integrity (self->atlas_case) == ATLAS_CASE_INTEGRITY_UNCHECKED)
    subtitle = _("Checking the file for damage: edits wait until it has passed");
  else if (atlas_case_get_integrity (self->atlas_case) == ATLAS_CASE_INTEGRITY_FAILED)
    subtitle = _("Damaged: read-only");
  adw_window_title_set_title (self->window_title, atlas_case_get_title (self->atlas_case));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), atlas_case_get_title (self->atlas_case));
}

static void show_toast (AtlasWindow *self,
                        const char  *text);

/* What --show asked for: a sidebar page, or a record framed on the map with its details. */
static void
show_initial_page (AtlasWindow *self)
{
  static const char *const kinds[] = { "incident", "route", "waypoint", "actor", "document" };
  g_autoptr(AtlasRecord) record = NULL;

  if (self->initial_page == NULL)
    return;
  if (g_str_equal (self->initial_page, "briefing")
      || g_str_has_prefix (self->initial_page, "briefing:"))
    {
      guint64 step = 1;

      if (self->initial_page[strlen ("briefing")] == ':')
        g_ascii_string_to_unsigned (self->initial_page + strlen ("briefing:"), 10, 1, 10000,
                                    &step, NULL);
      _atlas_window_set_presenting (self, TRUE);
      if (step > atlas_briefing_panel_get_n_steps (self->briefing_panel))
        {
          g_autofree char *message = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "The briefing has %u step; showing the last",
                         "The briefing has %u steps; showing the last",
                         atlas_briefing_panel_get_n_steps (self->briefing_panel)),
            atlas_briefing_panel_get_n_steps (self->briefing_panel));

          show_toast (self, message);
          /* the step came from the command line: say it there too */
          g_printerr ("incident-atlas: --show %s: %s\n", self->initial_page, message);
        }
      _atlas_window_show_briefing_step (self, (guint) step - 1);
      return;
    }
  if (g_str_equal (self->initial_page, "briefings")
      || g_str_has_prefix (self->initial_page, "briefings:"))
    {
      guint64 step = 0;

      if (self->initial_page[strlen ("briefings")] == ':')
        g_ascii_string_to_unsigned (self->initial_page + strlen ("briefings:"), 10, 1, 10000,
                                    &step, NULL);
      _atlas_window_briefing_show_panel (self, (guint) step);
      return;
    }
  if (g_str_equal (self->initial_page, "overview") || g_str_equal (self->initial_page, "sources"))
    {
      g_autofree char *action = g_strconcat ("sidebar.show-", self->initial_page, NULL);

      atlas_selection_select (self->selection, NULL, ATLAS_SELECTION_NONE);
      gtk_widget_activate_action (self->sidebar, action, NULL);
      return;
    }

  for (guint i = 0; record == NULL && i < G_N_ELEMENTS (kinds); i++)
    record = atlas_case_lookup (self->atlas_case, kinds[i], self->initial_page, NULL);
  if (record == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The case holds nothing called “%s”"),
                                                  self->initial_page);
      show_toast (self, message);
      /* the key came from the command line: say it there too */
      g_printerr ("incident-atlas: --show: %s\n", message);
      return;
    }

  /* framed without flying, so a screenshot never catches the map mid-flight */
  atlas_map_view_frame_record (self->map_view, record, FALSE);
  atlas_selection_select (self->selection, record, ATLAS_SELECTION_NONE);
}

static void
integrity_changed_cb (AtlasWindow *self,
                      GParamSpec  *pspec,
                      AtlasCase   *atlas_case)
{
  g_autoptr(GError) error = NULL;

  if (atlas_case != self->atlas_case)
    return;
  update_title (self);
  _atlas_window_update_actions (self);
  if (atlas_case_get_integrity (atlas_case) == ATLAS_CASE_INTEGRITY_FAILED
      && !atlas_case_check_integrity (atlas_case, NULL, &error))
    show_toast (self, error->message);
}

/* A large file is checked whole after it opens, on a worker: see atlas-case-check.c. */
static void
check_case_integrity (AtlasWindow *self)
{
  g_signal_connect_object (self->atlas_case, "notify::integrity",
                           G_CALLBACK (integrity_changed_cb), self, G_CONNECT_SWAPPED);
  if (atlas_case_get_integrity (self->atlas_case) == ATLAS_CASE_INTEGRITY_UNCHECKED)
    atlas_case_check_integrity_async (self->atlas_case, self->cancellable, NULL, NULL);
}

static void
set_case (AtlasWindow *self,
          AtlasCase   *atlas_case)
{
  if (!g_set_object (&self->atlas_case, atlas_case))
    return;

  update_title (self);
  /* the analyst asked to edit and may not: say why */
  if (atlas_case_get_read_only_reason (atlas_case) != NULL)
    show_toast (self, atlas_case_get_read_only_reason (atlas_case));
  atlas_sidebar_set_case (ATLAS_SIDEBAR (self->sidebar), atlas_case);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "case");
  atlas_map_view_set_case (self->map_view, atlas_case);
  atlas_timeline_set_case (ATLAS_TIMELINE (self->timeline), atlas_case);
  _atlas_window_edit_set_case (self);
  _atlas_window_briefing_set_case (self);
  _atlas_window_update_actions (self);
  if (!restore_viewport (self))
    show_initial_view (self);
  _atlas_window_links_follow_initial (self);
  show_initial_page (self);
  check_case_integrity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
case_opened_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;

  self->case_loading = FALSE;
  atlas_case = atlas_case_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (atlas_case == NULL)
    {
      show_status (self, "dialog-warning-symbolic", _("Could Not Open the Case"), error->message);
      show_world (self);
      return;
    }

  set_case (self, atlas_case);
}

static void
open_case (AtlasWindow *self)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasCaseOpenFlags flags = ATLAS_CASE_OPEN_DEFAULT;

  if (self->case_file == NULL)
    {
      show_status (self, APP_ID "-symbolic", _("No Case Open"),
                   _("Open a case file or create a new one from the main menu."));
      show_world (self);
      return;
    }

  /* The bundled sample is a reference: analysts read it, they do not change it. */
  if (g_file_equal (self->case_file, sample))
    flags |= ATLAS_CASE_OPEN_READ_ONLY;

  self->case_loading = TRUE;
  gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
  atlas_case_open_async (self->case_file, flags, self->cancellable,
                         case_opened_cb, g_object_ref (self));
}

static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (!atlas_window_is_settled (self))
    {
      self->frames_since_idle = 0;
      return G_SOURCE_CONTINUE;
    }

  /* A few quiet frames, so what was last swapped in has been drawn. */
  if (++self->frames_since_idle < SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  self->settle_tick_id = 0;
  g_signal_emit (self, signals[SETTLED], 0);
  return G_SOURCE_REMOVE;
}

static AtlasBasemapKind
basemap_kind_from_name (const char *name)
{
  if (g_strcmp0 (name, "online") == 0)
    return ATLAS_BASEMAP_ONLINE;
  if (g_strcmp0 (name, "mbtiles") == 0)
    return ATLAS_BASEMAP_MBTILES;
  return ATLAS_BASEMAP_OFFLINE;
}

static void
show_toast (AtlasWindow *self,
            const char  *text)
{
  /* AdwToast titles are markup: the text may hold a file name or a message from a file */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_atlas_window_show_toast (AtlasWindow *self,
                          const char  *text)
{
  show_toast (self, text);
}

static void choose_map_file (AtlasWindow *self);

/* Switches the basemap; a map file that cannot be used falls back to the offline map and
 * says why. */
static void
apply_basemap (AtlasWindow *self,
               const char  *name)
{
  g_autoptr(GError) error = NULL;
  AtlasBasemapKind kind = basemap_kind_from_name (name);

  if (kind == ATLAS_BASEMAP_MBTILES && (self->mbtiles_path == NULL || *self->mbtiles_path == 0))
    {
      choose_map_file (self);
      return;
    }

  if (!atlas_map_view_set_basemap (self->map_view, kind, self->mbtiles_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s. Showing the offline map."),
                                                  error->message);
      show_toast (self, message);
      kind = ATLAS_BASEMAP_OFFLINE;
      atlas_map_view_set_basemap (self->map_view, kind, NULL, NULL);
      name = "offline";
    }

  if (g_strcmp0 (self->basemap, name) != 0)
    {
      g_free (self->basemap);
      self->basemap = g_strdup (kind == ATLAS_BASEMAP_OFFLINE ? "offline" : name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASEMAP]);
    }
}

static void
set_mbtiles_path (AtlasWindow *self,
                  const char  *path)
{
  if (g_strcmp0 (self->mbtiles_path, path) == 0)
    return;
  g_free (self->mbtiles_path);
  self->mbtiles_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MBTILES_PATH]);
}

static void
map_file_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    {
      set_mbtiles_path (self, path);
      apply_basemap (self, "mbtiles");
    }
  g_object_unref (dialog);
}

static void
choose_map_file (AtlasWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose a Map File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Raster map tiles (MBTiles)"));
  gtk_file_filter_add_suffix (filter, "mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (map_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
choose_map_file_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  choose_map_file (ATLAS_WINDOW (widget));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->atlas_case == NULL)
    return;
  g_object_set (self, "sidebar-shown", TRUE, NULL);
  gtk_widget_activate_action (self->sidebar, "sidebar.search", NULL);
}

/* Which of the window's actions apply, with or without a case, presenting or not */
void
_atlas_window_update_actions (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present",
                                 self->atlas_case != NULL && !self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.briefing-next", self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.briefing-previous", self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-briefing", self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->atlas_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->atlas_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing",
                                 self->atlas_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-view", self->atlas_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->atlas_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->atlas_case != NULL
                                 && atlas_case_get_can_edit (self->atlas_case));
  _atlas_window_edit_update_actions (self);
}

/**
 * _atlas_window_follow_changes:
 *
 * Has every view read the case again after it changed (an edit, an import, another window
 * or program), keeping what each shows.
 */
void
_atlas_window_follow_changes (AtlasWindow        *self,
                              AtlasViewsToReload  views)
{
  if (self->atlas_case == NULL)
    return;
  if (views & ATLAS_RELOAD_MAP)
    atlas_map_view_reload (self->map_view);
  if (views & ATLAS_RELOAD_TIMELINE)
    atlas_timeline_set_case (ATLAS_TIMELINE (self->timeline), self->atlas_case);
  if (views & ATLAS_RELOAD_SIDEBAR)
    atlas_sidebar_reload (ATLAS_SIDEBAR (self->sidebar));
  update_title (self);
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  save_viewport (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  update_title (self);
  open_case (self);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before_briefing);
  if (self->settle_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->settle_tick_id);
  self->settle_tick_id = 0;
  _atlas_window_edit_dispose (self);
  _atlas_window_briefing_dispose (self);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_finalize (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->basemap, g_free);
  g_clear_pointer (&self->initial_page, g_free);
  g_clear_pointer (&self->initial_link, atlas_view_link_free);
  g_clear_pointer (&self->mbtiles_path, g_free);

  G_OBJECT_CLASS (atlas_window_parent_class)->finalize (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE_FILE:
      g_value_set_object (value, self->case_file);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_SIDEBAR_SHOWN:
      g_value_set_boolean (value, self->sidebar_shown);
      break;
    case PROP_BASEMAP:
      g_value_set_string (value, self->basemap);
      break;
    case PROP_MBTILES_PATH:
      g_value_set_string (value, self->mbtiles_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE_FILE:
      self->case_file = g_value_dup_object (value);
      break;
    case PROP_SIDEBAR_SHOWN:
      if (self->sidebar_shown != g_value_get_boolean (value))
        {
          self->sidebar_shown = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BASEMAP:
      apply_basemap (self, g_value_get_string (value));
      break;
    case PROP_MBTILES_PATH:
      set_mbtiles_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  object_class->finalize = atlas_window_finalize;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;
  window_class->close_request = atlas_window_close_request;

  properties[PROP_CASE_FILE] =
    g_param_spec_object ("case-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_SHOWN] =
    g_param_spec_boolean ("sidebar-shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASEMAP] =
    g_param_spec_string ("basemap", NULL, NULL, "offline",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MBTILES_PATH] =
    g_param_spec_string ("mbtiles-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasWindow::settled:
   *
   * Emitted once, after atlas_window_wait_until_settled(), when the case has loaded and the
   * map has drawn everything it was waiting for.
   */
  signals[SETTLED] = g_signal_new ("settled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATLAS_TYPE_MAP_VIEW);
  g_type_ensure (ATLAS_TYPE_BRIEFING_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, briefing_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_box);

  /* stateful, so the header bar's toggle shows and says whether the sidebar is shown */
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-shown");
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-map-file", NULL,
                                   choose_map_file_cb);
  gtk_widget_class_install_property_action (widget_class, "win.basemap", "basemap");
  _atlas_window_present_class_init (widget_class);
  _atlas_window_files_class_init (widget_class);
  _atlas_window_edit_class_init (widget_class);
  _atlas_window_briefing_class_init (widget_class);
  _atlas_window_links_class_init (widget_class);
}

static void
atlas_window_init (AtlasWindow *self)
{
  self->sidebar_shown = TRUE;
  self->basemap = g_strdup ("offline");
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = atlas_selection_new ();
  self->filter = atlas_filter_new ();
  atlas_map_view_set_selection (self->map_view, self->selection);
  atlas_map_view_set_filter (self->map_view, self->filter);
  g_signal_connect_object (self->briefing_panel, "notify::n-sources-shown",
                           G_CALLBACK (atlas_map_view_refit), self->map_view,
                           G_CONNECT_SWAPPED);
  /* "map-view.density", in the basemap menu */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "map-view",
                                  atlas_map_view_get_view_actions (self->map_view));

  /* made in code: its selection and filter are construct-only */
  self->sidebar = atlas_sidebar_new (self->selection, self->filter);
  gtk_widget_set_vexpand (self->sidebar, TRUE);
  gtk_stack_add_named (self->sidebar_stack, self->sidebar, "case");

  /* made in code: its filter is construct-only */
  self->timeline = atlas_timeline_new (self->filter);
  gtk_box_append (self->content_box, self->timeline);

  _atlas_window_present_init (self);
  _atlas_window_files_init (self);
  _atlas_window_edit_init (self);
  _atlas_window_briefing_init (self);
  _atlas_window_links_init (self);
  _atlas_window_update_actions (self);
}

/**
 * atlas_window_new:
 * @case_file: (nullable): the case to open, or %NULL for none
 *
 * Returns: (transfer none): a new window, owned by @application
 */
AtlasWindow *
atlas_window_new (AtlasApplication *application,
                  GFile            *case_file)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (case_file == NULL || G_IS_FILE (case_file), NULL);

  return g_object_new (ATLAS_TYPE_WINDOW,
                       "application", application,
                       "case-file", case_file,
                       NULL);
}

/**
 * atlas_window_set_initial_page:
 * @what: "overview", "sources", or the key of a record to show
 *
 * What to show once the case has opened, instead of what the case opens on.
 */
void
atlas_window_set_initial_page (AtlasWindow *self,
                               const char  *what)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  g_free (self->initial_page);
  self->initial_page = g_strdup (what);
}

/**
 * atlas_window_restore_state:
 *
 * Binds the window's size and sidebar to @settings, and restores the case's last viewport.
 * Windows made for --screenshot skip this, so their size is the one asked for.
 */
void
atlas_window_restore_state (AtlasWindow *self,
                            GSettings   *settings)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sidebar-shown", self, "sidebar-shown", G_SETTINGS_BIND_DEFAULT);
  /* the file before the basemap that may need it */
  g_settings_bind (settings, "mbtiles-path", self, "mbtiles-path", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "basemap", self, "basemap", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "density-shown", self->map_view, "density-shown",
                   G_SETTINGS_BIND_DEFAULT);

  if (self->atlas_case != NULL)
    restore_viewport (self);
}

/**
 * atlas_window_is_settled:
 *
 * Returns: whether nothing the window shows is still loading
 */
gboolean
atlas_window_is_settled (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->case_loading
         && atlas_map_view_is_settled (self->map_view)
         && !atlas_briefing_panel_is_fitting (self->briefing_panel)
         && !atlas_timeline_is_busy (ATLAS_TIMELINE (self->timeline));
}

/**
 * atlas_window_wait_until_settled:
 *
 * Emits #AtlasWindow::settled once the window is settled.
 */
void
atlas_window_wait_until_settled (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->settle_tick_id == 0)
    self->settle_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), settle_tick_cb,
                                                         NULL, NULL);
}

AtlasCase *
atlas_window_get_case (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->atlas_case;
}

AtlasMapView *
atlas_window_get_map_view (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->map_view;
}

GtkWidget *
atlas_window_get_sidebar (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->sidebar;
}

AtlasBriefingPanel *
atlas_window_get_briefing_panel (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->briefing_panel;
}

gboolean
atlas_window_get_presenting (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  return self->presenting;
}

AtlasSelection *
atlas_window_get_selection (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->selection;
}

/* Returns: (transfer none): the filter the window's views follow */
AtlasFilter *
atlas_window_get_filter (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->filter;
}

/**
 * atlas_window_show_error:
 *
 * Shows a failed action in a message dialog. @body is plain text, never markup.
 */
void
atlas_window_show_error (GtkWindow  *parent,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
