/* test-export.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports: the sample case to GeoJSON and KML and back through the importer (same
 * incidents, routes, coordinates, dates and claims), GDAL reading what we write, CSV
 * quoting and formula neutralising, hostile text in KML, the filter, and failures that
 * leave nothing behind.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "atlas-case-exporter.h"
#include "atlas-claim.h"
#include "atlas-csv-parser.h"
#include "atlas-document.h"
#include "atlas-import-plan.h"
#include "atlas-incident.h"
#include "atlas-route.h"

#define COORDINATE_EPSILON 1e-7

/* Claim names the GeoJSON reader takes as fields (atlas-import-batch.c); the writer keeps
 * claims with these names in its "claims" list only. */
static const char * const reader_field_names[] = {
  "title", "name", "category", "type", "event_type", "date", "start", "start_time", "time",
  "timestamp", "event_date", "when", "end", "end_time", "place", "location", "admin_area",
  "admin1", "country", "summary", "description", "desc", "notes", NULL
};

/* ---- helpers ------------------------------------------------------------------------- */

/* A new folder in the test's own cache folder, which G_TEST_OPTION_ISOLATE_DIRS removes. */
static char *
make_temp_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "export-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (dir));
  return dir;
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static AtlasCase *
open_sample (void)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case;

  if (path == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return atlas_case;
}

static AtlasCase *
create_case (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "case.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "Export test", &error);

  g_assert_no_error (error);
  return atlas_case;
}

/* Exports @atlas_case into a new folder; returns the file's path. */
static char *
export_case (AtlasCase         *atlas_case,
             AtlasFilter       *filter,
             AtlasExportFormat  format)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *name = g_strconcat ("export.", atlas_case_exporter_get_extension (format),
                                       NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_exporter_export (atlas_case, filter, path, format, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  return path;
}

/* Imports @path into a new case, as File ▸ Import does. */
static AtlasCase *
import_into_new_case (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_autofree char *dir = make_temp_dir ();
  AtlasCase *atlas_case = create_case (dir);

  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_set_problems_accepted (plan, TRUE);
  g_assert_true (atlas_import_plan_apply (plan, atlas_case, &error));
  g_assert_no_error (error);
  return atlas_case;
}

static GListModel *
list_claims (AtlasCase   *atlas_case,
             AtlasRecord *subject,
             const char  *attribute)
{
  g_autoptr(GError) error = NULL;
  GListModel *claims = atlas_case_list_claims (atlas_case, atlas_record_get_kind (subject),
                                               atlas_record_get_key (subject), attribute,
                                               &error);

  g_assert_no_error (error);
  return claims;
}

static gboolean
has_claim (AtlasCase   *atlas_case,
           AtlasRecord *subject,
           const char  *attribute,
           const char  *value)
{
  g_autoptr(GListModel) claims = list_claims (atlas_case, subject, attribute);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (atlas_record_get_text (claim, "value_text"), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* An imported incident that is a waypoint read back as a point (its "kind" claim says so). */
static gboolean
is_waypoint_echo (AtlasCase   *atlas_case,
                  AtlasRecord *incident)
{
  return has_claim (atlas_case, incident, "kind", "waypoint");
}

static GPtrArray *
list_incidents (AtlasCase *atlas_case,
                gboolean   waypoint_echoes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = atlas_case_list_incidents (atlas_case, NULL, &error);
  GPtrArray *incidents = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      AtlasRecord *incident = g_list_model_get_item (all, i);

      if (is_waypoint_echo (atlas_case, incident) == waypoint_echoes)
        g_ptr_array_add (incidents, incident);
      else
        g_object_unref (incident);
    }
  return incidents;
}

static AtlasRecord *
find_by_text (GPtrArray  *records,
              const char *field,
              const char *text)
{
  AtlasRecord *found = NULL;

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (atlas_record_get_text (g_ptr_array_index (records, i), field), text) == 0)
      {
        g_assert_null (found);
        found = g_ptr_array_index (records, i);
      }
  g_assert_nonnull (found);
  return found;
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
assert_same_point (AtlasRecord *original,
                   AtlasRecord *imported)
{
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (imported, "latitude"),
                                  atlas_record_get_double (original, "latitude"),
                                  COORDINATE_EPSILON);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (imported, "longitude"),
                                  atlas_record_get_double (original, "longitude"),
                                  COORDINATE_EPSILON);
}

