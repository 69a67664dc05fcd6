/* atlas-selection.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one selected record of a window. The map, the sidebar and the briefing set it and
 * follow it; they never call each other.
 */

#include "config.h"

#include "atlas-selection.h"

struct _AtlasSelection
{
  GObject      parent_instance;

  AtlasRecord *record;
};

G_DEFINE_FINAL_TYPE (AtlasSelection, atlas_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
same_record (AtlasRecord *a,
             AtlasRecord *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_str_equal (atlas_record_get_kind (a), atlas_record_get_kind (b))
         && g_strcmp0 (atlas_record_get_key (a), atlas_record_get_key (b)) == 0;
}

static void
atlas_selection_dispose (GObject *object)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (atlas_selection_parent_class)->dispose (object);
}

static void
atlas_selection_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_selection_class_init (AtlasSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_selection_dispose;
  object_class->get_property = atlas_selection_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ATLAS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSelection::changed:
   * @record: (nullable): the selected record
   * @flags: #AtlasSelectionFlags, e.g. whether to bring it into view
   *
   * Emitted whenever a record is selected, also when the same one is selected again with
   * %ATLAS_SELECTION_FRAME (so "show it again" works).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   ATLAS_TYPE_RECORD, G_TYPE_UINT);
}

static void
atlas_selection_init (AtlasSelection *self)
{
}

AtlasSelection *
atlas_selection_new (void)
{
  return g_object_new (ATLAS_TYPE_SELECTION, NULL);
}

/**
 * atlas_selection_get_record:
 *
 * Returns: (transfer none) (nullable): the selected record
 */
AtlasRecord *
atlas_selection_get_record (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  return self->record;
}

/**
 * atlas_selection_select:
 * @record: (nullable): the record to select, or %NULL to select nothing
 */
void
atlas_selection_select (AtlasSelection      *self,
                        AtlasRecord         *record,
                        AtlasSelectionFlags  flags)
{
  gboolean changed;

  g_return_if_fail (ATLAS_IS_SELECTION (self));
  g_return_if_fail (record == NULL || ATLAS_IS_RECORD (record));

  changed = !same_record (self->record, record);
  if (!changed && (flags & ATLAS_SELECTION_FRAME) == 0)
    return;

  g_set_object (&self->record, record);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  g_signal_emit (self, signals[CHANGED], 0, record, (guint) flags);
}
