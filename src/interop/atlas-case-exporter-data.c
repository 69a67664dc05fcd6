/* atlas-case-exporter-data.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case as the export writers read it: each subject with its claims and the documents
 * they were read in, and the text of a field as every format writes it (dates, numbers,
 * text made safe for the format).
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-case-exporter-private.h"
#include "atlas-claim.h"
#include "atlas-document.h"

/* Fifteen significant digits: under a nanodegree for any coordinate, and no binary noise
 * such as 57.078789999999998. */
#define NUMBER_FORMAT "%.15g"

/* Date fields and the field holding their precision. */
static const struct {
  const char *date;
  const char *precision;
} dated_fields[] = {
  { "start_time", "start_precision" },
  { "end_time", "end_precision" },
  { "date", "date_precision" },
};

gboolean
_atlas_case_exporter_context_init (AtlasExportContext  *context,
                                   AtlasCase           *atlas_case,
                                   AtlasFilter         *filter,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(GListModel) documents = NULL;

  g_assert (context != NULL);
  g_assert (ATLAS_IS_CASE (atlas_case));

  memset (context, 0, sizeof *context);
  documents = atlas_case_list_records (atlas_case, ATLAS_TYPE_DOCUMENT, error);
  if (documents == NULL)
    return FALSE;

  context->atlas_case = atlas_case;
  context->filter = filter;
  context->cancellable = cancellable;
  context->documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      AtlasRecord *document = g_list_model_get_item (documents, i);

      g_hash_table_replace (context->documents, (gpointer) atlas_record_get_key (document),
                            document);
    }
  return TRUE;
}

void
_atlas_case_exporter_context_clear (AtlasExportContext *context)
{
  g_clear_pointer (&context->documents, g_hash_table_unref);
}

gboolean
_atlas_case_exporter_check_cancelled (AtlasExportContext  *context,
                                      GError             **error)
{
  return g_cancellable_set_error_if_cancelled (context->cancellable, error);
}

/**
 * _atlas_case_exporter_get_document:
 *
 * Returns: (transfer none) (nullable): the document with @key
 */
AtlasRecord *
_atlas_case_exporter_get_document (AtlasExportContext *context,
                                   const char         *key)
{
  return key != NULL ? g_hash_table_lookup (context->documents, key) : NULL;
}

/**
 * _atlas_case_exporter_subject_load:
 * @subject: (out caller-allocates): cleared with _atlas_case_exporter_subject_clear()
 *
 * Reads @record's claims and gathers the documents they cite.
 */
gboolean
_atlas_case_exporter_subject_load (AtlasExportContext  *context,
                                   AtlasRecord         *record,
                                   AtlasExportSubject  *subject,
                                   GError             **error)
{
  g_autoptr(GListModel) claims = NULL;
  guint n;

  memset (subject, 0, sizeof *subject);
  claims = atlas_case_list_claims (context->atlas_case, atlas_record_get_kind (record),
                                   atlas_record_get_key (record), NULL, error);
  if (claims == NULL)
    return FALSE;

  n = g_list_model_get_n_items (claims);
  subject->record = g_object_ref (record);
  subject->claims = g_ptr_array_new_full (n, g_object_unref);
  subject->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      AtlasRecord *claim = g_list_model_get_item (claims, i);
      AtlasRecord *document = _atlas_case_exporter_get_document (
        context, atlas_record_get_text (claim, "document_key"));

      g_ptr_array_add (subject->claims, claim);
      if (document != NULL && !g_ptr_array_find (subject->sources, document, NULL))
        g_ptr_array_add (subject->sources, g_object_ref (document));
    }
  return TRUE;
}

void
_atlas_case_exporter_subject_clear (AtlasExportSubject *subject)
{
  g_clear_object (&subject->record);
  g_clear_pointer (&subject->claims, g_ptr_array_unref);
  g_clear_pointer (&subject->sources, g_ptr_array_unref);
}

/**
 * _atlas_case_exporter_subject_is_single:
 *
 * Returns: %TRUE when the claim at @index is the subject's only claim about its attribute
 */
gboolean
_atlas_case_exporter_subject_is_single (AtlasExportSubject *subject,
                                        guint               index)
{
  const char *attribute;

  g_assert (index < subject->claims->len);

  /* Claims come grouped by attribute, so a second one would be a neighbour. */
  attribute = atlas_record_get_text (g_ptr_array_index (subject->claims, index), "attribute");
  if (index > 0
      && g_strcmp0 (attribute, atlas_record_get_text (g_ptr_array_index (subject->claims,
                                                                         index - 1),
                                                      "attribute")) == 0)
    return FALSE;
  return index + 1 >= subject->claims->len
         || g_strcmp0 (attribute, atlas_record_get_text (g_ptr_array_index (subject->claims,
                                                                            index + 1),
                                                         "attribute")) != 0;
}

/**
 * _atlas_case_exporter_is_point_field:
 *
 * Returns: %TRUE for the latitude and longitude of a record with a point: formats carry
 *   them as the geometry
 */
gboolean
_atlas_case_exporter_is_point_field (const AtlasField *field)
{
  return g_str_equal (field->name, "latitude") || g_str_equal (field->name, "longitude");
}

char *
_atlas_case_exporter_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, NUMBER_FORMAT, value));
}

