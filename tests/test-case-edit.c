/* test-case-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits of a case as a store command: each kind applied, undone and redone, compared by a
 * digest of every table but the history; the history lines each writes; edits that must
 * write nothing (bad values, a busy file, a record changed meanwhile); what the case
 * announces, and edits made by another connection.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-attachment.h"
#include "atlas-claim-relation.h"
#include "atlas-document.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-undo-stack.h"
#include "atlas-waypoint.h"
#include "case-digest.h"
#include "case-test-util.h"

typedef CaseFixture Fixture;

/* ---- a small case ------------------------------------------------------------------- */

static AtlasRecord *
make_document (const char *key,
               const char *title)
{
  return case_test_document (key, title);
}

static AtlasRecord *
make_incident (const char *key,
               double      latitude,
               double      longitude)
{
  return case_test_incident (key, "Twin bombings in Kerman", latitude, longitude);
}

static AtlasRecord *
make_claim (const char *key,
            const char *value,
            double      number,
            const char *document)
{
  return case_test_claim (key, "kerman", "deaths", value, number, document);
}

static AtlasRecord *
make_waypoint (const char *key,
               int         seq,
               double      latitude,
               double      longitude)
{
  return case_test_waypoint (key, "route", seq, latitude, longitude);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasRecord) route = ATLAS_RECORD (atlas_route_new ("route"));

  atlas_record_set_text (route, "name", "Reported route");
  atlas_record_set_text (route, "status", "alleged");
  g_ptr_array_add (records, make_document ("reuters", "Reuters report"));
  g_ptr_array_add (records, make_document ("analysis", "Analysis report"));
  g_ptr_array_add (records, make_incident ("kerman", 30.28, 57.08));
  g_ptr_array_add (records, make_claim ("deaths-reuters", "nearly 100", 100, "reuters"));
  g_ptr_array_add (records, make_claim ("deaths-analysis", "84", 84, "analysis"));
  g_ptr_array_add (records, g_object_ref (route));
  g_ptr_array_add (records, make_waypoint ("wp-1", 1, 37.0, 70.5));
  g_ptr_array_add (records, make_waypoint ("wp-2", 2, 29.0, 60.0));
  case_fixture_set_up (fixture, "atlas-edit-XXXXXX", "Edits", records);
}

/* ---- reading the file behind the store's back ---------------------------------------- */

static gint64
count_history (Fixture *fixture)
{
  return query_int (fixture->files.path, "SELECT count(*) FROM history");
}

static AtlasRecord *
lookup (Fixture    *fixture,
        const char *kind,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  AtlasRecord *record = atlas_case_lookup (fixture->atlas_case, kind, key, &error);

  g_assert_no_error (error);
  return record;
}

/* ---- each kind of edit: apply, undo, redo -------------------------------------------- */

typedef AtlasEdit *(*BuildEdit) (Fixture *fixture);

static void
check_round_trip (Fixture   *fixture,
                  BuildEdit  build)
{
  g_autoptr(AtlasEdit) edit = build (fixture);

  check_edit_round_trip (fixture->atlas_case, fixture->files.path, edit);
}

static AtlasEdit *
build_add_source (Fixture *fixture)
{
  g_autoptr(AtlasRecord) doc = make_document ("fourth", "A fourth report");
  AtlasEdit *edit = atlas_edit_new ("Add source");

  atlas_record_set_text (doc, "url", "https://example.org/report");
  atlas_record_set_text (doc, "reliability_note", "A wire service with a good record");
  atlas_edit_add (edit, doc);
  return edit;
}

static AtlasEdit *
build_grade_source (Fixture *fixture)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "document", "analysis");
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  AtlasEdit *edit = atlas_edit_new ("Grade source");

  atlas_record_set_text (after, "reliability", "C");
  atlas_record_set_text (after, "reliability_note", "Relays official statements unchecked");
  atlas_edit_change (edit, before, after);
  return edit;
}

static AtlasEdit *
build_add_claim (Fixture *fixture)
{
  g_autoptr(AtlasRecord) claim = make_claim ("deaths-fourth", "95", 95, "analysis");
  AtlasEdit *edit = atlas_edit_new ("Add claim");

  atlas_edit_add (edit, claim);
  return edit;
}

