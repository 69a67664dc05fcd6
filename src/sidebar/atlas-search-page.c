/* atlas-search-page.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search across titles, summaries, claims, actors and places, with results as one types
 * (the entry waits for a pause in typing), from the case's full-text index. The search
 * runs on a worker, so a slow one (a single letter in a million incidents) never holds up
 * the window, and each keystroke cancels the search before it.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "atlas-format.h"
#include "atlas-record-row.h"
#include "atlas-search-page.h"

struct _AtlasSearchPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkWidget      *places_box;
  GtkListBox     *places_list;
  AdwStatusPage  *failed_page;

  /* owned */
  AtlasCase      *atlas_case;
  GListStore     *results;
  AtlasGazetteer *gazetteer;   /* nullable */
  char           *searched_text;  /* what the results are, or will be, for */
  GCancellable   *searching;   /* the search under way, if any */
  guint           show_searching_id;
  gboolean        open_when_found;  /* Enter was pressed before the results came */
};

G_DEFINE_FINAL_TYPE (AtlasSearchPage, atlas_search_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
replace_results (AtlasSearchPage *self,
                 GListModel      *found)
{
  guint n = found ? g_list_model_get_n_items (found) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
}

/* Places shown below the case's own results, at most this many. */
#define MAX_PLACES 6

static GtkWidget *
new_place_button (const char *icon_name,
                  const char *label,
                  const char *action,
                  GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* A place: its name, where it is, and what can be done with it. */
static GtkWidget *
new_place_row (const AtlasPlace *place)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *area = atlas_place_dup_area (place);
  g_autofree char *position_text = g_strdup_printf ("%.4f° %s, %.4f° %s", fabs (place->latitude),
                                                    place->latitude >= 0 ? "N" : "S",
                                                    fabs (place->longitude),
                                                    place->longitude >= 0 ? "E" : "W");
  /* Translators: a place found by name: its province and country, then its coordinates */
  g_autofree char *where = area ? g_strdup_printf (_("%s · %s"), area, position_text)
                                : g_steal_pointer (&position_text);
  GVariant *position = g_variant_new ("(sddss)", place->name, place->latitude, place->longitude,
                                      place->province ? place->province : "",
                                      place->country ? place->country : "");
  GtkWidget *show = new_place_button ("find-location-symbolic", _("Show on Map"),
                                      "win.show-place", g_variant_ref_sink (position));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_place_button ("list-add-symbolic", _("Add Incident Here…"),
                                               "win.add-incident-at-place", position));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), show);
  g_variant_unref (position);
  return row;
}

static guint
show_places (AtlasSearchPage *self,
             const char      *text)
{
  g_autoptr(GArray) places = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->places_list))) != NULL)
    gtk_list_box_remove (self->places_list, child);
  places = self->gazetteer && text ? atlas_gazetteer_search (self->gazetteer, text, MAX_PLACES)
                                   : NULL;
  for (guint i = 0; places != NULL && i < places->len; i++)
    gtk_list_box_append (self->places_list,
                         new_place_row (&g_array_index (places, AtlasPlace, i)));
  gtk_widget_set_visible (self->places_box, places != NULL && places->len > 0);
  return places ? places->len : 0;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Shown while a search takes long enough to be noticed, never for a quick one. */
#define SHOW_SEARCHING_AFTER_MS 250

static void
stop_searching (AtlasSearchPage *self)
{
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  g_clear_handle_id (&self->show_searching_id, g_source_remove);
  self->open_when_found = FALSE;
}

static gboolean
show_searching_cb (gpointer data)
{
  AtlasSearchPage *self = data;

  self->show_searching_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "searching");
  return G_SOURCE_REMOVE;
}

static void show_result (AtlasSearchPage *self,
                         guint            position);

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(AtlasSearchPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = atlas_case_search_finish (ATLAS_CASE (source), result, &error);
  gboolean open_when_found = self->open_when_found;
  guint n_places;

  /* a later keystroke cancelled this search and started its own */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_searching (self);
  replace_results (self, found);
  if (found == NULL)
    {
      /* the status page reads markup; the reason is text (it may quote the file's name) */
      g_autofree char *reason = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->failed_page, reason);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  n_places = show_places (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0
                                    || n_places > 0 ? "results" : "empty");
  if (open_when_found)
    show_result (self, 0);
}

