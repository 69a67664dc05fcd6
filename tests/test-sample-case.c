/* test-sample-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled Kerman case, as built: the disagreements of its sources are kept side by
 * side, the route is in order, and every claim names its document. It says exactly what
 * its sources say (issue 15): allegations are drawn as allegations, places at the
 * precision the sources support, the accounts of who carried out the attack are one
 * contested attribute, every grade has its reason, and every briefing step that gives a
 * figure or an account names who gives it.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-briefing-step.h"
#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-geo.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

static AtlasCase *sample;

#define KERMAN "inc-kerman-2024"
/* GeoNames' point for Tehran, which the city's incidents used to share */
#define TEHRAN_LAT 35.69439
#define TEHRAN_LON 51.42151

static AtlasRecord *
nth_record (GListModel *model,
            guint       position)
{
  g_autoptr(AtlasRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return record;
}

static void
test_sample_opens_read_only (void)
{
  AtlasCaseCounts counts;

  g_assert_true (atlas_case_get_read_only (sample));
  g_assert_nonnull (g_strstr_len (atlas_case_get_title (sample), -1, "Kerman"));
  atlas_case_get_counts (sample, &counts);
  g_assert_cmpuint (counts.documents, ==, 3);
  g_assert_cmpuint (counts.incidents, >=, 5);
  g_assert_cmpuint (counts.routes, ==, 2);
  g_assert_cmpuint (counts.briefing_steps, >=, 10);
}

static void
test_death_toll_kept_side_by_side (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) deaths = NULL;
  g_auto(GStrv) contested = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean saw[3] = { FALSE, FALSE, FALSE };

  deaths = atlas_case_list_claims (sample, "incident", "inc-kerman-2024", "deaths", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deaths), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      AtlasRecord *claim = nth_record (deaths, i);
      double number = atlas_record_get_double (claim, "value_number");

      /* "nearly 100" is a bound from above, not about 100 */
      saw[0] |= number == 100 && g_str_equal (atlas_record_get_text (claim, "qualifier"),
                                              "upper_bound")
                && atlas_record_get_double (claim, "value_max") <= 100;
      saw[1] |= number == 84;
      saw[2] |= number == 89;
      g_hash_table_add (documents, (gpointer) atlas_record_get_text (claim, "document_key"));
    }
  g_assert_true (saw[0] && saw[1] && saw[2]);
  /* three figures, three documents */
  g_assert_cmpuint (g_hash_table_size (documents), ==, 3);

  contested = atlas_case_list_contested_attributes (sample, "incident", "inc-kerman-2024", NULL);
  g_assert_true (g_strv_contains ((const char * const *) contested, "deaths"));
  g_assert_false (g_strv_contains ((const char * const *) contested, "injuries"));
}

