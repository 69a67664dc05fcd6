/* atlas-record-forms.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of each kind of record an analyst writes, laid out in an AtlasRecordForm: a
 * source with its Admiralty reliability grade and the reason for it; a claim with its
 * figure, source, party, locator and credibility grade; an incident with its place, its
 * precision and its dates. Also what a new record of each kind starts as.
 */

#define G_LOG_DOMAIN "atlas-forms"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-actor.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-record-forms.h"
#include "atlas-role.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

static const char *const reliability_values[] = { "A", "B", "C", "D", "E", "F", NULL };
static const char *const credibility_values[] = { "1", "2", "3", "4", "5", "6", NULL };
static const char *const qualifier_values[] = {
  "text", "exact", "approximate", "lower_bound", "upper_bound", "range", NULL
};
static const char *const precision_values[] = {
  "site", "town", "district", "province", "country", NULL
};
static const char *const actor_kind_defaults[] = {
  "person", "group", "agency", "state", NULL
};
static const char *const role_defaults[] = {
  "perpetrator", "claimant", "victim", "target", "suspect", NULL
};
static const char *const kind_defaults[] = {
  "news", "analysis", "official statement", "report", "social media", "video", NULL
};

static char **
dup_suggestions (AtlasCase          *atlas_case,
                 const char         *field,
                 const char * const *defaults)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) used = atlas_case_list_suggestions (atlas_case, field, NULL);

  if (used != NULL)
    g_strv_builder_addv (builder, (const char **) used);
  for (guint i = 0; defaults != NULL && defaults[i] != NULL; i++)
    if (used == NULL || !g_strv_contains ((const char * const *) used, defaults[i]))
      g_strv_builder_add (builder, defaults[i]);
  return g_strv_builder_end (builder);
}

/* ---- sources ------------------------------------------------------------------------ */

static void
add_source_fields (AtlasRecordForm *form,
                   AtlasCase       *atlas_case)
{
  const char *const reliability_labels[] = {
    _("A — Completely reliable"), _("B — Usually reliable"), _("C — Fairly reliable"),
    _("D — Not usually reliable"), _("E — Unreliable"), _("F — Reliability cannot be judged"),
    NULL
  };
  g_auto(GStrv) kinds = dup_suggestions (atlas_case, "doc_kind", kind_defaults);

  atlas_record_form_add_group (form, _("Source"));
  atlas_record_form_add_text (form, "title", _("Title"), TRUE);
  atlas_record_form_add_text (form, "publisher", _("Publisher"), FALSE);
  atlas_record_form_add_text (form, "author", _("Author"), FALSE);
  atlas_record_form_add_url (form, "url", _("Link"));
  atlas_record_form_add_date (form, "published", NULL, _("Published"));
  atlas_record_form_add_date (form, "accessed", NULL, _("Accessed"));
  atlas_record_form_add_suggest (form, "doc_kind", _("Kind"), (const char * const *) kinds,
                                 TRUE);
  atlas_record_form_add_text (form, "language", _("Language"), FALSE);

  atlas_record_form_add_group (form, _("Reliability"));
  atlas_record_form_add_choice (form, "reliability", _("Admiralty Grade"), reliability_values,
                                reliability_labels);
  atlas_record_form_add_long_text (form, "reliability_note", _("Why This Grade"));
}

AtlasRecord *
atlas_record_forms_new_source (AtlasCase *atlas_case)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "source");
  AtlasDocument *source = atlas_document_new (key);

  atlas_document_set_reliability (source, "F");
  atlas_document_set_doc_kind (source, "news");
  return ATLAS_RECORD (source);
}

/* ---- claims ------------------------------------------------------------------------- */

/* A claim needs its source; a figure must say what kind it is, and a range needs both its
 * ends. */
static char *
check_claim (AtlasRecord *claim)
{
  const char *document_key = atlas_record_get_text (claim, "document_key");

  const char *qualifier = atlas_record_get_text (claim, "qualifier");
  double number = atlas_record_get_double (claim, "value_number");
  double min = atlas_record_get_double (claim, "value_min");
  double max = atlas_record_get_double (claim, "value_max");

  if (document_key == NULL || *document_key == '\0')
    return g_strdup (_("Choose the source the claim was read in, or add one with New Source…"));
  if (g_strcmp0 (qualifier, "range") == 0)
    {
      if (isnan (min) || isnan (max))
        return g_strdup (_("A range needs its lowest and its highest figure"));
      if (min > max)
        return g_strdup (_("The lowest figure of the range is above the highest"));
      return NULL;
    }
  if (g_strcmp0 (qualifier, "text") == 0)
    return !isnan (number) || !isnan (min) || !isnan (max)
           ? g_strdup (_("Choose how the figure is given, or leave the figures empty"))
           : NULL;
  if (isnan (number))
    return g_strdup (_("Give the figure, or choose “No figure”"));
  if (!isnan (min) || !isnan (max))
    return g_strdup (_("Lowest and highest figures are for a range"));
  return NULL;
}

