/* atlas-role.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role an actor played in an incident or a route, as the case records it.
 */

#include "config.h"

#include "atlas-role.h"

struct _AtlasRole
{
  AtlasRecord parent_instance;

  char  *actor_key;
  char  *subject_kind;
  char  *subject_key;
  char  *role;
};

G_DEFINE_FINAL_TYPE (AtlasRole, atlas_role, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "actor_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRole, actor_key) },
  { "subject_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRole, subject_kind) },
  { "subject_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRole, subject_key) },
  { "role", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRole, role) },
};

static void
atlas_role_class_init (AtlasRoleClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "roles", "role",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_role_init (AtlasRole *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasRole *
atlas_role_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_ROLE, "key", key, NULL);
}
