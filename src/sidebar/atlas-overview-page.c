/* atlas-overview-page.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's first page: the case, then its incidents (as the filter lets them through),
 * routes and actors. One list view shows it all, over a flattened model of the store's own
 * models, so rows are made only for what is on screen.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-incident.h"
#include "atlas-number-format.h"
#include "atlas-overview-page.h"
#include "atlas-overview-row.h"
#include "atlas-overview-section.h"
#include "atlas-record-pages.h"
#include "atlas-route.h"

/* Where the incidents' heading and list sit among the sections. */
#define INCIDENTS_POSITION 1

struct _AtlasOverviewPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkListView *list_view;

  /* owned */
  AtlasCase   *atlas_case;
  AtlasFilter *filter;
  GListStore  *sections;    /* of GListModel: flattened into the list view */
  GHashTable  *contested;   /* incident key → whether it has a contested attribute */
};

G_DEFINE_FINAL_TYPE (AtlasOverviewPage, atlas_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
single_item (gpointer item)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_append (store, item);
  return G_LIST_MODEL (store);
}

static GListModel *
section_heading (const char *title,
                 const char *detail,
                 gboolean    filtered)
{
  g_autoptr(AtlasOverviewSection) section = atlas_overview_section_new (title, detail, filtered);

  return single_item (section);
}

static GListModel *
list_or_empty (GListModel *model,
               const char *what,
               GError     *error)
{
  if (model != NULL)
    return model;
  g_warning ("Could not list the case's %s: %s", what, error->message);
  return G_LIST_MODEL (g_list_store_new (ATLAS_TYPE_RECORD));
}

/* @problem: (out) (transfer full): why the incidents cannot be listed, or %NULL */
static GListModel *
query_incidents (AtlasOverviewPage  *self,
                 char              **problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = atlas_case_list_incident_ids (self->atlas_case, self->filter, &error);

  if (ids != NULL)
    {
      *problem = NULL;
      /* read as the rows are shown: a million incidents hold only their ids */
      return G_LIST_MODEL (atlas_record_pages_new (self->atlas_case, ATLAS_TYPE_INCIDENT, ids));
    }
  /* shown in the list's heading: a message, not a warning */
  g_message ("Could not list the case's incidents: %s", error->message);
  *problem = g_strdup (error->message);
  return G_LIST_MODEL (g_list_store_new (ATLAS_TYPE_RECORD));
}

/* The incidents' heading says how many the filter lets through, of how many, or why they
 * cannot be listed. */
static GListModel *
incidents_heading (AtlasOverviewPage *self,
                   guint              n_shown,
                   const char        *problem)
{
  g_autoptr(AtlasOverviewSection) section = NULL;
  AtlasCaseCounts counts;
  g_autofree char *detail = NULL;
  g_autofree char *shown = atlas_format_count (n_shown);
  g_autofree char *total = NULL;
  gboolean filtered = self->filter != NULL && !atlas_filter_is_empty (self->filter);

  atlas_case_get_counts (self->atlas_case, &counts);
  total = atlas_format_count (counts.incidents);
  if (filtered)
    /* Translators: how many incidents the filter shows, of how many: "1,200 of 10,000" */
    detail = g_strdup_printf (C_("incidents shown", "%s of %s"), shown, total);
  else
    detail = g_steal_pointer (&shown);
  section = atlas_overview_section_new (_("Incidents"), detail, filtered);
  atlas_overview_section_set_problem (section, problem);
  return single_item (section);
}

static void
append_section (AtlasOverviewPage *self,
                const char        *title,
                GListModel        *records)
{
  g_autofree char *detail = NULL;
  g_autoptr(GListModel) heading = NULL;
  guint n = g_list_model_get_n_items (records);

  if (n == 0)
    return;
  detail = atlas_format_count (n);
  heading = section_heading (title, detail, FALSE);
  g_list_store_append (self->sections, heading);
  g_list_store_append (self->sections, records);
}

static GListModel *
list_records (AtlasOverviewPage *self,
              GType              type,
              const char        *what)
{
  g_autoptr(GError) error = NULL;
  GListModel *records = atlas_case_list_records (self->atlas_case, type, &error);

  return list_or_empty (records, what, error);
}

static void
rebuild (AtlasOverviewPage *self)
{
  g_autoptr(GListModel) header = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) heading = NULL;
  g_autoptr(GListModel) routes = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autofree char *problem = NULL;

  g_list_store_remove_all (self->sections);
  g_hash_table_remove_all (self->contested);
  if (self->atlas_case == NULL)
    return;

  header = single_item (self->atlas_case);
  incidents = query_incidents (self, &problem);
  heading = incidents_heading (self, g_list_model_get_n_items (incidents), problem);
  g_list_store_append (self->sections, header);
  g_list_store_append (self->sections, heading);
  g_list_store_append (self->sections, incidents);

  routes = list_records (self, ATLAS_TYPE_ROUTE, "routes");
  append_section (self, _("Routes"), routes);
  actors = list_records (self, ATLAS_TYPE_ACTOR, "actors");
  append_section (self, _("Actors"), actors);
}

