/* test-import-csv.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing CSV: ACLED exports new and old, any other CSV through a column mapping, the
 * RFC 4180 tokenizer itself, the date forms we read, and rows that must be skipped with
 * the file, line and reason.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-csv-parser.h"
#include "atlas-import-plan.h"
#include "import-test-util.h"
#include "atlas-import-values.h"

static void
assert_refused (const char *name,
                GError     *error,
                int         code,
                const char *needle)
{
  g_assert_error (error, ATLAS_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, needle));
}

static AtlasRecord *
find_claim (AtlasImportPlan *plan,
            const char      *subject_key,
            const char      *attribute)
{
  AtlasRecord *claim;

  for (guint i = 0; (claim = import_test_find_record (plan, "claim", i)) != NULL; i++)
    if (g_strcmp0 (atlas_record_get_text (claim, "subject_key"), subject_key) == 0
        && g_strcmp0 (atlas_record_get_text (claim, "attribute"), attribute) == 0)
      return claim;
  return NULL;
}

static const char *
document_title (AtlasImportPlan *plan,
                const char      *key)
{
  AtlasRecord *document;

  for (guint i = 0; (document = import_test_find_record (plan, "document", i)) != NULL; i++)
    if (g_str_equal (atlas_record_get_key (document), key))
      return atlas_record_get_text (document, "title");
  return NULL;
}

/* Sources and grades from a file are the file's word until an analyst confirms them. */
static void
assert_graded_by_file (AtlasImportPlan *plan)
{
  GPtrArray *records = atlas_import_plan_get_records (plan);
  guint n_checked = 0;

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (!g_str_equal (atlas_record_get_kind (record), "claim")
          && !g_str_equal (atlas_record_get_kind (record), "document"))
        continue;
      g_assert_cmpstr (atlas_record_get_text (record, "graded_by"), ==, "file");
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_acled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("acled.csv", &error);
  AtlasRecord *incident, *claim;
  AtlasCaseCounts counts;
  const char *key, *details;

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_import_plan_get_format_label (plan), ==, "ACLED CSV");
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 3);
  g_assert_cmpuint (counts.documents, ==, 3);  /* the import, and two distinct sources */
  assert_graded_by_file (plan);

  incident = import_test_find_record (plan, "incident", 0);
  key = atlas_record_get_key (incident);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Suicide bomb, Kerman");
  g_assert_cmpstr (atlas_record_get_text (incident, "category"), ==,
                   "Explosions/Remote violence");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2024-01-03");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "day");
  g_assert_cmpstr (atlas_record_get_text (incident, "place"), ==, "Kerman");
  g_assert_cmpstr (atlas_record_get_text (incident, "admin_area"), ==, "Kerman");
  g_assert_cmpstr (atlas_record_get_text (incident, "country"), ==, "Iran");
  g_assert_cmpstr (atlas_record_get_text (incident, "location_precision"), ==, "town");
  g_assert_cmpstr (atlas_record_get_text (incident, "summary"), ==,
                   "On 3 January 2024, two suicide bombers detonated explosives near the "
                   "Martyrs' Cemetery, killing \"nearly 100\" people.\nMany more were injured.");

  claim = find_claim (plan, key, "fatalities");
  g_assert_nonnull (claim);
  g_assert_cmpstr (atlas_record_get_text (claim, "value_text"), ==, "95");
  g_assert_cmpfloat (atlas_record_get_double (claim, "value_number"), ==, 95.0);
  g_assert_cmpstr (atlas_record_get_text (claim, "locator"), ==, "line 2, event IRN1001");
  g_assert_cmpstr (document_title (plan, atlas_record_get_text (claim, "document_key")), ==,
                   "Reuters; Al Jazeera");
  /* the actors are kept with the rest of the row, empty columns left out */
  g_assert_null (find_claim (plan, key, "actor1"));
  details = atlas_record_get_text (find_claim (plan, key, "acled_columns"), "value_text");
  g_assert_nonnull (strstr (details, "actor1: Islamic State Khorasan Province\n"));
  g_assert_null (strstr (details, "assoc_actor_1"));
  g_assert_nonnull (strstr (details, "event_id_cnty: IRN1001\n"));
  g_assert_nonnull (strstr (details, "sub_event_type: Suicide bomb\n"));
  g_assert_nonnull (strstr (details, "timestamp: 1704844800"));
  g_assert_null (strstr (details, "latitude"));

  incident = import_test_find_record (plan, "incident", 2);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "approximate");
  g_assert_cmpstr (atlas_record_get_text (incident, "location_precision"), ==, "district");
  claim = find_claim (plan, atlas_record_get_key (incident), "fatalities");
  g_assert_cmpstr (atlas_record_get_text (claim, "locator"), ==, "line 5, event IRN1003");
}

