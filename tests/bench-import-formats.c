/* bench-import-formats.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The peak memory of importing large GeoJSON, KML and GPX files, generated here (100 MB of
 * GeoJSON, 30 MB each of KML and GPX by default): reading them as the Import dialog does
 * for its preview (records counted, the first few kept), the dialog's whole path (that
 * preview, then the write, which reads the file again), importing them as --import does
 * (records written while the file is read), and GDAL's ogr2ogr turning the same file into
 * a GeoPackage. Each
 * runs in a process of its own, whose peak resident size the kernel reports. Prints
 * "name: value unit" lines, and each peak per MB of input beside the goal: 4 times the
 * file plus 100 MB. A GeoJSON file of polygons, which are refused feature by feature and
 * leave no record, measures the reader alone.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atlas-case.h"
#include "atlas-import-command.h"
#include "atlas-import-plan.h"

#define MB (1024.0 * 1024.0)

typedef void (*WriteFunc) (FILE *out, GRand *rand, guint i);

/* ---- files ------------------------------------------------------------------------- */

static void
write_geojson_feature (FILE  *out,
                       GRand *rand,
                       guint  i)
{
  fprintf (out, "%s{\"type\": \"Feature\", \"id\": %u, \"geometry\": ", i > 0 ? ",\n" : "", i);
  if (i % 10 == 0)
    {
      fputs ("{\"type\": \"LineString\", \"coordinates\": [", out);
      for (guint k = 0; k < 20; k++)
        fprintf (out, "%s[%.5f, %.5f]", k > 0 ? ", " : "", g_rand_double_range (rand, 44, 63),
                 g_rand_double_range (rand, 25, 39));
      fputs ("]}", out);
    }
  else
    fprintf (out, "{\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}",
             g_rand_double_range (rand, 44, 63), g_rand_double_range (rand, 25, 39));
  fprintf (out, ", \"properties\": {\"title\": \"Incident %u\", \"date\": \"2024-01-%02u\", "
           "\"fatalities\": %u, \"notes\": \"%.*s\", \"tags\": [\"a\", \"b\"]}}", i,
           1 + i % 28, i % 50, g_rand_int_range (rand, 0, 100),
           "Reported by several sources near the road junction; details remain unclear and "
           "contested by the parties.");
}

/* A feature the reader reads whole and refuses (polygons are not imported): no records are
 * kept, so reading these measures the reader alone. */
static void
write_geojson_polygon (FILE  *out,
                       GRand *rand,
                       guint  i)
{
  fprintf (out, "%s{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", "
           "\"coordinates\": [[", i > 0 ? ",\n" : "");
  for (guint k = 0; k < 30; k++)
    fprintf (out, "%s[%.5f, %.5f]", k > 0 ? ", " : "", g_rand_double_range (rand, 44, 63),
             g_rand_double_range (rand, 25, 39));
  fputs ("]]}, \"properties\": {\"tags\": [\"a\", \"b\"], \"title\": \"Area\"}}", out);
}

static void
write_kml_placemark (FILE  *out,
                     GRand *rand,
                     guint  i)
{
  fprintf (out, "<Placemark><name>Place %u</name><description>%.*s</description>"
           "<TimeStamp><when>2024-01-%02u</when></TimeStamp><ExtendedData>"
           "<Data name=\"fatalities\"><value>%u</value></Data></ExtendedData>"
           "<Point><coordinates>%.6f,%.6f</coordinates></Point></Placemark>\n",
           i, g_rand_int_range (rand, 0, 60),
           "Reported by several sources near the road junction; details unclear.",
           1 + i % 28, i % 40, g_rand_double_range (rand, 44, 63),
           g_rand_double_range (rand, 25, 39));
}

/* One track of many segments of 50 points: the shape that was slow. */
static void
write_gpx_segment (FILE  *out,
                   GRand *rand,
                   guint  i)
{
  fputs ("<trkseg>", out);
  for (guint k = 0; k < 50; k++)
    fprintf (out, "<trkpt lat=\"%.6f\" lon=\"%.6f\"><time>2024-01-02T10:%02u:00Z</time>"
             "</trkpt>\n", g_rand_double_range (rand, 25, 39), g_rand_double_range (rand, 44, 63),
             k);
  fputs ("</trkseg>\n", out);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *head,
            WriteFunc   write_item,
            const char *tail,
            double      megabytes)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs (head, out);
  for (guint i = 0; ftell (out) < megabytes * MB; i++)
    write_item (out, rand, i);
  fputs (tail, out);
  g_assert_cmpint (fclose (out), ==, 0);
  return path;
}

/* ---- children ---------------------------------------------------------------------- */

/* Runs @argv with its output thrown away; returns its peak resident size in MB, or -1. */
static double
peak_of (const char * const *argv,
         gboolean            must_succeed)
{
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], (char **) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status)
      || (must_succeed && WEXITSTATUS (status) != 0))
    return -1;
  return usage.ru_maxrss / 1024.0;  /* KiB */
}

