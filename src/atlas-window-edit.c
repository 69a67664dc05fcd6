/* atlas-window-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a case in the main window: the actions that add, correct, relate and delete
 * records (from the sidebar, the main menu and the keyboard; the map's own ways are in
 * atlas-window-map-edit.c), the forms they open, and Undo and Redo. Every change is an AtlasEdit applied through the case's undo stack;
 * the views follow the case's announcements, whoever made the change.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "atlas-attribute-words.h"
#include "atlas-claim-relation.h"
#include "atlas-format.h"
#include "atlas-incident.h"
#include "atlas-record-forms.h"
#include "atlas-window-private.h"

/* Records named in the question before a delete; the rest are counted. */
#define MAX_CITING_LISTED 6

gboolean
_atlas_window_can_edit (AtlasWindow *self)
{
  /* a case being checked for damage, or found damaged, takes no edit */
  return self->undo_stack != NULL && !self->presenting
         && atlas_case_get_can_edit (self->atlas_case);
}

static void
update_edit_actions (AtlasWindow *self)
{
  static const char *const edits[] = {
    "win.add-source", "win.add-incident", "win.add-incident-at", "win.add-claim",
    "win.edit-record", "win.delete-record", "win.relate-claim", "win.move-incident-to",
    "win.add-actor", "win.add-role", "win.attach-copy", "win.add-incident-at-place",
    "win.add-route", "win.add-stop", "win.add-stop-at", "win.move-stop",
  };
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (widget, edits[i], _atlas_window_can_edit (self));
  gtk_widget_action_set_enabled (widget, "win.open-attachment", self->atlas_case != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 _atlas_window_can_edit (self)
                                 && atlas_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 _atlas_window_can_edit (self)
                                 && atlas_undo_stack_get_can_redo (self->undo_stack));
}

static void
show_error (AtlasWindow  *self,
            const char   *heading,
            const GError *error)
{
  atlas_window_show_error (GTK_WINDOW (self), heading, error->message);
}

static AtlasRecord *
lookup (AtlasWindow *self,
        const char  *kind,
        const char  *key)
{
  g_autoptr(GError) error = NULL;
  AtlasRecord *record = atlas_case_lookup (self->atlas_case, kind, key, &error);

  if (record == NULL)
    _atlas_window_show_toast (self, error->message);
  return record;
}

/* The name in the preferences, read at each edit so a change there counts at once. */
static void
name_author (AtlasWindow *self)
{
  g_autofree char *author = NULL;

  if (self->settings != NULL)
    author = g_settings_get_string (self->settings, "author-name");
  atlas_case_set_author (self->atlas_case, author);
}

static gboolean
apply_edit (AtlasWindow  *self,
            AtlasEdit    *edit,
            GError      **error)
{
  name_author (self);
  return atlas_undo_stack_apply (self->undo_stack, edit, error);
}

/* Applies @edit through the undo stack, in the name of the analyst of the preferences. */
gboolean
_atlas_window_apply_edit (AtlasWindow  *self,
                          AtlasEdit    *edit,
                          GError      **error)
{
  return apply_edit (self, edit, error);
}

/* ---- undo and redo ------------------------------------------------------------------ */

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (atlas_undo_stack_get_undo_label (self->undo_stack));
  g_autofree char *message = NULL;

  name_author (self);
  if (!atlas_undo_stack_undo (self->undo_stack, &error))
    {
      show_error (self, _("Could Not Undo"), error);
      return;
    }
  /* Translators: %s is what was undone, such as "Add claim" */
  message = g_strdup_printf (_("Undone: %s"), label);
  _atlas_window_show_toast (self, message);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (atlas_undo_stack_get_redo_label (self->undo_stack));
  g_autofree char *message = NULL;

  name_author (self);
  if (!atlas_undo_stack_redo (self->undo_stack, &error))
    {
      show_error (self, _("Could Not Redo"), error);
      return;
    }
  /* Translators: %s is what was done again, such as "Add claim" */
  message = g_strdup_printf (_("Redone: %s"), label);
  _atlas_window_show_toast (self, message);
}

/* ---- forms -------------------------------------------------------------------------- */

