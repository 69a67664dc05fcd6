/* atlas-briefing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One briefing of a case: its title and its place among the case's briefings. Its steps
 * name it by key (briefing_steps.briefing_key).
 */

#include "config.h"

#include "atlas-briefing.h"

struct _AtlasBriefing
{
  AtlasRecord parent_instance;

  char  *title;
  gint64 seq;
};

G_DEFINE_FINAL_TYPE (AtlasBriefing, atlas_briefing, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "title", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefing, title) },
  { "seq", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasBriefing, seq) },
};

static void
atlas_briefing_class_init (AtlasBriefingClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "briefings", "briefing",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_briefing_init (AtlasBriefing *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasBriefing *
atlas_briefing_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_BRIEFING, "key", key, NULL);
}
