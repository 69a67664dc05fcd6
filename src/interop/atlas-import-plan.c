/* atlas-import-plan.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import before anything is written: which format a file is, what it holds (counts,
 * the first records for a preview) and every problem found, which can be saved as a report.
 * Applying it writes everything in one transaction, and only once the user has accepted
 * the problems, if there are any.
 *
 * Reading for the preview keeps no more than the preview needs (counts, problems, the first
 * records): applying reads the file again, refusing it if it has changed since, and writes
 * it in chunks as `--import` does, so that neither holds the whole file's records. A CSV
 * file is read as a stream, a block at a time, so that neither holds its bytes either;
 * JSON and XML are parsed from the file whole, within the size limit of their format.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-csv-reader.h"
#include "atlas-geojson-reader.h"
#include "atlas-gpx-reader.h"
#include "atlas-import-file.h"
#include "atlas-import-format.h"
#include "atlas-import-plan-private.h"
#include "atlas-kml-reader.h"

G_DEFINE_FINAL_TYPE (AtlasImportPlan, atlas_import_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_FRACTION,
  PROP_PROBLEMS_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* ---- progress ---------------------------------------------------------------------- */

static gboolean
notify_fraction_cb (gpointer data)
{
  AtlasImportPlan *self = data;

  g_atomic_int_set (&self->notify_pending, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  return G_SOURCE_REMOVE;
}

/* Loading on a worker thread notifies "fraction" on the thread that asked for the load. */
void
_atlas_import_plan_progress (double   fraction,
                             gpointer user_data)
{
  AtlasImportPlan *self = user_data;

  g_atomic_int_set (&self->fraction, (int) (fraction * 1e6));
  if (self->notify_context == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  else if (g_atomic_int_compare_and_exchange (&self->notify_pending, 0, 1))
    g_main_context_invoke_full (self->notify_context, G_PRIORITY_DEFAULT, notify_fraction_cb,
                                g_object_ref (self), g_object_unref);
}


/* ---- reading ----------------------------------------------------------------------- */

/* The seconds since 1970 and a random number, in base 36: "tn3k2f" and "9q4x". */
static char *
make_import_stamp (GDateTime *now)
{
  static const char base36[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  guint64 seconds = (guint64) MAX (g_date_time_to_unix (now), 0);
  guint32 random = g_random_int_range (0, 36 * 36 * 36 * 36);
  char reversed[24], *stamp = g_malloc (24);
  guint n = 0, i = 0;

  for (guint d = 0; d < 4; d++, random /= 36)
    reversed[n++] = base36[random % 36];
  do
    reversed[n++] = base36[seconds % 36];
  while ((seconds /= 36) > 0);
  while (n > 0)
    stamp[i++] = reversed[--n];
  stamp[i] = '\0';
  return stamp;
}

/* Keys start with the time and a random part, so that no two imports, not even of one file
 * twice in a second, make the same key. They carry nothing for people (the import's own
 * document names the file and says when it was read): a claim holds three keys, so at a
 * million rows each byte of the prefix costs about eight megabytes of the case, and a
 * file's name (ACLED's exports are named after their date ranges and regions) would cost
 * tens of bytes. */
AtlasImportBatch *
_atlas_import_plan_new_batch (AtlasImportPlan *self)
{
  if (self->import_id == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      self->import_time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
      self->import_id = make_import_stamp (now);
    }
  /* applying reads the file again into a new batch: its keys are the preview's */
  return atlas_import_batch_new (self->file_name, self->import_id, self->format_label,
                                 self->import_time);
}

static gboolean
is_acled (const char  *data,
          gsize        length)
{
  g_auto(GStrv) header = atlas_csv_reader_read_header (data, length, NULL);

  return header != NULL && atlas_csv_reader_is_acled ((const char * const *) header);
}

static const char *
label_for (AtlasImportPlan *self,
           const char      *data,
           gsize            length)
{
  switch (self->format)
    {
    case ATLAS_IMPORT_FORMAT_GEOJSON:
      return "GeoJSON";
    case ATLAS_IMPORT_FORMAT_KML:
      return "KML";
    case ATLAS_IMPORT_FORMAT_GPX:
      return "GPX";
    case ATLAS_IMPORT_FORMAT_CSV:
      return !self->has_mapping && is_acled (data, length) ? "ACLED CSV" : "CSV";
    case ATLAS_IMPORT_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

/* Adds @records' incidents, routes, waypoints and claims to @counts. */
void
_atlas_import_plan_tally_records (AtlasCaseCounts *counts,
                                  GPtrArray       *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      const char *kind = atlas_record_get_kind (g_ptr_array_index (records, i));

      if (g_str_equal (kind, "incident"))
        counts->incidents++;
      else if (g_str_equal (kind, "route"))
        counts->routes++;
      else if (g_str_equal (kind, "waypoint"))
        counts->waypoints++;
      else if (g_str_equal (kind, "claim"))
        counts->claims++;
    }
}

/* Counts what the batch holds once the file is read, on top of what it handed on while
 * reading (see push_chunk() and keep_chunk()), and lists the documents and what was kept. */
void
_atlas_import_plan_count_records (AtlasImportPlan *self)
{
  GPtrArray *documents = atlas_import_batch_get_documents (self->batch);
  GPtrArray *records = atlas_import_batch_get_records (self->batch);
  guint n_kept = self->kept != NULL ? self->kept->len : 0;

  self->all_records = g_ptr_array_new_full (documents->len + n_kept + records->len,
                                            g_object_unref);
  self->counts.documents = documents->len;
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->all_records, g_object_ref (g_ptr_array_index (documents, i)));
  if (self->kept != NULL)
    g_ptr_array_extend_and_steal (self->all_records, g_steal_pointer (&self->kept));
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->all_records, g_object_ref (g_ptr_array_index (records, i)));
  _atlas_import_plan_tally_records (&self->counts, records);
}

/* While loading for a preview: counts the records of @chunk and keeps the first ones. */
static void
keep_chunk (GPtrArray *chunk,
            gpointer   data)
{
  AtlasImportPlan *self = data;

  _atlas_import_plan_tally_records (&self->counts, chunk);
  for (guint i = 0; i < chunk->len && self->kept->len < ATLAS_IMPORT_PLAN_KEPT_RECORDS; i++)
    {
      AtlasRecord *record = g_ptr_array_index (chunk, i);

      /* documents stay listed in the batch, and come first in all_records */
      if (!g_str_equal (atlas_record_get_kind (record), "document"))
        g_ptr_array_add (self->kept, g_object_ref (record));
    }
  g_ptr_array_unref (chunk);
}
/* Tells the file's format from its first bytes, refuses it if it is too large for it, and
 * makes the batch it will be read into; @opened is the file, from its start. */
gboolean
_atlas_import_plan_open_file (AtlasImportPlan   *self,
                              GCancellable      *cancellable,
                              AtlasImportFile  **opened,
                              GError           **error)
{
  g_autoptr(AtlasImportFile) file = NULL;
  const char *head;
  gsize length;

  if ((file = atlas_import_file_open (self->file, cancellable, error)) == NULL
      || (head = atlas_import_file_peek_head (file, &length, cancellable, error)) == NULL)
    return FALSE;

  self->format = self->has_mapping ? ATLAS_IMPORT_FORMAT_CSV
                                   : atlas_import_format_detect (head, length, self->file_name,
                                                                error);
  if (self->format == ATLAS_IMPORT_FORMAT_UNKNOWN
      || !atlas_import_format_check_size (self->format, atlas_import_file_get_size (file),
                                          error))
    return FALSE;

  g_free (self->stamp);
  self->stamp = g_strdup (atlas_import_file_get_stamp (file));
  self->format_label = label_for (self, head, length);
  self->batch = _atlas_import_plan_new_batch (self);
  atlas_import_batch_set_progress_func (self->batch, _atlas_import_plan_progress, self);
  atlas_import_batch_set_cancellable (self->batch, cancellable);
  *opened = g_steal_pointer (&file);
  return TRUE;
}

/* Trees (JSON, XML) are parsed from the whole file in memory, within the size limit of
 * their format; CSV is read as a stream, whatever its size. */
static gboolean
read_whole (AtlasImportPlan  *self,
            AtlasImportFile  *file,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GBytes) bytes = atlas_import_file_read_all (file, cancellable, error);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  switch (self->format)
    {
    case ATLAS_IMPORT_FORMAT_GEOJSON:
      return atlas_geojson_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_KML:
      return atlas_kml_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_GPX:
      return atlas_gpx_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_CSV:
    case ATLAS_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* Reads @file, opened by _atlas_import_plan_open_file(), into the batch. A file that
 * changed while it was read is refused: what was read of it may be half old, half new. */
gboolean
_atlas_import_plan_read_file (AtlasImportPlan  *self,
                              AtlasImportFile  *file,
                              GCancellable     *cancellable,
                              GError          **error)
{
  if (self->format != ATLAS_IMPORT_FORMAT_CSV)
    return read_whole (self, file, cancellable, error);
  return atlas_csv_reader_read_stream (atlas_import_file_get_stream (file),
                                       atlas_import_file_get_size (file),
                                       self->has_mapping ? &self->mapping : NULL, self->batch,
                                       error)
         && atlas_import_file_check_unchanged (file, cancellable, error);
}

/* Reads the file for a preview: its records are counted and dropped as they are read, but
 * for the first ATLAS_IMPORT_PLAN_KEPT_RECORDS. */
static gboolean
load_file (AtlasImportPlan  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(AtlasImportFile) file = NULL;

  if (!_atlas_import_plan_open_file (self, cancellable, &file, error))
    return FALSE;
  self->kept = g_ptr_array_new_with_free_func (g_object_unref);
  atlas_import_batch_set_chunk_func (self->batch, _atlas_import_plan_stream_chunk_size (),
                                     keep_chunk, self);
  if (!_atlas_import_plan_read_file (self, file, cancellable, error))
    {
      g_clear_pointer (&self->kept, g_ptr_array_unref);
      return FALSE;
    }
  atlas_import_batch_flush_chunk (self->batch);
  atlas_import_batch_set_chunk_func (self->batch, 0, NULL, NULL);
  return TRUE;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
atlas_import_plan_finalize (GObject *object)
{
  AtlasImportPlan *self = ATLAS_IMPORT_PLAN (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->mapping_strings); i++)
    g_clear_pointer (&self->mapping_strings[i], g_free);
  g_clear_pointer (&self->all_records, g_ptr_array_unref);
  g_clear_pointer (&self->kept, g_ptr_array_unref);
  g_clear_pointer (&self->import_id, g_free);
  g_clear_pointer (&self->import_time, g_free);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_object (&self->batch);
  g_clear_pointer (&self->notify_context, g_main_context_unref);

  G_OBJECT_CLASS (atlas_import_plan_parent_class)->finalize (object);
}

static void
atlas_import_plan_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasImportPlan *self = ATLAS_IMPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, atlas_import_plan_get_fraction (self));
      break;
    case PROP_PROBLEMS_ACCEPTED:
      g_value_set_boolean (value, self->problems_accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_import_plan_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasImportPlan *self = ATLAS_IMPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->file_name = self->file ? g_file_get_basename (self->file) : g_strdup ("");
      break;
    case PROP_PROBLEMS_ACCEPTED:
      atlas_import_plan_set_problems_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_import_plan_class_init (AtlasImportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_import_plan_finalize;
  object_class->get_property = atlas_import_plan_get_property;
  object_class->set_property = atlas_import_plan_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* how much of the file has been read, 0…1 */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* whether the user chose to import the good records despite the problems */
  properties[PROP_PROBLEMS_ACCEPTED] =
    g_param_spec_boolean ("problems-accepted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_import_plan_init (AtlasImportPlan *self)
{
}

/* ---- public ------------------------------------------------------------------------ */

static void
copy_mapping (AtlasImportPlan       *self,
              const AtlasCsvMapping *mapping)
{
  const char *given[] = { mapping->latitude, mapping->longitude, mapping->date, mapping->title,
                          mapping->source };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    self->mapping_strings[i] = g_strdup (given[i]);
  self->mapping.latitude = self->mapping_strings[0];
  self->mapping.longitude = self->mapping_strings[1];
  self->mapping.date = self->mapping_strings[2];
  self->mapping.title = self->mapping_strings[3];
  self->mapping.source = self->mapping_strings[4];
  self->has_mapping = TRUE;
}

/**
 * atlas_import_plan_new:
 * @mapping: (nullable): for a CSV file not in ACLED's layout, which columns hold what
 *
 * Returns: (transfer full): a plan that has not read @file yet; see atlas_import_plan_load()
 */
AtlasImportPlan *
atlas_import_plan_new (GFile                 *file,
                       const AtlasCsvMapping *mapping)
{
  AtlasImportPlan *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ATLAS_TYPE_IMPORT_PLAN, "file", file, NULL);
  if (mapping != NULL)
    copy_mapping (self, mapping);
  return self;
}

/* A file refused as a whole: the error names it, and nothing read is kept. */
gboolean
_atlas_import_plan_refuse_file (AtlasImportPlan  *self,
                                GError           *local_error,
                                GError          **error)
{
  g_clear_object (&self->batch);
  memset (&self->counts, 0, sizeof self->counts);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    g_propagate_prefixed_error (error, local_error, "%s: ", self->file_name);
  return FALSE;
}

/**
 * atlas_import_plan_load:
 *
 * Tells the format of the file and reads it. Rows that cannot be imported become problems;
 * the error is for a file refused as a whole, and names it.
 *
 * Returns: %FALSE when the file is refused or the load was cancelled
 */
gboolean
atlas_import_plan_load (AtlasImportPlan  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (!self->loaded && self->batch == NULL, FALSE);

  if (!load_file (self, cancellable, &local_error))
    return _atlas_import_plan_refuse_file (self, g_steal_pointer (&local_error), error);
  _atlas_import_plan_count_records (self);
  self->loaded = TRUE;
  return TRUE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (atlas_import_plan_load (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_import_plan_load_async:
 *
 * Reads the file on a worker thread; "fraction" is notified on the calling thread's main
 * context. Do not use the plan until the callback has run.
 */
void
atlas_import_plan_load_async (AtlasImportPlan     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));

  self->notify_context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_plan_load_async);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
atlas_import_plan_load_finish (AtlasImportPlan  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_import_plan_new_for_file:
 *
 * Reads @file, telling its format from its content and name. A CSV file not in ACLED's
 * layout is refused with %ATLAS_IMPORT_ERROR_NEEDS_MAPPING: ask which columns hold what
 * and use atlas_import_plan_new_for_csv().
 *
 * Returns: (transfer full): the plan, or %NULL when the file is refused
 */
AtlasImportPlan *
atlas_import_plan_new_for_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return atlas_import_plan_new_for_csv (file, NULL, cancellable, error);
}

/**
 * atlas_import_plan_new_for_csv:
 * @mapping: (nullable): which columns hold what; %NULL to tell the format as
 *   atlas_import_plan_new_for_file() does
 *
 * Returns: (transfer full): the plan, or %NULL when the file is refused
 */
AtlasImportPlan *
atlas_import_plan_new_for_csv (GFile                  *file,
                               const AtlasCsvMapping  *mapping,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(AtlasImportPlan) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = atlas_import_plan_new (file, mapping);
  if (!atlas_import_plan_load (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * atlas_import_plan_read_csv_header:
 *
 * Reads only the header of a CSV file, for choosing which column holds what.
 *
 * Returns: (transfer full): the column names, or %NULL with @error naming the file
 */
char **
atlas_import_plan_read_csv_header (GFile   *file,
                                   GError **error)
{
  g_autoptr(AtlasImportFile) opened = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char **header = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((opened = atlas_import_file_open (file, NULL, &local_error)) != NULL)
    header = atlas_csv_reader_read_stream_header (atlas_import_file_get_stream (opened),
                                                  &local_error);
  if (header == NULL)
    {
      name = g_file_get_basename (file);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
    }
  return header;
}

GFile *
atlas_import_plan_get_file (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);
  return self->file;
}

AtlasImportFormat
atlas_import_plan_get_format (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), ATLAS_IMPORT_FORMAT_UNKNOWN);
  return self->format;
}

/**
 * atlas_import_plan_get_format_label:
 *
 * Returns: (nullable): "GeoJSON", "KML", "GPX", "ACLED CSV" or "CSV", once loaded
 */
const char *
atlas_import_plan_get_format_label (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);
  return self->format_label;
}

/**
 * atlas_import_plan_get_fraction:
 *
 * Returns: how much of the file has been read, 0…1; safe to call from any thread
 */
double
atlas_import_plan_get_fraction (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), 0.0);
  return g_atomic_int_get (&self->fraction) / 1e6;
}

/**
 * atlas_import_plan_get_counts:
 *
 * Sets @counts to what applying the plan would add (actors and briefing steps are 0).
 */
void
atlas_import_plan_get_counts (AtlasImportPlan *self,
                              AtlasCaseCounts *counts)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (counts != NULL);
  *counts = self->counts;
}

/**
 * atlas_import_plan_get_preview:
 * @n_items: how many to list at most
 *
 * Returns: (transfer full): the first incidents and routes, in file order
 */
GListModel *
atlas_import_plan_get_preview (AtlasImportPlan *self,
                               guint            n_items)
{
  GListStore *store;
  GPtrArray *records;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);

  store = g_list_store_new (ATLAS_TYPE_RECORD);
  records = self->all_records;
  for (guint i = 0; records != NULL && i < records->len
                    && g_list_model_get_n_items (G_LIST_MODEL (store)) < n_items; i++)
    {
      const char *kind = atlas_record_get_kind (g_ptr_array_index (records, i));

      if (g_str_equal (kind, "incident") || g_str_equal (kind, "route"))
        g_list_store_append (store, g_ptr_array_index (records, i));
    }
  return G_LIST_MODEL (store);
}

