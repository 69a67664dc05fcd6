/* atlas-import-dialog.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bringing a file into a case: the file is read off the main thread with a progress bar
 * (a CSV file not in ACLED's layout first asks which columns hold what), then previewed
 * (what it holds, its first records, the rows that look misplaced, every problem with its
 * line) before anything is written; Import writes the good records in one transaction on a
 * worker thread, with a progress bar and a Cancel that leaves the case as it was. Emits
 * "imported" when the case has changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-column-mapping.h"
#include "atlas-format.h"
#include "atlas-number-format.h"
#include "atlas-import-dialog.h"
#include "atlas-import-outliers.h"
#include "atlas-import-plan.h"
#include "atlas-window.h"

#define PREVIEW_ROWS 8
#define LISTED_PROBLEMS 200

struct _AtlasImportDialog
{
  AdwWindow        parent_instance;

  GtkButton       *import_button;
  GtkButton       *cancel_button;
  GtkStack        *stack;
  AtlasColumnMapping *column_mapping;
  GtkLabel        *loading_label;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *error_page;
  GtkWidget       *open_case_button;
  GtkLabel        *summary_label;
  AtlasImportOutliers *outliers;
  GtkListBox      *preview_list;
  GtkWidget       *problems_box;
  GtkLabel        *problems_heading;
  GtkListBox      *problems_list;

  AtlasCase       *atlas_case;
  AtlasImportPlan *plan;
  GCancellable    *cancellable;
  gboolean         loaded;
  gboolean         writing;
};

G_DEFINE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (AtlasImportDialog *self,
            const char        *message)
{
  /* AdwStatusPage descriptions are markup; the message names the file */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/* A plain-text row: case and file text is never markup. */
static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL && *subtitle != '\0')
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  return box;
}

static void
fill_preview (AtlasImportDialog *self)
{
  g_autoptr(GListModel) preview = atlas_import_plan_get_preview (self->plan, PREVIEW_ROWS);

  for (guint i = 0; i < g_list_model_get_n_items (preview); i++)
    {
      g_autoptr(AtlasRecord) record = g_list_model_get_item (preview, i);
      const char *kind = atlas_record_get_kind (record);
      gboolean route = g_str_equal (kind, "route");
      const char *title = atlas_record_get_text (record, route ? "name" : "title");
      const char *when = route ? atlas_record_get_text (record, "status")
                               : atlas_record_get_text (record, "start_time");
      GtkWidget *row = text_row (title ? title : "", when);
      AtlasOutlier outlier = atlas_import_outliers_lookup (self->outliers, record);

      if (outlier != ATLAS_OUTLIER_NONE)
        gtk_box_append (GTK_BOX (row), atlas_import_outliers_new_tag (outlier));
      gtk_list_box_append (self->preview_list, row);
    }
}

static void
fill_problems (AtlasImportDialog *self)
{
  GPtrArray *problems = atlas_import_plan_get_problems (self->plan);
  g_autofree char *heading = NULL;

  gtk_widget_set_visible (self->problems_box, problems->len > 0);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u record will be skipped",
                                          "%u records will be skipped", problems->len),
                             problems->len);
  gtk_label_set_text (self->problems_heading, heading);

  for (guint i = 0; i < MIN (problems->len, LISTED_PROBLEMS); i++)
    {
      g_autofree char *text = atlas_import_problem_to_string (g_ptr_array_index (problems, i));

      gtk_list_box_append (self->problems_list, text_row (text, NULL));
    }
}

static void
show_preview (AtlasImportDialog *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *what = NULL;
  AtlasCaseCounts counts;

  atlas_import_plan_get_counts (self->plan, &counts);
  what = atlas_format_case_counts (&counts, TRUE, ", ");
  /* Translators: "GeoJSON file: 3 incidents, 1 route with 4 waypoints, 1 source, 9 claims
   * can be imported. …" */
  summary = g_strdup_printf (_("%s file: %s can be imported. Nothing is written until you "
                               "choose Import."),
                             atlas_import_plan_get_format_label (self->plan), what);
  gtk_label_set_text (self->summary_label, summary);
  atlas_import_outliers_set_records (self->outliers, atlas_import_plan_get_records (self->plan),
                                     counts.incidents);
  fill_preview (self);
  fill_problems (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            counts.incidents + counts.routes > 0);
}

