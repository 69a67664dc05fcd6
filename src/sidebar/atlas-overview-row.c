/* atlas-overview-row.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the overview's list, which holds three kinds of item: the case itself (its
 * title, counts and summary), a section heading, and a record. List views recycle rows
 * across kinds, so the row switches between the three.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case.h"
#include "atlas-format.h"
#include "atlas-number-format.h"
#include "atlas-overview-row.h"
#include "atlas-overview-section.h"
#include "atlas-record-row.h"

struct _AtlasOverviewRow
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkLabel       *title_label;
  GtkLabel       *counts_label;
  GtkLabel       *summary_label;
  GtkLabel       *heading_label;
  GtkLabel       *detail_label;
  GtkWidget      *clear_button;
  AtlasRecordRow *record_row;
};

G_DEFINE_FINAL_TYPE (AtlasOverviewRow, atlas_overview_row, GTK_TYPE_WIDGET)

static char *
dup_counts (AtlasCase *atlas_case)
{
  AtlasCaseCounts counts;

  atlas_case_get_counts (atlas_case, &counts);
  return atlas_format_case_counts (&counts, FALSE, " · ");
}

static void
show_case (AtlasOverviewRow *self,
           AtlasCase        *atlas_case)
{
  g_autofree char *counts = dup_counts (atlas_case);

  atlas_format_set_label (self->title_label, atlas_case_get_title (atlas_case));
  atlas_format_set_label (self->counts_label, counts);
  atlas_format_set_label (self->summary_label, atlas_case_get_summary (atlas_case));
  gtk_stack_set_visible_child_name (self->stack, "case");
}

static void
show_section (AtlasOverviewRow     *self,
              AtlasOverviewSection *section)
{
  atlas_format_set_label (self->heading_label, atlas_overview_section_get_title (section));
  const char *problem = atlas_overview_section_get_problem (section);

  /* a list that cannot be read says so and why, never "0" */
  atlas_format_set_label (self->detail_label,
                          problem ? problem : atlas_overview_section_get_detail (section));
  gtk_label_set_wrap (self->detail_label, problem != NULL);
  if (problem != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
    }
  gtk_widget_set_visible (self->clear_button, atlas_overview_section_get_filtered (section));
  gtk_stack_set_visible_child_name (self->stack, "heading");
}

static void
atlas_overview_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_OVERVIEW_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_overview_row_parent_class)->dispose (object);
}

static void
atlas_overview_row_class_init (AtlasOverviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_overview_row_dispose;

  g_type_ensure (ATLAS_TYPE_RECORD_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sidebar/atlas-overview-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasOverviewRow, record_row);
}

static void
atlas_overview_row_init (AtlasOverviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_overview_row_new:
 *
 * Returns: (transfer floating): an empty row, for a list item factory
 */
GtkWidget *
atlas_overview_row_new (void)
{
  return g_object_new (ATLAS_TYPE_OVERVIEW_ROW, NULL);
}

/**
 * atlas_overview_row_set_item:
 * @item: an #AtlasCase, an #AtlasOverviewSection or an #AtlasRecord
 *
 * Shows @item in the form that suits its kind.
 */
void
atlas_overview_row_set_item (AtlasOverviewRow *self,
                             GObject          *item)
{
  g_return_if_fail (ATLAS_IS_OVERVIEW_ROW (self));

  if (ATLAS_IS_CASE (item))
    show_case (self, ATLAS_CASE (item));
  else if (ATLAS_IS_OVERVIEW_SECTION (item))
    show_section (self, ATLAS_OVERVIEW_SECTION (item));
  else if (ATLAS_IS_RECORD (item))
    {
      atlas_record_row_set_record (self->record_row, ATLAS_RECORD (item));
      gtk_stack_set_visible_child_name (self->stack, "record");
    }
  else
    g_return_if_reached ();
}

/**
 * atlas_overview_row_set_contested:
 *
 * Marks the record shown as having a contested attribute.
 */
void
atlas_overview_row_set_contested (AtlasOverviewRow *self,
                                  gboolean          contested)
{
  g_return_if_fail (ATLAS_IS_OVERVIEW_ROW (self));

  atlas_record_row_set_badge (self->record_row,
                              contested ? C_("badge", "Contested") : NULL, "contested",
                              _("The sources disagree on some of its facts"));
}

/**
 * atlas_overview_row_label_container:
 * @container: the list item that holds @self
 *
 * Names @container by the text the row shows now: the case's title, a list's heading and
 * count, or a record's title and subtitle.
 */
void
atlas_overview_row_label_container (AtlasOverviewRow *self,
                                    GtkWidget        *container)
{
  const char *shown;

  g_return_if_fail (ATLAS_IS_OVERVIEW_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (container));

  shown = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (shown, "record") == 0)
    atlas_record_row_label_container (self->record_row, container);
  else if (g_strcmp0 (shown, "heading") == 0)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (container),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    self->heading_label, self->detail_label, NULL,
                                    -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (container),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    self->title_label, NULL,
                                    -1);
}
