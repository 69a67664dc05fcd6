/* atlas-basemap-format.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses and validates the binary basemap extract (data/basemap/README.md)
 * into plain arrays; every read is bounds-checked.
 */

#include "atlas-basemap-format.h"

#include <math.h>
#include <string.h>

#include "atlas-byte-reader.h"
#include "atlas-mercator.h"

#define MAGIC "ATLASBM\0"
#define MAGIC_LENGTH 8
#define FORMAT_VERSION 1
#define HEADER_LENGTH 16
#define SECTION_ENTRY_LENGTH 16
#define MAX_SECTIONS 64
#define MAX_LABEL_ZOOM 30
#define ARC_HEADER_LENGTH 32
#define MAX_GRID_COORDINATE (G_GINT64_CONSTANT (1) << 31)

/* Rings and lines may share arcs, but a file whose references would make the
 * assembled geometry this large is hostile, not a map. */
#define MAX_ASSEMBLED_POINTS (G_GUINT64_CONSTANT (1) << 24)

G_DEFINE_QUARK (atlas-basemap-error-quark, atlas_basemap_error)

typedef struct
{
  char    tag[5];
  guint32 offset;
  guint32 length;
  guint32 count;
} Section;

typedef enum
{
  SECTION_ARCS,
  SECTION_LAND,
  SECTION_COAST,
  SECTION_BORDERS,
  SECTION_COUNTRIES,
  SECTION_PLACES,
  /* optional: the context layers */
  SECTION_PROVINCE_LINES,
  SECTION_RIVERS,
  SECTION_PROVINCES,
  SECTION_COUNTRY_SHAPES,
  SECTION_PLACE_ADMIN,
  SECTION_HIGHWAYS,
  SECTION_ROADS,
  N_SECTIONS
} SectionId;

#define N_REQUIRED_SECTIONS (SECTION_PLACES + 1)

static const char *const section_tags[N_SECTIONS] = {
  "ARCS", "LAND", "COST", "BORD", "CTRY", "PLAC", "ADM1", "RIVR", "PROV", "CPOL", "PLAD",
  "HWAY", "ROAD",
};

typedef struct
{
  const char       *display_name;
  AtlasBasemapData *data;
  Section           sections[N_SECTIONS];
  gboolean          present[N_SECTIONS];
} Parser;

static gboolean G_GNUC_PRINTF (3, 4)
fail (const Parser *parser,
      GError      **error,
      const char   *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID,
               "Invalid basemap file “%s”: %s", parser->display_name, reason);
  return FALSE;
}

/* Sections. */

static AtlasByteReader
section_reader (GBytes        *bytes,
                const Section *section)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  AtlasByteReader reader = { data + section->offset, section->length, 0 };

  return reader;
}

static gboolean
expect_section_end (const Parser          *parser,
                    const AtlasByteReader *reader,
                    const Section         *section,
                    GError               **error)
{
  if (atlas_byte_reader_remaining (reader) == 0)
    return TRUE;

  return fail (parser, error, "section %s has %" G_GSIZE_FORMAT " bytes left after its %u items;"
               " its item count is wrong", section->tag, atlas_byte_reader_remaining (reader),
               section->count);
}

static gboolean
check_count (const Parser  *parser,
             const Section *section,
             gsize          min_item_length,
             GError       **error)
{
  if (section->count <= section->length / min_item_length)
    return TRUE;

  return fail (parser, error, "section %s claims %u items but holds at most %" G_GSIZE_FORMAT,
               section->tag, section->count, (gsize) section->length / min_item_length);
}

static gboolean
truncated (const Parser  *parser,
           const Section *section,
           guint          item,
           GError       **error)
{
  return fail (parser, error, "section %s ends inside item %u of %u", section->tag, item,
               section->count);
}

/* Header and section table. */

static int
find_section_id (const char *tag)
{
  for (int id = 0; id < N_SECTIONS; id++)
    if (memcmp (tag, section_tags[id], 4) == 0)
      return id;
  return -1;
}