static void
assert_same_incident (AtlasRecord *original,
                      AtlasRecord *imported)
{
  static const char * const fields[] = {
    "title", "category", "start_time", "start_precision", "end_time", "end_precision",
    "place", "admin_area", "country", NULL
  };

  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (atlas_record_get_text (imported, fields[i]), ==,
                     atlas_record_get_text (original, fields[i]));
  assert_same_point (original, imported);
}

static gboolean
is_reader_field_name (const char *name)
{
  for (guint i = 0; reader_field_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (reader_field_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static const char *
document_title (AtlasCase   *atlas_case,
                AtlasRecord *claim)
{
  g_autoptr(AtlasRecord) document = atlas_case_lookup (atlas_case, "document",
                                                       atlas_record_get_text (claim,
                                                                              "document_key"),
                                                       NULL);
  static char title[256];

  g_strlcpy (title, document ? atlas_record_get_text (document, "title") : "", sizeof title);
  return title;
}

/* The GeoJSON writer's "claims" list comes back as the claims it lists: same attribute,
 * value, figures, qualifier, grade, party and document. */
static gboolean
has_same_claim (AtlasCase   *original_case,
                AtlasCase   *atlas_case,
                AtlasRecord *subject,
                AtlasRecord *claim)
{
  static const char *const texts[] = { "value_text", "qualifier", "attributed_to", "locator" };
  static const char *const numbers[] = { "value_number", "value_min", "value_max" };
  g_autoptr(GListModel) claims = list_claims (atlas_case, subject,
                                              atlas_record_get_text (claim, "attribute"));
  g_autofree char *title = g_strdup (document_title (original_case, claim));

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) copy = g_list_model_get_item (claims, i);
      gboolean same = atlas_record_get_int (copy, "credibility")
                      == atlas_record_get_int (claim, "credibility")
                      && g_strcmp0 (document_title (atlas_case, copy), title) == 0;

      for (guint t = 0; same && t < G_N_ELEMENTS (texts); t++)
        same = g_strcmp0 (atlas_record_get_text (copy, texts[t]),
                          atlas_record_get_text (claim, texts[t])) == 0;
      for (guint n = 0; same && n < G_N_ELEMENTS (numbers); n++)
        same = same_number (atlas_record_get_double (copy, numbers[n]),
                            atlas_record_get_double (claim, numbers[n]));
      if (same)
        return TRUE;
    }
  return FALSE;
}

/* Is the claim at @index of @claims its subject's only one about its attribute? */
static gboolean
is_single (GPtrArray *claims,
           guint      index)
{
  const char *attribute = atlas_record_get_text (g_ptr_array_index (claims, index), "attribute");
  guint n = 0;

  for (guint i = 0; i < claims->len; i++)
    if (g_strcmp0 (atlas_record_get_text (g_ptr_array_index (claims, i), "attribute"),
                   attribute) == 0)
      n++;
  return n == 1;
}

/* KML gives back every claim (attribute and value); GeoJSON every claim in its "claims"
 * list, and as a claim of its own each claim that is alone on its attribute and does not
 * bear a field's name. Returns how many came back as claims of their own. */
static guint
assert_claims_kept (AtlasCase         *original_case,
                    AtlasRecord       *original,
                    AtlasCase         *imported_case,
                    AtlasRecord       *imported,
                    AtlasExportFormat  format)
{
  g_autoptr(GListModel) model = list_claims (original_case, original, NULL);
  g_autoptr(GPtrArray) claims = model_to_array (model);
  guint n_exact = 0;

  for (guint i = 0; i < claims->len; i++)
    {
      AtlasRecord *claim = g_ptr_array_index (claims, i);
      const char *attribute = atlas_record_get_text (claim, "attribute");
      gboolean exact = has_claim (imported_case, imported, attribute,
                                  atlas_record_get_text (claim, "value_text"));

      if (format == ATLAS_EXPORT_FORMAT_KML
          || (is_single (claims, i) && !is_reader_field_name (attribute)))
        g_assert_true (exact);
      if (format == ATLAS_EXPORT_FORMAT_GEOJSON)
        g_assert_true (has_same_claim (original_case, imported_case, imported, claim));
      n_exact += exact;
    }
  return n_exact;
}

static void
assert_same_waypoints (AtlasCase   *original_case,
                       AtlasRecord *original,
                       AtlasCase   *imported_case,
                       AtlasRecord *imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = atlas_case_list_waypoints (original_case,
                                                            atlas_record_get_key (original),
                                                            &error);
  g_autoptr(GListModel) after = atlas_case_list_waypoints (imported_case,
                                                           atlas_record_get_key (imported),
                                                           &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_assert_cmpuint (g_list_model_get_n_items (before), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(AtlasRecord) a = g_list_model_get_item (before, i);
      g_autoptr(AtlasRecord) b = g_list_model_get_item (after, i);

      g_assert_cmpint (atlas_record_get_int (b, "seq"), ==, atlas_record_get_int (a, "seq"));
      assert_same_point (a, b);
    }
}

static void
assert_same_routes (AtlasCase         *original_case,
                    AtlasCase         *imported_case,
                    AtlasExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = atlas_case_list_records (original_case, ATLAS_TYPE_ROUTE,
                                                          &error);
  g_autoptr(GListModel) after = atlas_case_list_records (imported_case, ATLAS_TYPE_ROUTE,
                                                         &error);
  g_autoptr(GPtrArray) imported = model_to_array (after);

  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, g_list_model_get_n_items (before));
  g_assert_cmpuint (imported->len, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(AtlasRecord) route = g_list_model_get_item (before, i);
      AtlasRecord *copy = find_by_text (imported, "name", atlas_record_get_text (route, "name"));

      assert_same_waypoints (original_case, route, imported_case, copy);
      assert_claims_kept (original_case, route, imported_case, copy, format);
      /* The importer has no field for a route's status: it comes back as a claim. */
      g_assert_true (has_claim (imported_case, copy, "status",
                                atlas_record_get_text (route, "status")));
    }
}

/* ---- round trips --------------------------------------------------------------------- */

static void
round_trip (AtlasExportFormat format)
{
  g_autoptr(AtlasCase) original = open_sample ();
  g_autoptr(AtlasCase) imported = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) echoes = NULL;
  g_autofree char *path = NULL;
  AtlasCaseCounts counts;
  guint n_claims = 0, n_exact = 0;

  if (original == NULL)
    {
      g_test_skip ("ATLAS_SAMPLE_CASE is not set");
      return;
    }
  path = export_case (original, NULL, format);
  imported = import_into_new_case (path);

  atlas_case_get_counts (original, &counts);
  incidents = list_incidents (original, FALSE);
  copies = list_incidents (imported, FALSE);
  echoes = list_incidents (imported, TRUE);
  g_assert_cmpuint (copies->len, ==, incidents->len);
  g_assert_cmpuint (echoes->len, ==, counts.waypoints);
  g_assert_cmpuint (incidents->len, >, 0);

  for (guint i = 0; i < incidents->len; i++)
    {
      AtlasRecord *incident = g_ptr_array_index (incidents, i);
      AtlasRecord *copy = find_by_text (copies, "title", atlas_record_get_text (incident,
                                                                                "title"));
      g_autoptr(GListModel) claims = list_claims (original, incident, NULL);

      assert_same_incident (incident, copy);
      n_exact += assert_claims_kept (original, incident, imported, copy, format);
      n_claims += g_list_model_get_n_items (claims);
      /* Fields the importer has no name for come back as claims. */
      g_assert_true (has_claim (imported, copy, "location_precision",
                                atlas_record_get_text (incident, "location_precision")));
      g_assert_true (has_claim (imported, copy, "summary",
                                atlas_record_get_text (incident, "summary"))
                     || g_strcmp0 (atlas_record_get_text (copy, "summary"),
                                   atlas_record_get_text (incident, "summary")) == 0);
    }
  g_test_message ("%u of %u incident claims came back as claims of their own", n_exact,
                  n_claims);
  assert_same_routes (original, imported, format);
}

