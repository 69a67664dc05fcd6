/* atlas-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit of a case, as a list of steps: each step is a record before and after (no
 * "before" adds it, no "after" removes it). It says nothing of how a store keeps records,
 * so any store can apply it (atlas_case_apply_edit()); its inverse is the same steps
 * swapped and in reverse order, which is what undo applies.
 */

#include "config.h"

#include "atlas-edit.h"

typedef struct {
  AtlasRecord *before;     /* owned, nullable */
  AtlasRecord *after;      /* owned, nullable */
} Step;

struct _AtlasEdit
{
  GObject  parent_instance;

  char    *label;
  GArray  *steps;          /* of Step */
  gboolean is_undo;
};

G_DEFINE_FINAL_TYPE (AtlasEdit, atlas_edit, G_TYPE_OBJECT)

static void
clear_step (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->before);
  g_clear_object (&step->after);
}

/* Steps keep copies: the caller may go on changing its records. */
static void
append_step (AtlasEdit   *self,
             AtlasRecord *before,
             AtlasRecord *after)
{
  Step step = {
    before ? atlas_record_dup (before) : NULL,
    after ? atlas_record_dup (after) : NULL,
  };

  g_array_append_val (self->steps, step);
}

static void
atlas_edit_finalize (GObject *object)
{
  AtlasEdit *self = ATLAS_EDIT (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (atlas_edit_parent_class)->finalize (object);
}

static void
atlas_edit_class_init (AtlasEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_edit_finalize;
}

static void
atlas_edit_init (AtlasEdit *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->steps, clear_step);
}

/**
 * atlas_edit_new:
 * @label: what the edit does, for people ("Add claim"), shown in Undo and the history
 */
AtlasEdit *
atlas_edit_new (const char *label)
{
  AtlasEdit *self = g_object_new (ATLAS_TYPE_EDIT, NULL);

  self->label = g_strdup (label);
  return self;
}

const char *
atlas_edit_get_label (AtlasEdit *self)
{
  g_return_val_if_fail (ATLAS_IS_EDIT (self), NULL);
  return self->label;
}

/* Returns: whether the edit undoes another (made by atlas_edit_invert()) */
gboolean
atlas_edit_get_is_undo (AtlasEdit *self)
{
  g_return_val_if_fail (ATLAS_IS_EDIT (self), FALSE);
  return self->is_undo;
}

/* Adds @record to the case, with its key; a copy is kept. */
void
atlas_edit_add (AtlasEdit   *self,
                AtlasRecord *record)
{
  g_return_if_fail (ATLAS_IS_EDIT (self));
  g_return_if_fail (ATLAS_IS_RECORD (record));
  append_step (self, NULL, record);
}

/* Changes the record @before (as the case holds it now) into @after, same kind and key. */
void
atlas_edit_change (AtlasEdit   *self,
                   AtlasRecord *before,
                   AtlasRecord *after)
{
  g_return_if_fail (ATLAS_IS_EDIT (self));
  g_return_if_fail (ATLAS_IS_RECORD (before) && ATLAS_IS_RECORD (after));
  g_return_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (after));
  g_return_if_fail (g_strcmp0 (atlas_record_get_key (before),
                               atlas_record_get_key (after)) == 0);
  append_step (self, before, after);
}

/* Removes @record, as the case holds it now. */
void
atlas_edit_remove (AtlasEdit   *self,
                   AtlasRecord *record)
{
  g_return_if_fail (ATLAS_IS_EDIT (self));
  g_return_if_fail (ATLAS_IS_RECORD (record));
  append_step (self, record, NULL);
}

guint
atlas_edit_get_n_steps (AtlasEdit *self)
{
  g_return_val_if_fail (ATLAS_IS_EDIT (self), 0);
  return self->steps->len;
}

/**
 * atlas_edit_get_step:
 * @before: (out) (transfer none) (nullable): the record before, %NULL for an addition
 * @after: (out) (transfer none) (nullable): the record after, %NULL for a removal
 */
void
atlas_edit_get_step (AtlasEdit    *self,
                     guint         index,
                     AtlasRecord **before,
                     AtlasRecord **after)
{
  Step *step;

  g_return_if_fail (ATLAS_IS_EDIT (self));
  g_return_if_fail (index < self->steps->len);

  step = &g_array_index (self->steps, Step, index);
  *before = step->before;
  *after = step->after;
}

/**
 * atlas_edit_invert:
 *
 * Returns: (transfer full): the edit that undoes @self once @self is applied
 */
AtlasEdit *
atlas_edit_invert (AtlasEdit *self)
{
  AtlasEdit *inverse;

  g_return_val_if_fail (ATLAS_IS_EDIT (self), NULL);

  /* the same label: an undo is told apart by atlas_edit_get_is_undo() */
  inverse = atlas_edit_new (self->label);
  inverse->is_undo = !self->is_undo;
  for (guint i = self->steps->len; i > 0; i--)
    {
      Step *step = &g_array_index (self->steps, Step, i - 1);

      append_step (inverse, step->after, step->before);
    }
  return inverse;
}
