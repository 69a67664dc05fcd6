/* test-column-set.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claims that keep the rest of an imported row are stored with their column names once
 * per case (atlas-column-set.c): packing gives the text back byte for byte or does not
 * happen, and nothing above the store sees the packed form.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-column-set.h"
#include "atlas-edit.h"
#include "atlas-undo-stack.h"
#include "case-test-util.h"

#define COLUMNS "event_id_cnty: IRN1\nactor1: Military Forces of Iran (1989-)\n" \
                "assoc_actor_1: \nnote: a value: with a colon"

/* ---- packing ------------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  static const char *const texts[] = {
    COLUMNS, "one: line", ": no name\nsecond: x", "a: \nb: ", "a: 1\r\nb: 2",
  };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *back = NULL;

      g_assert_true (atlas_column_set_pack (texts[i], names, values));
      back = atlas_column_set_unpack (names->str, values->str);
      g_assert_cmpstr (back, ==, texts[i]);
    }

  g_assert_true (atlas_column_set_pack (COLUMNS, names, values));
  g_assert_cmpstr (names->str, ==, "event_id_cnty\x1f" "actor1\x1f" "assoc_actor_1\x1f" "note");
  g_assert_cmpstr (values->str, ==, "IRN1\x1f" "Military Forces of Iran (1989-)\x1f\x1f"
                                    "a value: with a colon");
}

/* Whatever would not come back exactly stays as it is. */
static void
test_not_packed (void)
{
  static const char *const texts[] = {
    "", "no separator", "notes: first line\nsecond line of the same value",
    "a: 1\n", "a: unit\x1fseparator", "a\x1f" "b: 1",
  };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_false (atlas_column_set_pack (texts[i], names, values));
  g_assert_false (atlas_column_set_pack (NULL, names, values));
}

/* A file whose sets are gone or do not match shows what it has, never crashes. */
static void
test_unpack_damaged (void)
{
  g_autofree char *no_names = atlas_column_set_unpack (NULL, "a\x1f" "b");
  g_autofree char *fewer_names = atlas_column_set_unpack ("x", "a\x1f" "b");
  g_autofree char *more_names = atlas_column_set_unpack ("x\x1fy\x1fz", "a");

  g_assert_cmpstr (no_names, ==, "a\x1f" "b");
  g_assert_cmpstr (fewer_names, ==, "x: a\nb");
  g_assert_cmpstr (more_names, ==, "x: a");
  g_assert_null (atlas_column_set_unpack ("x", NULL));
}

/* ---- the store ----------------------------------------------------------------------- */

typedef CaseFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, case_test_document ("doc", "Rows"));
  g_ptr_array_add (records, case_test_incident ("i1", "Clash", 30.3, 57.1));
  g_ptr_array_add (records, case_test_incident ("i2", "Clash", 30.4, 57.2));
  g_ptr_array_add (records, case_test_claim ("c1", "i1", "acled_columns", COLUMNS, NAN, "doc"));
  g_ptr_array_add (records, case_test_claim ("c2", "i2", "acled_columns",
                                             "event_id_cnty: IRN2\nactor1: Zylophone Front\n"
                                             "assoc_actor_1: \nnote: -", NAN, "doc"));
  g_ptr_array_add (records, case_test_claim ("c3", "i2", "acled_columns",
                                             "notes: first line\nsecond line", NAN, "doc"));
  g_ptr_array_add (records, case_test_claim ("c4", "i1", "fatalities", "about: 4", 4, "doc"));
  case_fixture_set_up (fixture, "atlas-column-set-XXXXXX", "Columns", records);
}

static char *
stored_text (Fixture    *fixture,
             const char *key)
{
  g_autoptr(AtlasRecord) claim = atlas_case_lookup (fixture->atlas_case, "claim", key, NULL);

  g_assert_nonnull (claim);
  return g_strdup (atlas_record_get_text (claim, "value_text"));
}