static void
test_acled_old (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("acled-old.csv", &error);
  AtlasRecord *incident;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);

  incident = import_test_find_record (plan, "incident", 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Remote violence, Tehran");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2017-06-07");
  incident = import_test_find_record (plan, "incident", 1);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2018-01-03");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "approximate");
  g_assert_nonnull (strstr (atlas_record_get_text (find_claim (plan,
                                                               atlas_record_get_key (incident),
                                                               "acled_columns"), "value_text"),
                            "data_id: 2"));
}

static void
test_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("bad-rows.csv", &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 7);
  import_test_assert_problem_on_line (plan, 3, "latitude 95 is outside −90…90");
  import_test_assert_problem_on_line (plan, 4, "empty coordinates");
  import_test_assert_problem_on_line (plan, 5,
                                      "looks like projected coordinates (metres), not degrees");
  import_test_assert_problem_on_line (plan, 6, "unparseable date “3rd Jan”");
  import_test_assert_problem_on_line (plan, 7, "the row has 4 fields but the header has 8");
  import_test_assert_problem_on_line (plan, 8, "latitude “nan” is not a number");
  import_test_assert_problem_on_line (plan, 10, "a quoted field opened on line 10 is never closed");
}

static void
test_crlf_bom (void)
{
  static const char csv[] =
    "\xEF\xBB\xBF" "event_id_cnty,event_date,event_type,latitude,longitude,notes\r\n"
    "A1,2024-01-03,Battles,30.28,57.08,\"two lines,\r\nand a comma\"\r\n"
    "\r\n"
    "A2,2024-01-04,Battles,30.29,57.09,plain\r\n";
  g_autoptr(GFile) file = import_test_write_temp ("crlf.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasRecord *claim;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpstr (atlas_record_get_text (import_test_find_record (plan, "incident", 0),
                                          "summary"),
                   ==, "two lines,\r\nand a comma");
  claim = import_test_find_record (plan, "claim", 1);
  g_assert_cmpstr (atlas_record_get_text (claim, "locator"), ==, "line 5, event A2");
}

