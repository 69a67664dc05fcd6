/* atlas-window-briefing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making briefings in the main window: the briefing panel in the sidebar
 * (atlas-briefing-editor), the actions that add a view as a step, change, move, duplicate
 * and delete steps, and add, rename and delete briefings (each one undoable edit, in the
 * history), previewing the selected step, and presenting: which briefing, from which step,
 * and each step's kept view and filter, restored as they were.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "atlas-briefing-editor.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-view.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-map-framing.h"
#include "atlas-window-private.h"

static AtlasBriefingEditor *
get_editor (AtlasWindow *self)
{
  return ATLAS_BRIEFING_EDITOR (self->briefing_editor);
}

static void
apply (AtlasWindow *self,
       AtlasEdit   *edit)
{
  g_autoptr(GError) error = NULL;

  if (atlas_edit_get_n_steps (edit) > 0 && !_atlas_window_apply_edit (self, edit, &error))
    atlas_window_show_error (GTK_WINDOW (self), _("Could Not Change the Briefing"),
                             error->message);
  _atlas_window_briefing_update_actions (self);
}

/* ---- a view and a step --------------------------------------------------------------- */

/* Only what the map can frame is a step's subject. */
static AtlasRecord *
map_subject (AtlasWindow *self)
{
  static const char *const kinds[] = { "incident", "waypoint", "route", "actor" };
  AtlasRecord *selected = atlas_selection_get_record (self->selection);

  for (guint i = 0; selected != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (atlas_record_get_kind (selected), kinds[i]))
      return selected;
  return NULL;
}

static void
read_view (AtlasWindow       *self,
           AtlasBriefingView *view)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);

  view->center_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view->center_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  if (!atlas_map_view_get_visible_bounds (self->map_view, &view->bounds))
    atlas_case_get_extent (self->atlas_case, &view->bounds);
  view->subject = map_subject (self);
  view->filter = self->filter;
}

/* Every claim about the step's subject: the caption lists them all until the analyst
 * unchecks some. */
static void
list_all_claims (AtlasWindow *self,
                 AtlasRecord *step)
{
  const char *kind = atlas_record_get_text (step, "subject_kind");
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);

  if (g_strcmp0 (kind, "extent") != 0)
    claims = atlas_case_list_claims (self->atlas_case, kind,
                                     atlas_record_get_text (step, "subject_key"), NULL, NULL);
  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", atlas_record_get_key (claim));
    }
  atlas_record_set_text (step, "claim_keys", keys->len > 0 ? keys->str : NULL);
}

/* The briefing a new step goes to: the one shown, or a new one made in the same edit. */
static char *
dup_target_briefing (AtlasWindow *self,
                     AtlasEdit   *edit)
{
  const char *shown = atlas_briefing_editor_get_briefing (get_editor (self));

  return shown ? g_strdup (shown) : atlas_case_add_briefing (self->atlas_case, edit, NULL, NULL);
}

/* Shows @briefing_key in the panel with @step_key selected, which previews it. */
static void
select_step (AtlasWindow *self,
             const char  *briefing_key,
             const char  *step_key)
{
  atlas_briefing_editor_set_briefing (get_editor (self), briefing_key);
  atlas_briefing_editor_select_step (get_editor (self), step_key);
  _atlas_window_briefing_update_actions (self);
}

static void
add_view_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Add briefing step"));
  g_autoptr(AtlasRecord) after = atlas_briefing_editor_dup_step (get_editor (self));
  g_autofree char *key = atlas_case_new_key (self->atlas_case, "step");
  g_autoptr(AtlasRecord) step = ATLAS_RECORD (atlas_briefing_step_new (key));
  g_autofree char *briefing_key = dup_target_briefing (self, edit);
  g_autoptr(GError) error = NULL;
  AtlasBriefingView view;

  read_view (self, &view);
  atlas_briefing_view_apply_to_step (&view, step);
  atlas_record_set_text (step, "briefing_key", briefing_key);
  atlas_record_set_text (step, "caption", "");
  list_all_claims (self, step);
  if (!atlas_case_insert_step (self->atlas_case, edit, step, after, &error))
    {
      atlas_window_show_error (GTK_WINDOW (self), _("Could Not Add the View"), error->message);
      return;
    }
  apply (self, edit);
  select_step (self, briefing_key, key);
}