static gboolean
read_section_entry (Parser          *parser,
                    AtlasByteReader *reader,
                    gsize            file_length,
                    GError         **error)
{
  const guint8 *tag;
  Section section = { { 0, }, 0, 0, 0 };
  int id;

  if (!atlas_byte_reader_bytes (reader, 4, &tag) ||
      !atlas_byte_reader_u32 (reader, &section.offset) ||
      !atlas_byte_reader_u32 (reader, &section.length) ||
      !atlas_byte_reader_u32 (reader, &section.count))
    return fail (parser, error, "the section table is truncated");

  memcpy (section.tag, tag, 4);
  if (!g_ascii_isalnum (section.tag[0]) || !g_ascii_isalnum (section.tag[1]) ||
      !g_ascii_isalnum (section.tag[2]) || !g_ascii_isalnum (section.tag[3]))
    return fail (parser, error, "a section has a malformed tag");

  if ((guint64) section.offset + section.length > file_length)
    return fail (parser, error, "section %s (offset %u, length %u) extends past the end of the"
                 " %" G_GSIZE_FORMAT "-byte file; the file is truncated or corrupt",
                 section.tag, section.offset, section.length, file_length);

  id = find_section_id (section.tag);
  if (id < 0)
    return TRUE; /* Unknown sections are skipped, for forward compatibility. */

  if (parser->present[id])
    return fail (parser, error, "section %s appears twice", section.tag);

  parser->sections[id] = section;
  parser->present[id] = TRUE;
  return TRUE;
}

static gboolean
read_header (Parser  *parser,
             GBytes  *bytes,
             GError **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  AtlasByteReader reader = { data, length, 0 };
  const guint8 *magic;
  guint32 version, n_sections;

  if (length == 0)
    return fail (parser, error, "the file is empty");

  if (!atlas_byte_reader_bytes (&reader, MAGIC_LENGTH, &magic) ||
      memcmp (magic, MAGIC, MAGIC_LENGTH) != 0)
    return fail (parser, error, "bad magic; this is not an Incident Atlas basemap");

  if (!atlas_byte_reader_u32 (&reader, &version) || !atlas_byte_reader_u32 (&reader, &n_sections))
    return fail (parser, error, "the header is truncated");

  if (version != FORMAT_VERSION)
    {
      g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_UNSUPPORTED_VERSION,
                   "Unsupported basemap file “%s”: format version %u, expected %u",
                   parser->display_name, version, FORMAT_VERSION);
      return FALSE;
    }

  if (n_sections > MAX_SECTIONS)
    return fail (parser, error, "the header claims %u sections", n_sections);

  for (guint i = 0; i < n_sections; i++)
    if (!read_section_entry (parser, &reader, length, error))
      return FALSE;

  for (int id = 0; id < N_REQUIRED_SECTIONS; id++)
    if (!parser->present[id])
      return fail (parser, error, "required section %s is missing", section_tags[id]);

  return TRUE;
}

/* ARCS: grid transform, then per arc a point count and zigzag-delta points. */

typedef struct
{
  double scale_x;
  double scale_y;
  double translate_x;
  double translate_y;
} GridTransform;

static gboolean
read_grid_transform (Parser          *parser,
                     AtlasByteReader *reader,
                     GridTransform   *grid,
                     GError         **error)
{
  if (!atlas_byte_reader_f64 (reader, &grid->scale_x) ||
      !atlas_byte_reader_f64 (reader, &grid->scale_y) ||
      !atlas_byte_reader_f64 (reader, &grid->translate_x) ||
      !atlas_byte_reader_f64 (reader, &grid->translate_y))
    return fail (parser, error, "section ARCS is too short for its grid transform");

  if (!isfinite (grid->scale_x) || !isfinite (grid->scale_y) ||
      !isfinite (grid->translate_x) || !isfinite (grid->translate_y) ||
      grid->scale_x <= 0.0 || grid->scale_y <= 0.0 || grid->scale_x > 1.0 || grid->scale_y > 1.0 ||
      fabs (grid->translate_x) > 360.0 || fabs (grid->translate_y) > 90.0)
    return fail (parser, error, "section ARCS has an invalid grid transform");

  return TRUE;
}