static void
test_nul_byte (void)
{
  static const char csv[] = "event_date,event_type,latitude,longitude\n"
                            "2024-01-03,Battles,30.28,57.08\n"
                            "2024-01-03,Bat\0tles,30.28,57.08\n";
  g_autoptr(GFile) file = import_test_write_temp ("nul.csv", csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("nul.csv", error, ATLAS_IMPORT_ERROR_ENCODING, "line 3");
}

static void
test_invalid_utf8 (void)
{
  static const char csv[] = "event_date,event_type,latitude,longitude,location\n"
                            "2024-01-03,Battles,30.28,57.08,Kerman\n"
                            "2024-01-03,Battles,30.28,57.08,K\xe9rman\n"
                            "2024-01-03,Battles,30.28,57.08,Kermān\n";
  g_autoptr(GFile) file = import_test_write_temp ("latin1.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_on_line (plan, 3, "not valid UTF-8");
}

static void
test_huge_field (void)
{
  g_autofree char *big = g_strnfill (3 << 20, 'x');
  g_autofree char *csv = g_strdup_printf ("event_date,event_type,latitude,longitude,notes\n"
                                          "2024-01-03,Battles,30.28,57.08,\"%s\"\n"
                                          "2024-01-03,Battles,30.28,57.08,%s\n"
                                          "2024-01-03,Battles,30.28,57.08,small\n", big, big);
  g_autoptr(GFile) file = import_test_write_temp ("huge.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  import_test_assert_problem_on_line (plan, 2, "field 5 is longer than 1 MiB");
  import_test_assert_problem_on_line (plan, 3, "field 5 is longer than 1 MiB");
}

/* Twenty fields just under the field limit make a row past the row limit: it is skipped,
 * and the tokenizer never holds more than the limit of it. */
static void
test_huge_row (void)
{
  g_autofree char *big = g_strnfill ((1 << 20) - 1, 'x');
  g_autoptr(GString) csv = g_string_new ("event_date,event_type,latitude,longitude");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;

  for (guint i = 0; i < 20; i++)
    g_string_append (csv, ",x");
  g_string_append (csv, "\n\"2024-01-03\",Battles,30.28,57.08");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (csv, ",\"%s\"", big);
  g_string_append (csv, "\n2024-01-03,Battles,30.28,57.08");
  for (guint i = 0; i < 20; i++)
    g_string_append (csv, ",small");
  g_string_append_c (csv, '\n');
  file = import_test_write_temp ("long-rows.csv", csv->str, (gssize) csv->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_on_line (plan, 2, "the row is longer than 16 MiB");
}

static void
test_too_many_fields (void)
{
  g_autoptr(GString) csv = g_string_new ("event_date,event_type,latitude,longitude\n"
                                         "2024-01-03,Battles,30.28,57.08");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  for (guint i = 0; i < 600; i++)
    g_string_append (csv, ",x");
  g_string_append (csv, "\n2024-01-03,Battles,30.28,57.08\n");
  file = import_test_write_temp ("wide.csv", csv->str, (gssize) csv->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_on_line (plan, 2, "more than 512 fields");
}

static void
test_needs_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("mapped.csv", &error);

  g_assert_null (plan);
  assert_refused ("mapped.csv", error, ATLAS_IMPORT_ERROR_NEEDS_MAPPING, "ACLED");
}

static void
test_mapped (void)
{
  const AtlasCsvMapping mapping = { "lat", "LON", "When", "What", "Reporter" };
  g_autofree char *path = import_test_data_path ("mapped.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_csv (file, &mapping, NULL, &error);
  AtlasRecord *incident, *claim;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 3);
  g_assert_cmpuint (counts.documents, ==, 3);

  incident = import_test_find_record (plan, "incident", 1);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Parliament attack");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2017-06-07");
  claim = find_claim (plan, atlas_record_get_key (incident), "Casualties");
  g_assert_cmpstr (atlas_record_get_text (claim, "value_text"), ==, "12");
  g_assert_cmpstr (document_title (plan, atlas_record_get_text (claim, "document_key")), ==,
                   "BBC");
  g_assert_null (find_claim (plan, atlas_record_get_key (incident), "Notes"));

  incident = import_test_find_record (plan, "incident", 2);
  g_assert_null (atlas_record_get_text (incident, "start_time"));
  g_assert_cmpstr (atlas_record_get_text (find_claim (plan, atlas_record_get_key (incident),
                                                      "Notes"), "value_text"), ==,
                   "no date given");
}

static void
test_mapping_missing_column (void)
{
  const AtlasCsvMapping mapping = { "y", "x", NULL, NULL, NULL };
  g_autofree char *path = import_test_data_path ("mapped.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_csv (file, &mapping, NULL, &error);

  g_assert_null (plan);
  assert_refused ("mapped.csv", error, ATLAS_IMPORT_ERROR_NEEDS_MAPPING, "no column “y”");
}

/* ---- the tokenizer and the values ----------------------------------------------------- */

static void
expect_row (AtlasCsvParser     *parser,
            guint               line,
            const char * const *expected)
{
  g_autofree char *reason = NULL;
  char **fields = NULL;
  guint n_fields = 0;

  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_ROW);
  g_assert_cmpuint (atlas_csv_parser_get_line (parser), ==, line);
  g_assert_cmpuint (n_fields, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
}

static void
test_parser (void)
{
  static const char csv[] = "a,\"b,c\",\"say \"\"hi\"\"\"\n"
                            "\n"
                            "\"multi\nline\",,last,\n"
                            "\"quoted\"tail,x\r"
                            "end";
  g_autoptr(AtlasCsvParser) parser = atlas_csv_parser_new (csv, sizeof csv - 1);
  g_autofree char *reason = NULL;
  char **fields;
  guint n_fields;

  expect_row (parser, 1, (const char *[]) { "a", "b,c", "say \"hi\"", NULL });
  expect_row (parser, 3, (const char *[]) { "multi\nline", "", "last", "", NULL });
  expect_row (parser, 5, (const char *[]) { "quotedtail", "x", NULL });
  expect_row (parser, 6, (const char *[]) { "end", NULL });
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_END);
}

static void
test_parser_unterminated (void)
{
  static const char csv[] = "a,b\n1,\"open\n2,3\n";
  g_autoptr(AtlasCsvParser) parser = atlas_csv_parser_new (csv, sizeof csv - 1);
  g_autofree char *reason = NULL;
  char **fields;
  guint n_fields;

  expect_row (parser, 1, (const char *[]) { "a", "b", NULL });
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_BAD_ROW);
  g_assert_cmpuint (atlas_csv_parser_get_line (parser), ==, 2);
  g_assert_cmpstr (reason, ==, "a quoted field opened on line 2 is never closed");
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_END);
}

/* Every row of @parser, as "line N: field|field|…", or "line N: bad: reason". */
static char *
describe_rows (AtlasCsvParser *parser)
{
  GString *out = g_string_new (NULL);
  AtlasCsvStatus status;
  char **fields;
  guint n_fields;
  char *reason = NULL;

  while ((status = atlas_csv_parser_next (parser, &fields, &n_fields, &reason)) != ATLAS_CSV_END)
    {
      g_assert_cmpint (status, !=, ATLAS_CSV_ERROR);
      g_string_append_printf (out, "line %u: ", atlas_csv_parser_get_line (parser));
      if (status == ATLAS_CSV_BAD_ROW)
        g_string_append_printf (out, "bad: %s", reason);
      for (guint i = 0; status == ATLAS_CSV_ROW && i < n_fields; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", fields[i]);
      g_string_append_c (out, '\n');
      g_clear_pointer (&reason, g_free);
    }
  return g_string_free (out, FALSE);
}

static AtlasCsvParser *
new_stream_parser (const char *csv,
                   gsize       length,
                   gsize       block_size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, (gssize) length,
                                                                        NULL);

  return atlas_csv_parser_new_for_stream (stream, block_size);
}

/* A file is read a block at a time: whatever the block size, so wherever the blocks end
 * (inside a byte order mark, a quoted field, a doubled quote, a CRLF, a UTF-8 character),
 * the rows, their lines and the reasons of the bad ones are those of the whole file read
 * at once, and those written out here. */
static void
test_parser_blocks (void)
{
  static const char csv[] = "\xEF\xBB\xBF" "id,text,place\r\n"
                            "1,\"say \"\"hi\"\", then\r\nleave\",Kermān\r\n"
                            "\r\n"
                            "2,plain,\"\"\"quoted\"\"\"\n"
                            "3,K\xe9rman,x\n"
                            "4,\"a\n\nb\"tail,\"\"\r"
                            "5,\"never closed\nlast";
  static const char expected[] = "line 1: id|text|place\n"
                                 "line 2: 1|say \"hi\", then\r\nleave|Kermān\n"
                                 "line 5: 2|plain|\"quoted\"\n"
                                 "line 6: bad: the row is not valid UTF-8 text\n"
                                 "line 7: 4|a\n\nbtail|\n"
                                 "line 10: bad: a quoted field opened on line 10 is never "
                                 "closed\n";
  g_autoptr(AtlasCsvParser) whole = atlas_csv_parser_new (csv, sizeof csv - 1);
  g_autofree char *read_whole = describe_rows (whole);

  g_assert_cmpstr (read_whole, ==, expected);
  for (gsize block_size = 1; block_size <= sizeof csv; block_size++)
    {
      g_autoptr(AtlasCsvParser) parser = new_stream_parser (csv, sizeof csv - 1, block_size);
      g_autofree char *read = describe_rows (parser);

      g_assert_cmpstr (read, ==, expected);
      g_assert_cmpuint (atlas_csv_parser_get_offset (parser), ==, sizeof csv - 1);
    }
}

/* A NUL byte in a later block ends the rows with an error naming its line, however the
 * blocks fall. */
static void
test_parser_blocks_nul (void)
{
  static const char csv[] = "a,b\n1,\"two\nlines\"\n2,x\0y\n3,z\n";

  for (gsize block_size = 1; block_size <= sizeof csv; block_size++)
    {
      g_autoptr(AtlasCsvParser) parser = new_stream_parser (csv, sizeof csv - 1, block_size);
      AtlasCsvStatus status;
      char **fields;
      guint n_fields;
      char *reason = NULL;
      guint n_rows = 0;

      while ((status = atlas_csv_parser_next (parser, &fields, &n_fields, &reason))
             == ATLAS_CSV_ROW)
        n_rows++;
      g_assert_cmpint (status, ==, ATLAS_CSV_ERROR);
      g_assert_cmpuint (n_rows, <=, 2);
      g_assert_error (atlas_csv_parser_get_error (parser), ATLAS_IMPORT_ERROR,
                      ATLAS_IMPORT_ERROR_ENCODING);
      g_assert_cmpstr (atlas_csv_parser_get_error (parser)->message, ==,
                       "line 4: it holds a NUL byte, so it is not a text file");
      g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                       ATLAS_CSV_ERROR);
    }
}

