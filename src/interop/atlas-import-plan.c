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
 * it in chunks as `--import` does, so that neither holds the whole file's records.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-csv-reader.h"
#include "atlas-geojson-reader.h"
#include "atlas-gpx-reader.h"
#include "atlas-import-batch.h"
#include "atlas-import-limits.h"
#include "atlas-import-plan.h"
#include "atlas-kml-reader.h"

/* How much of a file's start is looked at to tell its format. */
#define SNIFF_LENGTH 4096
/* Reads of a file being imported, between checks for cancellation. */
#define READ_CHUNK (16 << 20)

/* Longest file-name part of an import's keys. */
#define MAX_SLUG_LENGTH 24

struct _AtlasImportPlan
{
  GObject            parent_instance;

  GFile             *file;
  char              *file_name;
  AtlasCsvMapping    mapping;
  char              *mapping_strings[5];
  gboolean           has_mapping;

  AtlasImportFormat  format;
  const char        *format_label;
  AtlasImportBatch  *batch;
  GPtrArray         *all_records;   /* documents first, then the first records read */
  GPtrArray         *kept;          /* while loading: the first records read */
  char              *import_id;     /* the keys' part of the import; the same when applied */
  char              *import_time;
  char              *stamp;         /* which version of the file was read (see file_stamp()) */
  guint64            write_total;   /* while applying: records to write, and handed on */
  guint64            write_handed;
  gboolean           write_progress;
  AtlasCaseCounts    counts;
  gboolean           loaded;
  gboolean           applied;
  gboolean           problems_accepted;

  /* progress, written by the thread that loads */
  int                fraction;      /* in millionths, atomic */
  int                notify_pending;
  GMainContext      *notify_context;
};

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
static void
progress_cb (double   fraction,
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

/* ---- telling the format ------------------------------------------------------------ */

static const char *
skip_bom_and_space (const char *data,
                    gsize       length)
{
  const char *p = data, *end = data + MIN (length, SNIFF_LENGTH);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end ? p : NULL;
}

static AtlasImportFormat
format_from_extension (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    return ATLAS_IMPORT_FORMAT_GEOJSON;
  if (g_str_has_suffix (lower, ".kml"))
    return ATLAS_IMPORT_FORMAT_KML;
  if (g_str_has_suffix (lower, ".gpx"))
    return ATLAS_IMPORT_FORMAT_GPX;
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    return ATLAS_IMPORT_FORMAT_CSV;
  return ATLAS_IMPORT_FORMAT_UNKNOWN;
}

static AtlasImportFormat
format_of_xml (const char *start,
               gsize       length,
               const char *name)
{
  gssize sniff = (gssize) MIN (length, SNIFF_LENGTH);
  AtlasImportFormat by_name = format_from_extension (name);

  if (g_strstr_len (start, sniff, "<kml") != NULL || g_strstr_len (start, sniff, ":kml") != NULL)
    return ATLAS_IMPORT_FORMAT_KML;
  if (g_strstr_len (start, sniff, "<gpx") != NULL || g_strstr_len (start, sniff, ":gpx") != NULL)
    return ATLAS_IMPORT_FORMAT_GPX;
  /* a long prolog: let the reader decide */
  if (by_name == ATLAS_IMPORT_FORMAT_KML || by_name == ATLAS_IMPORT_FORMAT_GPX)
    return by_name;
  return ATLAS_IMPORT_FORMAT_UNKNOWN;
}

/* A UTF-16 or UTF-32 byte order mark, or ASCII text with NUL bytes between its letters. */
static gboolean
is_wide_encoding (const char *data,
                  gsize       length)
{
  const guint8 *b = (const guint8 *) data;

  if (length < 4)
    return FALSE;
  return (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)
         || (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
         || (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
         || (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0);
}

/* By content first, the name's extension where content cannot tell. */
static AtlasImportFormat
detect_format (const char *data,
               gsize       length,
               const char *name,
               GError    **error)
{
  const char *start = skip_bom_and_space (data, length);
  AtlasImportFormat by_name = format_from_extension (name);
  AtlasImportFormat format = ATLAS_IMPORT_FORMAT_UNKNOWN;
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (is_wide_encoding (data, length))
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                 _("it is in UTF-16 or UTF-32; only UTF-8 files can be imported"));
  else if (length >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CASE_FILE,
                 _("it is an SQLite database (a case file, a GeoPackage), not a file to "
                   "import; open a case with Open"));
  else if (length >= 2 && memcmp (data, "PK", 2) == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                 g_str_has_suffix (lower, ".kmz")
                 ? _("it is KMZ (zipped KML); unzip it and import the KML inside")
                 : _("it is a ZIP archive; unzip it and import the file inside"));
  else if (start == NULL)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("the file is empty"));
  else if (*start == '{' || *start == '[')
    format = ATLAS_IMPORT_FORMAT_GEOJSON;
  else if (*start == '<')
    {
      format = format_of_xml (start, length - (gsize) (start - data), name);
      if (format == ATLAS_IMPORT_FORMAT_UNKNOWN)
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("it is XML but neither KML nor GPX"));
    }
  else if (by_name == ATLAS_IMPORT_FORMAT_CSV || by_name == ATLAS_IMPORT_FORMAT_UNKNOWN)
    format = ATLAS_IMPORT_FORMAT_CSV;
  else
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                 _("its name says it is %s but it does not start like one"),
                 by_name == ATLAS_IMPORT_FORMAT_GEOJSON ? "GeoJSON"
                 : by_name == ATLAS_IMPORT_FORMAT_KML ? "KML" : "GPX");
  return format;
}

