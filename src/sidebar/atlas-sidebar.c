/* atlas-sidebar.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar beside the map: a stack of pages (overview, details, sources, search) with
 * back navigation, and the filter's controls. It follows the window's selection, so a
 * record selected on the map opens here, and it selects what one opens here, so the map
 * follows. It never calls the map.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-details-page.h"
#include "atlas-filter-popover.h"
#include "atlas-format.h"
#include "atlas-overview-page.h"
#include "atlas-search-page.h"
#include "atlas-sidebar.h"
#include "atlas-sources-page.h"

/* Pages kept for going back; older ones are dropped, the overview never. */
#define MAX_PAGES 24

/* Not in GDK: the "back" side button of a mouse. */
#define MOUSE_BUTTON_BACK 8

struct _AtlasSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *back_button;
  GtkLabel           *title_label;
  GtkWidget          *filter_button;
  AtlasFilterPopover *filter_popover;
  AdwLeaflet         *leaflet;

  /* owned */
  AtlasSelection     *selection;
  AtlasFilter        *filter;
  AtlasCase          *atlas_case;
  AtlasGazetteer     *gazetteer;       /* nullable */

  /* borrowed: the leaflet's pages in order, the overview first */
  GPtrArray          *pages;
  guint               settled_index;
  gboolean            contested_only;
};

G_DEFINE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_FILTER,
  PROP_CASE,
  PROP_CONTESTED_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_style_once (void)
{
  static gsize loaded = 0;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || !g_once_init_enter (&loaded))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/sidebar/sidebar.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_BASE "/sidebar/icons");
  g_once_init_leave (&loaded, 1);
}

/* ---- pages ------------------------------------------------------------------------- */

static GtkWidget *
visible_page (AtlasSidebar *self)
{
  return adw_leaflet_get_visible_child (self->leaflet);
}

static guint
visible_index (AtlasSidebar *self)
{
  guint index = 0;

  g_ptr_array_find (self->pages, visible_page (self), &index);
  return index;
}

static void
remove_page_at (AtlasSidebar *self,
                guint         index)
{
  g_assert (index > 0 && index < self->pages->len);

  adw_leaflet_remove (self->leaflet, g_ptr_array_index (self->pages, index));
  g_ptr_array_remove_index (self->pages, index);
}

/* Pages after the visible one were left by going back: there is no going forward. */
static void
prune_after_visible (AtlasSidebar *self)
{
  guint index = visible_index (self);

  while (self->pages->len > index + 1)
    remove_page_at (self, self->pages->len - 1);
}

/* The leaflet moves the focus into a new page, to its first focusable widget, which is often
 * a selectable label: focusing one selects all its text. The back button is as good a
 * start for the keyboard, and selects nothing. The focus stays on the map if it was there. */