static const char *
precision_of (AtlasRecord *record,
              const char  *date_field)
{
  for (guint i = 0; i < G_N_ELEMENTS (dated_fields); i++)
    if (g_str_equal (dated_fields[i].date, date_field))
      return atlas_record_get_text (record, dated_fields[i].precision);
  return NULL;
}

static gboolean
is_date_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (dated_fields); i++)
    if (g_str_equal (dated_fields[i].date, name))
      return TRUE;
  return FALSE;
}

/* A date with a time of day, in UTC, written with @format; NULL if it is not one. */
static char *
format_time_of_day (const char *date,
                    const char *format)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (strlen (date) <= 10 || date[10] != 'T'
      || (parsed = g_date_time_new_from_iso8601 (date, utc)) == NULL)
    return NULL;
  in_utc = g_date_time_to_utc (parsed);
  return g_date_time_format (in_utc, format);
}

/* Written so that reading it back (atlas_import_parse_date()) gives the same precision:
 * an hour as "2024-01-03T10Z", a minute as "2024-01-03T10:15Z" (ISO 8601 reduced
 * precision); year, month and day dates are already written to their precision. */
static char *
format_date (const char           *date,
             const char           *precision,
             AtlasExportDateStyle  style)
{
  char *formatted = NULL;

  if (style == ATLAS_EXPORT_DATE_XSD)
    formatted = format_time_of_day (date, "%Y-%m-%dT%H:%M:%SZ");
  else if (style == ATLAS_EXPORT_DATE_PRECISION && g_strcmp0 (precision, "hour") == 0)
    formatted = format_time_of_day (date, "%Y-%m-%dT%HZ");
  else if (style == ATLAS_EXPORT_DATE_PRECISION && g_strcmp0 (precision, "minute") == 0)
    formatted = format_time_of_day (date, "%Y-%m-%dT%H:%MZ");
  return formatted != NULL ? formatted : g_strdup (date);
}

/**
 * _atlas_case_exporter_field_text:
 *
 * Returns: (transfer full) (nullable): the field's value as text, or %NULL when it is not
 *   known; dates written in @style
 */
char *
_atlas_case_exporter_field_text (AtlasRecord          *record,
                                 const AtlasField     *field,
                                 AtlasExportDateStyle  style)
{
  const char *text;

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      text = atlas_record_field_get_text (record, field);
      if (text == NULL)
        return NULL;
      if (is_date_field (field->name))
        return format_date (text, precision_of (record, field->name), style);
      return g_strdup (text);
    case ATLAS_FIELD_DOUBLE:
      return _atlas_case_exporter_format_number (atlas_record_field_get_double (record, field));
    case ATLAS_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, atlas_record_field_get_int (record, field));
    default:
      g_assert_not_reached ();
    }
}

/* XML 1.0 allows tab, line feed and carriage return, and no other control character. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r'
         || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * _atlas_case_exporter_clean_text:
 * @for_xml: also replace the characters XML 1.0 cannot hold
 *
 * A case file may hold any bytes in a text column; every format we write wants UTF-8.
 *
 * Returns: (transfer full): @text as valid UTF-8, bad bytes and characters as U+FFFD
 */
char *
_atlas_case_exporter_clean_text (const char *text,
                                 gboolean    for_xml)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean;

  if (!for_xml)
    return g_steal_pointer (&valid);

  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_len (clean, p, g_utf8_next_char (p) - p);
      else
        g_string_append_unichar (clean, 0xFFFD);
    }
  return g_string_free (clean, FALSE);
}

/**
 * _atlas_case_exporter_describe_source:
 *
 * Returns: (transfer full): a document as one line: "Title (Publisher, 2024-01-05)"
 */
char *
_atlas_case_exporter_describe_source (AtlasRecord *document)
{
  const char *title = atlas_record_get_text (document, "title");
  const char *publisher = atlas_record_get_text (document, "publisher");
  const char *published = atlas_record_get_text (document, "published");
  g_autoptr(GString) line = g_string_new (title != NULL ? title : "");

  if (publisher != NULL && published != NULL)
    g_string_append_printf (line, " (%s, %s)", publisher, published);
  else if (publisher != NULL || published != NULL)
    g_string_append_printf (line, " (%s)", publisher != NULL ? publisher : published);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * _atlas_case_exporter_join_sources:
 *
 * Returns: (transfer full) (nullable): the subject's sources, one line each, separated by
 *   "; ", or %NULL when it has none
 */
char *
_atlas_case_exporter_join_sources (AtlasExportSubject *subject)
{
  g_autoptr(GString) joined = NULL;

  if (subject->sources->len == 0)
    return NULL;
  joined = g_string_new (NULL);
  for (guint i = 0; i < subject->sources->len; i++)
    {
      g_autofree char *line = _atlas_case_exporter_describe_source (
        g_ptr_array_index (subject->sources, i));

      if (i > 0)
        g_string_append (joined, "; ");
      g_string_append (joined, line);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

gboolean
_atlas_case_exporter_write (GOutputStream  *stream,
                            const char     *data,
                            gsize           length,
                            GCancellable   *cancellable,
                            GError        **error)
{
  return g_output_stream_write_all (stream, data, length, NULL, cancellable, error);
}