static void
test_round_trip_geojson (void)
{
  round_trip (ATLAS_EXPORT_FORMAT_GEOJSON);
}

static void
test_round_trip_kml (void)
{
  round_trip (ATLAS_EXPORT_FORMAT_KML);
}

/* Dates of every precision, and a span. */
static const struct {
  const char *title;
  const char *start;
  const char *start_precision;
  const char *end;
  const char *end_precision;
} dated[] = {
  { "year", "2023", "year", NULL, NULL },
  { "month", "2023-12", "month", NULL, NULL },
  { "day", "2023-12-13", "day", NULL, NULL },
  { "hour", "2024-01-03T14:00:00Z", "hour", NULL, NULL },
  { "minute", "2024-01-03T14:47:00Z", "minute", NULL, NULL },
  { "span", "2024-01-03", "day", "2024-01-19", "day" },
};

static AtlasCase *
create_dated_case (void)
{
  g_autofree char *dir = make_temp_dir ();
  AtlasCase *atlas_case = create_case (dir);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
    {
      g_autofree char *key = g_strdup_printf ("inc-%u", i);
      AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));

      atlas_record_set_text (incident, "title", dated[i].title);
      atlas_record_set_text (incident, "category", "other");
      atlas_record_set_text (incident, "start_time", dated[i].start);
      atlas_record_set_text (incident, "start_precision", dated[i].start_precision);
      atlas_record_set_text (incident, "end_time", dated[i].end);
      atlas_record_set_text (incident, "end_precision", dated[i].end_precision);
      atlas_record_set_text (incident, "location_precision", "town");
      atlas_record_set_double (incident, "latitude", 30.28321);
      atlas_record_set_double (incident, "longitude", 57.07879 + i);
      g_ptr_array_add (records, incident);
    }
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return atlas_case;
}

