/* atlas-window-present.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window presenting a briefing: full screen, the caption card over the map, each step
 * framed as the printed briefing frames it, and the keys a presenter reaches for.
 */

#include "config.h"

#include "atlas-briefing-panel.h"
#include "atlas-map-framing.h"
#include "atlas-map-view.h"
#include "atlas-window-private.h"

/* Brings the step's subject into view as the printed briefing frames it (atlas-map-framing),
 * in the part of the map the caption and the legend leave free, and selects the record it
 * is about. */
static void
frame_briefing_step (AtlasWindow *self,
                     gboolean     animate)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_panel_get_step (self->briefing_panel);
  g_autoptr(AtlasRecord) subject = NULL;
  const char *kind;
  AtlasBounds bounds;

  if (step == NULL || _atlas_window_briefing_frame_step (self, step, animate)
      || !atlas_map_framing_step_bounds (self->atlas_case, step, &bounds, NULL))
    return;

  atlas_map_view_frame_subject (self->map_view, &bounds, animate);
  kind = atlas_record_get_text (step, "subject_kind");
  if (g_strcmp0 (kind, "extent") != 0)
    subject = atlas_case_lookup (self->atlas_case, kind,
                                 atlas_record_get_text (step, "subject_key"), NULL);
  atlas_selection_select (self->selection, subject, ATLAS_SELECTION_NONE);
}

/* The caption card keeps within the map, whatever its size. */
static void
map_resized_cb (AtlasWindow *self,
                int          width,
                int          height)
{
  atlas_briefing_panel_set_room (self->briefing_panel, width, height);
}

static void
briefing_position_changed_cb (AtlasWindow *self)
{
  if (!self->presenting)
    return;
  frame_briefing_step (self, TRUE);
  /* a screen reader reads the step it lands on */
  gtk_widget_grab_focus (GTK_WIDGET (self->briefing_panel));
}

/* The caption has the focus while presenting, so a screen reader reads each step; leaving
 * gives the focus back to where it was. */
static void
move_focus_for_briefing (AtlasWindow *self,
                         gboolean     presenting)
{
  if (presenting)
    {
      g_set_weak_pointer (&self->focus_before_briefing, gtk_root_get_focus (GTK_ROOT (self)));
      gtk_widget_grab_focus (GTK_WIDGET (self->briefing_panel));
      return;
    }
  if (self->focus_before_briefing != NULL && gtk_widget_get_mapped (self->focus_before_briefing))
    gtk_widget_grab_focus (self->focus_before_briefing);
  g_clear_weak_pointer (&self->focus_before_briefing);
}

void
_atlas_window_set_presenting (AtlasWindow *self,
                              gboolean     presenting)
{
  if (self->presenting == presenting)
    return;

  _atlas_window_briefing_presenting_changed (self, presenting);
  /* loaded before presenting, so going back to step 1 does not also start a flight */
  if (presenting)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
      int height = gtk_widget_get_height (GTK_WIDGET (self->map_view));

      if (width > 0 && height > 0)
        atlas_briefing_panel_set_room (self->briefing_panel, width, height);
      atlas_briefing_panel_set_case (self->briefing_panel, self->atlas_case);
    }
  self->presenting = presenting;
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->briefing_panel), presenting);
  gtk_widget_set_visible (self->timeline, !presenting);
  /* the caption covers part of the map: frame in the rest, without the map's buttons */
  atlas_map_view_set_caption (self->map_view,
                              presenting ? GTK_WIDGET (self->briefing_panel) : NULL);
  atlas_map_view_set_controls_shown (self->map_view, !presenting);
  if (presenting)
    {
      self->sidebar_shown_before = self->sidebar_shown;
      g_object_set (self, "sidebar-shown", FALSE, NULL);
      frame_briefing_step (self, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      g_object_set (self, "sidebar-shown", self->sidebar_shown_before, NULL);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  move_focus_for_briefing (self, presenting);
  _atlas_window_update_actions (self);
}

static void
present_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  _atlas_window_briefing_present (ATLAS_WINDOW (widget));
}

static void
leave_briefing_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _atlas_window_set_presenting (ATLAS_WINDOW (widget), FALSE);
}

static void
briefing_step_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  guint position = atlas_briefing_panel_get_position (self->briefing_panel);

  if (g_str_equal (action_name, "win.briefing-next"))
    atlas_briefing_panel_set_position (self->briefing_panel, position + 1);
  else if (position > 0)
    atlas_briefing_panel_set_position (self->briefing_panel, position - 1);
}

/* What presentation clickers send, and the keys a presenter reaches for. In the capture
 * phase, so the map does not pan on the arrows; only while presenting, when the actions
 * are enabled. */
static void
add_briefing_shortcuts (AtlasWindow *self)
{
  static const struct {
    guint       key;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "win.briefing-next" }, { GDK_KEY_Down, "win.briefing-next" },
    { GDK_KEY_Page_Down, "win.briefing-next" }, { GDK_KEY_space, "win.briefing-next" },
    { GDK_KEY_Left, "win.briefing-previous" }, { GDK_KEY_Up, "win.briefing-previous" },
    { GDK_KEY_Page_Up, "win.briefing-previous" }, { GDK_KEY_BackSpace, "win.briefing-previous" },
    { GDK_KEY_Escape, "win.leave-briefing" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Opens the briefing at @position, framed at once, with no flight to it */
void
_atlas_window_show_briefing_step (AtlasWindow *self,
                                  guint        position)
{
  g_signal_handlers_block_by_func (self->briefing_panel, briefing_position_changed_cb, self);
  atlas_briefing_panel_set_position (self->briefing_panel, position);
  g_signal_handlers_unblock_by_func (self->briefing_panel, briefing_position_changed_cb, self);
  frame_briefing_step (self, FALSE);
}

void
_atlas_window_present_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, briefing_position_changed_cb);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_cb);
  gtk_widget_class_install_action (widget_class, "win.leave-briefing", NULL, leave_briefing_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-next", NULL, briefing_step_cb);
  gtk_widget_class_install_action (widget_class, "win.briefing-previous", NULL,
                                   briefing_step_cb);
}

void
_atlas_window_present_init (AtlasWindow *self)
{
  g_signal_connect_object (self->map_view, "resized", G_CALLBACK (map_resized_cb), self,
                           G_CONNECT_SWAPPED);
  add_briefing_shortcuts (self);
}
