/* bench-cluster-index.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the cluster index of 1,000,000 synthetic incidents (or argv[1]) and queries it
 * like a 1280×800 map view would. Prints "name: value unit" lines beside our anchors from
 * /work/shared/MEASUREMENTS.md and the targets of the issue.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "atlas-cluster-index.h"

#define DEFAULT_N_POINTS 1000000
#define N_HOTSPOTS       200
#define HOTSPOT_SHARE    0.7
#define N_CATEGORIES     12
#define RADIUS_PX        40.0
#define N_QUERIES        1000
#define VIEW_WIDTH       1280.0
#define VIEW_HEIGHT      800.0
#define MAX_LATITUDE     85.0511287798066

typedef struct
{
  double latitude;
  double longitude;
  double sigma;          /* degrees */
} Hotspot;

static double
gaussian (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
wrap_longitude (double longitude)
{
  return longitude - 360.0 * floor ((longitude + 180.0) / 360.0);
}

/* Categories are skewed: a few common kinds, a long tail. */
static guint16
random_category (GRand *rand)
{
  double u = g_rand_double (rand);

  return (guint16) (u * u * N_CATEGORIES);
}

static void
place_in_hotspot (GRand         *rand,
                  const Hotspot *hotspot,
                  AtlasMapPoint *point)
{
  point->latitude = CLAMP (hotspot->latitude + hotspot->sigma * gaussian (rand), -89.0, 89.0);
  point->longitude = wrap_longitude (hotspot->longitude + hotspot->sigma * gaussian (rand)
                                     / cos (point->latitude * G_PI / 180.0));
}

/* 70 % around 200 gaussian hotspots of 2 km to 60 km, 30 % uniform over land-ish latitudes. */
static AtlasMapPoint *
generate_points (gsize n_points)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  Hotspot hotspots[N_HOTSPOTS];
  AtlasMapPoint *points = g_new (AtlasMapPoint, n_points);

  for (guint h = 0; h < N_HOTSPOTS; h++)
    {
      hotspots[h].latitude = g_rand_double_range (rand, -45.0, 65.0);
      hotspots[h].longitude = g_rand_double_range (rand, -180.0, 180.0);
      hotspots[h].sigma = 0.02 * pow (30.0, g_rand_double (rand));
    }

  for (gsize i = 0; i < n_points; i++)
    {
      if (g_rand_double (rand) < HOTSPOT_SHARE)
        place_in_hotspot (rand, &hotspots[g_rand_int_range (rand, 0, N_HOTSPOTS)], &points[i]);
      else
        {
          points[i].latitude = g_rand_double_range (rand, -55.0, 70.0);
          points[i].longitude = g_rand_double_range (rand, -180.0, 180.0);
        }
      points[i].id = (gint64) i + 1;
      points[i].category = random_category (rand);
    }

  return points;
}

static gsize
read_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? (gsize) g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

/* CPU time of the process, both threads of the build included: wall time on a busy
 * machine says little. */
static gint64
cpu_time_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* The bounds of a VIEW_WIDTH × VIEW_HEIGHT view centred on a point, at @zoom. */
static AtlasBounds
view_bounds (const AtlasMapPoint *centre,
             int                  zoom)
{
  double world_px = 256.0 * ldexp (1.0, zoom);
  double lat = CLAMP (centre->latitude, -MAX_LATITUDE, MAX_LATITUDE) * G_PI / 180.0;
  double y = (0.5 - log (tan (G_PI / 4 + lat / 2)) / (2 * G_PI)) * world_px;
  double half_lon = VIEW_WIDTH / 2 / world_px * 360.0;
  double top = CLAMP ((y - VIEW_HEIGHT / 2) / world_px, 0.0, 1.0);
  double bottom = CLAMP ((y + VIEW_HEIGHT / 2) / world_px, 0.0, 1.0);
  AtlasBounds bounds;

  bounds.max_lat = atan (sinh (G_PI * (1 - 2 * top))) * 180.0 / G_PI;
  bounds.min_lat = atan (sinh (G_PI * (1 - 2 * bottom))) * 180.0 / G_PI;
  if (2 * half_lon >= 360.0)
    {
      bounds.min_lon = -180.0;
      bounds.max_lon = 180.0;
    }
  else
    {
      /* may cross the antimeridian: then min_lon > max_lon */
      bounds.min_lon = wrap_longitude (centre->longitude - half_lon);
      bounds.max_lon = wrap_longitude (centre->longitude + half_lon);
    }
  return bounds;
}

