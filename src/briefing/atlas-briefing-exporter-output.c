/* atlas-briefing-exporter-output.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exporter's files: the briefing's PDF, page by page, and a view's PNG or PDF, written
 * through GIO so a failed or cancelled export leaves what was there before. Runs on any
 * thread; touches no widget.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "atlas-basemap.h"
#include "atlas-briefing-exporter-private.h"
#include "atlas-briefing-pages.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-view.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-map-printer.h"

/* cairo's PDF surface takes pages up to 14400 points; a page must hold its text. */
#define MIN_PAGE_SIZE 200.0
#define MAX_PAGE_SIZE 14400.0
#define MAX_IMAGE_PIXELS 16384
#define PDF_SCALE_FACTOR 2.0

/* One renderer for every export of the process: loading the basemap takes a while, and
 * the renderer is safe to share between threads. */
static AtlasTileRenderer *
dup_default_renderer (GError **error)
{
  static GMutex mutex;
  static AtlasTileRenderer *renderer;
  /* held to the end of the function; clang would call it unused */
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);

  if (renderer == NULL)
    {
      g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_default (error);

      if (basemap != NULL)
        renderer = atlas_tile_renderer_new (basemap);
    }
  return renderer != NULL ? g_object_ref (renderer) : NULL;
}

/* Now, or SOURCE_DATE_EPOCH when set, so that builds and tests can reproduce a file. */
static GDateTime *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 seconds;

  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc (seconds);
  return g_date_time_new_now_local ();
}

static gboolean
check_page_size (double   width,
                 double   height,
                 GError **error)
{
  if (width >= MIN_PAGE_SIZE && width <= MAX_PAGE_SIZE
      && height >= MIN_PAGE_SIZE && height <= MAX_PAGE_SIZE)
    return TRUE;

  g_set_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_INVALID_SIZE,
               _("A page of %.0f × %.0f points cannot be exported: each side must be %.0f to "
                 "%.0f points"), width, height, MIN_PAGE_SIZE, MAX_PAGE_SIZE);
  return FALSE;
}

static gboolean
open_page_context (AtlasCase         *atlas_case,
                   AtlasFilter       *filter,
                   double             scale_factor,
                   AtlasPageContext  *context,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(AtlasTileRenderer) renderer = dup_default_renderer (error);
  g_autoptr(AtlasMapPrinter) printer = NULL;
  g_autoptr(GDateTime) now = export_time ();

  if (renderer == NULL
      || (printer = atlas_map_printer_new (renderer, atlas_case, filter, cancellable,
                                           error)) == NULL)
    {
      g_prefix_error (error, _("The map cannot be drawn: "));
      return FALSE;
    }
  atlas_map_printer_set_scale_factor (printer, scale_factor);
  atlas_page_context_init (context, atlas_case, printer, now);
  return TRUE;
}

/* ---- writing a file ------------------------------------------------------------------- */

/* Where cairo writes: a file replaced only once the export is complete. */
typedef struct {
  GFile         *file;
  GOutputStream *stream;
  gboolean       existed;
  GCancellable  *cancellable;
  GError        *error;
} OutputSink;

static gboolean
output_sink_open (OutputSink    *sink,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  sink->file = g_object_ref (file);
  sink->cancellable = cancellable;
  sink->existed = g_file_query_exists (file, cancellable);
  sink->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                                  G_FILE_CREATE_REPLACE_DESTINATION,
                                                  cancellable, error));
  if (sink->stream == NULL)
    g_clear_object (&sink->file);
  return sink->stream != NULL;
}

