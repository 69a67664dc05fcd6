/* atlas-hex-bins.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hexagonal bins for the map's density view, and its colour scale: counts summed into
 * pointy-top hexagons of a given circumradius (axial coordinates, rounded in cube
 * coordinates so that a point goes to the hexagon whose centre is nearest), coloured on
 * viridis, perceptually uniform and readable in grey and by most colour-blind eyes.
 * Plain numbers in, plain numbers out, so that the screen and the page can share it.
 */

#define G_LOG_DOMAIN "atlas-hex-bins"

#include "config.h"

#include <math.h>

#include "atlas-hex-bins.h"

#define SQRT3 1.7320508075688772

/* A key no hexagon has: q = r = G_MININT32 is far past any view. */
#define EMPTY_KEY G_GUINT64_CONSTANT (0x8000000080000000)

/* An open-addressed table from packed (q, r) to the index of its bin: a frame adds tens of
 * thousands of counts, and allocates nothing once the table has grown. */
typedef struct
{
  guint64 key;
  guint32 index;
} Slot;

struct _AtlasHexBins
{
  double  size;
  GArray *bins;         /* AtlasHexBin */
  Slot   *slots;
  gsize   n_slots;      /* a power of two, at least twice the bins */
  double  max;
};

static guint64
pack (int q,
      int r)
{
  return ((guint64) (guint32) q << 32) | (guint32) r;
}

static gsize
slot_of (guint64 key,
         gsize   n_slots)
{
  /* Fibonacci hashing: neighbouring hexagons spread over the table */
  return (gsize) ((key * G_GUINT64_CONSTANT (11400714819323198485)) >> 32) & (n_slots - 1);
}

static void
clear_slots (Slot  *slots,
             gsize  n_slots)
{
  for (gsize i = 0; i < n_slots; i++)
    slots[i].key = EMPTY_KEY;
}

static void
grow (AtlasHexBins *self)
{
  gsize n_slots = self->n_slots * 2;
  Slot *slots = g_new (Slot, n_slots);

  clear_slots (slots, n_slots);
  for (guint i = 0; i < self->bins->len; i++)
    {
      const AtlasHexBin *bin = &g_array_index (self->bins, AtlasHexBin, i);
      guint64 key = pack (bin->q, bin->r);
      gsize slot = slot_of (key, n_slots);

      while (slots[slot].key != EMPTY_KEY)
        slot = (slot + 1) & (n_slots - 1);
      slots[slot] = (Slot) { key, i };
    }
  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n_slots;
}

/**
 * atlas_hex_locate:
 * @size: the hexagons' circumradius
 * @x: a point
 * @y:
 * @q: (out): its hexagon's axial column
 * @r: (out): its hexagon's axial row
 *
 * Finds the pointy-top hexagon of @size, in the grid with a hexagon centred on the origin,
 * that holds (@x, @y).
 */
void
atlas_hex_locate (double  size,
                  double  x,
                  double  y,
                  int    *q,
                  int    *r)
{
  double fq = (SQRT3 / 3 * x - y / 3) / size;
  double fr = (2.0 / 3 * y) / size;
  double fs = -fq - fr;
  double rq = round (fq), rr = round (fr), rs = round (fs);
  double dq = fabs (rq - fq), dr = fabs (rr - fr), ds = fabs (rs - fs);

  /* the component that rounded most is the one to recompute from the two others */
  if (dq > dr && dq > ds)
    rq = -rr - rs;
  else if (dr > ds)
    rr = -rq - rs;
  *q = (int) rq;
  *r = (int) rr;
}

/**
 * atlas_hex_centre:
 * @size: the hexagons' circumradius
 * @q: axial column
 * @r: axial row
 * @x: (out): the centre
 * @y: (out):
 */
void
atlas_hex_centre (double  size,
                  int     q,
                  int     r,
                  double *x,
                  double *y)
{
  *x = size * SQRT3 * (q + r / 2.0);
  *y = size * 1.5 * r;
}

AtlasHexBins *
atlas_hex_bins_new (double size)
{
  AtlasHexBins *self;

  g_return_val_if_fail (size > 0, NULL);

  self = g_new0 (AtlasHexBins, 1);
  self->size = size;
  self->bins = g_array_new (FALSE, FALSE, sizeof (AtlasHexBin));
  self->n_slots = 1024;
  self->slots = g_new (Slot, self->n_slots);
  clear_slots (self->slots, self->n_slots);
  return self;
}