static void
bench_queries (AtlasClusterIndex   *index,
               const AtlasMapPoint *points,
               gsize                n_points,
               int                  zoom)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7 + zoom);
  gint64 total = 0, slowest = 0;
  guint64 returned = 0, most = 0;

  for (guint q = 0; q < N_QUERIES && n_points > 0; q++)
    {
      /* views go where the incidents are, as users' do */
      const AtlasMapPoint *centre = &points[g_rand_int_range (rand, 0, (gint32) n_points)];
      AtlasBounds bounds = view_bounds (centre, zoom);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &bounds, zoom);
      gint64 elapsed = g_get_monotonic_time () - start;

      total += elapsed;
      slowest = MAX (slowest, elapsed);
      returned += clusters->len;
      most = MAX (most, clusters->len);
    }

  g_print ("query z%d mean: %.3f ms\n", zoom, total / 1000.0 / N_QUERIES);
  g_print ("query z%d max: %.3f ms\n", zoom, slowest / 1000.0);
  g_print ("query z%d clusters mean: %.1f clusters\n", zoom, (double) returned / N_QUERIES);
  g_print ("query z%d clusters max: %" G_GUINT64_FORMAT " clusters\n", zoom, most);
}

static void
print_build (AtlasClusterIndex *index,
             gsize              n_points,
             gint64             elapsed,
             gint64             cpu,
             gsize              rss_before)
{
  gsize memory = atlas_cluster_index_get_memory_size (index);

  g_print ("points: %" G_GSIZE_FORMAT " incidents\n", n_points);
  g_print ("radius: %.0f px\n", RADIUS_PX);
  g_print ("clusters: %" G_GSIZE_FORMAT " clusters\n", atlas_cluster_index_get_n_clusters (index));
  g_print ("build: %.3f s\n", elapsed / 1e6);
  g_print ("build cpu: %.3f s\n", cpu / 1e6);
  g_print ("build target: 1.5 s\n");
  g_print ("index memory: %.1f MB\n", memory / 1e6);
  g_print ("index memory per incident: %.1f bytes\n", n_points ? (double) memory / n_points : 0.0);
  g_print ("index memory target: 100 bytes\n");
  g_print ("peak rss before build: %.1f MB\n", rss_before / 1e3);
  g_print ("peak rss: %.1f MB\n", read_peak_rss_kb () / 1e3);
  g_print ("anchor: supercluster (JS) on this machine: 6.25 s, 550 MB\n");
}

int
main (int   argc,
      char *argv[])
{
  gsize n_points = argc > 1 ? (gsize) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_N_POINTS;
  g_autofree AtlasMapPoint *points = generate_points (n_points);
  g_autoptr(AtlasClusterIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  gsize rss_before = read_peak_rss_kb ();
  gint64 cpu_start = cpu_time_us ();
  gint64 start = g_get_monotonic_time ();
  const int zooms[] = { 2, 6, 10, 14 };

  index = atlas_cluster_index_new (points, n_points, RADIUS_PX, NULL, &error);
  if (index == NULL)
    {
      g_printerr ("build failed: %s\n", error->message);
      return EXIT_FAILURE;
    }
  print_build (index, n_points, g_get_monotonic_time () - start, cpu_time_us () - cpu_start,
               rss_before);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    bench_queries (index, points, n_points, zooms[z]);
  g_print ("anchor: supercluster (JS) query: 0.03-0.2 ms\n");

  return EXIT_SUCCESS;
}