static void
test_route_in_order (void)
{
  const char *expected[] = { "Badakhshan", "Jaliq", "Khash", "Iranshahr", "Jiroft", "Kerman" };
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(AtlasRecord) contested = NULL;

  waypoints = atlas_case_list_waypoints (sample, "route-badakhshan-kerman", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (g_strstr_len (atlas_record_get_text (nth_record (waypoints, i), "place"),
                                    -1, expected[i]));

  contested = atlas_case_lookup (sample, "route", "route-tajikistan-pakistan", NULL);
  g_assert_nonnull (contested);
  g_assert_cmpstr (atlas_record_get_text (contested, "status"), ==, "contested");
}

/* Both routes are one party's account: the ministry's is alleged (the report calls it
 * "Iran's assertion"), the other stays contested; neither is drawn as reported. */
static void
test_route_statuses (void)
{
  g_autoptr(AtlasRecord) ministry = atlas_case_lookup (sample, "route", "route-badakhshan-kerman",
                                                       NULL);
  g_autoptr(AtlasRecord) other = atlas_case_lookup (sample, "route", "route-tajikistan-pakistan",
                                                    NULL);

  g_assert_cmpstr (atlas_record_get_text (ministry, "status"), ==, "alleged");
  g_assert_cmpstr (atlas_record_get_text (other, "status"), ==, "contested");
}

static AtlasRecord *
lookup (const char *kind,
        const char *key)
{
  AtlasRecord *record = atlas_case_lookup (sample, kind, key, NULL);

  g_assert_nonnull (record);
  return record;
}

static double
distance_to_tehran (AtlasRecord *record)
{
  return atlas_geo_distance_km (atlas_record_get_double (record, "latitude"),
                                atlas_record_get_double (record, "longitude"),
                                TEHRAN_LAT, TEHRAN_LON);
}

/* The competing account says only that the attacker entered Iran from Pakistan: the stop is
 * on the Iran–Pakistan border, no finer than a province, says why it is there, and its
 * leg to Kerman stays in Iran (it was drawn at Islamabad, across Afghanistan). */
static void
test_pakistan_entry_on_border (void)
{
  g_autoptr(AtlasRecord) entry = lookup ("waypoint", "wp-alt-pakistan");
  g_autoptr(AtlasRecord) kerman = lookup ("waypoint", "wp-alt-kerman");
  const char *precision = atlas_record_get_text (entry, "location_precision");
  double lat = atlas_record_get_double (entry, "latitude");
  double lon = atlas_record_get_double (entry, "longitude");

  g_assert_true (g_str_equal (precision, "province") || g_str_equal (precision, "country"));
  /* the border runs from Gwadar Bay (25.2 N 61.6 E) to the tripoint (29.9 N 60.9 E), never
   * east of 63.3 E */
  g_assert_cmpfloat (lat, >, 25.1);
  g_assert_cmpfloat (lat, <, 29.9);
  g_assert_cmpfloat (lon, >, 60.8);
  g_assert_cmpfloat (lon, <, 63.4);
  g_assert_nonnull (strstr (atlas_record_get_text (entry, "location_source"), "border"));
  g_assert_cmpstr (atlas_record_get_text (entry, "date"), ==, "2023-12-13");
  g_assert_cmpfloat (atlas_geo_distance_km (lat, lon,
                                            atlas_record_get_double (kerman, "latitude"),
                                            atlas_record_get_double (kerman, "longitude")),
                     <, 700);
}

/* Khomeini's mausoleum is about 17 km south of Tehran's city point; "western Tehran" is a
 * district, west of the centre. */
static void
test_tehran_places (void)
{
  g_autoptr(AtlasRecord) mausoleum = lookup ("incident", "inc-tehran-2017-mausoleum");
  g_autoptr(AtlasRecord) appeal = lookup ("incident", "inc-panjshiri-appeal");

  g_assert_cmpfloat (distance_to_tehran (mausoleum), >, 14);
  g_assert_cmpfloat (distance_to_tehran (mausoleum), <, 20);
  g_assert_cmpfloat (atlas_record_get_double (mausoleum, "latitude"), <, TEHRAN_LAT - 0.1);
  g_assert_cmpstr (atlas_record_get_text (mausoleum, "location_precision"), !=, "town");

  g_assert_cmpstr (atlas_record_get_text (appeal, "location_precision"), ==, "district");
  g_assert_cmpfloat (atlas_record_get_double (appeal, "longitude"), <, TEHRAN_LON - 0.05);
  g_assert_cmpfloat (distance_to_tehran (appeal), <, 20);
}

/* No date the sources do not give: the ministry's route has no date at all, so its last
 * stop has no arrival date; dates the case works out say they are inferred. */
static void
test_no_invented_dates (void)
{
  const char *inferred[] = { "cl-kerman-moi-tajik-d2", "cl-moi-tajik-actor-d2",
                             "cl-tajiki-exit-d2", "cl-kerman-border-plan-d2" };
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (sample, "route-badakhshan-kerman",
                                                               NULL);

  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    g_assert_null (atlas_record_get_text (nth_record (waypoints, i), "date"));

  for (guint i = 0; i < G_N_ELEMENTS (inferred); i++)
    {
      g_autoptr(AtlasRecord) claim = lookup ("claim", inferred[i]);

      g_test_message ("%s: %s", inferred[i], atlas_record_get_text (claim, "value_text"));
      g_assert_nonnull (strstr (atlas_record_get_text (claim, "value_text"), "inferred"));
    }
}

static gboolean
list_has_claim (GListModel *claims,
                const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    if (g_str_equal (atlas_record_get_key (nth_record (claims, i)), key))
      return TRUE;
  return FALSE;
}

static gboolean
has_relation (const char *claim_key,
              const char *relation,
              const char *other_key)
{
  g_autoptr(GListModel) relations = atlas_case_list_relations (sample, claim_key, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      AtlasRecord *record = nth_record (relations, i);

      if (g_str_equal (atlas_record_get_text (record, "claim_key"), claim_key)
          && g_str_equal (atlas_record_get_text (record, "relation"), relation)
          && g_str_equal (atlas_record_get_text (record, "other_key"), other_key))
        return TRUE;
    }
  return FALSE;
}

/* Every account of who carried out the attack is on one attribute of the incident, which is
 * contested because accounts contradict each other; the analysis report's intercepts
 * repeat Reuters rather than corroborate it. */
static void
test_perpetrator_accounts (void)
{
  const char *accounts[] = {
    "cl-kerman-claim-d0", "cl-kerman-claim-d1", "cl-kerman-claim-d2", "cl-kerman-no-iskp-d0",
    "cl-kerman-kirby-d1", "cl-kerman-intercepts-d0", "cl-kerman-intercepts-d2",
    "cl-kerman-moi-iskp-d2", "cl-us-suspicion-d1", "cl-mersaad-blame-d2",
    "cl-muslimdost-views-d2", "cl-kerman-us-denial-d0",
  };
  const char *old_attributes[] = { "responsibility-claim", "intercepts", "assessment", "denial" };
  g_autoptr(GListModel) claims = atlas_case_list_claims (sample, "incident", KERMAN,
                                                         "perpetrator", NULL);
  g_auto(GStrv) contested = atlas_case_list_contested_attributes (sample, "incident", KERMAN,
                                                                  NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_test_message ("account %s", accounts[i]);
      g_assert_true (list_has_claim (claims, accounts[i]));
    }
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    g_hash_table_add (documents, (gpointer) atlas_record_get_text (nth_record (claims, i),
                                                                   "document_key"));
  g_assert_cmpuint (g_hash_table_size (documents), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) contested, "perpetrator"));

  /* no account left on an attribute of its own, nor on the actors */
  for (guint i = 0; i < G_N_ELEMENTS (old_attributes); i++)
    {
      g_autoptr(GListModel) stray = atlas_case_list_claims (sample, "incident", KERMAN,
                                                            old_attributes[i], NULL);

      g_assert_cmpuint (g_list_model_get_n_items (stray), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(AtlasRecord) claim = lookup ("claim", accounts[i]);

      g_assert_cmpstr (atlas_record_get_text (claim, "subject_key"), ==, KERMAN);
    }

  g_assert_true (has_relation ("cl-kerman-intercepts-d2", "repeats", "cl-kerman-intercepts-d0"));
  g_assert_false (has_relation ("cl-kerman-intercepts-d2", "corroborates",
                                "cl-kerman-intercepts-d0"));
  g_assert_true (has_relation ("cl-kerman-kirby-d1", "contradicts", "cl-kerman-no-iskp-d0"));
  g_assert_true (has_relation ("cl-mersaad-blame-d2", "contradicts", "cl-kerman-us-denial-d0"));
  g_assert_true (has_relation ("cl-muslimdost-views-d2", "contradicts",
                               "cl-kerman-moi-iskp-d2"));
  g_assert_true (has_relation ("cl-kerman-arrest-denial-d2", "contradicts",
                               "cl-kerman-arrests-d2"));
}

