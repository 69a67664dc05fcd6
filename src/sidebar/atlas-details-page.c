/* atlas-details-page.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the case says about one record: what it is, how precisely it is placed and
 * where its coordinates come from, its facts with their sources, and what it relates to.
 * The page is built once for its record; related items open through sidebar.show-record.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-details-page-private.h"
#include "atlas-document.h"
#include "atlas-filter-words.h"
#include "atlas-format.h"
#include "atlas-route-words.h"

G_DEFINE_FINAL_TYPE (AtlasDetailsPage, atlas_details_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_field (AtlasDetailsPage *self,
            const char       *field)
{
  return atlas_record_get_text (self->record, field);
}

static gboolean
is_kind (AtlasDetailsPage *self,
         const char       *kind)
{
  return g_str_equal (atlas_record_get_kind (self->record), kind);
}

/* "Incident · Bombing", "Route · Reported", "Source · news" */
static char *
dup_kind_line (AtlasDetailsPage *self)
{
  const char *kind = atlas_record_get_kind (self->record);
  const char *detail = NULL;

  if (is_kind (self, "incident") && text_field (self, "category") != NULL)
    detail = atlas_filter_words_category (text_field (self, "category"));
  else if (is_kind (self, "route"))
    detail = atlas_route_words_status_name (text_field (self, "status"));
  else if (is_kind (self, "actor"))
    detail = text_field (self, "actor_kind");
  else if (is_kind (self, "document"))
    detail = text_field (self, "doc_kind");

  if (detail == NULL || *detail == '\0')
    return g_strdup (atlas_format_kind (kind));
  return g_strconcat (atlas_format_kind (kind), " · ", detail, NULL);
}

static void
show_header (AtlasDetailsPage *self)
{
  g_autofree char *kind_line = dup_kind_line (self);
  g_autofree char *title = atlas_format_record_title (self->record);
  const char *summary = NULL;

  if (atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (self->record), "summary"))
    summary = text_field (self, "summary");

  atlas_format_set_label (self->kind_label, kind_line);
  atlas_format_set_label (self->title_label, title);
  atlas_format_set_label (self->summary_label, summary);
}

/* ---- properties ------------------------------------------------------------------- */

static GtkWidget *
new_property_row (const char *title,
                  const char *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "atlas-property");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  /* selectable with the pointer, but not a Tab stop: the row is */
  gtk_widget_set_can_focus (value_label, FALSE);
  atlas_format_set_label (GTK_LABEL (value_label), value);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title_label, value_label, NULL,
                                  -1);
  return row;
}

static void
add_property (AtlasDetailsPage *self,
              const char       *title,
              const char       *value)
{
  if (value == NULL || *value == '\0')
    return;
  gtk_list_box_append (self->properties_list, new_property_row (title, value));
  gtk_widget_set_visible (GTK_WIDGET (self->properties_list), TRUE);
}

static char *
dup_time_span (AtlasDetailsPage *self,
               const char       *start_field,
               const char       *start_precision,
               const char       *end_field,
               const char       *end_precision)
{
  g_autofree char *start = atlas_format_date (text_field (self, start_field),
                                              text_field (self, start_precision));
  g_autofree char *end = NULL;

  if (end_field != NULL)
    end = atlas_format_date (text_field (self, end_field), text_field (self, end_precision));
  if (start == NULL || end == NULL)
    return g_steal_pointer (&start);
  /* Translators: a span of time, "start – end" */
  return g_strdup_printf (C_("time span", "%s – %s"), start, end);
}

static void
add_place_properties (AtlasDetailsPage *self)
{
  const char *admin_area = text_field (self, "admin_area");
  const char *country = text_field (self, "country");
  g_autofree char *region = NULL;

  add_property (self, _("Place"), text_field (self, "place"));
  if (admin_area != NULL && *admin_area != '\0' && country != NULL && *country != '\0')
    region = g_strdup_printf (C_("region", "%s, %s"), admin_area, country);
  add_property (self, _("Region"), region ? region : (admin_area && *admin_area ? admin_area
                                                                                  : country));
}