/* What the readers fill in, by kind: keys are made afresh by each import. */
static const char *const *
fields_of (const char *kind)
{
  static const char *const incident[] = { "title", "summary", "start_time", "place", NULL };
  static const char *const claim[] = { "attribute", "value_text", "locator", NULL };
  static const char *const document[] = { "title", NULL };

  return g_str_equal (kind, "incident") ? incident
         : g_str_equal (kind, "claim") ? claim : document;
}

static void
assert_same_records (AtlasImportPlan *plan,
                     AtlasImportPlan *expected_plan)
{
  GPtrArray *records = atlas_import_plan_get_records (plan);
  GPtrArray *expected = atlas_import_plan_get_records (expected_plan);

  g_assert_cmpuint (records->len, ==, expected->len);
  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);
      AtlasRecord *expected_record = g_ptr_array_index (expected, i);
      const char *kind = atlas_record_get_kind (record);
      const char *const *fields = fields_of (kind);

      g_assert_cmpstr (kind, ==, atlas_record_get_kind (expected_record));
      for (guint f = 0; fields[f] != NULL; f++)
        g_assert_cmpstr (atlas_record_get_text (record, fields[f]), ==,
                         atlas_record_get_text (expected_record, fields[f]));
    }
}

static void
assert_same_problems (AtlasImportPlan *plan,
                      AtlasImportPlan *expected_plan)
{
  GPtrArray *problems = atlas_import_plan_get_problems (plan);
  GPtrArray *expected = atlas_import_plan_get_problems (expected_plan);

  g_assert_cmpuint (problems->len, ==, expected->len);
  for (guint i = 0; i < problems->len; i++)
    {
      AtlasImportProblem *problem = g_ptr_array_index (problems, i);
      AtlasImportProblem *expected_problem = g_ptr_array_index (expected, i);

      g_assert_cmpuint (problem->line, ==, expected_problem->line);
      g_assert_cmpstr (problem->reason, ==, expected_problem->reason);
    }
}

