/* atlas-history-entry.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of a case's history: one field of one record changed by one edit, with when,
 * by whom, and the value before and after. Written by the store, never edited.
 */

#include "config.h"

#include "atlas-history-entry.h"

struct _AtlasHistoryEntry
{
  AtlasRecord parent_instance;

  gint64 edit;
  char  *time;
  char  *author;
  char  *label;
  char  *action;
  char  *subject_kind;
  char  *subject_key;
  char  *field;
  char  *old_value;
  char  *new_value;
};

G_DEFINE_FINAL_TYPE (AtlasHistoryEntry, atlas_history_entry, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "edit", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasHistoryEntry, edit) },
  { "time", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, time) },
  { "author", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, author) },
  { "label", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, label) },
  { "action", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, action) },
  { "subject_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, subject_kind) },
  { "subject_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, subject_key) },
  { "field", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, field) },
  { "old_value", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, old_value) },
  { "new_value", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasHistoryEntry, new_value) },
};

static void
atlas_history_entry_class_init (AtlasHistoryEntryClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "history", "history",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_history_entry_init (AtlasHistoryEntry *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasHistoryEntry *
atlas_history_entry_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_HISTORY_ENTRY, "key", key, NULL);
}