/* Every document grade and every claim grade says why it was given. */
static void
test_every_grade_has_a_reason (void)
{
  g_autoptr(GListModel) documents = atlas_case_list_records (sample, ATLAS_TYPE_DOCUMENT, NULL);
  g_autoptr(GListModel) claims = atlas_case_list_records (sample, ATLAS_TYPE_CLAIM, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      const char *note = atlas_record_get_text (nth_record (documents, i), "reliability_note");

      g_assert_true (note != NULL && strlen (note) > 20);
    }
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      AtlasRecord *claim = nth_record (claims, i);
      const char *note = atlas_record_get_text (claim, "credibility_note");

      if (note == NULL || strlen (note) <= 20)
        g_error ("%s has no reason for its grade", atlas_record_get_key (claim));
    }
}

static gint64
credibility (const char *claim_key)
{
  g_autoptr(AtlasRecord) claim = lookup ("claim", claim_key);

  return atlas_record_get_int (claim, "credibility");
}

/* Grades that must agree: the same official's figure in two documents, a conclusion and the
 * material it rests on (a higher number is a weaker grade), two accounts the report hedges
 * alike, and a repeat graded as what it repeats. */
static void
test_grades_consistent (void)
{
  g_assert_cmpint (credibility ("cl-kerman-deaths-d1"), ==, credibility ("cl-kerman-deaths-d2"));
  g_assert_cmpint (credibility ("cl-kerman-injuries-d1"), ==,
                   credibility ("cl-kerman-injuries-d2"));
  g_assert_cmpint (credibility ("cl-kerman-moi-iskp-d2"), >=, credibility ("cl-israeli-id-d2"));
  g_assert_cmpint (credibility ("cl-kerman-intercepts-d0"), >=,
                   credibility ("cl-us-intercepts-detail-d0"));
  g_assert_cmpint (credibility ("cl-kerman-intercepts-d2"), ==,
                   credibility ("cl-kerman-intercepts-d0"));
  g_assert_cmpint (credibility ("cl-route-reported-d2"), ==, credibility ("cl-alt-route-d2"));
  /* a 2014 assessment of a branch founded in 2015 is doubtful, not beyond judging */
  g_assert_cmpint (credibility ("cl-iskp-2014-d0"), >=, 4);
  g_assert_cmpint (credibility ("cl-iskp-2014-d0"), <=, 5);
}