static void
show_mapping (AtlasImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = atlas_import_plan_read_csv_header (atlas_import_plan_get_file (self->plan),
                                                            &error);

  if (header == NULL)
    {
      show_error (self, error->message);
      return;
    }
  atlas_column_mapping_set_columns (self->column_mapping, (const char * const *) header);
  gtk_button_set_label (self->import_button, _("_Continue"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static void plan_loaded_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);
static void fraction_changed_cb (AtlasImportDialog *self);

static gpointer
unref_in_thread (gpointer object)
{
  g_object_unref (object);
  return NULL;
}

/* A plan of a million records takes seconds to free: not on the main thread. */
static void
free_plan (AtlasImportDialog *self)
{
  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->plan, self);
  g_thread_unref (g_thread_new ("atlas-free-plan", unref_in_thread,
                                g_steal_pointer (&self->plan)));
}

/* Reads the file afresh, with a mapping when one was chosen. */
static void
load_plan (AtlasImportDialog     *self,
           GFile                 *file,
           const AtlasCsvMapping *mapping)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *reading = g_strdup_printf (_("Reading “%s”…"), name);

  free_plan (self);
  self->plan = atlas_import_plan_new (file, mapping);
  gtk_label_set_text (self->loading_label, reading);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_signal_connect_object (self->plan, "notify::fraction", G_CALLBACK (fraction_changed_cb),
                           self, G_CONNECT_SWAPPED);
  atlas_import_plan_load_async (self->plan, self->cancellable, plan_loaded_cb,
                                g_object_ref (self));
}

static void
continue_with_mapping (AtlasImportDialog *self)
{
  g_autoptr(GFile) file = g_object_ref (atlas_import_plan_get_file (self->plan));
  AtlasCsvMapping mapping;

  atlas_column_mapping_get_mapping (self->column_mapping, &mapping);
  gtk_button_set_label (self->import_button, _("_Import"));
  load_plan (self, file, &mapping);
}

static void
plan_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_import_plan_load_finish (ATLAS_IMPORT_PLAN (source), result, &error))
    {
      if (g_error_matches (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NEEDS_MAPPING))
        show_mapping (self);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      /* a case file: what the user wants is most likely to open it */
      gtk_widget_set_visible (self->open_case_button,
                              g_error_matches (error, ATLAS_IMPORT_ERROR,
                                               ATLAS_IMPORT_ERROR_CASE_FILE));
      return;
    }
  self->loaded = TRUE;
  show_preview (self);
}

static void
fraction_changed_cb (AtlasImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, atlas_import_plan_get_fraction (self->plan));
}

