/* atlas-actor.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person, group or agency that appears in a case, with the other names sources use for it.
 */

#include "config.h"

#include "atlas-actor.h"

struct _AtlasActor
{
  AtlasRecord parent_instance;

  char  *name;
  char  *actor_kind;
  char  *aliases;
  char  *summary;
};

G_DEFINE_FINAL_TYPE (AtlasActor, atlas_actor, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "name", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasActor, name) },
  { "actor_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasActor, actor_kind) },
  { "aliases", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasActor, aliases) },
  { "summary", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasActor, summary) },
};

static void
atlas_actor_class_init (AtlasActorClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "actors", "actor",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_actor_init (AtlasActor *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasActor *
atlas_actor_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_ACTOR, "key", key, NULL);
}

/* typed accessors, one pair per field */
ATLAS_RECORD_DEFINE_TEXT (AtlasActor, atlas_actor, name)
ATLAS_RECORD_DEFINE_TEXT (AtlasActor, atlas_actor, actor_kind)
ATLAS_RECORD_DEFINE_TEXT (AtlasActor, atlas_actor, aliases)
ATLAS_RECORD_DEFINE_TEXT (AtlasActor, atlas_actor, summary)