/* ACLED files read in blocks of a few bytes give what they give read at once: the same
 * incidents, claims and problems, on the same lines. */
static void
test_files_in_small_blocks (void)
{
  static const char *const names[] = { "acled.csv", "bad-rows.csv" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasImportPlan) whole = import_test_load (names[n], &error);

      g_assert_no_error (error);
      g_test_message ("%s, %u problems", names[n], atlas_import_plan_get_n_problems (whole));
      for (guint size = 1; size <= 64; size += 7)
        {
          g_autofree char *block_size = g_strdup_printf ("%u", size);
          g_autoptr(AtlasImportPlan) plan = NULL;

          g_setenv ("ATLAS_CSV_BLOCK_SIZE", block_size, TRUE);
          plan = import_test_load (names[n], &error);
          g_unsetenv ("ATLAS_CSV_BLOCK_SIZE");
          g_assert_no_error (error);
          assert_same_records (plan, whole);
          assert_same_problems (plan, whole);
        }
    }
}

/* A broken row is named by its line when the blocks end inside it, too. */
static void
test_bad_row_in_small_blocks (void)
{
  static const char csv[] = "event_date,event_type,latitude,longitude,notes\n"
                            "2024-01-03,Battles,30.28,57.08,\"first\nnote\"\n"
                            "2024-01-03,Battles,30.28,\"57.08\",\"second\r\nnote\",extra\n"
                            "2024-01-04,Riots,31,58,\"third\"\n";
  g_autoptr(GFile) file = import_test_write_temp ("broken.csv", csv, -1);

  for (guint size = 1; size <= sizeof csv; size += 5)
    {
      g_autofree char *block_size = g_strdup_printf ("%u", size);
      g_autoptr(AtlasImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      AtlasCaseCounts counts;

      g_setenv ("ATLAS_CSV_BLOCK_SIZE", block_size, TRUE);
      plan = atlas_import_plan_new_for_file (file, NULL, &error);
      g_unsetenv ("ATLAS_CSV_BLOCK_SIZE");
      g_assert_no_error (error);
      atlas_import_plan_get_counts (plan, &counts);
      g_assert_cmpuint (counts.incidents, ==, 2);
      g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
      import_test_assert_problem_on_line (plan, 4, "the row has 6 fields but the header has 5");
    }
}

/* Past the 2 GiB a CSV file could once be: it is read as a stream, not refused for its size
 * nor held in memory. This one is sparse, so its NUL bytes refuse it after its first
 * rows, naming the line; its header alone is read from its first block (of 64 bytes here,
 * which hold no NUL byte yet). */
static void
test_larger_than_memory (void)
{
  static const char csv[] = "event_date,event_type,latitude,longitude\n"
                            "2024-01-03,Battles,30.28,57.08\n";
  g_autoptr(GFile) file = import_test_write_temp ("huge.csv", csv, -1);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_auto(GStrv) header = NULL;

  g_assert_cmpint (truncate (path, (off_t) 3 << 30), ==, 0);
  g_setenv ("ATLAS_CSV_BLOCK_SIZE", "64", TRUE);
  header = atlas_import_plan_read_csv_header (file, &error);
  g_unsetenv ("ATLAS_CSV_BLOCK_SIZE");
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (header), ==, 4);
  g_assert_cmpstr (header[3], ==, "longitude");

  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_null (plan);
  assert_refused ("huge.csv", error, ATLAS_IMPORT_ERROR_ENCODING,
                  "line 3: it holds a NUL byte");
}