static AtlasEdit *
build_correct_figure (Fixture *fixture)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "claim", "deaths-analysis");
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  AtlasEdit *edit = atlas_edit_new ("Correct figure");

  atlas_record_set_text (after, "value_text", "89");
  atlas_record_set_double (after, "value_number", 89);
  atlas_edit_change (edit, before, after);
  return edit;
}

static AtlasEdit *
build_relate_claims (Fixture *fixture)
{
  g_autoptr(AtlasRecord) relation = ATLAS_RECORD (atlas_claim_relation_new ("rel-1"));
  AtlasEdit *edit = atlas_edit_new ("Mark as repeating");

  atlas_record_set_text (relation, "claim_key", "deaths-analysis");
  atlas_record_set_text (relation, "relation", "repeats");
  atlas_record_set_text (relation, "other_key", "deaths-reuters");
  atlas_edit_add (edit, relation);
  return edit;
}

static AtlasEdit *
build_add_incident (Fixture *fixture)
{
  g_autoptr(AtlasRecord) incident = make_incident ("jiroft", 28.67, 57.74);
  g_autoptr(AtlasRecord) claim = make_claim ("jiroft-deaths", "none", NAN, "reuters");
  AtlasEdit *edit = atlas_edit_new ("Add incident");

  atlas_record_set_text (claim, "subject_key", "jiroft");
  atlas_edit_add (edit, incident);
  atlas_edit_add (edit, claim);
  return edit;
}

static AtlasEdit *
build_move_incident (Fixture *fixture)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "incident", "kerman");
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  AtlasEdit *edit = atlas_edit_new ("Move incident");

  atlas_record_set_double (after, "latitude", 30.35);
  atlas_record_set_double (after, "longitude", 57.11);
  atlas_record_set_text (after, "location_precision", "site");
  atlas_edit_change (edit, before, after);
  return edit;
}

static AtlasEdit *
build_delete_incident (Fixture *fixture)
{
  g_autoptr(AtlasRecord) incident = lookup (fixture, "incident", "kerman");
  g_autoptr(GError) error = NULL;
  AtlasEdit *edit = atlas_case_build_removal (fixture->atlas_case, incident,
                                              "Delete incident", &error);

  g_assert_no_error (error);
  /* the incident and its two claims */
  g_assert_cmpuint (atlas_edit_get_n_steps (edit), ==, 3);
  return edit;
}

static AtlasEdit *
build_delete_source_with (Fixture *fixture,
                          guint    n_steps)
{
  g_autoptr(AtlasRecord) doc = lookup (fixture, "document", "reuters");
  g_autoptr(GError) error = NULL;
  AtlasEdit *edit = atlas_case_build_removal (fixture->atlas_case, doc, "Delete source",
                                              &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_edit_get_n_steps (edit), ==, n_steps);
  return edit;
}

/* the source and the claim it gives */
static AtlasEdit *
build_delete_source (Fixture *fixture)
{
  return build_delete_source_with (fixture, 2);
}

static AtlasEdit *
build_move_waypoint (Fixture *fixture)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "waypoint", "wp-2");
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  AtlasEdit *edit = atlas_edit_new ("Move waypoint");

  atlas_record_set_double (after, "latitude", 28.0);
  atlas_record_set_text (after, "place", "Khash");
  atlas_edit_change (edit, before, after);
  return edit;
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->files.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static AtlasEdit *
build_attach_copy (Fixture *fixture)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  g_autoptr(GFile) file = write_file (fixture, "report.pdf", pdf, sizeof pdf - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) attachment = atlas_case_build_attachment (fixture->atlas_case,
                                                                   "reuters", file, &error);
  AtlasEdit *edit = atlas_edit_new ("Attach archived copy");

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_record_get_text (attachment, "media_type"), ==, "application/pdf");
  g_assert_cmpint (atlas_record_get_int (attachment, "size"), ==, sizeof pdf - 1);
  atlas_edit_add (edit, attachment);
  return edit;
}

/* Deleting a source takes its archived copy with it, and undo gives the bytes back. */
static AtlasEdit *
build_delete_archived_source (Fixture *fixture)
{
  g_autoptr(AtlasEdit) attach = build_attach_copy (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, attach, &error));
  return build_delete_source_with (fixture, 3);
}