/* GeoJSON writes a date cut to its precision, so every precision comes back; KML can only
 * write an XML Schema dateTime, which reads back as minutes. */
static void
test_round_trip_precisions (void)
{
  g_autoptr(AtlasCase) atlas_case = create_dated_case ();
  AtlasExportFormat formats[] = { ATLAS_EXPORT_FORMAT_GEOJSON, ATLAS_EXPORT_FORMAT_KML };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = export_case (atlas_case, NULL, formats[f]);
      g_autoptr(AtlasCase) imported = import_into_new_case (path);
      g_autoptr(GPtrArray) copies = list_incidents (imported, FALSE);

      g_assert_cmpuint (copies->len, ==, G_N_ELEMENTS (dated));
      for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
        {
          AtlasRecord *copy = find_by_text (copies, "title", dated[i].title);
          gboolean hour_in_kml = formats[f] == ATLAS_EXPORT_FORMAT_KML
                                 && g_str_equal (dated[i].start_precision, "hour");

          g_assert_cmpstr (atlas_record_get_text (copy, "start_time"), ==, dated[i].start);
          g_assert_cmpstr (atlas_record_get_text (copy, "start_precision"), ==,
                           hour_in_kml ? "minute" : dated[i].start_precision);
          g_assert_cmpstr (atlas_record_get_text (copy, "end_time"), ==, dated[i].end);
          g_assert_cmpstr (atlas_record_get_text (copy, "end_precision"), ==,
                           dated[i].end_precision);
        }
    }
}

/* ---- GDAL ---------------------------------------------------------------------------- */

/* Runs `ogrinfo -ro -al -so`; returns the sum of its layers' feature counts and, in
 * @incidents, the count of a layer named "Incidents" (0 without one). */
static guint
ogrinfo_feature_count (const char *ogrinfo,
                       const char *path,
                       guint      *incidents)
{
  const char *argv[] = { ogrinfo, "-ro", "-al", "-so", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_incidents = FALSE;
  guint total = 0;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  *incidents = 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 n;

      if (g_str_has_prefix (lines[i], "Layer name: "))
        in_incidents = g_str_equal (lines[i], "Layer name: Incidents");
      else if (g_str_has_prefix (lines[i], "Feature Count: ")
               && g_ascii_string_to_unsigned (lines[i] + strlen ("Feature Count: "), 10, 0,
                                              G_MAXUINT, &n, NULL))
        {
          total += (guint) n;
          if (in_incidents)
            *incidents = (guint) n;
        }
    }
  return total;
}

