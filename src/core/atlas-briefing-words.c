/* atlas-briefing-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a briefing step is worded, the same in the live briefing and on the printed page:
 * the kicker above its heading (what kind of subject, when and where), the heading, and
 * each claim it cites with its source, attribution and reliability grade.
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-attribute-words.h"
#include "atlas-briefing-words.h"
#include "atlas-date-words.h"
#include "atlas-route-words.h"

#define SEPARATOR " · "

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_part (GString    *text,
             const char *part)
{
  if (!has_text (part))
    return;
  if (text->len > 0)
    g_string_append (text, SEPARATOR);
  g_string_append (text, part);
}

/* "2024-01-05" → "5 January 2024"; "2024-01" → "January 2024"; anything else as it is. */
static char *
format_date (const char *date)
{
  return has_text (date) ? atlas_date_words (date, NULL) : NULL;
}

static char *
format_region (AtlasRecord *record)
{
  g_autoptr(GString) region = g_string_new (NULL);
  const char *admin_area = atlas_record_get_text (record, "admin_area");
  const char *country = atlas_record_get_text (record, "country");

  if (has_text (admin_area))
    g_string_append (region, admin_area);
  if (has_text (country))
    g_string_append_printf (region, region->len > 0 ? C_("region", ", %s") : "%s", country);
  return g_string_free (g_steal_pointer (&region), FALSE);
}

/* "Waypoint 3 of 6", from the waypoint's place in its route. */
static char *
waypoint_position (AtlasCase        *atlas_case,
                   AtlasRecord      *waypoint)
{
  const char *route_key = atlas_record_get_text (waypoint, "route_key");
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (atlas_case, route_key,
                                                               NULL);
  guint n = waypoints ? g_list_model_get_n_items (waypoints) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) other = g_list_model_get_item (waypoints, i);

      if (g_strcmp0 (atlas_record_get_key (other), atlas_record_get_key (waypoint)) == 0)
        return g_strdup_printf (_("Waypoint %u of %u"), i + 1, n);
    }
  return g_strdup (_("Waypoint"));
}

/* The line above the heading: what kind of subject, when and where. */
static char *
subject_kicker (AtlasCase        *atlas_case,
                const char       *kind,
                AtlasRecord      *subject)
{
  g_autoptr(GString) kicker = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *region = NULL;
  g_autofree char *position = NULL;

  if (g_str_equal (kind, "incident") || g_str_equal (kind, "waypoint"))
    {
      date = format_date (atlas_record_get_text (subject, g_str_equal (kind, "incident")
                                                          ? "start_time" : "date"));
      region = format_region (subject);
      if (g_str_equal (kind, "waypoint"))
        position = waypoint_position (atlas_case, subject);
      append_part (kicker, position ? position : _("Incident"));
      append_part (kicker, date);
      append_part (kicker, region);
    }
  else if (g_str_equal (kind, "route"))
    {
      g_autofree char *status = atlas_route_words_status (subject);

      append_part (kicker, status);
    }
  else if (g_str_equal (kind, "actor"))
    {
      append_part (kicker, _("Actor"));
      append_part (kicker, atlas_record_get_text (subject, "actor_kind"));
    }
  return g_string_free (g_steal_pointer (&kicker), FALSE);
}

/* The subject of a step, or NULL for an extent or a subject the case does not hold. */
static AtlasRecord *
lookup_subject (AtlasCase        *atlas_case,
                AtlasRecord      *step)
{
  const char *kind = atlas_record_get_text (step, "subject_kind");
  const char *key = atlas_record_get_text (step, "subject_key");

  if (kind == NULL || key == NULL || g_str_equal (kind, "extent"))
    return NULL;
  return atlas_case_lookup (atlas_case, kind, key, NULL);
}

static char *
format_claim_value (AtlasRecord *claim)
{
  const char *text = atlas_record_get_text (claim, "value_text");
  const char *paraphrase = atlas_record_get_text (claim, "paraphrase");
  double number = atlas_record_get_double (claim, "value_number");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (has_text (text))
    return g_strdup (text);
  if (!isnan (number))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", number));
  if (has_text (paraphrase))
    return g_strdup (paraphrase);
  return g_strdup (_("No value given"));
}

/**
 * atlas_briefing_words_heading:
 * @subject: an incident, waypoint, route or actor
 *
 * Returns: (transfer none) (nullable): what the subject is called
 */
const char *
atlas_briefing_words_heading (AtlasRecord *subject)
{
  const char *kind;

  g_return_val_if_fail (ATLAS_IS_RECORD (subject), NULL);

  kind = atlas_record_get_kind (subject);
  if (g_str_equal (kind, "incident"))
    return atlas_record_get_text (subject, "title");
  if (g_str_equal (kind, "waypoint"))
    return atlas_record_get_text (subject, "place");
  return atlas_record_get_text (subject, "name");
}

/**
 * atlas_briefing_words_subject:
 * @step: a briefing step
 *
 * Returns: (transfer full) (nullable): the step's subject, or %NULL for an extent or a
 *   subject the case does not hold
 */