static void
test_attachment_content (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_attach_copy (fixture);
  g_autoptr(GListModel) copies = NULL;
  g_autoptr(AtlasRecord) copy = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  copies = atlas_case_list_attachments (fixture->atlas_case, "reuters", &error);
  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, 1);
  copy = g_list_model_get_item (copies, 0);
  /* lists do not carry the bytes; asking for them checks them against their SHA-256 */
  g_assert_null (atlas_attachment_get_content (ATLAS_ATTACHMENT (copy)));
  content = atlas_case_dup_attachment_content (fixture->atlas_case, atlas_record_get_key (copy),
                                               &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (content, NULL), "%PDF-1.4"));
  g_clear_pointer (&content, g_bytes_unref);

  /* a viewer gets a read-only copy in the temporary folder, with the bytes and the name */
  {
    g_autoptr(GFile) opened = atlas_case_open_attachment_copy (fixture->atlas_case,
                                                               atlas_record_get_key (copy),
                                                               &error);
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    g_autofree char *tmp = NULL;

    g_assert_no_error (error);
    path = g_file_get_path (opened);
    tmp = g_path_get_dirname (path);
    g_assert_cmpstr (tmp, ==, g_get_tmp_dir ());
    g_assert_true (g_str_has_suffix (path, "-report.pdf"));
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "%PDF-1.4"));
    {
      GStatBuf info;

      /* no write bit, for anyone (root ignores it, so the bits are what is checked) */
      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0222, ==, 0);
    }
    g_remove (path);
  }

  {
    sqlite3 *db = open_raw (fixture->files.path);

    g_assert_cmpint (sqlite3_exec (db, "UPDATE attachments SET content = x'00'", NULL, NULL,
                                   NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  content = atlas_case_dup_attachment_content (fixture->atlas_case, atlas_record_get_key (copy),
                                               &error);
  g_assert_null (content);
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT);
}

/* Programs, special files and files past 50 MiB are not archived, and the message names
 * the file. */
static void
test_attachment_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0";
  g_autoptr(GFile) script = write_file (fixture, "run.pdf", elf, sizeof elf - 1);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->files.dir);
  g_autofree char *big_path = g_build_filename (fixture->files.dir, "big.pdf", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GError) error = NULL;
  FILE *stream;

  g_assert_null (atlas_case_build_attachment (fixture->atlas_case, "reuters", script, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "run.pdf"));
  g_clear_error (&error);

  g_assert_null (atlas_case_build_attachment (fixture->atlas_case, "reuters", folder, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
  g_clear_error (&error);

  /* sparse: 50 MiB and one byte, without writing them */
  stream = fopen (big_path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, ATLAS_CASE_MAX_ATTACHMENT_BYTES, SEEK_SET), ==, 0);
  fputc ('x', stream);
  fclose (stream);
  g_assert_null (atlas_case_build_attachment (fixture->atlas_case, "reuters", big, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "50 MiB"));
}

static AtlasEdit *
build_move_stop (Fixture *fixture)
{
  g_autoptr(AtlasRecord) second = lookup (fixture, "waypoint", "wp-2");
  g_autoptr(GError) error = NULL;
  AtlasEdit *edit = atlas_case_build_stop_move (fixture->atlas_case, second, -1, "Move stop",
                                                &error);

  g_assert_no_error (error);
  return edit;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  check_round_trip (fixture, (BuildEdit) data);
}

/* ---- what an edit writes -------------------------------------------------------------- */

static void
test_change_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_correct_figure (fixture);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(AtlasRecord) line = NULL;
  g_autoptr(GError) error = NULL;

  atlas_case_set_author (fixture->atlas_case, "Analyst A");
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  history = atlas_case_list_history (fixture->atlas_case, "claim", "deaths-analysis", &error);
  g_assert_no_error (error);
  /* two fields changed: the text and the figure */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  line = g_list_model_get_item (history, 1);
  g_assert_cmpstr (atlas_record_get_text (line, "field"), ==, "value_text");
  g_assert_cmpstr (atlas_record_get_text (line, "old_value"), ==, "84");
  g_assert_cmpstr (atlas_record_get_text (line, "new_value"), ==, "89");
  g_assert_cmpstr (atlas_record_get_text (line, "author"), ==, "Analyst A");
  g_assert_cmpstr (atlas_record_get_text (line, "label"), ==, "Correct figure");
  g_assert_nonnull (atlas_record_get_text (line, "time"));
}

/* The new figure of 95 makes no new contest (100 and 84 already differ); a contradiction
 * between two claims with the same figure does. */
