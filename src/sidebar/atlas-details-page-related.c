/* atlas-details-page-related.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a record relates to, on its details page: the actors of an incident and their other
 * incidents, the route that ends at it; a route's waypoints; a waypoint's route; an actor's
 * incidents and routes; the claims read in a document. Every row opens its item through
 * sidebar.show-record.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-claim-row.h"
#include "atlas-details-page-private.h"
#include "atlas-format.h"
#include "atlas-number-format.h"
#include "atlas-record-row.h"
#include "atlas-route.h"

/* Degrees; about 10 m. A route "ends at" an incident when its last waypoint is this close. */
#define SAME_PLACE_EPSILON 1e-4

/* A document's page lists this many of its claims at first; "Show All" lists every one in
 * a list that makes rows as they scroll into view: a document may give 100,000. */
#define MAX_DOCUMENT_CLAIMS_SHOWN 50

/* How tall the list of all a document's claims may grow before it scrolls, in pixels. */
#define ALL_DOCUMENT_CLAIMS_HEIGHT 560

static AtlasRecord *
lookup (AtlasDetailsPage *self,
        const char       *kind,
        const char       *key)
{
  g_autofree char *cache_key = g_strconcat (kind, "\n", key, NULL);
  g_autoptr(GError) error = NULL;
  AtlasRecord *record;

  if (self->looked_up == NULL)
    self->looked_up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if ((record = g_hash_table_lookup (self->looked_up, cache_key)) != NULL)
    return record;

  record = atlas_case_lookup (self->atlas_case, kind, key, &error);
  if (record == NULL)
    {
      g_debug ("%s “%s” is not in the case: %s", kind, key, error->message);
      return NULL;
    }
  g_hash_table_insert (self->looked_up, g_steal_pointer (&cache_key), record);
  return record;
}

static const char *
self_key (AtlasDetailsPage *self)
{
  return atlas_record_get_key (self->record);
}

static GtkWidget *
new_related_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
append_related (GtkWidget   *list,
                AtlasRecord *record,
                const char  *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = atlas_record_row_new ();

  g_object_set (content, "show-arrow", TRUE, NULL);
  atlas_record_row_set_record (ATLAS_RECORD_ROW (content), record);
  if (detail != NULL)
    atlas_record_row_set_detail (ATLAS_RECORD_ROW (content), detail);
  gtk_widget_add_css_class (content, "atlas-related-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  atlas_record_row_label_container (ATLAS_RECORD_ROW (content), row);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                    atlas_record_get_kind (record),
                                    atlas_record_get_key (record));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "sidebar.show-record");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
add_list_section (AtlasDetailsPage *self,
                  const char       *title,
                  GtkWidget        *list)
{
  if (gtk_widget_get_first_child (list) == NULL)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      return;
    }
  _atlas_details_page_add_section (self, title, NULL, list);
}

static GListModel *
list_roles (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *roles = atlas_case_list_roles (self->atlas_case,
                                             atlas_record_get_kind (self->record),
                                             self_key (self), &error);

  if (roles == NULL)
    g_warning ("Could not list the roles of %s: %s", self_key (self), error->message);
  return roles;
}

static void
add_actors_involved (AtlasDetailsPage *self,
                     GListModel       *roles)
{
  GtkWidget *list = new_related_list ();

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(AtlasRecord) role = g_list_model_get_item (roles, i);
      AtlasRecord *actor = lookup (self, "actor", atlas_record_get_text (role, "actor_key"));

      if (actor != NULL)
        append_related (list, actor, atlas_record_get_text (role, "role"));
    }
  add_list_section (self, _("Actors Involved"), list);
}

/* Notes, under each other incident's key, which of this incident's actors it shares and
 * in what role: "Islamic State: claimed perpetrator". */