static gboolean
check_size (AtlasImportFormat   format,
            gsize               length,
            GError            **error)
{
  guint64 limit = format == ATLAS_IMPORT_FORMAT_CSV ? ATLAS_IMPORT_MAX_CSV_SIZE
                                                    : ATLAS_IMPORT_MAX_TREE_SIZE;
  g_autofree char *size = NULL;
  g_autofree char *max = NULL;

  if (length <= limit)
    return TRUE;
  size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
  max = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
               _("it is %s; files of this kind can be imported up to %s"), size, max);
  return FALSE;
}

/* ---- reading ----------------------------------------------------------------------- */

static char *
make_slug (const char *file_name)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = file_name; *p != '\0' && *p != '.' && slug->len < MAX_SLUG_LENGTH; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  if (slug->len == 0)
    g_string_append (slug, "import");
  return g_string_free (slug, FALSE);
}

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

/* Keys start with the file's name, the time and a random part, so that no two imports,
 * not even of one file twice in a second, make the same key (the import's own document
 * says when it was made, for people). */
static AtlasImportBatch *
new_batch (AtlasImportPlan *self)
{
  if (self->import_id == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *slug = make_slug (self->file_name);
      g_autofree char *stamp = make_import_stamp (now);

      self->import_time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
      self->import_id = g_strdup_printf ("%s-%s", slug, stamp);
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

static gboolean
read_data (AtlasImportPlan  *self,
           const char       *data,
           gsize             length,
           GError          **error)
{
  switch (self->format)
    {
    case ATLAS_IMPORT_FORMAT_GEOJSON:
      return atlas_geojson_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_KML:
      return atlas_kml_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_GPX:
      return atlas_gpx_reader_read (data, length, self->batch, error);
    case ATLAS_IMPORT_FORMAT_CSV:
      return atlas_csv_reader_read (data, length, self->has_mapping ? &self->mapping : NULL,
                                    self->batch, error);
    case ATLAS_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* Adds @records' incidents, routes, waypoints and claims to @counts. */
static void
tally_records (AtlasCaseCounts *counts,
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
static void
count_records (AtlasImportPlan *self)
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
  tally_records (&self->counts, records);
}

/* While loading for a preview: counts the records of @chunk and keeps the first ones. */
static void
keep_chunk (GPtrArray *chunk,
            gpointer   data)
{
  AtlasImportPlan *self = data;

  tally_records (&self->counts, chunk);
  for (guint i = 0; i < chunk->len && self->kept->len < ATLAS_IMPORT_PLAN_KEPT_RECORDS; i++)
    {
      AtlasRecord *record = g_ptr_array_index (chunk, i);

      /* documents stay listed in the batch, and come first in all_records */
      if (!g_str_equal (atlas_record_get_kind (record), "document"))
        g_ptr_array_add (self->kept, g_object_ref (record));
    }
  g_ptr_array_unref (chunk);
}

static gboolean
set_changed_error (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("it changed while it was being read (another program is writing to it?); "
                 "nothing was imported: try again when it is complete"));
  return FALSE;
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Opens without waiting: opening a pipe for reading waits for a writer, for ever. */
static int
open_regular_file (const char  *path,
                   struct stat *info,
                   GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }
  if (fstat (fd, info) != 0)
    set_errno_error (error, errno);
  else if (S_ISDIR (info->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
  else if (!S_ISREG (info->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("it is not a regular file (it is a pipe, a device or a socket); only "
                   "regular files can be imported"));
  else if (fcntl (fd, F_SETFL, 0) == 0)
    return fd;
  else
    set_errno_error (error, errno);
  close (fd);
  return -1;
}

static gboolean
read_all (int            fd,
          char          *buffer,
          gsize          length,
          GCancellable  *cancellable,
          GError       **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, buffer + done, MIN (length - done, READ_CHUNK));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno);
      if (n == 0)
        return set_changed_error (error);
      done += (gsize) n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* A file past the limit of its kind is refused before it is read whole: its kind is
 * told from its first bytes, as detect_format() will tell it from all of them. */
static gboolean
check_size_from_head (AtlasImportPlan  *self,
                      int               fd,
                      guint64           size,
                      GError          **error)
{
  char head[SNIFF_LENGTH];
  gssize n;
  AtlasImportFormat format;

  if (size <= ATLAS_IMPORT_MAX_TREE_SIZE || self == NULL || self->has_mapping)
    return check_size (ATLAS_IMPORT_FORMAT_CSV, size, error);
  n = pread (fd, head, sizeof head, 0);
  if (n <= 0)
    return TRUE;
  format = detect_format (head, (gsize) n, self->file_name, NULL);
  return check_size (format == ATLAS_IMPORT_FORMAT_UNKNOWN ? ATLAS_IMPORT_FORMAT_CSV : format,
                     size, error);
}

/* Reads a local file whole into memory. A mapping would be cheaper, but a file that
 * shrinks meanwhile (a sync client, log rotation) kills the process with SIGBUS at the
 * first page past its new end; here a file that changes is an error with a message.
 * @self, when given, tells the limit for the file's kind. */
static GBytes *
read_local_file (AtlasImportPlan  *self,
                 const char       *path,
                 GCancellable     *cancellable,
                 char            **stamp,
                 GError          **error)
{
  struct stat before, after;
  g_autofree char *buffer = NULL;
  int fd = open_regular_file (path, &before, error);
  gboolean ok;

  if (fd < 0)
    return NULL;
  if (!check_size_from_head (self, fd, (guint64) before.st_size, error))
    {
      close (fd);
      return NULL;
    }
  buffer = g_try_malloc ((gsize) before.st_size + 1);
  if (buffer == NULL)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("there is not enough memory"));
      return NULL;
    }
  ok = read_all (fd, buffer, (gsize) before.st_size, cancellable, error)
       && (fstat (fd, &after) == 0 || set_errno_error (error, errno))
       && ((after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec
            && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
           || set_changed_error (error));
  close (fd);
  if (!ok)
    return NULL;
  if (stamp != NULL)
    *stamp = g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) before.st_dev,
                              (uintmax_t) before.st_ino, (intmax_t) before.st_size,
                              (intmax_t) before.st_mtim.tv_sec, before.st_mtim.tv_nsec);
  return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) before.st_size);
}