static void
test_contradiction_contests (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Contradict");
  g_autoptr(AtlasRecord) relation = ATLAS_RECORD (atlas_claim_relation_new ("rel"));
  g_autoptr(AtlasRecord) a = make_claim ("who-a", "Islamic State Khorasan", NAN, "reuters");
  g_autoptr(AtlasRecord) b = make_claim ("who-b", "Islamic State Khorasan", NAN, "analysis");
  g_auto(GStrv) contested = NULL;
  g_autoptr(GError) error = NULL;

  atlas_record_set_text (a, "attribute", "perpetrator");
  atlas_record_set_text (b, "attribute", "perpetrator");
  atlas_record_set_text (b, "value_text", "Israel and the United States");
  atlas_record_set_text (relation, "claim_key", "who-b");
  atlas_record_set_text (relation, "relation", "contradicts");
  atlas_record_set_text (relation, "other_key", "who-a");
  atlas_edit_add (edit, a);
  atlas_edit_add (edit, b);
  atlas_edit_add (edit, relation);
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_no_error (error);

  contested = atlas_case_list_contested_attributes (fixture->atlas_case, "incident", "kerman",
                                                    &error);
  g_assert_cmpuint (g_strv_length (contested), ==, 2);
  g_assert_cmpstr (contested[0], ==, "deaths");
  g_assert_cmpstr (contested[1], ==, "perpetrator");
}

static void
test_search_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "incident", "kerman");
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Rename");
  g_autoptr(GListModel) old_name = NULL;
  g_autoptr(GListModel) new_name = NULL;
  g_autoptr(GError) error = NULL;

  atlas_record_set_text (after, "title", "Golzar cemetery attack");
  atlas_edit_change (edit, before, after);
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  old_name = atlas_case_search (fixture->atlas_case, "twin", &error);
  new_name = atlas_case_search (fixture->atlas_case, "golzar", &error);
  g_assert_cmpuint (g_list_model_get_n_items (old_name), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (new_name), ==, 1);
}

/* The layers' extents in gpkg_contents stay those of their points whatever an edit does,
 * though most edits do not scan the points to find them. */
static void
check_extent_exact (Fixture *fixture)
{
  static const char *const checks[] = {
    "SELECT (SELECT min_x FROM gpkg_contents WHERE table_name = 'incidents')"
    " IS (SELECT min(longitude) FROM incidents)",
    "SELECT (SELECT max_x FROM gpkg_contents WHERE table_name = 'incidents')"
    " IS (SELECT max(longitude) FROM incidents)",
    "SELECT (SELECT min_y FROM gpkg_contents WHERE table_name = 'incidents')"
    " IS (SELECT min(latitude) FROM incidents)",
    "SELECT (SELECT max_y FROM gpkg_contents WHERE table_name = 'incidents')"
    " IS (SELECT max(latitude) FROM incidents)",
    "SELECT (SELECT max_y FROM gpkg_contents WHERE table_name = 'routes')"
    " IS (SELECT max(latitude) FROM waypoints)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_assert_cmpint (query_int (fixture->files.path, checks[i]), ==, 1);
}

static void
move (Fixture    *fixture,
      const char *kind,
      const char *key,
      double      latitude,
      double      longitude)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, kind, key);
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Move");
  g_autoptr(GError) error = NULL;

  atlas_record_set_double (after, "latitude", latitude);
  atlas_record_set_double (after, "longitude", longitude);
  atlas_edit_change (edit, before, after);
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_no_error (error);
  check_extent_exact (fixture);
}

static void
test_extents_follow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasEdit) adds = atlas_edit_new ("Add incidents");
  g_autoptr(AtlasEdit) removal = NULL;
  g_autoptr(AtlasRecord) gone = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("spread-%u", i);
      g_autoptr(AtlasRecord) incident = make_incident (key, 25.0 + i, 50.0 + i);

      atlas_edit_add (adds, incident);
    }
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, adds, &error));
  check_extent_exact (fixture);

  move (fixture, "incident", "spread-2", 27.5, 52.5);     /* inside: widened by nothing */
  move (fixture, "incident", "spread-0", 26.0, 51.0);     /* off the south-west edge */
  move (fixture, "incident", "spread-4", 40.0, 70.0);     /* beyond the north-east one */
  move (fixture, "waypoint", "wp-1", 20.0, 60.0);         /* a route's northern end */

  gone = lookup (fixture, "incident", "spread-4");
  removal = atlas_case_build_removal (fixture->atlas_case, gone, "Delete", &error);
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, removal, &error));
  check_extent_exact (fixture);
}

