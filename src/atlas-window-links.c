/* atlas-window-links.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Copy Link": the window's actions that put an incident-atlas: link to a record, a
 * briefing step or the view on the clipboard, with a plain-text citation beside it; and
 * following such a link once its case has opened.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case-edit-briefing.h"
#include "atlas-view-citation.h"
#include "atlas-window-links.h"
#include "atlas-window-private.h"

/* The kinds of record a link's key is looked for in, in this order. */
static const char *const record_kinds[] = { "incident", "route", "waypoint", "actor",
                                            "document" };

static char *
dup_case_path (AtlasWindow *self)
{
  GFile *file = self->atlas_case != NULL ? atlas_case_get_file (self->atlas_case) : NULL;

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* The link itself for what pastes a URI, and the citation with the link under it for what
 * pastes text. */
static void
put_on_clipboard (AtlasWindow         *self,
                  const AtlasViewLink *link,
                  const char          *citation)
{
  g_autofree char *uri = atlas_view_link_to_uri (link);
  g_autofree char *uri_list = g_strconcat (uri, "\r\n", NULL);
  g_autofree char *text = g_strconcat (citation, "\n", uri, NULL);
  g_autoptr(GBytes) uri_bytes = g_bytes_new (uri_list, strlen (uri_list));
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  providers[0] = gdk_content_provider_new_for_bytes ("text/uri-list", uri_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  _atlas_window_show_toast (self, _("Link copied"));
}

static void
add_current_view (AtlasWindow   *self,
                  AtlasViewLink *link)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);

  atlas_view_link_set_view (link,
                            shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                            shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                            shumate_viewport_get_zoom_level (viewport));
}

static void
copy_view_link (AtlasWindow *self)
{
  g_autofree char *path = dup_case_path (self);
  g_autoptr(AtlasViewLink) link = NULL;
  g_autofree char *citation = NULL;

  if (path == NULL)
    return;
  link = atlas_view_link_new (path);
  add_current_view (self, link);
  citation = atlas_view_citation_view (self->atlas_case, link->latitude, link->longitude,
                                       link->zoom);
  put_on_clipboard (self, link, citation);
}

/* The title of the briefing being presented, when the case has several: a link to one of
 * its steps names it. */
static char *
dup_presented_briefing_title (AtlasWindow *self)
{
  const char *key = atlas_briefing_panel_get_briefing (self->briefing_panel);
  g_autoptr(GListModel) briefings = atlas_case_list_briefings (self->atlas_case, NULL);
  g_autoptr(AtlasRecord) briefing = NULL;

  if (key == NULL || briefings == NULL || g_list_model_get_n_items (briefings) < 2)
    return NULL;
  briefing = atlas_case_lookup (self->atlas_case, "briefing", key, NULL);
  return briefing != NULL ? g_strdup (atlas_record_get_text (briefing, "title")) : NULL;
}

static void
copy_step_link (AtlasWindow *self)
{
  g_autofree char *path = dup_case_path (self);
  g_autoptr(AtlasRecord) step = NULL;
  g_autoptr(AtlasViewLink) link = NULL;
  g_autofree char *citation = NULL;
  guint number = atlas_briefing_panel_get_position (self->briefing_panel) + 1;
  guint n_steps = 0;

  if (path == NULL)
    return;
  link = atlas_view_link_new (path);
  link->briefing = dup_presented_briefing_title (self);
  step = atlas_view_citation_lookup_step (self->atlas_case, link->briefing, number, &n_steps);
  if (step == NULL)
    return;
  link->step = number;
  citation = atlas_view_citation_step (self->atlas_case, step, number, n_steps);
  put_on_clipboard (self, link, citation);
}

/* The record's link carries the view it was copied from too, so it opens framed alike. */
static void
copy_record_link (AtlasWindow *self)
{
  AtlasRecord *record = atlas_selection_get_record (self->selection);
  g_autofree char *path = dup_case_path (self);
  g_autoptr(AtlasViewLink) link = NULL;
  g_autofree char *citation = NULL;

  if (path == NULL || record == NULL || atlas_record_get_key (record) == NULL)
    return;
  link = atlas_view_link_new (path);
  link->record_key = g_strdup (atlas_record_get_key (record));
  add_current_view (self, link);
  citation = atlas_view_citation_record (self->atlas_case, record);
  put_on_clipboard (self, link, citation);
}

static void
copy_link_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (g_str_equal (action_name, "win.copy-record-link"))
    copy_record_link (self);
  else if (g_str_equal (action_name, "win.copy-step-link") || self->presenting)
    copy_step_link (self);
  else
    copy_view_link (self);
}