/* Opens the file given to import as a case, in a window of its own. */
static void
open_case_clicked_cb (AtlasImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  AtlasWindow *window;

  if (ATLAS_IS_APPLICATION (app))
    {
      window = atlas_window_new (ATLAS_APPLICATION (app),
                                 atlas_import_plan_get_file (self->plan));
      atlas_window_restore_state (window, atlas_application_get_settings (ATLAS_APPLICATION (app)));
      gtk_window_present (GTK_WINDOW (window));
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (AtlasImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_clicked_cb (AtlasImportDialog *self)
{
  atlas_import_dialog_confirm (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean applied = atlas_import_plan_apply_finish (ATLAS_IMPORT_PLAN (source), result, &error);

  self->writing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  if (applied)
    g_signal_emit (self, signals[IMPORTED], 0);
  if (applied || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_close (GTK_WINDOW (self));
  else
    show_error (self, error->message);
}

static void
start_writing (AtlasImportDialog *self)
{
  g_autofree char *writing = NULL;
  AtlasCaseCounts counts;

  atlas_import_plan_get_counts (self->plan, &counts);
  writing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Writing %u incident into the case…",
                                          "Writing %u incidents into the case…",
                                          counts.incidents), counts.incidents);
  gtk_label_set_text (self->loading_label, writing);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);

  /* Choosing Import with problems listed is accepting that those records are skipped. */
  atlas_import_plan_set_problems_accepted (self->plan, TRUE);
  self->writing = TRUE;
  atlas_import_plan_apply_async (self->plan, self->atlas_case, self->cancellable, applied_cb,
                                 g_object_ref (self));
}

/**
 * atlas_import_dialog_confirm:
 *
 * Does what the suggested button does: goes on with the chosen columns, or starts writing
 * what the preview shows. "imported" is emitted when the write has ended well.
 */
void
atlas_import_dialog_confirm (AtlasImportDialog *self)
{
  const char *page;

  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "mapping") == 0)
    continue_with_mapping (self);
  else if (self->loaded && !self->writing)
    start_writing (self);
}

/**
 * atlas_import_dialog_get_page:
 *
 * Returns: what the dialog shows: "loading" (reading or writing), "mapping", "preview" or
 *   "error"
 */
const char *
atlas_import_dialog_get_page (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * atlas_import_dialog_get_column_mapping:
 *
 * Returns: (transfer none): the column choices a CSV file not in ACLED's layout asks for
 */
AtlasColumnMapping *
atlas_import_dialog_get_column_mapping (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), NULL);
  return self->column_mapping;
}

static void
report_chosen_cb (GtkNativeDialog   *chooser,
                  int                response,
                  AtlasImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && !atlas_import_plan_save_report (self->plan, file, &error))
    show_error (self, error->message);
  g_object_unref (chooser);
}

static void
save_report_clicked_cb (AtlasImportDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Import Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("import-problems.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (report_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* While writing, closing cancels the write and waits for it to roll back, then closes. */
static gboolean
atlas_import_dialog_close_request (GtkWindow *window)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  if (self->writing)
    {
      gtk_label_set_text (self->loading_label, _("Cancelling; the case stays as it was…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (atlas_import_dialog_parent_class)->close_request (window);
}

static void
atlas_import_dialog_dispose (GObject *object)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  free_plan (self);
  g_clear_object (&self->atlas_case);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (atlas_import_dialog_parent_class)->dispose (object);
}

static void
atlas_import_dialog_class_init (AtlasImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = atlas_import_dialog_close_request;

  /* Escape is Cancel, as in every dialog: closing cancels what is under way */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * AtlasImportDialog::imported:
   *
   * The file's records are now in the case.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, column_mapping);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, open_case_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, outliers);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_case_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_report_clicked_cb);
}

static void
atlas_import_dialog_init (AtlasImportDialog *self)
{
  g_type_ensure (ATLAS_TYPE_COLUMN_MAPPING);
  g_type_ensure (ATLAS_TYPE_IMPORT_OUTLIERS);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_format_name_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * atlas_import_dialog_new:
 *
 * Starts reading @file at once.
 *
 * Returns: (transfer none): the dialog, to present
 */
AtlasImportDialog *
atlas_import_dialog_new (GtkWindow *parent,
                         AtlasCase *atlas_case,
                         GFile     *file)
{
  AtlasImportDialog *self = g_object_new (ATLAS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Import “%s”"), name);

  self->atlas_case = g_object_ref (atlas_case);
  gtk_window_set_title (GTK_WINDOW (self), title);
  load_plan (self, file, NULL);
  return self;
}

gboolean
atlas_import_dialog_is_loaded (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), FALSE);
  return self->loaded;
}

guint
atlas_import_dialog_get_n_problems (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), 0);
  return self->plan ? atlas_import_plan_get_n_problems (self->plan) : 0;
}
