/* atlas-basemap.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline basemap: geometry per zoom band in quadtrees, and place and
 * country labels with a spatial index.  Immutable once loaded, so any thread
 * may read it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-basemap.h"
#include "atlas-basemap-private.h"

#include <math.h>

#include "atlas-mercator.h"

#define TILE_SIZE 256.0
#define MAX_LEAF_POINTS 2048
#define PLACE_GRID_LEVEL 8
#define PLACE_GRID_SIZE (1 << PLACE_GRID_LEVEL)
#define LINEAR_SCAN_LIMIT 4096

/* Geometry is simplified per zoom band to a tolerance in pixels at the band's
 * deepest zoom; the last band keeps every vertex. */
typedef struct
{
  int    max_zoom;
  double tolerance_px;
  guint  tree_depth;
} LodBand;

static const LodBand lod_bands[] = {
  { 1, 0.6, 1 },
  { 2, 0.6, 2 },
  { 4, 0.6, 4 },
  { 6, 0.5, 6 },
  { ATLAS_MERCATOR_MAX_ZOOM, 0.0, 14 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (lod_bands) == N_LOD_BANDS);

/* Roads are drawn from this zoom on (atlas-tile-style.c): coarser bands leave them out. */
#define ROADS_MIN_ZOOM 5

G_DEFINE_FINAL_TYPE (AtlasBasemap, atlas_basemap, G_TYPE_OBJECT)

static void
atlas_basemap_finalize (GObject *object)
{
  AtlasBasemap *self = ATLAS_BASEMAP (object);

  for (guint i = 0; i < N_LOD_BANDS; i++)
    atlas_geometry_tree_free (self->trees[i]);
  g_free (self->countries);
  g_free (self->places);
  g_free (self->provinces);
  g_free (self->shapes);
  g_clear_pointer (&self->shape_xy, g_array_unref);
  g_clear_pointer (&self->shape_offsets, g_array_unref);
  if (self->names != NULL)
    g_string_chunk_free (self->names);
  g_free (self->grid_start);
  g_free (self->grid_items);

  G_OBJECT_CLASS (atlas_basemap_parent_class)->finalize (object);
}

static void
atlas_basemap_class_init (AtlasBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_basemap_finalize;
}

static void
atlas_basemap_init (AtlasBasemap *self)
{
}

/* Arc sets and their simplification. */

void
_atlas_basemap_arc_set_clear (ArcSet *arcs)
{
  g_clear_pointer (&arcs->xy, g_array_unref);
  g_clear_pointer (&arcs->offsets, g_array_unref);
}

static guint
arc_set_get_n_arcs (const ArcSet *arcs)
{
  return arcs->offsets->len - 1;
}

static const double *
arc_set_get_arc (const ArcSet *arcs,
                 guint         index,
                 guint        *out_n_points)
{
  guint32 first = g_array_index (arcs->offsets, guint32, index);

  *out_n_points = g_array_index (arcs->offsets, guint32, index + 1) - first;
  return &g_array_index (arcs->xy, double, 2 * first);
}

void
_atlas_basemap_arc_set_from_data (ArcSet                 *arcs,
                                  const AtlasBasemapData *data)
{
  guint n_points = data->arc_offsets[data->n_arcs];

  arcs->xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_points);
  arcs->offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint32), data->n_arcs + 1);
  g_array_append_vals (arcs->xy, data->arc_xy, 2 * n_points);
  g_array_append_vals (arcs->offsets, data->arc_offsets, data->n_arcs + 1);
}

static void
arc_set_simplify (const ArcSet *source,
                  double        tolerance,
                  ArcSet       *dest)
{
  guint32 offset = 0;

  dest->xy = g_array_new (FALSE, FALSE, sizeof (double));
  dest->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (dest->offsets, offset);

  for (guint i = 0; i < arc_set_get_n_arcs (source); i++)
    {
      guint n_points;
      const double *xy = arc_set_get_arc (source, i, &n_points);

      atlas_simplify_polyline (xy, n_points, tolerance, dest->xy);
      offset = dest->xy->len / 2;
      g_array_append_val (dest->offsets, offset);
    }
}

/* Assembling land rings, coastlines and borders for one zoom band. */

static double
band_tolerance (const LodBand *band)
{
  return band->tolerance_px / (TILE_SIZE * ldexp (1.0, band->max_zoom));
}

/* Appends an arc to a ring, moving it by whole worlds so that it continues
 * where the ring ends, and skipping the shared junction point. */