static void
expect_date (const char *text,
             const char *date,
             const char *precision)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = NULL;
  const char *parsed_precision = NULL;

  g_assert_true (atlas_import_parse_date (text, &parsed, &parsed_precision, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, date);
  g_assert_cmpstr (parsed_precision, ==, precision);
}

static void
expect_no_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = NULL;
  const char *precision = NULL;

  g_assert_false (atlas_import_parse_date (text, &parsed, &precision, &error));
  g_assert_nonnull (strstr (error->message, "unparseable date"));
}

static void
test_dates (void)
{
  expect_date ("2024", "2024", "year");
  expect_date ("2024-01", "2024-01", "month");
  expect_date ("2024-01-03", "2024-01-03", "day");
  expect_date (" 2024/01/03 ", "2024-01-03", "day");
  expect_date ("03 January 2024", "2024-01-03", "day");
  expect_date ("3 Jan 2024", "2024-01-03", "day");
  expect_date ("03-January-2024", "2024-01-03", "day");
  expect_date ("January 3, 2024", "2024-01-03", "day");
  expect_date ("3 Sept 2024", "2024-09-03", "day");
  expect_date ("2024-01-03T10:15:30Z", "2024-01-03T10:15:30Z", "minute");
  expect_date ("2024-01-03 10:15", "2024-01-03T10:15:00Z", "minute");
  expect_date ("2024-01-03T23:30:00-02:00", "2024-01-04T01:30:00Z", "minute");
  expect_date ("2024-01-03T10Z", "2024-01-03T10:00:00Z", "hour");
  expect_no_date ("3rd Jan");
  expect_no_date ("03/01/2024");
  expect_no_date ("2024-02-30");
  expect_no_date ("2024-13");
  expect_no_date ("31 Foo 2024");
  expect_no_date ("");
  expect_no_date ("2024-01-03Tnonsense");
}