static const char *
edit_label (AtlasRecord *before,
            AtlasRecord *after)
{
  static const char *const labels[][3] = {
    { "document", N_("Edit source"), N_("Add source") },
    { "claim", N_("Edit claim"), N_("Add claim") },
    { "incident", N_("Edit incident"), N_("Add incident") },
    { "actor", N_("Edit actor"), N_("Add actor") },
    { "role", N_("Edit role"), N_("Add role") },
    { "route", N_("Edit route"), N_("Add route") },
    { "waypoint", N_("Edit stop"), N_("Add stop") },
  };
  const char *kind = atlas_record_get_kind (after);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (kind, labels[i][0]))
      return _(labels[i][before ? 1 : 2]);
  return before ? _("Edit") : _("Add");
}

static gboolean
is_on_map (AtlasRecord *record)
{
  static const char *const kinds[] = { "incident", "route", "waypoint", NULL };

  return g_strv_contains (kinds, atlas_record_get_kind (record));
}

static gboolean
save_record_cb (AtlasRecordForm  *form,
                AtlasRecord      *before,
                AtlasRecord      *after,
                gpointer          user_data,
                GError          **error)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  g_autoptr(AtlasEdit) edit = atlas_edit_new (edit_label (before, after));

  if (self->undo_stack == NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY,
                   _("The case can no longer be written to"));
      return FALSE;
    }
  /* a grade saved through the form is the analyst's, whatever file it came with */
  if (atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (after), "graded_by") != NULL)
    atlas_record_set_text (after, "graded_by", "analyst");
  if (before != NULL)
    atlas_edit_change (edit, before, after);
  else
    atlas_edit_add (edit, after);
  if (!apply_edit (self, edit, error))
    return FALSE;

  /* a new incident, route or stop opens on its page, as one clicked on the map does */
  if (before == NULL && is_on_map (after))
    atlas_selection_select (self->selection, after, ATLAS_SELECTION_NONE);
  return TRUE;
}

/* A source added from a claim's form: written as any new source, then chosen in the form. */
typedef struct {
  AtlasWindow *window;
  GWeakRef     claim_form;
} SourceForClaim;

static void
source_for_claim_free (gpointer data)
{
  SourceForClaim *pending = data;

  g_object_unref (pending->window);
  g_weak_ref_clear (&pending->claim_form);
  g_free (pending);
}

static gboolean
save_source_for_claim_cb (AtlasRecordForm  *form,
                          AtlasRecord      *before,
                          AtlasRecord      *after,
                          gpointer          user_data,
                          GError          **error)
{
  SourceForClaim *pending = user_data;
  g_autoptr(AtlasRecordForm) claim_form = g_weak_ref_get (&pending->claim_form);

  if (!save_record_cb (form, before, after, pending->window, error))
    return FALSE;
  if (claim_form != NULL)
    atlas_record_forms_update_sources (claim_form, pending->window->atlas_case,
                                       atlas_record_get_key (after));
  return TRUE;
}

static void
new_source_clicked_cb (GtkButton       *button,
                       AtlasRecordForm *claim_form)
{
  AtlasWindow *self = g_object_get_data (G_OBJECT (button), "window");
  g_autoptr(AtlasRecord) blank = atlas_record_forms_new_source (self->atlas_case);
  AtlasRecordForm *form = atlas_record_forms_new_for (GTK_WINDOW (claim_form), self->atlas_case,
                                                      NULL, blank);
  SourceForClaim *pending = g_new0 (SourceForClaim, 1);

  pending->window = g_object_ref (self);
  g_weak_ref_init (&pending->claim_form, claim_form);
  atlas_record_form_set_save_func (form, save_source_for_claim_cb, pending,
                                   source_for_claim_free);
  gtk_window_present (GTK_WINDOW (form));
}

/* A claim's form can add the source it was read in without being left. */
static void
offer_new_source (AtlasWindow     *self,
                  AtlasRecordForm *form)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_tooltip_text (button, _("New Source…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Source…"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "window", self);
  g_signal_connect (button, "clicked", G_CALLBACK (new_source_clicked_cb), form);
  atlas_record_form_set_suffix (form, "document_key", button);
}

AtlasRecordForm *
_atlas_window_open_form (AtlasWindow *self,
                         AtlasRecord *before,
                         AtlasRecord *blank)
{
  AtlasRecordForm *form = atlas_record_forms_new_for (GTK_WINDOW (self), self->atlas_case,
                                                      before, blank);

  if (form == NULL)
    {
      _atlas_window_show_toast (self, _("Records of this kind cannot be edited in the app yet"));
      return NULL;
    }
  atlas_record_form_set_save_func (form, save_record_cb, g_object_ref (self), g_object_unref);
  if (g_str_equal (atlas_record_get_kind (before ? before : blank), "claim"))
    offer_new_source (self, form);
  gtk_window_present (GTK_WINDOW (form));
  return form;
}





