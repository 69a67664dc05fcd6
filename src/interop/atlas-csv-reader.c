/* atlas-csv-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads CSV files into incidents: ACLED exports, recognised by their header and matched by
 * column name so that older exports with fewer columns work too, and any other CSV through
 * a column mapping. Rows stream from the file a block at a time; a bad row is skipped with
 * its line and reason, and the rest go on.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-csv-parser.h"
#include "atlas-csv-reader.h"
#include "atlas-import-error.h"
#include "atlas-import-values.h"

/* Check for cancellation and report progress this often. */
#define ROWS_PER_PROGRESS 1000

/* 2^53: the largest whole number from which a double holds every one below it exactly. */
#define MAX_EXACT_COUNT 9007199254740992.0

/* ACLED columns with a place of their own; the rest of an ACLED row (its actors among it)
 * is kept as text in one claim, so that nothing is lost without a record per cell: a
 * million-row export then makes three records a row, not five. */
typedef enum {
  ACLED_EVENT_ID,
  ACLED_EVENT_DATE,
  ACLED_TIME_PRECISION,
  ACLED_EVENT_TYPE,
  ACLED_SUB_EVENT_TYPE,
  ACLED_COUNTRY,
  ACLED_ADMIN1,
  ACLED_LOCATION,
  ACLED_LATITUDE,
  ACLED_LONGITUDE,
  ACLED_GEO_PRECISION,
  ACLED_SOURCE,
  ACLED_NOTES,
  ACLED_FATALITIES,
  N_ACLED_COLUMNS
} AcledColumn;

static const struct {
  const char *name;
  gboolean    in_details;   /* also written in the claim that keeps the rest of the row */
} acled_columns[N_ACLED_COLUMNS] = {
  { "event_id_cnty", TRUE }, { "event_date", FALSE }, { "time_precision", TRUE },
  { "event_type", FALSE }, { "sub_event_type", TRUE },
  { "country", FALSE }, { "admin1", FALSE }, { "location", FALSE }, { "latitude", FALSE },
  { "longitude", FALSE }, { "geo_precision", TRUE }, { "source", FALSE }, { "notes", FALSE },
  { "fatalities", FALSE },
};

typedef struct {
  AtlasImportBatch *batch;
  AtlasCsvParser   *parser;
  guint64           length;
  char            **header;
  guint             n_columns;
  gboolean          acled;
  int               columns[N_ACLED_COLUMNS];  /* ACLED: index of each column, or -1 */
  int               latitude, longitude, date, title, source;  /* mapped CSV */
  gboolean         *kept;       /* per column: kept as a claim (mapped) or in the details */
  GString          *details;
} CsvReader;

