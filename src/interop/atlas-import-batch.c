/* atlas-import-batch.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import reader fills: the records read from one file, with keys of their own that
 * cannot collide with a case's, the document that records the import itself, one document
 * per source the file names, and every problem with the place it was found.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-import-batch.h"
#include "atlas-import-limits.h"
#include "atlas-import-values.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

/* What imported facts are worth until an analyst grades them: Admiralty F and 6, "cannot
 * be judged". */
#define IMPORT_RELIABILITY "F"
#define IMPORT_CREDIBILITY 6
#define UNKNOWN_PRECISION "unspecified"

/* Report progress when it has moved by this much, not on every row. */
#define PROGRESS_STEP 0.005

/* An import id is a time and a random part; a caller's own is cut at 64 bytes. */
#define MAX_IMPORT_ID_LENGTH 64
#define KEY_BUFFER_SIZE (MAX_IMPORT_ID_LENGTH + 32)
/* 36^6 serials, over two billion, before a key grows a digit */
#define SERIAL_WIDTH 6

typedef enum {
  KEY_INCIDENT,
  KEY_ROUTE,
  KEY_WAYPOINT,
  KEY_CLAIM,
  KEY_SOURCE,
  N_KEY_KINDS
} KeyKind;

struct _AtlasImportBatch
{
  GObject                  parent_instance;

  char                    *file_name;
  char                    *import_id;
  char                    *document_key;

  /* owned */
  GPtrArray               *documents;     /* the import's own document, then sources */
  GHashTable              *source_keys;   /* source text → document key */
  GPtrArray               *records;       /* everything else, in reading order */
  GPtrArray               *problems;      /* at most ATLAS_IMPORT_MAX_PROBLEMS */
  GCancellable            *cancellable;

  guint                    n_problems;    /* kept or only counted */
  guint                    line;
  guint                    feature;
  guint                    item_start;
  guint64                  serials[N_KEY_KINDS];

  AtlasImportProgressFunc  progress_func;
  gpointer                 progress_data;
  double                   reported_fraction;

  /* records handed on while the file is still being read */
  AtlasImportChunkFunc     chunk_func;
  gpointer                 chunk_data;
  guint                    chunk_size;
  guint                    handed_documents;
};

G_DEFINE_FINAL_TYPE (AtlasImportBatch, atlas_import_batch, G_TYPE_OBJECT)

/* one letter for the kind of record: incident, route, waypoint, claim, source */
static const char key_kind_letters[N_KEY_KINDS] = { 'i', 'r', 'w', 'c', 's' };

/* Writes @value in base 36 (0-9, then a-z, which sort after the digits) at @out, with at
 * least @width digits; returns the end. Keys are made millions of times, so without printf. */
static char *
write_number (char    *out,
              guint64  value,
              guint    width)
{
  static const char base36[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char digits[24];
  guint n = 0;

  do
    digits[n++] = base36[value % 36];
  while ((value /= 36) > 0);
  while (n < width)
    digits[n++] = '0';
  while (n > 0)
    *out++ = digits[--n];
  return out;
}

/* "<import id>-<kind letter><serial>", as "tn3k2f9q4x-c0000a7"; @buffer holds at least
 * KEY_BUFFER_SIZE bytes. The serial has a fixed width so that keys sort in the order they
 * are made: each key index then only grows at its end, which makes a large write several
 * times faster. Keys are short because a claim holds three (its own, its subject's, its
 * source's) and each of its indexes one or two: at a million rows every byte of a key
 * costs about eight megabytes of the case file. */
static void
make_key (AtlasImportBatch *self,
          KeyKind           kind,
          char             *buffer)
{
  char *p = g_stpcpy (buffer, self->import_id);

  *p++ = '-';
  *p++ = key_kind_letters[kind];
  *write_number (p, ++self->serials[kind], SERIAL_WIDTH) = '\0';
}

static AtlasRecord *
new_document (const char *key,
              const char *title,
              const char *file_name)
{
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (document, "title", title);
  atlas_record_set_text (document, "reliability", IMPORT_RELIABILITY);
  /* whatever grade the file gives is its word, until an analyst confirms it */
  atlas_record_set_text (document, "graded_by", "file");
  atlas_record_set_text (document, "file", file_name);
  return document;
}

static void
add_import_document (AtlasImportBatch *self,
                     const char       *format_label,
                     const char       *import_time)
{
  AtlasRecord *document;

  self->document_key = g_strdup_printf ("%s-doc", self->import_id);
  document = new_document (self->document_key, self->file_name, self->file_name);
  atlas_record_set_text (document, "publisher", format_label);
  atlas_record_set_text (document, "published", import_time);
  atlas_record_set_text (document, "doc_kind", "imported");
  g_ptr_array_add (self->documents, document);
}

static void
atlas_import_batch_finalize (GObject *object)
{
  AtlasImportBatch *self = ATLAS_IMPORT_BATCH (object);

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->import_id, g_free);
  g_clear_pointer (&self->document_key, g_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->source_keys, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_import_batch_parent_class)->finalize (object);
}