static void
update_step_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  g_autoptr(AtlasRecord) updated = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Update briefing step to this view"));
  AtlasBriefingView view;

  if (step == NULL)
    return;
  read_view (self, &view);
  updated = atlas_record_dup (step);
  atlas_briefing_view_apply_to_step (&view, updated);
  /* a new subject brings its own claims */
  if (g_strcmp0 (atlas_record_get_text (step, "subject_key"),
                 atlas_record_get_text (updated, "subject_key")) != 0)
    list_all_claims (self, updated);
  atlas_edit_change (edit, step, updated);
  apply (self, edit);
}

static void
duplicate_step_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Duplicate briefing step"));
  g_autofree char *key = atlas_case_new_key (self->atlas_case, "step");
  g_autoptr(AtlasRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (step == NULL)
    return;
  copy = atlas_briefing_step_duplicate (step, key);
  if (!atlas_case_insert_step (self->atlas_case, edit, copy, step, &error))
    {
      atlas_window_show_error (GTK_WINDOW (self), _("Could Not Duplicate the Step"),
                               error->message);
      return;
    }
  apply (self, edit);
  select_step (self, atlas_briefing_editor_get_briefing (get_editor (self)), key);
}

static void
delete_step_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (step == NULL)
    return;
  edit = atlas_case_build_removal (self->atlas_case, step, _("Delete briefing step"), &error);
  if (edit == NULL)
    atlas_window_show_error (GTK_WINDOW (self), _("Could Not Delete the Step"), error->message);
  else
    apply (self, edit);
}

static void
move_step_to (AtlasWindow *self,
              AtlasRecord *step,
              guint        position)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Move briefing step"));
  g_autoptr(GError) error = NULL;

  if (!atlas_case_move_step (self->atlas_case, edit, step, position, &error))
    atlas_window_show_error (GTK_WINDOW (self), _("Could Not Move the Step"), error->message);
  else
    apply (self, edit);
}

/* One earlier (-1) or later (1), as Alt+Up and Alt+Down do. */
static void
move_step_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  guint position = atlas_briefing_editor_get_step_position (get_editor (self));
  int delta = g_variant_get_int32 (param);

  if (step == NULL || (delta < 0 && position == 0) || delta == 0)
    return;
  move_step_to (self, step, delta < 0 ? position - 1 : position + 1);
}

/* A step dragged onto another's place. */
static void
move_step_to_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) step = NULL;
  const char *key;
  guint position;

  g_variant_get (param, "(&su)", &key, &position);
  if ((step = atlas_case_lookup (self->atlas_case, "briefing-step", key, NULL)) != NULL)
    move_step_to (self, step, position);
}

/* Changes one text field of the selected step. */
static void
change_step_text (AtlasWindow *self,
                  const char  *field,
                  const char  *value,
                  const char  *label)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  g_autoptr(AtlasRecord) changed = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new (label);

  if (step == NULL)
    return;
  changed = atlas_record_dup (step);
  atlas_record_set_text (changed, field, value);
  atlas_edit_change (edit, step, changed);
  apply (self, edit);
}

static void
set_caption_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  change_step_text (ATLAS_WINDOW (widget), "caption", g_variant_get_string (param, NULL),
                    _("Edit briefing caption"));
}

static void
set_claims_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  const char *keys = g_variant_get_string (param, NULL);

  change_step_text (ATLAS_WINDOW (widget), "claim_keys", *keys != '\0' ? keys : NULL,
                    _("Choose the claims a caption lists"));
}

/* ---- briefings ------------------------------------------------------------------------- */

