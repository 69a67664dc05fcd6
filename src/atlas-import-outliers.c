/* atlas-import-outliers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of a file being imported that look misplaced (at 0,0, on the world's edge, far
 * from all the others: atlas_outliers_find(), the rule the map's opening view follows), as
 * a line in the import preview, "3 rows look misplaced", that opens to a list naming each
 * by its line or feature and saying why. They are imported all the same.
 */

#define G_LOG_DOMAIN "atlas-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-batch.h"
#include "atlas-import-outliers.h"
#include "atlas-mercator.h"
#include "atlas-number-format.h"

/* A file with thousands of misplaced rows lists the first ones and how many more. */
#define LISTED_OUTLIERS 200

struct _AtlasImportOutliers
{
  GtkBox      parent_instance;

  /* template widgets */
  GtkExpander *expander;
  GtkLabel    *summary_label;
  GtkLabel    *note_label;
  GtkListBox  *list;

  /* owned */
  GHashTable  *outliers;   /* AtlasRecord → AtlasOutlier, for the misplaced ones */
};

G_DEFINE_FINAL_TYPE (AtlasImportOutliers, atlas_import_outliers, GTK_TYPE_BOX)

/* The incidents among @records, in file order. */
static GPtrArray *
incidents_of (GPtrArray *records)
{
  GPtrArray *incidents = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (atlas_record_get_kind (g_ptr_array_index (records, i)), "incident") == 0)
      g_ptr_array_add (incidents, g_ptr_array_index (records, i));
  return incidents;
}

static AtlasClusterPosition *
positions_of (GPtrArray *incidents)
{
  AtlasClusterPosition *positions = g_new (AtlasClusterPosition, incidents->len);

  for (guint i = 0; i < incidents->len; i++)
    {
      AtlasRecord *incident = g_ptr_array_index (incidents, i);

      positions[i].x = atlas_mercator_x_from_longitude (atlas_record_get_double (incident,
                                                                                 "longitude"));
      positions[i].y = atlas_mercator_y_from_latitude (atlas_record_get_double (incident,
                                                                                "latitude"));
      positions[i].count = 1;
    }
  return positions;
}

/* "Line 14: at 0°, 0° (often a missing location)" */
static char *
row_title (AtlasRecord  *incident,
           guint         nth,
           AtlasOutlier  outlier)
{
  const char *reason = atlas_outlier_describe (outlier);
  guint line, feature;

  atlas_import_batch_get_record_place (incident, &line, &feature);
  if (line > 0)
    /* Translators: a row of a file being imported, and why it looks misplaced */
    return g_strdup_printf (_("Line %u: %s"), line, reason);
  if (feature > 0)
    /* Translators: a feature of a GeoJSON file, and why it looks misplaced */
    return g_strdup_printf (_("Feature %u: %s"), feature, reason);
  /* Translators: the nth incident of a file, and why it looks misplaced */
  return g_strdup_printf (_("Incident %u: %s"), nth, reason);
}

static GtkWidget *
new_row (AtlasRecord  *incident,
         guint         nth,
         AtlasOutlier  outlier)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *title = row_title (incident, nth, outlier);
  const char *name = atlas_record_get_text (incident, "title");
  /* Translators: an incident's title, then its latitude and longitude in degrees */
  g_autofree char *subtitle = g_strdup_printf (_("“%s” at %.4f, %.4f"), name ? name : "",
                                               atlas_record_get_double (incident, "latitude"),
                                               atlas_record_get_double (incident, "longitude"));

  /* the title and the coordinates come from the file: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suspicious"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear_list (AtlasImportOutliers *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
add_more_row (AtlasImportOutliers *self,
              guint                n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more row",
                                                        "and %u more rows", n_more), n_more);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_append (self->list, row);
}

/* Lists the misplaced incidents, and remembers them for atlas_import_outliers_lookup(). */
static guint
list_outliers (AtlasImportOutliers *self,
               GPtrArray           *incidents,
               const AtlasOutlier  *outliers)
{
  guint n_found = 0;

  for (guint i = 0; i < incidents->len; i++)
    {
      if (outliers[i] == ATLAS_OUTLIER_NONE)
        continue;
      g_hash_table_insert (self->outliers, g_object_ref (g_ptr_array_index (incidents, i)),
                           GINT_TO_POINTER (outliers[i]));
      if (++n_found <= LISTED_OUTLIERS)
        gtk_list_box_append (self->list, new_row (g_ptr_array_index (incidents, i), i + 1,
                                                  outliers[i]));
    }
  if (n_found > LISTED_OUTLIERS)
    add_more_row (self, n_found - LISTED_OUTLIERS);
  return n_found;
}

