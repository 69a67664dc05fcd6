/* atlas-claim-row.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where one claim comes from: the document it was read in (a source chip), its Admiralty
 * grades with the analyst's reason for them, the party it is attributed to, the claims it
 * contradicts, corroborates or repeats, and the analyst's paraphrase. In a document's
 * list it also names what the claim is about and the value it gives.
 *
 * The row is one Tab stop however much it holds: Enter opens its source (or, in a
 * document's list, what it is about), and the Menu key or Shift+F10 lists everything else
 * it offers. The buttons inside stay for the pointer.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-attribute-words.h"
#include "atlas-claim-row.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-format.h"
#include "atlas-source-chip.h"

struct _AtlasClaimRow
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkButton   *subject_button;
  GtkLabel    *subject_label;
  GtkLabel    *value_label;
  GtkBox      *chips_box;
  GtkLabel    *grade_label;
  GtkLabel    *grade_note_label;
  GtkLabel    *attribution_label;
  GtkLabel    *relations_label;
  GtkExpander *paraphrase_expander;
  GtkLabel    *paraphrase_title;
  GtkLabel    *paraphrase_label;

  /* owned */
  AtlasRecord *claim;
  AtlasRecord *document;
  AtlasRecord *subject;
  GtkWidget   *menu;      /* nullable: the keyboard's menu, made when first asked for */
  gboolean     editable;  /* whether the menu offers the edits */
};

G_DEFINE_FINAL_TYPE (AtlasClaimRow, atlas_claim_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLAIM,
  PROP_DOCUMENT,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_subject (AtlasClaimRow *self)
{
  g_autofree char *title = atlas_format_record_title (self->subject);
  g_autofree char *attribute =
    atlas_attribute_words (atlas_record_get_text (self->claim, "attribute"));
  g_autofree char *text = NULL;
  g_autofree char *value = atlas_format_claim_value (self->claim);

  /* Translators: what a claim is about, "incident title › attribute" */
  text = g_strdup_printf (C_("claim subject", "%s › %s"), title, attribute);
  atlas_format_set_label (self->subject_label, text);
  atlas_format_set_label (self->value_label, value);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->subject_button), "(ss)",
                                    atlas_record_get_kind (self->subject),
                                    atlas_record_get_key (self->subject));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->subject_button), "sidebar.show-record");
  gtk_widget_set_visible (GTK_WIDGET (self->subject_button), TRUE);
}

/* Whether @record's grade is the word of a file it was imported from. */
static gboolean
graded_by_file (AtlasRecord *record)
{
  return record != NULL
         && g_strcmp0 (atlas_record_get_text (record, "graded_by"), "file") == 0;
}

static void
show_grade (AtlasClaimRow *self)
{
  const char *grade = self->document ? atlas_record_get_text (self->document, "reliability")
                                     : NULL;
  gint64 credibility = atlas_record_get_int (self->claim, "credibility");
  gboolean from_file = graded_by_file (self->claim) || graded_by_file (self->document);
  /* an unconfirmed grade reads "F6?" */
  g_autofree char *text = g_strdup_printf ("%s%" G_GINT64_FORMAT "%s", grade ? grade : "–",
                                           credibility, from_file ? "?" : "");
  g_autofree char *graded = atlas_format_grade_description (grade, credibility);
  g_autofree char *description = from_file
    /* Translators: a grade that came with an imported file, not yet confirmed by an analyst */
    ? g_strdup_printf (_("%s, as the imported file gives it; not confirmed by an analyst"), graded)
    : g_strdup (graded);
  const char *source_note = self->document ? atlas_record_get_text (self->document,
                                                                    "reliability_note")
                                           : NULL;
  const char *claim_note = atlas_record_get_text (self->claim, "credibility_note");
  g_autoptr(GString) tooltip = g_string_new (description);
  g_autofree char *shown_note = NULL;

  /* Why the grades were given: the claim's reason on a dim line under the badge; both
   * reasons in the badge's tooltip. Text from the case, never markup. */
  if (source_note != NULL && *source_note != '\0')
    {
      g_autofree char *shown = atlas_format_display_text (source_note);

      /* Translators: in a grade's tooltip, why the source got its reliability grade */
      g_string_append_printf (tooltip, "\n%s %s", _("Source:"), shown);
    }
  if (claim_note != NULL && *claim_note != '\0')
    {
      g_autofree char *shown = atlas_format_display_text (claim_note);

      /* Translators: in a grade's tooltip, why the claim got its credibility grade */
      g_string_append_printf (tooltip, "\n%s %s", _("Claim:"), shown);
      /* Translators: the reason for a claim's grade, under the grade, e.g. "3: figures differ" */
      shown_note = g_strdup_printf (_("Credibility %" G_GINT64_FORMAT ": %s"), credibility,
                                    claim_note);
    }
  atlas_format_set_label (self->grade_note_label, shown_note);

  atlas_format_set_label (self->grade_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_label), tooltip->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  if (grade != NULL && grade[0] >= 'A' && grade[0] <= 'F')
    {
      char style_class[] = "grade-x";

      style_class[6] = g_ascii_tolower (grade[0]);
      gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), style_class);
    }
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  folded_a = g_utf8_casefold (a, -1);
  folded_b = g_utf8_casefold (b, -1);
  return g_str_equal (folded_a, folded_b);
}