void
atlas_hex_bins_free (AtlasHexBins *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bins);
  g_free (self->slots);
  g_free (self);
}

/* Empties the bins, keeping their memory for the next frame. */
void
atlas_hex_bins_clear (AtlasHexBins *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->bins, 0);
  clear_slots (self->slots, self->n_slots);
  self->max = 0;
}

/* The index of the bin of (@q, @r), made empty if there was none. */
static guint
find_or_add (AtlasHexBins *self,
             int           q,
             int           r)
{
  guint64 key = pack (q, r);
  gsize slot = slot_of (key, self->n_slots);
  AtlasHexBin fresh = { q, r, 0 };
  guint index;

  for (; self->slots[slot].key != EMPTY_KEY; slot = (slot + 1) & (self->n_slots - 1))
    if (self->slots[slot].key == key)
      return self->slots[slot].index;

  index = self->bins->len;
  g_array_append_val (self->bins, fresh);
  self->slots[slot] = (Slot) { key, index };
  if (2 * (gsize) self->bins->len > self->n_slots)
    grow (self);
  return index;
}

/**
 * atlas_hex_bins_add:
 * @self: the bins
 * @x: where
 * @y:
 * @count: how many incidents are there
 *
 * Adds @count to the hexagon that holds (@x, @y).
 */
void
atlas_hex_bins_add (AtlasHexBins *self,
                    double        x,
                    double        y,
                    double        count)
{
  AtlasHexBin *bin;
  guint index;
  int q, r;

  g_return_if_fail (self != NULL);

  atlas_hex_locate (self->size, x, y, &q, &r);
  /* first: adding a bin may move the array */
  index = find_or_add (self, q, r);
  bin = &g_array_index (self->bins, AtlasHexBin, index);
  bin->count += count;
  self->max = MAX (self->max, bin->count);
}

/**
 * atlas_hex_bins_get_bins:
 * @n_bins: (out): how many
 *
 * Returns: (transfer none) (array length=n_bins): every bin with a count, in the order
 *   they were first added to
 */
const AtlasHexBin *
atlas_hex_bins_get_bins (AtlasHexBins *self,
                         guint        *n_bins)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_bins = self->bins->len;
  return (const AtlasHexBin *) self->bins->data;
}

/* Returns: the largest count of a bin, 0 when there are none */
double
atlas_hex_bins_get_max (AtlasHexBins *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max;
}

double
atlas_hex_bins_get_size (AtlasHexBins *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

/**
 * atlas_density_scale:
 * @count: a bin's count
 * @max: the largest count shown
 *
 * Where @count falls on the colour scale: logarithmic, because counts of incidents span
 * orders of magnitude between a city and the country around it; 1 is 0, @max is 1.
 *
 * Returns: a position from 0 to 1
 */
double
atlas_density_scale (double count,
                     double max)
{
  if (max <= 1 || count <= 1)
    return 0;
  return CLAMP (log (count) / log (max), 0, 1);
}

/**
 * atlas_viridis:
 * @t: a position from 0 (dark purple) to 1 (yellow)
 * @red: (out): from 0 to 1
 * @green: (out):
 * @blue: (out):
 *
 * The viridis colour map (van der Walt and Smith, matplotlib), from eleven of its colours.
 */
void
atlas_viridis (double  t,
               double *red,
               double *green,
               double *blue)
{
  static const guint8 stops[][3] = {
    { 0x44, 0x01, 0x54 }, { 0x48, 0x24, 0x75 }, { 0x41, 0x44, 0x87 }, { 0x35, 0x5f, 0x8d },
    { 0x2a, 0x78, 0x8e }, { 0x21, 0x91, 0x8c }, { 0x22, 0xa8, 0x84 }, { 0x44, 0xbf, 0x70 },
    { 0x7a, 0xd1, 0x51 }, { 0xbd, 0xdf, 0x26 }, { 0xfd, 0xe7, 0x25 },
  };
  double position = CLAMP (isnan (t) ? 0 : t, 0, 1) * (G_N_ELEMENTS (stops) - 1);
  guint i = MIN ((guint) position, G_N_ELEMENTS (stops) - 2);
  double f = position - i;

  *red = (stops[i][0] * (1 - f) + stops[i + 1][0] * f) / 255;
  *green = (stops[i][1] * (1 - f) + stops[i + 1][1] * f) / 255;
  *blue = (stops[i][2] * (1 - f) + stops[i + 1][2] * f) / 255;
}