/* Says that the rows are kept, and whether only the first part of the file was looked at. */
static void
show_summary (AtlasImportOutliers *self,
              guint                n_found,
              guint                n_checked,
              guint64              n_incidents)
{
  g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u row looks misplaced",
                                                           "%u rows look misplaced", n_found),
                                              n_found);
  g_autofree char *checked = atlas_format_count (n_checked);
  g_autofree char *all = atlas_format_count (n_incidents);
  g_autofree char *note = NULL;

  if (n_checked < n_incidents)
    /* Translators: "Of the file's 120,000 incidents, the first 9,000 were checked. …" */
    note = g_strdup_printf (_("Of the file’s %s incidents, the first %s were checked. The rows "
                              "listed are imported all the same: check their coordinates "
                              "once they are in the case."), all, checked);
  else
    note = g_strdup (_("They are imported all the same: check their coordinates once they "
                       "are in the case."));
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->note_label, note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  summary, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note, -1);
}

static void
atlas_import_outliers_finalize (GObject *object)
{
  AtlasImportOutliers *self = ATLAS_IMPORT_OUTLIERS (object);

  g_clear_pointer (&self->outliers, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_import_outliers_parent_class)->finalize (object);
}

static void
atlas_import_outliers_dispose (GObject *object)
{
  AtlasImportOutliers *self = ATLAS_IMPORT_OUTLIERS (object);

  g_hash_table_remove_all (self->outliers);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_IMPORT_OUTLIERS);

  G_OBJECT_CLASS (atlas_import_outliers_parent_class)->dispose (object);
}

static void
atlas_import_outliers_class_init (AtlasImportOutliersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_import_outliers_dispose;
  object_class->finalize = atlas_import_outliers_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-import-outliers.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasImportOutliers, expander);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportOutliers, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportOutliers, note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportOutliers, list);
}

static void
atlas_import_outliers_init (AtlasImportOutliers *self)
{
  self->outliers = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_import_outliers_set_records:
 * @records: (element-type AtlasRecord): what the preview of a file holds, in file order
 * @n_incidents: how many incidents the whole file holds: more than @records hold when the
 *   preview holds only the first part of it
 *
 * Finds the misplaced incidents among @records and lists them; shows itself only when
 * there are some.
 */
void
atlas_import_outliers_set_records (AtlasImportOutliers *self,
                                   GPtrArray           *records,
                                   guint64              n_incidents)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autofree AtlasClusterPosition *positions = NULL;
  g_autofree AtlasOutlier *outliers = NULL;
  guint n_found;

  g_return_if_fail (ATLAS_IS_IMPORT_OUTLIERS (self));
  g_return_if_fail (records != NULL);

  g_hash_table_remove_all (self->outliers);
  clear_list (self);
  incidents = incidents_of (records);
  positions = positions_of (incidents);
  outliers = atlas_outliers_find (positions, incidents->len, NULL);
  n_found = list_outliers (self, incidents, outliers);
  show_summary (self, n_found, incidents->len, MAX (n_incidents, incidents->len));
  gtk_widget_set_visible (GTK_WIDGET (self), n_found > 0);
}

/**
 * atlas_import_outliers_lookup:
 *
 * Returns: why @record looks misplaced, or %ATLAS_OUTLIER_NONE
 */
AtlasOutlier
atlas_import_outliers_lookup (AtlasImportOutliers *self,
                              AtlasRecord         *record)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_OUTLIERS (self), ATLAS_OUTLIER_NONE);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->outliers, record));
}

guint
atlas_import_outliers_get_n_outliers (AtlasImportOutliers *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_OUTLIERS (self), 0);
  return g_hash_table_size (self->outliers);
}

/**
 * atlas_import_outliers_new_tag:
 *
 * Returns: (transfer floating): a "Suspicious" tag for a row of the preview, which says why
 *   in its tooltip and to screen readers
 */
GtkWidget *
atlas_import_outliers_new_tag (AtlasOutlier outlier)
{
  const char *reason = atlas_outlier_describe (outlier);
  GtkWidget *tag, *label;

  g_return_val_if_fail (reason != NULL, NULL);

  tag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  label = gtk_label_new (_("Suspicious"));
  gtk_box_append (GTK_BOX (tag), g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "dialog-warning-symbolic",
                                               "accessible-role",
                                               GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
  gtk_box_append (GTK_BOX (tag), label);
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  gtk_widget_add_css_class (tag, "warning");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_tooltip_text (tag, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  reason, -1);
  return tag;
}