static void
atlas_import_batch_class_init (AtlasImportBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_import_batch_finalize;
}

static void
atlas_import_batch_init (AtlasImportBatch *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_import_problem_free);
}

/**
 * atlas_import_batch_new:
 * @file_name: the file's name as problems show it
 * @import_id: the prefix of every key this import makes
 * @format_label: what the file is, e.g. "GeoJSON", as the import document's publisher
 * @import_time: when the import happened, ISO 8601
 */
AtlasImportBatch *
atlas_import_batch_new (const char *file_name,
                        const char *import_id,
                        const char *format_label,
                        const char *import_time)
{
  AtlasImportBatch *self = g_object_new (ATLAS_TYPE_IMPORT_BATCH, NULL);

  self->file_name = g_strdup (file_name);
  self->import_id = g_strndup (import_id, MAX_IMPORT_ID_LENGTH);
  add_import_document (self, format_label, import_time);
  return self;
}

void
atlas_import_batch_set_progress_func (AtlasImportBatch        *self,
                                      AtlasImportProgressFunc  func,
                                      gpointer                 user_data)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  self->progress_func = func;
  self->progress_data = user_data;
}

void
atlas_import_batch_set_cancellable (AtlasImportBatch *self,
                                    GCancellable     *cancellable)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  g_set_object (&self->cancellable, cancellable);
}

/**
 * atlas_import_batch_progress:
 * @fraction: how much of the file has been read, 0…1
 *
 * Readers call this every thousand rows or so.
 *
 * Returns: %FALSE with %G_IO_ERROR_CANCELLED when the import was cancelled
 */
gboolean
atlas_import_batch_progress (AtlasImportBatch  *self,
                             double             fraction,
                             GError           **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), FALSE);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress_func != NULL
      && (fraction - self->reported_fraction >= PROGRESS_STEP || fraction >= 1.0))
    {
      self->reported_fraction = fraction;
      self->progress_func (CLAMP (fraction, 0.0, 1.0), self->progress_data);
    }
  return TRUE;
}

const char *
atlas_import_batch_get_file_name (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);
  return self->file_name;
}

/**
 * atlas_import_batch_get_document_key:
 *
 * Returns: the key of the document that records this import
 */
const char *
atlas_import_batch_get_document_key (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);
  return self->document_key;
}

/**
 * atlas_import_batch_set_position:
 * @line: the line the reader is at, or 0
 * @feature: the 1-based feature the reader is at, or 0
 *
 * Problems added from now on name this place.
 */
void
atlas_import_batch_set_position (AtlasImportBatch *self,
                                 guint             line,
                                 guint             feature)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  self->line = line;
  self->feature = feature;
}

/* Where each incident was read, for whoever lists it before it is written (the import
 * preview names misplaced rows by their lines): kept on the record itself, which has no
 * field for it, since it is not written into the case. */
