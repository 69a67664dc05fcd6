/* atlas-undo-stack.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits made to one case in this session, for Undo and Redo. Undo applies an edit's
 * inverse as an edit of its own, so the case's history records it too and only grows;
 * it goes back as far as the case was when it was opened.
 */

#include "config.h"

#include "atlas-undo-stack.h"

struct _AtlasUndoStack
{
  GObject    parent_instance;

  AtlasCase *atlas_case;
  GPtrArray *done;          /* AtlasEdit, applied, oldest first */
  GPtrArray *undone;        /* AtlasEdit, undone, most recently undone last */
};

G_DEFINE_FINAL_TYPE (AtlasUndoStack, atlas_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_state (AtlasUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static AtlasEdit *
last_of (GPtrArray *edits)
{
  return edits->len > 0 ? g_ptr_array_index (edits, edits->len - 1) : NULL;
}

static void
atlas_undo_stack_finalize (GObject *object)
{
  AtlasUndoStack *self = ATLAS_UNDO_STACK (object);

  g_clear_object (&self->atlas_case);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->undone, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_undo_stack_parent_class)->finalize (object);
}

static void
atlas_undo_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasUndoStack *self = ATLAS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, atlas_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, atlas_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_undo_stack_class_init (AtlasUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_undo_stack_finalize;
  object_class->get_property = atlas_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_undo_stack_init (AtlasUndoStack *self)
{
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
  self->undone = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasUndoStack *
atlas_undo_stack_new (AtlasCase *atlas_case)
{
  AtlasUndoStack *self;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  self = g_object_new (ATLAS_TYPE_UNDO_STACK, NULL);
  self->atlas_case = g_object_ref (atlas_case);
  return self;
}

/**
 * atlas_undo_stack_apply:
 *
 * Applies a new edit to the case; once applied it can be undone, and what was undone
 * before can no longer be redone.
 */
gboolean
atlas_undo_stack_apply (AtlasUndoStack  *self,
                        AtlasEdit       *edit,
                        GError         **error)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_EDIT (edit), FALSE);

  if (!atlas_case_apply_edit (self->atlas_case, edit, error))
    return FALSE;
  g_ptr_array_add (self->done, g_object_ref (edit));
  g_ptr_array_set_size (self->undone, 0);
  notify_state (self);
  return TRUE;
}

/* Applies the inverse of the last edit of @from and moves that edit to @to. When the case
 * changed meanwhile (another window), nothing is written and the edit stays. */
static gboolean
move_last (AtlasUndoStack  *self,
           GPtrArray       *from,
           GPtrArray       *to,
           GError         **error)
{
  g_autoptr(AtlasEdit) inverse = NULL;

  if (from->len == 0)
    return TRUE;
  inverse = atlas_edit_invert (last_of (from));
  if (!atlas_case_apply_edit (self->atlas_case, inverse, error))
    return FALSE;
  g_ptr_array_add (to, g_steal_pointer (&inverse));
  g_ptr_array_remove_index (from, from->len - 1);
  notify_state (self);
  return TRUE;
}

gboolean
atlas_undo_stack_undo (AtlasUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), FALSE);
  return move_last (self, self->done, self->undone, error);
}

gboolean
atlas_undo_stack_redo (AtlasUndoStack  *self,
                       GError         **error)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), FALSE);
  return move_last (self, self->undone, self->done, error);
}

gboolean
atlas_undo_stack_get_can_undo (AtlasUndoStack *self)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), FALSE);
  return self->done->len > 0;
}

gboolean
atlas_undo_stack_get_can_redo (AtlasUndoStack *self)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), FALSE);
  return self->undone->len > 0;
}

/* Returns: (nullable): the label of the edit Undo would undo */
const char *
atlas_undo_stack_get_undo_label (AtlasUndoStack *self)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), NULL);
  return last_of (self->done) ? atlas_edit_get_label (last_of (self->done)) : NULL;
}

/* Returns: (nullable): the label of the edit Redo would apply again */
const char *
atlas_undo_stack_get_redo_label (AtlasUndoStack *self)
{
  g_return_val_if_fail (ATLAS_IS_UNDO_STACK (self), NULL);
  return last_of (self->undone) ? atlas_edit_get_label (last_of (self->undone)) : NULL;
}