void
_atlas_basemap_append_arc_to_ring (const ArcSet *arcs,
                                   gint32        ref,
                                   GArray       *ring)
{
  gboolean reversed = ref < 0;
  guint index = reversed ? (guint) (-(ref + 1)) : (guint) ref;
  guint n_points;
  const double *xy = arc_set_get_arc (arcs, index, &n_points);
  double shift = 0.0;

  for (guint i = 0; i < n_points; i++)
    {
      guint source = reversed ? n_points - 1 - i : i;
      double point[2] = { xy[2 * source], xy[2 * source + 1] };

      if (i == 0 && ring->len > 0)
        {
          shift = round (g_array_index (ring, double, ring->len - 2) - point[0]);
          continue;
        }
      point[0] += shift;
      g_array_append_vals (ring, point, 2);
    }
}

/* A ring around a pole (Antarctica) ends one world away from its start; it is
 * closed along the edge of the map. */
void
_atlas_basemap_close_polar_ring (GArray *ring)
{
  const double *xy = (const double *) ring->data;
  guint n_points = ring->len / 2;
  double first_x = xy[0];
  double last_x = xy[2 * (n_points - 1)];
  double mean_y = 0.0;
  double pole_y;
  double closing[4];

  if (fabs (last_x - first_x) < 0.5)
    return;

  for (guint i = 0; i < n_points; i++)
    mean_y += xy[2 * i + 1] / n_points;
  pole_y = mean_y > 0.5 ? 1.0 : 0.0;

  closing[0] = last_x;
  closing[1] = pole_y;
  closing[2] = first_x;
  closing[3] = pole_y;
  g_array_append_vals (ring, closing, 4);
}

static gboolean
is_too_small (const AtlasRect *bounds,
              double           tolerance)
{
  return tolerance > 0.0 &&
         bounds->x1 - bounds->x0 < 2.0 * tolerance &&
         bounds->y1 - bounds->y0 < 2.0 * tolerance;
}

/* Adds a part, plus copies one world to the east or west where it crosses the
 * antimeridian, so that clipping to the unit square keeps both halves. */
static void
add_wrapped_part (AtlasGeometry *geometry,
                  AtlasPartKind  kind,
                  GArray        *xy,
                  double         tolerance)
{
  guint n_points = xy->len / 2;
  AtlasRect bounds;

  atlas_rect_from_points (&bounds, (const double *) xy->data, n_points);
  if (is_too_small (&bounds, tolerance))
    return;

  atlas_geometry_add_part (geometry, kind, (const double *) xy->data, n_points);
  for (int shift = -1; shift <= 1; shift += 2)
    {
      if ((shift < 0 && bounds.x1 <= 1.0) || (shift > 0 && bounds.x0 >= 0.0))
        continue;

      for (guint i = 0; i < n_points; i++)
        g_array_index (xy, double, 2 * i) += shift;
      atlas_geometry_add_part (geometry, kind, (const double *) xy->data, n_points);
      for (guint i = 0; i < n_points; i++)
        g_array_index (xy, double, 2 * i) -= shift;
    }
}

static void
add_rings (AtlasGeometry          *geometry,
           const AtlasBasemapData *data,
           const ArcSet           *arcs,
           double                  tolerance)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < data->n_rings; r++)
    {
      g_array_set_size (ring, 0);
      for (guint32 i = data->ring_offsets[r]; i < data->ring_offsets[r + 1]; i++)
        _atlas_basemap_append_arc_to_ring (arcs, data->ring_refs[i], ring);
      if (ring->len < 6)
        continue;

      _atlas_basemap_close_polar_ring (ring);
      add_wrapped_part (geometry, ATLAS_PART_LAND, ring, tolerance);
    }
}

static void
add_lines (AtlasGeometry *geometry,
           AtlasPartKind  kind,
           const guint32 *arc_indices,
           guint          n_arc_indices,
           const ArcSet  *arcs,
           double         tolerance)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_arc_indices; i++)
    {
      guint n_points;
      const double *xy = arc_set_get_arc (arcs, arc_indices[i], &n_points);

      g_array_set_size (line, 0);
      g_array_append_vals (line, xy, 2 * n_points);
      add_wrapped_part (geometry, kind, line, tolerance);
    }
}