static void
ogrinfo_reads (AtlasExportFormat format)
{
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autoptr(AtlasCase) atlas_case = open_sample ();
  g_autofree char *path = NULL;
  AtlasCaseCounts counts;
  guint incidents;

  if (ogrinfo == NULL || atlas_case == NULL)
    {
      g_test_skip (ogrinfo == NULL ? "ogrinfo (gdal-bin) is not installed"
                                   : "ATLAS_SAMPLE_CASE is not set");
      return;
    }
  path = export_case (atlas_case, NULL, format);
  atlas_case_get_counts (atlas_case, &counts);

  g_assert_cmpuint (ogrinfo_feature_count (ogrinfo, path, &incidents), ==,
                    counts.incidents + counts.routes + counts.waypoints);
  if (format == ATLAS_EXPORT_FORMAT_KML)
    g_assert_cmpuint (incidents, ==, counts.incidents);
}

static void
test_ogrinfo_geojson (void)
{
  ogrinfo_reads (ATLAS_EXPORT_FORMAT_GEOJSON);
}

static void
test_ogrinfo_kml (void)
{
  ogrinfo_reads (ATLAS_EXPORT_FORMAT_KML);
}

/* ---- hostile text -------------------------------------------------------------------- */

static const char hostile_title[] = "Blast, \"north\" gate\nsecond line";
static const char hostile_summary[] = "<script>alert(1)</script> & <b>bold</b>\x01";

/* A case with one incident whose text is made to break formats, and one source. */
static AtlasCase *
create_hostile_case (void)
{
  g_autofree char *dir = make_temp_dir ();
  AtlasCase *atlas_case = create_case (dir);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new ("doc-1"));
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new ("inc-1"));
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new ("claim-1"));

  atlas_record_set_text (document, "title", "Report, part 1");
  atlas_record_set_text (document, "doc_kind", "report");
  atlas_record_set_text (document, "reliability", "B");
  atlas_record_set_text (incident, "title", hostile_title);
  atlas_record_set_text (incident, "category", "bombing");
  atlas_record_set_text (incident, "place", "=cmd()");
  atlas_record_set_text (incident, "summary", hostile_summary);
  atlas_record_set_text (incident, "location_precision", "town");
  atlas_record_set_double (incident, "latitude", -33.92);
  atlas_record_set_double (incident, "longitude", 18.42);
  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", "inc-1");
  atlas_record_set_text (claim, "attribute", "deaths");
  atlas_record_set_text (claim, "value_text", "+3");
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key", "doc-1");
  atlas_record_set_int (claim, "credibility", 2);
  g_ptr_array_add (records, document);
  g_ptr_array_add (records, incident);
  g_ptr_array_add (records, claim);
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return atlas_case;
}

static int
find_column (char       **header,
             guint        n_fields,
             const char  *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (header[i], name))
      return (int) i;
  g_assert_not_reached ();
}

static void
test_csv_quoting (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autofree char *path = export_case (atlas_case, NULL, ATLAS_EXPORT_FORMAT_CSV);
  g_autofree char *contents = NULL;
  g_autoptr(AtlasCsvParser) parser = NULL;
  g_auto(GStrv) header = NULL;
  char **fields, *reason = NULL;
  guint n_header, n_fields;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "key,title,"));
  g_assert_nonnull (strstr (contents, ",\"Blast, \"\"north\"\" gate\nsecond line\","));
  g_assert_nonnull (strstr (contents, "\r\n"));

  parser = atlas_csv_parser_new (contents + 3, length - 3);
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_header, &reason), ==,
                   ATLAS_CSV_ROW);
  header = g_strdupv (fields);
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_ROW);
  g_assert_cmpuint (n_fields, ==, n_header);
  g_assert_cmpstr (fields[find_column (header, n_header, "title")], ==, hostile_title);
  g_assert_cmpstr (fields[find_column (header, n_header, "place")], ==, "'=cmd()");
  g_assert_cmpstr (fields[find_column (header, n_header, "latitude")], ==, "-33.92");
  g_assert_cmpstr (fields[find_column (header, n_header, "longitude")], ==, "18.42");
  g_assert_cmpstr (fields[find_column (header, n_header, "sources")], ==, "Report, part 1");
  g_assert_cmpint (atlas_csv_parser_next (parser, &fields, &n_fields, &reason), ==,
                   ATLAS_CSV_END);
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }
  return NULL;
}