static cairo_status_t
output_sink_write (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  OutputSink *sink = closure;

  if (sink->error == NULL
      && g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                    &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

/* Keeps the file when @complete, else leaves what was there before: an existing file
 * untouched, a new one removed. */
static gboolean
output_sink_close (OutputSink  *sink,
                   gboolean     complete,
                   GError     **error)
{
  g_autoptr(GCancellable) abandon = NULL;
  gboolean ok = complete;

  if (sink->stream != NULL && complete)
    ok = g_output_stream_close (sink->stream, sink->cancellable, error);
  else if (sink->stream != NULL)
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (sink->stream, abandon, NULL);
    }
  if (!ok && sink->stream != NULL && !sink->existed)
    g_file_delete (sink->file, NULL, NULL);

  g_clear_object (&sink->stream);
  g_clear_object (&sink->file);
  g_clear_error (&sink->error);
  return ok;
}

/* After cairo has finished the surface: did every byte reach the file? */
static gboolean
check_written (OutputSink      *sink,
               cairo_status_t   status,
               GError         **error)
{
  g_autofree char *name = NULL;

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  name = g_file_get_parse_name (sink->file);
  g_set_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_FAILED,
               _("“%s” could not be written: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

/* ---- the briefing --------------------------------------------------------------------- */

static void
set_pdf_metadata (cairo_surface_t *surface,
                  AtlasCase       *atlas_case,
                  const char      *subject)
{
  g_autoptr(GDateTime) now = export_time ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  const char *title = atlas_case_get_title (atlas_case);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Incident Atlas " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static void
add_outline_entry (cairo_surface_t  *surface,
                   AtlasPageContext *context,
                   AtlasRecord      *step,
                   guint             index)
{
  g_autofree char *name = atlas_briefing_step_outline (context, step, index);
  g_autofree char *link = g_strdup_printf ("page=%u", index + 1);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

/* What a step's map shows of the incidents: its date range and filters, as text. */
static char *
describe_step_filter (AtlasRecord *step)
{
  const char *parts[] = { atlas_record_get_text (step, "start_date"),
                          atlas_record_get_text (step, "end_date"),
                          atlas_record_get_text (step, "filters") };

  return g_strdup_printf ("%s\n%s\n%s", parts[0] ? parts[0] : "", parts[1] ? parts[1] : "",
                          parts[2] ? parts[2] : "");
}

/* A step made from a view shows the incidents its date range and filters let through, as
 * presenting it does: the map is loaded again when a step's filter is not the one the page
 * before had. @shown is that filter's description. */
static gboolean
follow_step_filter (AtlasPageContext  *context,
                    AtlasRecord       *step,
                    guint              index,
                    char             **shown,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *wanted = describe_step_filter (step);
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  if (g_strcmp0 (wanted, *shown) == 0)
    return TRUE;
  filter = atlas_filter_new ();
  if (!atlas_briefing_view_restore_filter (step, filter, error))
    {
      g_prefix_error (error, _("Step %u: "), index + 1);
      return FALSE;
    }
  atlas_case = g_object_ref (context->atlas_case);
  atlas_page_context_clear (context);
  if (!open_page_context (atlas_case, filter, PDF_SCALE_FACTOR, context, cancellable, error))
    return FALSE;
  g_free (*shown);
  *shown = g_steal_pointer (&wanted);
  return TRUE;
}

static gboolean
draw_steps (AtlasPageContext  *context,
            GListModel        *steps,
            cairo_surface_t   *surface,
            double             width,
            double             height,
            AtlasProgressFunc  progress,
            gpointer           progress_data,
            GCancellable      *cancellable,
            GError           **error)
{
  guint n_steps = g_list_model_get_n_items (steps);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *shown = g_strdup ("\n\n");   /* the context opens unfiltered */
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < n_steps; i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);

      ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
           && follow_step_filter (context, step, i, &shown, cancellable, error)
           && atlas_briefing_draw_step (context, step, i, n_steps, cr, width, height,
                                        cancellable, error);
      if (!ok)
        break;
      add_outline_entry (surface, context, step, i);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((i + 1.0) / n_steps, progress_data);
    }
  cairo_destroy (cr);
  return ok;
}

static GListModel *
list_steps (AtlasCase   *atlas_case,
            const char  *briefing_key,
            GError     **error)
{
  g_autoptr(GListModel) steps = atlas_case_list_briefing_steps (atlas_case, briefing_key, error);
  g_autofree char *name = NULL;

  if (steps == NULL || g_list_model_get_n_items (steps) > 0)
    return g_steal_pointer (&steps);

  name = atlas_case_get_file (atlas_case) ? g_file_get_basename (atlas_case_get_file (atlas_case))
                                          : g_strdup (atlas_case_get_title (atlas_case));
  g_set_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_NO_STEPS,
               _("The case “%s” has no briefing to export"), name);
  return NULL;
}

/**
 * _atlas_briefing_write_pdf:
 * @progress: (nullable): called after each page, with how far the export is
 *
 * @briefing_key: (nullable): the briefing's key; %NULL for the case's first
 *
 * Writes a briefing of @atlas_case to @file, one page per step.
 */
gboolean
_atlas_briefing_write_pdf (AtlasCase          *atlas_case,
                           const char         *briefing_key,
                           GFile              *file,
                           double              width,
                           double              height,
                           AtlasProgressFunc   progress,
                           gpointer            progress_data,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GListModel) steps = NULL;
  AtlasPageContext context = { 0, };
  OutputSink sink = { 0, };
  cairo_surface_t *surface;
  gboolean ok;

  if (!check_page_size (width, height, error)
      || (steps = list_steps (atlas_case, briefing_key, error)) == NULL
      || !open_page_context (atlas_case, NULL, PDF_SCALE_FACTOR, &context, cancellable, error))
    return FALSE;
  if (!output_sink_open (&sink, file, cancellable, error))
    {
      atlas_page_context_clear (&context);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (output_sink_write, &sink, width, height);
  set_pdf_metadata (surface, atlas_case, _("Briefing"));
  ok = draw_steps (&context, steps, surface, width, height, progress, progress_data,
                   cancellable, error);
  cairo_surface_finish (surface);
  ok = ok && check_written (&sink, cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  atlas_page_context_clear (&context);
  return output_sink_close (&sink, ok, ok ? error : NULL) && ok;
}

/* ---- a view --------------------------------------------------------------------------- */

static gboolean
check_view_request (const AtlasViewRequest  *request,
                    GError                 **error)
{
  if (!check_page_size (request->width, request->height, error))
    return FALSE;
  if (request->format == ATLAS_VIEW_FORMAT_PNG
      && (!(request->scale >= 0.5 && request->scale <= 4)
          || ceil (MAX (request->width, request->height) * request->scale) > MAX_IMAGE_PIXELS))
    {
      g_set_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_INVALID_SIZE,
                   _("An image of %.0f × %.0f points at %g pixels per point cannot be exported: "
                     "use 0.5 to 4 pixels per point, and at most %d pixels a side"),
                   request->width, request->height, request->scale, MAX_IMAGE_PIXELS);
      return FALSE;
    }
  if (atlas_bounds_is_empty (&request->bounds))
    {
      g_set_error (error, ATLAS_BRIEFING_ERROR, ATLAS_BRIEFING_ERROR_FAILED,
                   _("The view to export shows no area"));
      return FALSE;
    }
  return TRUE;
}

static cairo_surface_t *
create_view_surface (const AtlasViewRequest *request,
                     OutputSink             *sink)
{
  cairo_surface_t *surface;

  if (request->format == ATLAS_VIEW_FORMAT_PDF)
    return cairo_pdf_surface_create_for_stream (output_sink_write, sink, request->width,
                                                request->height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (request->width * request->scale),
                                        (int) ceil (request->height * request->scale));
  cairo_surface_set_device_scale (surface, request->scale, request->scale);
  return surface;
}

static gboolean
draw_view_page (AtlasPageContext        *context,
                const AtlasViewRequest  *request,
                cairo_surface_t         *surface,
                GCancellable            *cancellable,
                GError                 **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ok = atlas_briefing_draw_view (context, &request->bounds, request->title, cr, request->width,
                                 request->height, cancellable, error);
  if (ok && request->format == ATLAS_VIEW_FORMAT_PDF)
    cairo_show_page (cr);
  cairo_destroy (cr);
  return ok;
}

static gboolean
finish_view_surface (const AtlasViewRequest  *request,
                     cairo_surface_t         *surface,
                     OutputSink              *sink,
                     GError                 **error)
{
  cairo_status_t status;

  if (request->format == ATLAS_VIEW_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, output_sink_write, sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  return check_written (sink, status, error);
}

/**
 * _atlas_briefing_write_view:
 *
 * Writes one page of @request's view to @file, as a PNG or a PDF.
 */
gboolean
_atlas_briefing_write_view (AtlasCase               *atlas_case,
                            const AtlasViewRequest  *request,
                            GFile                   *file,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  double scale_factor = request->format == ATLAS_VIEW_FORMAT_PNG
                        ? CLAMP (ceil (request->scale), 1, 4) : PDF_SCALE_FACTOR;
  AtlasPageContext context = { 0, };
  OutputSink sink = { 0, };
  cairo_surface_t *surface;
  gboolean ok;

  if (!check_view_request (request, error)
      || !open_page_context (atlas_case, request->filter, scale_factor, &context, cancellable,
                             error))
    return FALSE;
  if (!output_sink_open (&sink, file, cancellable, error))
    {
      atlas_page_context_clear (&context);
      return FALSE;
    }

  surface = create_view_surface (request, &sink);
  if (request->format == ATLAS_VIEW_FORMAT_PDF)
    set_pdf_metadata (surface, atlas_case, request->title);
  ok = draw_view_page (&context, request, surface, cancellable, error)
       && finish_view_surface (request, surface, &sink, error);
  cairo_surface_destroy (surface);

  atlas_page_context_clear (&context);
  return output_sink_close (&sink, ok, ok ? error : NULL) && ok;
}

/**
 * _atlas_briefing_draw_view:
 *
 * Draws the page of @request's view into @cr, e.g. a print job's.
 */
gboolean
_atlas_briefing_draw_view (AtlasCase               *atlas_case,
                           const AtlasViewRequest  *request,
                           cairo_t                 *cr,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  AtlasPageContext context = { 0, };
  gboolean ok;

  if (!check_page_size (request->width, request->height, error)
      || !open_page_context (atlas_case, request->filter, PDF_SCALE_FACTOR, &context,
                             cancellable, error))
    return FALSE;
  ok = atlas_briefing_draw_view (&context, &request->bounds, request->title, cr, request->width,
                                 request->height, cancellable, error);
  atlas_page_context_clear (&context);
  return ok;
}
