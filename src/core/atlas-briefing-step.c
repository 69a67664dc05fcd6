/* atlas-briefing-step.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of the case's briefing: what the map frames, the caption, and the claims shown beside it.
 */

#include "config.h"

#include "atlas-briefing-step.h"

struct _AtlasBriefingStep
{
  AtlasRecord parent_instance;

  gint64 seq;
  char  *subject_kind;
  char  *subject_key;
  double min_lon;
  double min_lat;
  double max_lon;
  double max_lat;
  char  *caption;
  char  *claim_keys;
};

G_DEFINE_FINAL_TYPE (AtlasBriefingStep, atlas_briefing_step, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "seq", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasBriefingStep, seq) },
  { "subject_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, subject_kind) },
  { "subject_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, subject_key) },
  { "min_lon", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, min_lon) },
  { "min_lat", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, min_lat) },
  { "max_lon", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, max_lon) },
  { "max_lat", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, max_lat) },
  { "caption", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, caption) },
  { "claim_keys", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, claim_keys) },
};

static void
atlas_briefing_step_class_init (AtlasBriefingStepClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "briefing_steps", "briefing-step",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_briefing_step_init (AtlasBriefingStep *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasBriefingStep *
atlas_briefing_step_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_BRIEFING_STEP, "key", key, NULL);
}