static AtlasGeometryTree *
build_band_tree (const AtlasBasemapData *data,
                 const ArcSet           *arcs,
                 const LodBand          *band)
{
  const AtlasRect world = { 0.0, 0.0, 1.0, 1.0 };
  double tolerance = band_tolerance (band);
  g_autoptr(AtlasGeometry) unclipped = atlas_geometry_new ();
  AtlasGeometry *clipped = atlas_geometry_new ();

  add_rings (unclipped, data, arcs, tolerance);
  add_lines (unclipped, ATLAS_PART_COAST, data->coast_arcs, data->n_coast_arcs, arcs, tolerance);
  add_lines (unclipped, ATLAS_PART_BORDER, data->border_arcs, data->n_border_arcs, arcs,
             tolerance);
  add_lines (unclipped, ATLAS_PART_PROVINCE_BORDER, data->province_arcs, data->n_province_arcs,
             arcs, tolerance);
  add_lines (unclipped, ATLAS_PART_RIVER, data->river_arcs, data->n_river_arcs, arcs, tolerance);
  if (band->max_zoom >= ROADS_MIN_ZOOM)
    {
      add_lines (unclipped, ATLAS_PART_HIGHWAY, data->highway_arcs, data->n_highway_arcs, arcs,
                 tolerance);
      add_lines (unclipped, ATLAS_PART_ROAD, data->road_arcs, data->n_road_arcs, arcs,
                 tolerance);
    }
  atlas_geometry_clip_into (unclipped, &world, clipped);

  return atlas_geometry_tree_new (clipped, band->tree_depth, MAX_LEAF_POINTS);
}

typedef struct
{
  const AtlasBasemapData *data;
  const ArcSet           *arcs;
  const LodBand          *band;
  AtlasGeometryTree      *tree;
} BandJob;

static gpointer
run_band_job (gpointer user_data)
{
  BandJob *job = user_data;

  job->tree = build_band_tree (job->data, job->arcs, job->band);
  return NULL;
}

/* Builds the finest band's tree on a second thread while this one simplifies
 * the arcs band by band (each from the previous, finer one) and builds the
 * other trees: the two halves are about as much work. */
static void
build_geometry (AtlasBasemap           *self,
                const AtlasBasemapData *data)
{
  ArcSet arcs[N_LOD_BANDS] = { { NULL, }, };
  BandJob jobs[N_LOD_BANDS];
  const guint finest = N_LOD_BANDS - 1;
  GThread *thread;

  for (guint b = 0; b < N_LOD_BANDS; b++)
    jobs[b] = (BandJob) { data, &arcs[b], &lod_bands[b], NULL };

  _atlas_basemap_arc_set_from_data (&arcs[finest], data);
  thread = g_thread_try_new ("atlas-basemap", run_band_job, &jobs[finest], NULL);
  if (thread == NULL)
    run_band_job (&jobs[finest]);

  for (int b = (int) finest - 1; b >= 0; b--)
    {
      arc_set_simplify (&arcs[b + 1], band_tolerance (&lod_bands[b]), &arcs[b]);
      run_band_job (&jobs[b]);
    }
  if (thread != NULL)
    g_thread_join (thread);

  for (guint b = 0; b < N_LOD_BANDS; b++)
    {
      self->trees[b] = jobs[b].tree;
      _atlas_basemap_arc_set_clear (&arcs[b]);
    }
}

/* Place index. */

static int
compare_min_zoom (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const AtlasBasemapLabel *la = a;
  const AtlasBasemapLabel *lb = b;

  return (int) la->min_zoom - (int) lb->min_zoom;
}

static guint
grid_cell (double x,
           double y)
{
  int cx = (int) CLAMP (floor (x * PLACE_GRID_SIZE), 0, PLACE_GRID_SIZE - 1);
  int cy = (int) CLAMP (floor (y * PLACE_GRID_SIZE), 0, PLACE_GRID_SIZE - 1);

  return (guint) cy * PLACE_GRID_SIZE + (guint) cx;
}

static void
build_place_index (AtlasBasemap *self)
{
  const guint n_cells = PLACE_GRID_SIZE * PLACE_GRID_SIZE;
  g_autofree guint32 *fill = g_new0 (guint32, n_cells);

  /* g_qsort_with_data() is stable, so file order stays the priority order. */
  g_qsort_with_data (self->places, self->n_places, sizeof (AtlasBasemapLabel),
                     compare_min_zoom, NULL);

  for (guint z = 0; z < N_ZOOM_SLOTS; z++)
    {
      guint n = 0;

      while (n < self->n_places && self->places[n].min_zoom <= z)
        n++;
      self->places_up_to_zoom[z] = n;
    }

  self->grid_start = g_new0 (guint32, n_cells + 1);
  self->grid_items = g_new (guint32, MAX (self->n_places, 1));
  for (guint i = 0; i < self->n_places; i++)
    self->grid_start[grid_cell (self->places[i].x, self->places[i].y) + 1]++;
  for (guint c = 0; c < n_cells; c++)
    self->grid_start[c + 1] += self->grid_start[c];
  for (guint i = 0; i < self->n_places; i++)
    {
      guint cell = grid_cell (self->places[i].x, self->places[i].y);

      self->grid_items[self->grid_start[cell] + fill[cell]++] = i;
    }
}