static void
add_incident_properties (AtlasDetailsPage *self)
{
  g_autofree char *when = dup_time_span (self, "start_time", "start_precision",
                                         "end_time", "end_precision");

  add_property (self, _("Date"), when);
  add_place_properties (self);
  add_property (self, _("Category"), text_field (self, "category") != NULL
                                      ? atlas_filter_words_category (text_field (self, "category"))
                                      : NULL);
}

static void
add_waypoint_properties (AtlasDetailsPage *self)
{
  g_autofree char *when = dup_time_span (self, "date", "date_precision", NULL, NULL);

  add_property (self, _("Date"), when ? when : _("Not given"));
  add_place_properties (self);
}

static void
add_actor_properties (AtlasDetailsPage *self)
{
  const char *aliases = text_field (self, "aliases");
  g_auto(GStrv) lines = NULL;
  g_autofree char *joined = NULL;

  add_property (self, _("Kind"), text_field (self, "actor_kind"));
  if (aliases == NULL || *aliases == '\0')
    return;
  lines = g_strsplit (aliases, "\n", -1);
  joined = g_strjoinv (", ", lines);
  add_property (self, _("Also known as"), joined);
}

static void
add_document_properties (AtlasDetailsPage *self)
{
  const char *grade = text_field (self, "reliability");
  g_autofree char *published = atlas_format_date (text_field (self, "published"), NULL);
  g_autofree char *accessed = atlas_format_date (text_field (self, "accessed"), NULL);
  g_autofree char *reliability = NULL;

  /* Translators: a source's reliability grade and its meaning, e.g. "C — fairly reliable" */
  reliability = g_strdup_printf (C_("reliability", "%s — %s"), grade ? grade : "–",
                                 atlas_format_reliability (grade));
  add_property (self, _("Publisher"), text_field (self, "publisher"));
  add_property (self, _("Author"), text_field (self, "author"));
  add_property (self, _("Published"), published ? published : _("Not dated"));
  add_property (self, _("Kind"), text_field (self, "doc_kind"));
  add_property (self, _("Reliability"), reliability);
  add_property (self, _("Why this grade"), text_field (self, "reliability_note"));
  add_property (self, _("Language"), text_field (self, "language"));
  add_property (self, _("Read on"), accessed);
  add_property (self, _("File"), text_field (self, "file"));
  add_property (self, _("Link"), text_field (self, "url"));
}

static void
show_properties (AtlasDetailsPage *self)
{
  if (is_kind (self, "incident"))
    add_incident_properties (self);
  else if (is_kind (self, "route"))
    add_property (self, _("Status"), atlas_route_words_status_name (text_field (self, "status")));
  else if (is_kind (self, "waypoint"))
    add_waypoint_properties (self);
  else if (is_kind (self, "actor"))
    add_actor_properties (self);
  else if (is_kind (self, "document"))
    add_document_properties (self);
}

/* ---- location and actions ---------------------------------------------------------- */

static gboolean
has_location (AtlasDetailsPage *self)
{
  return atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (self->record), "latitude")
         && !isnan (atlas_record_get_double (self->record, "latitude"));
}

static void
show_location (AtlasDetailsPage *self)
{
  g_autofree char *precision = NULL;
  g_autofree char *coordinates = NULL;

  if (!has_location (self))
    return;

  precision = atlas_format_location_precision (text_field (self, "location_precision"));
  coordinates = atlas_format_coordinates (atlas_record_get_double (self->record, "latitude"),
                                          atlas_record_get_double (self->record, "longitude"));
  atlas_format_set_label (self->precision_label, precision);
  atlas_format_set_label (self->coordinates_label, coordinates);
  atlas_format_set_label (self->location_source_label, text_field (self, "location_source"));
  gtk_widget_set_visible (GTK_WIDGET (self->location_source_title),
                          gtk_widget_get_visible (GTK_WIDGET (self->location_source_label)));
  gtk_widget_set_visible (self->location_card, TRUE);
}

