/* atlas-briefing-editor.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The briefing panel of the sidebar: the case's briefings, the steps of the one chosen, and
 * the selected step's caption and the claims it lists. It changes nothing itself: its
 * buttons, keys and drops name window actions (atlas-window-briefing.c), which make the
 * edits; it follows the case's announcements and keeps the step selected. A read-only case
 * shows the steps without the controls that edit them.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-briefing-editor.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-words.h"
#include "atlas-case-edit-briefing.h"

/* the widest a step's row or a briefing's title asks to be, in characters */
#define MAX_ROW_CHARS 30

struct _AtlasBriefingEditor
{
  AdwBin        parent_instance;

  /* template widgets */
  GtkDropDown  *briefing_dropdown;
  GtkWidget    *briefing_menu_button;
  GtkWidget    *view_actions;
  GtkWidget    *add_view_button;
  GtkWidget    *empty_label;
  GtkListBox   *step_list;
  GtkWidget    *step_box;
  GtkWidget    *step_actions;
  GtkTextView  *caption_view;
  GtkWidget    *save_caption_button;
  GtkWidget    *claims_heading;
  GtkBox       *claims_box;

  AtlasCase    *atlas_case;
  gulong        changed_id;
  gboolean      editable;
  GListModel   *briefings;
  GListModel   *steps;
  char         *briefing_key;   /* the briefing shown; NULL: the case's first */
  char         *step_key;       /* the step selected, if any */
  gboolean      rebuilding;     /* selection changes are ours, not the analyst's */
};

G_DEFINE_FINAL_TYPE (AtlasBriefingEditor, atlas_briefing_editor, ADW_TYPE_BIN)

enum {
  STEP_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (AtlasBriefingEditor *self);

/* ---- the briefings ------------------------------------------------------------------- */

static void
fill_briefing_dropdown (AtlasBriefingEditor *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = self->briefings ? g_list_model_get_n_items (self->briefings) : 0;
  guint chosen = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) briefing = g_list_model_get_item (self->briefings, i);
      const char *title = atlas_record_get_text (briefing, "title");

      /* a read-only file from elsewhere may hold a briefing without a title */
      gtk_string_list_append (titles, title ? title : "");
      if (g_strcmp0 (atlas_record_get_key (briefing), self->briefing_key) == 0)
        chosen = i;
    }
  gtk_drop_down_set_model (self->briefing_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->briefing_dropdown, chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->briefing_dropdown), n > 1);
}

/* Keeps the briefing shown when it is still there, or shows the case's first. */
static void
choose_briefing (AtlasBriefingEditor *self)
{
  guint n = self->briefings ? g_list_model_get_n_items (self->briefings) : 0;
  g_autoptr(AtlasRecord) first = n > 0 ? g_list_model_get_item (self->briefings, 0) : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) briefing = g_list_model_get_item (self->briefings, i);

      if (g_strcmp0 (atlas_record_get_key (briefing), self->briefing_key) == 0)
        return;
    }
  g_free (self->briefing_key);
  self->briefing_key = first ? g_strdup (atlas_record_get_key (first)) : NULL;
}

static void
briefing_chosen_cb (AtlasBriefingEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->briefing_dropdown);
  g_autoptr(AtlasRecord) briefing = NULL;

  if (self->rebuilding || self->briefings == NULL
      || position >= g_list_model_get_n_items (self->briefings))
    return;
  briefing = g_list_model_get_item (self->briefings, position);
  atlas_briefing_editor_set_briefing (self, atlas_record_get_key (briefing));
}

/* ---- the steps ----------------------------------------------------------------------- */

static const char *
row_key (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "step-key") : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, row_key (GTK_LIST_BOX_ROW (row)));
}

/* A step dropped on a row takes that row's place. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  const char *key = g_value_get_string (value);

  if (key == NULL)
    return FALSE;
  return gtk_widget_activate_action (row, "win.briefing-move-step-to", "(su)", key,
                                     (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
add_drag_and_drop (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* "3", and the caption's start; the subject's heading under it. */
static GtkWidget *
create_step_row (AtlasBriefingEditor *self,
                 AtlasRecord         *step,
                 guint                index)
{
  g_autoptr(AtlasRecord) subject = atlas_briefing_words_subject (self->atlas_case, step);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  const char *caption = atlas_record_get_text (step, "caption");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *heading;

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (caption && *caption ? caption : _("No caption"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* the sidebar keeps its width, whatever the caption's length */
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_ROW_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), MAX_ROW_CHARS);
  gtk_box_append (GTK_BOX (texts), label);
  heading = gtk_label_new (subject ? atlas_briefing_words_heading (subject) : _("A view"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), MAX_ROW_CHARS);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption");
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "step-key", g_strdup (atlas_record_get_key (step)),
                          g_free);
  if (self->editable)
    add_drag_and_drop (row);
  return row;
}

