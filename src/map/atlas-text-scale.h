/* atlas-text-scale.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

double atlas_text_scale_of (GtkWidget *widget);

G_END_DECLS
