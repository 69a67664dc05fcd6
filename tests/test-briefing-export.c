/* test-briefing-export.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Take-away slides, headless: the sample briefing as a PDF (one page per step, each with
 * its caption and a source, read back with poppler's pdfinfo and pdftotext), the current
 * view as PNG and PDF, errors that name the file, cancelling, and long text that must
 * never leave its page.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-briefing-exporter.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-view.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-footnote-list.h"
#include "atlas-incident.h"
#include "atlas-slide-layout.h"
#include "test-slowdown.h"

/* Around Iran and Afghanistan: the sample case's routes and most of its incidents. */
static const AtlasBounds sample_view = { 50.0, 24.0, 72.0, 40.0 };

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-briefing-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The sample case, read-only; NULL (and the test skipped) when the build has none. */
static AtlasCase *
open_sample_case (void)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("ATLAS_SAMPLE_CASE does not name the built sample case");
      return NULL;
    }
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return atlas_case;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo != NULL && pdftotext != NULL)
    return TRUE;
  g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
  return FALSE;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_test_message ("%s: %s", argv[0], err);
  g_assert_no_error (error);
  return out;
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");
  g_autofree char *number = NULL;
  guint64 count = 0;

  g_assert_nonnull (pages);
  pages += strlen ("\nPages:");
  number = g_strstrip (g_strndup (pages, strcspn (pages, "\n")));
  g_assert_true (g_ascii_string_to_unsigned (number, 10, 0, 10000, &count, NULL));
  return (guint) count;
}

/* Runs of white space become one space, so text wrapped on the page compares with the case. */
static char *
normalise (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_steal_pointer (&joined));
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", path, "-",
                         NULL };
  g_autofree char *text = run_tool (argv);

  return normalise (text);
}

static char *
caption_start (AtlasRecord *step)
{
  g_autofree char *caption = normalise (atlas_record_get_text (step, "caption"));

  return g_utf8_substring (caption, 0, MIN (40, g_utf8_strlen (caption, -1)));
}

/* The publishers of the documents behind the step's claims. */
static GPtrArray *
step_publishers (AtlasCase   *atlas_case,
                 AtlasRecord *step)
{
  g_auto(GStrv) keys = g_strsplit (atlas_record_get_text (step, "claim_keys"), " ", -1);
  GPtrArray *publishers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(AtlasRecord) claim = atlas_case_lookup (atlas_case, "claim", keys[i], NULL);
      g_autoptr(AtlasRecord) document = NULL;

      if (claim == NULL)
        continue;
      document = atlas_case_lookup (atlas_case, "document",
                                    atlas_record_get_text (claim, "document_key"), NULL);
      if (document != NULL && atlas_record_get_text (document, "publisher") != NULL)
        g_ptr_array_add (publishers, normalise (atlas_record_get_text (document, "publisher")));
    }
  return publishers;
}

static gboolean
text_holds_any (const char *text,
                GPtrArray  *needles)
{
  for (guint i = 0; i < needles->len; i++)
    if (strstr (text, g_ptr_array_index (needles, i)) != NULL)
      return TRUE;
  return FALSE;
}

static void
check_step_page (AtlasCase   *atlas_case,
                 const char  *pdf,
                 AtlasRecord *step,
                 guint        page)
{
  g_autofree char *text = pdf_page_text (pdf, page);
  g_autofree char *caption = caption_start (step);
  g_autoptr(GPtrArray) publishers = step_publishers (atlas_case, step);
  g_autofree char *counter = g_strdup_printf ("%u of", page);

  if (strstr (text, caption) == NULL)
    g_test_message ("page %u reads: %s", page, text);
  g_assert_nonnull (strstr (text, caption));
  g_assert_nonnull (strstr (text, counter));
  g_assert_cmpuint (publishers->len, >, 0);
  g_assert_true (text_holds_any (text, publishers));
}