/* The party a claim is attributed to, when it is not simply the publisher. */
static void
show_attribution (AtlasClaimRow *self)
{
  const char *attributed_to = atlas_record_get_text (self->claim, "attributed_to");
  const char *publisher = self->document ? atlas_record_get_text (self->document, "publisher")
                                         : NULL;
  g_autofree char *text = NULL;

  if (attributed_to != NULL && *attributed_to != '\0' && !same_text (attributed_to, publisher))
    /* Translators: the party a claim is attributed to, e.g. "Attributed to Reuters" */
    text = g_strdup_printf (_("Attributed to %s"), attributed_to);
  atlas_format_set_label (self->attribution_label, text);
}

static void
show_paraphrase (AtlasClaimRow *self)
{
  const char *paraphrase = atlas_record_get_text (self->claim, "paraphrase");
  const char *locator = atlas_record_get_text (self->claim, "locator");
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->paraphrase_expander),
                          paraphrase != NULL && *paraphrase != '\0');
  if (locator != NULL && *locator != '\0')
    /* Translators: the expander of a claim's paraphrase, with where it is in the document */
    title = g_strdup_printf (_("Paraphrase, %s"), locator);
  else
    title = g_strdup (_("Paraphrase"));
  atlas_format_set_label (self->paraphrase_title, title);
  atlas_format_set_label (self->paraphrase_label, paraphrase);
  /* GtkExpander 4.8 does not take its name from its label widget */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paraphrase_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/* What a screen reader says when the row takes focus: the value, who says it, the grade. */
static void
update_accessible_name (AtlasClaimRow *self)
{
  g_autofree char *value = atlas_format_claim_value (self->claim);
  g_autoptr(GString) name = g_string_new (NULL);
  const char *publisher = self->document ? atlas_record_get_text (self->document, "publisher")
                                         : NULL;

  if (self->subject != NULL)
    g_string_append_printf (name, "%s: ", gtk_label_get_text (self->subject_label));
  g_string_append (name, value);
  if (self->subject == NULL)
    /* Translators: in a claim's name for screen readers, who gives the value */
    g_string_append_printf (name, _(", from %s"), publisher && *publisher ? publisher
                                                                          : _("an unknown publisher"));
  /* Translators: in a claim's name for screen readers, its grade, e.g. "graded B3" */
  g_string_append_printf (name, _(", graded %s"), gtk_label_get_text (self->grade_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->attribution_label)))
    g_string_append_printf (name, ". %s", gtk_label_get_text (self->attribution_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->subject != NULL
                                  ? _("Enter shows what the claim is about; the Menu key "
                                      "lists more")
                                  : _("Enter opens the source; the Menu key lists more"),
                                  -1);
}

static void
atlas_claim_row_constructed (GObject *object)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (object);

  G_OBJECT_CLASS (atlas_claim_row_parent_class)->constructed (object);

  g_return_if_fail (ATLAS_IS_CLAIM (self->claim));

  if (self->subject != NULL)
    show_subject (self);
  else if (self->document != NULL)
    {
      GtkWidget *chip = atlas_source_chip_new (self->document);

      /* the row is the Tab stop; the chip is for the pointer */
      gtk_widget_set_focusable (chip, FALSE);
      gtk_box_prepend (self->chips_box, chip);
    }
  show_grade (self);
  show_attribution (self);
  show_paraphrase (self);
  /* In a document's list the paraphrase is what one reads, so it starts open. */
  gtk_expander_set_expanded (self->paraphrase_expander, self->subject != NULL);
  update_accessible_name (self);
}

/* ---- the keyboard ------------------------------------------------------------------ */

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);

  if (self->document != NULL)
    gtk_widget_activate_action (widget, "sidebar.show-record", "(ss)", "document",
                                atlas_record_get_key (self->document));
}

