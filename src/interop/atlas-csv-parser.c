/* atlas-csv-parser.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 tokenizer over bytes in memory or read from a stream a block at a time:
 * quoted fields with commas, doubled quotes and line breaks, CRLF or LF, an optional UTF-8
 * byte order mark. A row may span any number of blocks: the tokenizer keeps its place in
 * the row (in a quoted field, after a quote, after a CR) across them, so a file of any size
 * is read in the memory of one block and one row. Rows come out as NUL-terminated fields in
 * one reused buffer, so reading a row allocates nothing. Rows that are too wide, have a
 * field over the size limit or are not UTF-8 come out as bad rows with a reason; a NUL byte
 * ends the data with an error naming its line.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-csv-parser.h"
#include "atlas-import-error.h"
#include "atlas-import-limits.h"

#define INITIAL_SCRATCH_SIZE 4096
/* Bytes read from a stream at a time, unless ATLAS_CSV_BLOCK_SIZE says otherwise (tests
 * force tiny blocks, so that every record is split across blocks somewhere). */
#define DEFAULT_BLOCK_SIZE (1 << 20)
/* A byte order mark's length: the first read of a stream gets at least this much. */
#define BOM_LENGTH 3

struct _AtlasCsvParser
{
  /* the bytes: all of them given at once, or read from the stream a block at a time */
  GInputStream *stream;
  char         *block;
  gsize         block_size;
  const char   *base;         /* the start of the data, or of the block in it */
  const char   *end;
  const char   *pos;
  guint64       before_base;  /* bytes read before base */
  GError       *error;        /* why the bytes stopped before their end */
  guint         line;         /* the line pos is on, from 1 */
  guint         row_line;     /* the line the last row started on */

  /* the current row: fields unescaped and NUL-terminated, one after another */
  char         *scratch;
  gsize         scratch_size;
  gsize         scratch_used;
  gsize         field_start;
  guint         n_fields;
  gsize         offsets[ATLAS_IMPORT_MAX_FIELDS];
  char         *fields[ATLAS_IMPORT_MAX_FIELDS + 1];
  char         *reason;       /* why the current row is bad, or NULL */
};

static guint
count_newlines (const char *from,
                const char *to)
{
  guint n = 0;

  for (const char *p = from; (p = memchr (p, '\n', (gsize) (to - p))) != NULL; p++)
    n++;
  return n;
}

/* The parser hands fields on as C strings: a NUL byte would cut one short unseen. @first_line
 * is the line @data starts on. */
static gboolean
refuse_nul (AtlasCsvParser *self,
            const char     *data,
            gsize           length,
            guint           first_line)
{
  const char *nul = memchr (data, '\0', length);

  if (nul == NULL)
    return TRUE;
  g_set_error (&self->error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
               _("line %u: it holds a NUL byte, so it is not a text file"),
               first_line + count_newlines (data, nul));
  return FALSE;
}

static AtlasCsvParser *
parser_new (void)
{
  AtlasCsvParser *self = g_new0 (AtlasCsvParser, 1);

  self->line = 1;
  self->scratch_size = INITIAL_SCRATCH_SIZE;
  self->scratch = g_malloc (self->scratch_size);
  return self;
}

static void
skip_bom (AtlasCsvParser *self)
{
  if (self->end - self->pos >= BOM_LENGTH && memcmp (self->pos, "\xEF\xBB\xBF", BOM_LENGTH) == 0)
    self->pos += BOM_LENGTH;
}

/**
 * atlas_csv_parser_new:
 * @data: the bytes to read, all of them; they must outlive the parser
 *
 * Data holding a NUL byte gives no row: atlas_csv_parser_next() says %ATLAS_CSV_ERROR.
 */
AtlasCsvParser *
atlas_csv_parser_new (const char *data,
                      gsize       length)
{
  AtlasCsvParser *self = parser_new ();

  self->base = self->pos = data;
  self->end = data + length;
  if (refuse_nul (self, data, length, 1))
    skip_bom (self);
  else
    self->end = self->pos;
  return self;
}

static gsize
block_size_for (gsize block_size)
{
  const char *forced = g_getenv ("ATLAS_CSV_BLOCK_SIZE");
  guint64 size = forced != NULL ? g_ascii_strtoull (forced, NULL, 10) : 0;

  if (block_size > 0)
    return block_size;
  return size > 0 && size <= DEFAULT_BLOCK_SIZE ? (gsize) size : DEFAULT_BLOCK_SIZE;
}

/**
 * atlas_csv_parser_new_for_stream:
 * @block_size: bytes to read at a time; 0 for the default
 *
 * A parser that reads @stream a block at a time, so that a file of any size is read in
 * bounded memory. A NUL byte or a read error ends the rows with %ATLAS_CSV_ERROR.
 */