static void
update_actions (AtlasWindow *self)
{
  gboolean has_case = self->atlas_case != NULL && atlas_case_get_file (self->atlas_case) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-link", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-step-link", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-record-link",
                                 has_case && atlas_selection_get_record (self->selection) != NULL);
}

/* "Copy Link" items for the map's context menu: the view, and the selected record. */
void
_atlas_window_links_add_to_menu (AtlasWindow *self,
                                 GMenu       *menu)
{
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_append (section, _("Copy _Link to This View"), "win.copy-link");
  if (atlas_selection_get_record (self->selection) != NULL)
    g_menu_append (section, _("Copy Link to the _Selected Record"), "win.copy-record-link");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
show_link_problem (AtlasWindow *self,
                   const char  *message)
{
  g_printerr ("incident-atlas: %s\n", message);
  atlas_window_show_error (GTK_WINDOW (self), _("Could Not Follow the Link"), message);
}

static AtlasRecord *
lookup_record (AtlasWindow *self,
               const char  *key)
{
  AtlasRecord *record = NULL;

  for (guint i = 0; record == NULL && i < G_N_ELEMENTS (record_kinds); i++)
    record = atlas_case_lookup (self->atlas_case, record_kinds[i], key, NULL);
  return record;
}

static void
follow_record (AtlasWindow         *self,
               const AtlasViewLink *link)
{
  g_autoptr(AtlasRecord) record = lookup_record (self, link->record_key);
  g_autofree char *message = NULL;

  if (record == NULL)
    {
      message = g_strdup_printf (_("The case “%s” holds no record “%s”"), link->case_path,
                                 link->record_key);
      show_link_problem (self, message);
      return;
    }
  if (!link->has_view)
    atlas_map_view_frame_record (self->map_view, record, FALSE);
  atlas_selection_select (self->selection, record, ATLAS_SELECTION_NONE);
}

/* The window's opening page presents the step, framed as any presented step is. */
static void
follow_step (AtlasWindow         *self,
             const AtlasViewLink *link)
{
  g_autoptr(AtlasRecord) step = NULL;
  g_autofree char *message = NULL;
  guint n_steps = 0;

  step = atlas_view_citation_lookup_step (self->atlas_case, link->briefing, link->step,
                                          &n_steps);
  if (step == NULL && link->briefing != NULL && n_steps == 0)
    {
      message = g_strdup_printf (_("The case “%s” has no briefing titled “%s”, or it has no steps"),
                                 link->case_path, link->briefing);
      show_link_problem (self, message);
      return;
    }
  if (step == NULL)
    {
      message = g_strdup_printf (_("The briefing of the case “%s” has no step %u: it has %u"),
                                 link->case_path, link->step, n_steps);
      show_link_problem (self, message);
      return;
    }
  /* present the step's own briefing: the panel loads it when presenting starts */
  atlas_briefing_panel_set_briefing (self->briefing_panel,
                                     atlas_record_get_text (step, "briefing_key"),
                                     link->step - 1);
  g_free (self->initial_page);
  self->initial_page = g_strdup_printf ("briefing:%u", link->step);
}

/* Shows what the link opened with points at; called once the case is open, before the
 * window's opening page is shown. */
void
_atlas_window_links_follow_initial (AtlasWindow *self)
{
  g_autoptr(AtlasViewLink) link = g_steal_pointer (&self->initial_link);
  g_autofree char *ignored = NULL;

  update_actions (self);
  if (link == NULL)
    return;

  ignored = atlas_view_link_describe_ignored (link);
  if (ignored != NULL)
    {
      g_printerr ("incident-atlas: %s\n", ignored);
      _atlas_window_show_toast (self, ignored);
    }
  if (link->has_view)
    atlas_map_view_show_at (self->map_view, CLAMP (link->latitude, -85.0, 85.0),
                            link->longitude, link->zoom);
  if (link->record_key != NULL)
    follow_record (self, link);
  else if (link->step > 0)
    follow_step (self, link);
}

void
_atlas_window_links_init (AtlasWindow *self)
{
  g_signal_connect_object (self->selection, "notify::record", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_atlas_window_links_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-link", NULL, copy_link_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-step-link", NULL, copy_link_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-record-link", NULL, copy_link_cb);
}

/**
 * atlas_window_take_initial_link:
 * @self: a window whose case has not opened yet
 * @link: (transfer full): the link it was opened for, whose case it opens
 *
 * Once the case is open, shows the view @link names, selects its record or presents its
 * step; a key or step the case does not hold is said in a message naming it.
 */
void
atlas_window_take_initial_link (AtlasWindow   *self,
                                AtlasViewLink *link)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (link != NULL);

  g_clear_pointer (&self->initial_link, atlas_view_link_free);
  self->initial_link = link;
}