static void
new_briefing_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Add briefing"));
  g_autoptr(GError) error = NULL;
  g_autofree char *key = atlas_case_add_briefing (self->atlas_case, edit, NULL, &error);

  if (key == NULL)
    {
      atlas_window_show_error (GTK_WINDOW (self), _("Could Not Add a Briefing"),
                               error->message);
      return;
    }
  apply (self, edit);
  select_step (self, key, NULL);
}

static AtlasRecord *
lookup_shown_briefing (AtlasWindow *self)
{
  const char *key = atlas_briefing_editor_get_briefing (get_editor (self));

  return key ? atlas_case_lookup (self->atlas_case, "briefing", key, NULL) : NULL;
}

static void
set_title_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) briefing = lookup_shown_briefing (self);
  g_autoptr(AtlasRecord) renamed = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Rename briefing"));
  g_autofree char *title = g_strstrip (g_strdup (g_variant_get_string (param, NULL)));

  if (briefing == NULL || *title == '\0')
    return;
  renamed = atlas_record_dup (briefing);
  atlas_record_set_text (renamed, "title", title);
  atlas_edit_change (edit, briefing, renamed);
  apply (self, edit);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AtlasWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "rename"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.briefing-set-title", "s",
                                gtk_editable_get_text (entry));
}

static void
rename_briefing_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) briefing = lookup_shown_briefing (self);
  GtkWidget *dialog, *entry;

  if (briefing == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename the Briefing"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), atlas_record_get_text (briefing, "title")
                                               ? atlas_record_get_text (briefing, "title") : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_briefing_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) briefing = lookup_shown_briefing (self);
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (briefing == NULL)
    return;
  /* its steps go with it; Undo gives them all back */
  edit = atlas_case_build_removal (self->atlas_case, briefing, _("Delete briefing"), &error);
  if (edit == NULL)
    {
      atlas_window_show_error (GTK_WINDOW (self), _("Could Not Delete the Briefing"),
                               error->message);
      return;
    }
  apply (self, edit);
  _atlas_window_show_toast (self, _("Briefing deleted"));
}

/* ---- the panel and previews ------------------------------------------------------------ */

static void
edit_briefing_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack),
                              "briefing") == 0;

  if (shown)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "case");
      return;
    }
  _atlas_window_briefing_show_panel (self, 0);
}

/* A step's date range and filters, or none for a step from a file, as the page shows it. */
static void
apply_step_filter (AtlasWindow *self,
                   AtlasRecord *step)
{
  g_autoptr(GError) error = NULL;

  if (!atlas_briefing_view_restore_filter (step, self->filter, &error))
    _atlas_window_show_toast (self, error->message);
}

static void
select_subject (AtlasWindow *self,
                AtlasRecord *step)
{
  const char *kind = atlas_record_get_text (step, "subject_kind");
  g_autoptr(AtlasRecord) subject = NULL;

  if (g_strcmp0 (kind, "extent") != 0)
    subject = atlas_case_lookup (self->atlas_case, kind,
                                 atlas_record_get_text (step, "subject_key"), NULL);
  atlas_selection_select (self->selection, subject, ATLAS_SELECTION_NONE);
}

/* Selecting a step shows it on the map as it will present: its view, filter and subject. */
static void
preview_step_cb (AtlasWindow *self)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (get_editor (self));
  AtlasBounds bounds;

  _atlas_window_briefing_update_actions (self);
  if (step == NULL)
    return;
  if (!_atlas_window_briefing_frame_step (self, step, TRUE)
      && atlas_map_framing_step_bounds (self->atlas_case, step, &bounds, NULL))
    {
      atlas_map_view_frame_bounds (self->map_view, &bounds, TRUE);
      select_subject (self, step);
    }
}

/**
 * _atlas_window_briefing_frame_step:
 *
 * Shows @step's filter and, for a step made from a view, that view exactly (its centre
 * and zoom) with its subject selected.
 *
 * Returns: whether the view was shown; else the caller frames the step's subject
 */
gboolean
_atlas_window_briefing_frame_step (AtlasWindow *self,
                                   AtlasRecord *step,
                                   gboolean     animate)
{
  double latitude, longitude, zoom;

  apply_step_filter (self, step);
  if (!atlas_briefing_step_get_view (step, &latitude, &longitude, &zoom))
    return FALSE;
  atlas_map_view_show_at (self->map_view, latitude, longitude, zoom);
  select_subject (self, step);
  return TRUE;
}

