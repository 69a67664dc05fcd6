/* atlas-undo-stack.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"
#include "atlas-edit.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_UNDO_STACK (atlas_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (AtlasUndoStack, atlas_undo_stack, ATLAS, UNDO_STACK, GObject)

AtlasUndoStack *atlas_undo_stack_new            (AtlasCase      *atlas_case);
gboolean        atlas_undo_stack_apply          (AtlasUndoStack *self,
                                                 AtlasEdit      *edit,
                                                 GError        **error);
gboolean        atlas_undo_stack_undo           (AtlasUndoStack *self,
                                                 GError        **error);
gboolean        atlas_undo_stack_redo           (AtlasUndoStack *self,
                                                 GError        **error);
gboolean        atlas_undo_stack_get_can_undo   (AtlasUndoStack *self);
gboolean        atlas_undo_stack_get_can_redo   (AtlasUndoStack *self);
const char     *atlas_undo_stack_get_undo_label (AtlasUndoStack *self);
const char     *atlas_undo_stack_get_redo_label (AtlasUndoStack *self);

G_END_DECLS
