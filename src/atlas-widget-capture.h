/* atlas-widget-capture.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture *atlas_widget_capture_texture (GtkWidget   *widget);
gboolean    atlas_widget_capture_to_png  (GtkWidget   *widget,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