static void
add_stop_at (AtlasWindow *self,
             const char  *route_key,
             double       latitude,
             double       longitude)
{
  g_autoptr(AtlasRecord) blank = atlas_record_forms_new_stop (self->atlas_case, route_key,
                                                              latitude, longitude);

  _atlas_window_open_form (self, NULL, blank);
}

/* On a route's page: a stop at the end, where the map is centred, to be placed in its form. */
static void
add_stop_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);

  add_stop_at (self, g_variant_get_string (param, NULL),
               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
               shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
}

static void
add_stop_at_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  const char *route_key;
  double latitude, longitude;

  g_variant_get (param, "(&sdd)", &route_key, &latitude, &longitude);
  add_stop_at (ATLAS_WINDOW (widget), route_key, latitude, longitude);
}

/* Alt+Up and Alt+Down on a stop's page, or its Earlier and Later buttons. */
static void
move_stop_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) stop = NULL;
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;
  int delta;

  g_variant_get (param, "(&si)", &key, &delta);
  if ((stop = lookup (self, "waypoint", key)) == NULL)
    return;
  edit = atlas_case_build_stop_move (self->atlas_case, stop, delta > 0 ? 1 : -1,
                                     _("Move stop"), &error);
  if (edit == NULL && error != NULL)
    show_error (self, _("Could Not Move the Stop"), error);
  else if (edit == NULL)
    _atlas_window_show_toast (self, delta > 0 ? _("This is the route’s last stop")
                                              : _("This is the route’s first stop"));
  else if (!apply_edit (self, edit, &error))
    show_error (self, _("Could Not Move the Stop"), error);
}

static void
add_incident_at (AtlasWindow *self,
                 double       latitude,
                 double       longitude)
{
  g_autoptr(AtlasRecord) blank = atlas_record_forms_new_incident (self->atlas_case, latitude,
                                                                  longitude);

  _atlas_window_open_form (self, NULL, blank);
}

static void
add_incident_at_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  double latitude, longitude;

  g_variant_get (param, "(dd)", &latitude, &longitude);
  add_incident_at (ATLAS_WINDOW (widget), latitude, longitude);
}

/* From the keyboard: where the map is centred. */
static void
add_incident_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);

  add_incident_at (self, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                   shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
}

/* Add Source, Add Actor, Add Route: a new record of the action's kind. */
static void
add_new_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) blank = NULL;

  if (g_str_equal (action_name, "win.add-source"))
    blank = atlas_record_forms_new_source (self->atlas_case);
  else if (g_str_equal (action_name, "win.add-actor"))
    blank = atlas_record_forms_new_actor (self->atlas_case);
  else
    blank = atlas_record_forms_new_route (self->atlas_case);
  _atlas_window_open_form (self, NULL, blank);
}

/* Add Claim, Add Role: a new record about the subject given as (kind, key). */
static void
add_about_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) blank = NULL;
  const char *kind, *key;

  g_variant_get (param, "(&s&s)", &kind, &key);
  if (g_str_equal (action_name, "win.add-claim"))
    blank = atlas_record_forms_new_claim (self->atlas_case, kind, key);
  else
    blank = atlas_record_forms_new_role (self->atlas_case, kind, key);
  _atlas_window_open_form (self, NULL, blank);
}

static void
edit_record_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) record = NULL;
  const char *kind, *key;

  g_variant_get (param, "(&s&s)", &kind, &key);
  if ((record = lookup (self, kind, key)) != NULL)
    _atlas_window_open_form (self, record, NULL);
}

/* ---- moving ------------------------------------------------------------------------- */

static void
move_incident_to_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasRecord *selected = atlas_selection_get_record (self->selection);
  g_autoptr(AtlasRecord) moved = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new (_("Move incident"));
  g_autoptr(GError) error = NULL;
  double latitude, longitude;

  if (selected == NULL || !g_str_equal (atlas_record_get_kind (selected), "incident"))
    {
      _atlas_window_show_toast (self, _("Select an incident to move first"));
      return;
    }
  g_variant_get (param, "(dd)", &latitude, &longitude);
  moved = atlas_record_dup (selected);
  atlas_incident_set_latitude (ATLAS_INCIDENT (moved), latitude);
  atlas_incident_set_longitude (ATLAS_INCIDENT (moved), longitude);
  atlas_edit_change (edit, selected, moved);
  if (!apply_edit (self, edit, &error))
    show_error (self, _("Could Not Move the Incident"), error);
}

