/* atlas-csv-writer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the incidents as CSV (RFC 4180): UTF-8 with a byte order mark (so that spreadsheet
 * programs do not read it as a legacy encoding), CRLF line ends, a header row, then one
 * row per incident: its key, every incident field in the store's order (latitude and
 * longitude among them, in decimal degrees) and "sources", the documents its claims cite,
 * separated by "; ". A field holding a comma, a double quote or a line break is quoted,
 * its quotes doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a
 * formula (and some also after a tab or carriage return), so an incident titled
 * "=HYPERLINK(…)" would run when the file is opened. Every text cell starting with one of
 * these characters gets a leading apostrophe ("'=HYPERLINK(…)"), which spreadsheets show
 * as text. The numeric columns (latitude, longitude) are written by us and never get one,
 * so negative coordinates stay numbers. Whoever reads the file with a program rather than a
 * spreadsheet must strip the apostrophe from text cells that start with "'=", "'+", "'-",
 * "'@", "'\t" or "'\r".
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <string.h>

#include "atlas-csv-writer.h"
#include "atlas-incident.h"

#define BYTE_ORDER_MARK "\xEF\xBB\xBF"
#define LINE_END "\r\n"

static gboolean
starts_formula (const char *text)
{
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/* Appends @text as one field; @text is a value from the case, not a number we wrote. */
static void
append_text_field (GString    *row,
                   const char *text)
{
  g_autofree char *clean = NULL;
  gboolean quoted;

  if (text == NULL)
    return;
  clean = _atlas_case_exporter_clean_text (text, FALSE);
  quoted = strpbrk (clean, ",\"\r\n") != NULL;
  if (quoted)
    g_string_append_c (row, '"');
  if (starts_formula (clean))
    g_string_append_c (row, '\'');
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quoted)
    g_string_append_c (row, '"');
}

static gboolean
write_row (AtlasExportContext  *context,
           GOutputStream       *stream,
           GString             *row,
           GError             **error)
{
  g_string_append (row, LINE_END);
  return _atlas_case_exporter_write (stream, row->str, row->len, context->cancellable, error);
}

static gboolean
write_header (AtlasExportContext  *context,
              GOutputStream       *stream,
              AtlasRecordClass    *klass,
              GError             **error)
{
  g_autoptr(GString) row = g_string_new (BYTE_ORDER_MARK "key");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (row, ",%s", klass->fields[i].name);
  g_string_append (row, ",sources");
  return write_row (context, stream, row, error);
}

static gboolean
write_incident (AtlasExportContext  *context,
                GOutputStream       *stream,
                AtlasRecord         *incident,
                GError             **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (incident);
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GString) row = g_string_new (NULL);
  g_autofree char *sources = NULL;

  if (!_atlas_case_exporter_subject_load (context, incident, &subject, error))
    return FALSE;

  append_text_field (row, atlas_record_get_key (incident));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];
      g_autofree char *text = _atlas_case_exporter_field_text (incident, field,
                                                              ATLAS_EXPORT_DATE_STORED);

      g_string_append_c (row, ',');
      if (field->type == ATLAS_FIELD_TEXT)
        append_text_field (row, text);
      else if (text != NULL)
        g_string_append (row, text);
    }
  sources = _atlas_case_exporter_join_sources (&subject);
  g_string_append_c (row, ',');
  append_text_field (row, sources);
  return write_row (context, stream, row, error);
}

/**
 * atlas_csv_writer_write:
 *
 * Writes the incidents that pass the context's filter, one row each; routes and waypoints
 * have no place in this one table.
 */
gboolean
atlas_csv_writer_write (AtlasExportContext  *context,
                        GOutputStream       *stream,
                        GError             **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (ATLAS_TYPE_INCIDENT);
  g_autoptr(GListModel) incidents = NULL;

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  incidents = atlas_case_list_incidents (context->atlas_case, context->filter, error);
  if (incidents == NULL || !write_header (context, stream, ATLAS_RECORD_CLASS (klass), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(AtlasRecord) incident = g_list_model_get_item (incidents, i);

      if (_atlas_case_exporter_check_cancelled (context, error)
          || !write_incident (context, stream, incident, error))
        return FALSE;
    }
  return TRUE;
}
