/* atlas-details-page-facts.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A details page's facts: the record's claims split by attribute, one fact group each,
 * contested ones first. A record may carry 100,000 claims (a GeoJSON feature with that many
 * properties): the page builds the first few dozen groups, and "Show More Facts" lists the
 * rest in a list that makes each group only as it scrolls into view.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "atlas-attribute-words.h"
#include "atlas-claim-relation.h"
#include "atlas-details-page-private.h"
#include "atlas-fact-group.h"
#include "atlas-format.h"
#include "atlas-number-format.h"

/* The page shows this many facts at first; "Show All" lists the rest in a list that makes
 * each fact as it scrolls into view, so a record with 100,000 attributes opens at once. */
#define MAX_FACTS_SHOWN 30

/* How tall the list of the other facts may grow before it scrolls, in pixels. */
#define MORE_FACTS_HEIGHT 640

/* Splits the claims, which come sorted by attribute, into one list per attribute. */
static GPtrArray *
split_by_attribute (GListModel *claims)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *current = NULL;
  const char *current_attribute = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);
      const char *attribute = atlas_record_get_text (claim, "attribute");

      if (current == NULL || g_strcmp0 (attribute, current_attribute) != 0)
        {
          current = g_list_store_new (ATLAS_TYPE_RECORD);
          g_ptr_array_add (groups, current);
        }
      current_attribute = attribute;
      g_list_store_append (current, claim);
    }
  return groups;
}

static const char *
group_attribute (GListModel *group)
{
  g_autoptr(AtlasRecord) first = g_list_model_get_item (group, 0);

  /* the claim stays alive in the group, so its text does too */
  return atlas_record_get_text (first, "attribute");
}

/* A group with what it sorts by, worked out once: a record may have 100,000 attributes. */
typedef struct {
  GListModel *group;
  const char *attribute;
  gboolean    contested;
  int         rank;
} SortedGroup;

/* Contested first, then by the attribute's rank and name. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const SortedGroup *group_a = a;
  const SortedGroup *group_b = b;

  if (group_a->contested != group_b->contested)
    return group_a->contested ? -1 : 1;
  if (group_a->rank != group_b->rank)
    return group_a->rank - group_b->rank;
  return g_strcmp0 (group_a->attribute, group_b->attribute);
}

/* The case's claim relations by claim key, either way round: claim key → GPtrArray of
 * AtlasClaimRelation. */
static GHashTable *
load_relations (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) relations = atlas_case_list_records (self->atlas_case,
                                                             ATLAS_TYPE_CLAIM_RELATION, &error);
  GHashTable *by_claim = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);

  if (relations == NULL)
    g_warning ("Could not list the claim relations: %s", error->message);
  for (guint i = 0; relations != NULL && i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AtlasRecord) relation = g_list_model_get_item (relations, i);
      const char *ends[] = { atlas_record_get_text (relation, "claim_key"),
                             atlas_record_get_text (relation, "other_key") };

      for (guint j = 0; j < G_N_ELEMENTS (ends); j++)
        {
          GPtrArray *list;

          if (ends[j] == NULL)
            continue;
          list = g_hash_table_lookup (by_claim, ends[j]);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_claim, g_strdup (ends[j]), list);
            }
          g_ptr_array_add (list, g_object_ref (relation));
        }
    }
  return by_claim;
}

/* ---- facts past the first few dozen, made as they scroll into view ------------------- */

static GtkWidget *
new_fact_group (AtlasDetailsPage *self,
                GListModel       *group)
{
  const char *attribute = group_attribute (group);
  gboolean is_contested = self->contested
                          && g_strv_contains ((const char * const *) self->contested, attribute);

  return atlas_fact_group_new_full (attribute, is_contested, group, self->documents,
                                    self->relations,
                                    !atlas_case_get_read_only (self->atlas_case));
}

static void
bind_fact_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AtlasDetailsPage         *self)
{
  GtkWidget *group = new_fact_group (self, gtk_list_item_get_item (list_item));

  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_bottom (group, 18);
  gtk_list_item_set_child (list_item, group);
  /* the claims inside are the Tab stops, not the list item around them */
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
unbind_fact_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AtlasDetailsPage         *self)
{
  gtk_list_item_set_child (list_item, NULL);
}