static gint64
raw_int (Fixture    *fixture,
         const char *sql_format,
         const char *key)
{
  g_autofree char *sql = g_strdup_printf (sql_format, key);

  return query_int (fixture->files.path, sql);
}

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = stored_text (fixture, "c1");
  g_autofree char *multi_line = stored_text (fixture, "c3");
  g_autofree char *other = stored_text (fixture, "c4");

  g_assert_cmpstr (first, ==, COLUMNS);
  g_assert_cmpstr (multi_line, ==, "notes: first line\nsecond line");
  g_assert_cmpstr (other, ==, "about: 4");

  /* the two rows of the same columns share one set; the others are stored plain */
  g_assert_cmpint (query_int (fixture->files.path, "SELECT count(*) FROM column_sets"), ==, 1);
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NOT NULL FROM claims"
                                     " WHERE key = '%s'", "c1"), ==, 1);
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NOT NULL FROM claims"
                                     " WHERE key = '%s'", "c2"), ==, 1);
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NULL FROM claims"
                                     " WHERE key = '%s'", "c3"), ==, 1);
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NULL FROM claims"
                                     " WHERE key = '%s'", "c4"), ==, 1);
  g_assert_cmpint (raw_int (fixture, "SELECT instr(value_text, 'actor1') FROM claims"
                                     " WHERE key = '%s'", "c1"), ==, 0);
}

static guint
count_found (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = atlas_case_search (fixture->atlas_case, text, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

/* The values are words of the search index; the names, on every row, are not. */
static void
test_store_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (count_found (fixture, "Zylophone"), ==, 1);
  g_assert_cmpuint (count_found (fixture, "assoc_actor_1"), ==, 0);
}

static void
apply_change (AtlasUndoStack *undo_stack,
              Fixture        *fixture,
              const char     *key,
              const char     *field,
              const char     *text,
              gint64          number)
{
  g_autoptr(AtlasRecord) before = atlas_case_lookup (fixture->atlas_case, "claim", key, NULL);
  g_autoptr(AtlasRecord) after = atlas_record_dup (before);
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Correct");
  g_autoptr(GError) error = NULL;

  if (text != NULL)
    atlas_record_set_text (after, field, text);
  else
    atlas_record_set_int (after, field, number);
  atlas_edit_change (edit, before, after);
  g_assert_true (atlas_undo_stack_apply (undo_stack, edit, &error));
  g_assert_no_error (error);
}

/* An edit of another field leaves the text packed; an edit of the text stores it plain, and
 * its undo gives the old text back. */
static void
test_store_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AtlasUndoStack) undo_stack = atlas_undo_stack_new (fixture->atlas_case);
  g_autoptr(GError) error = NULL;
  g_autofree char *graded = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;

  apply_change (undo_stack, fixture, "c1", "credibility", NULL, 5);
  graded = stored_text (fixture, "c1");
  g_assert_cmpstr (graded, ==, COLUMNS);
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NOT NULL FROM claims"
                                     " WHERE key = '%s'", "c1"), ==, 1);

  apply_change (undo_stack, fixture, "c1", "value_text", "event_id_cnty: IRN1\nactor1: corrected", 0);
  edited = stored_text (fixture, "c1");
  g_assert_cmpstr (edited, ==, "event_id_cnty: IRN1\nactor1: corrected");
  g_assert_cmpint (raw_int (fixture, "SELECT column_set IS NULL FROM claims"
                                     " WHERE key = '%s'", "c1"), ==, 1);

  g_assert_true (atlas_undo_stack_undo (undo_stack, &error));
  g_assert_no_error (error);
  undone = stored_text (fixture, "c1");
  g_assert_cmpstr (undone, ==, COLUMNS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atlas/column-set/round-trip", test_round_trip);
  g_test_add_func ("/atlas/column-set/not-packed", test_not_packed);
  g_test_add_func ("/atlas/column-set/unpack-damaged", test_unpack_damaged);
  g_test_add ("/atlas/column-set/store-round-trip", Fixture, NULL, fixture_set_up,
              test_store_round_trip, case_fixture_tear_down);
  g_test_add ("/atlas/column-set/store-search", Fixture, NULL, fixture_set_up,
              test_store_search, case_fixture_tear_down);
  g_test_add ("/atlas/column-set/store-edit", Fixture, NULL, fixture_set_up,
              test_store_edit, case_fixture_tear_down);

  return g_test_run ();
}