/* Reads a local file; anything else (a portal, a remote mount) through GIO. @stamp, when
 * given, tells which version of the file was read: its device, inode, size and time of
 * change for a local file, a hash of its content otherwise. */
static GBytes *
load_bytes (GFile            *file,
            AtlasImportPlan  *self,
            GCancellable     *cancellable,
            char            **stamp,
            GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;
  gsize length = 0;

  if (path != NULL)
    return read_local_file (self, path, cancellable, stamp, error);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (stamp != NULL)
    *stamp = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return g_bytes_new_take (contents, length);
}

/* Tells the file's format and makes the batch it will be read into; @bytes holds the file. */
static gboolean
open_file (AtlasImportPlan  *self,
           GCancellable     *cancellable,
           GBytes          **bytes,
           GError          **error)
{
  const char *data;
  gsize length;

  g_clear_pointer (&self->stamp, g_free);
  if ((*bytes = load_bytes (self->file, self, cancellable, &self->stamp, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (*bytes, &length);
  if (data == NULL)
    data = "";

  self->format = self->has_mapping ? ATLAS_IMPORT_FORMAT_CSV
                                   : detect_format (data, length, self->file_name, error);
  if (self->format == ATLAS_IMPORT_FORMAT_UNKNOWN || !check_size (self->format, length, error))
    return FALSE;

  self->format_label = label_for (self, data, length);
  self->batch = new_batch (self);
  atlas_import_batch_set_progress_func (self->batch, progress_cb, self);
  atlas_import_batch_set_cancellable (self->batch, cancellable);
  return TRUE;
}

static gboolean
read_bytes (AtlasImportPlan  *self,
            GBytes           *bytes,
            GError          **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return read_data (self, data != NULL ? data : "", length, error);
}

static guint stream_chunk_size (void);

/* Reads the file for a preview: its records are counted and dropped as they are read, but
 * for the first ATLAS_IMPORT_PLAN_KEPT_RECORDS. */
static gboolean
load_file (AtlasImportPlan  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!open_file (self, cancellable, &bytes, error))
    return FALSE;
  self->kept = g_ptr_array_new_with_free_func (g_object_unref);
  atlas_import_batch_set_chunk_func (self->batch, stream_chunk_size (), keep_chunk, self);
  if (!read_bytes (self, bytes, error))
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
static gboolean
refuse_file (AtlasImportPlan  *self,
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
    return refuse_file (self, g_steal_pointer (&local_error), error);
  count_records (self);
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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char **header = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = load_bytes (file, NULL, NULL, NULL, &local_error)) != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      header = atlas_csv_reader_read_header (data ? data : "", length, &local_error);
    }
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

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_report (AtlasImportPlan *self,
                   GString         *out)
{
  GPtrArray *problems = atlas_import_plan_get_problems (self);

  g_string_append (out, "file,line,feature,reason\r\n");
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      AtlasImportProblem *problem = g_ptr_array_index (problems, i);

      append_csv_field (out, problem->file);
      g_string_append_printf (out, ",%u,%u,", problem->line, problem->feature);
      append_csv_field (out, problem->reason);
      g_string_append (out, "\r\n");
    }
}

static void
append_text_report (AtlasImportPlan *self,
                    GString         *out)
{
  GPtrArray *problems = atlas_import_plan_get_problems (self);
  guint n_problems = atlas_import_plan_get_n_problems (self);

  g_string_append_printf (out, ngettext ("%s: %u problem\n", "%s: %u problems\n", n_problems),
                          self->file_name, n_problems);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = atlas_import_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", line);
    }
  if (problems != NULL && n_problems > problems->len)
    g_string_append_printf (out, _("… and %u more, not listed\n"), n_problems - problems->len);
}