static void
fill_step_list (AtlasBriefingEditor *self)
{
  guint n = self->steps ? g_list_model_get_n_items (self->steps) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list))) != NULL)
    gtk_list_box_remove (self->step_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (self->steps, i);
      GtkWidget *row = create_step_row (self, step, i);

      gtk_list_box_append (self->step_list, row);
      if (g_strcmp0 (atlas_record_get_key (step), self->step_key) == 0)
        gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (row));
    }
  gtk_widget_set_visible (self->empty_label, n == 0);
}

/* ---- the selected step ----------------------------------------------------------------- */

static char *
dup_caption_text (AtlasBriefingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
caption_changed_cb (AtlasBriefingEditor *self)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (self);
  g_autofree char *text = dup_caption_text (self);

  gtk_widget_set_sensitive (self->save_caption_button,
                            self->editable && step != NULL
                            && g_strcmp0 (text, atlas_record_get_text (step, "caption")) != 0);
}

static void
save_caption_clicked_cb (AtlasBriefingEditor *self)
{
  g_autofree char *text = dup_caption_text (self);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.briefing-set-caption", "s", text);
}

/* The keys of the claims checked, in their order, as a step keeps them. */
static void
claim_toggled_cb (AtlasBriefingEditor *self)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  GtkWidget *check;

  if (self->rebuilding)
    return;
  for (check = gtk_widget_get_first_child (GTK_WIDGET (self->claims_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_string_append_printf (keys, "%s%s", keys->len > 0 ? " " : "",
                              (const char *) g_object_get_data (G_OBJECT (check), "claim-key"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.briefing-set-claims", "s", keys->str);
}

/* "Deaths: 84 — NewsNation, 4 January 2024 · reliability B", as the caption card says it. */
static char *
describe_claim (AtlasBriefingEditor *self,
                const char          *claim_key)
{
  g_autoptr(AtlasBriefingStep) probe = atlas_briefing_step_new ("probe");
  g_autoptr(GPtrArray) sources = NULL;
  AtlasStepSource *source;

  atlas_record_set_text (ATLAS_RECORD (probe), "claim_keys", claim_key);
  sources = atlas_briefing_words_sources (self->atlas_case, ATLAS_RECORD (probe));
  if (sources->len == 0)
    return g_strdup (claim_key);
  source = g_ptr_array_index (sources, 0);
  return g_strdup_printf ("%s — %s", source->claim, source->source);
}

static void
add_claim_check (AtlasBriefingEditor *self,
                 const char          *claim_key,
                 gboolean             active)
{
  g_autofree char *text = describe_claim (self, claim_key);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  /* a label of our own, so that it wraps within the sidebar */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_ROW_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_sensitive (check, self->editable);
  g_object_set_data_full (G_OBJECT (check), "claim-key", g_strdup (claim_key), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (claim_toggled_cb), self);
  gtk_box_append (self->claims_box, check);
}

/* The claims the step lists, checked, then the other claims about its subject. */
static void
fill_claims (AtlasBriefingEditor *self,
             AtlasRecord         *step)
{
  const char *listed = atlas_record_get_text (step, "claim_keys");
  g_auto(GStrv) keys = g_strsplit_set (listed ? listed : "", " \t\n", -1);
  const char *kind = atlas_record_get_text (step, "subject_kind");
  g_autoptr(GListModel) claims = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_box))) != NULL)
    gtk_box_remove (self->claims_box, child);
  for (guint i = 0; keys[i] != NULL; i++)
    if (*keys[i] != '\0')
      add_claim_check (self, keys[i], TRUE);
  if (kind != NULL && !g_str_equal (kind, "extent"))
    claims = atlas_case_list_claims (self->atlas_case, kind,
                                     atlas_record_get_text (step, "subject_key"), NULL, NULL);
  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);

      if (!g_strv_contains ((const char * const *) keys, atlas_record_get_key (claim)))
        add_claim_check (self, atlas_record_get_key (claim), FALSE);
    }
  gtk_widget_set_visible (self->claims_heading,
                          gtk_widget_get_first_child (GTK_WIDGET (self->claims_box)) != NULL);
}

