/* atlas-claim-relation.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How one claim bears on another: it contradicts it, corroborates it, or repeats it (relays
 * the same information, so it is not an independent source).
 */

#include "config.h"

#include "atlas-claim-relation.h"

struct _AtlasClaimRelation
{
  AtlasRecord parent_instance;

  char  *claim_key;
  char  *relation;
  char  *other_key;
  char  *note;
};

G_DEFINE_FINAL_TYPE (AtlasClaimRelation, atlas_claim_relation, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "claim_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaimRelation, claim_key) },
  { "relation", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaimRelation, relation) },
  { "other_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaimRelation, other_key) },
  { "note", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaimRelation, note) },
};

static void
atlas_claim_relation_class_init (AtlasClaimRelationClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "claim_relations", "relation",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_claim_relation_init (AtlasClaimRelation *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasClaimRelation *
atlas_claim_relation_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_CLAIM_RELATION, "key", key, NULL);
}