static void
collect_incidents_of_actor (AtlasDetailsPage *self,
                            AtlasRecord      *actor,
                            GHashTable       *details,
                            GPtrArray        *order)
{
  g_autoptr(GListModel) roles = atlas_case_list_roles_of_actor (self->atlas_case,
                                                                atlas_record_get_key (actor),
                                                                NULL);

  for (guint i = 0; roles != NULL && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(AtlasRecord) role = g_list_model_get_item (roles, i);
      const char *key = atlas_record_get_text (role, "subject_key");
      GString *detail;

      if (g_strcmp0 (atlas_record_get_text (role, "subject_kind"), "incident") != 0
          || g_strcmp0 (key, self_key (self)) == 0)
        continue;
      if ((detail = g_hash_table_lookup (details, key)) == NULL)
        {
          detail = g_string_new (NULL);
          g_hash_table_insert (details, g_strdup (key), detail);
          g_ptr_array_add (order, g_strdup (key));
        }
      else
        g_string_append (detail, "; ");
      g_string_append_printf (detail, C_("actor and role", "%s: %s"),
                              atlas_record_get_text (actor, "name"),
                              atlas_record_get_text (role, "role"));
    }
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
add_other_incidents (AtlasDetailsPage *self,
                     GListModel       *roles)
{
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         free_string);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = new_related_list ();

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(AtlasRecord) role = g_list_model_get_item (roles, i);
      const char *actor_key = atlas_record_get_text (role, "actor_key");
      AtlasRecord *actor = lookup (self, "actor", actor_key);

      if (actor != NULL && g_hash_table_add (seen, (gpointer) atlas_record_get_key (actor)))
        collect_incidents_of_actor (self, actor, details, order);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);
      AtlasRecord *incident = lookup (self, "incident", key);
      GString *detail = g_hash_table_lookup (details, key);

      if (incident != NULL)
        append_related (list, incident, detail->str);
    }
  add_list_section (self, _("Other Incidents of These Actors"), list);
}

static gboolean
route_ends_at (AtlasDetailsPage *self,
               AtlasRecord      *route,
               double            latitude,
               double            longitude)
{
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (self->atlas_case,
                                                               atlas_record_get_key (route),
                                                               NULL);
  g_autoptr(AtlasRecord) last = NULL;
  guint n = waypoints ? g_list_model_get_n_items (waypoints) : 0;

  if (n == 0)
    return FALSE;
  last = g_list_model_get_item (waypoints, n - 1);
  return fabs (atlas_record_get_double (last, "latitude") - latitude) < SAME_PLACE_EPSILON
         && fabs (atlas_record_get_double (last, "longitude") - longitude) < SAME_PLACE_EPSILON;
}

static void
add_routes_ending_here (AtlasDetailsPage *self)
{
  g_autoptr(GListModel) routes = atlas_case_list_records (self->atlas_case, ATLAS_TYPE_ROUTE,
                                                          NULL);
  double latitude = atlas_record_get_double (self->record, "latitude");
  double longitude = atlas_record_get_double (self->record, "longitude");
  GtkWidget *list = new_related_list ();

  for (guint i = 0; routes != NULL && i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(AtlasRecord) route = g_list_model_get_item (routes, i);

      if (route_ends_at (self, route, latitude, longitude))
        append_related (list, route, NULL);
    }
  add_list_section (self, _("Routes Ending Here"), list);
}

static void
add_incident_related (AtlasDetailsPage *self)
{
  g_autoptr(GListModel) roles = list_roles (self);

  if (roles != NULL)
    {
      add_actors_involved (self, roles);
      add_other_incidents (self, roles);
    }
  if (!isnan (atlas_record_get_double (self->record, "latitude")))
    add_routes_ending_here (self);
}

static void
add_route_related (AtlasDetailsPage *self)
{
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (self->atlas_case, self_key (self),
                                                               NULL);
  g_autoptr(GListModel) roles = list_roles (self);
  GtkWidget *list = new_related_list ();

  for (guint i = 0; waypoints != NULL && i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      append_related (list, waypoint, NULL);
    }
  add_list_section (self, _("Waypoints"), list);
  if (roles != NULL)
    add_actors_involved (self, roles);
}

static void
add_waypoint_related (AtlasDetailsPage *self)
{
  const char *route_key = atlas_record_get_text (self->record, "route_key");
  AtlasRecord *route = route_key ? lookup (self, "route", route_key) : NULL;
  g_autoptr(GListModel) waypoints = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *list = new_related_list ();

  if (route != NULL)
    {
      waypoints = atlas_case_list_waypoints (self->atlas_case, route_key, NULL);
      /* Translators: where a waypoint is on its route, e.g. "Stop 2 of 6" */
      detail = g_strdup_printf (_("Stop %" G_GINT64_FORMAT " of %u"),
                                atlas_record_get_int (self->record, "seq"),
                                waypoints ? g_list_model_get_n_items (waypoints) : 0);
      append_related (list, route, detail);
    }
  add_list_section (self, _("Route"), list);
}

static void
add_actor_related (AtlasDetailsPage *self)
{
  g_autoptr(GListModel) roles = atlas_case_list_roles_of_actor (self->atlas_case,
                                                                self_key (self), NULL);
  GtkWidget *incidents = new_related_list ();
  GtkWidget *routes = new_related_list ();

  for (guint i = 0; roles != NULL && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(AtlasRecord) role = g_list_model_get_item (roles, i);
      const char *kind = atlas_record_get_text (role, "subject_kind");
      AtlasRecord *subject = lookup (self, kind, atlas_record_get_text (role, "subject_key"));

      if (subject != NULL)
        append_related (g_str_equal (kind, "incident") ? incidents : routes, subject,
                        atlas_record_get_text (role, "role"));
    }
  add_list_section (self, _("Incidents"), incidents);
  add_list_section (self, _("Routes"), routes);
}

