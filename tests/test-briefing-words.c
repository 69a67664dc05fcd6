/* test-briefing-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a briefing step is worded for the screen and the page: the kicker and heading of its
 * subject, and each claim it cites with its source, attribution and grade.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "atlas-attribute-words.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-words.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

static AtlasRecord *
make_document (void)
{
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new ("doc"));

  atlas_record_set_text (document, "title", "A report");
  atlas_record_set_text (document, "publisher", "NewsNation");
  atlas_record_set_text (document, "published", "2024-01-04");
  atlas_record_set_text (document, "doc_kind", "news");
  atlas_record_set_text (document, "reliability", "B");
  return document;
}

static AtlasRecord *
make_waypoint (const char *key,
               int         seq,
               const char *place)
{
  AtlasRecord *waypoint = ATLAS_RECORD (atlas_waypoint_new (key));

  atlas_record_set_text (waypoint, "route_key", "route");
  atlas_record_set_int (waypoint, "seq", seq);
  atlas_record_set_text (waypoint, "place", place);
  atlas_record_set_text (waypoint, "admin_area", "Kerman");
  atlas_record_set_text (waypoint, "country", "Iran");
  atlas_record_set_double (waypoint, "latitude", 29.0 + seq);
  atlas_record_set_double (waypoint, "longitude", 57.0);
  atlas_record_set_text (waypoint, "location_precision", "town");
  return waypoint;
}

static AtlasRecord *
make_claim (void)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new ("claim"));

  atlas_record_set_text (claim, "subject_kind", "waypoint");
  atlas_record_set_text (claim, "subject_key", "wp-2");
  atlas_record_set_text (claim, "attribute", "entry-route");
  atlas_record_set_text (claim, "value_text", "through Jiroft");
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key", "doc");
  atlas_record_set_text (claim, "attributed_to", "the ministry");
  atlas_record_set_int (claim, "credibility", 3);
  return claim;
}

static AtlasRecord *
make_step (void)
{
  AtlasRecord *step = ATLAS_RECORD (atlas_briefing_step_new ("step"));

  atlas_record_set_int (step, "seq", 1);
  atlas_record_set_text (step, "subject_kind", "waypoint");
  atlas_record_set_text (step, "subject_key", "wp-2");
  atlas_record_set_text (step, "caption", "He passes Jiroft.");
  atlas_record_set_text (step, "claim_keys", "claim missing-claim");
  return step;
}

static AtlasCase *
create_case (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (file, "Words", &error);
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new ("route"));

  g_assert_no_error (error);
  atlas_record_set_text (route, "name", "route");
  atlas_record_set_text (route, "status", "reported");
  g_ptr_array_add (records, make_document ());
  g_ptr_array_add (records, route);
  g_ptr_array_add (records, make_waypoint ("wp-1", 1, "Khash"));
  g_ptr_array_add (records, make_waypoint ("wp-2", 2, "Jiroft"));
  g_ptr_array_add (records, make_waypoint ("wp-3", 3, "Kerman"));
  g_ptr_array_add (records, make_claim ());
  g_ptr_array_add (records, make_step ());
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&atlas_case);
}

/* A waypoint's step: where it is on its route and where in the world, its place as the
 * heading, and its claim with the source's publisher, date, attribution and grade; a claim
 * the case does not hold is left out. */
static void
test_waypoint_step (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-briefing-words-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "words.gpkg", NULL);
  g_autoptr(AtlasCase) atlas_case = create_case (path);
  g_autoptr(AtlasRecord) step = atlas_case_lookup (atlas_case, "briefing-step", "step", NULL);
  g_autoptr(AtlasRecord) subject = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *kicker = NULL;
  AtlasStepSource *source;

  g_assert_nonnull (step);
  subject = atlas_briefing_words_subject (atlas_case, step);
  g_assert_nonnull (subject);
  kicker = atlas_briefing_words_kicker (atlas_case, step, subject);
  g_assert_cmpstr (kicker, ==, "Waypoint 2 of 3 · Kerman, Iran");
  g_assert_cmpstr (atlas_briefing_words_heading (subject), ==, "Jiroft");

  sources = atlas_briefing_words_sources (atlas_case, step);
  g_assert_cmpuint (sources->len, ==, 1);
  source = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (source->claim, ==, "Entry route: through Jiroft");
  g_assert_cmpstr (source->source, ==,
                   "NewsNation, 4 January 2024 · attributed to the ministry · reliability B");

  g_clear_object (&atlas_case);
  g_remove (path);
  g_rmdir (dir);
}

/* A claim's attribute is named the same way everywhere, and a raw key never shows. */
static void
test_attribute_words (void)
{
  static const struct {
    const char *attribute;
    const char *words;
  } cases[] = {
    { "deaths", "Deaths" },
    { "deaths-iranian", "Iranian deaths" },
    { "claimed-attacks-in-iran", "Claimed attacks in Iran" },
    { "entry-route", "Entry route" },
    { "acled_columns", "Other ACLED columns" },
    { "some_new-thing", "Some new thing" },
    { "été", "Été" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = atlas_attribute_words (cases[i].attribute);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
  /* the ranked attributes come first, in their order; the rest after, alike */
  g_assert_cmpint (atlas_attribute_words_rank ("date"), <, atlas_attribute_words_rank ("deaths"));
  g_assert_cmpint (atlas_attribute_words_rank ("deaths"), <,
                   atlas_attribute_words_rank ("deaths-iranian"));
  g_assert_cmpint (atlas_attribute_words_rank ("deaths-iranian"), ==,
                   atlas_attribute_words_rank ("propaganda"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/briefing-words/waypoint-step", test_waypoint_step);
  g_test_add_func ("/atlas/briefing-words/attribute-words", test_attribute_words);

  return g_test_run ();
}