static void
search_changed_cb (AtlasSearchPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Enter may have started this text's search before the entry's pause in typing did */
  if (g_strcmp0 (text, self->searched_text) == 0)
    return;
  g_free (self->searched_text);
  self->searched_text = g_strdup (text);

  stop_searching (self);
  if (is_blank (text))
    {
      replace_results (self, NULL);
      show_places (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  /* what was found for the text before stays until this search replaces it */
  self->searching = g_cancellable_new ();
  self->show_searching_id = g_timeout_add (SHOW_SEARCHING_AFTER_MS, show_searching_cb, self);
  atlas_case_search_async (self->atlas_case, text, self->searching, search_done_cb,
                           g_object_ref (self));
}

static void
show_result (AtlasSearchPage *self,
             guint            position)
{
  g_autoptr(AtlasRecord) record = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (record == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.show-record", "(ss)",
                              atlas_record_get_kind (record), atlas_record_get_key (record));
}

static void
list_view_activate_cb (AtlasSearchPage *self,
                       guint            position)
{
  show_result (self, position);
}

/* Enter opens the best result, as in GNOME Settings' search. */
static void
search_activate_cb (AtlasSearchPage *self)
{
  /* what is listed may be for the text before: open the best of this text's results */
  search_changed_cb (self);
  if (self->searching != NULL)
    self->open_when_found = TRUE;
  else
    show_result (self, 0);
}

static void
stop_search_cb (AtlasSearchPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.back", NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AtlasSearchPage          *self)
{
  GtkWidget *row = atlas_record_row_new ();

  g_object_set (row, "show-kind", TRUE, NULL);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AtlasSearchPage          *self)
{
  atlas_record_row_set_record (ATLAS_RECORD_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static gboolean
atlas_search_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ATLAS_SEARCH_PAGE (widget)->search_entry));
}

static void
atlas_search_page_dispose (GObject *object)
{
  AtlasSearchPage *self = ATLAS_SEARCH_PAGE (object);
  GtkWidget *child;

  stop_searching (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SEARCH_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->results);
  g_clear_object (&self->gazetteer);
  g_clear_pointer (&self->searched_text, g_free);

  G_OBJECT_CLASS (atlas_search_page_parent_class)->dispose (object);
}

static void
atlas_search_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasSearchPage *self = ATLAS_SEARCH_PAGE (object);

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
atlas_search_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasSearchPage *self = ATLAS_SEARCH_PAGE (object);

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
atlas_search_page_class_init (AtlasSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_search_page_dispose;
  object_class->get_property = atlas_search_page_get_property;
  object_class->set_property = atlas_search_page_set_property;
  widget_class->grab_focus = atlas_search_page_grab_focus;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, places_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, places_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPage, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
}

static void
atlas_search_page_init (AtlasSearchPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (ATLAS_TYPE_RECORD);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * atlas_search_page_new:
 *
 * Returns: (transfer floating): a page that searches @atlas_case
 */
GtkWidget *
atlas_search_page_new (AtlasCase *atlas_case)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  return g_object_new (ATLAS_TYPE_SEARCH_PAGE, "case", atlas_case, NULL);
}

/**
 * atlas_search_page_set_text:
 *
 * Types @text into the search entry; results follow as if it had been typed.
 */
void
atlas_search_page_set_text (AtlasSearchPage *self,
                            const char      *text)
{
  g_return_if_fail (ATLAS_IS_SEARCH_PAGE (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/**
 * atlas_search_page_set_gazetteer:
 * @gazetteer: (nullable): where to find places by name, beside the case's own records
 */
void
atlas_search_page_set_gazetteer (AtlasSearchPage *self,
                                 AtlasGazetteer  *gazetteer)
{
  g_return_if_fail (ATLAS_IS_SEARCH_PAGE (self));
  g_set_object (&self->gazetteer, gazetteer);
}

/**
 * atlas_search_page_get_results:
 *
 * Returns: (transfer none): the records found, best first
 */
GListModel *
atlas_search_page_get_results (AtlasSearchPage *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_PAGE (self), NULL);

  return G_LIST_MODEL (self->results);
}