G_DEFINE_QUARK (atlas-import-line, import_line)
G_DEFINE_QUARK (atlas-import-feature, import_feature)

static void
remember_place (AtlasImportBatch *self,
                AtlasRecord      *record)
{
  if (self->line > 0)
    g_object_set_qdata (G_OBJECT (record), import_line_quark (), GUINT_TO_POINTER (self->line));
  if (self->feature > 0)
    g_object_set_qdata (G_OBJECT (record), import_feature_quark (),
                        GUINT_TO_POINTER (self->feature));
}

/**
 * atlas_import_batch_get_record_place:
 * @record: an incident a batch made
 * @line: (out): the line it was read at, or 0
 * @feature: (out): the 1-based feature it was read from, or 0
 *
 * Returns: whether @record's place in its file is known
 */
gboolean
atlas_import_batch_get_record_place (AtlasRecord *record,
                                     guint       *line,
                                     guint       *feature)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (record), FALSE);

  *line = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (record), import_line_quark ()));
  *feature = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (record), import_feature_quark ()));
  return *line > 0 || *feature > 0;
}

void
atlas_import_batch_add_problem_at (AtlasImportBatch *self,
                                   guint             line,
                                   guint             feature,
                                   const char       *reason)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));

  self->n_problems++;
  if (self->problems->len < ATLAS_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (self->problems,
                     atlas_import_problem_new (self->file_name, line, feature, reason));
}

void
atlas_import_batch_add_problem (AtlasImportBatch *self,
                                const char       *format,
                                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  atlas_import_batch_add_problem_at (self, self->line, self->feature, reason);
}

/**
 * atlas_import_batch_set_chunk_func:
 * @chunk_size: about how many records each chunk holds
 *
 * Has the records of finished rows or features handed to @func while the file is still
 * being read, so that they can be written meanwhile: the batch gives them away and keeps
 * none, so reading a file of any size holds at most a chunk or so. Readers must not change
 * a record once its row or feature is finished.
 */
void
atlas_import_batch_set_chunk_func (AtlasImportBatch     *self,
                                   guint                 chunk_size,
                                   AtlasImportChunkFunc  func,
                                   gpointer              user_data)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  self->chunk_size = MAX (chunk_size, 1);
  self->chunk_func = func;
  self->chunk_data = user_data;
}

/**
 * atlas_import_batch_flush_chunk:
 *
 * Hands on the records not handed on yet, once the file has been read.
 */
void
atlas_import_batch_flush_chunk (AtlasImportBatch *self)
{
  GPtrArray *chunk;

  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));

  if (self->chunk_func == NULL)
    return;
  chunk = g_ptr_array_new_full (self->documents->len - self->handed_documents
                                + self->records->len, g_object_unref);
  /* the documents stay listed too: there are few, and sources are looked up by them */
  for (; self->handed_documents < self->documents->len; self->handed_documents++)
    g_ptr_array_add (chunk, g_object_ref (g_ptr_array_index (self->documents,
                                                             self->handed_documents)));
  g_ptr_array_extend_and_steal (chunk, g_steal_pointer (&self->records));
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_start = 0;
  self->chunk_func (chunk, self->chunk_data);
}

/**
 * atlas_import_batch_begin_item:
 *
 * Marks the start of one row or feature, so that atlas_import_batch_discard_item() can drop
 * every record it added when a problem shows up halfway.
 */
void
atlas_import_batch_begin_item (AtlasImportBatch *self)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  /* the items before this one are finished */
  if (self->chunk_func != NULL && self->records->len >= self->chunk_size)
    atlas_import_batch_flush_chunk (self);
  self->item_start = self->records->len;
}

void
atlas_import_batch_discard_item (AtlasImportBatch *self)
{
  g_return_if_fail (ATLAS_IS_IMPORT_BATCH (self));
  g_ptr_array_set_size (self->records, self->item_start);
}

