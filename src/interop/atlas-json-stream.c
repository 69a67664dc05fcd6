/* atlas-json-stream.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON (RFC 8259) reader over text in memory that hands out one value at a time as a
 * json-glib tree, and lets its caller walk the objects and arrays around those values
 * without building them. json-glib's own parser builds the whole document, 30–45 times the
 * size of the file; here only the value being read is a tree.
 *
 * A number keeps the exact text the file wrote (json-glib would keep a double or an
 * int64, changing "1e400", "-0" or a 25-digit integer), and an array or an object keeps
 * its text without the spaces between tokens: both are found with
 * atlas_json_stream_node_text().
 *
 * The caller checks the nesting depth and the encoding of the whole text first (see
 * atlas-geojson-reader.c); MAX_DEPTH here only guards the recursion.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-json-stream.h"

#define MAX_DEPTH ATLAS_IMPORT_MAX_JSON_DEPTH

typedef struct {
  gsize offset;
  gsize length;
} Span;

struct _AtlasJsonStream {
  const char *data;
  gsize       length;
  gsize       position;
  guint       line;

  /* For each object or array being walked: whether its first member is still to come. */
  gboolean    first[MAX_DEPTH + 1];
  guint       depth;

  /* JsonNode * → Span of its text, for numbers, arrays and objects of the last value read */
  GHashTable *spans;
  guint       n_values;
  guint       max_values;
};

AtlasJsonStream *
atlas_json_stream_new (const char *data,
                       gsize       length)
{
  AtlasJsonStream *self = g_new0 (AtlasJsonStream, 1);

  self->data = data;
  self->length = length;
  self->line = 1;
  self->spans = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* A UTF-8 byte order mark is allowed before the text. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->position = 3;
  return self;
}

void
atlas_json_stream_free (AtlasJsonStream *self)
{
  g_hash_table_unref (self->spans);
  g_free (self);
}

guint
atlas_json_stream_get_line (AtlasJsonStream *self)
{
  return self->line;
}

/**
 * atlas_json_stream_get_fraction:
 *
 * Returns: how much of the text has been read, 0…1
 */
double
atlas_json_stream_get_fraction (AtlasJsonStream *self)
{
  return self->length > 0 ? (double) self->position / (double) self->length : 1.0;
}

/* ---- tokens ------------------------------------------------------------------------ */

static void
skip_space (AtlasJsonStream *self)
{
  while (self->position < self->length)
    {
      char c = self->data[self->position];

      if (c == '\n')
        self->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      self->position++;
    }
}

/**
 * atlas_json_stream_peek:
 *
 * Returns: the next character that is not a space, or NUL at the end of the text
 */
char
atlas_json_stream_peek (AtlasJsonStream *self)
{
  skip_space (self);
  return self->position < self->length ? self->data[self->position] : '\0';
}

static gboolean
fail (AtlasJsonStream  *self,
      GError          **error,
      const char       *reason)
{
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("line %u: it is not valid JSON: %s"), self->line, reason);
  return FALSE;
}

static gboolean
fail_unexpected (AtlasJsonStream  *self,
                 GError          **error)
{
  char c = atlas_json_stream_peek (self);
  g_autofree char *reason = NULL;

  if (c == '\0')
    return fail (self, error, _("the text ends too soon"));
  if (g_ascii_isprint (c))
    reason = g_strdup_printf (_("unexpected “%c”"), c);
  else
    reason = g_strdup (_("unexpected character"));
  return fail (self, error, reason);
}

static gboolean
expect (AtlasJsonStream  *self,
        char              c,
        GError          **error)
{
  if (atlas_json_stream_peek (self) != c)
    return fail_unexpected (self, error);
  self->position++;
  return TRUE;
}

static gboolean
read_hex4 (AtlasJsonStream *self,
           gunichar        *value)
{
  *value = 0;
  if (self->length - self->position < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (self->data[self->position + i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar) digit;
    }
  self->position += 4;
  return TRUE;
}

static gboolean
fail_escape (AtlasJsonStream  *self,
             GError          **error)
{
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
               _("line %u: it holds a \\u escape that is not valid Unicode text, such as half "
                 "of a UTF-16 pair"), self->line);
  return FALSE;
}

