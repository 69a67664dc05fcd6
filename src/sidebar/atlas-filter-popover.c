/* atlas-filter-popover.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filter's controls: incident categories, a date range, the least reliable source
 * that counts and "contested only". They set the window's AtlasFilter, which the map and
 * the overview follow, and follow it back when something else changes it.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-popover.h"
#include "atlas-filter-words.h"
#include "atlas-format.h"
#include "atlas-geo.h"

struct _AtlasFilterPopover
{
  GtkPopover   parent_instance;

  /* template widgets */
  GtkWidget   *categories_group;
  GtkBox      *categories_box;
  GtkEntry    *start_entry;
  GtkEntry    *end_entry;
  GtkCalendar *start_calendar;
  GtkCalendar *end_calendar;
  GtkLabel    *date_hint_label;
  GtkLabel    *reliability_label;
  GtkDropDown *reliability_dropdown;

  /* owned */
  AtlasFilter *filter;
  GPtrArray   *category_buttons;
  GStrv        categories;    /* the category of each button, in the same order */

  /* set while the controls are updated from the filter, so they do not write it back */
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (AtlasFilterPopover, atlas_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* All boxes ticked means "every category" (%NULL), so categories added later still show. */
static char **
dup_checked_categories (AtlasFilterPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < self->category_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->category_buttons, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)))
        g_strv_builder_add (builder, self->categories[i]);
      else
        all = FALSE;
    }
  return all ? NULL : g_strv_builder_end (builder);
}

static void
category_toggled_cb (AtlasFilterPopover *self)
{
  g_auto(GStrv) categories = NULL;

  if (self->syncing || self->filter == NULL)
    return;
  categories = dup_checked_categories (self);
  atlas_filter_set_categories (self->filter, (const char * const *) categories);
}

static const char *
precision_for_length (gsize length)
{
  switch (length)
    {
    case 4:
      return "year";
    case 7:
      return "month";
    default:
      return "day";
    }
}

/* Returns: whether @entry holds a date or nothing; @date is set to the date or %NULL. */
static gboolean
read_date_entry (AtlasFilterPopover  *self,
                 GtkEntry            *entry,
                 char               **date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  *date = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return TRUE;
  if (!atlas_validate_date (text, precision_for_length (strlen (text)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      atlas_format_set_label (self->date_hint_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_hint_label), "error");
      return FALSE;
    }
  *date = g_steal_pointer (&text);
  return TRUE;
}

static void
show_date_hint (AtlasFilterPopover *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_hint_label), "error");
  atlas_format_set_label (self->date_hint_label, _("A year, a month or a day: 2024, 2024-01 "
                                                   "or 2024-01-03"));
}

/* A day picked in a calendar is typed into its entry, which sets the filter as typing
 * would. */
static void
day_chosen_cb (AtlasFilterPopover *self,
               GtkCalendar        *calendar)
{
  GtkEntry *entry = calendar == self->start_calendar ? self->start_entry : self->end_entry;
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
date_changed_cb (AtlasFilterPopover *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (self->syncing || self->filter == NULL)
    return;

  show_date_hint (self);
  /* A half-typed date leaves the filter as it was until it is a date again. */
  if (!read_date_entry (self, self->start_entry, &start)
      || !read_date_entry (self, self->end_entry, &end))
    return;
  atlas_filter_set_date_range (self->filter, start, end);
}

/* The drop-down's button is named by the label above it and described by the grade it
 * shows, which GTK 4.8 does not pass on by itself. */
static void
describe_reliability (AtlasFilterPopover *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->reliability_dropdown);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->reliability_dropdown));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->reliability_label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  item ? gtk_string_object_get_string (item) : "",
                                  -1);
}

static void
reliability_changed_cb (AtlasFilterPopover *self)
{
  guint selected = gtk_drop_down_get_selected (self->reliability_dropdown);

  describe_reliability (self);
  if (self->syncing || self->filter == NULL || selected > 'F' - 'A')
    return;
  atlas_filter_set_min_reliability (self->filter, (char) ('A' + selected));
}

static void
sync_categories (AtlasFilterPopover *self)
{
  const char * const *categories = atlas_filter_get_categories (self->filter);

  for (guint i = 0; i < self->category_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->category_buttons, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   categories == NULL
                                   || g_strv_contains (categories, self->categories[i]));
    }
}

