/* atlas-window-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the main window share: atlas-window.c (the case, the map, briefing
 * mode, import and export), atlas-window-edit.c (building a case: forms, undo, history)
 * and atlas-window-briefing.c (making briefings, and which one to present).
 */

#pragma once

#include <adwaita.h>

#include "atlas-briefing-panel.h"
#include "atlas-map-view.h"
#include "atlas-record-form.h"
#include "atlas-undo-stack.h"
#include "atlas-view-link.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* What an edit asks the views to read again: the map only when what it draws changed. */
typedef enum {
  ATLAS_RELOAD_SIDEBAR  = 1 << 0,
  ATLAS_RELOAD_MAP      = 1 << 1,
  ATLAS_RELOAD_TIMELINE = 1 << 2,
  ATLAS_RELOAD_ALL      = 0x7,
} AtlasViewsToReload;

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  AdwHeaderBar         *header_bar;
  AtlasBriefingPanel   *briefing_panel;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  GtkStack             *sidebar_stack;
  AdwStatusPage        *status_page;
  GtkWidget            *sidebar;
  AtlasMapView         *map_view;
  GtkBox               *content_box;
  GtkWidget            *timeline;

  GFile                *case_file;
  AtlasCase            *atlas_case;
  GCancellable         *cancellable;
  GSettings            *settings;
  AtlasSelection       *selection;
  AtlasFilter          *filter;

  char                 *initial_page;
  AtlasViewLink        *initial_link;  /* the link the window opened for, until followed */
  char                 *basemap;
  char                 *mbtiles_path;
  gboolean              sidebar_shown;
  gboolean              presenting;
  gboolean              sidebar_shown_before;
  GtkWidget            *focus_before_briefing;   /* weak */
  gboolean              case_loading;
  guint                 settle_tick_id;
  guint                 frames_since_idle;

  /* briefings (atlas-window-briefing.c) */
  GtkWidget            *briefing_editor;        /* the sidebar's briefing panel */
  AtlasFilter          *filter_before_briefing; /* the analyst's, while presenting */

  /* editing (atlas-window-edit.c) */
  AtlasUndoStack       *undo_stack;    /* when the case is writable */
  AtlasCase            *changed_case;  /* the case changed_id is connected to */
  gulong                changed_id;
  guint                 follow_id;
  AtlasViewsToReload    reload;        /* what the pending follow_id pass reloads */
};

void _atlas_window_show_toast       (AtlasWindow    *self,
                                     const char     *text);
void _atlas_window_follow_changes   (AtlasWindow    *self,
                                     AtlasViewsToReload views);
void _atlas_window_edit_class_init  (GtkWidgetClass *widget_class);
void _atlas_window_edit_set_case    (AtlasWindow    *self);
void _atlas_window_edit_dispose     (AtlasWindow    *self);
void _atlas_window_edit_init        (AtlasWindow    *self);
gboolean _atlas_window_can_edit     (AtlasWindow    *self);
AtlasRecordForm *_atlas_window_open_form (AtlasWindow *self,
                                          AtlasRecord *before,
                                          AtlasRecord *blank);
void _atlas_window_map_edit_init    (AtlasWindow    *self);
void _atlas_window_map_edit_class_init (GtkWidgetClass *widget_class);
void _atlas_window_edit_update_actions (AtlasWindow *self);
gboolean _atlas_window_apply_edit   (AtlasWindow    *self,
                                     AtlasEdit      *edit,
                                     GError        **error);
void _atlas_window_set_presenting   (AtlasWindow    *self,
                                     gboolean        presenting);
void _atlas_window_update_actions   (AtlasWindow    *self);
void _atlas_window_show_briefing_step (AtlasWindow *self,
                                       guint        position);
void _atlas_window_present_class_init (GtkWidgetClass *widget_class);
void _atlas_window_present_init     (AtlasWindow    *self);

void        _atlas_window_briefing_class_init      (GtkWidgetClass *widget_class);
void        _atlas_window_briefing_init            (AtlasWindow    *self);
void        _atlas_window_briefing_dispose         (AtlasWindow    *self);
void        _atlas_window_briefing_set_case        (AtlasWindow    *self);
void        _atlas_window_briefing_update_actions  (AtlasWindow    *self);
void        _atlas_window_briefing_present         (AtlasWindow    *self);
void        _atlas_window_briefing_show_panel      (AtlasWindow    *self,
                                                    guint           step);
gboolean    _atlas_window_briefing_frame_step      (AtlasWindow    *self,
                                                    AtlasRecord    *step,
                                                    gboolean        animate);
void        _atlas_window_briefing_presenting_changed (AtlasWindow *self,
                                                       gboolean     presenting);
const char *_atlas_window_briefing_get_key         (AtlasWindow    *self);
void _atlas_window_files_init       (AtlasWindow    *self);
void _atlas_window_files_class_init (GtkWidgetClass *widget_class);
void _atlas_window_links_init       (AtlasWindow    *self);
void _atlas_window_links_class_init (GtkWidgetClass *widget_class);
void _atlas_window_links_follow_initial (AtlasWindow *self);
void _atlas_window_links_add_to_menu (AtlasWindow   *self,
                                      GMenu         *menu);

G_END_DECLS