/* ---- deleting ----------------------------------------------------------------------- */

static void
delete_applied (AtlasWindow *self,
                AtlasEdit   *edit,
                AtlasRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = atlas_format_record_title (record);
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!apply_edit (self, edit, &error))
    {
      show_error (self, _("Could Not Delete"), error);
      return;
    }
  /* toast titles are markup; the title is the case's text */
  escaped = g_markup_escape_text (title, -1);
  message = g_strdup_printf (_("Deleted “%s”"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct {
  AtlasWindow *window;
  AtlasEdit   *edit;
  AtlasRecord *record;
} PendingDelete;

static void
pending_delete_free (gpointer  data,
                     GClosure *closure)
{
  PendingDelete *pending = data;

  g_object_unref (pending->window);
  g_object_unref (pending->edit);
  g_object_unref (pending->record);
  g_free (pending);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PendingDelete    *pending)
{
  if (g_str_equal (response, "delete"))
    delete_applied (pending->window, pending->edit, pending->record);
}

/* What goes with a record: how many cite it, then the first of them by kind and title. */
static char *
describe_citing (AtlasEdit *edit,
                 guint      cited_by)
{
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "%u record cites it and is deleted with it; Undo "
                                             "brings both back:",
                                             "%u records cite it and are deleted with it; Undo "
                                             "brings them all back:", cited_by), cited_by);
  for (guint i = 0; i < MIN (cited_by, MAX_CITING_LISTED); i++)
    {
      AtlasRecord *before, *after;
      g_autofree char *title = NULL;

      atlas_edit_get_step (edit, i, &before, &after);
      title = atlas_format_record_title (before);
      g_string_append_printf (body, "\n• %s: %s", atlas_format_kind (atlas_record_get_kind (before)),
                              title);
    }
  if (cited_by > MAX_CITING_LISTED)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "\n• and %u more",
                                               "\n• and %u more", cited_by - MAX_CITING_LISTED),
                            cited_by - MAX_CITING_LISTED);
  return g_string_free (body, FALSE);
}

/* A record that others cite goes with them, once the analyst has seen what they are. */
static void
confirm_delete (AtlasWindow *self,
                AtlasEdit   *edit,
                AtlasRecord *record)
{
  guint cited_by = atlas_edit_get_n_steps (edit) - 1;
  g_autofree char *title = atlas_format_record_title (record);
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), title);
  g_autofree char *body = NULL;
  PendingDelete *pending = g_new0 (PendingDelete, 1);
  AdwMessageDialog *dialog;

  body = describe_citing (edit, cited_by);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* headings and bodies are plain text unless told otherwise */
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  pending->window = g_object_ref (self);
  pending->edit = g_object_ref (edit);
  pending->record = g_object_ref (record);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), pending,
                         pending_delete_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_record_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) record = NULL;
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *kind, *key;

  g_variant_get (param, "(&s&s)", &kind, &key);
  if ((record = lookup (self, kind, key)) == NULL)
    return;
  /* Translators: the label of an edit, such as "Delete incident" */
  label = g_strdup_printf (_("Delete %s"), atlas_format_kind (kind));
  edit = atlas_case_build_removal (self->atlas_case, record, label, &error);
  if (edit == NULL)
    show_error (self, _("Could Not Delete"), error);
  else if (atlas_edit_get_n_steps (edit) > 1)
    confirm_delete (self, edit, record);
  else
    delete_applied (self, edit, record);
}

/* ---- relating claims ---------------------------------------------------------------- */

typedef struct {
  AtlasWindow *window;
  GtkListBox  *list;
  char        *claim_key;
  char        *relation;
} PendingRelation;

static void
pending_relation_free (gpointer  data,
                       GClosure *closure)
{
  PendingRelation *pending = data;

  g_object_unref (pending->window);
  g_free (pending->claim_key);
  g_free (pending->relation);
  g_free (pending);
}

static void
relate_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PendingRelation  *pending)
{
  AtlasWindow *self = pending->window;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (pending->list);
  g_autofree char *key = NULL;
  g_autoptr(AtlasRecord) relation = NULL;
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "mark") || row == NULL || self->undo_stack == NULL)
    return;
  key = atlas_case_new_key (self->atlas_case, "relation");
  relation = ATLAS_RECORD (atlas_claim_relation_new (key));
  atlas_record_set_text (relation, "claim_key", pending->claim_key);
  atlas_record_set_text (relation, "relation", pending->relation);
  atlas_record_set_text (relation, "other_key", g_object_get_data (G_OBJECT (row), "claim-key"));
  edit = atlas_edit_new (_("Relate claims"));
  atlas_edit_add (edit, relation);
  if (!apply_edit (self, edit, &error))
    show_error (self, _("Could Not Relate the Claims"), error);
}