static void
sync_date_entry (GtkEntry   *entry,
                 const char *date)
{
  /* Keep what the user is still typing: the filter only changes with a valid date. */
  if (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), date ? date : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), date ? date : "");
}

static void
sync_from_filter (AtlasFilterPopover *self)
{
  if (self->filter == NULL)
    return;

  self->syncing = TRUE;
  sync_categories (self);
  sync_date_entry (self->start_entry, atlas_filter_get_start_date (self->filter));
  sync_date_entry (self->end_entry, atlas_filter_get_end_date (self->filter));
  gtk_drop_down_set_selected (self->reliability_dropdown,
                              (guint) (atlas_filter_get_min_reliability (self->filter) - 'A'));
  self->syncing = FALSE;
}

static void
atlas_filter_popover_dispose (GObject *object)
{
  AtlasFilterPopover *self = ATLAS_FILTER_POPOVER (object);

  atlas_filter_popover_set_filter (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_FILTER_POPOVER);
  g_clear_pointer (&self->category_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);

  G_OBJECT_CLASS (atlas_filter_popover_parent_class)->dispose (object);
}

static void
atlas_filter_popover_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasFilterPopover *self = ATLAS_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_popover_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasFilterPopover *self = ATLAS_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      atlas_filter_popover_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_popover_class_init (AtlasFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_popover_dispose;
  object_class->get_property = atlas_filter_popover_get_property;
  object_class->set_property = atlas_filter_popover_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, ATLAS_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, categories_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, categories_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, start_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, end_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, date_hint_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, reliability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterPopover, reliability_label);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, reliability_changed_cb);
}

static void
atlas_filter_popover_init (AtlasFilterPopover *self)
{
  self->category_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  show_date_hint (self);
  atlas_format_name_mnemonic_buttons (GTK_WIDGET (self));
  describe_reliability (self);
}

/**
 * atlas_filter_popover_new:
 * @filter: (nullable): the filter to set
 *
 * Returns: (transfer floating): a new popover
 */
GtkWidget *
atlas_filter_popover_new (AtlasFilter *filter)
{
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  return g_object_new (ATLAS_TYPE_FILTER_POPOVER, "filter", filter, NULL);
}

/**
 * atlas_filter_popover_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the controls set
 */
AtlasFilter *
atlas_filter_popover_get_filter (AtlasFilterPopover *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER_POPOVER (self), NULL);

  return self->filter;
}

/**
 * atlas_filter_popover_set_filter:
 * @filter: (nullable): the filter the controls set and follow
 */
void
atlas_filter_popover_set_filter (AtlasFilterPopover *self,
                                 AtlasFilter        *filter)
{
  g_return_if_fail (ATLAS_IS_FILTER_POPOVER (self));
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));

  if (self->filter == filter)
    return;
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    {
      g_signal_connect_object (filter, "changed", G_CALLBACK (sync_from_filter), self,
                               G_CONNECT_SWAPPED);
      sync_from_filter (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* A category is named as the legend names it; a case's own is data: a plain label, wrapped
 * if it is long. */
static GtkWidget *
new_category_button (const char *category)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  atlas_format_set_label (GTK_LABEL (label), atlas_filter_words_category (category));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL,
                                  -1);
  return button;
}

/**
 * atlas_filter_popover_set_categories:
 * @categories: (nullable): the categories the case's incidents use
 *
 * Offers one check box per category.
 */
void
atlas_filter_popover_set_categories (AtlasFilterPopover *self,
                                     const char * const *categories)
{
  GtkWidget *child;

  g_return_if_fail (ATLAS_IS_FILTER_POPOVER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box))) != NULL)
    gtk_box_remove (self->categories_box, child);
  g_ptr_array_set_size (self->category_buttons, 0);
  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      GtkWidget *button = new_category_button (categories[i]);

      g_signal_connect_object (button, "toggled", G_CALLBACK (category_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->categories_box, button);
      g_ptr_array_add (self->category_buttons, button);
    }
  gtk_widget_set_visible (self->categories_group, self->category_buttons->len > 0);
  sync_from_filter (self);
}
