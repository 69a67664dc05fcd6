/* atlas-widget-capture.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a realized widget, as it is on screen, into a texture or a PNG file: what
 * --screenshot and the UI tests use.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-case-file.h"
#include "atlas-widget-capture.h"

/**
 * atlas_widget_capture_texture:
 * @widget: a realized widget
 *
 * Returns: (transfer full) (nullable): the widget's current rendering, or %NULL when it
 *   has nothing to draw
 */
GdkTexture *
atlas_widget_capture_texture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (gtk_widget_get_realized (widget), NULL);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return NULL;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * atlas_widget_capture_to_png:
 *
 * Writes the widget's current rendering to @path.
 */
gboolean
atlas_widget_capture_to_png (GtkWidget   *widget,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *temp_path = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  texture = atlas_widget_capture_texture (widget);
  if (texture == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the window had nothing to draw"));
      return FALSE;
    }

  /* written beside it and renamed into place when complete: a failed or killed capture
   * leaves what was there before */
  temp_path = atlas_case_file_temp_path (path);
  if (!gdk_texture_save_to_png (texture, temp_path)
      || !atlas_case_file_replace_with (temp_path, path, NULL))
    {
      g_remove (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("could not write the PNG file"));
      return FALSE;
    }

  return TRUE;
}
