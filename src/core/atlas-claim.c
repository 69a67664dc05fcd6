/* atlas-claim.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim: one sourced value of one attribute of a subject, read in a document and perhaps attributed to a party. Claims that disagree are kept side by side.
 */

#include "config.h"

#include "atlas-claim.h"

struct _AtlasClaim
{
  AtlasRecord parent_instance;

  char  *subject_kind;
  char  *subject_key;
  char  *attribute;
  char  *value_text;
  double value_number;
  double value_min;
  double value_max;
  char  *qualifier;
  char  *document_key;
  char  *attributed_to;
  char  *paraphrase;
  char  *locator;
  gint64 credibility;
  char  *credibility_note;
  char  *graded_by;
};

G_DEFINE_FINAL_TYPE (AtlasClaim, atlas_claim, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "subject_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, subject_kind) },
  { "subject_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, subject_key) },
  { "attribute", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, attribute) },
  { "value_text", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, value_text) },
  { "value_number", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasClaim, value_number) },
  { "value_min", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasClaim, value_min) },
  { "value_max", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasClaim, value_max) },
  { "qualifier", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, qualifier) },
  { "document_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, document_key) },
  { "attributed_to", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, attributed_to) },
  { "paraphrase", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, paraphrase) },
  { "locator", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, locator) },
  { "credibility", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasClaim, credibility) },
  { "credibility_note", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, credibility_note) },
  { "graded_by", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasClaim, graded_by) },
};

static void
atlas_claim_class_init (AtlasClaimClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "claims", "claim",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_claim_init (AtlasClaim *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasClaim *
atlas_claim_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_CLAIM, "key", key, NULL);
}

/* typed accessors, one pair per field */
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, subject_kind)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, subject_key)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, attribute)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, value_text)
ATLAS_RECORD_DEFINE_DOUBLE (AtlasClaim, atlas_claim, value_number)
ATLAS_RECORD_DEFINE_DOUBLE (AtlasClaim, atlas_claim, value_min)
ATLAS_RECORD_DEFINE_DOUBLE (AtlasClaim, atlas_claim, value_max)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, qualifier)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, document_key)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, attributed_to)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, paraphrase)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, locator)
ATLAS_RECORD_DEFINE_INT (AtlasClaim, atlas_claim, credibility)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, credibility_note)
ATLAS_RECORD_DEFINE_TEXT (AtlasClaim, atlas_claim, graded_by)