static void
csv_reader_clear (CsvReader *reader)
{
  g_clear_pointer (&reader->parser, atlas_csv_parser_free);
  g_clear_pointer (&reader->header, g_strfreev);
  g_clear_pointer (&reader->kept, g_free);
  if (reader->details != NULL)
    g_string_free (g_steal_pointer (&reader->details), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvReader, csv_reader_clear)

static int
find_column (char * const *header,
             const char   *name)
{
  for (int i = 0; name != NULL && header[i] != NULL; i++)
    if (g_ascii_strcasecmp (header[i], name) == 0)
      return i;
  return -1;
}

static char **
copy_header (char  **fields,
             guint   n_fields)
{
  char **header = g_new0 (char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    header[i] = g_strstrip (g_strdup (fields[i]));
  return header;
}

static gboolean
read_header_row (AtlasCsvParser  *parser,
                 char          ***header,
                 guint           *n_columns,
                 GError         **error)
{
  g_autofree char *reason = NULL;
  char **fields;
  guint n_fields;

  switch (atlas_csv_parser_next (parser, &fields, &n_fields, &reason))
    {
    case ATLAS_CSV_END:
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the file is empty"));
      return FALSE;
    case ATLAS_CSV_BAD_ROW:
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("line %u, the header: %s"), atlas_csv_parser_get_line (parser), reason);
      return FALSE;
    case ATLAS_CSV_ERROR:
      g_propagate_error (error, g_error_copy (atlas_csv_parser_get_error (parser)));
      return FALSE;
    case ATLAS_CSV_ROW:
    default:
      *header = copy_header (fields, n_fields);
      *n_columns = n_fields;
      return TRUE;
    }
}

static char **
read_header (AtlasCsvParser  *parser,
             GError         **error)
{
  char **header = NULL;
  guint n_columns;

  if (!read_header_row (parser, &header, &n_columns, error))
    return NULL;
  return header;
}

/**
 * atlas_csv_reader_read_header:
 *
 * Returns: (transfer full): the column names, for a mapping dialog
 */
char **
atlas_csv_reader_read_header (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(AtlasCsvParser) parser = atlas_csv_parser_new (data, length);

  return read_header (parser, error);
}

/**
 * atlas_csv_reader_read_stream_header:
 *
 * Reads no more of @stream than the header needs (a block).
 *
 * Returns: (transfer full): the column names, for a mapping dialog
 */
char **
atlas_csv_reader_read_stream_header (GInputStream  *stream,
                                     GError       **error)
{
  g_autoptr(AtlasCsvParser) parser = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  parser = atlas_csv_parser_new_for_stream (stream, 0);
  return read_header (parser, error);
}

/**
 * atlas_csv_reader_is_acled:
 *
 * Returns: %TRUE if @header is ACLED's export layout, in any order and of any age
 */
gboolean
atlas_csv_reader_is_acled (const char * const *header)
{
  static const char *const required[] = { "event_date", "event_type", "latitude", "longitude" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (find_column ((char * const *) header, required[i]) < 0)
      return FALSE;
  return TRUE;
}

static void
set_up_acled (CsvReader *reader)
{
  reader->kept = g_new0 (gboolean, reader->n_columns);
  for (guint i = 0; i < reader->n_columns; i++)
    reader->kept[i] = TRUE;
  for (guint c = 0; c < N_ACLED_COLUMNS; c++)
    {
      reader->columns[c] = find_column (reader->header, acled_columns[c].name);
      if (reader->columns[c] >= 0)
        reader->kept[reader->columns[c]] = acled_columns[c].in_details;
    }
  reader->details = g_string_new (NULL);
}

static gboolean
map_column (CsvReader   *reader,
            const char  *name,
            gboolean     required,
            int         *column,
            GError     **error)
{
  *column = find_column (reader->header, name);
  if (*column >= 0 || (!required && (name == NULL || *name == '\0')))
    {
      if (*column >= 0)
        reader->kept[*column] = FALSE;
      return TRUE;
    }
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NEEDS_MAPPING,
               _("it has no column “%s”"), name ? name : "");
  return FALSE;
}

static gboolean
set_up_mapping (CsvReader              *reader,
                const AtlasCsvMapping  *mapping,
                GError                **error)
{
  reader->kept = g_new0 (gboolean, reader->n_columns);
  for (guint i = 0; i < reader->n_columns; i++)
    reader->kept[i] = TRUE;
  return map_column (reader, mapping->latitude, TRUE, &reader->latitude, error)
         && map_column (reader, mapping->longitude, TRUE, &reader->longitude, error)
         && map_column (reader, mapping->date, FALSE, &reader->date, error)
         && map_column (reader, mapping->title, FALSE, &reader->title, error)
         && map_column (reader, mapping->source, FALSE, &reader->source, error);
}

static const char *
cell (char       **fields,
      int          column)
{
  return column >= 0 ? fields[column] : NULL;
}

static const char *
acled_cell (CsvReader  *reader,
            char      **fields,
            AcledColumn column)
{
  return cell (fields, reader->columns[column]);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
set_text_if_given (AtlasRecord *record,
                   const char  *field,
                   const char  *text)
{
  if (!is_empty (text))
    atlas_record_set_text (record, field, text);
}

static gboolean
read_point (CsvReader   *reader,
            const char  *latitude_text,
            const char  *longitude_text,
            double      *latitude,
            double      *longitude)
{
  g_autoptr(GError) error = NULL;

  if (atlas_import_parse_coordinate (latitude_text, longitude_text, latitude, longitude, &error))
    return TRUE;
  atlas_import_batch_add_problem (reader->batch, "%s", error->message);
  return FALSE;
}

static const char *
location_precision_for (const char *geo_precision)
{
  /* ACLED: 1 the town itself, 2 near it or a part of a region, 3 a larger region */
  if (g_strcmp0 (geo_precision, "1") == 0)
    return "town";
  if (g_strcmp0 (geo_precision, "2") == 0)
    return "district";
  if (g_strcmp0 (geo_precision, "3") == 0)
    return "province";
  return NULL;
}

static gboolean
set_acled_date (CsvReader   *reader,
                AtlasRecord *incident,
                char       **fields)
{
  const char *date = acled_cell (reader, fields, ACLED_EVENT_DATE);
  const char *time_precision = acled_cell (reader, fields, ACLED_TIME_PRECISION);

  if (is_empty (date))
    return TRUE;
  if (!atlas_import_batch_set_date (reader->batch, incident, "start_time", "start_precision",
                                    date))
    return FALSE;
  /* ACLED: 1 the day is known, 2 the week, 3 the month */
  if (g_strcmp0 (time_precision, "2") == 0 || g_strcmp0 (time_precision, "3") == 0)
    atlas_record_set_text (incident, "start_precision", "approximate");
  return TRUE;
}

static void
set_acled_title (CsvReader   *reader,
                 AtlasRecord *incident,
                 char       **fields)
{
  const char *what = acled_cell (reader, fields, ACLED_SUB_EVENT_TYPE);
  const char *where = acled_cell (reader, fields, ACLED_LOCATION);
  g_autofree char *title = NULL;

  if (is_empty (what))
    what = acled_cell (reader, fields, ACLED_EVENT_TYPE);
  if (is_empty (what))
    return;
  /* Translators: between the kind of event and the place in an incident's title from ACLED */
  title = is_empty (where) ? g_strdup (what) : g_strconcat (what, _(", "), where, NULL);
  atlas_record_set_text (incident, "title", title);
}

static void
set_acled_fields (CsvReader   *reader,
                  AtlasRecord *incident,
                  char       **fields)
{
  set_acled_title (reader, incident, fields);
  set_text_if_given (incident, "category", acled_cell (reader, fields, ACLED_EVENT_TYPE));
  set_text_if_given (incident, "place", acled_cell (reader, fields, ACLED_LOCATION));
  set_text_if_given (incident, "admin_area", acled_cell (reader, fields, ACLED_ADMIN1));
  set_text_if_given (incident, "country", acled_cell (reader, fields, ACLED_COUNTRY));
  set_text_if_given (incident, "summary", acled_cell (reader, fields, ACLED_NOTES));
  set_text_if_given (incident, "location_precision",
                     location_precision_for (acled_cell (reader, fields, ACLED_GEO_PRECISION)));
}

static const char *
row_document (CsvReader  *reader,
              const char *source)
{
  if (is_empty (source))
    return NULL;
  return atlas_import_batch_get_source_document (reader->batch, source);
}

static AtlasRecord *
add_row_claim (CsvReader   *reader,
               AtlasRecord *incident,
               const char  *attribute,
               const char  *value,
               const char  *document,
               const char  *locator)
{
  AtlasRecord *claim = atlas_import_batch_add_claim (reader->batch, incident, attribute, value,
                                                     document);

  atlas_record_set_text (claim, "locator", locator);
  return claim;
}

static void
add_details_claim (CsvReader   *reader,
                   AtlasRecord *incident,
                   char       **fields,
                   const char  *document,
                   const char  *locator)
{
  g_string_truncate (reader->details, 0);
  for (guint i = 0; i < reader->n_columns; i++)
    if (reader->kept[i] && !is_empty (fields[i]))
      {
        if (reader->details->len > 0)
          g_string_append_c (reader->details, '\n');
        g_string_append (reader->details, reader->header[i]);
        g_string_append (reader->details, ": ");
        g_string_append (reader->details, fields[i]);
      }
  if (reader->details->len > 0)
    add_row_claim (reader, incident, "acled_columns", reader->details->str, document, locator);
}

/* Fatalities are a count: one written as a number that a double does not hold as a whole
 * number exactly (past 2^53, or 1e400) would be kept as a different figure, so it is a
 * problem of its row. Text that is no number ("unknown") stays text. */
static gboolean
read_fatalities (CsvReader  *reader,
                 const char *text,
                 double     *number)
{
  if (atlas_import_parse_number (text, number) && fabs (*number) <= MAX_EXACT_COUNT)
    return TRUE;
  if (atlas_import_text_is_number (text))
    {
      atlas_import_batch_add_problem (reader->batch,
                                      _("fatalities “%.40s” is beyond what a count can hold "
                                        "exactly"), text);
      return FALSE;
    }
  *number = NAN;
  return TRUE;
}

static gboolean
add_acled_claims (CsvReader   *reader,
                  AtlasRecord *incident,
                  char       **fields,
                  guint        line)
{
  const char *document = row_document (reader, acled_cell (reader, fields, ACLED_SOURCE));
  const char *event_id = acled_cell (reader, fields, ACLED_EVENT_ID);
  const char *fatalities = acled_cell (reader, fields, ACLED_FATALITIES);
  char locator[128];
  double number;

  if (is_empty (event_id))
    g_snprintf (locator, sizeof locator, _("line %u"), line);
  else
    g_snprintf (locator, sizeof locator, _("line %u, event %.64s"), line, event_id);

  if (!is_empty (fatalities))
    {
      AtlasRecord *claim;

      if (!read_fatalities (reader, fatalities, &number))
        return FALSE;
      claim = add_row_claim (reader, incident, "fatalities", fatalities, document, locator);
      if (!isnan (number))
        atlas_record_set_double (claim, "value_number", number);
      atlas_record_set_text (claim, "qualifier", "exact");
    }
  add_details_claim (reader, incident, fields, document, locator);
  return TRUE;
}

static void
read_acled_row (CsvReader  *reader,
                char      **fields,
                guint       line)
{
  double latitude, longitude;
  AtlasRecord *incident;

  if (!read_point (reader, acled_cell (reader, fields, ACLED_LATITUDE),
                   acled_cell (reader, fields, ACLED_LONGITUDE), &latitude, &longitude))
    return;

  atlas_import_batch_begin_item (reader->batch);
  incident = atlas_import_batch_add_incident (reader->batch);
  if (!set_acled_date (reader, incident, fields))
    {
      atlas_import_batch_discard_item (reader->batch);
      return;
    }
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  set_acled_fields (reader, incident, fields);
  if (!add_acled_claims (reader, incident, fields, line))
    atlas_import_batch_discard_item (reader->batch);
}

static void
read_mapped_row (CsvReader  *reader,
                 char      **fields,
                 guint       line)
{
  const char *date = cell (fields, reader->date);
  const char *document;
  double latitude, longitude;
  AtlasRecord *incident;

  if (!read_point (reader, cell (fields, reader->latitude), cell (fields, reader->longitude),
                   &latitude, &longitude))
    return;

  atlas_import_batch_begin_item (reader->batch);
  incident = atlas_import_batch_add_incident (reader->batch);
  if (!atlas_import_text_is_blank (date)
      && !atlas_import_batch_set_date (reader->batch, incident, "start_time", "start_precision",
                                       date))
    {
      atlas_import_batch_discard_item (reader->batch);
      return;
    }
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  set_text_if_given (incident, "title", cell (fields, reader->title));

  document = row_document (reader, cell (fields, reader->source));
  for (guint i = 0; i < reader->n_columns; i++)
    if (reader->kept[i] && !is_empty (fields[i]))
      add_row_claim (reader, incident, reader->header[i], fields[i], document, NULL);
}

static void
read_row (CsvReader  *reader,
          char      **fields,
          guint       n_fields)
{
  guint line = atlas_csv_parser_get_line (reader->parser);

  atlas_import_batch_set_position (reader->batch, line, 0);
  if (n_fields != reader->n_columns)
    {
      atlas_import_batch_add_problem (reader->batch,
                                      _("the row has %u fields but the header has %u"),
                                      n_fields, reader->n_columns);
      return;
    }
  if (reader->acled)
    read_acled_row (reader, fields, line);
  else
    read_mapped_row (reader, fields, line);
}

static gboolean
read_rows (CsvReader  *reader,
           GError    **error)
{
  g_autofree char *reason = NULL;
  AtlasCsvStatus status;
  char **fields;
  guint n_fields;
  guint64 n_rows = 0;

  while ((status = atlas_csv_parser_next (reader->parser, &fields, &n_fields, &reason))
         != ATLAS_CSV_END)
    {
      if (status == ATLAS_CSV_ERROR)
        {
          g_propagate_error (error, g_error_copy (atlas_csv_parser_get_error (reader->parser)));
          return FALSE;
        }
      if (status == ATLAS_CSV_BAD_ROW)
        {
          atlas_import_batch_add_problem_at (reader->batch,
                                             atlas_csv_parser_get_line (reader->parser), 0,
                                             reason);
          g_clear_pointer (&reason, g_free);
        }
      else
        read_row (reader, fields, n_fields);

      if (++n_rows % ROWS_PER_PROGRESS == 0
          && !atlas_import_batch_progress (reader->batch,
                                           (double) atlas_csv_parser_get_offset (reader->parser)
                                           / (double) MAX (reader->length, 1), error))
        return FALSE;
    }
  return atlas_import_batch_progress (reader->batch, 1.0, error);
}

static gboolean
needs_mapping (GError **error)
{
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NEEDS_MAPPING,
               _("it is not in ACLED’s layout; choose which of its columns hold the latitude, "
                 "longitude, date, title and source"));
  return FALSE;
}

/* @parser: (transfer full): freed here
 * @length: the bytes the parser will read, for progress */
static gboolean
read_csv (AtlasCsvParser         *parser,
          guint64                 length,
          const AtlasCsvMapping  *mapping,
          AtlasImportBatch       *batch,
          GError                **error)
{
  g_auto(CsvReader) reader = { 0 };

  reader.batch = batch;
  reader.length = length;
  reader.parser = parser;
  if (!read_header_row (reader.parser, &reader.header, &reader.n_columns, error))
    return FALSE;

  if (mapping != NULL)
    {
      if (!set_up_mapping (&reader, mapping, error))
        return FALSE;
    }
  else if (atlas_csv_reader_is_acled ((const char * const *) reader.header))
    {
      reader.acled = TRUE;
      set_up_acled (&reader);
    }
  else
    return needs_mapping (error);

  return read_rows (&reader, error);
}

/**
 * atlas_csv_reader_read:
 * @mapping: (nullable): which columns hold what; %NULL to read ACLED's layout
 *
 * Reads every row of a CSV file into @batch; rows that cannot be read become problems.
 *
 * Returns: %FALSE when the whole file is refused: NUL bytes, no header, no mapping for a file
 *   not in ACLED's layout, or cancelled
 */
gboolean
atlas_csv_reader_read (const char             *data,
                       gsize                   length,
                       const AtlasCsvMapping  *mapping,
                       AtlasImportBatch       *batch,
                       GError                **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  /* the reader frees the parser */
  return read_csv (atlas_csv_parser_new (data, length), length, mapping, batch, error);
}

/**
 * atlas_csv_reader_read_stream:
 * @length: the size of what @stream holds, for progress
 * @mapping: (nullable): which columns hold what; %NULL to read ACLED's layout
 *
 * atlas_csv_reader_read() from a stream, read a block at a time: the file is never in
 * memory whole. Rows read before a NUL byte or a read error have been added to @batch.
 */
gboolean
atlas_csv_reader_read_stream (GInputStream           *stream,
                              guint64                 length,
                              const AtlasCsvMapping  *mapping,
                              AtlasImportBatch       *batch,
                              GError                **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  return read_csv (atlas_csv_parser_new_for_stream (stream, 0), length, mapping, batch, error);
}