static void
test_briefing_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "briefing.pdf");
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GError) error = NULL;
  guint n_steps;

  if (atlas_case == NULL || !have_poppler ())
    return;

  g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, NULL, pdf, ATLAS_BRIEFING_A4_WIDTH,
                                                     ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_no_error (error);

  steps = atlas_case_list_records (atlas_case, ATLAS_TYPE_BRIEFING_STEP, &error);
  g_assert_no_error (error);
  n_steps = g_list_model_get_n_items (steps);
  g_assert_cmpuint (n_steps, >, 0);
  g_assert_cmpuint (pdf_page_count (pdf), ==, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);

      check_step_page (atlas_case, pdf, step, i + 1);
    }
}

/* A 16:9 slide and a portrait page lay out differently, but hold the same text. */
static void
test_briefing_pdf_page_shapes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  static const double sizes[][2] = { { 960, 540 }, { 595.28, 841.89 } };
  g_autoptr(GListModel) steps = NULL;

  if (atlas_case == NULL || !have_poppler ())
    return;

  steps = atlas_case_list_records (atlas_case, ATLAS_TYPE_BRIEFING_STEP, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *pdf = fixture_path (fixture, "shape.pdf");
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, 2);
      g_autoptr(GError) error = NULL;

      g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, NULL, pdf, sizes[s][0],
                                                         sizes[s][1], NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pdf_page_count (pdf), ==, g_list_model_get_n_items (steps));
      check_step_page (atlas_case, pdf, step, 3);
    }
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* How many different colours a grid of samples over the image finds. */
static guint
count_colours (cairo_surface_t *image)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  for (int y = 0; y < height; y += 7)
    for (int x = 0; x < width; x += 7)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x) & 0xffffff;

        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  return g_hash_table_size (colours);
}

static void
test_view_png (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *png = fixture_path (fixture, "view.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  if (atlas_case == NULL)
    return;

  g_assert_true (atlas_briefing_exporter_export_view_png (atlas_case, NULL, &sample_view,
                                                          "Kerman & the routes <b>",
                                                          800, 500, 1.5, png, NULL, &error));
  g_assert_no_error (error);

  image = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 750);
  /* a basemap, routes, symbols and text: far from a blank page */
  g_assert_cmpuint (count_colours (image), >, 200);
  cairo_surface_destroy (image);
}

static void
test_view_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "view.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL || !have_poppler ())
    return;

  g_assert_true (atlas_briefing_exporter_export_view_pdf (atlas_case, NULL, &sample_view,
                                                          "Kerman & the routes <b>",
                                                          ATLAS_BRIEFING_A4_WIDTH,
                                                          ATLAS_BRIEFING_A4_HEIGHT, pdf, NULL,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 1);

  text = pdf_page_text (pdf, 1);
  /* the title is text, not markup */
  g_assert_nonnull (strstr (text, "Kerman & the routes <b>"));
  /* every source of what is in view, as a footnote */
  g_assert_nonnull (strstr (text, "NewsNation"));
  g_assert_nonnull (strstr (text, "Israel National News (relaying Reuters)"));
  g_assert_nonnull (strstr (text, "Unnamed analysis publisher"));
}

/* A view of empty sea cites nothing, and says so. */
static void
test_view_without_sources (Fixture       *fixture,
                           gconstpointer  data)
{
  static const AtlasBounds sea = { -40.0, -10.0, -30.0, 0.0 };
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "sea.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL || !have_poppler ())
    return;

  g_assert_true (atlas_briefing_exporter_export_view_pdf (atlas_case, NULL, &sea, "Atlantic",
                                                          800, 600, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_page_text (pdf, 1);
  g_assert_null (strstr (text, "NewsNation"));
  g_assert_nonnull (strstr (text, "Nothing on this map has a cited source"));
}

static void
test_unwritable_path (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "no-such-folder/briefing.pdf");
  g_autofree char *png = fixture_path (fixture, "no-such-folder/view.png");
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL)
    return;

  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL,
                                                      pdf, ATLAS_BRIEFING_A4_WIDTH,
                                                      ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, pdf));
  g_clear_error (&error);

  g_assert_false (atlas_briefing_exporter_export_view_png (atlas_case, NULL, &sample_view, "View",
                                                           800, 500, 1, png, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, png));
}

