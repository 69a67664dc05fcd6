/* atlas-window-files.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's ways in and out for files: importing (the file chooser, or a file dropped
 * on the window), exporting the case, saving a copy, and the briefing, view and print
 * exports.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case-exporter.h"
#include "atlas-import-dialog.h"
#include "atlas-view-export.h"
#include "atlas-window-private.h"

static void
case_imported_cb (AtlasWindow       *self,
                  AtlasImportDialog *dialog)
{
  AtlasCaseCounts counts;
  g_autofree char *message = NULL;

  /* the views follow the case's announcement of the write */
  atlas_case_get_counts (self->atlas_case, &counts);
  message = g_strdup_printf (_("Imported. The case now holds %u incidents and %u routes."),
                             counts.incidents, counts.routes);
  _atlas_window_show_toast (self, message);
}

/**
 * atlas_window_import_file:
 *
 * Opens the import preview for @file, if the case can be written to.
 */
void
atlas_window_import_file (AtlasWindow *self,
                          GFile       *file)
{
  AtlasImportDialog *dialog;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->atlas_case == NULL || atlas_case_get_read_only (self->atlas_case))
    {
      _atlas_window_show_toast (self, _("This case is read-only: create or open a case to import into"));
      return;
    }

  dialog = atlas_import_dialog_new (GTK_WINDOW (self), self->atlas_case, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (case_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    atlas_window_import_file (self, file);
  g_object_unref (chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  static const char *const suffixes[] = { "geojson", "json", "kml", "gpx", "csv" };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Incidents"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("GeoJSON, KML, GPX and CSV files"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_case_exporter_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        atlas_window_show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
      return;
    }
  _atlas_window_show_toast (self, _("Exported"));
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  AtlasExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    {
      /* the name's ending says the format: .geojson, .kml or .csv */
      if (!atlas_case_exporter_format_for_path (path, &format))
        atlas_window_show_error (GTK_WINDOW (self), _("Could Not Export"),
                                 _("Name the file .geojson, .kml or .csv to choose its format."));
      else
        atlas_case_exporter_export_async (self->atlas_case, self->filter, path, format,
                                          self->cancellable, exported_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  static const struct {
    const char *name;
    const char *suffix;
  } formats[] = {
    { N_("GeoJSON"), "geojson" }, { N_("KML (Google Earth)"), "kml" }, { N_("CSV"), "csv" },
  };
  g_autofree char *name = g_strconcat (atlas_case_get_title (self->atlas_case), ".geojson", NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_suffix (filter, formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (atlas_case_save_copy (self->atlas_case, file, &error)
          && atlas_case_get_read_only (self->atlas_case))
        {
          /* the way to edit a case that opened read-only: its copy opens for editing */
          _atlas_window_show_toast (self, _("A copy of the case was saved and opens for editing"));
          g_application_open (g_application_get_default (), &file, 1, "");
        }
      else if (error == NULL)
        _atlas_window_show_toast (self, _("A copy of the case was saved"));
      else
        atlas_window_show_error (GTK_WINDOW (self), _("Could Not Save a Copy"), error->message);
    }
  g_object_unref (chooser);
}

static void
save_copy_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *name = g_strconcat (atlas_case_get_title (self->atlas_case), ".gpkg", NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
take_away_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-briefing"))
    atlas_view_export_briefing (GTK_WINDOW (self), self->atlas_case,
                                _atlas_window_briefing_get_key (self));
  else if (g_str_equal (action_name, "win.export-view"))
    atlas_view_export_view (GTK_WINDOW (self), self->atlas_case, self->filter, self->map_view);
  else
    atlas_view_print (GTK_WINDOW (self), self->atlas_case, self->filter, self->map_view);
}

static gboolean
file_dropped_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 AtlasWindow   *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  atlas_window_import_file (self, files->data);
  return TRUE;
}

static void
add_drop_target (AtlasWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (file_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_atlas_window_files_init (AtlasWindow *self)
{
  add_drop_target (self);
}

void
_atlas_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_cb);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, take_away_cb);
  gtk_widget_class_install_action (widget_class, "win.export-view", NULL, take_away_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, take_away_cb);
}