static void
show_subject_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);

  if (self->subject != NULL)
    gtk_widget_activate_action (widget, "sidebar.show-record", "(ss)",
                                atlas_record_get_kind (self->subject),
                                atlas_record_get_key (self->subject));
}

static void
toggle_paraphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);

  gtk_expander_set_expanded (self->paraphrase_expander,
                             !gtk_expander_get_expanded (self->paraphrase_expander));
}

/* Enter does what a click on the row's main button does. */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);

  if (self->subject != NULL)
    show_subject_action (widget, NULL, NULL);
  else
    open_source_action (widget, NULL, NULL);
}

static void append_edit_items (AtlasClaimRow *self,
                               GMenu         *menu);

static GMenuModel *
build_keyboard_menu (AtlasClaimRow *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) claim = g_menu_new ();

  if (self->subject != NULL)
    g_menu_append (claim, _("_Show What It Is About"), "claim.show-subject");
  if (self->document != NULL)
    g_menu_append (claim, _("_Open Source"), "claim.open-source");
  if (gtk_widget_get_visible (GTK_WIDGET (self->paraphrase_expander)))
    g_menu_append (claim, gtk_expander_get_expanded (self->paraphrase_expander)
                          ? _("_Hide Paraphrase") : _("_Show Paraphrase"),
                   "claim.toggle-paraphrase");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (claim));
  if (self->editable)
    append_edit_items (self, menu);
  return G_MENU_MODEL (menu);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);
  g_autoptr(GMenuModel) model = build_keyboard_menu (self);

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, widget);
      gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
atlas_claim_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (widget);

  GTK_WIDGET_CLASS (atlas_claim_row_parent_class)->size_allocate (widget, width, height,
                                                                  baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
install_keyboard (GtkWidgetClass *widget_class)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter,
                                      GDK_KEY_space, GDK_KEY_KP_Space };

  gtk_widget_class_install_action (widget_class, "claim.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "claim.open-source", NULL, open_source_action);
  gtk_widget_class_install_action (widget_class, "claim.show-subject", NULL,
                                   show_subject_action);
  gtk_widget_class_install_action (widget_class, "claim.toggle-paraphrase", NULL,
                                   toggle_paraphrase_action);
  gtk_widget_class_install_action (widget_class, "claim.menu", NULL, popup_menu_action);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "claim.activate",
                                         NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "claim.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "claim.menu",
                                       NULL);
}

static void
atlas_claim_row_dispose (GObject *object)
{
  GtkWidget *child;
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (object);

  g_clear_object (&self->claim);
  g_clear_object (&self->document);
  g_clear_object (&self->subject);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CLAIM_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_claim_row_parent_class)->dispose (object);
}

static void
atlas_claim_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (object);

  switch (prop_id)
    {
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_claim_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (object);

  switch (prop_id)
    {
    case PROP_CLAIM:
      self->claim = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SUBJECT:
      self->subject = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_claim_row_class_init (AtlasClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_claim_row_constructed;
  object_class->dispose = atlas_claim_row_dispose;
  object_class->get_property = atlas_claim_row_get_property;
  object_class->set_property = atlas_claim_row_set_property;

  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, ATLAS_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ATLAS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, ATLAS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->size_allocate = atlas_claim_row_size_allocate;
  install_keyboard (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-claim-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, subject_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, grade_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, grade_note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, relations_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, paraphrase_expander);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, paraphrase_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasClaimRow, paraphrase_label);
}

static void
atlas_claim_row_init (AtlasClaimRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* nothing inside takes focus: the row does, and offers what they do */
  gtk_widget_set_can_focus (gtk_widget_get_first_child (GTK_WIDGET (self)), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-claim-row");
}

/**
 * atlas_claim_row_new:
 * @claim: the claim
 * @document: (nullable): the document it was read in, for its chip and reliability grade
 * @subject: (nullable): what the claim is about; when given, the row names it and the
 *   value (as a document's list of claims does) instead of showing a source chip
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
atlas_claim_row_new (AtlasRecord *claim,
                     AtlasRecord *document,
                     AtlasRecord *subject)
{
  g_return_val_if_fail (ATLAS_IS_CLAIM (claim), NULL);
  g_return_val_if_fail (document == NULL || ATLAS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (subject == NULL || ATLAS_IS_RECORD (subject), NULL);

  return g_object_new (ATLAS_TYPE_CLAIM_ROW,
                       "claim", claim,
                       "document", document,
                       "subject", subject,
                       NULL);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *first,
             const char *second)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new ("(ss)", first, second));
  g_menu_append_item (menu, item);
}

static void
append_edit_items (AtlasClaimRow *self,
                   GMenu         *menu)
{
  g_autoptr(GMenu) edits = g_menu_new ();
  g_autoptr(GMenu) relations = g_menu_new ();
  const char *key = atlas_record_get_key (self->claim);

  append_item (edits, _("_Edit Claim…"), "win.edit-record", "claim", key);
  append_item (edits, _("_Delete Claim"), "win.delete-record", "claim", key);
  append_item (relations, _("Mark as _Repeating…"), "win.relate-claim", key, "repeats");
  append_item (relations, _("Mark as C_ontradicting…"), "win.relate-claim", key, "contradicts");
  append_item (relations, _("Mark as C_orroborating…"), "win.relate-claim", key,
               "corroborates");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (relations));
}

static GMenuModel *
build_edit_menu (AtlasClaimRow *self)
{
  GMenu *menu = g_menu_new ();

  append_edit_items (self, menu);
  return G_MENU_MODEL (menu);
}

/* A menu model makes its popover at once; a page of claims has hundreds of buttons and
 * only one menu is ever open, so each is made when its button is first pressed. */
static void
create_edit_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  AtlasClaimRow *self = ATLAS_CLAIM_ROW (user_data);
  g_autoptr(GMenuModel) menu = build_edit_menu (self);

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, menu);
}

