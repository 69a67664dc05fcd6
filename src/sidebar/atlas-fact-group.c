/* atlas-fact-group.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One attribute of a record (deaths, date, perpetrator…) and every value the sources give
 * for it, each value with the claims that give it. Claims that agree share one value; a
 * contested attribute is marked and shows its values side by side, never one number.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-attribute-words.h"
#include "atlas-claim-row.h"
#include "atlas-contested-table.h"
#include "atlas-fact-group.h"
#include "atlas-format.h"
#include "atlas-number-format.h"
#include "atlas-record.h"

/* Wide enough for a value and its chips; narrower sidebars stack the values. */
#define VALUE_CARD_MIN_WIDTH 200

/* Side by side, at most this many values to a line. */
#define MAX_VALUES_PER_LINE 3

/* A group shows this many claims at first; "Show All" lists the rest in a list that makes
 * rows only as they scroll into view, so a record with 100,000 claims opens at once. */
#define MAX_CLAIMS_SHOWN 8

/* A contested attribute's table lists this many values at first. */
#define MAX_VALUES_SHOWN 24

/* How tall the list of all claims may grow before it scrolls, in pixels. */
#define ALL_CLAIMS_HEIGHT 560

struct _AtlasFactGroup
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkLabel   *attribute_label;
  GtkWidget  *contested_badge;
  GtkLabel   *summary_label;
  GtkFlowBox *values_box;
  GtkWidget  *show_all_button;   /* nullable: only when some claims are not shown */
  GtkWidget  *table;             /* nullable: a contested attribute's values */

  /* owned */
  char       *attribute;
  gboolean    contested;
  guint       n_values;
  guint       n_claims;
  gboolean    editable;
  GHashTable *documents;   /* document key → AtlasDocument */
  GHashTable *relations;   /* claim key → GPtrArray of AtlasClaimRelation; nullable */
  GListStore *all_claims;      /* nullable: every claim, value after value */
  GHashTable *first_of_value;  /* the claims of all_claims that start a value */
};

G_DEFINE_FINAL_TYPE (AtlasFactGroup, atlas_fact_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATTRIBUTE,
  PROP_CONTESTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Claims give the same value when their numbers match, or, without numbers, their words. */
static char *
dup_value_key (AtlasRecord *claim)
{
  double number = atlas_record_get_double (claim, "value_number");
  const char *text = atlas_record_get_text (claim, "value_text");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (number))
    return g_strconcat ("n:", g_ascii_dtostr (buffer, sizeof buffer, number), NULL);
  return g_strconcat ("t:", text ? text : "", NULL);
}

/* Returns: an array of arrays of claims, one per value, in the order the values come. */
static GPtrArray *
group_by_value (GListModel *claims)
{
  g_autoptr(GHashTable) index_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);
      char *key = dup_value_key (claim);
      gpointer found;

      if (!g_hash_table_lookup_extended (index_of, key, NULL, &found))
        {
          found = GUINT_TO_POINTER (values->len);
          g_hash_table_insert (index_of, key, found);
          g_ptr_array_add (values, g_ptr_array_new_with_free_func (g_object_unref));
        }
      else
        g_free (key);
      g_ptr_array_add (g_ptr_array_index (values, GPOINTER_TO_UINT (found)),
                       g_steal_pointer (&claim));
    }
  return values;
}

/* A figure or a short phrase reads as a headline; a paragraph, or a list of columns, as
 * text. */
static gboolean
is_headline (const char *value)
{
  return strchr (value, '\n') == NULL && g_utf8_strlen (value, -1) <= 80;
}

/* Whether @claim repeats one of the claims in @keys. */
static gboolean
repeats_one_of (AtlasFactGroup *self,
                AtlasRecord    *claim,
                GHashTable     *keys)
{
  const char *key = atlas_record_get_key (claim);
  GPtrArray *relations = self->relations ? g_hash_table_lookup (self->relations, key) : NULL;

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AtlasRecord *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (atlas_record_get_text (relation, "relation"), "repeats") == 0
          && g_strcmp0 (atlas_record_get_text (relation, "claim_key"), key) == 0
          && g_hash_table_contains (keys, atlas_record_get_text (relation, "other_key")))
        return TRUE;
    }
  return FALSE;
}