static AtlasBasemap *
atlas_basemap_new_internal (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(AtlasBasemapData) data = NULL;
  AtlasBasemap *self;

  data = atlas_basemap_data_parse (bytes, display_name, error);
  if (data == NULL)
    return NULL;

  self = g_object_new (ATLAS_TYPE_BASEMAP, NULL);
  build_geometry (self, data);

  self->countries = g_steal_pointer (&data->countries);
  self->n_countries = data->n_countries;
  self->places = g_steal_pointer (&data->places);
  self->n_places = data->n_places;
  self->names = g_steal_pointer (&data->names);
  self->provinces = g_steal_pointer (&data->provinces);
  self->n_provinces = data->n_provinces;
  _atlas_basemap_build_country_shapes (self, data);
  build_place_index (self);

  return self;
}

/**
 * atlas_basemap_new_from_file:
 * @path: a basemap extract, such as data/basemap/basemap.bin
 *
 * Loads and validates the extract.  A missing, truncated or corrupt file gives
 * an error that names @path.
 */
AtlasBasemap *
atlas_basemap_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read rather than map, so that a file changed on disk cannot fault us. */
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (contents, length);
  return atlas_basemap_new_internal (bytes, path, error);
}

AtlasBasemap *
atlas_basemap_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return atlas_basemap_new_internal (bytes, "(in-memory basemap)", error);
}

/**
 * atlas_basemap_new_from_resource:
 * @resource_path: path of an extract in the registered GResources
 *
 * Like atlas_basemap_new_from_file(), for an extract embedded in the program;
 * errors name @resource_path.
 */
AtlasBasemap *
atlas_basemap_new_from_resource (const char  *resource_path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return atlas_basemap_new_internal (bytes, resource_path, error);
}

/**
 * atlas_basemap_get_default:
 *
 * The basemap extract embedded in the application, loaded once for the whole process (the
 * map, the printer and the route painter alike: it is immutable, so any thread may share
 * it); a failed load is tried again at the next call.
 *
 * Returns: (transfer none) (nullable): the basemap, or %NULL with @error set
 */
AtlasBasemap *
atlas_basemap_get_default (GError **error)
{
  static GMutex lock;
  static AtlasBasemap *shared = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (shared == NULL)
    shared = atlas_basemap_new_from_resource (RESOURCE_BASE "/basemap/basemap.bin", error);
  return shared;
}

/**
 * atlas_basemap_new_default:
 *
 * Returns: (transfer full) (nullable): a reference to atlas_basemap_get_default()
 */
AtlasBasemap *
atlas_basemap_new_default (GError **error)
{
  AtlasBasemap *basemap = atlas_basemap_get_default (error);

  return basemap != NULL ? g_object_ref (basemap) : NULL;
}

const AtlasGeometryTree *
atlas_basemap_get_geometry_for_zoom (AtlasBasemap *self,
                                     int           zoom)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);

  for (guint b = 0; b < N_LOD_BANDS; b++)
    if (zoom <= lod_bands[b].max_zoom)
      return self->trees[b];
  return self->trees[N_LOD_BANDS - 1];
}

guint
atlas_basemap_get_n_places (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), 0);

  return self->n_places;
}

const AtlasBasemapLabel *
atlas_basemap_get_place (AtlasBasemap *self,
                         guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->n_places, NULL);

  return &self->places[index];
}

guint
atlas_basemap_get_n_countries (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), 0);

  return self->n_countries;
}

const AtlasBasemapLabel *
atlas_basemap_get_country (AtlasBasemap *self,
                           guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->n_countries, NULL);

  return &self->countries[index];
}

gboolean
_atlas_basemap_label_is_in_rect (const AtlasBasemapLabel *label,
                                 const AtlasRect         *rect)
{
  return label->x >= rect->x0 && label->x <= rect->x1 &&
         label->y >= rect->y0 && label->y <= rect->y1;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint32 ia = *(const guint32 *) a;
  guint32 ib = *(const guint32 *) b;

  return ia < ib ? -1 : ia > ib;
}