static gboolean
read_arc_points (Parser              *parser,
                 AtlasByteReader     *reader,
                 const GridTransform *grid,
                 guint                arc,
                 guint32              n_points,
                 double              *out_xy,
                 GError             **error)
{
  const Section *section = &parser->sections[SECTION_ARCS];
  gint64 gx = 0, gy = 0;

  for (guint32 i = 0; i < n_points; i++)
    {
      gint64 dx, dy;
      double longitude, latitude;

      if (!atlas_byte_reader_zigzag (reader, &dx) || !atlas_byte_reader_zigzag (reader, &dy))
        return truncated (parser, section, arc, error);

      gx += dx;
      gy += dy;
      if (ABS (gx) > MAX_GRID_COORDINATE || ABS (gy) > MAX_GRID_COORDINATE)
        return fail (parser, error, "arc %u leaves the coordinate grid", arc);

      longitude = grid->translate_x + gx * grid->scale_x;
      latitude = grid->translate_y + gy * grid->scale_y;
      if (fabs (longitude) > 540.0 || fabs (latitude) > 90.0001)
        return fail (parser, error, "arc %u has a point outside the world (%g, %g)",
                     arc, longitude, latitude);

      out_xy[2 * i] = atlas_mercator_x_from_longitude (longitude);
      out_xy[2 * i + 1] = atlas_mercator_y_from_latitude (latitude);
    }
  return TRUE;
}

static gboolean
parse_arcs (Parser  *parser,
            GBytes  *bytes,
            GError **error)
{
  const Section *section = &parser->sections[SECTION_ARCS];
  AtlasBasemapData *data = parser->data;
  AtlasByteReader reader = section_reader (bytes, section);
  GridTransform grid = { 0.0, 0.0, 0.0, 0.0 };
  gsize max_points;
  guint32 total = 0;

  if (!read_grid_transform (parser, &reader, &grid, error))
    return FALSE;

  /* The smallest arc is a count byte and two points of two bytes each. */
  if (section->count > atlas_byte_reader_remaining (&reader) / 5)
    return fail (parser, error, "section ARCS claims %u arcs but holds at most %" G_GSIZE_FORMAT,
                 section->count, atlas_byte_reader_remaining (&reader) / 5);

  max_points = atlas_byte_reader_remaining (&reader) / 2;
  data->n_arcs = section->count;
  data->arc_offsets = g_new (guint32, data->n_arcs + 1);
  data->arc_xy = g_new (double, 2 * MAX (max_points, 1));

  for (guint arc = 0; arc < data->n_arcs; arc++)
    {
      guint32 n_points;

      if (!atlas_byte_reader_varint (&reader, &n_points))
        return truncated (parser, section, arc, error);
      if (n_points < 2)
        return fail (parser, error, "arc %u has %u points", arc, n_points);
      if (n_points > atlas_byte_reader_remaining (&reader) / 2)
        return fail (parser, error, "arc %u claims %u points, more than section ARCS holds",
                     arc, n_points);

      data->arc_offsets[arc] = total;
      if (!read_arc_points (parser, &reader, &grid, arc, n_points, data->arc_xy + 2 * total, error))
        return FALSE;
      total += n_points;
    }
  data->arc_offsets[data->n_arcs] = total;

  return expect_section_end (parser, &reader, section, error);
}

/* LAND: per ring a reference count and zigzag arc references. */

static guint32
arc_length (const AtlasBasemapData *data,
            guint32                 index)
{
  return data->arc_offsets[index + 1] - data->arc_offsets[index];
}

static gboolean
add_assembled_points (Parser        *parser,
                      const Section *section,
                      guint32        arc,
                      guint64       *total,
                      GError       **error)
{
  *total += arc_length (parser->data, arc);
  if (*total <= MAX_ASSEMBLED_POINTS)
    return TRUE;

  return fail (parser, error, "section %s repeats arcs into more than %" G_GUINT64_FORMAT
               " points", section->tag, MAX_ASSEMBLED_POINTS);
}