/* Only web links are opened: a case file is data, and other schemes could run anything. */
static gboolean
is_web_link (const char *uri)
{
  const char *scheme = uri ? g_uri_peek_scheme (uri) : NULL;

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static void
link_button_clicked_cb (AtlasDetailsPage *self)
{
  const char *uri = text_field (self, "url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (is_web_link (uri));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_actions (AtlasDetailsPage *self)
{
  gboolean on_map = is_kind (self, "incident") || is_kind (self, "route")
                    || is_kind (self, "waypoint");
  gboolean has_link = is_kind (self, "document") && is_web_link (text_field (self, "url"));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->map_button), "(ss)",
                                    atlas_record_get_kind (self->record),
                                    atlas_record_get_key (self->record));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->map_button), "sidebar.show-record");
  gtk_widget_set_visible (GTK_WIDGET (self->map_button), on_map);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), has_link);
  if (has_link)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), text_field (self, "url"));
  gtk_widget_set_visible (self->actions_box, on_map || has_link);
}

/* ---- facts ------------------------------------------------------------------------- */

static GHashTable *
load_documents (AtlasCase *atlas_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = atlas_case_list_records (atlas_case, ATLAS_TYPE_DOCUMENT,
                                                             &error);
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  if (documents == NULL)
    g_warning ("Could not list the case's documents: %s", error->message);
  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      AtlasRecord *document = g_list_model_get_item (documents, i);

      g_hash_table_insert (by_key, (gpointer) atlas_record_get_key (document), document);
    }
  return by_key;
}

/* ---- sections ---------------------------------------------------------------------- */

static GtkWidget *
new_heading (const char *text,
             const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style_class);
  return label;
}

/**
 * _atlas_details_page_add_section:
 * @description: (nullable): one line under the title
 *
 * Appends a titled section, e.g. the facts or a list of related items.
 */
void
_atlas_details_page_add_section (AtlasDetailsPage *self,
                                 const char       *title,
                                 const char       *description,
                                 GtkWidget        *child)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = new_heading (title, "title-4");

  gtk_box_append (GTK_BOX (section), heading);
  if (description != NULL)
    {
      GtkWidget *line = new_heading (description, "caption");

      gtk_widget_add_css_class (line, "dim-label");
      gtk_box_append (GTK_BOX (section), line);
    }
  gtk_widget_set_margin_top (child, 6);
  /* a list is read out with the section's title */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (section), child);
  gtk_box_append (self->sections_box, section);
}

static void
build_page (AtlasDetailsPage *self)
{
  show_header (self);
  show_actions (self);
  show_properties (self);
  show_location (self);
  _atlas_details_page_add_edit_buttons (self);
  _atlas_details_page_add_facts (self);
  _atlas_details_page_add_archived_copies (self);
  _atlas_details_page_add_related (self);
  _atlas_details_page_add_history (self);
}

/* ---- keeping the focus in view ------------------------------------------------------ */

/* Space left above or below a stop the page scrolls to, in pixels. */
#define FOCUS_MARGIN 12

/* GTK 4.8's viewport scrolls to the focus only when its own child takes it, never as Tab
 * moves from claim to claim deep inside: the page would stay where it is and the focus go
 * out of sight. So the page follows the window's focus itself. */
static void
focus_widget_changed_cb (AtlasDetailsPage *self,
                         GParamSpec       *pspec,
                         GtkRoot          *root)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  /* the page's content, whose coordinates do not move as it scrolls */
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content)
      || !gtk_widget_compute_bounds (focus, content, &bounds))
    return;
  if (bounds.origin.y < value || bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - FOCUS_MARGIN);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment,
                              bounds.origin.y + bounds.size.height - page + FOCUS_MARGIN);
}

