/* atlas-sources-page.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document of the case, with its publisher, date, kind and reliability grade.
 * Opening one shows its details: its link and the claims read in it.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-document.h"
#include "atlas-format.h"
#include "atlas-record-row.h"
#include "atlas-sources-page.h"

struct _AtlasSourcesPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkLabel    *count_label;
  GtkListView *list_view;

  /* owned */
  AtlasCase   *atlas_case;
};

G_DEFINE_FINAL_TYPE (AtlasSourcesPage, atlas_sources_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AtlasSourcesPage         *self)
{
  gtk_list_item_set_child (list_item, atlas_record_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AtlasSourcesPage         *self)
{
  AtlasRecordRow *row = ATLAS_RECORD_ROW (gtk_list_item_get_child (list_item));
  AtlasRecord *document = gtk_list_item_get_item (list_item);
  const char *grade = atlas_record_get_text (document, "reliability");
  const char *note = atlas_record_get_text (document, "reliability_note");
  g_autofree char *description = NULL;
  char style_class[] = "grade-x";

  atlas_record_row_set_record (row, document);
  if (grade == NULL || grade[0] < 'A' || grade[0] > 'F' || grade[1] != '\0')
    return;
  /* Translators: a source's reliability grade, e.g. "Reliability C: fairly reliable" */
  description = g_strdup_printf (_("Reliability %s: %s"), grade, atlas_format_reliability (grade));
  if (note != NULL && *note != '\0')
    {
      g_autofree char *shown = atlas_format_display_text (note);
      g_autofree char *graded = g_steal_pointer (&description);

      /* Translators: a source's grade in words, then why it got it (text from the case) */
      description = g_strdup_printf (_("%s. Why: %s"), graded, shown);
    }
  style_class[6] = g_ascii_tolower (grade[0]);
  atlas_record_row_set_badge (row, grade, style_class, description);
}

static void
list_view_activate_cb (AtlasSourcesPage *self,
                       guint             position)
{
  g_autoptr(AtlasRecord) document = g_list_model_get_item (atlas_sources_page_get_model (self),
                                                           position);

  gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.show-record", "(ss)",
                              "document", atlas_record_get_key (document));
}

static void
load_documents (AtlasSourcesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *count = NULL;
  guint n;

  documents = atlas_case_list_records (self->atlas_case, ATLAS_TYPE_DOCUMENT, &error);
  if (documents == NULL)
    {
      g_warning ("Could not list the case's documents: %s", error->message);
      documents = G_LIST_MODEL (g_list_store_new (ATLAS_TYPE_DOCUMENT));
    }

  n = g_list_model_get_n_items (documents);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u document. Reliability is graded from A "
                                        "(completely reliable) to F (cannot be judged).",
                                        "%u documents. Reliability is graded from A "
                                        "(completely reliable) to F (cannot be judged).", n),
                           n);
  atlas_format_set_label (self->count_label, count);
  selection = gtk_no_selection_new (g_steal_pointer (&documents));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
atlas_sources_page_constructed (GObject *object)
{
  AtlasSourcesPage *self = ATLAS_SOURCES_PAGE (object);

  G_OBJECT_CLASS (atlas_sources_page_parent_class)->constructed (object);

  g_return_if_fail (ATLAS_IS_CASE (self->atlas_case));
  load_documents (self);
}

static void
atlas_sources_page_dispose (GObject *object)
{
  AtlasSourcesPage *self = ATLAS_SOURCES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SOURCES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->atlas_case);

  G_OBJECT_CLASS (atlas_sources_page_parent_class)->dispose (object);
}

static void
atlas_sources_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasSourcesPage *self = ATLAS_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sources_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasSourcesPage *self = ATLAS_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->atlas_case = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sources_page_class_init (AtlasSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_sources_page_constructed;
  object_class->dispose = atlas_sources_page_dispose;
  object_class->get_property = atlas_sources_page_get_property;
  object_class->set_property = atlas_sources_page_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
atlas_sources_page_init (AtlasSourcesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_sources_page_new:
 *
 * Returns: (transfer floating): a page listing the documents of @atlas_case
 */
GtkWidget *
atlas_sources_page_new (AtlasCase *atlas_case)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  return g_object_new (ATLAS_TYPE_SOURCES_PAGE, "case", atlas_case, NULL);
}

/* Lists the case's documents again, after it changed. */
void
atlas_sources_page_reload (AtlasSourcesPage *self)
{
  g_return_if_fail (ATLAS_IS_SOURCES_PAGE (self));
  load_documents (self);
}

/**
 * atlas_sources_page_get_model:
 *
 * Returns: (transfer none): the documents listed
 */
GListModel *
atlas_sources_page_get_model (AtlasSourcesPage *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCES_PAGE (self), NULL);

  return G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
}