static void
keep_focus_off_labels (AtlasSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (!GTK_IS_LABEL (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  gtk_label_select_region (GTK_LABEL (focus), 0, 0);
  gtk_widget_grab_focus (self->back_button);
}

static void
push_page (AtlasSidebar *self,
           GtkWidget    *page)
{
  prune_after_visible (self);
  if (self->pages->len >= MAX_PAGES)
    remove_page_at (self, 1);

  adw_leaflet_append (self->leaflet, page);
  g_ptr_array_add (self->pages, page);
  adw_leaflet_set_visible_child (self->leaflet, page);
  keep_focus_off_labels (self);
}

static void
pop_to_overview (AtlasSidebar *self,
                 gboolean      animate)
{
  adw_leaflet_set_visible_child (self->leaflet, g_ptr_array_index (self->pages, 0));
  if (!animate)
    prune_after_visible (self);
}

static const char *
page_title (GtkWidget *page)
{
  if (ATLAS_IS_DETAILS_PAGE (page))
    return atlas_format_kind (atlas_record_get_kind (
                                atlas_details_page_get_record (ATLAS_DETAILS_PAGE (page))));
  if (ATLAS_IS_SOURCES_PAGE (page))
    return _("Sources");
  if (ATLAS_IS_SEARCH_PAGE (page))
    return _("Search");
  return _("Overview");
}

static void
update_actions (AtlasSidebar *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_case = self->atlas_case != NULL;
  gboolean filtered = self->filter != NULL && !atlas_filter_is_empty (self->filter);

  gtk_widget_action_set_enabled (widget, "sidebar.back", visible_index (self) > 0);
  gtk_widget_action_set_enabled (widget, "sidebar.search", has_case);
  gtk_widget_action_set_enabled (widget, "sidebar.show-sources", has_case);
  gtk_widget_action_set_enabled (widget, "sidebar.show-record", has_case);
  gtk_widget_action_set_enabled (widget, "sidebar.clear-filter", filtered);
  gtk_widget_action_set_enabled (widget, "sidebar.contested-only", self->filter != NULL);
}

static void
update_header (AtlasSidebar *self)
{
  gtk_label_set_text (self->title_label, page_title (visible_page (self)));
  gtk_widget_set_visible (self->back_button, visible_index (self) > 0);
  update_actions (self);
}

/* After going back, the selection follows the page now shown, so the map does too. */
static void
sync_selection (AtlasSidebar *self)
{
  GtkWidget *page = visible_page (self);

  if (self->selection == NULL)
    return;
  if (ATLAS_IS_DETAILS_PAGE (page))
    atlas_selection_select (self->selection,
                            atlas_details_page_get_record (ATLAS_DETAILS_PAGE (page)),
                            ATLAS_SELECTION_NONE);
  else
    atlas_selection_select (self->selection, NULL, ATLAS_SELECTION_NONE);
}

/* Once a transition (or a swipe) has ended: a swipe may have been cancelled halfway. */
static void
settle (AtlasSidebar *self)
{
  guint index = visible_index (self);
  gboolean went_back = index < self->settled_index;

  prune_after_visible (self);
  self->settled_index = index;
  if (went_back)
    sync_selection (self);
}

static void
visible_child_changed_cb (AtlasSidebar *self)
{
  update_header (self);
  if (!adw_leaflet_get_child_transition_running (self->leaflet))
    settle (self);
}

static void
transition_running_changed_cb (AtlasSidebar *self)
{
  if (!adw_leaflet_get_child_transition_running (self->leaflet))
    settle (self);
}

/* ---- following the selection and the filter ---------------------------------------- */

/* What the sidebar shows for a selected record: claims, roles and briefing steps show
 * what they are about; the record is read again so every field is there. */
static AtlasRecord *
lookup_shown_record (AtlasSidebar *self,
                     const char   *kind,
                     const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) record = atlas_case_lookup (self->atlas_case, kind, key, &error);

  if (record == NULL)
    {
      g_debug ("Not showing %s “%s”: %s", kind, key, error->message);
      return NULL;
    }
  if (g_str_equal (kind, "claim") || g_str_equal (kind, "role")
      || g_str_equal (kind, "briefing-step"))
    return lookup_shown_record (self, atlas_record_get_text (record, "subject_kind"),
                                atlas_record_get_text (record, "subject_key"));
  return g_steal_pointer (&record);
}

static void
selection_changed_cb (AtlasSidebar   *self,
                      AtlasRecord    *record,
                      guint           flags,
                      AtlasSelection *selection)
{
  g_autoptr(AtlasRecord) shown = NULL;
  GtkWidget *page = visible_page (self);

  if (record == NULL || self->atlas_case == NULL)
    return;
  shown = lookup_shown_record (self, atlas_record_get_kind (record),
                               atlas_record_get_key (record));
  if (shown == NULL)
    return;
  if (ATLAS_IS_DETAILS_PAGE (page) && atlas_details_page_shows (ATLAS_DETAILS_PAGE (page), shown))
    return;
  push_page (self, atlas_details_page_new (self->atlas_case, shown));
}

static void
filter_changed_cb (AtlasSidebar *self)
{
  gboolean contested_only = atlas_filter_get_contested_only (self->filter);

  if (atlas_filter_is_empty (self->filter))
    gtk_widget_remove_css_class (self->filter_button, "atlas-filter-active");
  else
    gtk_widget_add_css_class (self->filter_button, "atlas-filter-active");
  update_actions (self);

  if (self->contested_only == contested_only)
    return;
  self->contested_only = contested_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTESTED_ONLY]);
}

