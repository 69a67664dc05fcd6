/* atlas-details-page-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a details page offers when its case can be written to: buttons to correct the
 * record, add a claim about it and delete it, which activate the window's edit actions;
 * and its history, every change of each field with when, by whom, and from what.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-attribute-words.h"
#include "atlas-details-page-private.h"
#include "atlas-format.h"

/* History lines shown on a page; older ones are summed up. */
#define MAX_HISTORY_LINES 50

static gboolean
is_editable (AtlasDetailsPage *self)
{
  return !atlas_case_get_read_only (self->atlas_case)
         && !g_str_equal (atlas_record_get_kind (self->record), "history");
}

static gboolean
takes_claims (AtlasDetailsPage *self)
{
  static const char *const kinds[] = { "incident", "route", "waypoint", "actor", NULL };

  return g_strv_contains (kinds, atlas_record_get_kind (self->record));
}

/* Actors play roles in incidents and routes. */
static gboolean
takes_roles (AtlasDetailsPage *self)
{
  static const char *const kinds[] = { "incident", "route", NULL };

  return g_strv_contains (kinds, atlas_record_get_kind (self->record));
}

static GtkWidget *
new_edit_button (AtlasDetailsPage *self,
                 const char       *icon_name,
                 const char       *label,
                 const char       *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "atlas-small-pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                    atlas_record_get_kind (self->record),
                                    atlas_record_get_key (self->record));
  return button;
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* Alt+Up and Alt+Down move the stop whose page has the focus. */
static void
add_stop_shortcuts (AtlasDetailsPage *self,
                    const char       *key)
{
  GtkEventController *controller;

  if (self->stop_shortcuts != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (self), self->stop_shortcuts);
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_named_action_new ("win.move-stop"), "(si)", key, -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_named_action_new ("win.move-stop"), "(si)", key, 1));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  self->stop_shortcuts = controller;
}

/* A route takes new stops; a stop moves earlier or later on its route. */
static void
add_route_buttons (AtlasDetailsPage *self,
                   GtkWidget        *box)
{
  const char *key = atlas_record_get_key (self->record);
  GtkWidget *add;

  if (g_str_equal (atlas_record_get_kind (self->record), "route"))
    {
      add = new_edit_button (self, "list-add-symbolic", _("Add _Stop…"), "win.add-stop");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", key);
      gtk_box_append (GTK_BOX (box), add);
    }
  else if (g_str_equal (atlas_record_get_kind (self->record), "waypoint"))
    {
      add_stop_shortcuts (self, key);
      gtk_box_append (GTK_BOX (box),
                      new_icon_button ("go-up-symbolic", _("Move Stop Earlier (Alt+Up)"),
                                       "win.move-stop", g_variant_new ("(si)", key, -1)));
      gtk_box_append (GTK_BOX (box),
                      new_icon_button ("go-down-symbolic", _("Move Stop Later (Alt+Down)"),
                                       "win.move-stop", g_variant_new ("(si)", key, 1)));
    }
}

/* A case opened read-only (the bundled sample, a file on read-only media) is edited through
 * a copy: say so where the edit buttons would be. */
static void
add_copy_to_edit_button (AtlasDetailsPage *self)
{
  GtkWidget *button = new_edit_button (self, "document-save-as-symbolic",
                                       _("Save a Copy to _Edit…"), "win.save-copy");

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), NULL);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("This case is open read-only"));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->actions_box)), button,
                              self->actions_box);
  self->edit_buttons = button;
}

/**
 * _atlas_details_page_add_edit_buttons:
 *
 * In the header, under its other buttons: Edit, Add Claim (for what claims can be about)
 * and Delete.
 */
void
_atlas_details_page_add_edit_buttons (AtlasDetailsPage *self)
{
  GtkWidget *box;

  if (atlas_case_get_read_only (self->atlas_case))
    {
      add_copy_to_edit_button (self);
      return;
    }
  if (!is_editable (self))
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "atlas-edit-buttons");
  gtk_box_append (GTK_BOX (box), new_edit_button (self, "document-edit-symbolic", _("_Edit…"),
                                                  "win.edit-record"));
  if (takes_claims (self))
    gtk_box_append (GTK_BOX (box), new_edit_button (self, "list-add-symbolic",
                                                    _("Add _Claim…"), "win.add-claim"));
  if (takes_roles (self))
    gtk_box_append (GTK_BOX (box), new_edit_button (self, "system-users-symbolic",
                                                    _("Add _Role…"), "win.add-role"));
  add_route_buttons (self, box);
  gtk_box_append (GTK_BOX (box), new_edit_button (self, "user-trash-symbolic", _("_Delete"),
                                                  "win.delete-record"));
  /* a row of its own under Show on Map and Open Link, in the page's header */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->actions_box)), box,
                              self->actions_box);
  self->edit_buttons = box;
}

/* ---- archived copies ---------------------------------------------------------------- */