/* After "\u": one character, or a UTF-16 pair of two escapes. */
static gboolean
read_unicode_escape (AtlasJsonStream  *self,
                     GString          *out,
                     GError          **error)
{
  gunichar high, low;

  if (!read_hex4 (self, &high))
    return fail_escape (self, error);
  if (high >= 0xDC00 && high <= 0xDFFF)
    return fail_escape (self, error);
  if (high >= 0xD800 && high <= 0xDBFF)
    {
      if (self->length - self->position < 2 || self->data[self->position] != '\\'
          || self->data[self->position + 1] != 'u')
        return fail_escape (self, error);
      self->position += 2;
      if (!read_hex4 (self, &low) || low < 0xDC00 || low > 0xDFFF)
        return fail_escape (self, error);
      high = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }
  /* A NUL would cut the text short wherever it goes next. */
  if (high == 0)
    return fail_escape (self, error);
  if (out != NULL)
    g_string_append_unichar (out, high);
  return TRUE;
}

static gboolean
read_escape (AtlasJsonStream  *self,
             GString          *out,
             GError          **error)
{
  static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
  char c;

  if (self->position >= self->length)
    return fail (self, error, _("the text ends too soon"));
  c = self->data[self->position++];
  if (c == 'u')
    return read_unicode_escape (self, out, error);
  for (guint i = 0; escapes[i] != '\0'; i += 2)
    if (escapes[i] == c)
      {
        if (out != NULL)
          g_string_append_c (out, escapes[i + 1]);
        return TRUE;
      }
  return fail (self, error, _("an unknown escape in a string"));
}

/* The length of the run of plain characters from @start: up to a quote, a backslash or a
 * line break. (The text need not end in a NUL, so no strcspn.) */
static gsize
plain_run (const char *start,
           const char *end)
{
  const char *p = start;

  while (p < end && *p != '"' && *p != '\\' && *p != '\n')
    p++;
  return (gsize) (p - start);
}

/* From the opening quote; @out may be NULL to skip the string. */
static gboolean
read_string (AtlasJsonStream  *self,
             GString          *out,
             GError          **error)
{
  const char *end = self->data + self->length;

  if (!expect (self, '"', error))
    return FALSE;
  while (self->position < self->length)
    {
      const char *start = self->data + self->position;
      gsize run = plain_run (start, end);

      if (out != NULL)
        g_string_append_len (out, start, (gssize) run);
      self->position += run;
      if (self->position >= self->length)
        break;
      switch (self->data[self->position++])
        {
        case '"':
          return TRUE;
        case '\n':
          /* Not valid JSON, but json-glib took it and so do we; the line count follows. */
          self->line++;
          if (out != NULL)
            g_string_append_c (out, '\n');
          break;
        default:
          if (!read_escape (self, out, error))
            return FALSE;
        }
    }
  return fail (self, error, _("a string is not closed"));
}