/* How many sources stand behind a value on their own: claims that repeat another claim of
 * the same value (a report relaying Reuters) are not a second source. */
static guint
count_independent (AtlasFactGroup *self,
                   GPtrArray      *claims,
                   guint          *relayed)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);

  *relayed = 0;
  for (guint i = 0; i < claims->len; i++)
    g_hash_table_add (keys, (gpointer) atlas_record_get_key (g_ptr_array_index (claims, i)));
  for (guint i = 0; i < claims->len; i++)
    {
      AtlasRecord *claim = g_ptr_array_index (claims, i);
      const char *document = atlas_record_get_text (claim, "document_key");

      if (repeats_one_of (self, claim, keys))
        (*relayed)++;
      else if (document != NULL)
        g_hash_table_add (documents, (gpointer) document);
    }
  return g_hash_table_size (documents);
}

/* "2 independent sources, 1 relaying another", or %NULL for a single claim. */
static char *
dup_independence (GPtrArray *claims,
                  gpointer   user_data)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (user_data);
  guint relayed = 0;
  guint independent = count_independent (self, claims, &relayed);
  g_autofree char *sources = NULL;

  if (claims->len < 2 && relayed == 0)
    return NULL;
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u independent source",
                                          "%u independent sources", independent), independent);
  if (relayed == 0)
    return g_steal_pointer (&sources);
  /* Translators: "2 independent sources, 1 relaying another" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u relaying another",
                                       "%s, %u relaying others", relayed), sources, relayed);
}

static void
append_independence (AtlasFactGroup *self,
                     GtkWidget      *card,
                     GPtrArray      *claims)
{
  g_autofree char *text = dup_independence (claims, self);
  GtkWidget *label;

  if (text == NULL)
    return;
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "atlas-independence");
  gtk_box_append (GTK_BOX (card), label);
}

static GtkWidget *
new_claim_row (AtlasRecord *claim,
               gpointer     user_data)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (user_data);
  const char *document_key = atlas_record_get_text (claim, "document_key");
  AtlasRecord *document = document_key ? g_hash_table_lookup (self->documents, document_key)
                                       : NULL;
  GtkWidget *row = atlas_claim_row_new (claim, document, NULL);

  if (self->relations != NULL)
    atlas_claim_row_set_relations (ATLAS_CLAIM_ROW (row),
                                   g_hash_table_lookup (self->relations,
                                                        atlas_record_get_key (claim)));
  if (self->editable)
    atlas_claim_row_add_edit_menu (ATLAS_CLAIM_ROW (row));
  return row;
}

static GtkWidget *
new_value_label (const char *value)
{
  GtkWidget *value_label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  /* selectable with the pointer, but not a Tab stop: the claims are */
  gtk_widget_set_can_focus (value_label, FALSE);
  /* A small natural width lets contested values stand side by side when there is room. */
  gtk_label_set_max_width_chars (GTK_LABEL (value_label), 18);
  if (is_headline (value))
    gtk_widget_add_css_class (value_label, "title-4");
  gtk_widget_add_css_class (value_label, "atlas-value");
  atlas_format_set_label (GTK_LABEL (value_label), value);
  return value_label;
}

/* A card for one value with, of its claims, the first @max_rows. */
static GtkWidget *
build_value_card (AtlasFactGroup *self,
                  GPtrArray      *claims,
                  guint           max_rows)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  g_autofree char *value = atlas_format_claim_value (g_ptr_array_index (claims, 0));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "atlas-value-card");
  if (self->contested)
    {
      gtk_widget_add_css_class (card, "contested");
      gtk_widget_set_size_request (card, VALUE_CARD_MIN_WIDTH, -1);
    }

  gtk_box_append (GTK_BOX (card), new_value_label (value));

  for (guint i = 0; i < MIN (claims->len, max_rows); i++)
    {
      if (i > 0)
        gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (card), new_claim_row (g_ptr_array_index (claims, i), self));
    }
  append_independence (self, card, claims);
  return card;
}