AtlasRecord *
atlas_briefing_words_subject (AtlasCase   *atlas_case,
                              AtlasRecord *step)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (step), NULL);

  return lookup_subject (atlas_case, step);
}

/**
 * atlas_briefing_words_kicker:
 * @subject: (nullable): the step's subject (atlas_briefing_words_subject())
 *
 * Returns: (transfer full) (nullable): the line above the step's heading: "Waypoint 3 of 6
 *   · Sistan and Baluchestan, Iran", "Reported route", "Area"
 */
char *
atlas_briefing_words_kicker (AtlasCase   *atlas_case,
                             AtlasRecord *step,
                             AtlasRecord *subject)
{
  const char *kind;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (step), NULL);

  kind = atlas_record_get_text (step, "subject_kind");
  if (subject != NULL)
    return subject_kicker (atlas_case, kind, subject);
  if (g_strcmp0 (kind, "extent") == 0)
    return g_strdup (_("Area"));
  return NULL;
}

/**
 * atlas_briefing_words_document:
 * @document: (nullable): a source
 *
 * Returns: (transfer full): "NewsNation, 4 January 2024"
 */
char *
atlas_briefing_words_document (AtlasRecord *document)
{
  const char *publisher = document ? atlas_record_get_text (document, "publisher") : NULL;
  g_autofree char *date = document ? format_date (atlas_record_get_text (document, "published"))
                                   : NULL;

  /* Translators: a source's publisher and date, e.g. "NewsNation, 4 January 2024" */
  return g_strdup_printf (C_("source", "%s, %s"),
                          has_text (publisher) ? publisher : _("Unknown publisher"),
                          date ? date : _("undated"));
}

/**
 * atlas_briefing_words_reliability:
 * @document: (nullable): a source
 *
 * Returns: (transfer full) (nullable): "reliability B", or %NULL for a source not graded
 */
char *
atlas_briefing_words_reliability (AtlasRecord *document)
{
  const char *grade = document ? atlas_record_get_text (document, "reliability") : NULL;

  /* Translators: a source's grade on the Admiralty scale, A to F */
  return has_text (grade) ? g_strdup_printf (_("reliability %s"), grade) : NULL;
}

/* "NewsNation, 4 January 2024 · attributed to Iran's Interior Minister · reliability B" */
static char *
claim_source (AtlasRecord *claim,
              AtlasRecord *document)
{
  g_autoptr(GString) source = g_string_new (NULL);
  g_autofree char *cited = atlas_briefing_words_document (document);
  g_autofree char *reliability = atlas_briefing_words_reliability (document);
  const char *attributed_to = atlas_record_get_text (claim, "attributed_to");

  append_part (source, cited);
  if (has_text (attributed_to))
    {
      g_autofree char *attributed = g_strdup_printf (_("attributed to %s"), attributed_to);

      append_part (source, attributed);
    }
  append_part (source, reliability);
  return g_string_free (g_steal_pointer (&source), FALSE);
}

static void
step_source_free (AtlasStepSource *source)
{
  g_free (source->claim);
  g_free (source->source);
  g_free (source);
}

static AtlasStepSource *
describe_claim (AtlasCase  *atlas_case,
                const char *claim_key)
{
  g_autoptr(AtlasRecord) claim = atlas_case_lookup (atlas_case, "claim", claim_key, NULL);
  g_autoptr(AtlasRecord) document = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *value = NULL;
  AtlasStepSource *source;

  if (claim == NULL)
    {
      g_debug ("Briefing cites claim “%s”, which the case does not hold", claim_key);
      return NULL;
    }
  document = atlas_case_lookup (atlas_case, "document",
                                atlas_record_get_text (claim, "document_key"), NULL);
  attribute = atlas_attribute_words (has_text (atlas_record_get_text (claim, "attribute"))
                                     ? atlas_record_get_text (claim, "attribute") : "");
  value = format_claim_value (claim);
  source = g_new0 (AtlasStepSource, 1);
  /* Translators: a cited claim: its attribute and its value, e.g. "Deaths: 84" */
  source->claim = g_strdup_printf (C_("claim", "%s: %s"), attribute, value);
  source->source = claim_source (claim, document);
  return source;
}

/**
 * atlas_briefing_words_sources:
 * @step: a briefing step
 *
 * Returns: (transfer container) (element-type AtlasStepSource): each claim the step cites,
 *   in its order, with its source: "Deaths: 84" and "NewsNation, 4 January 2024 ·
 *   attributed to Iran's Interior Minister · reliability B"
 */
GPtrArray *
atlas_briefing_words_sources (AtlasCase   *atlas_case,
                              AtlasRecord *step)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) step_source_free);
  const char *claim_keys;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), sources);
  g_return_val_if_fail (ATLAS_IS_RECORD (step), sources);

  claim_keys = atlas_record_get_text (step, "claim_keys");
  keys = g_strsplit_set (claim_keys ? claim_keys : "", " \t\n", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      AtlasStepSource *source = *keys[i] != '\0' ? describe_claim (atlas_case, keys[i]) : NULL;

      if (source != NULL)
        g_ptr_array_add (sources, source);
    }
  return sources;
}