AtlasCsvParser *
atlas_csv_parser_new_for_stream (GInputStream *stream,
                                 gsize         block_size)
{
  AtlasCsvParser *self = parser_new ();
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self->stream = g_object_ref (stream);
  self->block_size = block_size_for (block_size);
  self->block = g_malloc (MAX (self->block_size, BOM_LENGTH));
  self->base = self->pos = self->end = self->block;
  /* the first bytes whole, so that a byte order mark is seen even in tiny blocks */
  if (g_input_stream_read_all (stream, self->block, BOM_LENGTH, &n_read, NULL, &self->error)
      && refuse_nul (self, self->block, n_read, 1))
    {
      self->end = self->block + n_read;
      skip_bom (self);
    }
  return self;
}

void
atlas_csv_parser_free (AtlasCsvParser *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->block);
  g_clear_error (&self->error);
  g_free (self->scratch);
  g_free (self->reason);
  g_free (self);
}

/**
 * atlas_csv_parser_get_line:
 *
 * Returns: the line the last row started on, from 1
 */
guint
atlas_csv_parser_get_line (AtlasCsvParser *self)
{
  return self->row_line;
}

/**
 * atlas_csv_parser_get_offset:
 *
 * Returns: how many bytes have been read, for progress
 */
guint64
atlas_csv_parser_get_offset (AtlasCsvParser *self)
{
  return self->before_base + (guint64) (self->pos - self->base);
}

/**
 * atlas_csv_parser_get_error:
 *
 * Returns: (nullable): once atlas_csv_parser_next() has said %ATLAS_CSV_ERROR, why
 */
const GError *
atlas_csv_parser_get_error (AtlasCsvParser *self)
{
  return self->error;
}

/* Once every byte of the block has been parsed: reads the next block. Returns FALSE at the
 * end of the bytes, or when they cannot be read (self->error says why). Newlines are
 * counted as they are parsed, so self->line is the line the new block starts on. */
static gboolean
refill (AtlasCsvParser *self)
{
  gssize n;

  g_assert (self->pos == self->end);

  if (self->stream == NULL || self->error != NULL)
    return FALSE;
  self->before_base += (guint64) (self->end - self->base);
  self->base = self->pos = self->end = self->block;
  n = g_input_stream_read (self->stream, self->block, self->block_size, NULL, &self->error);
  if (n <= 0 || !refuse_nul (self, self->block, (gsize) n, self->line))
    return FALSE;
  self->end = self->block + n;
  return TRUE;
}

/* Whether there is a byte at pos, reading the next block if need be. */
static gboolean
has_byte (AtlasCsvParser *self)
{
  return self->pos < self->end || refill (self);
}

static void
set_reason (AtlasCsvParser *self,
            char           *reason)
{
  if (self->reason == NULL)
    self->reason = reason;
  else
    g_free (reason);
}

static void
append (AtlasCsvParser *self,
        const char     *bytes,
        gsize           length)
{
  gsize field_length = self->scratch_used - self->field_start;

  if (field_length + length > ATLAS_IMPORT_MAX_FIELD_SIZE)
    {
      set_reason (self, g_strdup_printf (_("field %u is longer than %u MiB"), self->n_fields + 1,
                                         ATLAS_IMPORT_MAX_FIELD_SIZE >> 20));
      return;
    }
  if (self->scratch_used + length > ATLAS_IMPORT_MAX_ROW_SIZE)
    {
      set_reason (self, g_strdup_printf (_("the row is longer than %u MiB"),
                                         ATLAS_IMPORT_MAX_ROW_SIZE >> 20));
      return;
    }
  /* +1 keeps room for the field's NUL */
  if (self->scratch_used + length + 1 > self->scratch_size)
    {
      while (self->scratch_used + length + 1 > self->scratch_size)
        self->scratch_size *= 2;
      self->scratch = g_realloc (self->scratch, self->scratch_size);
    }
  memcpy (self->scratch + self->scratch_used, bytes, length);
  self->scratch_used += length;
}

static void
begin_field (AtlasCsvParser *self)
{
  self->field_start = self->scratch_used;
}

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  guint8 any = 0;

  for (gsize i = 0; i < length; i++)
    any |= (guint8) text[i];
  return (any & 0x80) == 0;
}

/* Field by field, as they are unescaped: the quotes and commas around them are ASCII. */
static void
check_encoding (AtlasCsvParser *self)
{
  const char *field = self->scratch + self->field_start;
  gsize length = self->scratch_used - self->field_start;

  if (!is_ascii (field, length) && !g_utf8_validate_len (field, length, NULL))
    set_reason (self, g_strdup (_("the row is not valid UTF-8 text")));
}