static void
atlas_details_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (atlas_details_page_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (focus_widget_changed_cb), widget, G_CONNECT_SWAPPED);
}

static void
atlas_details_page_unmap (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_widget_changed_cb,
                                        widget);

  GTK_WIDGET_CLASS (atlas_details_page_parent_class)->unmap (widget);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
atlas_details_page_constructed (GObject *object)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (object);

  G_OBJECT_CLASS (atlas_details_page_parent_class)->constructed (object);

  g_return_if_fail (ATLAS_IS_CASE (self->atlas_case));
  g_return_if_fail (ATLAS_IS_RECORD (self->record));

  self->documents = load_documents (self->atlas_case);
  build_page (self);
}

static void
atlas_details_page_dispose (GObject *object)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_DETAILS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->looked_up, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_clear_pointer (&self->contested, g_strfreev);
  g_clear_object (&self->record);
  g_clear_object (&self->atlas_case);

  G_OBJECT_CLASS (atlas_details_page_parent_class)->dispose (object);
}

static void
atlas_details_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_details_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->atlas_case = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_details_page_class_init (AtlasDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_details_page_constructed;
  object_class->dispose = atlas_details_page_dispose;
  object_class->get_property = atlas_details_page_get_property;
  object_class->set_property = atlas_details_page_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ATLAS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = atlas_details_page_map;
  widget_class->unmap = atlas_details_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, map_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, link_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, properties_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, location_card);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, precision_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, coordinates_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, location_source_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, location_source_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPage, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, link_button_clicked_cb);
}

static void
atlas_details_page_init (AtlasDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_details_page_new:
 * @atlas_case: the case @record belongs to
 * @record: an incident, route, waypoint, actor or document
 *
 * Returns: (transfer floating): a page about @record
 */
GtkWidget *
atlas_details_page_new (AtlasCase   *atlas_case,
                        AtlasRecord *record)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (record), NULL);

  return g_object_new (ATLAS_TYPE_DETAILS_PAGE,
                       "case", atlas_case,
                       "record", record,
                       NULL);
}

static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
}

/**
 * atlas_details_page_reload:
 * @record: the record as the case holds it now, same kind and key
 *
 * Shows the record afresh after the case changed, in place: the page stays where it is in
 * the sidebar and keeps its scroll position where it can.
 */
void
atlas_details_page_reload (AtlasDetailsPage *self,
                           AtlasRecord      *record)
{
  g_return_if_fail (ATLAS_IS_DETAILS_PAGE (self));
  g_return_if_fail (atlas_details_page_shows (self, record));

  g_set_object (&self->record, record);
  g_clear_pointer (&self->looked_up, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  if (self->edit_buttons != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->edit_buttons)), self->edit_buttons);
  self->edit_buttons = NULL;
  remove_children (GTK_WIDGET (self->properties_list));
  gtk_widget_set_visible (GTK_WIDGET (self->properties_list), FALSE);
  remove_children (GTK_WIDGET (self->sections_box));
  self->documents = load_documents (self->atlas_case);
  build_page (self);
}

/**
 * atlas_details_page_get_record:
 *
 * Returns: (transfer none): the record the page is about
 */
AtlasRecord *
atlas_details_page_get_record (AtlasDetailsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PAGE (self), NULL);

  return self->record;
}

/**
 * atlas_details_page_shows:
 * @record: (nullable): a record, perhaps another object for the same row
 *
 * Returns: whether the page is about @record (same kind and key)
 */
gboolean
atlas_details_page_shows (AtlasDetailsPage *self,
                          AtlasRecord      *record)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PAGE (self), FALSE);

  return record != NULL
         && g_str_equal (atlas_record_get_kind (record), atlas_record_get_kind (self->record))
         && g_strcmp0 (atlas_record_get_key (record), atlas_record_get_key (self->record)) == 0;
}
