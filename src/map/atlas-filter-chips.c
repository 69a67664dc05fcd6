/* atlas-filter-chips.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the filter hides, said over the map once its popover is closed: one chip per part of
 * the filter that is on (categories, dates, grades, contested only), in the words of the
 * legend; a chip's button turns that part off.
 */

#define G_LOG_DOMAIN "atlas-map"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-chips.h"
#include "atlas-filter-words.h"

typedef enum {
  FACET_CATEGORIES,
  FACET_DATES,
  FACET_RELIABILITY,
  FACET_CONTESTED,
} Facet;

struct _AtlasFilterChips
{
  AdwBin       parent_instance;

  GtkWidget   *box;
  AtlasFilter *filter;
};

G_DEFINE_FINAL_TYPE (AtlasFilterChips, atlas_filter_chips, ADW_TYPE_BIN)

static void
remove_facet_cb (GtkButton        *button,
                 AtlasFilterChips *self)
{
  Facet facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "facet"));

  switch (facet)
    {
    case FACET_CATEGORIES:
      atlas_filter_set_categories (self->filter, NULL);
      break;
    case FACET_DATES:
      atlas_filter_set_date_range (self->filter, NULL, NULL);
      break;
    case FACET_RELIABILITY:
      atlas_filter_set_min_reliability (self->filter, 'F');
      break;
    case FACET_CONTESTED:
    default:
      atlas_filter_set_contested_only (self->filter, FALSE);
      break;
    }
}

/* Text from the case (a category of its own) is shown as it is, never as markup. */
static void
add_chip (AtlasFilterChips *self,
          Facet             facet,
          const char       *text)
{
  g_autofree char *name = g_strdup_printf (_("Remove filter: %s"), text);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_box_append (GTK_BOX (content), label);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "atlas-filter-chip");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data (G_OBJECT (button), "facet", GINT_TO_POINTER (facet));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_facet_cb), self);
  gtk_box_append (GTK_BOX (self->box), button);
}

static void
clear_chips (AtlasFilterChips *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
update_chips (AtlasFilterChips *self)
{
  const char * const *categories;
  g_autofree char *dates = NULL;

  clear_chips (self);
  if (self->filter != NULL)
    {
      categories = atlas_filter_get_categories (self->filter);
      if (categories != NULL)
        {
          g_autofree char *names = atlas_filter_words_categories (categories);
          /* Translators: the incident categories a filter shows */
          g_autofree char *text = g_strdup_printf (_("Only %s"), names);

          add_chip (self, FACET_CATEGORIES, text);
        }
      dates = atlas_filter_words_dates (atlas_filter_get_start_date (self->filter),
                                        atlas_filter_get_end_date (self->filter));
      if (dates != NULL)
        add_chip (self, FACET_DATES, dates);
      if (atlas_filter_get_min_reliability (self->filter) < 'F')
        {
          g_autofree char *grades =
            atlas_filter_words_reliability (atlas_filter_get_min_reliability (self->filter));

          add_chip (self, FACET_RELIABILITY, grades);
        }
      if (atlas_filter_get_contested_only (self->filter))
        add_chip (self, FACET_CONTESTED, _("Contested only"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_first_child (self->box) != NULL);
}

static void
atlas_filter_chips_dispose (GObject *object)
{
  AtlasFilterChips *self = ATLAS_FILTER_CHIPS (object);

  atlas_filter_chips_set_filter (self, NULL);

  G_OBJECT_CLASS (atlas_filter_chips_parent_class)->dispose (object);
}

static void
atlas_filter_chips_class_init (AtlasFilterChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_chips_dispose;
  gtk_widget_class_set_css_name (widget_class, "atlas-filter-chips");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_filter_chips_init (AtlasFilterChips *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  adw_bin_set_child (ADW_BIN (self), self->box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Active filters"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
atlas_filter_chips_new (void)
{
  return g_object_new (ATLAS_TYPE_FILTER_CHIPS, NULL);
}

/**
 * atlas_filter_chips_set_filter:
 * @filter: (nullable): the filter whose active parts to show
 */
void
atlas_filter_chips_set_filter (AtlasFilterChips *self,
                               AtlasFilter      *filter)
{
  g_return_if_fail (ATLAS_IS_FILTER_CHIPS (self));
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (update_chips), self,
                             G_CONNECT_SWAPPED);
  update_chips (self);
}