/**
 * _atlas_window_briefing_show_panel:
 * @step: the step to select, from 1; 0 for none
 *
 * Shows the briefing panel in the sidebar (--show=briefings or briefings:STEP).
 */
void
_atlas_window_briefing_show_panel (AtlasWindow *self,
                                   guint        step)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(AtlasRecord) chosen = NULL;

  if (self->atlas_case == NULL)
    return;
  gtk_stack_set_visible_child_name (self->sidebar_stack, "briefing");
  g_object_set (self, "sidebar-shown", TRUE, NULL);
  steps = atlas_case_list_briefing_steps (self->atlas_case,
                                          _atlas_window_briefing_get_key (self), NULL);
  if (step > 0 && steps != NULL && step <= g_list_model_get_n_items (steps))
    {
      chosen = g_list_model_get_item (steps, step - 1);
      atlas_briefing_editor_select_step (get_editor (self), atlas_record_get_key (chosen));
    }
}

/* ---- presenting ------------------------------------------------------------------------ */

static void
present_from (AtlasWindow *self,
              const char  *briefing_key,
              guint        position)
{
  atlas_briefing_panel_set_briefing (self->briefing_panel, briefing_key, position);
  _atlas_window_set_presenting (self, TRUE);
}

static void
choose_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AtlasWindow      *self)
{
  if (!g_str_equal (response, "cancel"))
    present_from (self, response, 0);
}

/* "Which briefing?", one button each. */
static void
ask_which (AtlasWindow *self,
           GListModel  *briefings)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Present Which Briefing?"),
                                              NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (briefings); i++)
    {
      g_autoptr(AtlasRecord) briefing = g_list_model_get_item (briefings, i);
      const char *title = atlas_record_get_text (briefing, "title");
      g_auto(GStrv) parts = g_strsplit (title ? title : "", "_", -1);
      /* a response's label takes "_" for a mnemonic: a title's own are doubled */
      g_autofree char *label = g_strjoinv ("__", parts);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog),
                                       atlas_record_get_key (briefing), label);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
panel_shown (AtlasWindow *self)
{
  return self->sidebar_shown
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "briefing") == 0;
}

/**
 * _atlas_window_briefing_present:
 *
 * F5: presents the briefing of the panel, when it is shown, from its selected step;
 * otherwise asks which briefing when the case has several.
 */
void
_atlas_window_briefing_present (AtlasWindow *self)
{
  AtlasBriefingEditor *editor = get_editor (self);
  guint position = atlas_briefing_editor_get_step_position (editor);
  g_autoptr(GListModel) briefings = NULL;

  if (position != G_MAXUINT && panel_shown (self))
    {
      present_from (self, atlas_briefing_editor_get_briefing (editor), position);
      return;
    }
  briefings = atlas_case_list_briefings (self->atlas_case, NULL);
  if (briefings != NULL && g_list_model_get_n_items (briefings) > 1)
    ask_which (self, briefings);
  else
    present_from (self, NULL, 0);
}

/* The analyst's filter, kept while the steps show theirs. */
static AtlasFilter *
copy_filter (AtlasFilter *filter)
{
  AtlasFilter *copy = atlas_filter_new ();
  g_autofree char *text = atlas_briefing_view_format_filters (filter);

  atlas_briefing_view_parse_filters (text, copy, NULL);
  atlas_filter_set_date_range (copy, atlas_filter_get_start_date (filter),
                               atlas_filter_get_end_date (filter));
  return copy;
}