static void
set_default_name (AtlasImportBatch *self,
                  AtlasRecord      *record,
                  const char       *field)
{
  g_autofree char *name = NULL;
  char number[24];

  *write_number (number, self->line > 0 ? self->line : self->feature, 1) = '\0';
  if (self->line > 0)
    /* Translators: a default title, e.g. "events.csv, line 12" */
    name = g_strconcat (self->file_name, _(", line "), number, NULL);
  else
    /* Translators: a default title, e.g. "events.geojson, feature 3" */
    name = g_strconcat (self->file_name, _(", feature "), number, NULL);
  atlas_record_set_text (record, field, name);
}

/**
 * atlas_import_batch_add_incident:
 *
 * Returns: (transfer none): a new incident with its key, a default title naming the place
 *   in the file, category "other" and location precision "unspecified"
 */
AtlasRecord *
atlas_import_batch_add_incident (AtlasImportBatch *self)
{
  char key[KEY_BUFFER_SIZE];
  AtlasRecord *incident;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  make_key (self, KEY_INCIDENT, key);
  incident = ATLAS_RECORD (atlas_incident_new (key));
  set_default_name (self, incident, "title");
  atlas_record_set_text (incident, "category", "other");
  atlas_record_set_text (incident, "location_precision", UNKNOWN_PRECISION);
  atlas_record_set_text (incident, "location_source", self->file_name);
  remember_place (self, incident);
  g_ptr_array_add (self->records, incident);
  return incident;
}

/**
 * atlas_import_batch_add_route:
 *
 * Returns: (transfer none): a new route, status "reported", with a default name
 */
AtlasRecord *
atlas_import_batch_add_route (AtlasImportBatch *self)
{
  char key[KEY_BUFFER_SIZE];
  AtlasRecord *route;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  make_key (self, KEY_ROUTE, key);
  route = ATLAS_RECORD (atlas_route_new (key));
  set_default_name (self, route, "name");
  atlas_record_set_text (route, "status", "reported");
  g_ptr_array_add (self->records, route);
  return route;
}

/**
 * atlas_import_batch_add_waypoint:
 * @seq: the waypoint's place on @route, from 1
 *
 * Returns: (transfer none): a new waypoint of @route; the coordinates must be checked
 */
AtlasRecord *
atlas_import_batch_add_waypoint (AtlasImportBatch *self,
                                 AtlasRecord      *route,
                                 gint64            seq,
                                 double            latitude,
                                 double            longitude)
{
  char key[KEY_BUFFER_SIZE];
  AtlasRecord *waypoint;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  make_key (self, KEY_WAYPOINT, key);
  waypoint = ATLAS_RECORD (atlas_waypoint_new (key));
  atlas_record_set_text (waypoint, "route_key", atlas_record_get_key (route));
  atlas_record_set_int (waypoint, "seq", seq);
  atlas_record_set_double (waypoint, "latitude", latitude);
  atlas_record_set_double (waypoint, "longitude", longitude);
  atlas_record_set_text (waypoint, "location_precision", UNKNOWN_PRECISION);
  atlas_record_set_text (waypoint, "location_source", self->file_name);
  g_ptr_array_add (self->records, waypoint);
  return waypoint;
}

/**
 * atlas_import_batch_add_claim:
 * @subject: the incident, route or waypoint the claim is about
 * @attribute: e.g. a property's name
 * @document_key: (nullable): the document it was read in; %NULL for the import's own
 *
 * Keeps a value that has no field of its own, as text, graded "cannot be judged".
 *
 * Returns: (transfer none): the new claim
 */