/* The case's sources as a choice: keys and "title (grade)"; a case with none yet offers an
 * empty choice that the claim's check refuses. */
static void
list_sources (AtlasCase  *atlas_case,
              char     ***keys,
              char     ***titles)
{
  g_autoptr(GListModel) documents = atlas_case_list_records (atlas_case, ATLAS_TYPE_DOCUMENT,
                                                             NULL);
  g_autoptr(GStrvBuilder) key_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) title_builder = g_strv_builder_new ();
  guint n = documents ? g_list_model_get_n_items (documents) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) document = g_list_model_get_item (documents, i);
      g_autofree char *title = g_strdup_printf ("%s (%s)", atlas_record_get_text (document, "title"),
                                                atlas_record_get_text (document, "reliability"));

      g_strv_builder_add (key_builder, atlas_record_get_key (document));
      g_strv_builder_add (title_builder, title);
    }
  if (n == 0)
    {
      g_strv_builder_add (key_builder, "");
      g_strv_builder_add (title_builder, _("None yet: add one"));
    }
  *keys = g_strv_builder_end (key_builder);
  *titles = g_strv_builder_end (title_builder);
}

static void
add_document_choice (AtlasRecordForm *form,
                     AtlasCase       *atlas_case)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) titles = NULL;

  list_sources (atlas_case, &keys, &titles);
  atlas_record_form_add_choice (form, "document_key", _("Source"), (const char * const *) keys,
                                (const char * const *) titles);
}

/**
 * atlas_record_forms_update_sources:
 * @selected: (nullable): the key of the source to select, such as one just added
 *
 * Lists the case's sources again in a claim's form.
 */
void
atlas_record_forms_update_sources (AtlasRecordForm *form,
                                   AtlasCase       *atlas_case,
                                   const char      *selected)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) titles = NULL;

  list_sources (atlas_case, &keys, &titles);
  atlas_record_form_set_choices (form, "document_key", (const char * const *) keys,
                                 (const char * const *) titles, selected);
}

static void
add_claim_fields (AtlasRecordForm *form,
                  AtlasCase       *atlas_case)
{
  const char *const qualifier_labels[] = {
    _("No figure"), _("Exactly"), _("About"), _("At least"), _("At most"), _("Between"), NULL
  };
  const char *const credibility_labels[] = {
    _("1 — Confirmed by other sources"), _("2 — Probably true"), _("3 — Possibly true"),
    _("4 — Doubtful"), _("5 — Improbable"), _("6 — Truth cannot be judged"), NULL
  };
  g_auto(GStrv) attributes = dup_suggestions (atlas_case, "attribute", NULL);
  g_auto(GStrv) parties = dup_suggestions (atlas_case, "attributed_to", NULL);

  atlas_record_form_add_group (form, _("Claim"));
  atlas_record_form_add_suggest (form, "attribute", _("Attribute"),
                                 (const char * const *) attributes, TRUE);
  atlas_record_form_add_text (form, "value_text", _("Value, as the Source Gives It"), TRUE);

  atlas_record_form_add_group (form, _("Figure"));
  atlas_record_form_add_choice (form, "qualifier", _("Figure Given"), qualifier_values,
                                qualifier_labels);
  atlas_record_form_add_number (form, "value_number", _("Figure"), -1e15, 1e15, FALSE);
  atlas_record_form_add_number (form, "value_min", _("Lowest"), -1e15, 1e15, FALSE);
  atlas_record_form_add_number (form, "value_max", _("Highest"), -1e15, 1e15, FALSE);

  atlas_record_form_add_group (form, _("Where It Was Read"));
  add_document_choice (form, atlas_case);
  atlas_record_form_add_suggest (form, "attributed_to", _("Attributed To"),
                                 (const char * const *) parties, FALSE);
  atlas_record_form_add_text (form, "locator", _("Locator (Page, Paragraph, Time)"), FALSE);
  atlas_record_form_add_long_text (form, "paraphrase", _("Quote or Paraphrase"));

  atlas_record_form_add_group (form, _("Credibility"));
  atlas_record_form_add_choice (form, "credibility", _("Credibility Grade"), credibility_values,
                                credibility_labels);
  atlas_record_form_add_long_text (form, "credibility_note", _("Why This Grade"));
  atlas_record_form_set_check_func (form, check_claim);
}