static GtkWidget *
new_claim_choice (AtlasWindow *self,
                  AtlasRecord *claim)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *attribute = atlas_attribute_words (atlas_record_get_text (claim, "attribute"));
  g_autofree char *value = atlas_format_claim_value (claim);
  g_autoptr(AtlasRecord) document = atlas_case_lookup (self->atlas_case, "document",
                                                       atlas_record_get_text (claim,
                                                                              "document_key"),
                                                       NULL);
  g_autofree char *text = NULL;

  /* Translators: a claim to choose: "Deaths: 84 — Reuters report" */
  text = g_strdup_printf (_("%s: %s — %s"), attribute, value ? value : "",
                          document ? atlas_record_get_text (document, "title") : "");
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "claim-key",
                          g_strdup (atlas_record_get_key (claim)), g_free);
  return row;
}

static const char *
relation_heading (const char *relation)
{
  if (g_str_equal (relation, "repeats"))
    return _("Which Claim Does It Repeat?");
  if (g_str_equal (relation, "contradicts"))
    return _("Which Claim Does It Contradict?");
  return _("Which Claim Does It Corroborate?");
}

static void
relate_claim_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) claim = NULL;
  g_autoptr(GListModel) others = NULL;
  PendingRelation *pending;
  AdwMessageDialog *dialog;
  GtkWidget *list, *scrolled;
  const char *key, *relation;

  g_variant_get (param, "(&s&s)", &key, &relation);
  if ((claim = lookup (self, "claim", key)) == NULL)
    return;
  others = atlas_case_list_claims (self->atlas_case, atlas_record_get_text (claim, "subject_kind"),
                                   atlas_record_get_text (claim, "subject_key"), NULL, NULL);

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claims about the same subject"), -1);
  for (guint i = 0; others != NULL && i < g_list_model_get_n_items (others); i++)
    {
      g_autoptr(AtlasRecord) other = g_list_model_get_item (others, i);

      if (!g_str_equal (atlas_record_get_key (other), key))
        gtk_list_box_append (GTK_LIST_BOX (list), new_claim_choice (self, other));
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       relation_heading (relation), NULL));
  adw_message_dialog_set_body (dialog, _("Claims about the same subject"));
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "mark", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  pending = g_new0 (PendingRelation, 1);
  pending->window = g_object_ref (self);
  pending->list = GTK_LIST_BOX (list);
  pending->claim_key = g_strdup (key);
  pending->relation = g_strdup (relation);
  g_signal_connect_data (dialog, "response", G_CALLBACK (relate_response_cb), pending,
                         pending_relation_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- archived copies ---------------------------------------------------------------- */

static void
copy_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasRecord) attachment = NULL;
  g_autoptr(AtlasEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *document_key = g_object_get_data (G_OBJECT (chooser), "document-key");

  if (response == GTK_RESPONSE_ACCEPT && self->undo_stack != NULL
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      attachment = atlas_case_build_attachment (self->atlas_case, document_key, file, &error);
      edit = atlas_edit_new (_("Attach archived copy"));
      if (attachment != NULL)
        atlas_edit_add (edit, attachment);
      if (attachment == NULL || !apply_edit (self, edit, &error))
        show_error (self, _("Could Not Attach the Copy"), error);
    }
  g_object_unref (chooser);
}

static void
attach_copy_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  static const char *const types[] = {
    "application/pdf", "text/html", "text/plain", "image/png", "image/jpeg", "image/gif",
    "image/webp", "image/tiff",
  };

  gtk_file_filter_set_name (filter, _("PDF, Web Pages, Images and Texts"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  chooser = gtk_file_chooser_native_new (_("Attach an Archived Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "document-key",
                          g_variant_dup_string (param, NULL), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Open the Archived Copy"), error);
}

/* Through a read-only copy in the temporary folder, never a path inside the case. */
static void
open_attachment_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = atlas_case_open_attachment_copy (self->atlas_case,
                                                           g_variant_get_string (param, NULL),
                                                           &error);
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      show_error (self, _("Could Not Open the Archived Copy"), error);
      return;
    }
  uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, NULL, self->cancellable, copy_launched_cb,
                                           g_object_ref (self));
}

/* ---- following the case ------------------------------------------------------------- */

