/* test-route-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a route's style means, in words: how it is sourced, by whom, and by how many sources
 * of which grades.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-route-words.h"
#include "atlas-route.h"

static AtlasRecord *
make_document (const char *key,
               const char *reliability)
{
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (document, "title", "A report");
  atlas_record_set_text (document, "publisher", "Wire");
  atlas_record_set_text (document, "doc_kind", "news");
  atlas_record_set_text (document, "reliability", reliability);
  return document;
}

static AtlasRecord *
make_route (const char *key,
            const char *status)
{
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new (key));

  atlas_record_set_text (route, "name", key);
  atlas_record_set_text (route, "status", status);
  return route;
}

static AtlasRecord *
make_claim (const char *key,
            const char *route,
            const char *document,
            const char *attributed_to)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new (key));

  atlas_record_set_text (claim, "subject_kind", "route");
  atlas_record_set_text (claim, "subject_key", route);
  atlas_record_set_text (claim, "attribute", "entry-route");
  atlas_record_set_text (claim, "value_text", "from A to B");
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key", document);
  atlas_record_set_text (claim, "attributed_to", attributed_to);
  atlas_record_set_int (claim, "credibility", 3);
  return claim;
}

static AtlasCase *
create_case (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (file, "Routes", &error);

  g_assert_no_error (error);
  g_ptr_array_add (records, make_document ("doc-f", "F"));
  g_ptr_array_add (records, make_document ("doc-b", "B"));
  g_ptr_array_add (records, make_route ("ministry", "reported"));
  g_ptr_array_add (records, make_route ("post", "contested"));
  g_ptr_array_add (records, make_route ("rumour", "alleged"));
  g_ptr_array_add (records, make_claim ("c1", "ministry", "doc-f",
                                        "Iran's Ministry of Intelligence"));
  g_ptr_array_add (records, make_claim ("c2", "post", "doc-f",
                                        "A cleric (post on X, 6 January 2024)"));
  g_ptr_array_add (records, make_claim ("c3", "post", "doc-b", "A newspaper"));
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&atlas_case);
}

static void
check_route (AtlasCase  *atlas_case,
             const char *key,
             const char *status,
             const char *sourcing)
{
  g_autoptr(AtlasRecord) route = atlas_case_lookup (atlas_case, "route", key, NULL);
  g_autofree char *status_words = NULL;
  g_autofree char *sourcing_words = NULL;

  g_assert_nonnull (route);
  status_words = atlas_route_words_status (route);
  sourcing_words = atlas_route_words_sourcing (atlas_case, route);
  g_assert_cmpstr (status_words, ==, status);
  g_assert_cmpstr (sourcing_words, ==, sourcing);
}

static void
test_sourcing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-route-words-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "routes.gpkg", NULL);
  atlas_case = create_case (path);

  check_route (atlas_case, "ministry", "Reported route",
               "Iran's Ministry of Intelligence, one source graded F");
  /* who without the explanation in brackets; grades in order */
  check_route (atlas_case, "post", "Contested route",
               "A cleric and 1 other, 2 sources graded B and F");
  check_route (atlas_case, "rumour", "Alleged route", "no source in the case");

  g_clear_object (&atlas_case);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/route-words/sourcing", test_sourcing);

  return g_test_run ();
}
