/* atlas-briefing-exporter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Take-away slides: the case's briefing as a multi-page PDF, one page per step, and the
 * current view as a PNG or a one-page PDF, each with the sources of what it shows. Drawn
 * with cairo and Pango only, so it also runs without a display (--export-briefing).
 * Exports run on a worker thread; the exporter reports their progress on the main thread.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <stdlib.h>

#include "atlas-briefing-exporter-private.h"
#include "atlas-case-edit-briefing.h"

struct _AtlasBriefingExporter
{
  GObject    parent_instance;

  AtlasCase *atlas_case;
  char      *briefing_key;   /* nullable: the case's first briefing */
  double     progress;
};

G_DEFINE_FINAL_TYPE (AtlasBriefingExporter, atlas_briefing_exporter, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-briefing-error-quark, atlas_briefing_error)

enum {
  PROP_0,
  PROP_CASE,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- running on a worker thread ------------------------------------------------------- */

typedef struct {
  AtlasCase        *atlas_case;
  GFile            *file;
  char             *briefing_key;
  double            width;    /* of a briefing's pages */
  double            height;
  AtlasViewRequest  view;     /* of a view */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->atlas_case);
  g_clear_object (&job->file);
  g_clear_pointer (&job->briefing_key, g_free);
  g_clear_object (&job->view.filter);
  g_clear_pointer (&job->view.title, g_free);
  g_free (job);
}

static void
set_progress (AtlasBriefingExporter *self,
              double                 progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

typedef struct {
  AtlasBriefingExporter *self;
  double                 progress;
} ProgressUpdate;

static void
progress_update_free (ProgressUpdate *update)
{
  g_clear_object (&update->self);
  g_free (update);
}

static gboolean
apply_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  set_progress (update->self, update->progress);
  return G_SOURCE_REMOVE;
}

/* Worker thread: hand the figure to the thread that started the export. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->self = g_object_ref (g_task_get_source_object (task));
  update->progress = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, apply_progress_cb,
                              update, (GDestroyNotify) progress_update_free);
}

static void
export_briefing_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (_atlas_briefing_write_pdf (job->atlas_case, job->briefing_key, job->file, job->width,
                                 job->height, report_progress, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_view_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (_atlas_briefing_write_view (job->atlas_case, &job->view, job->file, cancellable, &error))
    {
      report_progress (1.0, task);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/* The worker gets its own filter: the window's may change while the export runs. */
static AtlasFilter *
copy_filter (AtlasFilter *filter)
{
  AtlasFilter *copy;

  if (filter == NULL)
    return NULL;
  copy = atlas_filter_new ();
  atlas_filter_set_categories (copy, atlas_filter_get_categories (filter));
  atlas_filter_set_date_range (copy, atlas_filter_get_start_date (filter),
                               atlas_filter_get_end_date (filter));
  atlas_filter_set_min_reliability (copy, atlas_filter_get_min_reliability (filter));
  atlas_filter_set_contested_only (copy, atlas_filter_get_contested_only (filter));
  return copy;
}

/* ---- the object ----------------------------------------------------------------------- */

static void
atlas_briefing_exporter_dispose (GObject *object)
{
  AtlasBriefingExporter *self = ATLAS_BRIEFING_EXPORTER (object);

  g_clear_object (&self->atlas_case);
  g_clear_pointer (&self->briefing_key, g_free);

  G_OBJECT_CLASS (atlas_briefing_exporter_parent_class)->dispose (object);
}

static void
atlas_briefing_exporter_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtlasBriefingExporter *self = ATLAS_BRIEFING_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_briefing_exporter_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtlasBriefingExporter *self = ATLAS_BRIEFING_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->atlas_case = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_briefing_exporter_class_init (AtlasBriefingExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_briefing_exporter_dispose;
  object_class->get_property = atlas_briefing_exporter_get_property;
  object_class->set_property = atlas_briefing_exporter_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* How far the running export is, 0 to 1; notified on the thread that started it. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_briefing_exporter_init (AtlasBriefingExporter *self)
{
}

/**
 * atlas_briefing_exporter_new:
 * @atlas_case: the case to export from
 *
 * Returns: (transfer full): an exporter whose exports run on a worker thread
 */
AtlasBriefingExporter *
atlas_briefing_exporter_new (AtlasCase *atlas_case)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  return g_object_new (ATLAS_TYPE_BRIEFING_EXPORTER, "case", atlas_case, NULL);
}

/**
 * atlas_briefing_exporter_get_case:
 *
 * Returns: (transfer none): the case exported from
 */
AtlasCase *
atlas_briefing_exporter_get_case (AtlasBriefingExporter *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self), NULL);

  return self->atlas_case;
}

/**
 * atlas_briefing_exporter_get_progress:
 *
 * Returns: how far the export running now (or the last one) is, from 0 to 1
 */
double
atlas_briefing_exporter_get_progress (AtlasBriefingExporter *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self), 0);

  return self->progress;
}

