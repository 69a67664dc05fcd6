/* atlas-text-scale.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop's text scaling factor, which labels drawn on the map follow as GTK's own text
 * does: GNOME's text-scaling-factor reaches GTK as gtk-xft-dpi, 96 dpi times the factor.
 */

#include "config.h"

#include "atlas-text-scale.h"

#define BASE_DPI 96.0
/* gtk-xft-dpi is in 1024ths of a dot per inch */
#define XFT_DPI_UNIT 1024.0

/**
 * atlas_text_scale_of:
 * @widget: a widget, whose display's settings say the factor
 *
 * Returns: the text scaling factor, 1 when none is set
 */
double
atlas_text_scale_of (GtkWidget *widget)
{
  GtkSettings *settings;
  int xft_dpi = -1;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 1.0);

  settings = gtk_widget_get_settings (widget);
  if (settings != NULL)
    g_object_get (settings, "gtk-xft-dpi", &xft_dpi, NULL);
  if (xft_dpi <= 0)
    return 1.0;
  return CLAMP (xft_dpi / XFT_DPI_UNIT / BASE_DPI, 0.5, 4.0);
}