/* ---- actions ----------------------------------------------------------------------- */

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  adw_leaflet_navigate (ATLAS_SIDEBAR (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);
  GtkWidget *page = visible_page (self);

  if (self->atlas_case == NULL)
    return;
  if (!ATLAS_IS_SEARCH_PAGE (page))
    {
      page = atlas_search_page_new (self->atlas_case);
      atlas_search_page_set_gazetteer (ATLAS_SEARCH_PAGE (page), self->gazetteer);
      push_page (self, page);
    }
  gtk_widget_grab_focus (page);
}

static void
show_sources_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);

  if (self->atlas_case != NULL && !ATLAS_IS_SOURCES_PAGE (visible_page (self)))
    push_page (self, atlas_sources_page_new (self->atlas_case));
}

static void
show_overview_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  pop_to_overview (ATLAS_SIDEBAR (widget), TRUE);
}

/* Opening a record goes through the selection, so the map frames it and the sidebar
 * opens it the same way as when it is chosen on the map. */
static void
show_record_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);
  g_autoptr(AtlasRecord) record = NULL;
  const char *kind;
  const char *key;

  if (self->atlas_case == NULL || self->selection == NULL)
    return;
  g_variant_get (param, "(&s&s)", &kind, &key);
  if ((record = lookup_shown_record (self, kind, key)) != NULL)
    atlas_selection_select (self->selection, record, ATLAS_SELECTION_FRAME);
}

static void
clear_filter_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);

  if (self->filter != NULL)
    atlas_filter_reset (self->filter);
}

static void
back_button_pressed_cb (AtlasSidebar *self,
                        int           n_press,
                        double        x,
                        double        y,
                        GtkGesture   *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == MOUSE_BUTTON_BACK && n_press == 1
      && adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
set_selection (AtlasSidebar   *self,
               AtlasSelection *selection)
{
  if (!g_set_object (&self->selection, selection) || selection == NULL)
    return;
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
set_filter (AtlasSidebar *self,
            AtlasFilter  *filter)
{
  if (!g_set_object (&self->filter, filter) || filter == NULL)
    return;
  g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->contested_only = atlas_filter_get_contested_only (filter);
}

static void
atlas_sidebar_constructed (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);
  GtkWidget *overview = atlas_overview_page_new (self->filter);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->constructed (object);

  adw_leaflet_append (self->leaflet, overview);
  g_ptr_array_add (self->pages, overview);
  atlas_filter_popover_set_filter (self->filter_popover, self->filter);
  update_header (self);
}

static void
atlas_sidebar_dispose (GObject *object)
{
  GtkWidget *child;
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->gazetteer);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->dispose (object);
}

static void
atlas_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_CONTESTED_ONLY:
      g_value_set_boolean (value, self->contested_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      set_selection (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      atlas_sidebar_set_case (self, g_value_get_object (value));
      break;
    case PROP_CONTESTED_ONLY:
      /* the filter says "changed", and that notifies */
      if (self->filter != NULL)
        atlas_filter_set_contested_only (self->filter, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sidebar.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.show-sources", NULL, show_sources_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.show-overview", NULL,
                                   show_overview_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.show-record", "(ss)", show_record_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-filter", NULL, clear_filter_cb);
  gtk_widget_class_install_property_action (widget_class, "sidebar.contested-only",
                                            "contested-only");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sidebar.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "sidebar.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "sidebar.back", NULL);
}

static void
atlas_sidebar_class_init (AtlasSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_sidebar_constructed;
  object_class->dispose = atlas_sidebar_dispose;
  object_class->get_property = atlas_sidebar_get_property;
  object_class->set_property = atlas_sidebar_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, ATLAS_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTESTED_ONLY] =
    g_param_spec_boolean ("contested-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_FILTER_POPOVER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-sidebar");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, leaflet);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, transition_running_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_pressed_cb);

  install_actions (widget_class);
}

static void
atlas_sidebar_init (AtlasSidebar *self)
{
  load_style_once ();

  self->pages = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_sidebar_new:
 * @selection: the window's selection, which the sidebar follows and sets
 * @filter: the window's filter, which the sidebar's controls set
 *
 * Returns: (transfer floating): a new sidebar, with no case yet
 */
GtkWidget *
atlas_sidebar_new (AtlasSelection *selection,
                   AtlasFilter    *filter)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  return g_object_new (ATLAS_TYPE_SIDEBAR,
                       "selection", selection,
                       "filter", filter,
                       NULL);
}