static char *
element_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  g_assert_nonnull (node);
  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

/* Well-formed despite a control character; Google Earth shows the markup, never runs it. */
static void
test_kml_hostile_text (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autofree char *path = export_case (atlas_case, NULL, ATLAS_EXPORT_FORMAT_KML);
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  xmlNode *placemark;

  g_assert_nonnull (doc);
  placemark = find_element (xmlDocGetRootElement (doc), "Placemark");
  g_assert_nonnull (placemark);
  name = element_text (find_element (placemark->children, "name"));
  description = element_text (find_element (placemark->children, "description"));
  xmlFreeDoc (doc);

  g_assert_cmpstr (name, ==, hostile_title);
  g_assert_nonnull (strstr (description, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                         "&lt;b&gt;bold&lt;/b&gt;\xEF\xBF\xBD"));
  g_assert_null (strstr (description, "<script"));
}

/* ---- the filter, failures ------------------------------------------------------------ */

static void
test_filter (void)
{
  static const char * const bombings[] = { "bombing", NULL };
  g_autoptr(AtlasCase) atlas_case = open_sample ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *features;
  guint n_incidents = 0;

  if (atlas_case == NULL)
    {
      g_test_skip ("ATLAS_SAMPLE_CASE is not set");
      return;
    }
  atlas_filter_set_categories (filter, bombings);
  path = export_case (atlas_case, filter, ATLAS_EXPORT_FORMAT_GEOJSON);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *properties = json_object_get_object_member (
        json_array_get_object_element (features, i), "properties");

      if (g_str_equal (json_object_get_string_member (properties, "kind"), "incident"))
        {
          g_assert_cmpstr (json_object_get_string_member (properties, "category"), ==,
                           "bombing");
          n_incidents++;
        }
    }
  g_assert_cmpuint (n_incidents, ==, 1);
}

static void
test_missing_folder (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "export.geojson", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_case_exporter_export (atlas_case, NULL, path,
                                              ATLAS_EXPORT_FORMAT_GEOJSON, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
}

/* A cancelled export leaves the file it would have replaced as it was, and no temporary. */
static void
test_cancelled_keeps_old_file (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.kml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (atlas_case_exporter_export (atlas_case, NULL, path, ATLAS_EXPORT_FORMAT_KML,
                                              cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
}

/* Exporting over the open case file itself is refused before anything is written. */
static void
test_refuses_case_file (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autofree char *path = g_file_get_path (atlas_case_get_file (atlas_case));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *other_spelling = g_build_filename (dir, ".", "case.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  guint n_entries = count_dir_entries (dir);
  AtlasCaseCounts counts;

  g_assert_false (atlas_case_exporter_export (atlas_case, NULL, other_spelling,
                                              ATLAS_EXPORT_FORMAT_CSV, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, other_spelling));
  g_assert_cmpuint (count_dir_entries (dir), ==, n_entries);
  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_case_exporter_export_finish (result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autoptr(AtlasCase) atlas_case = create_hostile_case ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  AtlasExportFormat format;

  g_assert_true (atlas_case_exporter_format_for_path (path, &format));
  g_assert_cmpint (format, ==, ATLAS_EXPORT_FORMAT_CSV);
  atlas_case_exporter_export_async (atlas_case, NULL, path, format, NULL, export_done_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/export/round-trip/geojson", test_round_trip_geojson);
  g_test_add_func ("/atlas/export/round-trip/kml", test_round_trip_kml);
  g_test_add_func ("/atlas/export/round-trip/precisions", test_round_trip_precisions);
  g_test_add_func ("/atlas/export/ogrinfo/geojson", test_ogrinfo_geojson);
  g_test_add_func ("/atlas/export/ogrinfo/kml", test_ogrinfo_kml);
  g_test_add_func ("/atlas/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/atlas/export/kml/hostile-text", test_kml_hostile_text);
  g_test_add_func ("/atlas/export/filter", test_filter);
  g_test_add_func ("/atlas/export/missing-folder", test_missing_folder);
  g_test_add_func ("/atlas/export/cancelled", test_cancelled_keeps_old_file);
  g_test_add_func ("/atlas/export/case-file", test_refuses_case_file);
  g_test_add_func ("/atlas/export/async", test_async);

  return g_test_run ();
}