AtlasRecord *
atlas_import_batch_add_claim (AtlasImportBatch *self,
                              AtlasRecord      *subject,
                              const char       *attribute,
                              const char       *value,
                              const char       *document_key)
{
  char key[KEY_BUFFER_SIZE];
  AtlasRecord *claim;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  make_key (self, KEY_CLAIM, key);
  claim = ATLAS_RECORD (atlas_claim_new (key));
  atlas_record_set_text (claim, "subject_kind", atlas_record_get_kind (subject));
  atlas_record_set_text (claim, "subject_key", atlas_record_get_key (subject));
  atlas_record_set_text (claim, "attribute", attribute);
  atlas_record_set_text (claim, "value_text", value);
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key",
                         document_key != NULL ? document_key : self->document_key);
  atlas_record_set_int (claim, "credibility", IMPORT_CREDIBILITY);
  atlas_record_set_text (claim, "graded_by", "file");
  g_ptr_array_add (self->records, claim);
  return claim;
}

/**
 * atlas_import_batch_get_source_document:
 * @source: a source as the file names it, e.g. ACLED's `source` column
 *
 * Returns: the key of the one document for @source, made on first use
 */
const char *
atlas_import_batch_get_source_document (AtlasImportBatch *self,
                                        const char       *source)
{
  const char *key;
  char new_key[KEY_BUFFER_SIZE];
  AtlasRecord *document;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  if ((key = g_hash_table_lookup (self->source_keys, source)) != NULL)
    return key;

  make_key (self, KEY_SOURCE, new_key);
  document = new_document (new_key, source, self->file_name);
  atlas_record_set_text (document, "publisher", source);
  atlas_record_set_text (document, "doc_kind", "source");
  g_ptr_array_add (self->documents, document);
  key = atlas_record_get_key (document);
  g_hash_table_insert (self->source_keys, g_strdup (source), (gpointer) key);
  return key;
}

static gboolean
is_reliability (const char *grade)
{
  return grade != NULL && grade[0] >= 'A' && grade[0] <= 'F' && grade[1] == '\0';
}

/**
 * atlas_import_batch_get_document:
 * @names: document fields ("title", "publisher", "author", "url", "published", "doc_kind",
 *   "reliability"), %NULL-terminated
 * @values: their values, as many; %NULL for none
 *
 * A document described in full, as our own exports describe a claim's source; the same
 * description gives the same document. Its grade is kept when it is one (A–F).
 *
 * Returns: the document's key, or %NULL when it has no title
 */
const char *
atlas_import_batch_get_document (AtlasImportBatch   *self,
                                 const char * const *names,
                                 const char * const *values)
{
  g_autoptr(GString) signature = g_string_new ("\x1f");
  g_autoptr(AtlasRecord) document = NULL;
  char new_key[KEY_BUFFER_SIZE];
  const char *key;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (signature, "%s=%s\x1f", names[i], values[i] ? values[i] : "");
  if ((key = g_hash_table_lookup (self->source_keys, signature->str)) != NULL)
    return key;

  make_key (self, KEY_SOURCE, new_key);
  document = new_document (new_key, "", self->file_name);
  atlas_record_set_text (document, "title", NULL);
  atlas_record_set_text (document, "doc_kind", "source");
  for (guint i = 0; names[i] != NULL; i++)
    if (values[i] != NULL && *values[i] != '\0'
        && (!g_str_equal (names[i], "reliability") || is_reliability (values[i])))
      atlas_record_set_text (document, names[i], values[i]);
  if (atlas_record_get_text (document, "title") == NULL)
    return NULL;

  g_ptr_array_add (self->documents, g_object_ref (document));
  key = atlas_record_get_key (document);
  g_hash_table_insert (self->source_keys, g_string_free (g_steal_pointer (&signature), FALSE),
                       (gpointer) key);
  return key;
}

/**
 * atlas_import_batch_set_date:
 *
 * Sets @date_field and @precision_field of @record from @text, or adds a problem naming
 * the value.
 *
 * Returns: %FALSE when @text is not a date
 */