static void
show_step (AtlasBriefingEditor *self)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_editor_dup_step (self);
  const char *caption;

  gtk_widget_set_visible (self->step_box, step != NULL);
  if (step == NULL)
    return;
  caption = atlas_record_get_text (step, "caption");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->caption_view),
                            caption ? caption : "", -1);
  fill_claims (self, step);
  caption_changed_cb (self);
}

static void
row_selected_cb (AtlasBriefingEditor *self,
                 GtkListBoxRow       *row)
{
  if (self->rebuilding)
    return;
  g_free (self->step_key);
  self->step_key = g_strdup (row_key (row));
  show_step (self);
  if (row != NULL)
    g_signal_emit (self, signals[STEP_SELECTED], 0);
}

/* ---- following the case ---------------------------------------------------------------- */

static void
show_editable (AtlasBriefingEditor *self)
{
  gtk_widget_set_visible (self->add_view_button, self->editable);
  gtk_widget_set_visible (self->briefing_menu_button, self->editable);
  gtk_widget_set_visible (self->step_actions, self->editable);
  gtk_widget_set_visible (self->save_caption_button, self->editable);
  gtk_text_view_set_editable (self->caption_view, self->editable);
  gtk_text_view_set_cursor_visible (self->caption_view, self->editable);
}

static void
reload (AtlasBriefingEditor *self)
{
  GtkListBoxRow *selected;

  self->rebuilding = TRUE;
  g_clear_object (&self->briefings);
  g_clear_object (&self->steps);
  if (self->atlas_case != NULL)
    {
      self->briefings = atlas_case_list_briefings (self->atlas_case, NULL);
      choose_briefing (self);
      self->steps = atlas_case_list_briefing_steps (self->atlas_case, self->briefing_key, NULL);
    }
  fill_briefing_dropdown (self);
  fill_step_list (self);
  selected = gtk_list_box_get_selected_row (self->step_list);
  if (selected == NULL)
    g_clear_pointer (&self->step_key, g_free);
  show_step (self);
  self->rebuilding = FALSE;
}

static void
records_changed_cb (AtlasBriefingEditor *self,
                    const char          *kind)
{
  /* a step shows its subject's heading and its claims' words */
  if (kind == NULL || g_str_has_prefix (kind, "briefing") || g_str_equal (kind, "claim")
      || g_str_equal (kind, "document") || g_str_equal (kind, "incident"))
    reload (self);
}

/* Alt+Up and Alt+Down move the selected step, in the list. */
static void
add_move_shortcuts (AtlasBriefingEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; int delta; } keys[] = { { GDK_KEY_Up, -1 }, { GDK_KEY_Down, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_ALT_MASK),
                          gtk_named_action_new ("win.briefing-move-step"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].delta));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->step_list), controller);
}

/* ---- the object -------------------------------------------------------------------------- */

static void
atlas_briefing_editor_dispose (GObject *object)
{
  AtlasBriefingEditor *self = ATLAS_BRIEFING_EDITOR (object);

  g_clear_signal_handler (&self->changed_id, self->atlas_case);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->briefings);
  g_clear_object (&self->steps);
  /* the list's rows go one by one, each unselected: nothing is shown any more */
  self->rebuilding = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_BRIEFING_EDITOR);

  G_OBJECT_CLASS (atlas_briefing_editor_parent_class)->dispose (object);
}

static void
atlas_briefing_editor_finalize (GObject *object)
{
  AtlasBriefingEditor *self = ATLAS_BRIEFING_EDITOR (object);

  g_free (self->briefing_key);
  g_free (self->step_key);

  G_OBJECT_CLASS (atlas_briefing_editor_parent_class)->finalize (object);
}

static void
atlas_briefing_editor_class_init (AtlasBriefingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_briefing_editor_dispose;
  object_class->finalize = atlas_briefing_editor_finalize;

  /**
   * AtlasBriefingEditor::step-selected:
   *
   * The analyst selected a step: the window previews it on the map.
   */
  signals[STEP_SELECTED] = g_signal_new ("step-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-briefing-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, briefing_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, briefing_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, view_actions);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, add_view_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, step_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, step_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, step_actions);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, caption_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, save_caption_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingEditor, claims_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_caption_clicked_cb);
}

/* Titles are cut with an ellipsis rather than widen the sidebar. */
static void
setup_title_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_ROW_CHARS);
  gtk_list_item_set_child (item, label);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *title = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (title));
}

