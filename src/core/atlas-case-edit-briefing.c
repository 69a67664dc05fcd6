/* atlas-case-edit-briefing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Briefings made in the app: reading a case's briefings and their steps, and building the
 * edits that add a briefing, insert a step (a new view, or a duplicate) and move one. An
 * edit of a caption, a title or a step's view is a plain change; a deletion is
 * atlas_case_build_removal() (a briefing takes its steps with it). Each edit goes through
 * atlas_case_apply_edit(), so it is undoable and in the history.
 *
 * A step's place is its seq, unique across the case (see the schema's version 4): a new
 * step takes the number after the step it follows, moving up the few steps in its way.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-briefing-step.h"
#include "atlas-briefing.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-case-private.h"

/**
 * atlas_case_list_briefings:
 *
 * Returns: (transfer full) (nullable): the case's briefings, in their order
 */
GListModel *
atlas_case_list_briefings (AtlasCase  *self,
                           GError    **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return _atlas_case_query (self, ATLAS_TYPE_BRIEFING, "ORDER BY seq, id", NULL, error);
}

/* The key of the case's first briefing, or %NULL when it has none (or on error). */
static char *
dup_first_briefing_key (AtlasCase  *self,
                        GError    **error)
{
  g_autoptr(GListModel) briefings = atlas_case_list_briefings (self, error);
  g_autoptr(AtlasRecord) first = NULL;

  if (briefings == NULL || g_list_model_get_n_items (briefings) == 0)
    return NULL;
  first = g_list_model_get_item (briefings, 0);
  return g_strdup (atlas_record_get_key (first));
}

/**
 * atlas_case_list_briefing_steps:
 * @briefing_key: (nullable): a briefing's key; %NULL for the case's first briefing
 *
 * A step that names no briefing (written by a program that knows of none) belongs to the
 * case's first briefing, or, when the case has none, to a briefing of its own that %NULL
 * lists.
 *
 * Returns: (transfer full) (nullable): the steps of the briefing, in their order
 */
GListModel *
atlas_case_list_briefing_steps (AtlasCase   *self,
                                const char  *briefing_key,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first_key = NULL;
  const char *values[] = { briefing_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  first_key = dup_first_briefing_key (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (briefing_key == NULL)
    values[0] = briefing_key = first_key;
  if (briefing_key == NULL)
    return _atlas_case_query (self, ATLAS_TYPE_BRIEFING_STEP,
                              "WHERE briefing_key IS NULL ORDER BY seq", NULL, error);
  return _atlas_case_query (self, ATLAS_TYPE_BRIEFING_STEP,
                            g_strcmp0 (briefing_key, first_key) == 0
                            ? "WHERE briefing_key = ? OR briefing_key IS NULL ORDER BY seq"
                            : "WHERE briefing_key = ? ORDER BY seq", values, error);
}

/**
 * atlas_case_find_briefing:
 * @title: a briefing's title, as the analyst gave it
 *
 * Returns: (transfer full) (nullable): the case's first briefing of that title; %NULL with
 *   @error set (%ATLAS_CASE_ERROR_NOT_FOUND, naming @title) when it has none
 */
AtlasRecord *
atlas_case_find_briefing (AtlasCase   *self,
                          const char  *title,
                          GError     **error)
{
  const char *values[] = { title, NULL };
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  found = _atlas_case_query (self, ATLAS_TYPE_BRIEFING, "WHERE title = ? ORDER BY seq, id",
                             values, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("the case has no briefing titled “%s”"), title);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* The largest seq among @records, or 0. */
static gint64
last_order (GListModel *records)
{
  guint n = records ? g_list_model_get_n_items (records) : 0;
  gint64 last = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) record = g_list_model_get_item (records, i);

      last = MAX (last, atlas_record_get_int (record, "seq"));
    }
  return last;
}

/**
 * atlas_case_add_briefing:
 * @edit: the edit to add the briefing to
 * @title: (nullable): its title; %NULL for "Briefing N"
 *
 * Returns: (transfer full) (nullable): the new briefing's key, placed after the others
 */
char *
atlas_case_add_briefing (AtlasCase   *self,
                         AtlasEdit   *edit,
                         const char  *title,
                         GError     **error)
{
  g_autoptr(GListModel) briefings = NULL;
  g_autoptr(AtlasBriefing) briefing = NULL;
  g_autofree char *key = NULL;
  g_autofree char *numbered = NULL;
  guint n;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (ATLAS_IS_EDIT (edit), NULL);

  if ((briefings = atlas_case_list_briefings (self, error)) == NULL)
    return NULL;
  n = g_list_model_get_n_items (briefings);
  /* Translators: the title a new briefing gets until the analyst renames it */
  numbered = g_strdup_printf (_("Briefing %u"), n + 1);
  key = atlas_case_new_key (self, "briefing");
  briefing = atlas_briefing_new (key);
  atlas_record_set_text (ATLAS_RECORD (briefing), "title", title ? title : numbered);
  atlas_record_set_int (ATLAS_RECORD (briefing), "seq", last_order (briefings) + 1);
  atlas_edit_add (edit, ATLAS_RECORD (briefing));
  return g_steal_pointer (&key);
}

/* Every step of the case, by seq: the numbers a new step must not take. */
static GListModel *
list_all_steps (AtlasCase  *self,
                GError    **error)
{
  return _atlas_case_query (self, ATLAS_TYPE_BRIEFING_STEP, "ORDER BY seq", NULL, error);
}

/* Moves up by one the steps that hold @from, @from + 1… without a gap, the highest first
 * so that no two ever share a number; @from is then free. */
static void
make_room (AtlasEdit  *edit,
           GListModel *all_steps,
           gint64      from)
{
  g_autoptr(GPtrArray) in_the_way = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all_steps);
  gint64 next = from;

  for (guint i = 0; i < n; i++)
    {
      AtlasRecord *step = g_list_model_get_item (all_steps, i);

      if (atlas_record_get_int (step, "seq") == next)
        {
          g_ptr_array_add (in_the_way, step);
          next++;
        }
      else
        g_object_unref (step);
    }
  for (guint i = in_the_way->len; i > 0; i--)
    {
      AtlasRecord *step = g_ptr_array_index (in_the_way, i - 1);
      g_autoptr(AtlasRecord) moved = atlas_record_dup (step);

      atlas_record_set_int (moved, "seq", atlas_record_get_int (step, "seq") + 1);
      atlas_edit_change (edit, step, moved);
    }
}