static void
assert_text_free_of (const char *key,
                     const char *text,
                     const char *const *words)
{
  g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

  for (guint i = 0; folded != NULL && words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      g_error ("%s says “%s”, which its source does not", key, words[i]);
}

/* Paraphrases that went beyond their sentence, and facts stated as the case's own that
 * the sources attribute. */
static void
test_no_overstatement (void)
{
  static const char *const overstated[] = {
    "from the start", "no reason to doubt", "fairly clear", "gunman", "explains", NULL,
  };
  g_autoptr(GListModel) claims = atlas_case_list_records (sample, ATLAS_TYPE_CLAIM, NULL);
  g_autoptr(GListModel) incidents = atlas_case_list_records (sample, ATLAS_TYPE_INCIDENT, NULL);
  g_autoptr(AtlasRecord) kerman = lookup ("incident", KERMAN);
  g_autoptr(AtlasRecord) history = lookup ("claim", "cl-panjshiri-history-d2");
  g_autoptr(AtlasRecord) context = lookup ("claim", "cl-wp-badakhshan-context-d2");
  const char *summary = atlas_record_get_text (kerman, "summary");

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      AtlasRecord *claim = nth_record (claims, i);

      assert_text_free_of (atlas_record_get_key (claim),
                           atlas_record_get_text (claim, "value_text"), overstated);
      assert_text_free_of (atlas_record_get_key (claim),
                           atlas_record_get_text (claim, "paraphrase"), overstated);
    }
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      AtlasRecord *incident = nth_record (incidents, i);

      assert_text_free_of (atlas_record_get_key (incident),
                           atlas_record_get_text (incident, "summary"), overstated);
    }

  /* the summary gives the intercepts and the injured as what someone said */
  g_assert_nonnull (strstr (summary, "two sources"));
  g_assert_nonnull (strstr (summary, "Vahidi"));
  g_assert_nonnull (strstr (summary, "284 injured to him"));
  /* the ISKP command rests on his confession; the camps were "primarily" elsewhere */
  g_assert_nonnull (strstr (atlas_record_get_text (history, "value_text"), "confessed"));
  g_assert_nonnull (strstr (atlas_record_get_text (context, "value_text"), "mainly"));
}

/* Material in the sources that the case once left out. */
static void
test_missing_material_added (void)
{
  const char *dates[] = { "December", "1 January", "6 January", "8 January" };
  g_autoptr(GListModel) posters = atlas_case_list_claims (sample, "actor", "actor-iskp",
                                                          "propaganda", NULL);
  g_autoptr(GListModel) conclusions = atlas_case_list_claims (sample, "incident", KERMAN,
                                                              "report-conclusion", NULL);
  g_autoptr(GListModel) audio = atlas_case_list_claims (sample, "actor", "actor-abu-hudhayfah",
                                                        "audio-statement", NULL);
  g_autoptr(AtlasRecord) no_comment = lookup ("claim", "cl-kerman-iran-no-comment-d1");

  g_assert_cmpuint (g_list_model_get_n_items (posters), ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (posters); j++)
        found |= g_str_has_prefix (atlas_record_get_text (nth_record (posters, j), "value_text"),
                                   dates[i]);
      g_assert_true (found);
    }
  g_assert_cmpuint (g_list_model_get_n_items (conclusions), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (audio), ==, 1);
  g_assert_nonnull (strstr (atlas_record_get_text (nth_record (audio, 0), "value_text"),
                            "4 January 2024"));
  g_assert_cmpstr (atlas_record_get_text (no_comment, "subject_key"), ==, KERMAN);
}

/* Who a caption may name as saying so: the documents and the parties they quote. */
static const char *const speakers[] = {
  "Reuters", "NewsNation", "analysis report", "documents", "ministry", "Ministry",
  "Islamic State", "Al Mersaad", "Muslimdost", "Al Naba", "IRNA", "Kirby", "Vahidi",
  "State Department", NULL,
};