static void
append_value_card (AtlasFactGroup *self,
                   GtkWidget      *card)
{
  GtkWidget *child;

  gtk_flow_box_append (self->values_box, card);
  /* The flow box's own children would be extra, empty tab stops: the chips in the cards
   * are what takes focus. */
  child = gtk_widget_get_parent (card);
  gtk_widget_set_focusable (child, FALSE);
}

static void
update_summary (AtlasFactGroup *self,
                guint           n_claims)
{
  g_autofree char *text = NULL;

  if (self->contested)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The sources give %u different value",
                                         "The sources give %u different values",
                                         self->n_values), self->n_values);
  else if (n_claims > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u claim agrees", "%u claims agree", n_claims),
                            n_claims);
  atlas_format_set_label (self->summary_label, text);
}

/* ---- all the claims, made as they scroll into view --------------------------------- */

static void
bind_claim_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               AtlasFactGroup           *self)
{
  AtlasRecord *claim = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = new_claim_row (claim, self);

  if (g_hash_table_contains (self->first_of_value, claim))
    {
      g_autofree char *value = atlas_format_claim_value (claim);

      gtk_widget_set_margin_top (box, 12);
      gtk_box_append (GTK_BOX (box), new_value_label (value));
    }
  else
    gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
  /* the claim row inside is the one Tab stop, not the list item around it */
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
unbind_claim_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AtlasFactGroup           *self)
{
  gtk_list_item_set_child (list_item, NULL);
}

static GtkWidget *
new_all_claims_list (AtlasFactGroup *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection =
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->all_claims)));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *count = atlas_format_count (self->n_claims);
  g_autofree char *name = NULL;

  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_claim_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_claim_cb), self, 0);
  gtk_widget_add_css_class (list, "card");
  gtk_widget_add_css_class (list, "atlas-all-claims");
  /* Translators: the list of every claim about one attribute, e.g. "All 10,000 claims" */
  name = g_strdup_printf (_("All %s claims"), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* a list view asks for little height: give it what it may have */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), ALL_CLAIMS_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

static void
show_all_clicked_cb (AtlasFactGroup *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->values_box));
  GtkWidget *list = new_all_claims_list (self);

  gtk_widget_set_visible (GTK_WIDGET (self->values_box), FALSE);
  if (self->table != NULL)
    gtk_widget_set_visible (self->table, FALSE);
  gtk_box_append (GTK_BOX (box), list);
  /* the button goes: keep the keyboard in the group, on the list that replaced it */
  gtk_widget_grab_focus (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (list)));
  gtk_box_remove (GTK_BOX (box), self->show_all_button);
  self->show_all_button = NULL;
}

static void
add_show_all_button (AtlasFactGroup *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->values_box));
  g_autofree char *count = atlas_format_count (self->n_claims);
  /* Translators: under a fact's first claims, "Show All 10,000 Claims" */
  g_autofree char *label = g_strdup_printf (_("Show All %s Claims"), count);

  self->show_all_button = gtk_button_new_with_label (label);
  gtk_widget_set_halign (self->show_all_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->show_all_button, "pill");
  gtk_widget_add_css_class (self->show_all_button, "atlas-small-pill");
  g_signal_connect_object (self->show_all_button, "clicked", G_CALLBACK (show_all_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->show_all_button);
}

/* Keeps every claim, value after value, for the list "Show All" opens. */
static void
keep_all_claims (AtlasFactGroup *self,
                 GPtrArray      *values)
{
  self->all_claims = g_list_store_new (ATLAS_TYPE_RECORD);
  self->first_of_value = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < values->len; i++)
    {
      GPtrArray *claims = g_ptr_array_index (values, i);

      g_hash_table_add (self->first_of_value, g_ptr_array_index (claims, 0));
      g_list_store_splice (self->all_claims,
                           g_list_model_get_n_items (G_LIST_MODEL (self->all_claims)), 0,
                           claims->pdata, claims->len);
    }
}