/**
 * atlas_import_plan_get_records:
 *
 * Returns: (transfer none) (element-type AtlasRecord) (nullable): the import's document
 *   and its sources, then the first records read (all of them in a small file); applying
 *   reads the file again for the others
 */
GPtrArray *
atlas_import_plan_get_records (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);
  return self->all_records;
}

/**
 * atlas_import_plan_get_problems:
 *
 * Returns: (transfer none) (element-type AtlasImportProblem) (nullable): the problems, in
 *   file order; at most %ATLAS_IMPORT_MAX_PROBLEMS of them
 */
GPtrArray *
atlas_import_plan_get_problems (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);
  return self->batch ? atlas_import_batch_get_problems (self->batch) : NULL;
}

/**
 * atlas_import_plan_get_n_problems:
 *
 * Returns: how many rows or features were skipped, including any not listed in detail
 */
guint
atlas_import_plan_get_n_problems (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), 0);
  return self->batch ? atlas_import_batch_get_n_problems (self->batch) : 0;
}

gboolean
atlas_import_plan_get_problems_accepted (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  return self->problems_accepted;
}

/**
 * atlas_import_plan_set_problems_accepted:
 *
 * The user has seen the problems and wants the good records imported without the others.
 */
void
atlas_import_plan_set_problems_accepted (AtlasImportPlan *self,
                                         gboolean         accepted)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));

  accepted = !!accepted;
  if (self->problems_accepted == accepted)
    return;
  self->problems_accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS_ACCEPTED]);
}