static void
test_bad_page_size (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "tiny.pdf");
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL)
    return;

  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL, pdf, 50, 50, NULL, &error));
  g_assert_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_INVALID_SIZE);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A cancelled export leaves no file behind, and an existing one untouched. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = fixture_path (fixture, "cancelled.pdf");
  g_autofree char *kept = fixture_path (fixture, "kept.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL)
    return;

  g_cancellable_cancel (cancellable);
  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL,
                                                      pdf, ATLAS_BRIEFING_A4_WIDTH,
                                                      ATLAS_BRIEFING_A4_HEIGHT, cancellable,
                                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (kept, "before", -1, NULL));
  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL,
                                                      kept, ATLAS_BRIEFING_A4_WIDTH,
                                                      ATLAS_BRIEFING_A4_HEIGHT, cancellable,
                                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
}

typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         n_progress;
} AsyncState;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
  g_main_loop_quit (state->loop);
}

static void
progress_cb (AtlasBriefingExporter *exporter,
             GParamSpec            *pspec,
             AsyncState            *state)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->n_progress++;
}

/* The worker thread lets go of its task, and so of the exporter, a moment after the result
 * arrives. */
static void
wait_for_last_reference (GObject *object)
{
  gint64 deadline = g_get_monotonic_time () + TEST_SLOWDOWN * 10 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&object->ref_count) > 1 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The export runs on a worker; progress arrives on the main thread, step by step. */
static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *pdf = fixture_path (fixture, "async.pdf");
  g_autoptr(AtlasBriefingExporter) exporter = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0, };

  if (atlas_case == NULL)
    return;

  exporter = atlas_briefing_exporter_new (atlas_case);
  g_assert_true (atlas_briefing_exporter_get_case (exporter) == atlas_case);
  g_signal_connect (exporter, "notify::progress", G_CALLBACK (progress_cb), &state);
  state.loop = g_main_loop_new (NULL, FALSE);

  atlas_briefing_exporter_export_briefing_async (exporter, file, ATLAS_BRIEFING_A4_WIDTH,
                                                 ATLAS_BRIEFING_A4_HEIGHT, NULL, export_done_cb,
                                                 &state);
  g_main_loop_run (state.loop);
  /* the last progress update may be queued behind the result */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  atlas_briefing_exporter_export_briefing_finish (exporter, state.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (state.n_progress, >=, 2);
  g_assert_cmpfloat_with_epsilon (atlas_briefing_exporter_get_progress (exporter), 1.0, 1e-9);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_clear_object (&state.result);
  g_main_loop_unref (state.loop);
  wait_for_last_reference (G_OBJECT (exporter));
  g_assert_finalize_object (g_steal_pointer (&exporter));
}

static void
test_async_view (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_case ();
  g_autofree char *png = fixture_path (fixture, "async.png");
  g_autoptr(AtlasBriefingExporter) exporter = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "bombing", NULL };
  AsyncState state = { 0, };
  cairo_surface_t *image;

  if (atlas_case == NULL)
    return;

  exporter = atlas_briefing_exporter_new (atlas_case);
  atlas_filter_set_categories (filter, categories);
  state.loop = g_main_loop_new (NULL, FALSE);
  atlas_briefing_exporter_export_view_async (exporter, ATLAS_VIEW_FORMAT_PNG, filter,
                                             &sample_view, "Bombings", 640, 400, 1, file, NULL,
                                             export_done_cb, &state);
  /* the worker has its own copy of the filter */
  atlas_filter_reset (filter);
  g_main_loop_run (state.loop);

  atlas_briefing_exporter_export_view_finish (exporter, state.result, &error);
  g_assert_no_error (error);
  image = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  cairo_surface_destroy (image);

  g_clear_object (&state.result);
  g_main_loop_unref (state.loop);
}

