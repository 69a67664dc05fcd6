/* atlas-view-export.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Take-away slides from the window: the briefing as a PDF, the current view as a PNG or
 * PDF at a chosen size and resolution, and the current view printed. The drawing itself is
 * src/briefing's; this asks where and how, runs it off the main thread, and says how it went.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-briefing-exporter.h"
#include "atlas-case-file.h"
#include "atlas-view-export.h"
#include "atlas-window.h"

/* Page sizes in points for the view export's "Size" choice. */
static const struct {
  const char *id;
  const char *label;
  double      width;
  double      height;
} sizes[] = {
  { "a4", N_("A4, landscape"), ATLAS_BRIEFING_A4_WIDTH, ATLAS_BRIEFING_A4_HEIGHT },
  { "slide", N_("Slide, 16:9"), 960, 540 },
  { "letter", N_("US Letter, landscape"), 792, 612 },
};

static const struct {
  const char *id;
  const char *label;
  double      scale;   /* pixels per point for PNG */
} resolutions[] = {
  { "screen", N_("Screen (96 dpi)"), 96.0 / 72.0 },
  { "print", N_("Print (200 dpi)"), 200.0 / 72.0 },
  { "poster", N_("Poster (300 dpi)"), 300.0 / 72.0 },
};

typedef struct {
  GtkWindow    *parent;
  AtlasCase    *atlas_case;
  AtlasFilter  *filter;
  AtlasBounds   bounds;
  char         *title;
  char         *briefing_key; /* the briefing to export; NULL: the case's first */
  char         *path;        /* where the user asked for the file */
  char         *temp_path;   /* where it is written, beside it, until complete */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->atlas_case);
  g_clear_object (&job->filter);
  g_free (job->title);
  g_free (job->briefing_key);
  g_free (job->path);
  g_free (job->temp_path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (GtkWindow    *parent,
                AtlasCase    *atlas_case,
                AtlasFilter  *filter,
                AtlasMapView *map_view)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->parent = g_object_ref (parent);
  job->atlas_case = g_object_ref (atlas_case);
  job->filter = filter ? g_object_ref (filter) : NULL;
  job->title = g_strdup (atlas_case_get_title (atlas_case));
  if (map_view == NULL || !atlas_map_view_get_visible_bounds (map_view, &job->bounds))
    atlas_case_get_extent (atlas_case, &job->bounds);
  return job;
}

static void
report_failure (ExportJob *job,
                GError    *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* the exporter's words name the hidden file it wrote */
  message = job->temp_path != NULL
            ? atlas_case_file_name_instead (error->message, job->temp_path, job->path)
            : g_strdup (error->message);
  atlas_window_show_error (job->parent, _("Could Not Export"), message);
}

/* The file is written under a hidden name beside @file and renamed into place when
 * complete (finish_output()): a failure leaves what was there before. */
static GFile *
begin_output (ExportJob *job,
              GFile     *file)
{
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    return g_object_ref (file);
  job->temp_path = atlas_case_file_temp_path (job->path);
  return g_file_new_for_path (job->temp_path);
}

static void
finish_output (ExportJob *job,
               gboolean   written,
               GError    *error)
{
  g_autoptr(GError) local_error = NULL;

  if (written && (job->temp_path == NULL
                  || atlas_case_file_replace_with (job->temp_path, job->path, &local_error)))
    return;
  if (job->temp_path != NULL)
    g_remove (job->temp_path);
  report_failure (job, error != NULL ? error : local_error);
}

static void
briefing_finished_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  finish_output (job, atlas_briefing_exporter_export_briefing_finish (
                        ATLAS_BRIEFING_EXPORTER (source), result, &error), error);
}

static void
view_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  finish_output (job, atlas_briefing_exporter_export_view_finish (
                        ATLAS_BRIEFING_EXPORTER (source), result, &error), error);
}

/* The chooser has asked before replacing a file; the case itself, or a pipe, is still
 * refused. */
static gboolean
check_output (ExportJob *job,
              GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (atlas_case_file_check_output (file, atlas_case_get_file (job->atlas_case), NULL, NULL,
                                    TRUE, &error))
    return TRUE;
  report_failure (job, error);
  return FALSE;
}

static GtkFileChooserNative *
new_save_chooser (GtkWindow  *parent,
                  const char *title,
                  const char *name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

/* Takes @job. */
static void
export_briefing_to (ExportJob *job,
                    GFile     *file)
{
  g_autoptr(GFile) output = NULL;
  g_autoptr(AtlasBriefingExporter) exporter = NULL;

  if (!check_output (job, file))
    {
      export_job_free (job);
      return;
    }
  exporter = atlas_briefing_exporter_new (job->atlas_case);
  atlas_briefing_exporter_set_briefing (exporter, job->briefing_key);
  output = begin_output (job, file);
  atlas_briefing_exporter_export_briefing_async (exporter, output, ATLAS_BRIEFING_A4_WIDTH,
                                                 ATLAS_BRIEFING_A4_HEIGHT, NULL,
                                                 briefing_finished_cb, job);
}

static void
briefing_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    export_briefing_to (job, file);
  else
    export_job_free (job);
  g_object_unref (chooser);
}

/**
 * atlas_view_export_briefing_to_file:
 * @briefing_key: (nullable): the briefing to export; %NULL for the case's first
 *
 * Writes a briefing of the case to @file as the export dialog does once a file is chosen:
 * never over the case, under a hidden name beside @file until complete; a failure is
 * shown over @parent.
 */