/**
 * atlas_import_plan_save_report:
 * @file: where to write; a name ending in ".csv" gets CSV (file, line, feature, reason),
 *   any other plain text, one problem a line
 */
gboolean
atlas_import_plan_save_report (AtlasImportPlan  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv"))
    append_csv_report (self, out);
  else
    append_text_report (self, out);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static gboolean
check_applicable (AtlasImportPlan  *self,
                  GError          **error)
{
  guint n_problems = atlas_import_plan_get_n_problems (self);

  if (self->applied)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ALREADY_APPLIED,
                 _("%s has already been imported"), self->file_name);
  else if (n_problems > 0 && !self->problems_accepted)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_PROBLEMS_NOT_ACCEPTED,
                 ngettext ("%s: %u row or feature cannot be imported; nothing was written",
                           "%s: %u rows or features cannot be imported; nothing was written",
                           n_problems), self->file_name, n_problems);
  else if (self->counts.incidents + self->counts.routes == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT,
                 _("%s: there is nothing to import"), self->file_name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
refuse_write (AtlasImportPlan  *self,
              GError           *local_error,
              GError          **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    g_propagate_prefixed_error (error, local_error, _("%s could not be imported: "),
                                self->file_name);
  return FALSE;
}

static gboolean write_again (AtlasImportPlan  *self,
                             AtlasCase        *atlas_case,
                             GCancellable     *cancellable,
                             GError          **error);

/**
 * atlas_import_plan_apply:
 *
 * Writes everything read into @atlas_case in one transaction, with the document that
 * records the import, reading the file again as it writes. When the file had problems,
 * they must have been accepted first. A file changed since it was loaded is refused. On
 * error the case is as it was.
 */
gboolean
atlas_import_plan_apply (AtlasImportPlan  *self,
                         AtlasCase        *atlas_case,
                         GError          **error)
{
  return atlas_import_plan_apply_full (self, atlas_case, NULL, error);
}

/**
 * atlas_import_plan_apply_full:
 * @cancellable: (nullable): cancels the write, which then leaves the case as it was
 *
 * atlas_import_plan_apply() with "fraction" telling how far the write is.
 */
gboolean
atlas_import_plan_apply_full (AtlasImportPlan  *self,
                              AtlasCase        *atlas_case,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  if (!check_applicable (self, error))
    return FALSE;
  progress_cb (0.0, self);
  if (!write_again (self, atlas_case, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  progress_cb (1.0, self);
  return TRUE;
}

static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (atlas_import_plan_apply_full (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_import_plan_apply_async:
 *
 * Writes on a worker thread; "fraction" is notified on the calling thread's main context.
 * Cancelling leaves the case exactly as it was.
 */
void
atlas_import_plan_apply_async (AtlasImportPlan     *self,
                               AtlasCase           *atlas_case,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (ATLAS_IS_CASE (atlas_case));

  g_clear_pointer (&self->notify_context, g_main_context_unref);
  self->notify_context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_plan_apply_async);
  g_task_set_task_data (task, g_object_ref (atlas_case), g_object_unref);
  g_task_run_in_thread (task, apply_in_thread);
}

gboolean
atlas_import_plan_apply_finish (AtlasImportPlan  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- reading and writing at once ------------------------------------------------------ */

/* Records per chunk handed from the reading thread to the writing one, unless
 * ATLAS_IMPORT_CHUNK_SIZE says a smaller number (tests force small ones). The first chunk
 * must hold BULK_POINTS points for a large write to go in bulk (atlas-case-writer.c): an
 * ACLED row makes an incident and about two claims. */
#define STREAM_CHUNK 40000
/* Chunks read ahead of the write at most: the reader waits beyond, so that a reader faster
 * than the writer does not pile the whole file up in memory. */
#define CHUNKS_AHEAD 1

typedef struct {
  AtlasImportPlan *plan;
  GBytes          *bytes;        /* the file, until the reader is done with it */
  GAsyncQueue     *chunks;       /* chunks of records, then the end mark */
  GAsyncQueue     *room;         /* one token per chunk the reader may still push */
  GCancellable    *reading;      /* stops the reader when the write stops first */
  GError          *read_error;   /* the reader's, set before it pushes the end mark */
  gboolean         read_failed;  /* the write stopped on the reader's error */
  gboolean         ended;        /* the end mark has been taken */
} StreamedImport;

static int end_mark;

static int room_token;

static guint
stream_chunk_size (void)
{
  const char *forced = g_getenv ("ATLAS_IMPORT_CHUNK_SIZE");
  guint64 size = forced != NULL ? g_ascii_strtoull (forced, NULL, 10) : 0;

  return size > 0 && size <= STREAM_CHUNK ? (guint) size : STREAM_CHUNK;
}

/* On the reading thread: waits for room, then hands @chunk (and its records) to the writer. */
static void
push_chunk (GPtrArray *chunk,
            gpointer   data)
{
  StreamedImport *stream = data;

  tally_records (&stream->plan->counts, chunk);
  g_async_queue_pop (stream->room);
  g_async_queue_push (stream->chunks, chunk);
}

static gboolean
check_something_read (AtlasImportPlan  *self,
                      GError          **error)
{
  if (self->counts.incidents + self->counts.routes > 0)
    return TRUE;
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT,
               _("there is nothing to import"));
  return FALSE;
}

static gpointer
read_in_thread (gpointer data)
{
  StreamedImport *stream = data;
  AtlasImportPlan *self = stream->plan;
  gboolean read = read_bytes (self, stream->bytes, &stream->read_error);

  /* the file is read: what is left of the write (indexes, search) does without it */
  g_clear_pointer (&stream->bytes, g_bytes_unref);
  if (read)
    {
      atlas_import_batch_flush_chunk (self->batch);
      /* applying a loaded plan keeps what its preview listed */
      if (!self->loaded)
        count_records (self);
      self->loaded = TRUE;
      check_something_read (self, &stream->read_error);
    }
  g_async_queue_push (stream->chunks, &end_mark);
  return NULL;
}

/* On the writing thread: waits for the reader's next chunk. */
static GPtrArray *
next_read_chunk (gpointer   data,
                 GError   **error)
{
  StreamedImport *stream = data;
  AtlasImportPlan *self = stream->plan;
  gpointer item;

  /* applying tells how far the write is, on the writing thread: the preview counted all */
  if (self->write_progress)
    progress_cb (MIN ((double) self->write_handed / MAX (self->write_total, 1), 0.99), self);
  item = g_async_queue_pop (stream->chunks);
  if (item != &end_mark)
    {
      self->write_handed += ((GPtrArray *) item)->len;
      g_async_queue_push (stream->room, &room_token);
      return item;
    }
  stream->ended = TRUE;
  if (stream->read_error != NULL)
    {
      stream->read_failed = TRUE;
      g_propagate_error (error, g_steal_pointer (&stream->read_error));
    }
  return NULL;
}

static void
cancel_reading (GCancellable *cancellable,
                gpointer      reading)
{
  g_cancellable_cancel (reading);
}

/* Once the write has ended, for whatever reason: the reader is stopped, what it still
 * pushes dropped (which makes room for it to go on to its end), and waited for. */
static void
stop_reading (StreamedImport *stream,
              GThread        *reader)
{
  g_cancellable_cancel (stream->reading);
  while (!stream->ended)
    {
      gpointer item = g_async_queue_pop (stream->chunks);

      if (item == &end_mark)
        stream->ended = TRUE;
      else
        {
          g_ptr_array_unref (item);
          g_async_queue_push (stream->room, &room_token);
        }
    }
  g_thread_join (reader);
  g_clear_error (&stream->read_error);
}

/* @bytes: (transfer full): the file, dropped as soon as it has been read */
static gboolean
import_streamed (AtlasImportPlan  *self,
                 AtlasCase        *atlas_case,
                 GBytes           *bytes,
                 GCancellable     *cancellable,
                 GError          **error)
{
  StreamedImport stream = { self, bytes, g_async_queue_new (), g_async_queue_new (),
                            g_cancellable_new () };
  g_autoptr(GError) local_error = NULL;
  gulong handler = 0;
  GThread *reader;
  gboolean written;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_reading),
                                     stream.reading, NULL);
  /* "fraction" would be notified from the reading thread: the import tells none */
  atlas_import_batch_set_progress_func (self->batch, NULL, NULL);
  atlas_import_batch_set_cancellable (self->batch, stream.reading);
  atlas_import_batch_set_chunk_func (self->batch, stream_chunk_size (), push_chunk, &stream);
  for (guint i = 0; i < CHUNKS_AHEAD; i++)
    g_async_queue_push (stream.room, &room_token);

  reader = g_thread_new ("atlas-import-read", read_in_thread, &stream);
  written = atlas_case_write_chunks (atlas_case, next_read_chunk, &stream, cancellable,
                                     &local_error);
  stop_reading (&stream, reader);

  atlas_import_batch_set_chunk_func (self->batch, 0, NULL, NULL);
  g_cancellable_disconnect (cancellable, handler);
  g_object_unref (stream.reading);
  g_async_queue_unref (stream.chunks);
  g_async_queue_unref (stream.room);

  if (written)
    return self->applied = TRUE;
  if (!stream.read_failed || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return refuse_write (self, g_steal_pointer (&local_error), error);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self->file_name);
  return FALSE;
}

/**
 * atlas_import_plan_import:
 * @cancellable: (nullable): cancels the import, which then leaves the case as it was
 *
 * Reads the file and writes it into @atlas_case in one transaction, with no preview: what
 * `incident-atlas --import` does. Rows that cannot be imported are skipped, and stay listed
 * as problems. The file is written while it is still being read, on a second thread.
 *
 * Returns: %FALSE when the file is refused, holds nothing to import, or cannot be written;
 *   the case is then as it was
 */
gboolean
atlas_import_plan_import (AtlasImportPlan  *self,
                          AtlasCase        *atlas_case,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (!self->loaded && self->batch == NULL, FALSE);

  self->problems_accepted = TRUE;
  if (!open_file (self, cancellable, &bytes, &local_error))
    return refuse_file (self, local_error, error);
  return import_streamed (self, atlas_case, g_steal_pointer (&bytes), cancellable, error);
}

/* Reads the file again, as atlas_import_plan_load() read it: @bytes holds it. */
static gboolean
reopen_unchanged (AtlasImportPlan  *self,
                  GCancellable     *cancellable,
                  GBytes          **bytes,
                  GError          **error)
{
  g_autofree char *stamp = NULL;

  if ((*bytes = load_bytes (self->file, self, cancellable, &stamp, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (stamp, self->stamp) == 0)
    return TRUE;
  g_clear_pointer (bytes, g_bytes_unref);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("it has changed since it was read for the preview; import it again "
                 "to see what it holds now"));
  return FALSE;
}

/* Applying a loaded plan: the file is read again into a batch of its own, with the
 * preview's keys, and written in chunks as atlas_import_plan_import() writes it. The
 * preview's batch (its problems, which the user has seen) stays unless the write succeeds. */
static gboolean
write_again (AtlasImportPlan  *self,
             AtlasCase        *atlas_case,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasImportBatch) previewed = NULL;
  AtlasCaseCounts previewed_counts = self->counts;
  GError *local_error = NULL;
  gboolean written;

  if (!reopen_unchanged (self, cancellable, &bytes, &local_error))
    return refuse_write (self, local_error, error);

  previewed = g_steal_pointer (&self->batch);
  self->batch = new_batch (self);
  memset (&self->counts, 0, sizeof self->counts);
  self->counts.documents = previewed_counts.documents;
  self->write_total = previewed_counts.documents + previewed_counts.incidents
                      + previewed_counts.routes + previewed_counts.waypoints
                      + previewed_counts.claims;
  self->write_handed = 0;
  self->write_progress = TRUE;
  written = import_streamed (self, atlas_case, g_steal_pointer (&bytes), cancellable, error);
  self->write_progress = FALSE;
  if (written)
    return TRUE;
  g_clear_object (&self->batch);
  self->batch = g_steal_pointer (&previewed);
  self->counts = previewed_counts;
  return FALSE;
}