/* The values side by side, each a card with its claims, as many as the budget allows. */
static gboolean
fill_cards (AtlasFactGroup *self,
            GPtrArray      *values)
{
  guint budget = MAX_CLAIMS_SHOWN;

  gtk_flow_box_set_max_children_per_line (self->values_box,
                                          CLAMP (values->len, 1, MAX_VALUES_PER_LINE));
  for (guint i = 0; i < values->len && budget > 0; i++)
    {
      GPtrArray *value_claims = g_ptr_array_index (values, i);

      append_value_card (self, build_value_card (self, value_claims, budget));
      budget -= MIN (budget, value_claims->len);
    }
  return self->n_claims > MAX_CLAIMS_SHOWN;
}

/* Where the sources disagree: a table of the values, the best graded first, each row
 * folding the claims that agree; their full rows open from it. */
static gboolean
fill_table (AtlasFactGroup *self,
            GPtrArray      *values)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->values_box));
  gboolean some_hidden = values->len > MAX_VALUES_SHOWN;

  for (guint i = 0; i < values->len && !some_hidden; i++)
    some_hidden = ((GPtrArray *) g_ptr_array_index (values, i))->len
                  > atlas_contested_table_get_max_claims_opened ();
  self->table = atlas_contested_table_new (values, MAX_VALUES_SHOWN, self->documents,
                                           new_claim_row, dup_independence, self);
  gtk_widget_set_visible (GTK_WIDGET (self->values_box), FALSE);
  gtk_box_append (GTK_BOX (box), self->table);
  return some_hidden;
}

static void
fill_values (AtlasFactGroup *self,
             GListModel     *claims)
{
  g_autoptr(GPtrArray) values = group_by_value (claims);
  gboolean some_hidden;

  self->n_values = values->len;
  self->n_claims = g_list_model_get_n_items (claims);
  some_hidden = self->contested ? fill_table (self, values) : fill_cards (self, values);
  if (some_hidden)
    {
      keep_all_claims (self, values);
      add_show_all_button (self);
    }
  update_summary (self, self->n_claims);
}

static void
atlas_fact_group_constructed (GObject *object)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (object);
  g_autofree char *label = atlas_attribute_words (self->attribute ? self->attribute : "");

  G_OBJECT_CLASS (atlas_fact_group_parent_class)->constructed (object);

  atlas_format_set_label (self->attribute_label, label);
  gtk_widget_set_visible (self->contested_badge, self->contested);
  if (self->contested)
    gtk_widget_add_css_class (GTK_WIDGET (self), "contested");
}

static void
atlas_fact_group_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_FACT_GROUP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_fact_group_parent_class)->dispose (object);
}

static void
atlas_fact_group_finalize (GObject *object)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (object);

  g_clear_pointer (&self->attribute, g_free);
  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_object (&self->all_claims);
  g_clear_pointer (&self->first_of_value, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_fact_group_parent_class)->finalize (object);
}

static void
atlas_fact_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ATTRIBUTE:
      g_value_set_string (value, self->attribute);
      break;
    case PROP_CONTESTED:
      g_value_set_boolean (value, self->contested);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_fact_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasFactGroup *self = ATLAS_FACT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ATTRIBUTE:
      self->attribute = g_value_dup_string (value);
      break;
    case PROP_CONTESTED:
      self->contested = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_fact_group_class_init (AtlasFactGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_fact_group_constructed;
  object_class->dispose = atlas_fact_group_dispose;
  object_class->finalize = atlas_fact_group_finalize;
  object_class->get_property = atlas_fact_group_get_property;
  object_class->set_property = atlas_fact_group_set_property;

  properties[PROP_ATTRIBUTE] =
    g_param_spec_string ("attribute", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTESTED] =
    g_param_spec_boolean ("contested", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                          | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-fact-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFactGroup, attribute_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasFactGroup, contested_badge);
  gtk_widget_class_bind_template_child (widget_class, AtlasFactGroup, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasFactGroup, values_box);
}