static gsize
skip_digits (const char *p,
             const char *end)
{
  const char *start = p;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  return (gsize) (p - start);
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
read_number_span (AtlasJsonStream  *self,
                  Span             *span,
                  GError          **error)
{
  const char *p = self->data + self->position, *end = self->data + self->length;
  const char *start = p;
  gsize n;

  if (p < end && *p == '-')
    p++;
  if ((n = skip_digits (p, end)) == 0 || (n > 1 && *p == '0'))
    return fail (self, error, _("a number is malformed"));
  p += n;
  if (p < end && *p == '.')
    {
      if ((n = skip_digits (++p, end)) == 0)
        return fail (self, error, _("a number is malformed"));
      p += n;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if ((n = skip_digits (p, end)) == 0)
        return fail (self, error, _("a number is malformed"));
      p += n;
    }
  span->offset = self->position;
  span->length = (gsize) (p - start);
  self->position += span->length;
  return TRUE;
}

static gboolean
read_word (AtlasJsonStream  *self,
           const char       *word,
           GError          **error)
{
  gsize n = strlen (word);

  if (self->length - self->position < n || memcmp (self->data + self->position, word, n) != 0)
    return fail_unexpected (self, error);
  self->position += n;
  return TRUE;
}

/* ---- walking objects and arrays ---------------------------------------------------- */

/**
 * atlas_json_stream_begin:
 * @bracket: '{' or '['
 *
 * Enters the object or array that comes next, to walk it with
 * atlas_json_stream_next_member() or atlas_json_stream_next_element().
 */
gboolean
atlas_json_stream_begin (AtlasJsonStream  *self,
                         char              bracket,
                         GError          **error)
{
  g_assert (bracket == '{' || bracket == '[');

  if (self->depth == MAX_DEPTH)
    return fail (self, error, _("it is nested too deep"));
  if (!expect (self, bracket, error))
    return FALSE;
  self->first[++self->depth] = TRUE;
  return TRUE;
}

/* Past the comma before the next item, or the closing bracket: then *more is FALSE. */
static gboolean
next_item (AtlasJsonStream  *self,
           char              close,
           gboolean         *more,
           GError          **error)
{
  char c = atlas_json_stream_peek (self);

  g_assert (self->depth > 0);

  *more = c != close;
  if (!*more)
    {
      self->position++;
      self->depth--;
      return TRUE;
    }
  if (!self->first[self->depth] && !expect (self, ',', error))
    return FALSE;
  self->first[self->depth] = FALSE;
  return TRUE;
}

/**
 * atlas_json_stream_next_member:
 * @name: (out) (transfer full): the next member's name, %NULL past the last
 *
 * Leaves the stream at the member's value, which must then be read or skipped.
 */
gboolean
atlas_json_stream_next_member (AtlasJsonStream  *self,
                               char            **name,
                               GError          **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean more;

  *name = NULL;
  if (!next_item (self, '}', &more, error))
    return FALSE;
  if (!more)
    return TRUE;
  if (atlas_json_stream_peek (self) != '"')
    return fail_unexpected (self, error);
  if (!read_string (self, text, error) || !expect (self, ':', error))
    return FALSE;
  *name = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/**
 * atlas_json_stream_next_element:
 * @more: (out): %FALSE past the last element
 */
gboolean
atlas_json_stream_next_element (AtlasJsonStream  *self,
                                gboolean         *more,
                                GError          **error)
{
  if (!next_item (self, ']', more, error))
    return FALSE;
  if (*more && atlas_json_stream_peek (self) == ']')
    return fail_unexpected (self, error);
  return TRUE;
}

/**
 * atlas_json_stream_at_end:
 *
 * Returns: %TRUE when nothing but spaces follows
 */
gboolean
atlas_json_stream_at_end (AtlasJsonStream  *self,
                          GError          **error)
{
  if (atlas_json_stream_peek (self) != '\0')
    return fail (self, error, _("more follows the end of the document"));
  return TRUE;
}

/* ---- values as trees ----------------------------------------------------------------- */

static JsonNode *read_node (AtlasJsonStream *self, guint depth, GError **error);

static void
keep_span (AtlasJsonStream *self,
           JsonNode        *node,
           gsize            offset)
{
  Span *span = g_new (Span, 1);

  span->offset = offset;
  span->length = self->position - offset;
  g_hash_table_insert (self->spans, node, span);
}

static JsonNode *
read_object (AtlasJsonStream  *self,
             guint             depth,
             GError          **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gsize start = self->position;
  JsonNode *node;

  if (!atlas_json_stream_begin (self, '{', error))
    return NULL;
  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      if (!atlas_json_stream_next_member (self, &name, error))
        return NULL;
      if (name == NULL)
        break;
      if ((member = read_node (self, depth + 1, error)) == NULL)
        return NULL;
      json_object_set_member (object, name, member);
    }
  node = json_node_init_object (json_node_alloc (), object);
  keep_span (self, node, start);
  return node;
}

static JsonNode *
read_array (AtlasJsonStream  *self,
            guint             depth,
            GError          **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gsize start = self->position;
  JsonNode *node;
  gboolean more;

  if (!atlas_json_stream_begin (self, '[', error))
    return NULL;
  for (;;)
    {
      JsonNode *element;

      if (!atlas_json_stream_next_element (self, &more, error))
        return NULL;
      if (!more)
        break;
      if ((element = read_node (self, depth + 1, error)) == NULL)
        return NULL;
      json_array_add_element (array, element);
    }
  node = json_node_init_array (json_node_alloc (), array);
  keep_span (self, node, start);
  return node;
}

static JsonNode *
read_scalar (AtlasJsonStream  *self,
             char              c,
             GError          **error)
{
  Span span;
  JsonNode *node;

  if (c == '"')
    {
      g_autoptr(GString) text = g_string_new (NULL);

      return read_string (self, text, error)
             ? json_node_init_string (json_node_alloc (), text->str) : NULL;
    }
  if (c == 't' || c == 'f')
    return read_word (self, c == 't' ? "true" : "false", error)
           ? json_node_init_boolean (json_node_alloc (), c == 't') : NULL;
  if (c == 'n')
    return read_word (self, "null", error) ? json_node_init_null (json_node_alloc ()) : NULL;
  if (c != '-' && !g_ascii_isdigit (c))
    {
      fail_unexpected (self, error);
      return NULL;
    }
  if (!read_number_span (self, &span, error))
    return NULL;
  /* The double may be infinite ("1e400"): readers check it, and the text is kept. */
  node = json_node_init_double (json_node_alloc (), g_ascii_strtod (self->data + span.offset,
                                                                    NULL));
  g_hash_table_insert (self->spans, node, g_memdup2 (&span, sizeof span));
  return node;
}

static JsonNode *
read_node (AtlasJsonStream  *self,
           guint             depth,
           GError          **error)
{
  char c = atlas_json_stream_peek (self);

  if (++self->n_values > self->max_values)
    {
      /* Not an error: read_value() skips the rest of this value. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "too many values");
      return NULL;
    }
  if (depth > MAX_DEPTH)
    {
      fail (self, error, _("it is nested too deep"));
      return NULL;
    }
  if (c == '{')
    return read_object (self, depth, error);
  if (c == '[')
    return read_array (self, depth, error);
  return read_scalar (self, c, error);
}

/**
 * atlas_json_stream_read_value:
 * @max_values: the most values (scalars, arrays and objects) the tree may hold
 * @too_many: (out): set when the value held more, and was skipped
 *
 * Reads the next value as a tree. The text of its numbers, arrays and objects can then be
 * had with atlas_json_stream_node_text(), until the next value is read.
 *
 * Returns: (transfer full) (nullable): the value; %NULL when it held more than
 *   @max_values or on an error
 */
JsonNode *
atlas_json_stream_read_value (AtlasJsonStream  *self,
                              guint             max_values,
                              gboolean         *too_many,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize start_position = atlas_json_stream_peek (self) ? self->position : self->length;
  guint start_line = self->line, start_depth = self->depth;
  JsonNode *node;

  g_hash_table_remove_all (self->spans);
  self->n_values = 0;
  self->max_values = max_values;
  *too_many = FALSE;
  node = read_node (self, 1, &local_error);
  if (node != NULL)
    return node;

  g_hash_table_remove_all (self->spans);
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->position = start_position;
  self->line = start_line;
  self->depth = start_depth;
  *too_many = atlas_json_stream_skip_value (self, error);
  return NULL;
}

/* ---- values skipped ---------------------------------------------------------------- */

static gboolean
skip_container (AtlasJsonStream  *self,
                char              bracket,
                GError          **error)
{
  gboolean more = TRUE;

  if (!atlas_json_stream_begin (self, bracket, error))
    return FALSE;
  while (more)
    {
      g_autofree char *name = NULL;

      if (bracket == '{')
        {
          if (!atlas_json_stream_next_member (self, &name, error))
            return FALSE;
          more = name != NULL;
        }
      else if (!atlas_json_stream_next_element (self, &more, error))
        return FALSE;
      if (more && !atlas_json_stream_skip_value (self, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_json_stream_skip_value:
 *
 * Passes over the next value, checking it, without building it.
 */
gboolean
atlas_json_stream_skip_value (AtlasJsonStream  *self,
                              GError          **error)
{
  char c = atlas_json_stream_peek (self);
  Span span;

  if (c == '{' || c == '[')
    return skip_container (self, c, error);
  if (c == '"')
    return read_string (self, NULL, error);
  if (c == 't')
    return read_word (self, "true", error);
  if (c == 'f')
    return read_word (self, "false", error);
  if (c == 'n')
    return read_word (self, "null", error);
  if (c == '-' || g_ascii_isdigit (c))
    return read_number_span (self, &span, error);
  return fail_unexpected (self, error);
}

/* ---- the text of a value ------------------------------------------------------------- */

/* Appends the text of @span without the spaces between tokens. */
static void
append_compact (GString    *out,
                const char *text,
                gsize       length)
{
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, c);
        }
      else if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
        g_string_append_c (out, c);
    }
}

/**
 * atlas_json_stream_node_length:
 *
 * Returns: how long the text of @node, a value of the last one read, is in the file
 *   (spaces included), for bounds checked before atlas_json_stream_node_text(); 0 for
 *   strings, booleans and null
 */
gsize
atlas_json_stream_node_length (AtlasJsonStream *self,
                               JsonNode        *node)
{
  Span *span = g_hash_table_lookup (self->spans, node);

  return span != NULL ? span->length : 0;
}

/**
 * atlas_json_stream_node_text:
 * @node: a value of the last one read
 *
 * Returns: (transfer full) (nullable): a string's text; a number's, an array's or an
 *   object's as the file wrote it (without spaces between tokens); "true" or "false";
 *   %NULL for null
 */
char *
atlas_json_stream_node_text (AtlasJsonStream *self,
                             JsonNode        *node)
{
  Span *span = g_hash_table_lookup (self->spans, node);
  GString *out;

  if (span != NULL)
    {
      out = g_string_sized_new (span->length);
      append_compact (out, self->data + span->offset, span->length);
      return g_string_free (out, FALSE);
    }
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return g_strdup (json_node_get_string (node));
}