static void
print_peak (const char *format,
            const char *what,
            double      peak,
            double      size)
{
  if (peak < 0)
    {
      printf ("%s-%s-peak: failed\n", format, what);
      return;
    }
  printf ("%s-%s-peak: %.0f MB (%.2f MB per MB of input)\n", format, what, peak, peak / size);
}

static void
measure (const char *dir,
         const char *format,
         const char *path,
         gboolean    with_gdal)
{
  g_autofree char *case_path = g_build_filename (dir, "import.gpkg", NULL);
  g_autofree char *gdal_path = g_build_filename (dir, "gdal.gpkg", NULL);
  const char *read_argv[] = { "/proc/self/exe", "--child-read", path, NULL };
  const char *import_argv[] = { "/proc/self/exe", "--child-import", path, case_path, NULL };
  const char *dialog_argv[] = { "/proc/self/exe", "--child-dialog", path, case_path, NULL };
  const char *gdal_argv[] = { "ogr2ogr", "-f", "GPKG", gdal_path, path, NULL };
  GStatBuf info;
  double size;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  size = info.st_size / MB;
  printf ("%s-size: %.1f MB\n", format, size);
  printf ("%s-goal: %.0f MB (4 times the file plus 100 MB)\n", format, 4 * size + 100);
  print_peak (format, "read", peak_of (read_argv, TRUE), size);
  g_unlink (case_path);
  print_peak (format, "dialog", peak_of (dialog_argv, TRUE), size);
  g_unlink (case_path);
  print_peak (format, "import", peak_of (import_argv, TRUE), size);
  g_unlink (case_path);
  if (with_gdal && g_find_program_in_path ("ogr2ogr") != NULL)
    print_peak (format, "ogr2ogr", peak_of (gdal_argv, TRUE), size);
  else
    printf ("%s-ogr2ogr-peak: skipped\n", format);
  g_unlink (gdal_path);
  g_unlink (path);
}

static void
measure_reader_alone (const char *format,
                      const char *path)
{
  const char *read_argv[] = { "/proc/self/exe", "--child-read", path, NULL };
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  printf ("%s-size: %.1f MB\n", format, info.st_size / MB);
  /* The plan refuses a file that yields no record: that exit is expected here. */
  print_peak (format, "read", peak_of (read_argv, FALSE), info.st_size / MB);
  g_unlink (path);
}

/* The Import dialog's path: the preview, then the write into a new case. */
static int
run_dialog (AtlasImportPlan *plan,
            const char      *case_path)
{
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;

  atlas_case = atlas_case_create (case_file, "Bench", &error);
  atlas_import_plan_set_problems_accepted (plan, TRUE);
  if (atlas_case != NULL && atlas_import_plan_apply (plan, atlas_case, &error))
    return EXIT_SUCCESS;
  g_printerr ("%s\n", error->message);
  return EXIT_FAILURE;
}

/* What a child runs, in a process of its own so that its peak is its own. */
static int
run_child (const char *mode,
           const char *path,
           const char *case_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  if (g_str_equal (mode, "--child-import"))
    return atlas_import_command_run (path, case_path);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  if (plan == NULL)
    return EXIT_FAILURE;
  if (g_str_equal (mode, "--child-dialog"))
    return run_dialog (plan, case_path);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  double geojson_mb = 100, xml_mb = 30;
  gboolean skip_gdal = FALSE;
  const GOptionEntry entries[] = {
    { "geojson-mb", 0, 0, G_OPTION_ARG_DOUBLE, &geojson_mb, "Size of the GeoJSON file", "MB" },
    { "xml-mb", 0, 0, G_OPTION_ARG_DOUBLE, &xml_mb, "Size of the KML and GPX files", "MB" },
    { "skip-gdal", 0, 0, G_OPTION_ARG_NONE, &skip_gdal, "Do not run ogr2ogr", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (argc >= 3 && g_str_has_prefix (argv[1], "--child-"))
    return run_child (argv[1], argv[2], argc > 3 ? argv[3] : NULL);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  dir = g_dir_make_tmp ("bench-import-formats-XXXXXX", &error);
  g_assert_no_error (error);

  path = write_file (dir, "big.geojson", "{\"type\": \"FeatureCollection\", \"features\": [\n",
                     write_geojson_feature, "]}\n", geojson_mb);
  measure (dir, "geojson", path, !skip_gdal);
  g_free (path);
  path = write_file (dir, "polygons.geojson", "{\"type\": \"FeatureCollection\", "
                     "\"features\": [\n", write_geojson_polygon, "]}\n", geojson_mb);
  measure_reader_alone ("geojson-refused", path);
  g_free (path);
  path = write_file (dir, "big.kml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>Big</name>\n",
                     write_kml_placemark, "</Document></kml>\n", xml_mb);
  measure (dir, "kml", path, !skip_gdal);
  g_free (path);
  path = write_file (dir, "big.gpx", "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" "
                     "creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                     "<trk><name>Track</name>\n", write_gpx_segment, "</trk></gpx>\n", xml_mb);
  measure (dir, "gpx", path, !skip_gdal);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