static void
atlas_fact_group_init (AtlasFactGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_fact_group_new:
 * @attribute: the attribute the claims are about
 * @contested: whether the case holds it contested
 * @claims: the claims about @attribute, most credible first
 * @documents: (element-type utf8 AtlasDocument): the case's documents by key
 * @relations: (nullable) (element-type utf8 GPtrArray): the relations of claims, by claim
 *   key, each a #GPtrArray of #AtlasClaimRelation
 *
 * Returns: (transfer floating): a new group
 */
GtkWidget *
atlas_fact_group_new (const char *attribute,
                      gboolean    contested,
                      GListModel *claims,
                      GHashTable *documents,
                      GHashTable *relations)
{
  return atlas_fact_group_new_full (attribute, contested, claims, documents, relations, FALSE);
}

/**
 * atlas_fact_group_new_full:
 * @relations: as for atlas_fact_group_new(); a claim that repeats another claim of the same
 *   value is not counted as an independent source of it
 * @editable: whether each claim offers a menu to correct, delete or relate it
 *
 * Returns: (transfer floating): a new group
 */
GtkWidget *
atlas_fact_group_new_full (const char *attribute,
                           gboolean    contested,
                           GListModel *claims,
                           GHashTable *documents,
                           GHashTable *relations,
                           gboolean    editable)
{
  AtlasFactGroup *self;

  g_return_val_if_fail (attribute != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (claims), NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_FACT_GROUP,
                       "attribute", attribute,
                       "contested", contested,
                       NULL);
  self->editable = editable;
  self->documents = g_hash_table_ref (documents);
  self->relations = relations ? g_hash_table_ref (relations) : NULL;
  fill_values (self, claims);
  return GTK_WIDGET (self);
}

/**
 * atlas_fact_group_get_attribute:
 *
 * Returns: (transfer none): the attribute the group is about, e.g. "deaths"
 */
const char *
atlas_fact_group_get_attribute (AtlasFactGroup *self)
{
  g_return_val_if_fail (ATLAS_IS_FACT_GROUP (self), NULL);

  return self->attribute;
}

/**
 * atlas_fact_group_get_contested:
 *
 * Returns: whether the group is marked contested
 */
gboolean
atlas_fact_group_get_contested (AtlasFactGroup *self)
{
  g_return_val_if_fail (ATLAS_IS_FACT_GROUP (self), FALSE);

  return self->contested;
}

/**
 * atlas_fact_group_get_n_values:
 *
 * Returns: how many different values the sources give
 */
guint
atlas_fact_group_get_n_values (AtlasFactGroup *self)
{
  g_return_val_if_fail (ATLAS_IS_FACT_GROUP (self), 0);

  return self->n_values;
}

/**
 * atlas_fact_group_get_table:
 *
 * Returns: (transfer none) (nullable): a contested attribute's table of values
 */
AtlasContestedTable *
atlas_fact_group_get_table (AtlasFactGroup *self)
{
  g_return_val_if_fail (ATLAS_IS_FACT_GROUP (self), NULL);

  return self->table ? ATLAS_CONTESTED_TABLE (self->table) : NULL;
}

/**
 * atlas_fact_group_show_all:
 *
 * Lists every claim, as the "Show All" button does: in a list that makes rows as they
 * scroll into view. Nothing happens when the group already shows them all.
 *
 * Returns: whether some claims were hidden until now
 */
gboolean
atlas_fact_group_show_all (AtlasFactGroup *self)
{
  g_return_val_if_fail (ATLAS_IS_FACT_GROUP (self), FALSE);

  if (self->show_all_button == NULL)
    return FALSE;
  show_all_clicked_cb (self);
  return TRUE;
}