static GtkWidget *
new_small_button (const char *icon_name,
                  const char *tooltip,
                  const char *action,
                  GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* "report.pdf", then "PDF · 1.2 MB · added 2026-12-07 · SHA-256 3f2a…c9d1" */
static GtkWidget *
new_copy_row (AtlasDetailsPage *self,
              AtlasRecord      *copy)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  const char *key = atlas_record_get_key (copy);
  const char *sha256 = atlas_record_get_text (copy, "sha256");
  const char *added = atlas_record_get_text (copy, "added");
  g_autofree char *size = g_format_size (atlas_record_get_int (copy, "size"));
  g_autofree char *details = NULL;
  g_autofree char *open_label = NULL;

  /* Translators: an archived copy: its media type, size, the day it was added, its digest */
  details = g_strdup_printf (_("%s · %s · added %.10s · SHA-256 %.8s…"),
                             atlas_record_get_text (copy, "media_type"), size,
                             added ? added : "", sha256 ? sha256 : "");
  atlas_format_set_label (GTK_LABEL (name), atlas_record_get_text (copy, "name"));
  atlas_format_set_label (GTK_LABEL (meta), details);
  gtk_widget_set_tooltip_text (meta, sha256);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (row), text);

  open_label = g_strdup_printf (_("Open Archived Copy “%s”"), atlas_record_get_text (copy, "name"));
  gtk_box_append (GTK_BOX (row), new_small_button ("document-open-symbolic", open_label,
                                                   "win.open-attachment",
                                                   g_variant_new_string (key)));
  if (is_editable (self))
    gtk_box_append (GTK_BOX (row),
                    new_small_button ("user-trash-symbolic", _("Delete Archived Copy"),
                                      "win.delete-record",
                                      g_variant_new ("(ss)", "attachment", key)));
  return row;
}

/**
 * _atlas_details_page_add_archived_copies:
 *
 * On a source's page: its archived copies, to open with the desktop's viewer, and a
 * button to attach one when the case can be written to.
 */
void
_atlas_details_page_add_archived_copies (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) copies = NULL;
  GtkWidget *box;
  guint n;

  if (!g_str_equal (atlas_record_get_kind (self->record), "document"))
    return;
  copies = atlas_case_list_attachments (self->atlas_case, atlas_record_get_key (self->record),
                                        &error);
  if (copies == NULL)
    {
      g_warning ("Could not list the archived copies: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (copies);
  if (n == 0 && !is_editable (self))
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) copy = g_list_model_get_item (copies, i);
      gtk_box_append (GTK_BOX (box), new_copy_row (self, copy));
    }
  if (is_editable (self))
    {
      GtkWidget *attach = new_edit_button (self, "mail-attachment-symbolic",
                                           _("_Attach Archived Copy…"), "win.attach-copy");

      gtk_actionable_set_action_target (GTK_ACTIONABLE (attach), "s",
                                        atlas_record_get_key (self->record));
      gtk_widget_set_halign (attach, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), attach);
    }
  _atlas_details_page_add_section (self, _("Archived Copies"),
                                   _("Kept in the case file, so the source survives its link"),
                                   box);
}

/* "deaths: 84 → 89", "added", "deleted" */
static char *
describe_line (AtlasRecord *line)
{
  const char *action = atlas_record_get_text (line, "action");
  const char *field = atlas_record_get_text (line, "field");
  const char *old_value = atlas_record_get_text (line, "old_value");
  const char *new_value = atlas_record_get_text (line, "new_value");
  g_autofree char *field_name = NULL;

  if (g_strcmp0 (action, "add") == 0)
    return g_strdup (_("Added"));
  if (g_strcmp0 (action, "delete") == 0)
    return g_strdup (_("Deleted"));

  field_name = atlas_attribute_words (field ? field : "");
  /* Translators: a change of one field, "Title: old → new"; — stands for no value */
  return g_strdup_printf (_("%s: %s → %s"), field_name, old_value ? old_value : "—",
                          new_value ? new_value : "—");
}

static GtkWidget *
new_history_row (AtlasRecord *line)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);
  g_autofree char *change = describe_line (line);
  g_autofree char *time = g_strdup (atlas_record_get_text (line, "time"));
  g_autofree char *meta = NULL;

  /* "2026-12-07T08:41:36.123Z" reads as "2026-12-07 08:41" */
  if (time != NULL && strlen (time) >= 16)
    {
      time[10] = ' ';
      time[16] = '\0';
    }
  /* Translators: who made a change and when, then the edit's label: "Ana, 2026-12-07 08:41 · Add claim" */
  meta = g_strdup_printf (_("%s, %s UTC · %s"), atlas_record_get_text (line, "author"),
                          time ? time : "", atlas_record_get_text (line, "label"));
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  atlas_format_set_label (GTK_LABEL (what), change);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_add_css_class (when, "dim-label");
  atlas_format_set_label (GTK_LABEL (when), meta);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), when);
  gtk_widget_add_css_class (box, "atlas-history-line");
  return box;
}

/**
 * _atlas_details_page_add_history:
 *
 * The record's history, newest first, when it has one.
 */
void
_atlas_details_page_add_history (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  GtkWidget *box;
  guint n;

  history = atlas_case_list_history (self->atlas_case, atlas_record_get_kind (self->record),
                                     atlas_record_get_key (self->record), &error);
  if (history == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      return;
    }
  if ((n = g_list_model_get_n_items (history)) == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  for (guint i = 0; i < MIN (n, MAX_HISTORY_LINES); i++)
    {
      g_autoptr(AtlasRecord) line = g_list_model_get_item (history, i);
      gtk_box_append (GTK_BOX (box), new_history_row (line));
    }
  if (n > MAX_HISTORY_LINES)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u older change",
                                                            "and %u older changes",
                                                            n - MAX_HISTORY_LINES),
                                               n - MAX_HISTORY_LINES);
      gtk_box_append (GTK_BOX (box), gtk_label_new (more));
    }
  _atlas_details_page_add_section (self, _("History"),
                                   _("Every change made in the app, newest first"), box);
}