void
atlas_view_export_briefing_to_file (GtkWindow  *parent,
                                    AtlasCase  *atlas_case,
                                    const char *briefing_key,
                                    GFile      *file)
{
  ExportJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ATLAS_IS_CASE (atlas_case));
  g_return_if_fail (G_IS_FILE (file));

  job = export_job_new (parent, atlas_case, NULL, NULL);
  job->briefing_key = g_strdup (briefing_key);
  export_briefing_to (job, file);
}

/**
 * atlas_view_export_briefing:
 * @briefing_key: (nullable): the briefing to export; %NULL for the case's first
 *
 * Asks where, then writes a briefing of the case as a PDF, one A4 page per step.
 */
void
atlas_view_export_briefing (GtkWindow  *parent,
                            AtlasCase  *atlas_case,
                            const char *briefing_key)
{
  g_autofree char *name = g_strconcat (atlas_case_get_title (atlas_case), ".pdf", NULL);
  GtkFileChooserNative *chooser = new_save_chooser (parent, _("Export the Briefing"), name);
  ExportJob *job = export_job_new (parent, atlas_case, NULL, NULL);

  job->briefing_key = g_strdup (briefing_key);
  g_signal_connect (chooser, "response", G_CALLBACK (briefing_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static guint
find_choice (GtkFileChooser *chooser,
             const char     *choice,
             const char     *ids[],
             guint           n_ids)
{
  const char *selected = gtk_file_chooser_get_choice (chooser, choice);

  for (guint i = 0; selected != NULL && i < n_ids; i++)
    if (g_str_equal (selected, ids[i]))
      return i;
  return 0;
}

static void
view_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ExportJob       *job)
{
  const char *size_ids[G_N_ELEMENTS (sizes)], *resolution_ids[G_N_ELEMENTS (resolutions)];
  g_autoptr(AtlasBriefingExporter) exporter = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *path = NULL;
  guint size, resolution;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    size_ids[i] = sizes[i].id;
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    resolution_ids[i] = resolutions[i].id;

  if (response != GTK_RESPONSE_ACCEPT
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL
      || !check_output (job, file))
    {
      export_job_free (job);
      g_object_unref (chooser);
      return;
    }

  size = find_choice (GTK_FILE_CHOOSER (chooser), "size", size_ids, G_N_ELEMENTS (sizes));
  resolution = find_choice (GTK_FILE_CHOOSER (chooser), "resolution", resolution_ids,
                            G_N_ELEMENTS (resolutions));
  path = g_file_get_path (file);
  output = begin_output (job, file);
  exporter = atlas_briefing_exporter_new (job->atlas_case);
  /* the name's ending says the format */
  atlas_briefing_exporter_export_view_async (exporter,
                                             path && g_str_has_suffix (path, ".pdf")
                                             ? ATLAS_VIEW_FORMAT_PDF : ATLAS_VIEW_FORMAT_PNG,
                                             job->filter, &job->bounds, job->title,
                                             sizes[size].width, sizes[size].height,
                                             resolutions[resolution].scale, output, NULL,
                                             view_finished_cb, job);
  g_object_unref (chooser);
}

static void
add_choices (GtkFileChooser *chooser)
{
  const char *size_ids[G_N_ELEMENTS (sizes) + 1] = { NULL }, *size_labels[G_N_ELEMENTS (sizes) + 1] = { NULL };
  const char *res_ids[G_N_ELEMENTS (resolutions) + 1] = { NULL };
  const char *res_labels[G_N_ELEMENTS (resolutions) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    size_ids[i] = sizes[i].id, size_labels[i] = _(sizes[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    res_ids[i] = resolutions[i].id, res_labels[i] = _(resolutions[i].label);

  gtk_file_chooser_add_choice (chooser, "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (chooser, "size", sizes[0].id);
  gtk_file_chooser_add_choice (chooser, "resolution", _("Resolution (PNG)"), res_ids,
                               res_labels);
  gtk_file_chooser_set_choice (chooser, "resolution", resolutions[1].id);
}

/**
 * atlas_view_export_view:
 *
 * Asks where, at which size and resolution, then writes what the map shows now (with
 * legend, scale, title, date and the sources of everything in view) as PNG or PDF, by the
 * name's ending.
 */
void
atlas_view_export_view (GtkWindow    *parent,
                        AtlasCase    *atlas_case,
                        AtlasFilter  *filter,
                        AtlasMapView *map_view)
{
  g_autofree char *name = g_strconcat (atlas_case_get_title (atlas_case), ".png", NULL);
  GtkFileChooserNative *chooser = new_save_chooser (parent, _("Export the View"), name);

  add_choices (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (view_chosen_cb),
                    export_job_new (parent, atlas_case, filter, map_view));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ExportJob         *job)
{
  g_autoptr(GError) error = NULL;

  if (!atlas_briefing_exporter_draw_view (job->atlas_case, job->filter, &job->bounds, job->title,
                                          gtk_print_context_get_cairo_context (context),
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context), NULL, &error))
    g_warning ("The view could not be printed: %s", error->message);
}

/**
 * atlas_view_print:
 *
 * Prints what the map shows now, on one landscape page.
 */
void
atlas_view_print (GtkWindow    *parent,
                  AtlasCase    *atlas_case,
                  AtlasFilter  *filter,
                  AtlasMapView *map_view)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  ExportJob *job = export_job_new (parent, atlas_case, filter, map_view);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "atlas-export-job", job,
                          (GDestroyNotify) export_job_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    atlas_window_show_error (parent, _("Could Not Print"), error->message);
}