/* Presenting sets the filter of each step; leaving gives the analyst's back. */
void
_atlas_window_briefing_presenting_changed (AtlasWindow *self,
                                           gboolean     presenting)
{
  g_autofree char *text = NULL;

  if (presenting)
    {
      g_clear_object (&self->filter_before_briefing);
      self->filter_before_briefing = copy_filter (self->filter);
      return;
    }
  if (self->filter_before_briefing == NULL)
    return;
  text = atlas_briefing_view_format_filters (self->filter_before_briefing);
  atlas_briefing_view_parse_filters (text, self->filter, NULL);
  atlas_filter_set_date_range (self->filter,
                               atlas_filter_get_start_date (self->filter_before_briefing),
                               atlas_filter_get_end_date (self->filter_before_briefing));
  g_clear_object (&self->filter_before_briefing);
}

/* ---- set-up ---------------------------------------------------------------------------- */

const char *
_atlas_window_briefing_get_key (AtlasWindow *self)
{
  return atlas_briefing_editor_get_briefing (get_editor (self));
}

void
_atlas_window_briefing_update_actions (AtlasWindow *self)
{
  static const char *const step_edits[] = {
    "win.briefing-update-step", "win.briefing-duplicate-step", "win.briefing-delete-step",
    "win.briefing-move-step", "win.briefing-set-caption", "win.briefing-set-claims",
  };
  static const char *const briefing_edits[] = {
    "win.briefing-rename", "win.briefing-set-title", "win.briefing-delete",
  };
  gboolean can_edit = _atlas_window_can_edit (self);
  gboolean has_step, has_briefing;
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->briefing_editor == NULL)
    return;
  has_step = atlas_briefing_editor_get_step_position (get_editor (self)) != G_MAXUINT;
  has_briefing = atlas_briefing_editor_get_briefing (get_editor (self)) != NULL;

  gtk_widget_action_set_enabled (widget, "win.edit-briefing",
                                 self->atlas_case != NULL && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.briefing-add-view", can_edit);
  gtk_widget_action_set_enabled (widget, "win.briefing-new", can_edit);
  gtk_widget_action_set_enabled (widget, "win.briefing-move-step-to", can_edit);
  for (guint i = 0; i < G_N_ELEMENTS (step_edits); i++)
    gtk_widget_action_set_enabled (widget, step_edits[i], can_edit && has_step);
  for (guint i = 0; i < G_N_ELEMENTS (briefing_edits); i++)
    gtk_widget_action_set_enabled (widget, briefing_edits[i], can_edit && has_briefing);
}

void
_atlas_window_briefing_set_case (AtlasWindow *self)
{
  atlas_briefing_editor_set_case (get_editor (self), self->atlas_case,
                                  self->undo_stack != NULL);
  _atlas_window_briefing_update_actions (self);
}

/* The panel's toggle, beside the sidebar's. */
static void
add_header_button (AtlasWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-list-bullet-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-briefing");
  gtk_widget_set_tooltip_text (button, _("Briefings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Briefings"), -1);
  adw_header_bar_pack_start (self->header_bar, button);
}

void
_atlas_window_briefing_init (AtlasWindow *self)
{
  self->briefing_editor = atlas_briefing_editor_new ();
  gtk_widget_set_vexpand (self->briefing_editor, TRUE);
  gtk_stack_add_named (self->sidebar_stack, self->briefing_editor, "briefing");
  g_signal_connect_object (self->briefing_editor, "step-selected",
                           G_CALLBACK (preview_step_cb), self, G_CONNECT_SWAPPED);
  add_header_button (self);
  _atlas_window_briefing_update_actions (self);
}

void
_atlas_window_briefing_dispose (AtlasWindow *self)
{
  g_clear_object (&self->filter_before_briefing);
}

void
_atlas_window_briefing_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-briefing", NULL, edit_briefing_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-add-view", NULL, add_view_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-update-step", NULL,
                                   update_step_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-duplicate-step", NULL,
                                   duplicate_step_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-delete-step", NULL,
                                   delete_step_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-move-step", "i", move_step_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-move-step-to", "(su)",
                                   move_step_to_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-set-caption", "s",
                                   set_caption_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-set-claims", "s",
                                   set_claims_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-new", NULL, new_briefing_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-rename", NULL,
                                   rename_briefing_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-set-title", "s", set_title_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-delete", NULL,
                                   delete_briefing_cb);
}