/**
 * atlas_claim_row_add_edit_menu:
 *
 * Adds a menu to correct the claim, delete it, or say how it bears on another claim. Its
 * items activate the window's edit actions, which the row does not need to know.
 */
void
atlas_claim_row_add_edit_menu (AtlasClaimRow *self)
{
  GtkWidget *button;

  g_return_if_fail (ATLAS_IS_CLAIM_ROW (self));

  self->editable = TRUE;
  button = gtk_menu_button_new ();
  /* the row is the Tab stop; its Menu key offers the same items */
  gtk_widget_set_focusable (button, FALSE);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_edit_popup_cb, self,
                                         NULL);
  gtk_widget_set_tooltip_text (button, _("Claim Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claim Menu"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (self->chips_box, button);
}

/**
 * atlas_claim_row_get_claim:
 *
 * Returns: (transfer none): the claim shown
 */
AtlasRecord *
atlas_claim_row_get_claim (AtlasClaimRow *self)
{
  g_return_val_if_fail (ATLAS_IS_CLAIM_ROW (self), NULL);

  return self->claim;
}

/* How a relation reads from this claim's side: "Contradicts", or "Contradicted by" when
 * the relation was recorded from the other claim. */
static const char *
relation_verb (const char *relation,
               gboolean    from_here)
{
  if (g_strcmp0 (relation, "contradicts") == 0)
    return from_here ? _("Contradicts another claim") : _("Contradicted by another claim");
  if (g_strcmp0 (relation, "corroborates") == 0)
    return from_here ? _("Corroborates another claim") : _("Corroborated by another claim");
  if (g_strcmp0 (relation, "repeats") == 0)
    return from_here ? _("Repeats another claim") : _("Repeated by another claim");
  return NULL;
}

/**
 * atlas_claim_row_set_relations:
 * @relations: (nullable) (element-type AtlasClaimRelation): the relations the claim has,
 *   either way round
 *
 * Lists under the grade what the claim contradicts, corroborates or repeats, each with the
 * analyst's note (text from the case, never markup).
 */
void
atlas_claim_row_set_relations (AtlasClaimRow *self,
                               GPtrArray     *relations)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *key;

  g_return_if_fail (ATLAS_IS_CLAIM_ROW (self));

  key = atlas_record_get_key (self->claim);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AtlasRecord *relation = g_ptr_array_index (relations, i);
      const char *note = atlas_record_get_text (relation, "note");
      const char *verb = relation_verb (atlas_record_get_text (relation, "relation"),
                                        g_strcmp0 (atlas_record_get_text (relation, "claim_key"),
                                                   key) == 0);

      if (verb == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (note != NULL && *note != '\0')
        /* Translators: a claim's relation to another, then the analyst's note on it */
        g_string_append_printf (text, _("%s. %s"), verb, note);
      else
        g_string_append (text, verb);
    }
  atlas_format_set_label (self->relations_label, text->len > 0 ? text->str : NULL);
}

/**
 * atlas_claim_row_label_container:
 * @container: the list row that holds @self
 *
 * Names @container by what the claim says and who says it.
 */
void
atlas_claim_row_label_container (AtlasClaimRow *self,
                                 GtkWidget     *container)
{
  g_return_if_fail (ATLAS_IS_CLAIM_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (container));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (container),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->subject_label, self->value_label,
                                  self->attribution_label, NULL,
                                  -1);
}