static void
collect_places_from_grid (AtlasBasemap    *self,
                          guint            limit,
                          const AtlasRect *rect,
                          GArray          *out_indices)
{
  guint first_cell = grid_cell (rect->x0, rect->y0);
  guint last_cell = grid_cell (rect->x1, rect->y1);
  guint cx0 = first_cell % PLACE_GRID_SIZE, cy0 = first_cell / PLACE_GRID_SIZE;
  guint cx1 = last_cell % PLACE_GRID_SIZE, cy1 = last_cell / PLACE_GRID_SIZE;
  guint first_new = out_indices->len;

  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        guint cell = cy * PLACE_GRID_SIZE + cx;

        for (guint32 k = self->grid_start[cell]; k < self->grid_start[cell + 1]; k++)
          {
            guint32 index = self->grid_items[k];

            if (index >= limit)
              break;
            if (_atlas_basemap_label_is_in_rect (&self->places[index], rect))
              g_array_append_val (out_indices, index);
          }
      }

  /* an empty array has no data for qsort to be given */
  if (out_indices->len > first_new)
    qsort (&g_array_index (out_indices, guint32, first_new), out_indices->len - first_new,
           sizeof (guint32), compare_indices);
}

/**
 * atlas_basemap_collect_places:
 * @rect: an area in normalised Web Mercator
 * @out_indices: array of guint32 to append to
 *
 * Appends, in priority order, the places labelled at @zoom whose anchor lies
 * in @rect.
 */
void
atlas_basemap_collect_places (AtlasBasemap    *self,
                              int              zoom,
                              const AtlasRect *rect,
                              GArray          *out_indices)
{
  guint limit;

  g_return_if_fail (ATLAS_IS_BASEMAP (self));

  limit = self->places_up_to_zoom[CLAMP (zoom, 0, N_ZOOM_SLOTS - 1)];
  if (limit > LINEAR_SCAN_LIMIT)
    {
      collect_places_from_grid (self, limit, rect, out_indices);
      return;
    }

  for (guint32 i = 0; i < limit; i++)
    if (_atlas_basemap_label_is_in_rect (&self->places[i], rect))
      g_array_append_val (out_indices, i);
}

void
atlas_basemap_collect_countries (AtlasBasemap    *self,
                                 int              zoom,
                                 const AtlasRect *rect,
                                 GArray          *out_indices)
{
  g_return_if_fail (ATLAS_IS_BASEMAP (self));

  for (guint32 i = 0; i < self->n_countries; i++)
    {
      const AtlasBasemapLabel *country = &self->countries[i];

      if (zoom >= country->min_zoom && zoom <= country->max_zoom &&
          _atlas_basemap_label_is_in_rect (country, rect))
        g_array_append_val (out_indices, i);
    }
}

static void
fill_gazetteer (AtlasGazetteer *gazetteer,
                gpointer        user_data)
{
  AtlasBasemap *self = user_data;

  for (guint i = 0; i < atlas_basemap_get_n_places (self); i++)
    {
      const AtlasBasemapLabel *place = atlas_basemap_get_place (self, i);

      atlas_gazetteer_add (gazetteer, place->name, atlas_mercator_latitude_from_y (place->y),
                           atlas_mercator_longitude_from_x (place->x), place->rank,
                           atlas_basemap_get_place_province (self, i),
                           atlas_basemap_get_place_country (self, i));
    }
}

/**
 * atlas_basemap_new_gazetteer:
 *
 * Returns: (transfer full): the basemap's places, to find by name with no network; they are
 *   read from the basemap at the first search
 */
AtlasGazetteer *
atlas_basemap_new_gazetteer (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);

  return atlas_gazetteer_new_lazy (fill_gazetteer, g_object_ref (self), g_object_unref);
}

/**
 * atlas_basemap_get_attribution:
 *
 * What every map drawn from the basemap credits, on screen and on paper: its sources and
 * their licences (the roads come through tiles offered under the ODbL, which asks for its
 * notice wherever they are shown; see data/basemap/README.md).
 *
 * Returns: the attribution, translated
 */
const char *
atlas_basemap_get_attribution (void)
{
  return _("Map data: Natural Earth (public domain) · Roads: naturalearthtiles (ODbL) · "
           "Places: GeoNames (CC BY 4.0)");
}