/**
 * atlas_case_insert_step:
 * @edit: the edit to add the step to
 * @step: the new step, with its key and briefing_key; its seq is set here
 * @after: (nullable): the step it follows, of the same briefing; %NULL to put it last
 *
 * Adds @step to @edit in its briefing's order.
 */
gboolean
atlas_case_insert_step (AtlasCase    *self,
                        AtlasEdit    *edit,
                        AtlasRecord  *step,
                        AtlasRecord  *after,
                        GError      **error)
{
  g_autoptr(GListModel) all_steps = NULL;
  gint64 seq;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_EDIT (edit), FALSE);
  g_return_val_if_fail (ATLAS_IS_BRIEFING_STEP (step), FALSE);
  g_return_val_if_fail (after == NULL || ATLAS_IS_BRIEFING_STEP (after), FALSE);

  if ((all_steps = list_all_steps (self, error)) == NULL)
    return FALSE;
  if (after == NULL)
    seq = last_order (all_steps) + 1;
  else
    {
      seq = atlas_record_get_int (after, "seq") + 1;
      make_room (edit, all_steps, seq);
    }
  atlas_record_set_int (step, "seq", seq);
  atlas_edit_add (edit, step);
  return TRUE;
}

static guint
find_position (GListModel  *steps,
               AtlasRecord *step)
{
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) other = g_list_model_get_item (steps, i);

      if (g_str_equal (atlas_record_get_key (other), atlas_record_get_key (step)))
        return i;
    }
  return G_MAXUINT;
}

/**
 * atlas_case_move_step:
 * @edit: the edit to add the move to
 * @position: where @step goes in its briefing, from 0 (kept within it)
 *
 * Moves @step to @position in its briefing: the briefing's steps keep the numbers they
 * hold between them, given out again in the new order. Nothing is added when @step is
 * already there.
 */
gboolean
atlas_case_move_step (AtlasCase    *self,
                      AtlasEdit    *edit,
                      AtlasRecord  *step,
                      guint         position,
                      GError      **error)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) parked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (guint));
  guint from, n;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_EDIT (edit), FALSE);
  g_return_val_if_fail (ATLAS_IS_BRIEFING_STEP (step), FALSE);

  steps = atlas_case_list_briefing_steps (self, atlas_record_get_text (step, "briefing_key"),
                                          error);
  if (steps == NULL)
    return FALSE;
  n = g_list_model_get_n_items (steps);
  if ((from = find_position (steps, step)) == G_MAXUINT)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("the briefing holds no step “%s”"), atlas_record_get_key (step));
      return FALSE;
    }
  position = MIN (position, n - 1);
  if (position == from)
    return TRUE;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (steps, i));
  g_ptr_array_insert (order, (int) position, g_ptr_array_steal_index (order, from));

  /* (seq) is unique: each step that moves waits at a number no step has, then lands */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) current = g_list_model_get_item (steps, i);
      AtlasRecord *moving = g_ptr_array_index (order, i);
      AtlasRecord *waiting;

      if (g_str_equal (atlas_record_get_key (current), atlas_record_get_key (moving)))
        continue;
      waiting = atlas_record_dup (moving);
      atlas_record_set_int (waiting, "seq", -1 - atlas_record_get_int (moving, "seq"));
      atlas_edit_change (edit, moving, waiting);
      g_ptr_array_add (parked, waiting);
      g_array_append_val (targets, i);
    }
  for (guint i = 0; i < parked->len; i++)
    {
      AtlasRecord *waiting = g_ptr_array_index (parked, i);
      g_autoptr(AtlasRecord) holder = g_list_model_get_item (steps,
                                                             g_array_index (targets, guint, i));
      g_autoptr(AtlasRecord) landed = atlas_record_dup (waiting);

      atlas_record_set_int (landed, "seq", atlas_record_get_int (holder, "seq"));
      atlas_edit_change (edit, waiting, landed);
    }
  return TRUE;
}