static ExportJob *
export_job_new (AtlasBriefingExporter *self,
                GFile                 *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->atlas_case = g_object_ref (self->atlas_case);
  job->file = g_object_ref (file);
  job->briefing_key = g_strdup (self->briefing_key);
  return job;
}

/**
 * atlas_briefing_exporter_set_briefing:
 * @briefing_key: (nullable): the key of the briefing to export; %NULL for the case's first
 *
 * Chooses the briefing that atlas_briefing_exporter_export_briefing_async() writes.
 */
void
atlas_briefing_exporter_set_briefing (AtlasBriefingExporter *self,
                                      const char            *briefing_key)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self));

  g_free (self->briefing_key);
  self->briefing_key = g_strdup (briefing_key);
}

/**
 * atlas_briefing_exporter_export_briefing_async:
 * @file: the PDF to write; replaced only when the export succeeds
 * @page_width_pt: the page's width, points (%ATLAS_BRIEFING_A4_WIDTH for A4 landscape)
 * @page_height_pt: the page's height, points
 *
 * Writes the chosen briefing (atlas_briefing_exporter_set_briefing()) to a PDF, one page
 * per step, on a worker thread;
 * #AtlasBriefingExporter:progress follows it page by page.
 */
void
atlas_briefing_exporter_export_briefing_async (AtlasBriefingExporter *self,
                                               GFile                 *file,
                                               double                 page_width_pt,
                                               double                 page_height_pt,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_briefing_exporter_export_briefing_async);
  job = export_job_new (self, file);
  job->width = page_width_pt;
  job->height = page_height_pt;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  set_progress (self, 0);
  g_task_run_in_thread (task, export_briefing_thread);
}

/**
 * atlas_briefing_exporter_export_briefing_finish:
 *
 * Returns: %TRUE when the PDF was written; else %FALSE with @error set
 */
gboolean
atlas_briefing_exporter_export_briefing_finish (AtlasBriefingExporter  *self,
                                                GAsyncResult           *result,
                                                GError                **error)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_briefing_exporter_export_view_async:
 * @format: PNG or PDF
 * @filter: (nullable): show only the incidents that pass it, as the window's map does
 * @bounds: the area to show, e.g. what the window's map shows
 * @title: the page's title
 * @width_pt: the page's width, points
 * @height_pt: the page's height, points
 * @scale: for a PNG, pixels per point (2 for a sharp image); ignored for a PDF
 * @file: the file to write; replaced only when the export succeeds
 *
 * Writes one page with @title, the map of @bounds with its legend and scale bar, and the
 * sources of what the map shows as footnotes, on a worker thread.
 */
void
atlas_briefing_exporter_export_view_async (AtlasBriefingExporter *self,
                                           AtlasViewFormat        format,
                                           AtlasFilter           *filter,
                                           const AtlasBounds     *bounds,
                                           const char            *title,
                                           double                 width_pt,
                                           double                 height_pt,
                                           double                 scale,
                                           GFile                 *file,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self));
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));
  g_return_if_fail (bounds != NULL && title != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_briefing_exporter_export_view_async);
  job = export_job_new (self, file);
  job->view = (AtlasViewRequest) { format, copy_filter (filter), *bounds, g_strdup (title),
                              width_pt, height_pt, scale };
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  set_progress (self, 0);
  g_task_run_in_thread (task, export_view_thread);
}

/**
 * atlas_briefing_exporter_export_view_finish:
 *
 * Returns: %TRUE when the file was written; else %FALSE with @error set
 */
gboolean
atlas_briefing_exporter_export_view_finish (AtlasBriefingExporter  *self,
                                            GAsyncResult           *result,
                                            GError                **error)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_briefing_exporter_export_pdf:
 * @atlas_case: the case whose briefing to export
 * @briefing_key: (nullable): the briefing's key; %NULL for the case's first briefing
 * @path: the PDF to write; replaced only when the export succeeds
 * @page_width_pt: the page's width, points (%ATLAS_BRIEFING_A4_WIDTH for A4 landscape)
 * @page_height_pt: the page's height, points
 *
 * Writes the briefing to a PDF, one page per step: the case's title and the step counter,
 * the map framed on the step's subject, the caption, and the step's claims with their
 * sources as numbered footnotes. Blocks; needs no display. From a window, use
 * atlas_briefing_exporter_export_briefing_async().
 *
 * Returns: %TRUE when written; else %FALSE with @error set, naming the file and the reason
 */
gboolean
atlas_briefing_exporter_export_pdf (AtlasCase     *atlas_case,
                                    const char    *briefing_key,
                                    const char    *path,
                                    double         page_width_pt,
                                    double         page_height_pt,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return _atlas_briefing_write_pdf (atlas_case, briefing_key, file, page_width_pt,
                                    page_height_pt, NULL, NULL, cancellable, error);
}

static gboolean
export_view (AtlasCase               *atlas_case,
             const AtlasViewRequest  *request,
             const char              *path,
             GCancellable            *cancellable,
             GError                 **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return _atlas_briefing_write_view (atlas_case, request, file, cancellable, error);
}