static void
test_coordinates (void)
{
  g_autoptr(GError) error = NULL;
  double latitude, longitude;

  g_assert_true (atlas_import_parse_coordinate (" 30.5 ", "-57e0", &latitude, &longitude, NULL));
  g_assert_cmpfloat (latitude, ==, 30.5);
  g_assert_cmpfloat (longitude, ==, -57.0);
  g_assert_false (atlas_import_parse_coordinate ("inf", "57", &latitude, &longitude, &error));
  g_assert_nonnull (strstr (error->message, "is not a number"));
  g_clear_error (&error);
  g_assert_false (atlas_import_parse_coordinate ("0x1p4", "57", &latitude, &longitude, &error));
  g_clear_error (&error);
  g_assert_false (atlas_import_parse_coordinate ("1e999", "57", &latitude, &longitude, &error));
  g_clear_error (&error);
  g_assert_false (atlas_import_parse_coordinate ("30", "190", &latitude, &longitude, &error));
  g_assert_cmpstr (error->message, ==, "longitude 190 is outside −180…180");
}

/* A timestamp that leaves the years 1…9999 once in UTC is a problem of its row, not a
 * GLib critical (fatal under G_DEBUG=fatal-criticals, as the tests run). */
static void
test_timestamps_out_of_range (void)
{
  static const char csv[] =
    "event_id_cnty,event_date,event_type,latitude,longitude,source,notes,fatalities\n"
    "T1,9999-12-31T23:59-01:00,Battles,30,57,Reuters,late,1\n"
    "T2,0001-01-01T00:00+01:00,Battles,30,57,Reuters,early,1\n"
    "T3,0000-01-01T00:00+01:00,Battles,30,57,Reuters,year zero,1\n"
    "T4,9999-12-31T23:59+01:00,Battles,30,57,Reuters,fine,1\n";
  g_autoptr(GFile) file = import_test_write_temp ("times.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 3);
  import_test_assert_problem_on_line (plan, 2, "“9999-12-31T23:59-01:00” falls outside the "
                                      "years 1 to 9999");
  import_test_assert_problem_on_line (plan, 3, "“0001-01-01T00:00+01:00” falls outside");
  import_test_assert_problem_on_line (plan, 4, "unparseable date “0000-01-01T00:00+01:00”");
  g_assert_cmpstr (atlas_record_get_text (import_test_find_record (plan, "incident", 0),
                                          "start_time"), ==, "9999-12-31T22:59:00Z");
}

/* ACLED's fatalities are a count: one beyond what a double holds as a whole number is a
 * problem of its row (1e20 was kept, and shown as -1); text stays text. */
static void
test_acled_fatalities (void)
{
  g_autofree char *header = NULL;
  g_autofree char *acled = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_autofree char *path = import_test_data_path ("acled.csv");
  static const char *const figures[] = { "1e20", "1e400", "-99999999999999999999", "12",
                                         "unknown" };
  AtlasCaseCounts counts;

  g_assert_true (g_file_get_contents (path, &acled, NULL, NULL));
  header = g_strndup (acled, (gsize) (strchr (acled, '\n') - acled + 1));
  csv = g_string_new (header);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    g_string_append_printf (csv, "IRN%u,2024-01-03,2024,1,Political violence,Battles,"
                            "Armed clash,A,,1,B,,2,12,,364,Middle East,Iran,Kerman,Kerman,,"
                            "Kerman,30.28,57.08,1,Reuters,International,notes,%s,,1704844800\n",
                            i, figures[i]);
  file = import_test_write_temp ("fatalities.csv", csv->str, (gssize) csv->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 3);
  import_test_assert_problem_on_line (plan, 2, "fatalities “1e20” is beyond");
  import_test_assert_problem_on_line (plan, 3, "fatalities “1e400” is beyond");
  import_test_assert_problem_on_line (plan, 4, "fatalities “-99999999999999999999” is beyond");
  g_assert_cmpstr (atlas_record_get_text (find_claim (plan,
                     atlas_record_get_key (import_test_find_record (plan, "incident", 1)),
                     "fatalities"), "value_text"), ==, "unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/import/csv/acled", test_acled);
  g_test_add_func ("/atlas/import/csv/acled-old", test_acled_old);
  g_test_add_func ("/atlas/import/csv/bad-rows", test_bad_rows);
  g_test_add_func ("/atlas/import/csv/crlf-bom", test_crlf_bom);
  g_test_add_func ("/atlas/import/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/atlas/import/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/atlas/import/csv/huge-field", test_huge_field);
  g_test_add_func ("/atlas/import/csv/huge-row", test_huge_row);
  g_test_add_func ("/atlas/import/csv/too-many-fields", test_too_many_fields);
  g_test_add_func ("/atlas/import/csv/needs-mapping", test_needs_mapping);
  g_test_add_func ("/atlas/import/csv/mapped", test_mapped);
  g_test_add_func ("/atlas/import/csv/mapping-missing-column", test_mapping_missing_column);
  g_test_add_func ("/atlas/import/csv/parser", test_parser);
  g_test_add_func ("/atlas/import/csv/parser-unterminated", test_parser_unterminated);
  g_test_add_func ("/atlas/import/csv/parser-blocks", test_parser_blocks);
  g_test_add_func ("/atlas/import/csv/parser-blocks-nul", test_parser_blocks_nul);
  g_test_add_func ("/atlas/import/csv/files-in-small-blocks", test_files_in_small_blocks);
  g_test_add_func ("/atlas/import/csv/bad-row-in-small-blocks", test_bad_row_in_small_blocks);
  g_test_add_func ("/atlas/import/csv/larger-than-memory", test_larger_than_memory);
  g_test_add_func ("/atlas/import/csv/dates", test_dates);
  g_test_add_func ("/atlas/import/csv/coordinates", test_coordinates);

  g_test_add_func ("/atlas/import/csv/timestamps-out-of-range", test_timestamps_out_of_range);
  g_test_add_func ("/atlas/import/csv/acled-fatalities", test_acled_fatalities);

  return g_test_run ();
}
