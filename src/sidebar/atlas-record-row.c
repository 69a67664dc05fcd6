/* atlas-record-row.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One record in a list: an icon for its kind, its title, one line that tells it apart
 * (date and place, status, publisher…) and an optional badge such as a grade.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-format.h"
#include "atlas-record-row.h"

struct _AtlasRecordRow
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkImage    *icon;
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *badge_label;
  GtkImage    *arrow;

  /* owned */
  AtlasRecord *record;
  char        *detail;
  char        *badge_class;
  gboolean     show_kind;
  gboolean     show_arrow;
};

G_DEFINE_FINAL_TYPE (AtlasRecordRow, atlas_record_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_SHOW_KIND,
  PROP_SHOW_ARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_subtitle (AtlasRecordRow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->detail != NULL)
    subtitle = g_strdup (self->detail);
  else
    subtitle = atlas_format_record_subtitle (self->record);

  if (!self->show_kind)
    return g_steal_pointer (&subtitle);
  if (subtitle == NULL || *subtitle == '\0')
    return g_strdup (atlas_format_kind (atlas_record_get_kind (self->record)));
  return g_strconcat (atlas_format_kind (atlas_record_get_kind (self->record)), " · ",
                      subtitle, NULL);
}

static void
update_labels (AtlasRecordRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  if (self->record == NULL)
    {
      atlas_format_set_label (self->title_label, NULL);
      atlas_format_set_label (self->subtitle_label, NULL);
      return;
    }

  title = atlas_format_record_title (self->record);
  subtitle = dup_subtitle (self);
  gtk_image_set_from_icon_name (self->icon,
                                atlas_format_kind_icon (atlas_record_get_kind (self->record)));
  atlas_format_set_label (self->title_label, title);
  atlas_format_set_label (self->subtitle_label, subtitle);

  /* Titles and subtitles are cut after a few lines; the tooltip has them whole. */
  tooltip = subtitle && *subtitle ? g_strconcat (title, "\n", subtitle, NULL) : g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
clear_badge (AtlasRecordRow *self)
{
  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
  g_clear_pointer (&self->badge_class, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), FALSE);
}

static void
atlas_record_row_dispose (GObject *object)
{
  GtkWidget *child;
  AtlasRecordRow *self = ATLAS_RECORD_ROW (object);

  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_RECORD_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_record_row_parent_class)->dispose (object);
}

static void
atlas_record_row_finalize (GObject *object)
{
  AtlasRecordRow *self = ATLAS_RECORD_ROW (object);

  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->badge_class, g_free);

  G_OBJECT_CLASS (atlas_record_row_parent_class)->finalize (object);
}

static void
atlas_record_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasRecordRow *self = ATLAS_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_SHOW_KIND:
      g_value_set_boolean (value, self->show_kind);
      break;
    case PROP_SHOW_ARROW:
      g_value_set_boolean (value, self->show_arrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_boolean (AtlasRecordRow *self,
             gboolean       *field,
             gboolean        value,
             guint           prop_id)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
atlas_record_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasRecordRow *self = ATLAS_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      atlas_record_row_set_record (self, g_value_get_object (value));
      break;
    case PROP_SHOW_KIND:
      set_boolean (self, &self->show_kind, g_value_get_boolean (value), prop_id);
      update_labels (self);
      break;
    case PROP_SHOW_ARROW:
      set_boolean (self, &self->show_arrow, g_value_get_boolean (value), prop_id);
      gtk_widget_set_visible (GTK_WIDGET (self->arrow), self->show_arrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_record_row_class_init (AtlasRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_record_row_dispose;
  object_class->finalize = atlas_record_row_finalize;
  object_class->get_property = atlas_record_row_get_property;
  object_class->set_property = atlas_record_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ATLAS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_KIND] =
    g_param_spec_boolean ("show-kind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARROW] =
    g_param_spec_boolean ("show-arrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordRow, arrow);
}

static void
atlas_record_row_init (AtlasRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_record_row_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
atlas_record_row_new (void)
{
  return g_object_new (ATLAS_TYPE_RECORD_ROW, NULL);
}

/**
 * atlas_record_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
AtlasRecord *
atlas_record_row_get_record (AtlasRecordRow *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_ROW (self), NULL);

  return self->record;
}

/**
 * atlas_record_row_set_record:
 * @record: (nullable): the record to show
 *
 * Shows @record with its own subtitle and no badge (list views recycle rows).
 */
void
atlas_record_row_set_record (AtlasRecordRow *self,
                             AtlasRecord    *record)
{
  g_return_if_fail (ATLAS_IS_RECORD_ROW (self));
  g_return_if_fail (record == NULL || ATLAS_IS_RECORD (record));

  g_clear_pointer (&self->detail, g_free);
  clear_badge (self);
  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  update_labels (self);
}

/**
 * atlas_record_row_set_detail:
 * @detail: (nullable): the line under the title, or %NULL for the record's own
 *
 * Says how the record relates to where it is listed, e.g. an actor's role in an incident.
 */
void
atlas_record_row_set_detail (AtlasRecordRow *self,
                             const char     *detail)
{
  g_return_if_fail (ATLAS_IS_RECORD_ROW (self));

  g_free (self->detail);
  self->detail = g_strdup (detail);
  update_labels (self);
}

/**
 * atlas_record_row_set_badge:
 * @text: (nullable): a short badge, e.g. a grade, or %NULL for none
 * @style_class: (nullable): a CSS class for the badge
 * @description: (nullable): what the badge means, for tooltips and screen readers
 */
void
atlas_record_row_set_badge (AtlasRecordRow *self,
                            const char     *text,
                            const char     *style_class,
                            const char     *description)
{
  g_return_if_fail (ATLAS_IS_RECORD_ROW (self));

  clear_badge (self);
  if (text == NULL)
    return;

  atlas_format_set_label (self->badge_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description ? description : text,
                                  -1);
  if (style_class != NULL)
    {
      self->badge_class = g_strdup (style_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), style_class);
    }
}

/**
 * atlas_record_row_label_container:
 * @container: the focusable row that holds @self (a list box row, a list item)
 *
 * Names @container by the row's title and subtitle, so a screen reader reads the row as
 * it reads on screen, and follows when the text changes.
 */
void
atlas_record_row_label_container (AtlasRecordRow *self,
                                  GtkWidget      *container)
{
  g_return_if_fail (ATLAS_IS_RECORD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (container));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (container),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, self->subtitle_label, NULL,
                                  -1);
}