static gboolean
names_a_speaker (const char *caption)
{
  for (guint i = 0; speakers[i] != NULL; i++)
    if (strstr (caption, speakers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
step_has_attributed_claim (AtlasRecord *step)
{
  g_auto(GStrv) keys = g_strsplit (atlas_record_get_text (step, "claim_keys"), " ", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(AtlasRecord) claim = atlas_case_lookup (sample, "claim", keys[i], NULL);
      const char *attributed_to = claim ? atlas_record_get_text (claim, "attributed_to") : NULL;

      if (attributed_to != NULL && *attributed_to != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Each step is a page of its own when exported, so each that gives a figure or an account
 * names who says so; the briefing gives the accounts that do not point to the Islamic State
 * and the denial of the arrests. */
static void
test_briefing_names_who_says_so (void)
{
  g_autoptr(GListModel) steps = atlas_case_list_records (sample, ATLAS_TYPE_BRIEFING_STEP, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean denial_shown = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      AtlasRecord *step = nth_record (steps, i);
      const char *caption = atlas_record_get_text (step, "caption");

      g_test_message ("step %u: %s", i + 1, caption);
      if (strpbrk (caption, "0123456789") != NULL || step_has_attributed_claim (step))
        g_assert_true (names_a_speaker (caption));
      /* a government's assertion is not a confirmation */
      g_assert_null (strstr (caption, "confirms"));
      denial_shown |= strstr (atlas_record_get_text (step, "claim_keys"),
                              "cl-kerman-arrest-denial-d2") != NULL;
      g_string_append (all, caption);
    }
  g_assert_true (denial_shown);
  g_assert_nonnull (strstr (all->str, "denies"));
  g_assert_nonnull (strstr (all->str, "Al Mersaad, the analysis report says, blamed"));
  g_assert_nonnull (strstr (all->str, "Muslimdost wrote"));
  /* another outlet named the bomber's nationality before the ministry */
  g_assert_nonnull (strstr (all->str, "Al Mersaad says the attackers were Tajik"));
}

static void
test_earlier_attacks (void)
{
  const char *keys[] = { "inc-tehran-2017-parliament", "inc-tehran-2017-mausoleum",
                         "inc-ahvaz-2018", "inc-shiraz-2022" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(AtlasRecord) incident = atlas_case_lookup (sample, "incident", keys[i], NULL);
      g_autoptr(GListModel) claims = atlas_case_list_claims (sample, "incident", keys[i], NULL,
                                                             NULL);

      g_assert_nonnull (incident);
      g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
    }
}

/* Where a place is known only to the town or province, the case says so. */
static void
test_location_precision_honest (void)
{
  g_autoptr(GListModel) incidents = atlas_case_list_records (sample, ATLAS_TYPE_INCIDENT, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (incidents), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      AtlasRecord *incident = nth_record (incidents, i);

      g_assert_cmpstr (atlas_record_get_text (incident, "location_precision"), !=, "site");
      g_assert_nonnull (atlas_record_get_text (incident, "location_source"));
    }
}

static void
test_search_finds_claims (void)
{
  g_autoptr(GListModel) results = atlas_case_search (sample, "Vahidi", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  sample = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/sample/opens-read-only", test_sample_opens_read_only);
  g_test_add_func ("/atlas/sample/death-toll-side-by-side", test_death_toll_kept_side_by_side);
  g_test_add_func ("/atlas/sample/route-in-order", test_route_in_order);
  g_test_add_func ("/atlas/sample/earlier-attacks", test_earlier_attacks);
  g_test_add_func ("/atlas/sample/location-precision", test_location_precision_honest);
  g_test_add_func ("/atlas/sample/search-finds-claims", test_search_finds_claims);
  g_test_add_func ("/atlas/sample/route-statuses", test_route_statuses);
  g_test_add_func ("/atlas/sample/pakistan-entry-on-border", test_pakistan_entry_on_border);
  g_test_add_func ("/atlas/sample/tehran-places", test_tehran_places);
  g_test_add_func ("/atlas/sample/no-invented-dates", test_no_invented_dates);
  g_test_add_func ("/atlas/sample/perpetrator-accounts", test_perpetrator_accounts);
  g_test_add_func ("/atlas/sample/every-grade-has-a-reason", test_every_grade_has_a_reason);
  g_test_add_func ("/atlas/sample/grades-consistent", test_grades_consistent);
  g_test_add_func ("/atlas/sample/no-overstatement", test_no_overstatement);
  g_test_add_func ("/atlas/sample/missing-material", test_missing_material_added);
  g_test_add_func ("/atlas/sample/briefing-names-who-says-so", test_briefing_names_who_says_so);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