/* The route's line in the GeoPackage runs through its stops in their order, after every
 * kind of stop edit and its undo. */
static void
check_route_line (Fixture *fixture)
{
  sqlite3 *db = open_raw (fixture->files.path);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GListModel) stops = atlas_case_list_waypoints (fixture->atlas_case, "route", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *pairs = NULL;
  guint n_points = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT geom FROM routes WHERE key = 'route'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pairs = atlas_gpkg_line_string_decode (sqlite3_column_blob (stmt, 0),
                                         sqlite3_column_bytes (stmt, 0), &n_points, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_points, ==, g_list_model_get_n_items (stops));
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(AtlasRecord) stop = g_list_model_get_item (stops, i);

      g_assert_cmpfloat (pairs[2 * i], ==, atlas_record_get_double (stop, "latitude"));
      g_assert_cmpfloat (pairs[2 * i + 1], ==, atlas_record_get_double (stop, "longitude"));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
apply_and_check (Fixture        *fixture,
                 AtlasUndoStack *stack,
                 AtlasEdit      *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_undo_stack_apply (stack, edit, &error));
  g_assert_no_error (error);
  check_route_line (fixture);
  g_assert_true (atlas_undo_stack_undo (stack, &error));
  check_route_line (fixture);
  g_assert_true (atlas_undo_stack_redo (stack, &error));
  check_route_line (fixture);
}

static void
test_route_line_follows_stops (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtlasUndoStack) stack = atlas_undo_stack_new (fixture->atlas_case);
  g_autoptr(AtlasRecord) added = make_waypoint ("wp-3", 0, 28.67, 57.74);
  g_autoptr(AtlasEdit) add = atlas_edit_new ("Add stop");
  g_autoptr(AtlasEdit) earlier = NULL;
  g_autoptr(AtlasEdit) none = NULL;
  g_autoptr(AtlasEdit) removal = NULL;
  g_autoptr(AtlasRecord) first = NULL;
  g_autoptr(AtlasRecord) third = NULL;
  g_autoptr(AtlasRecord) middle = NULL;
  g_autoptr(GListModel) stops = NULL;
  g_autoptr(GError) error = NULL;

  check_route_line (fixture);
  atlas_record_set_int (added, "seq", atlas_case_next_stop_order (fixture->atlas_case, "route"));
  g_assert_cmpint (atlas_record_get_int (added, "seq"), ==, 3);
  atlas_edit_add (add, added);
  apply_and_check (fixture, stack, add);

  /* the new last stop one earlier: the second and third swap */
  third = lookup (fixture, "waypoint", "wp-3");
  earlier = atlas_case_build_stop_move (fixture->atlas_case, third, -1, "Move stop", &error);
  g_assert_no_error (error);
  apply_and_check (fixture, stack, earlier);
  stops = atlas_case_list_waypoints (fixture->atlas_case, "route", NULL);
  middle = g_list_model_get_item (stops, 1);
  g_assert_cmpstr (atlas_record_get_key (middle), ==, "wp-3");

  /* the first stop cannot go earlier */
  first = lookup (fixture, "waypoint", "wp-1");
  none = atlas_case_build_stop_move (fixture->atlas_case, first, -1, "Move stop", &error);
  g_assert_null (none);
  g_assert_no_error (error);

  removal = atlas_case_build_removal (fixture->atlas_case, middle, "Delete stop", &error);
  apply_and_check (fixture, stack, removal);
}

/* ---- edits that write nothing ---------------------------------------------------------- */