AtlasRecord *
atlas_record_forms_new_claim (AtlasCase  *atlas_case,
                              const char *subject_kind,
                              const char *subject_key)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "claim");
  AtlasClaim *claim = atlas_claim_new (key);

  atlas_claim_set_subject_kind (claim, subject_kind);
  atlas_claim_set_subject_key (claim, subject_key);
  atlas_claim_set_qualifier (claim, "text");
  atlas_claim_set_credibility (claim, 6);
  return ATLAS_RECORD (claim);
}

/* ---- incidents ---------------------------------------------------------------------- */

static void
add_incident_fields (AtlasRecordForm *form,
                     AtlasCase       *atlas_case)
{
  const char *const precision_labels[] = {
    _("Exact site"), _("Town"), _("District"), _("Province"), _("Country"), NULL
  };
  g_auto(GStrv) categories = dup_suggestions (atlas_case, "category", NULL);

  atlas_record_form_add_group (form, _("Incident"));
  atlas_record_form_add_text (form, "title", _("Title"), TRUE);
  atlas_record_form_add_suggest (form, "category", _("Category"),
                                 (const char * const *) categories, TRUE);
  atlas_record_form_add_date (form, "start_time", "start_precision", _("Began"));
  atlas_record_form_add_date (form, "end_time", "end_precision", _("Ended"));
  atlas_record_form_add_long_text (form, "summary", _("Summary"));

  atlas_record_form_add_group (form, _("Place"));
  atlas_record_form_add_text (form, "place", _("Place"), FALSE);
  atlas_record_form_add_text (form, "admin_area", _("Province or District"), FALSE);
  atlas_record_form_add_text (form, "country", _("Country"), FALSE);
  atlas_record_form_add_number (form, "latitude", _("Latitude"), -90, 90, TRUE);
  atlas_record_form_add_number (form, "longitude", _("Longitude"), -180, 180, TRUE);
  atlas_record_form_add_choice (form, "location_precision", _("Location Known To"),
                                precision_values, precision_labels);
  atlas_record_form_add_text (form, "location_source", _("Where the Location Comes From"),
                              FALSE);
}

AtlasRecord *
atlas_record_forms_new_incident (AtlasCase *atlas_case,
                                 double     latitude,
                                 double     longitude)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "incident");
  AtlasIncident *incident = atlas_incident_new (key);

  atlas_incident_set_latitude (incident, latitude);
  atlas_incident_set_longitude (incident, longitude);
  atlas_incident_set_location_precision (incident, "site");
  return ATLAS_RECORD (incident);
}

/* ---- actors and their roles --------------------------------------------------------- */

static void
add_actor_fields (AtlasRecordForm *form,
                  AtlasCase       *atlas_case)
{
  g_auto(GStrv) kinds = dup_suggestions (atlas_case, "actor_kind", actor_kind_defaults);

  atlas_record_form_add_group (form, _("Actor"));
  atlas_record_form_add_text (form, "name", _("Name"), TRUE);
  atlas_record_form_add_suggest (form, "actor_kind", _("Kind"), (const char * const *) kinds,
                                 TRUE);
  atlas_record_form_add_text (form, "aliases", _("Other Names, Separated by Commas"), FALSE);
  atlas_record_form_add_long_text (form, "summary", _("Summary"));
}

AtlasRecord *
atlas_record_forms_new_actor (AtlasCase *atlas_case)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "actor");
  AtlasActor *actor = atlas_actor_new (key);

  atlas_actor_set_actor_kind (actor, "group");
  return ATLAS_RECORD (actor);
}

static void
add_role_fields (AtlasRecordForm *form,
                 AtlasCase       *atlas_case)
{
  g_autoptr(GListModel) actors = atlas_case_list_records (atlas_case, ATLAS_TYPE_ACTOR, NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) key_list = NULL;
  g_auto(GStrv) name_list = NULL;
  g_auto(GStrv) roles = dup_suggestions (atlas_case, "role", role_defaults);

  for (guint i = 0; actors != NULL && i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AtlasRecord) actor = g_list_model_get_item (actors, i);

      g_strv_builder_add (keys, atlas_record_get_key (actor));
      g_strv_builder_add (names, atlas_record_get_text (actor, "name"));
    }
  key_list = g_strv_builder_end (keys);
  name_list = g_strv_builder_end (names);

  atlas_record_form_add_group (form, _("Role"));
  if (key_list[0] != NULL)
    atlas_record_form_add_choice (form, "actor_key", _("Actor"), (const char * const *) key_list,
                                  (const char * const *) name_list);
  else
    /* no actor yet: the form says one is needed */
    atlas_record_form_add_text (form, "actor_key", _("Actor (add one first)"), TRUE);
  atlas_record_form_add_suggest (form, "role", _("Role"), (const char * const *) roles, TRUE);
}