static void
filter_changed_cb (AtlasOverviewPage *self)
{
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) heading = NULL;
  gpointer replacement[2];
  g_autofree char *problem = NULL;

  if (self->atlas_case == NULL)
    return;

  incidents = query_incidents (self, &problem);
  heading = incidents_heading (self, g_list_model_get_n_items (incidents), problem);
  replacement[0] = heading;
  replacement[1] = incidents;
  g_list_store_splice (self->sections, INCIDENTS_POSITION, 2, replacement, 2);
}

static gboolean
is_contested (AtlasOverviewPage *self,
              AtlasRecord       *incident)
{
  const char *key = atlas_record_get_key (incident);
  g_auto(GStrv) attributes = NULL;
  gpointer cached;

  if (g_hash_table_lookup_extended (self->contested, key, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  attributes = atlas_case_list_contested_attributes (self->atlas_case, "incident", key, NULL);
  g_hash_table_insert (self->contested, g_strdup (key),
                       GINT_TO_POINTER (attributes != NULL && attributes[0] != NULL));
  return attributes != NULL && attributes[0] != NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AtlasOverviewPage        *self)
{
  gtk_list_item_set_child (list_item, atlas_overview_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AtlasOverviewPage        *self)
{
  AtlasOverviewRow *row = ATLAS_OVERVIEW_ROW (gtk_list_item_get_child (list_item));
  GObject *item = gtk_list_item_get_item (list_item);

  atlas_overview_row_set_item (row, item);
  gtk_list_item_set_activatable (list_item, ATLAS_IS_RECORD (item));
  /* GTK 4.8 lets a list item take focus only when it is selectable; the model is a
   * GtkNoSelection, so nothing is ever selected, and every row, headings too, is reached
   * by Tab and the arrows */
  gtk_list_item_set_selectable (list_item, TRUE);
  if (ATLAS_IS_INCIDENT (item))
    atlas_overview_row_set_contested (row, is_contested (self, ATLAS_RECORD (item)));
  /* the list item around the row is what takes focus */
  atlas_overview_row_label_container (row, gtk_widget_get_parent (GTK_WIDGET (row)));
}

static void
list_view_activate_cb (AtlasOverviewPage *self,
                       guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (atlas_overview_page_get_model (self),
                                                   position);

  if (!ATLAS_IS_RECORD (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.show-record", "(ss)",
                              atlas_record_get_kind (ATLAS_RECORD (item)),
                              atlas_record_get_key (ATLAS_RECORD (item)));
}

static void
set_filter (AtlasOverviewPage *self,
            AtlasFilter       *filter)
{
  if (!g_set_object (&self->filter, filter) || filter == NULL)
    return;
  g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_overview_page_dispose (GObject *object)
{
  GtkWidget *child;
  AtlasOverviewPage *self = ATLAS_OVERVIEW_PAGE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_OVERVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->contested, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_overview_page_parent_class)->dispose (object);
}

static void
atlas_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasOverviewPage *self = ATLAS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasOverviewPage *self = ATLAS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      atlas_overview_page_set_case (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_overview_page_class_init (AtlasOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_overview_page_dispose;
  object_class->get_property = atlas_overview_page_get_property;
  object_class->set_property = atlas_overview_page_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, ATLAS_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
atlas_overview_page_init (AtlasOverviewPage *self)
{
  g_autoptr(GtkFlattenListModel) flat = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  self->contested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sections)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&flat)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * atlas_overview_page_new:
 * @filter: (nullable): the filter the incidents follow
 *
 * Returns: (transfer floating): a new, empty overview
 */
GtkWidget *
atlas_overview_page_new (AtlasFilter *filter)
{
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  return g_object_new (ATLAS_TYPE_OVERVIEW_PAGE, "filter", filter, NULL);
}

/**
 * atlas_overview_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
AtlasCase *
atlas_overview_page_get_case (AtlasOverviewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_PAGE (self), NULL);

  return self->atlas_case;
}

/**
 * atlas_overview_page_set_case:
 * @atlas_case: (nullable): the case to show
 */
void
atlas_overview_page_set_case (AtlasOverviewPage *self,
                              AtlasCase         *atlas_case)
{
  g_return_if_fail (ATLAS_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (atlas_case == NULL || ATLAS_IS_CASE (atlas_case));

  if (!g_set_object (&self->atlas_case, atlas_case))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * atlas_overview_page_get_model:
 *
 * Returns: (transfer none): what the list shows, in order: the case, then section
 *   headings each followed by its records
 */
GListModel *
atlas_overview_page_get_model (AtlasOverviewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_PAGE (self), NULL);

  return G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
}