static void
check_writes_nothing (Fixture   *fixture,
                      AtlasEdit *edit,
                      GQuark     domain,
                      int        code)
{
  g_autofree char *start = digest_case (fixture->files.path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lines = count_history (fixture);

  g_assert_false (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_nonnull (error);
  /* a value out of range is the validator's error, in a domain of its own */
  if (domain != 0)
    g_assert_error (error, domain, code);
  g_test_message ("refused: %s", error->message);
  after = digest_case (fixture->files.path);
  g_assert_cmpstr (after, ==, start);
  g_assert_cmpint (count_history (fixture), ==, lines);
}

static void
test_refuses_bad_values (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasRecord) before = lookup (fixture, "incident", "kerman");
  g_autoptr(AtlasRecord) far = atlas_record_dup (before);
  g_autoptr(AtlasRecord) grade = make_claim ("graded", "1", 1, "reuters");
  g_autoptr(AtlasRecord) dangling = make_claim ("dangling", "1", 1, "no-such-document");
  g_autoptr(AtlasRecord) dated = atlas_record_dup (before);
  g_autoptr(AtlasEdit) moves = atlas_edit_new ("Move");
  g_autoptr(AtlasEdit) grades = atlas_edit_new ("Grade");
  g_autoptr(AtlasEdit) cites = atlas_edit_new ("Cite");
  g_autoptr(AtlasEdit) dates = atlas_edit_new ("Date");
  g_autoptr(AtlasEdit) both = build_add_claim (fixture);

  atlas_record_set_double (far, "latitude", 97.3);
  atlas_edit_change (moves, before, far);
  check_writes_nothing (fixture, moves, 0, 0);

  atlas_record_set_int (grade, "credibility", 7);
  atlas_edit_add (grades, grade);
  check_writes_nothing (fixture, grades, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);

  atlas_edit_add (cites, dangling);
  check_writes_nothing (fixture, cites, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);

  atlas_record_set_text (dated, "start_time", "2024-02-30");
  atlas_edit_change (dates, before, dated);
  check_writes_nothing (fixture, dates, 0, 0);

  /* a good step followed by a bad one: the good one is not written either */
  atlas_edit_add (both, grade);
  check_writes_nothing (fixture, both, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
}

static void
test_refuses_cited_removal (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AtlasRecord) doc = lookup (fixture, "document", "reuters");
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Delete source alone");

  atlas_edit_remove (edit, doc);
  check_writes_nothing (fixture, edit, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
}

/* Another program changed the record since the edit was made from it. */
static void
test_refuses_stale_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_correct_figure (fixture);
  sqlite3 *db = open_raw (fixture->files.path);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE claims SET value_text = '85'"
                                     " WHERE key = 'deaths-analysis'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  check_writes_nothing (fixture, edit, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CONFLICT);
}

/* Another program holds the write lock past the store's patience. */
static void
test_refuses_when_busy (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_add_source (fixture);
  g_autoptr(GError) error = NULL;
  gint64 lines = count_history (fixture);
  sqlite3 *db = open_raw (fixture->files.path);

  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "busy"));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_cmpint (count_history (fixture), ==, lines);
  g_assert_cmpint (query_int (fixture->files.path, "SELECT count(*) FROM documents"), ==, 2);
}

static void
test_read_only_refuses (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasCase) read_only = NULL;
  g_autoptr(AtlasEdit) edit = build_add_source (fixture);
  g_autoptr(GError) error = NULL;

  read_only = atlas_case_open (fixture->files.file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_case_apply_edit (read_only, edit, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY);
}

/* ---- announcements --------------------------------------------------------------------- */

typedef struct {
  guint  count;
  char  *kinds;
  char  *keys;
} Announced;

static void
records_changed_cb (AtlasCase          *atlas_case,
                    const char         *kind,
                    const char * const *keys,
                    Announced          *announced)
{
  g_autofree char *joined = keys ? g_strjoinv (",", (char **) keys) : NULL;
  char *kinds = g_strconcat (announced->kinds ? announced->kinds : "", kind ? kind : "*", ";",
                             NULL);

  announced->count++;
  g_free (announced->kinds);
  announced->kinds = kinds;
  g_free (announced->keys);
  announced->keys = g_strdup (joined);
}

static void
test_announces_changes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_correct_figure (fixture);
  g_autoptr(GError) error = NULL;
  Announced announced = { 0 };

  g_signal_connect (fixture->atlas_case, "records-changed", G_CALLBACK (records_changed_cb),
                    &announced);
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_assert_cmpuint (announced.count, ==, 1);
  g_assert_cmpstr (announced.kinds, ==, "claim;");
  g_assert_cmpstr (announced.keys, ==, "deaths-analysis,deaths-analysis");
  g_free (announced.kinds);
  g_free (announced.keys);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* A second connection (another window, another program) sees the edit within two
 * seconds, announced with no kind. */
