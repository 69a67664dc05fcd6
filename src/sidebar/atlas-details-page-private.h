/* atlas-details-page-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-details-page.h"

G_BEGIN_DECLS

struct _AtlasDetailsPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel    *kind_label;
  GtkLabel    *title_label;
  GtkLabel    *summary_label;
  GtkWidget   *actions_box;
  GtkButton   *map_button;
  GtkButton   *link_button;
  GtkListBox  *properties_list;
  GtkWidget   *location_card;
  GtkLabel    *precision_label;
  GtkLabel    *coordinates_label;
  GtkLabel    *location_source_title;
  GtkLabel    *location_source_label;
  GtkBox      *sections_box;
  GtkWidget   *edit_buttons;  /* nullable: a read-only case has none */
  GtkEventController *stop_shortcuts;  /* nullable: a stop's Alt+Up and Alt+Down */

  /* owned */
  AtlasCase   *atlas_case;
  AtlasRecord *record;
  GHashTable  *documents;   /* key → AtlasDocument */
  GHashTable  *looked_up;   /* "kind\nkey" → AtlasRecord, read once per page */
  GHashTable  *relations;   /* claim key → GPtrArray of AtlasClaimRelation */
  char       **contested;   /* nullable: the record's contested attributes */
};

void         _atlas_details_page_add_section (AtlasDetailsPage *self,
                                              const char       *title,
                                              const char       *description,
                                              GtkWidget        *child);
void         _atlas_details_page_add_facts (AtlasDetailsPage *self);
void         _atlas_details_page_add_related (AtlasDetailsPage *self);
void         _atlas_details_page_add_edit_buttons (AtlasDetailsPage *self);
void         _atlas_details_page_add_history (AtlasDetailsPage *self);
void         _atlas_details_page_add_archived_copies (AtlasDetailsPage *self);

G_END_DECLS