/* A case without a briefing has nothing to export, and the error says which case. */
static void
test_no_briefing (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *case_path = fixture_path (fixture, "empty.gpkg");
  g_autofree char *pdf = fixture_path (fixture, "empty.pdf");
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (case_file, "Empty", &error);

  g_assert_no_error (error);
  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL,
                                                      pdf, ATLAS_BRIEFING_A4_WIDTH,
                                                      ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_NO_STEPS);
  g_assert_nonnull (strstr (error->message, "empty.gpkg"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static AtlasRecord *
make_record (GType       type,
             const char *key)
{
  return g_object_new (type, "key", key, NULL);
}

/* A case whose text looks like markup, with a caption far too long for a page and more
 * claims than a page can list. */
static AtlasCase *
create_crowded_case (Fixture *fixture,
                     guint    n_claims)
{
  g_autofree char *path = fixture_path (fixture, "crowded.gpkg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) caption = g_string_new ("Tom & Jerry <b>not bold</b> at the depot. ");
  g_autoptr(GString) claim_keys = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Crowded <i>case</i>", &error);
  AtlasRecord *record;

  g_assert_no_error (error);
  record = make_record (ATLAS_TYPE_DOCUMENT, "doc");
  atlas_record_set_text (record, "title", "Depot report");
  atlas_record_set_text (record, "publisher", "Depot & Sons <Gazette>");
  atlas_record_set_text (record, "published", "2020-05-01");
  atlas_record_set_text (record, "doc_kind", "news");
  atlas_record_set_text (record, "reliability", "B");
  g_ptr_array_add (records, record);

  record = make_record (ATLAS_TYPE_INCIDENT, "inc");
  atlas_record_set_text (record, "title", "Fire at the depot");
  atlas_record_set_text (record, "category", "other");
  atlas_record_set_double (record, "latitude", 48.85);
  atlas_record_set_double (record, "longitude", 2.35);
  atlas_record_set_text (record, "location_precision", "site");
  g_ptr_array_add (records, record);

  for (guint i = 0; i < n_claims; i++)
    {
      g_autofree char *key = g_strdup_printf ("claim-%u", i);

      record = make_record (ATLAS_TYPE_CLAIM, key);
      atlas_record_set_text (record, "subject_kind", "incident");
      atlas_record_set_text (record, "subject_key", "inc");
      atlas_record_set_text (record, "attribute", "statement");
      atlas_record_set_text (record, "value_text", "a long statement that goes on and on, "
                             "repeating what the depot's owner said to three newspapers");
      atlas_record_set_text (record, "document_key", "doc");
      atlas_record_set_text (record, "attributed_to", "the owner <of the depot>");
      atlas_record_set_text (record, "qualifier", "text");
      atlas_record_set_int (record, "credibility", 2);
      g_ptr_array_add (records, record);
      g_string_append_printf (claim_keys, "%s ", key);
    }

  for (guint i = 0; i < 60; i++)
    g_string_append (caption, "The fire spread from the loading bay to the offices. ");
  record = make_record (ATLAS_TYPE_BRIEFING_STEP, "step-1");
  atlas_record_set_int (record, "seq", 1);
  atlas_record_set_text (record, "subject_kind", "incident");
  atlas_record_set_text (record, "subject_key", "inc");
  atlas_record_set_text (record, "caption", caption->str);
  atlas_record_set_text (record, "claim_keys", claim_keys->str);
  g_ptr_array_add (records, record);

  atlas_case_write_records (atlas_case, records, &error);
  g_assert_no_error (error);
  return atlas_case;
}

/* Text from the case is printed as it is, never read as markup. */
static void
test_text_is_not_markup (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_crowded_case (fixture, 3);
  g_autofree char *pdf = fixture_path (fixture, "crowded.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_poppler ())
    return;

  g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, NULL, pdf, ATLAS_BRIEFING_A4_WIDTH,
                                                     ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_no_error (error);
  text = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (text, "Crowded <i>case</i>"));
  g_assert_nonnull (strstr (text, "Tom & Jerry <b>not bold</b>"));
  g_assert_nonnull (strstr (text, "Depot & Sons <Gazette>"));
  g_assert_nonnull (strstr (text, "the owner <of the depot>"));
}

/* What a slide draws, on a recording surface, stays inside the page. */
static void
test_crowded_page_stays_on_page (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_crowded_case (fixture, 40);
  g_autofree char *pdf = fixture_path (fixture, "crowded.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_poppler ())
    return;

  g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, NULL,
                                                     pdf, 600, 400, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 1);
  text = pdf_page_text (pdf, 1);
  /* the caption is cut, and the notes that do not fit are counted; small print may come
   * back from pdftotext with spaces inside words */
  g_strdelimit (text, " ", '_');
  g_assert_nonnull (strstr (text, "Tom_&_Jerry"));
  g_assert_true (g_regex_match_simple ("more_*sources", text, 0, 0));
}

static void
assert_ink_inside (cairo_surface_t *recording,
                   double           width,
                   double           height)
{
  double x, y, ink_width, ink_height;

  cairo_recording_surface_ink_extents (recording, &x, &y, &ink_width, &ink_height);
  g_test_message ("ink: %.1f, %.1f, %.1f x %.1f", x, y, ink_width, ink_height);
  g_assert_cmpfloat (x, >=, -0.5);
  g_assert_cmpfloat (y, >=, -0.5);
  g_assert_cmpfloat (x + ink_width, <=, width + 0.5);
  g_assert_cmpfloat (y + ink_height, <=, height + 0.5);
}

static AtlasFootnoteList *
create_long_notes (guint n_notes)
{
  AtlasFootnoteList *notes = atlas_footnote_list_new ();

  for (guint i = 0; i < n_notes; i++)
    atlas_footnote_list_add (notes, "Deaths: somewhere between eighty-four and nearly one "
                             "hundred, depending on which minister is quoted",
                             "NewsNation, 4 January 2024 · attributed to Iran's Interior "
                             "Minister Ahmad Vahidi · reliability B");
  return notes;
}

/* Notes that cannot all fit shrink, then end with "and N more sources", inside their box. */
static void
check_footnotes_fit (void)
{
  static const double box_width = 240, box_height = 180;
  cairo_rectangle_t extents = { 0, 0, box_width, box_height };

  for (guint n = 1; n <= 64; n *= 4)
    {
      g_autoptr(AtlasFootnoteList) notes = create_long_notes (n);
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                   NULL);
      cairo_t *cr = cairo_create (recording);
      guint shown;

      shown = atlas_footnote_list_draw (notes, cr, box_width, box_height);
      cairo_destroy (cr);
      g_test_message ("%u notes: %u shown", n, shown);
      g_assert_cmpuint (shown, >=, 1);
      g_assert_cmpuint (shown, <=, n);
      if (n == 1)
        g_assert_cmpuint (shown, ==, 1);
      if (n == 64)
        g_assert_cmpuint (shown, <, 64);
      assert_ink_inside (recording, extents.width, extents.height);
      cairo_surface_destroy (recording);
    }
}

/* A fontconfig set-up in which another family stands in for Cantarell. */
static char *
write_font_config (const char *dir,
                   const char *family)
{
  g_autofree char *path = g_build_filename (dir, "fonts.conf", NULL);
  g_autofree char *config = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
    "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
    "  <selectfont><rejectfont><glob>*antarell*</glob></rejectfont></selectfont>\n"
    "  <match target=\"pattern\"><test name=\"family\"><string>Cantarell</string></test>\n"
    "    <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>%s</string>"
    "</edit></match>\n</fontconfig>\n", family);

  g_assert_true (g_file_set_contents (path, config, -1, NULL));
  return g_steal_pointer (&path);
}

/* The notes fit their box whatever font the machine gives for Cantarell (with
 * fonts-urw-base35 installed, the ink of a line stood 0.5 pt past it): each run is a
 * process of its own, as fontconfig reads its set-up once. */
static void
test_footnotes_fit (void)
{
  static const char *const families[] = {
    NULL, "DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans Condensed", "DejaVu Math TeX Gyre",
    "Nimbus Sans", "URW Bookman", "Liberation Serif",
  };
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      check_footnotes_fit ();
      return;
    }
  dir = g_dir_make_tmp ("footnote-fonts-XXXXXX", NULL);
  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autofree char *config = families[i] ? write_font_config (dir, families[i]) : NULL;

      g_test_message ("Cantarell as %s", families[i] ? families[i] : "the machine has it");
      if (config != NULL)
        g_setenv ("FONTCONFIG_FILE", config, TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("FONTCONFIG_FILE");
      g_test_trap_assert_passed ();
      if (config != NULL)
        g_unlink (config);
    }
  g_rmdir (dir);
}