AtlasRecord *
atlas_record_forms_new_role (AtlasCase  *atlas_case,
                             const char *subject_kind,
                             const char *subject_key)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "role");
  AtlasRecord *role = ATLAS_RECORD (atlas_role_new (key));

  atlas_record_set_text (role, "subject_kind", subject_kind);
  atlas_record_set_text (role, "subject_key", subject_key);
  return role;
}

/* ---- routes and their stops --------------------------------------------------------- */

static const char *const status_values[] = { "reported", "alleged", "contested", NULL };

static void
add_route_fields (AtlasRecordForm *form,
                  AtlasCase       *atlas_case)
{
  const char *const status_labels[] = {
    _("Reported: not disputed"), _("Alleged: one party's account"),
    _("Contested: accounts disagree"), NULL
  };

  atlas_record_form_add_group (form, _("Route"));
  atlas_record_form_add_text (form, "name", _("Name"), TRUE);
  atlas_record_form_add_choice (form, "status", _("Status"), status_values, status_labels);
  atlas_record_form_add_long_text (form, "summary", _("Summary"));
}

AtlasRecord *
atlas_record_forms_new_route (AtlasCase *atlas_case)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "route");
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new (key));

  /* an account is someone's until the sources agree on it */
  atlas_record_set_text (route, "status", "alleged");
  return route;
}

static void
add_stop_fields (AtlasRecordForm *form,
                 AtlasCase       *atlas_case)
{
  const char *const precision_labels[] = {
    _("Exact site"), _("Town"), _("District"), _("Province"), _("Country"), NULL
  };

  atlas_record_form_add_group (form, _("Stop"));
  atlas_record_form_add_text (form, "place", _("Place"), TRUE);
  atlas_record_form_add_text (form, "admin_area", _("Province or District"), FALSE);
  atlas_record_form_add_text (form, "country", _("Country"), FALSE);
  atlas_record_form_add_date (form, "date", "date_precision", _("Date"));
  atlas_record_form_add_number (form, "latitude", _("Latitude"), -90, 90, TRUE);
  atlas_record_form_add_number (form, "longitude", _("Longitude"), -180, 180, TRUE);
  atlas_record_form_add_choice (form, "location_precision", _("Location Known To"),
                                precision_values, precision_labels);
  atlas_record_form_add_text (form, "location_source", _("Where the Location Comes From"),
                              FALSE);
}

/* A stop added at the end of @route_key. */
AtlasRecord *
atlas_record_forms_new_stop (AtlasCase  *atlas_case,
                             const char *route_key,
                             double      latitude,
                             double      longitude)
{
  g_autofree char *key = atlas_case_new_key (atlas_case, "waypoint");
  AtlasRecord *stop = ATLAS_RECORD (atlas_waypoint_new (key));

  atlas_record_set_text (stop, "route_key", route_key);
  atlas_record_set_int (stop, "seq", atlas_case_next_stop_order (atlas_case, route_key));
  atlas_record_set_double (stop, "latitude", latitude);
  atlas_record_set_double (stop, "longitude", longitude);
  atlas_record_set_text (stop, "location_precision", "town");
  return stop;
}

/**
 * atlas_record_forms_new_for:
 * @before: (nullable): the record to correct
 * @blank: (nullable): a new record, when @before is %NULL
 *
 * Returns: (transfer floating) (nullable): the form for the kind of record, or %NULL for a
 *   kind the app cannot edit yet
 */
AtlasRecordForm *
atlas_record_forms_new_for (GtkWindow   *parent,
                            AtlasCase   *atlas_case,
                            AtlasRecord *before,
                            AtlasRecord *blank)
{
  static const struct {
    const char *kind;
    const char *edit_title;
    const char *new_title;
    void      (*add_fields) (AtlasRecordForm *form,
                             AtlasCase       *atlas_case);
  } kinds[] = {
    { "document", N_("Edit Source"), N_("New Source"), add_source_fields },
    { "claim", N_("Edit Claim"), N_("New Claim"), add_claim_fields },
    { "incident", N_("Edit Incident"), N_("New Incident"), add_incident_fields },
    { "actor", N_("Edit Actor"), N_("New Actor"), add_actor_fields },
    { "route", N_("Edit Route"), N_("New Route"), add_route_fields },
    { "waypoint", N_("Edit Stop"), N_("New Stop"), add_stop_fields },
    { "role", N_("Edit Role"), N_("New Role"), add_role_fields },
  };
  const char *kind = atlas_record_get_kind (before ? before : blank);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      {
        AtlasRecordForm *form = atlas_record_form_new (parent, before ? _(kinds[i].edit_title)
                                                                      : _(kinds[i].new_title),
                                                       before, blank);

        kinds[i].add_fields (form, atlas_case);
        return form;
      }
  return NULL;
}
