/* test-case-write-chunks.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write in chunks keeps none of them: each chunk owns its records and is freed once
 * written, and references across chunks (a claim whose document came long before, a
 * waypoint whose route comes after) are answered from the rows already written. The case
 * ends up as one write of everything would leave it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "case-digest.h"
#include "case-test-util.h"

static AtlasCase *
create_case (void)
{
  g_autofree char *dir = g_dir_make_tmp ("write-chunks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Chunks", &error);

  g_assert_no_error (error);
  return atlas_case;
}

static AtlasRecord *
make_document (const char *key)
{
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (document, "title", key);
  atlas_record_set_text (document, "doc_kind", "report");
  atlas_record_set_text (document, "reliability", "C");
  return document;
}

static AtlasRecord *
make_incident (const char *key,
               double      latitude)
{
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));

  atlas_record_set_text (incident, "title", key);
  atlas_record_set_text (incident, "category", "other");
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", 51.0);
  atlas_record_set_text (incident, "location_precision", "town");
  return incident;
}

static AtlasRecord *
make_claim (const char *key,
            const char *subject,
            const char *document)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new (key));

  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", subject);
  atlas_record_set_text (claim, "attribute", "deaths");
  atlas_record_set_text (claim, "value_text", "3");
  atlas_record_set_text (claim, "qualifier", "exact");
  atlas_record_set_text (claim, "document_key", document);
  atlas_record_set_int (claim, "credibility", 3);
  return claim;
}

/* Each stop a degree further along */
static AtlasRecord *
make_waypoint (const char *key,
               const char *route,
               int         seq)
{
  return case_test_waypoint (key, route, seq, 30.0 + seq, 50.0 + seq);
}

/* In writing order: a document and an incident first; the claim citing them far later; a
 * route whose waypoints follow in later chunks; waypoints whose route comes after them. */
static GPtrArray *
make_records (const char *missing_route)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, make_document ("doc-early"));
  g_ptr_array_add (records, make_incident ("inc-early", 30.0));
  g_ptr_array_add (records, case_test_route ("route-first", "reported"));
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%02d", i);

      g_ptr_array_add (records, make_incident (key, 31.0 + i / 10.0));
    }
  g_ptr_array_add (records, make_waypoint ("wpt-first-1", "route-first", 1));
  g_ptr_array_add (records, make_waypoint ("wpt-late-1", missing_route, 1));
  g_ptr_array_add (records, make_waypoint ("wpt-first-2", "route-first", 2));
  g_ptr_array_add (records, make_claim ("claim-late", "inc-early", "doc-early"));
  g_ptr_array_add (records, make_waypoint ("wpt-late-2", missing_route, 2));
  g_ptr_array_add (records, case_test_route ("route-late", "reported"));
  g_ptr_array_add (records, make_waypoint ("wpt-first-3", "route-first", 3));
  return records;
}

typedef struct {
  GPtrArray *records;
  guint      next;
  guint      size;
} Chunker;

/* Each chunk owns its records, as an import's do: what the writer keeps of them after it
 * has taken the next chunk would be freed memory. */
static GPtrArray *
next_chunk (gpointer   data,
            GError   **error)
{
  Chunker *chunker = data;
  GPtrArray *chunk;

  if (chunker->next >= chunker->records->len)
    return NULL;
  chunk = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chunker->size && chunker->next < chunker->records->len; i++)
    g_ptr_array_add (chunk, g_ptr_array_steal_index (chunker->records, chunker->next));
  return chunk;
}

static gboolean
write_in_chunks (AtlasCase   *atlas_case,
                 const char  *missing_route,
                 guint        chunk_size,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = make_records (missing_route);
  Chunker chunker = { records, 0, chunk_size };

  return atlas_case_write_chunks (atlas_case, next_chunk, &chunker, NULL, error);
}

static char *
digest (AtlasCase *atlas_case)
{
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));

  return digest_case (path);
}

static void
test_references_across_chunks (void)
{
  g_autoptr(AtlasCase) whole = create_case ();
  g_autoptr(AtlasCase) chunked = create_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  AtlasCaseCounts counts;

  g_assert_true (write_in_chunks (whole, "route-late", G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_true (write_in_chunks (chunked, "route-late", 2, &error));
  g_assert_no_error (error);

  atlas_case_get_counts (chunked, &counts);
  g_assert_cmpuint (counts.incidents, ==, 13);
  g_assert_cmpuint (counts.routes, ==, 2);
  g_assert_cmpuint (counts.waypoints, ==, 5);
  g_assert_cmpuint (counts.claims, ==, 1);

  /* the files differ only in what each case calls itself */
  expected = digest (whole);
  found = digest (chunked);
  g_assert_cmpstr (found, ==, expected);
}

/* A reference that no chunk fulfils fails the write, naming it; the case stays empty. */
static void
test_reference_never_written (void)
{
  g_autoptr(AtlasCase) atlas_case = create_case ();
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts;

  g_assert_false (write_in_chunks (atlas_case, "route-nowhere", 2, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "waypoint “wpt-late-1”"));
  g_assert_nonnull (strstr (error->message, "route “route-nowhere”"));

  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 0);
  g_assert_cmpuint (counts.waypoints, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/case/write-chunks/references-across-chunks",
                   test_references_across_chunks);
  g_test_add_func ("/atlas/case/write-chunks/reference-never-written",
                   test_reference_never_written);
  return g_test_run ();
}