static void
test_slide_text_stays_on_page (void)
{
  g_autoptr(AtlasFootnoteList) notes = create_long_notes (30);
  g_autoptr(GString) caption = g_string_new (NULL);
  static const double sizes[][2] = { { 842, 595 }, { 595, 842 }, { 960, 540 }, { 300, 300 } };

  for (guint i = 0; i < 100; i++)
    g_string_append (caption, "A caption far too long for any page. ");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      AtlasSlide slide = { ATLAS_SLIDE_PANEL, "A title long enough to need cutting short in "
                           "the header of a small page, and then some more", "Step 3 of 16",
                           3, 16, "Incident · 3 January 2024", "Twin bombings", caption->str,
                           "Sources", NULL, notes, "Exported today", "case.gpkg" };
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                   NULL);
      cairo_t *cr = cairo_create (recording);

      atlas_slide_draw (&slide, cr, sizes[s][0], sizes[s][1]);
      cairo_destroy (cr);
      assert_ink_inside (recording, sizes[s][0], sizes[s][1]);
      cairo_surface_destroy (recording);
    }
}

/* --export-briefing: the exit status, and errors on standard error naming the file. */
static void
test_command (Fixture       *fixture,
              gconstpointer  data)
{
  const char *sample = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autofree char *pdf = fixture_path (fixture, "command.pdf");

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("ATLAS_SAMPLE_CASE does not name the built sample case");
      return;
    }

  if (g_test_subprocess ())
    {
      /* no display is needed */
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
      exit (atlas_briefing_exporter_run_command (g_getenv ("ATLAS_TEST_OUT"),
                                                 g_getenv ("ATLAS_TEST_CASE"),
                                                 g_getenv ("ATLAS_TEST_BRIEFING")));
    }

  g_setenv ("ATLAS_TEST_OUT", pdf, TRUE);
  g_setenv ("ATLAS_TEST_CASE", sample, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* a briefing chosen by a title the case does not have: named, nothing written */
  g_remove (pdf);
  g_setenv ("ATLAS_TEST_BRIEFING", "No such briefing", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no briefing titled*No such briefing*");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_unsetenv ("ATLAS_TEST_BRIEFING");

  g_setenv ("ATLAS_TEST_CASE", "/nonexistent/case.gpkg", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*/nonexistent/case.gpkg*");
  /* in the sanitized build a report fails the process too: it must not pass for this */
  g_test_trap_assert_stderr_unmatched ("*Sanitizer:*");
  g_test_trap_assert_stderr_unmatched ("*: runtime error: *");
}

/* A copy of the sample case, to edit. */
static AtlasCase *
open_sample_copy (Fixture *fixture)
{
  const char *sample = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autofree char *path = fixture_path (fixture, "copy.gpkg");
  g_autofree char *bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length;
  AtlasCase *atlas_case;

  if (sample == NULL || !g_file_get_contents (sample, &bytes, &length, NULL))
    {
      g_test_skip ("ATLAS_SAMPLE_CASE does not name the built sample case");
      return NULL;
    }
  g_assert_true (g_file_set_contents (path, bytes, (gssize) length, &error));
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return atlas_case;
}

/* A second briefing made of one step, its view kept with a filter that shows only the
 * bombings of January 2024. */
static char *
add_short_briefing (AtlasCase *atlas_case)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Add briefing");
  g_autoptr(GListModel) steps = atlas_case_list_briefing_steps (atlas_case, NULL, NULL);
  g_autoptr(AtlasRecord) first = g_list_model_get_item (steps, 0);
  g_autoptr(AtlasRecord) step = atlas_briefing_step_duplicate (first, "short-1");
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  const char *categories[] = { "bombing", NULL };
  AtlasBriefingView view = { 30.3, 57.1, 7, { 54, 28, 60, 32.5 }, NULL, filter };
  g_autoptr(GError) error = NULL;
  char *key = atlas_case_add_briefing (atlas_case, edit, "Short", &error);

  atlas_filter_set_categories (filter, categories);
  atlas_filter_set_date_range (filter, "2024-01-01", "2024-01-31");
  atlas_briefing_view_apply_to_step (&view, step);
  atlas_record_set_text (step, "briefing_key", key);
  atlas_record_set_text (step, "caption", "Only this step, in the short briefing.");
  g_assert_true (atlas_case_insert_step (atlas_case, edit, step, NULL, &error));
  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
  g_assert_no_error (error);
  return key;
}

/* Each briefing of a case exports on its own, page for page; a step with a filter too. */
static void
test_chosen_briefing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_copy (fixture);
  g_autofree char *pdf = fixture_path (fixture, "short.pdf");
  g_autofree char *full_pdf = fixture_path (fixture, "full.pdf");
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) full = NULL;
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL || !have_poppler ())
    return;
  key = add_short_briefing (atlas_case);

  g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, key, pdf,
                                                     ATLAS_BRIEFING_A4_WIDTH,
                                                     ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 1);
  text = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (text, "Only this step, in the short briefing."));

  /* no key: the first briefing, which the short one left alone */
  g_assert_true (atlas_briefing_exporter_export_pdf (atlas_case, NULL, full_pdf,
                                                     ATLAS_BRIEFING_A4_WIDTH,
                                                     ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  full = atlas_case_list_briefing_steps (atlas_case, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (full), >, 1);
  g_assert_cmpuint (pdf_page_count (full_pdf), ==, g_list_model_get_n_items (full));
}

/* Filters from a hostile file: the export names the step and writes nothing. */
static void
test_bad_step_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = open_sample_copy (fixture);
  g_autofree char *pdf = fixture_path (fixture, "bad.pdf");
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Break filter");
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(AtlasRecord) step = NULL;
  g_autoptr(AtlasRecord) broken = NULL;
  g_autoptr(GError) error = NULL;

  if (atlas_case == NULL)
    return;
  steps = atlas_case_list_briefing_steps (atlas_case, NULL, &error);
  step = g_list_model_get_item (steps, 1);
  broken = atlas_record_dup (step);
  atlas_record_set_text (broken, "filters", "reliability=Q");
  atlas_edit_change (edit, step, broken);
  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));

  g_assert_false (atlas_briefing_exporter_export_pdf (atlas_case, NULL, pdf,
                                                      ATLAS_BRIEFING_A4_WIDTH,
                                                      ATLAS_BRIEFING_A4_HEIGHT, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Step 2"));
  g_assert_nonnull (strstr (error->message, "reliability=Q"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* a fixed export date, as a reproducible build would set it */
  g_setenv ("SOURCE_DATE_EPOCH", "1704240000", TRUE);

  add_test ("/briefing/export/pdf", test_briefing_pdf);
  add_test ("/briefing/export/pdf-page-shapes", test_briefing_pdf_page_shapes);
  add_test ("/briefing/export/view-png", test_view_png);
  add_test ("/briefing/export/view-pdf", test_view_pdf);
  add_test ("/briefing/export/view-without-sources", test_view_without_sources);
  add_test ("/briefing/export/unwritable-path", test_unwritable_path);
  add_test ("/briefing/export/bad-page-size", test_bad_page_size);
  add_test ("/briefing/export/cancelled", test_cancelled);
  add_test ("/briefing/export/async-progress", test_async_progress);
  add_test ("/briefing/export/async-view", test_async_view);
  add_test ("/briefing/export/no-briefing", test_no_briefing);
  add_test ("/briefing/export/text-is-not-markup", test_text_is_not_markup);
  add_test ("/briefing/export/crowded-page", test_crowded_page_stays_on_page);
  add_test ("/briefing/export/command", test_command);
  add_test ("/briefing/export/chosen-briefing", test_chosen_briefing);
  add_test ("/briefing/export/bad-step-filter", test_bad_step_filter);
  g_test_add_func ("/briefing/footnotes/fit", test_footnotes_fit);
  g_test_add_func ("/briefing/slide/text-stays-on-page", test_slide_text_stays_on_page);

  return g_test_run ();
}
