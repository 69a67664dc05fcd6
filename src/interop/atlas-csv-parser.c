/* atlas-csv-parser.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 tokenizer over bytes in memory (a mapped file): quoted fields with commas,
 * doubled quotes and line breaks, CRLF or LF, an optional UTF-8 byte order mark. Rows come
 * out as NUL-terminated fields in one reused buffer, so reading a row allocates nothing.
 * Rows that are too wide, have a field over the size limit or are not UTF-8 come out as bad
 * rows with a reason; the caller must have refused data holding NUL bytes.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-csv-parser.h"
#include "atlas-import-limits.h"

#define INITIAL_SCRATCH_SIZE 4096

struct _AtlasCsvParser
{
  const char *data;
  const char *end;
  const char *pos;
  guint       line;         /* the line pos is on, from 1 */
  guint       row_line;     /* the line the last row started on */

  /* the current row: fields unescaped and NUL-terminated, one after another */
  char       *scratch;
  gsize       scratch_size;
  gsize       scratch_used;
  gsize       field_start;
  guint       n_fields;
  gsize       offsets[ATLAS_IMPORT_MAX_FIELDS];
  char       *fields[ATLAS_IMPORT_MAX_FIELDS + 1];
  char       *reason;       /* why the current row is bad, or NULL */
};

/**
 * atlas_csv_parser_new:
 * @data: the bytes to read; they must outlive the parser and hold no NUL byte
 */
AtlasCsvParser *
atlas_csv_parser_new (const char *data,
                      gsize       length)
{
  AtlasCsvParser *self = g_new0 (AtlasCsvParser, 1);

  self->data = data;
  self->end = data + length;
  self->pos = data;
  self->line = 1;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos += 3;
  self->scratch_size = INITIAL_SCRATCH_SIZE;
  self->scratch = g_malloc (self->scratch_size);
  return self;
}

void
atlas_csv_parser_free (AtlasCsvParser *self)
{
  if (self == NULL)
    return;
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
gsize
atlas_csv_parser_get_offset (AtlasCsvParser *self)
{
  return (gsize) (self->pos - self->data);
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
  append (self, "", 0);
  self->scratch[self->scratch_used++] = '\0';
  self->offsets[self->n_fields++] = self->field_start;
}

static void
count_lines (AtlasCsvParser *self,
             const char     *from,
             const char     *to)
{
  for (const char *p = from; (p = memchr (p, '\n', (gsize) (to - p))) != NULL; p++)
    self->line++;
}

/* Up to the next comma or line break; a stray quote inside is kept as it is. */
static void
read_plain (AtlasCsvParser *self)
{
  const char *p = self->pos;

  while (p < self->end && *p != ',' && *p != '\n' && *p != '\r')
    p++;
  append (self, self->pos, (gsize) (p - self->pos));
  self->pos = p;
}

/* From after the opening quote to after the closing one. Returns FALSE at the end of the
 * data without a closing quote. */
static gboolean
read_quoted (AtlasCsvParser *self)
{
  const char *p = self->pos + 1;

  for (;;)
    {
      const char *quote = memchr (p, '"', (gsize) (self->end - p));

      if (quote == NULL)
        {
          count_lines (self, p, self->end);
          self->pos = self->end;
          return FALSE;
        }
      count_lines (self, p, quote);
      if (quote + 1 < self->end && quote[1] == '"')
        {
          append (self, p, (gsize) (quote + 1 - p));
          p = quote + 2;
          continue;
        }
      append (self, p, (gsize) (quote - p));
      self->pos = quote + 1;
      return TRUE;
    }
}

static gboolean
at_line_end (AtlasCsvParser *self)
{
  return self->pos == self->end || *self->pos == '\n' || *self->pos == '\r';
}

static void
skip_line_end (AtlasCsvParser *self)
{
  if (self->pos < self->end && *self->pos == '\r')
    self->pos++;
  if (self->pos < self->end && *self->pos == '\n')
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
      if (self->pos < self->end && *self->pos == '"')
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

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  guint8 any = 0;

  for (gsize i = 0; i < length; i++)
    any |= (guint8) text[i];
  return (any & 0x80) == 0;
}

static void
check_encoding (AtlasCsvParser *self,
                const char     *row_start)
{
  gsize length = (gsize) (self->pos - row_start);

  if (!is_ascii (row_start, length) && !g_utf8_validate_len (row_start, length, NULL))
    set_reason (self, g_strdup (_("the row is not valid UTF-8 text")));
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
 * Blank lines are skipped. An unterminated quote gives one bad row; then the end.
 */
AtlasCsvStatus
atlas_csv_parser_next (AtlasCsvParser   *self,
                       char           ***fields,
                       guint            *n_fields,
                       char            **reason)
{
  const char *row_start;
  gboolean complete;

  do
    {
      if (self->pos >= self->end)
        return ATLAS_CSV_END;
      row_start = self->pos;
      self->row_line = self->line;
      self->scratch_used = 0;
      self->n_fields = 0;
      g_clear_pointer (&self->reason, g_free);

      complete = read_row (self);
      check_encoding (self, row_start);
      if (complete)
        skip_line_end (self);
    }
  while (complete && self->reason == NULL && self->n_fields == 1 && self->scratch_used == 1
         && row_start < self->pos && (*row_start == '\n' || *row_start == '\r'));

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
