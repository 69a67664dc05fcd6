/* window-test-util.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures the UI tests share: waiting for a window or a map view to settle, opening a
 * case (or a copy of the sample to edit) in a window of a given size, closing a window,
 * finding a toplevel, finding a widget in a window's tree.
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-application.h"
#include "atlas-map-view.h"
#include "atlas-window.h"
#include "case-test-util.h"
#include "test-slowdown.h"

G_BEGIN_DECLS

/* How long a window or a map view may take to settle before the test fails. */
#define SETTLE_TIMEOUT_SECONDS (TEST_SLOWDOWN * 90)

AtlasApplication *window_test_new_app (void);
void         wait_settled          (AtlasWindow      *window);
void         wait_until_settled    (AtlasMapView     *map_view);
AtlasWindow *open_window_at        (AtlasApplication *app,
                                    GFile            *case_file,
                                    int               width,
                                    int               height);
AtlasWindow *open_sample_at        (AtlasApplication *app,
                                    int               width,
                                    int               height);
AtlasWindow *open_sample_copy_at   (AtlasApplication *app,
                                    CaseFiles        *files,
                                    const char       *dir_template,
                                    int               width,
                                    int               height);
void         close_window          (AtlasWindow      *window);

typedef gboolean (*WaitCondition) (gpointer data);

void         wait_for              (WaitCondition     condition,
                                    gpointer          data,
                                    const char       *what);
GtkWindow   *find_toplevel         (GType             type);

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

GtkWidget   *find_widget           (GtkWidget        *root,
                                    WidgetMatch       match,
                                    gconstpointer     data);
GtkWidget   *find_child_of_type    (GtkWidget        *root,
                                    GType             type);
GtkWidget   *find_button_labelled  (GtkWidget        *root,
                                    const char       *label);

G_END_DECLS