/**
 * atlas_briefing_exporter_export_view_png:
 * @filter: (nullable): show only the incidents that pass it
 * @bounds: the area to show
 * @title: the page's title
 * @scale: pixels per point, 0.5 to 4
 * @path: the PNG to write, of @width_pt × @scale by @height_pt × @scale pixels
 *
 * Like atlas_briefing_exporter_export_view_async(), but blocks.
 *
 * Returns: %TRUE when written; else %FALSE with @error set
 */
gboolean
atlas_briefing_exporter_export_view_png (AtlasCase          *atlas_case,
                                         AtlasFilter        *filter,
                                         const AtlasBounds  *bounds,
                                         const char         *title,
                                         double              width_pt,
                                         double              height_pt,
                                         double              scale,
                                         const char         *path,
                                         GCancellable       *cancellable,
                                         GError            **error)
{
  AtlasViewRequest request = { ATLAS_VIEW_FORMAT_PNG, filter, { 0, }, (char *) title, width_pt,
                               height_pt, scale };

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (bounds != NULL && title != NULL && path != NULL, FALSE);

  request.bounds = *bounds;
  return export_view (atlas_case, &request, path, cancellable, error);
}

/**
 * atlas_briefing_exporter_export_view_pdf:
 * @filter: (nullable): show only the incidents that pass it
 * @bounds: the area to show
 * @title: the page's title
 * @path: the one-page PDF to write
 *
 * Like atlas_briefing_exporter_export_view_async(), but blocks.
 *
 * Returns: %TRUE when written; else %FALSE with @error set
 */
gboolean
atlas_briefing_exporter_export_view_pdf (AtlasCase          *atlas_case,
                                         AtlasFilter        *filter,
                                         const AtlasBounds  *bounds,
                                         const char         *title,
                                         double              width_pt,
                                         double              height_pt,
                                         const char         *path,
                                         GCancellable       *cancellable,
                                         GError            **error)
{
  AtlasViewRequest request = { ATLAS_VIEW_FORMAT_PDF, filter, { 0, }, (char *) title, width_pt,
                               height_pt, 1 };

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (bounds != NULL && title != NULL && path != NULL, FALSE);

  request.bounds = *bounds;
  return export_view (atlas_case, &request, path, cancellable, error);
}

/**
 * atlas_briefing_exporter_draw_view:
 * @filter: (nullable): show only the incidents that pass it
 * @bounds: the area to show
 * @title: the page's title
 * @cr: where to draw the page, its top-left corner at the current origin
 *
 * Draws the page of atlas_briefing_exporter_export_view_pdf() into @cr, e.g. a
 * #GtkPrintContext's in a #GtkPrintOperation::draw-page handler. Blocks while the basemap
 * is drawn.
 *
 * Returns: %TRUE when drawn; else %FALSE with @error set
 */
gboolean
atlas_briefing_exporter_draw_view (AtlasCase          *atlas_case,
                                   AtlasFilter        *filter,
                                   const AtlasBounds  *bounds,
                                   const char         *title,
                                   cairo_t            *cr,
                                   double              width_pt,
                                   double              height_pt,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  AtlasViewRequest request = { ATLAS_VIEW_FORMAT_PDF, filter, { 0, }, (char *) title, width_pt,
                               height_pt, 1 };

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (bounds != NULL && title != NULL && cr != NULL, FALSE);

  request.bounds = *bounds;
  return _atlas_briefing_draw_view (atlas_case, &request, cr, cancellable, error);
}

/**
 * atlas_briefing_exporter_run_command:
 * @out_path: the PDF to write
 * @case_path: the case file, as given on the command line
 * @briefing_title: (nullable): the title of the briefing to write (--briefing); %NULL for
 *   the case's first briefing
 *
 * `incident-atlas --export-briefing OUT.pdf CASE`: writes the case's briefing to an A4
 * landscape PDF. Needs no display. Errors go to standard error.
 *
 * Returns: the process's exit status
 */
int
atlas_briefing_exporter_run_command (const char *out_path,
                                     const char *case_path,
                                     const char *briefing_title)
{
  g_autoptr(GFile) case_file = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasRecord) briefing = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (out_path != NULL && case_path != NULL, EXIT_FAILURE);

  case_file = g_file_new_for_commandline_arg (case_path);
  atlas_case = atlas_case_open (case_file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  if (atlas_case == NULL)
    {
      g_printerr ("incident-atlas: %s: %s\n", case_path, error->message);
      return EXIT_FAILURE;
    }

  if (briefing_title != NULL
      && (briefing = atlas_case_find_briefing (atlas_case, briefing_title, &error)) == NULL)
    {
      g_printerr ("incident-atlas: %s: %s\n", case_path, error->message);
      return EXIT_FAILURE;
    }

  out_file = g_file_new_for_commandline_arg (out_path);
  if (!_atlas_briefing_write_pdf (atlas_case, briefing ? atlas_record_get_key (briefing) : NULL,
                                  out_file, ATLAS_BRIEFING_A4_WIDTH, ATLAS_BRIEFING_A4_HEIGHT,
                                  NULL, NULL, NULL, &error))
    {
      g_printerr ("incident-atlas: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
