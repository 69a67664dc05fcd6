/* atlas-basemap-context.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The basemap's context: first-level divisions (provinces, states…) with their label points,
 * each place's country and province, and the countries' outlines, found by name or ISO code.
 */

#include "config.h"

#include "atlas-basemap-private.h"

/* Country outlines at full detail, assembled as the land is. */
void
_atlas_basemap_build_country_shapes (AtlasBasemap     *self,
                                     AtlasBasemapData *data)
{
  ArcSet arcs = { NULL, };
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 offset = 0;

  self->shapes = g_steal_pointer (&data->shapes);
  self->n_shapes = data->n_shapes;
  self->shape_xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->shape_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (self->shape_offsets, offset);
  if (self->n_shapes == 0)
    return;

  _atlas_basemap_arc_set_from_data (&arcs, data);
  for (guint s = 0; s < self->n_shapes; s++)
    for (guint32 r = self->shapes[s].first_ring;
         r < self->shapes[s].first_ring + self->shapes[s].n_rings; r++)
      {
        g_array_set_size (ring, 0);
        for (guint32 i = data->shape_ring_offsets[r]; i < data->shape_ring_offsets[r + 1]; i++)
          _atlas_basemap_append_arc_to_ring (&arcs, data->shape_ring_refs[i], ring);
        _atlas_basemap_close_polar_ring (ring);
        g_array_append_vals (self->shape_xy, ring->data, ring->len);
        offset = self->shape_xy->len / 2;
        g_array_append_val (self->shape_offsets, offset);
      }
  _atlas_basemap_arc_set_clear (&arcs);
}

guint
atlas_basemap_get_n_provinces (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), 0);

  return self->n_provinces;
}

/**
 * atlas_basemap_get_province:
 *
 * Returns: the label point, name and zoom range of a first-level division (a province,
 *   state or region), as atlas_basemap_get_country() gives a country's
 */
const AtlasBasemapLabel *
atlas_basemap_get_province (AtlasBasemap *self,
                            guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->n_provinces, NULL);

  return &self->provinces[index];
}

/**
 * atlas_basemap_collect_provinces:
 *
 * Appends, in priority order, the provinces labelled at @zoom whose label point lies in
 * @rect, as atlas_basemap_collect_countries() does for countries.
 */
void
atlas_basemap_collect_provinces (AtlasBasemap    *self,
                                 int              zoom,
                                 const AtlasRect *rect,
                                 GArray          *out_indices)
{
  g_return_if_fail (ATLAS_IS_BASEMAP (self));

  for (guint32 i = 0; i < self->n_provinces; i++)
    {
      const AtlasBasemapLabel *province = &self->provinces[i];

      if (zoom >= province->min_zoom && zoom <= province->max_zoom &&
          _atlas_basemap_label_is_in_rect (province, rect))
        g_array_append_val (out_indices, i);
    }
}

/**
 * atlas_basemap_get_place_country:
 *
 * Returns: (nullable): the name of the country place @index lies in, if known
 */
const char *
atlas_basemap_get_place_country (AtlasBasemap *self,
                                 guint         index)
{
  const AtlasBasemapLabel *place = atlas_basemap_get_place (self, index);

  return place != NULL && place->country > 0 ? self->shapes[place->country - 1].name : NULL;
}

/**
 * atlas_basemap_get_place_province:
 *
 * Returns: (nullable): the name of the first-level division place @index lies in, if known
 */
const char *
atlas_basemap_get_place_province (AtlasBasemap *self,
                                  guint         index)
{
  const AtlasBasemapLabel *place = atlas_basemap_get_place (self, index);

  return place != NULL && place->province > 0 ? self->provinces[place->province - 1].name
                                              : NULL;
}

guint
atlas_basemap_get_n_country_shapes (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), 0);

  return self->n_shapes;
}

const AtlasBasemapCountryShape *
atlas_basemap_get_country_shape (AtlasBasemap *self,
                                 guint         index)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->n_shapes, NULL);

  return &self->shapes[index];
}

/**
 * atlas_basemap_find_country_shape:
 * @name_or_code: a country's name as Natural Earth spells it ("Tajikistan"), or its ISO
 *   3166-1 alpha-2 code ("TJ"), in any case
 *
 * Returns: the index of the country's outline, or -1 if there is none
 */
int
atlas_basemap_find_country_shape (AtlasBasemap *self,
                                  const char   *name_or_code)
{
  g_autofree char *stripped = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), -1);

  if (name_or_code == NULL)
    return -1;
  stripped = g_strstrip (g_strdup (name_or_code));
  wanted = g_utf8_casefold (stripped, -1);
  if (*wanted == '\0')
    return -1;
  for (guint i = 0; i < self->n_shapes; i++)
    {
      g_autofree char *name = g_utf8_casefold (self->shapes[i].name, -1);

      if (g_str_equal (name, wanted) || g_ascii_strcasecmp (self->shapes[i].iso_a2, wanted) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * atlas_basemap_get_country_ring:
 * @index: a country outline's index
 * @ring: one of its atlas_basemap_get_country_shape()->n_rings rings
 *
 * Returns: the ring's points, pairs of normalised Web Mercator x, y (x may leave [0, 1] where
 *   the country crosses the antimeridian); rings are filled with the even-odd rule
 */
const double *
atlas_basemap_get_country_ring (AtlasBasemap *self,
                                guint         index,
                                guint         ring,
                                guint        *out_n_points)
{
  guint32 first, r;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (index < self->n_shapes, NULL);
  g_return_val_if_fail (ring < self->shapes[index].n_rings, NULL);

  r = self->shapes[index].first_ring + ring;
  first = g_array_index (self->shape_offsets, guint32, r);
  *out_n_points = g_array_index (self->shape_offsets, guint32, r + 1) - first;
  return &g_array_index (self->shape_xy, double, 2 * first);
}