static void
end_field (AtlasCsvParser *self)
{
  if (self->n_fields == ATLAS_IMPORT_MAX_FIELDS)
    {
      set_reason (self, g_strdup_printf (_("the row has more than %u fields"),
                                         ATLAS_IMPORT_MAX_FIELDS));
      self->scratch_used = self->field_start;
      return;
    }
  check_encoding (self);
  append (self, "", 0);
  self->scratch[self->scratch_used++] = '\0';
  self->offsets[self->n_fields++] = self->field_start;
}

static void
count_lines (AtlasCsvParser *self,
             const char     *from,
             const char     *to)
{
  self->line += count_newlines (from, to);
}

/* Up to the next comma or line break; a stray quote inside is kept as it is. */
static void
read_plain (AtlasCsvParser *self)
{
  do
    {
      const char *p = self->pos;

      while (p < self->end && *p != ',' && *p != '\n' && *p != '\r')
        p++;
      append (self, self->pos, (gsize) (p - self->pos));
      self->pos = p;
      if (p < self->end)
        return;
    }
  while (refill (self));
}

/* From the opening quote to after the closing one. Returns FALSE at the end of the data
 * without a closing quote. */
static gboolean
read_quoted (AtlasCsvParser *self)
{
  self->pos++;
  for (;;)
    {
      const char *quote;

      if (!has_byte (self))
        return FALSE;
      quote = memchr (self->pos, '"', (gsize) (self->end - self->pos));
      if (quote == NULL)
        quote = self->end;
      count_lines (self, self->pos, quote);
      append (self, self->pos, (gsize) (quote - self->pos));
      self->pos = quote;
      if (quote == self->end)
        continue;
      /* a doubled quote is one quote of the text; any other ends the field */
      self->pos++;
      if (!has_byte (self) || *self->pos != '"')
        return TRUE;
      append (self, "\"", 1);
      self->pos++;
    }
}

static gboolean
at_line_end (AtlasCsvParser *self)
{
  return !has_byte (self) || *self->pos == '\n' || *self->pos == '\r';
}

static void
skip_line_end (AtlasCsvParser *self)
{
  if (has_byte (self) && *self->pos == '\r')
    self->pos++;
  if (has_byte (self) && *self->pos == '\n')
    self->pos++;
  self->line++;
}

/* Reads the fields of one row; returns FALSE for an unterminated quote, after which there
 * is nothing more to read. */
static gboolean
read_row (AtlasCsvParser *self)
{
  for (;;)
    {
      begin_field (self);
      if (has_byte (self) && *self->pos == '"')
        {
          guint quote_line = self->line;

          if (!read_quoted (self))
            {
              g_free (self->reason);
              self->reason = g_strdup_printf (_("a quoted field opened on line %u is never "
                                                "closed"), quote_line);
              return FALSE;
            }
          /* Text after the closing quote belongs to the field, as spreadsheets read it. */
          read_plain (self);
        }
      else
        read_plain (self);
      end_field (self);

      if (at_line_end (self))
        return TRUE;
      self->pos++;  /* the comma */
    }
}

static void
finish_fields (AtlasCsvParser *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    self->fields[i] = self->scratch + self->offsets[i];
  self->fields[self->n_fields] = NULL;
}

/**
 * atlas_csv_parser_next:
 * @fields: (out) (transfer none): the row's fields, valid until the next call
 * @reason: (out) (transfer full): why a bad row is bad
 *
 * Blank lines are skipped. An unterminated quote gives one bad row; then the end. Bytes
 * that cannot be read, or a NUL byte, give %ATLAS_CSV_ERROR (see
 * atlas_csv_parser_get_error()), and no row after it.
 */
AtlasCsvStatus
atlas_csv_parser_next (AtlasCsvParser   *self,
                       char           ***fields,
                       guint            *n_fields,
                       char            **reason)
{
  gboolean complete, blank;

  do
    {
      if (!has_byte (self))
        return self->error != NULL ? ATLAS_CSV_ERROR : ATLAS_CSV_END;
      blank = *self->pos == '\n' || *self->pos == '\r';
      self->row_line = self->line;
      self->scratch_used = 0;
      self->n_fields = 0;
      g_clear_pointer (&self->reason, g_free);

      complete = read_row (self);
      if (complete)
        skip_line_end (self);
    }
  while (complete && self->reason == NULL && self->n_fields == 1 && self->scratch_used == 1
         && blank);

  if (self->error != NULL)
    return ATLAS_CSV_ERROR;
  if (self->reason != NULL)
    {
      *reason = g_steal_pointer (&self->reason);
      return ATLAS_CSV_BAD_ROW;
    }
  finish_fields (self);
  *fields = self->fields;
  *n_fields = self->n_fields;
  return ATLAS_CSV_ROW;
}