/* A claim as a document's list shows it: what it is about, the value, the paraphrase. */
static GtkWidget *
new_document_claim_row (AtlasDetailsPage *self,
                        AtlasRecord      *claim)
{
  AtlasRecord *subject = lookup (self, atlas_record_get_text (claim, "subject_kind"),
                                 atlas_record_get_text (claim, "subject_key"));
  GtkWidget *content = atlas_claim_row_new (claim, self->record, subject);

  gtk_widget_add_css_class (content, "atlas-claim-in-document");
  return content;
}

static GtkWidget *
create_claim_row_cb (gpointer item,
                     gpointer user_data)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (user_data);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = new_document_claim_row (self, ATLAS_RECORD (item));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* the claim row inside is the one Tab stop */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  atlas_claim_row_label_container (ATLAS_CLAIM_ROW (content), row);
  return row;
}

static void
bind_document_claim_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        AtlasDetailsPage         *self)
{
  gtk_list_item_set_child (list_item,
                           new_document_claim_row (self, gtk_list_item_get_item (list_item)));
  /* the claim row inside is the one Tab stop */
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
unbind_document_claim_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          AtlasDetailsPage         *self)
{
  gtk_list_item_set_child (list_item, NULL);
}

static void
show_all_document_claims_cb (GtkButton  *button,
                             GListModel *claims)
{
  AtlasDetailsPage *self = ATLAS_DETAILS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                         ATLAS_TYPE_DETAILS_PAGE));
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (claims));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_document_claim_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_document_claim_cb), self, 0);
  gtk_widget_add_css_class (list, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claims Read in This Source"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* a list view asks for little height: give it what it may have */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              ALL_DOCUMENT_CLAIMS_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  /* the first claims' list goes: the new one lists them all */
  gtk_box_remove (GTK_BOX (box), gtk_widget_get_first_child (box));
  gtk_box_prepend (GTK_BOX (box), scroller);
  gtk_widget_grab_focus (list);
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (button));
}

static GtkWidget *
new_show_all_claims_button (GListModel *claims)
{
  guint n = g_list_model_get_n_items (claims);
  g_autofree char *count = atlas_format_count (n);
  /* Translators: under a document's first claims, "Show All 2,000 Claims" */
  g_autofree char *label = g_strdup_printf (_("Show All %s Claims"), count);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "atlas-small-pill");
  g_signal_connect_data (button, "clicked", G_CALLBACK (show_all_document_claims_cb),
                         g_object_ref (claims),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return button;
}

static void
add_document_claims (AtlasDetailsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = atlas_case_list_claims_in_document (self->atlas_case,
                                                                     self_key (self), &error);
  g_autoptr(GListModel) first = NULL;
  g_autofree char *description = NULL;
  GtkWidget *box, *list;
  guint n;

  if (claims == NULL)
    {
      g_warning ("Could not list the claims of %s: %s", self_key (self), error->message);
      return;
    }
  if ((n = g_list_model_get_n_items (claims)) == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = new_related_list ();
  first = G_LIST_MODEL (gtk_slice_list_model_new (g_object_ref (claims), 0,
                                                  MAX_DOCUMENT_CLAIMS_SHOWN));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), first, create_claim_row_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), list);
  if (n > MAX_DOCUMENT_CLAIMS_SHOWN)
    gtk_box_append (GTK_BOX (box), new_show_all_claims_button (claims));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u claim, each with what it is about",
                                              "%u claims, each with what it is about", n),
                                 n);
  _atlas_details_page_add_section (self, _("Claims Read in This Source"), description, box);
}

/**
 * _atlas_details_page_add_related:
 *
 * Appends the sections of items related to the page's record.
 */
void
_atlas_details_page_add_related (AtlasDetailsPage *self)
{
  const char *kind = atlas_record_get_kind (self->record);

  if (g_str_equal (kind, "incident"))
    add_incident_related (self);
  else if (g_str_equal (kind, "route"))
    add_route_related (self);
  else if (g_str_equal (kind, "waypoint"))
    add_waypoint_related (self);
  else if (g_str_equal (kind, "actor"))
    add_actor_related (self);
  else if (g_str_equal (kind, "document"))
    add_document_claims (self);
}