static gboolean
read_arc_reference (Parser          *parser,
                    AtlasByteReader *reader,
                    const Section   *section,
                    guint            item,
                    guint64         *total_points,
                    gint32          *out,
                    GError         **error)
{
  gint64 ref;
  gint64 index;

  if (!atlas_byte_reader_zigzag (reader, &ref))
    return truncated (parser, section, item, error);

  index = ref >= 0 ? ref : -ref - 1;
  if (index >= parser->data->n_arcs)
    return fail (parser, error, "item %u of section %s refers to arc %" G_GINT64_FORMAT
                 " of %u", item, section->tag, index, parser->data->n_arcs);

  *out = (gint32) ref;
  return add_assembled_points (parser, section, (guint32) index, total_points, error);
}

/* One ring: a reference count, then that many arc references, appended to @refs
 * (room for one reference per byte of the section is allocated up front). */
static gboolean
read_ring (Parser          *parser,
           AtlasByteReader *reader,
           const Section   *section,
           guint            item,
           guint64         *total_points,
           gint32          *refs,
           guint32         *n_refs_total,
           GError         **error)
{
  guint32 n_refs;

  if (!atlas_byte_reader_varint (reader, &n_refs))
    return truncated (parser, section, item, error);
  if (n_refs == 0 || n_refs > atlas_byte_reader_remaining (reader))
    return fail (parser, error, "a ring of item %u of section %s claims %u arcs", item,
                 section->tag, n_refs);

  for (guint32 i = 0; i < n_refs; i++)
    if (!read_arc_reference (parser, reader, section, item, total_points,
                             &refs[(*n_refs_total)++], error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_land (Parser  *parser,
            GBytes  *bytes,
            GError **error)
{
  const Section *section = &parser->sections[SECTION_LAND];
  AtlasBasemapData *data = parser->data;
  AtlasByteReader reader = section_reader (bytes, section);
  guint64 total_points = 0;
  guint32 total = 0;

  if (!check_count (parser, section, 2, error))
    return FALSE;

  data->n_rings = section->count;
  data->ring_offsets = g_new (guint32, data->n_rings + 1);
  data->ring_refs = g_new (gint32, MAX (section->length, 1));

  for (guint ring = 0; ring < data->n_rings; ring++)
    {
      data->ring_offsets[ring] = total;
      if (!read_ring (parser, &reader, section, ring, &total_points, data->ring_refs, &total,
                      error))
        return FALSE;
    }
  data->ring_offsets[data->n_rings] = total;

  return expect_section_end (parser, &reader, section, error);
}

/* COST, BORD, ADM1, RIVR, HWAY and ROAD: plain arc indices. */

static gboolean
parse_arc_list (Parser     *parser,
                GBytes     *bytes,
                SectionId   id,
                guint32   **out_arcs,
                guint      *out_n_arcs,
                GError    **error)
{
  const Section *section = &parser->sections[id];
  AtlasByteReader reader = section_reader (bytes, section);
  guint64 total_points = 0;

  if (!check_count (parser, section, 1, error))
    return FALSE;

  *out_n_arcs = section->count;
  *out_arcs = g_new (guint32, MAX (section->count, 1));
  for (guint i = 0; i < section->count; i++)
    {
      guint32 arc;

      if (!atlas_byte_reader_varint (&reader, &arc))
        return truncated (parser, section, i, error);
      if (arc >= parser->data->n_arcs)
        return fail (parser, error, "item %u of section %s refers to arc %u of %u",
                     i, section->tag, arc, parser->data->n_arcs);
      if (!add_assembled_points (parser, section, arc, &total_points, error))
        return FALSE;
      (*out_arcs)[i] = arc;
    }

  return expect_section_end (parser, &reader, section, error);
}

/* CTRY and PLAC: fixed fields, then a length-prefixed UTF-8 name. */

static gboolean
read_label_name (Parser            *parser,
                 AtlasByteReader   *reader,
                 const Section     *section,
                 guint              item,
                 AtlasBasemapLabel *label,
                 GError           **error)
{
  const guint8 *name;
  guint8 length;

  if (!atlas_byte_reader_u8 (reader, &length) || !atlas_byte_reader_bytes (reader, length, &name))
    return truncated (parser, section, item, error);
  if (length == 0 || !g_utf8_validate_len ((const char *) name, length, NULL))
    return fail (parser, error, "item %u of section %s has an invalid name", item, section->tag);

  label->name = g_string_chunk_insert_len (parser->data->names, (const char *) name, length);
  return TRUE;
}

static gboolean
read_label_position (Parser            *parser,
                     AtlasByteReader   *reader,
                     const Section     *section,
                     guint              item,
                     AtlasBasemapLabel *label,
                     GError           **error)
{
  gint32 longitude, latitude;

  if (!atlas_byte_reader_i32 (reader, &longitude) || !atlas_byte_reader_i32 (reader, &latitude))
    return truncated (parser, section, item, error);
  if (ABS ((gint64) longitude) > 180000000 || ABS ((gint64) latitude) > 90000000)
    return fail (parser, error, "item %u of section %s lies outside the world", item,
                 section->tag);

  label->x = atlas_mercator_x_from_longitude (longitude / 1e6);
  label->y = atlas_mercator_y_from_latitude (latitude / 1e6);
  return TRUE;
}

/* A country's or a province's label: a position, a zoom range and a name. */
static gboolean
read_area_label (Parser            *parser,
                 AtlasByteReader   *reader,
                 const Section     *section,
                 guint              item,
                 AtlasBasemapLabel *label,
                 GError           **error)
{
  if (!read_label_position (parser, reader, section, item, label, error))
    return FALSE;
  if (!atlas_byte_reader_u8 (reader, &label->min_zoom) ||
      !atlas_byte_reader_u8 (reader, &label->max_zoom))
    return truncated (parser, section, item, error);
  if (label->min_zoom > label->max_zoom || label->max_zoom > MAX_LABEL_ZOOM)
    return fail (parser, error, "item %u of section %s has an invalid zoom range", item,
                 section->tag);

  return read_label_name (parser, reader, section, item, label, error);
}

static gboolean
read_country (Parser            *parser,
              AtlasByteReader   *reader,
              guint              item,
              AtlasBasemapLabel *label,
              GError           **error)
{
  return read_area_label (parser, reader, &parser->sections[SECTION_COUNTRIES], item, label,
                          error);
}

static gboolean
read_province (Parser            *parser,
               AtlasByteReader   *reader,
               guint              item,
               AtlasBasemapLabel *label,
               GError           **error)
{
  return read_area_label (parser, reader, &parser->sections[SECTION_PROVINCES], item, label,
                          error);
}

static gboolean
read_place (Parser            *parser,
            AtlasByteReader   *reader,
            guint              item,
            AtlasBasemapLabel *label,
            GError           **error)
{
  const Section *section = &parser->sections[SECTION_PLACES];

  if (!read_label_position (parser, reader, section, item, label, error))
    return FALSE;
  if (!atlas_byte_reader_u8 (reader, &label->min_zoom) ||
      !atlas_byte_reader_u8 (reader, &label->flags) ||
      !atlas_byte_reader_u8 (reader, &label->rank))
    return truncated (parser, section, item, error);
  if (label->min_zoom > MAX_LABEL_ZOOM)
    return fail (parser, error, "place %u has an invalid zoom", item);

  label->max_zoom = G_MAXUINT8;
  return read_label_name (parser, reader, section, item, label, error);
}

typedef gboolean (*ReadLabelFunc) (Parser            *parser,
                                   AtlasByteReader   *reader,
                                   guint              item,
                                   AtlasBasemapLabel *label,
                                   GError           **error);

static gboolean
parse_labels (Parser             *parser,
              GBytes             *bytes,
              SectionId           id,
              gsize               min_item_length,
              ReadLabelFunc       read_label,
              AtlasBasemapLabel **out_labels,
              guint              *out_n_labels,
              GError            **error)
{
  const Section *section = &parser->sections[id];
  AtlasByteReader reader = section_reader (bytes, section);

  if (!check_count (parser, section, min_item_length, error))
    return FALSE;

  *out_n_labels = section->count;
  *out_labels = g_new0 (AtlasBasemapLabel, MAX (section->count, 1));
  for (guint i = 0; i < section->count; i++)
    if (!read_label (parser, &reader, i, &(*out_labels)[i], error))
      return FALSE;

  return expect_section_end (parser, &reader, section, error);
}

/* CPOL: per country a name, a two-letter code (or two NUL bytes) and its rings. */

static gboolean
read_country_shape (Parser                   *parser,
                    AtlasByteReader          *reader,
                    guint                     item,
                    guint64                  *total_points,
                    guint32                  *n_rings_total,
                    guint32                  *n_refs_total,
                    AtlasBasemapCountryShape *shape,
                    GError                  **error)
{
  const Section *section = &parser->sections[SECTION_COUNTRY_SHAPES];
  AtlasBasemapData *data = parser->data;
  AtlasBasemapLabel name = { 0, };
  const guint8 *code;
  guint32 n_rings;

  if (!read_label_name (parser, reader, section, item, &name, error))
    return FALSE;
  if (!atlas_byte_reader_bytes (reader, 2, &code) || !atlas_byte_reader_varint (reader, &n_rings))
    return truncated (parser, section, item, error);
  if (!(code[0] == 0 && code[1] == 0) &&
      !(g_ascii_isupper (code[0]) && g_ascii_isupper (code[1])))
    return fail (parser, error, "country shape %u has an invalid ISO code", item);
  if (n_rings > atlas_byte_reader_remaining (reader))
    return fail (parser, error, "country shape %u claims %u rings", item, n_rings);

  shape->name = name.name;
  memcpy (shape->iso_a2, code, 2);
  shape->iso_a2[2] = '\0';
  shape->first_ring = *n_rings_total;
  shape->n_rings = n_rings;
  for (guint32 r = 0; r < n_rings; r++)
    {
      data->shape_ring_offsets[(*n_rings_total)++] = *n_refs_total;
      if (!read_ring (parser, reader, section, item, total_points, data->shape_ring_refs,
                      n_refs_total, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_country_shapes (Parser  *parser,
                      GBytes  *bytes,
                      GError **error)
{
  const Section *section = &parser->sections[SECTION_COUNTRY_SHAPES];
  AtlasBasemapData *data = parser->data;
  AtlasByteReader reader = section_reader (bytes, section);
  guint64 total_points = 0;
  guint32 n_rings = 0, n_refs = 0;

  /* name length, a one-byte name, the code and a ring count */
  if (!check_count (parser, section, 5, error))
    return FALSE;

  data->n_shapes = section->count;
  data->shapes = g_new0 (AtlasBasemapCountryShape, MAX (section->count, 1));
  data->shape_ring_offsets = g_new (guint32, section->length + 1);
  data->shape_ring_refs = g_new (gint32, MAX (section->length, 1));
  for (guint i = 0; i < section->count; i++)
    if (!read_country_shape (parser, &reader, i, &total_points, &n_rings, &n_refs,
                             &data->shapes[i], error))
      return FALSE;
  data->shape_ring_offsets[n_rings] = n_refs;

  return expect_section_end (parser, &reader, section, error);
}

/* PLAD: per place, its country shape and its province, each as index + 1 or 0. */
static gboolean
parse_place_admin (Parser  *parser,
                   GBytes  *bytes,
                   GError **error)
{
  const Section *section = &parser->sections[SECTION_PLACE_ADMIN];
  AtlasBasemapData *data = parser->data;
  AtlasByteReader reader = section_reader (bytes, section);

  if (section->count != data->n_places)
    return fail (parser, error, "section PLAD describes %u places, section PLAC holds %u",
                 section->count, data->n_places);

  for (guint i = 0; i < section->count; i++)
    {
      guint32 country, province;

      if (!atlas_byte_reader_varint (&reader, &country) ||
          !atlas_byte_reader_varint (&reader, &province))
        return truncated (parser, section, i, error);
      if (country > data->n_shapes || province > data->n_provinces)
        return fail (parser, error, "place %u refers to a country or province that is not there",
                     i);
      data->places[i].country = (guint16) country;
      data->places[i].province = (guint16) province;
    }

  return expect_section_end (parser, &reader, section, error);
}

/* The context sections are optional: an extract without them has no provinces, rivers, roads
 * or country outlines, and its places no country or province. */
static gboolean
parse_context (Parser  *parser,
               GBytes  *bytes,
               GError **error)
{
  AtlasBasemapData *data = parser->data;

  if (parser->present[SECTION_PROVINCE_LINES] &&
      !parse_arc_list (parser, bytes, SECTION_PROVINCE_LINES, &data->province_arcs,
                       &data->n_province_arcs, error))
    return FALSE;
  if (parser->present[SECTION_RIVERS] &&
      !parse_arc_list (parser, bytes, SECTION_RIVERS, &data->river_arcs, &data->n_river_arcs,
                       error))
    return FALSE;
  if (parser->present[SECTION_HIGHWAYS] &&
      !parse_arc_list (parser, bytes, SECTION_HIGHWAYS, &data->highway_arcs,
                       &data->n_highway_arcs, error))
    return FALSE;
  if (parser->present[SECTION_ROADS] &&
      !parse_arc_list (parser, bytes, SECTION_ROADS, &data->road_arcs, &data->n_road_arcs, error))
    return FALSE;
  if (parser->present[SECTION_PROVINCES] &&
      !parse_labels (parser, bytes, SECTION_PROVINCES, 12, read_province, &data->provinces,
                     &data->n_provinces, error))
    return FALSE;
  /* the provinces' count is a 16-bit reference in PLAD */
  if (data->n_provinces >= G_MAXUINT16)
    return fail (parser, error, "section PROV holds %u provinces", data->n_provinces);
  if (parser->present[SECTION_COUNTRY_SHAPES] && !parse_country_shapes (parser, bytes, error))
    return FALSE;
  if (data->n_shapes >= G_MAXUINT16)
    return fail (parser, error, "section CPOL holds %u countries", data->n_shapes);
  if (parser->present[SECTION_PLACE_ADMIN] && !parse_place_admin (parser, bytes, error))
    return FALSE;
  return TRUE;
}

AtlasBasemapData *
atlas_basemap_data_parse (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(AtlasBasemapData) data = g_new0 (AtlasBasemapData, 1);
  Parser parser = { display_name, data, { { { 0, }, 0, 0, 0 }, }, { FALSE, } };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data->names = g_string_chunk_new (64 * 1024);

  if (!read_header (&parser, bytes, error) ||
      !parse_arcs (&parser, bytes, error) ||
      !parse_land (&parser, bytes, error) ||
      !parse_arc_list (&parser, bytes, SECTION_COAST, &data->coast_arcs, &data->n_coast_arcs,
                       error) ||
      !parse_arc_list (&parser, bytes, SECTION_BORDERS, &data->border_arcs, &data->n_border_arcs,
                       error) ||
      !parse_labels (&parser, bytes, SECTION_COUNTRIES, 12, read_country, &data->countries,
                     &data->n_countries, error) ||
      !parse_labels (&parser, bytes, SECTION_PLACES, 13, read_place, &data->places,
                     &data->n_places, error) ||
      !parse_context (&parser, bytes, error))
    return NULL;

  return g_steal_pointer (&data);
}

void
atlas_basemap_data_free (AtlasBasemapData *data)
{
  if (data == NULL)
    return;

  g_free (data->arc_xy);
  g_free (data->arc_offsets);
  g_free (data->ring_refs);
  g_free (data->ring_offsets);
  g_free (data->coast_arcs);
  g_free (data->border_arcs);
  g_free (data->countries);
  g_free (data->places);
  g_free (data->province_arcs);
  g_free (data->river_arcs);
  g_free (data->highway_arcs);
  g_free (data->road_arcs);
  g_free (data->provinces);
  g_free (data->shapes);
  g_free (data->shape_ring_refs);
  g_free (data->shape_ring_offsets);
  if (data->names != NULL)
    g_string_chunk_free (data->names);
  g_free (data);
}
