/* atlas-briefing-step.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of a briefing: what the map frames, the caption, and the claims shown beside it.
 * A step made from a view in the app also keeps that view (centre and zoom, beside its
 * bounds), its date range and its filters, so presenting it shows the map as it was.
 */

#include "config.h"

#include <math.h>

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
  /* since case format 4 */
  char  *briefing_key;
  double center_lat;
  double center_lon;
  double zoom;
  char  *start_date;
  char  *end_date;
  char  *filters;
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
  { "briefing_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, briefing_key) },
  { "center_lat", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, center_lat) },
  { "center_lon", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, center_lon) },
  { "zoom", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasBriefingStep, zoom) },
  { "start_date", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, start_date) },
  { "end_date", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, end_date) },
  { "filters", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasBriefingStep, filters) },
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

/**
 * atlas_briefing_step_get_view:
 * @step: a record
 * @center_lat: (out) (optional): the latitude of the view's centre
 * @center_lon: (out) (optional): its longitude
 * @zoom: (out) (optional): the map's zoom level
 *
 * Returns: whether @step is a briefing step that keeps the view it was made from (a step
 *   made in the app), which presenting restores exactly; other steps frame their subject
 *   or extent
 */
gboolean
atlas_briefing_step_get_view (AtlasRecord *step,
                              double      *center_lat,
                              double      *center_lon,
                              double      *zoom)
{
  AtlasBriefingStep *self;

  if (!ATLAS_IS_BRIEFING_STEP (step))
    return FALSE;

  self = ATLAS_BRIEFING_STEP (step);
  if (center_lat != NULL)
    *center_lat = self->center_lat;
  if (center_lon != NULL)
    *center_lon = self->center_lon;
  if (zoom != NULL)
    *zoom = self->zoom;
  return isfinite (self->center_lat) && isfinite (self->center_lon) && isfinite (self->zoom)
         && self->center_lat >= -90 && self->center_lat <= 90
         && self->center_lon >= -180 && self->center_lon <= 180
         && self->zoom >= 0 && self->zoom <= 22;
}

/**
 * atlas_briefing_step_duplicate:
 * @key: the copy's key
 *
 * Returns: (transfer full): a new step, not yet in any case, with @step's fields
 */
AtlasRecord *
atlas_briefing_step_duplicate (AtlasRecord *step,
                               const char  *key)
{
  AtlasRecord *copy;

  g_return_val_if_fail (ATLAS_IS_BRIEFING_STEP (step), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  copy = atlas_record_dup (step);
  g_object_set (copy, "key", key, NULL);
  /* a new row: the case gives it its own id */
  atlas_record_set_id (copy, 0);
  return copy;
}