gboolean
atlas_import_batch_set_date (AtlasImportBatch *self,
                             AtlasRecord      *record,
                             const char       *date_field,
                             const char       *precision_field,
                             const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const char *precision = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), FALSE);

  if (!atlas_import_parse_date (text, &date, &precision, &error))
    {
      atlas_import_batch_add_problem (self, "%s", error->message);
      return FALSE;
    }
  atlas_record_set_text (record, date_field, date);
  atlas_record_set_text (record, precision_field, precision);
  return TRUE;
}

/* Property names that fill a field (any case); the first property found fills it and any
 * later one with a name for the same field is kept as a claim. */
typedef struct {
  const char *kind;
  const char *field;
  const char *names[8];
} PropertyMap;

static const PropertyMap property_map[] = {
  { "incident", "title", { "title", "name", NULL } },
  { "incident", "category", { "category", "type", "event_type", NULL } },
  { "incident", "start_time",
    { "date", "start", "start_time", "time", "timestamp", "event_date", "when", NULL } },
  { "incident", "end_time", { "end", "end_time", NULL } },
  { "incident", "place", { "place", "location", NULL } },
  { "incident", "admin_area", { "admin_area", "admin1", NULL } },
  { "incident", "country", { "country", NULL } },
  { "incident", "summary", { "summary", "description", "desc", "notes", NULL } },
  { "route", "name", { "name", "title", NULL } },
  { "route", "summary", { "summary", "description", "desc", "notes", NULL } },
};

static int
find_mapped_field (const char *kind,
                   const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_map); i++)
    if (g_str_equal (property_map[i].kind, kind))
      for (guint j = 0; property_map[i].names[j] != NULL; j++)
        if (g_ascii_strcasecmp (property_map[i].names[j], name) == 0)
          return (int) i;
  return -1;
}

/**
 * atlas_import_batch_set_property:
 * @name: the property's name in the file
 * @filled: (inout): which fields of @record properties have filled so far; start at 0
 *
 * Puts a property where it belongs: in the field its name matches (dates parsed), or else
 * in a claim of the import, so that nothing is dropped.
 *
 * Returns: %FALSE, with a problem added, when the property names a date that is not one
 */
gboolean
atlas_import_batch_set_property (AtlasImportBatch *self,
                                 AtlasRecord      *record,
                                 const char       *name,
                                 const char       *value,
                                 guint            *filled)
{
  int index;
  const char *field;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), FALSE);

  if (value == NULL || *value == '\0')
    return TRUE;
  index = find_mapped_field (atlas_record_get_kind (record), name);
  if (index < 0 || (*filled & (1u << index)) != 0)
    {
      atlas_import_batch_add_claim (self, record, name, value, NULL);
      return TRUE;
    }

  *filled |= 1u << index;
  field = property_map[index].field;
  if (g_str_equal (field, "start_time"))
    return atlas_import_batch_set_date (self, record, "start_time", "start_precision", value);
  if (g_str_equal (field, "end_time"))
    return atlas_import_batch_set_date (self, record, "end_time", "end_precision", value);
  atlas_record_set_text (record, field, value);
  return TRUE;
}

/**
 * atlas_import_batch_get_documents:
 *
 * Returns: (transfer none) (element-type AtlasRecord): the import's document and one per source
 */
GPtrArray *
atlas_import_batch_get_documents (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);
  return self->documents;
}

/**
 * atlas_import_batch_get_records:
 *
 * Returns: (transfer none) (element-type AtlasRecord): incidents, routes, waypoints and
 *   claims; with a chunk function, only those not handed on yet
 */
GPtrArray *
atlas_import_batch_get_records (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);
  return self->records;
}

/**
 * atlas_import_batch_get_problems:
 *
 * Returns: (transfer none) (element-type AtlasImportProblem): the first problems found
 */
GPtrArray *
atlas_import_batch_get_problems (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), NULL);
  return self->problems;
}

/**
 * atlas_import_batch_get_n_problems:
 *
 * Returns: how many problems were found, including those past the ones kept in detail
 */
guint
atlas_import_batch_get_n_problems (AtlasImportBatch *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (self), 0);
  return self->n_problems;
}
