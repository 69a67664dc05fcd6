/* atlas-source-chip.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small pill naming the document a value was read in (publisher and date); pressing it
 * opens that document in the sidebar.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-document.h"
#include "atlas-format.h"
#include "atlas-source-chip.h"

struct _AtlasSourceChip
{
  GtkButton    parent_instance;

  /* template widgets */
  GtkLabel    *label;

  /* owned */
  AtlasRecord *document;
};

G_DEFINE_FINAL_TYPE (AtlasSourceChip, atlas_source_chip, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_chip_text (AtlasRecord *document)
{
  const char *publisher = atlas_record_get_text (document, "publisher");
  g_autofree char *date = atlas_format_short_date (atlas_record_get_text (document,
                                                                          "published"));

  if (publisher == NULL || *publisher == '\0')
    publisher = _("Unknown publisher");
  /* Translators: a source chip, "publisher · date" */
  return g_strdup_printf (C_("source chip", "%s · %s"), publisher, date ? date : _("undated"));
}

static void
update_chip (AtlasSourceChip *self)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (self->document == NULL)
    return;

  text = dup_chip_text (self->document);
  atlas_format_set_label (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               atlas_record_get_text (self->document, "title"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "(ss)", "document",
                                    atlas_record_get_key (self->document));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "sidebar.show-record");

  /* Translators: what a screen reader says for a source chip */
  accessible = g_strdup_printf (_("Source: %s. Opens the document."), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
atlas_source_chip_dispose (GObject *object)
{
  AtlasSourceChip *self = ATLAS_SOURCE_CHIP (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SOURCE_CHIP);

  G_OBJECT_CLASS (atlas_source_chip_parent_class)->dispose (object);
}

static void
atlas_source_chip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasSourceChip *self = ATLAS_SOURCE_CHIP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_chip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasSourceChip *self = ATLAS_SOURCE_CHIP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      atlas_source_chip_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_chip_class_init (AtlasSourceChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_source_chip_dispose;
  object_class->get_property = atlas_source_chip_get_property;
  object_class->set_property = atlas_source_chip_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ATLAS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-source-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSourceChip, label);
}

static void
atlas_source_chip_init (AtlasSourceChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_source_chip_new:
 * @document: the document a value was read in
 *
 * Returns: (transfer floating): a chip that opens @document with `sidebar.show-record`
 */
GtkWidget *
atlas_source_chip_new (AtlasRecord *document)
{
  g_return_val_if_fail (ATLAS_IS_DOCUMENT (document), NULL);

  return g_object_new (ATLAS_TYPE_SOURCE_CHIP, "document", document, NULL);
}

/**
 * atlas_source_chip_get_document:
 *
 * Returns: (transfer none) (nullable): the document the chip names
 */
AtlasRecord *
atlas_source_chip_get_document (AtlasSourceChip *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE_CHIP (self), NULL);

  return self->document;
}

/**
 * atlas_source_chip_set_document:
 * @document: (nullable): the document to name and open
 */
void
atlas_source_chip_set_document (AtlasSourceChip *self,
                                AtlasRecord     *document)
{
  g_return_if_fail (ATLAS_IS_SOURCE_CHIP (self));
  g_return_if_fail (document == NULL || ATLAS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  update_chip (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