static void
test_watches_other_connections (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AtlasCase) other = NULL;
  g_autoptr(AtlasEdit) edit = build_add_source (fixture);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Announced announced = { 0 };

  other = atlas_case_open (fixture->files.file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  atlas_case_watch (other);
  g_signal_connect (other, "records-changed", G_CALLBACK (records_changed_cb), &announced);

  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_timeout_add (2000, quit_loop, loop);
  g_main_loop_run (loop);

  g_assert_cmpuint (announced.count, ==, 1);
  g_assert_cmpstr (announced.kinds, ==, "*;");
  g_free (announced.kinds);
  g_free (announced.keys);
}

/* GDAL reads an edited case: the new incident is in its layer, and the new tables are
 * listed. */
static void
test_gdal_reads_edited_case (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AtlasEdit) edit = build_add_incident (fixture);
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *features[] = { "ogrinfo", "-ro", "-al", "-q", "-where", "key = 'jiroft'",
                             fixture->files.path, "incidents", NULL };
  const char *tables[] = { "ogrinfo", "-ro", "-q", fixture->files.path, NULL };
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  int status;

  if (ogrinfo == NULL)
    {
      g_test_skip ("GDAL's ogrinfo is not installed");
      return;
    }
  g_assert_true (atlas_case_apply_edit (fixture->atlas_case, edit, &error));
  g_clear_object (&fixture->atlas_case);

  g_assert_true (g_spawn_sync (NULL, (char **) features, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Twin bombings in Kerman"));
  g_assert_nonnull (strstr (out, "POINT (57.74 28.67)"));
  g_assert_true (g_spawn_sync (NULL, (char **) tables, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &listing, NULL, &status, &error));
  g_assert_nonnull (strstr (listing, "history"));
  g_assert_nonnull (strstr (listing, "claim_relations"));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer),
          gconstpointer data)
{
  g_test_add (path, Fixture, data, fixture_set_up, func, case_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/atlas/edit/round-trip/add-source", test_round_trip, build_add_source);
  add_test ("/atlas/edit/round-trip/grade-source", test_round_trip, build_grade_source);
  add_test ("/atlas/edit/round-trip/add-claim", test_round_trip, build_add_claim);
  add_test ("/atlas/edit/round-trip/correct-figure", test_round_trip, build_correct_figure);
  add_test ("/atlas/edit/round-trip/relate-claims", test_round_trip, build_relate_claims);
  add_test ("/atlas/edit/round-trip/add-incident", test_round_trip, build_add_incident);
  add_test ("/atlas/edit/round-trip/move-incident", test_round_trip, build_move_incident);
  add_test ("/atlas/edit/round-trip/delete-incident", test_round_trip, build_delete_incident);
  add_test ("/atlas/edit/round-trip/delete-source", test_round_trip, build_delete_source);
  add_test ("/atlas/edit/round-trip/move-waypoint", test_round_trip, build_move_waypoint);
  add_test ("/atlas/edit/round-trip/attach-copy", test_round_trip, build_attach_copy);
  add_test ("/atlas/edit/round-trip/delete-archived-source", test_round_trip,
            build_delete_archived_source);
  add_test ("/atlas/edit/attachment-content", test_attachment_content, NULL);
  add_test ("/atlas/edit/attachment-refused", test_attachment_refused, NULL);
  add_test ("/atlas/edit/change-history", test_change_history, NULL);
  add_test ("/atlas/edit/extents-follow", test_extents_follow, NULL);
  add_test ("/atlas/edit/route-line-follows-stops", test_route_line_follows_stops, NULL);
  add_test ("/atlas/edit/round-trip/move-stop", test_round_trip, build_move_stop);
  add_test ("/atlas/edit/contradiction-contests", test_contradiction_contests, NULL);
  add_test ("/atlas/edit/search-follows", test_search_follows, NULL);
  add_test ("/atlas/edit/refuses/bad-values", test_refuses_bad_values, NULL);
  add_test ("/atlas/edit/refuses/cited-removal", test_refuses_cited_removal, NULL);
  add_test ("/atlas/edit/refuses/stale", test_refuses_stale_edit, NULL);
  add_test ("/atlas/edit/refuses/busy", test_refuses_when_busy, NULL);
  add_test ("/atlas/edit/refuses/read-only", test_read_only_refuses, NULL);
  add_test ("/atlas/edit/announces", test_announces_changes, NULL);
  add_test ("/atlas/edit/watches-other-connections", test_watches_other_connections, NULL);
  add_test ("/atlas/edit/gdal-reads-edited-case", test_gdal_reads_edited_case, NULL);

  return g_test_run ();
}