static gboolean
follow_changes_idle_cb (gpointer data)
{
  AtlasWindow *self = data;
  AtlasViewsToReload views = self->reload;

  self->follow_id = 0;
  self->reload = 0;
  _atlas_window_follow_changes (self, views);
  return G_SOURCE_REMOVE;
}

/* The map draws incidents, routes and waypoints (and the legend, their categories and
 * statuses), the timeline incidents' dates; a new claim or source changes neither, so a
 * case of a million incidents is not read again for it. Another program's change (no
 * kind) may be anything. */
static AtlasViewsToReload
views_showing (AtlasWindow *self,
               const char  *kind)
{
  /* a filter (contested only, a source's reliability) can make any edit change the map */
  if (kind == NULL || g_str_equal (kind, "incident") || !atlas_filter_is_empty (self->filter))
    return ATLAS_RELOAD_ALL;
  if (g_str_equal (kind, "route") || g_str_equal (kind, "waypoint"))
    return ATLAS_RELOAD_MAP | ATLAS_RELOAD_SIDEBAR;
  return ATLAS_RELOAD_SIDEBAR;
}

/* An edit announces each kind it touched: the views read the case once for all of them. */
static void
records_changed_cb (AtlasWindow        *self,
                    const char         *kind,
                    const char * const *keys,
                    AtlasCase          *atlas_case)
{
  self->reload |= views_showing (self, kind);
  if (self->follow_id == 0)
    self->follow_id = g_idle_add (follow_changes_idle_cb, self);
}

/**
 * _atlas_window_edit_set_case:
 *
 * Called when the window's case changed: a writable case gets an undo stack, and every
 * case is followed for changes, its own and those of other windows and programs.
 */
void
_atlas_window_edit_set_case (AtlasWindow *self)
{
  g_clear_signal_handler (&self->changed_id, self->changed_case);
  g_clear_object (&self->changed_case);
  g_clear_object (&self->undo_stack);

  if (self->atlas_case != NULL)
    {
      if (!atlas_case_get_read_only (self->atlas_case))
        {
          self->undo_stack = atlas_undo_stack_new (self->atlas_case);
          g_signal_connect_object (self->undo_stack, "notify", G_CALLBACK (update_edit_actions),
                                   self, G_CONNECT_SWAPPED);
        }
      self->changed_case = g_object_ref (self->atlas_case);
      self->changed_id = g_signal_connect_swapped (self->atlas_case, "records-changed",
                                                   G_CALLBACK (records_changed_cb), self);
      atlas_case_watch (self->atlas_case);
    }
  update_edit_actions (self);
}

void
_atlas_window_edit_update_actions (AtlasWindow *self)
{
  update_edit_actions (self);
  _atlas_window_briefing_update_actions (self);
}

void
_atlas_window_edit_init (AtlasWindow *self)
{
  _atlas_window_map_edit_init (self);
  update_edit_actions (self);
}

void
_atlas_window_edit_dispose (AtlasWindow *self)
{
  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->changed_case);
  g_clear_object (&self->changed_case);
  g_clear_object (&self->undo_stack);
}

void
_atlas_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_new_cb);
  gtk_widget_class_install_action (widget_class, "win.add-incident", NULL, add_incident_cb);
  gtk_widget_class_install_action (widget_class, "win.add-incident-at", "(dd)",
                                   add_incident_at_cb);
  gtk_widget_class_install_action (widget_class, "win.move-incident-to", "(dd)",
                                   move_incident_to_cb);
  gtk_widget_class_install_action (widget_class, "win.add-claim", "(ss)", add_about_cb);
  gtk_widget_class_install_action (widget_class, "win.add-actor", NULL, add_new_cb);
  gtk_widget_class_install_action (widget_class, "win.add-route", NULL, add_new_cb);
  gtk_widget_class_install_action (widget_class, "win.add-stop", "s", add_stop_cb);
  gtk_widget_class_install_action (widget_class, "win.add-stop-at", "(sdd)", add_stop_at_cb);
  gtk_widget_class_install_action (widget_class, "win.move-stop", "(si)", move_stop_cb);
  _atlas_window_map_edit_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.attach-copy", "s", attach_copy_cb);
  gtk_widget_class_install_action (widget_class, "win.open-attachment", "s",
                                   open_attachment_cb);
  gtk_widget_class_install_action (widget_class, "win.add-role", "(ss)", add_about_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-record", "(ss)", edit_record_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "(ss)", delete_record_cb);
  gtk_widget_class_install_action (widget_class, "win.relate-claim", "(ss)", relate_claim_cb);
}