/**
 * atlas_sidebar_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
AtlasCase *
atlas_sidebar_get_case (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return self->atlas_case;
}

static void
offer_categories (AtlasSidebar *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;

  if (self->atlas_case != NULL
      && (categories = atlas_case_list_categories (self->atlas_case, &error)) == NULL)
    g_warning ("Could not list the case's categories: %s", error->message);
  atlas_filter_popover_set_categories (self->filter_popover,
                                       (const char * const *) categories);
}

/**
 * atlas_sidebar_set_case:
 * @atlas_case: (nullable): the case to show, or %NULL for none
 *
 * Shows the overview of @atlas_case; pages about the previous case are closed.
 */
void
atlas_sidebar_set_case (AtlasSidebar *self,
                        AtlasCase    *atlas_case)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (atlas_case == NULL || ATLAS_IS_CASE (atlas_case));

  if (!g_set_object (&self->atlas_case, atlas_case))
    return;

  pop_to_overview (self, FALSE);
  self->settled_index = 0;
  atlas_overview_page_set_case (ATLAS_OVERVIEW_PAGE (g_ptr_array_index (self->pages, 0)),
                                atlas_case);
  offer_categories (self);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/* Shows what the case holds now on @page, in place; %FALSE when what it showed is gone. */
static gboolean
renew_page (AtlasSidebar *self,
            GtkWidget    *page)
{
  AtlasRecord *record;
  g_autoptr(AtlasRecord) fresh = NULL;

  if (ATLAS_IS_SOURCES_PAGE (page))
    atlas_sources_page_reload (ATLAS_SOURCES_PAGE (page));
  if (!ATLAS_IS_DETAILS_PAGE (page))
    return TRUE;
  record = atlas_details_page_get_record (ATLAS_DETAILS_PAGE (page));
  fresh = atlas_case_lookup (self->atlas_case, atlas_record_get_kind (record),
                             atlas_record_get_key (record), NULL);
  if (fresh == NULL)
    return FALSE;
  atlas_details_page_reload (ATLAS_DETAILS_PAGE (page), fresh);
  return TRUE;
}

/**
 * atlas_sidebar_reload:
 *
 * Reads the case again after it changed (an edit, an import, another window), keeping the
 * pages open, each shown afresh in its place. Pages about a record that is gone are
 * closed, and so is everything after them.
 */
void
atlas_sidebar_reload (AtlasSidebar *self)
{
  GtkWidget *overview;

  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  if (self->atlas_case == NULL)
    return;

  overview = g_ptr_array_index (self->pages, 0);
  atlas_overview_page_set_case (ATLAS_OVERVIEW_PAGE (overview), NULL);
  atlas_overview_page_set_case (ATLAS_OVERVIEW_PAGE (overview), self->atlas_case);
  for (guint i = 1; i < self->pages->len; i++)
    if (!renew_page (self, g_ptr_array_index (self->pages, i)))
      {
        /* back to the page before the one that is gone, without going through it */
        adw_leaflet_set_visible_child (self->leaflet, g_ptr_array_index (self->pages, i - 1));
        while (self->pages->len > i)
          remove_page_at (self, self->pages->len - 1);
        break;
      }
  self->settled_index = visible_index (self);
  offer_categories (self);
  update_header (self);
}

/**
 * atlas_sidebar_set_gazetteer:
 * @gazetteer: (nullable): where search finds places by name, beside the case's records
 */
void
atlas_sidebar_set_gazetteer (AtlasSidebar   *self,
                             AtlasGazetteer *gazetteer)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_set_object (&self->gazetteer, gazetteer);
}

/**
 * atlas_sidebar_get_visible_page:
 *
 * Returns: (transfer none): the page shown: an #AtlasOverviewPage, #AtlasDetailsPage,
 *   #AtlasSourcesPage or #AtlasSearchPage
 */
GtkWidget *
atlas_sidebar_get_visible_page (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return visible_page (self);
}