static void
set_title_factory (AtlasBriefingEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_title_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title_cb), NULL);
  gtk_drop_down_set_factory (self->briefing_dropdown, factory);
}

static void
atlas_briefing_editor_init (AtlasBriefingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_title_factory (self);
  g_signal_connect_swapped (self->briefing_dropdown, "notify::selected",
                            G_CALLBACK (briefing_chosen_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->caption_view), "changed",
                            G_CALLBACK (caption_changed_cb), self);
  add_move_shortcuts (self);
  show_editable (self);
}

GtkWidget *
atlas_briefing_editor_new (void)
{
  return g_object_new (ATLAS_TYPE_BRIEFING_EDITOR, NULL);
}

/**
 * atlas_briefing_editor_set_case:
 * @editable: whether to show the controls that edit it
 *
 * Shows the briefings of @atlas_case and follows its changes.
 */
void
atlas_briefing_editor_set_case (AtlasBriefingEditor *self,
                                AtlasCase           *atlas_case,
                                gboolean             editable)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (atlas_case == NULL || ATLAS_IS_CASE (atlas_case));

  g_clear_signal_handler (&self->changed_id, self->atlas_case);
  g_set_object (&self->atlas_case, atlas_case);
  g_clear_pointer (&self->briefing_key, g_free);
  g_clear_pointer (&self->step_key, g_free);
  self->editable = atlas_case != NULL && editable;
  if (atlas_case != NULL)
    self->changed_id = g_signal_connect_swapped (atlas_case, "records-changed",
                                                 G_CALLBACK (records_changed_cb), self);
  show_editable (self);
  reload (self);
}

/* Returns: (nullable): the key of the briefing shown, %NULL when the case has none */
const char *
atlas_briefing_editor_get_briefing (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);

  return self->briefing_key;
}

/* Shows the briefing of @briefing_key, with none of its steps selected. */
void
atlas_briefing_editor_set_briefing (AtlasBriefingEditor *self,
                                    const char          *briefing_key)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  if (g_strcmp0 (briefing_key, self->briefing_key) == 0)
    return;
  g_free (self->briefing_key);
  self->briefing_key = g_strdup (briefing_key);
  g_clear_pointer (&self->step_key, g_free);
  reload (self);
}

guint
atlas_briefing_editor_get_n_briefings (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), 0);

  return self->briefings ? g_list_model_get_n_items (self->briefings) : 0;
}

guint
atlas_briefing_editor_get_n_steps (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), 0);

  return self->steps ? g_list_model_get_n_items (self->steps) : 0;
}

/**
 * atlas_briefing_editor_dup_step:
 *
 * Returns: (transfer full) (nullable): the selected step, as the case holds it now
 */
AtlasRecord *
atlas_briefing_editor_dup_step (AtlasBriefingEditor *self)
{
  guint position;

  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);

  position = atlas_briefing_editor_get_step_position (self);
  return position != G_MAXUINT ? g_list_model_get_item (self->steps, position) : NULL;
}

/* Returns: the selected step's place in its briefing, from 0; %G_MAXUINT when none is */
guint
atlas_briefing_editor_get_step_position (AtlasBriefingEditor *self)
{
  guint n;

  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), G_MAXUINT);

  n = atlas_briefing_editor_get_n_steps (self);
  for (guint i = 0; self->step_key != NULL && i < n; i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (self->steps, i);

      if (g_str_equal (atlas_record_get_key (step), self->step_key))
        return i;
    }
  return G_MAXUINT;
}

/**
 * atlas_briefing_editor_select_step:
 * @step_key: (nullable): a step of the briefing shown, or %NULL for none
 *
 * Selects the step, as a click on its row does (and so previews it).
 */
void
atlas_briefing_editor_select_step (AtlasBriefingEditor *self,
                                   const char          *step_key)
{
  GtkListBoxRow *row;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->step_list, i)) != NULL; i++)
    if (g_strcmp0 (row_key (row), step_key) == 0)
      {
        gtk_list_box_select_row (self->step_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->step_list);
}