static GtkWidget *
new_more_facts_list (AtlasDetailsPage *self,
                     GListModel       *groups)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (groups));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_fact_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_fact_cb), self, 0);
  gtk_widget_add_css_class (list, "atlas-more-facts");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More facts"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* a list view asks for little height: give it what it may have */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MORE_FACTS_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

static void
show_more_facts_cb (GtkButton *button,
                    GListModel *groups)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                         ATLAS_TYPE_DETAILS_PAGE));
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkWidget *list = new_more_facts_list (self, groups);

  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_grab_focus (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (list)));
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (button));
}

static GtkWidget *
new_more_facts_button (GListStore *rest)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (rest));
  g_autofree char *count = atlas_format_count (n);
  /* Translators: under a record's first facts, "Show 2,000 More Facts" */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %s More Fact",
                                                         "Show %s More Facts", n), count);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "atlas-small-pill");
  g_signal_connect_data (button, "clicked", G_CALLBACK (show_more_facts_cb),
                         g_object_ref (rest), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  return button;
}

/* Where the sources disagree comes first: that is what an analyst must see. */
static GPtrArray *
order_groups (AtlasDetailsPage *self,
              GPtrArray        *groups)
{
  g_autofree SortedGroup *sorted = g_new (SortedGroup, MAX (groups->len, 1));
  GPtrArray *ordered = g_ptr_array_new_full (groups->len, g_object_unref);

  for (guint i = 0; i < groups->len; i++)
    {
      SortedGroup *entry = &sorted[i];

      entry->group = g_ptr_array_index (groups, i);
      entry->attribute = group_attribute (entry->group);
      entry->contested = self->contested
                         && g_strv_contains ((const char * const *) self->contested,
                                             entry->attribute);
      entry->rank = atlas_attribute_words_rank (entry->attribute);
    }
  qsort (sorted, groups->len, sizeof (SortedGroup), compare_groups);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (ordered, g_object_ref (sorted[i].group));
  return ordered;
}

static GtkWidget *
build_facts (AtlasDetailsPage *self,
             GListModel       *claims)
{
  g_autoptr(GPtrArray) groups = split_by_attribute (claims);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rest = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_clear_pointer (&self->contested, g_strfreev);
  self->relations = load_relations (self);
  self->contested = atlas_case_list_contested_attributes (self->atlas_case,
                                                          atlas_record_get_kind (self->record),
                                                          atlas_record_get_key (self->record),
                                                          &error);
  if (self->contested == NULL)
    g_warning ("Could not list contested attributes: %s", error->message);

  ordered = order_groups (self, groups);
  for (guint i = 0; i < ordered->len; i++)
    {
      GListModel *group = g_ptr_array_index (ordered, i);

      if (i < MAX_FACTS_SHOWN)
        gtk_box_append (GTK_BOX (box), new_fact_group (self, group));
      else
        g_list_store_append (rest, group);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (rest)) > 0)
    gtk_box_append (GTK_BOX (box), new_more_facts_button (rest));
  return box;
}

/**
 * _atlas_details_page_add_facts:
 *
 * Appends the record's facts, each with its values and their sources: where the sources
 * disagree first, the first few dozen at once and the rest on demand.
 */
void
_atlas_details_page_add_facts (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = NULL;

  if (g_str_equal (atlas_record_get_kind (self->record), "document"))
    return;

  claims = atlas_case_list_claims (self->atlas_case, atlas_record_get_kind (self->record),
                                   atlas_record_get_key (self->record), NULL, &error);
  if (claims == NULL)
    {
      g_warning ("Could not list the claims: %s", error->message);
      return;
    }
  if (g_list_model_get_n_items (claims) == 0)
    return;

  _atlas_details_page_add_section (self, _("Facts"),
                                   _("Each value with the sources that give it"),
                                   build_facts (self, claims));
}
