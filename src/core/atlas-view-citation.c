/* atlas-view-citation.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain-text citation "Copy Link" puts beside the link: what is cited, where and when,
 * and the sources with their grades, e.g. "Kerman twin bombings, January 2024 — step 4 of
 * 16: Jaliq crossing point, Kalagan; sources: …".
 */

#define G_LOG_DOMAIN "atlas-view-citation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-briefing-step.h"
#include "atlas-briefing-words.h"
#include "atlas-case-edit-briefing.h"
#include "atlas-date-words.h"
#include "atlas-view-citation.h"

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_part (GString    *text,
             const char *separator,
             const char *part)
{
  if (!has_text (part))
    return;
  if (text->len > 0)
    g_string_append (text, separator);
  g_string_append (text, part);
}

/* "Kalagan, Sistan and Baluchestan, Iran" */
static char *
describe_place (AtlasRecord *record)
{
  g_autoptr(GString) place = g_string_new (NULL);

  append_part (place, ", ", atlas_record_get_text (record, "place"));
  append_part (place, ", ", atlas_record_get_text (record, "admin_area"));
  append_part (place, ", ", atlas_record_get_text (record, "country"));
  return g_string_free (g_steal_pointer (&place), FALSE);
}

static char *
describe_date (AtlasRecord *record)
{
  const char *kind = atlas_record_get_kind (record);
  const char *date = atlas_record_get_text (record, g_str_equal (kind, "incident")
                                                    ? "start_time"
                                                    : g_str_equal (kind, "document")
                                                    ? "published" : "date");

  return has_text (date) ? atlas_date_words (date, NULL) : NULL;
}

/* The credibilities, 1–6, of what a record takes from one source, as bits. */
static char *
describe_credibilities (guint bits)
{
  int lowest = 0, highest = 0;

  for (int grade = 1; grade <= 6; grade++)
    if (bits & (1u << grade))
      {
        lowest = lowest == 0 ? grade : lowest;
        highest = grade;
      }
  if (lowest == 0)
    return g_strdup ("");
  if (lowest == highest)
    return g_strdup_printf ("%d", lowest);
  return g_strdup_printf ("%d–%d", lowest, highest);
}

/* "NewsNation, 4 January 2024 (B2)": the source's reliability, A–F, then the credibility,
 * 1–6, of what the record takes from it ("B1–4" when its claims differ). */
static char *
describe_source (AtlasRecord *document,
                 guint        credibility_bits)
{
  g_autofree char *cited = atlas_briefing_words_document (document);
  g_autofree char *credibility = describe_credibilities (credibility_bits);
  const char *reliability = atlas_record_get_text (document, "reliability");
  g_autofree char *grade = g_strconcat (has_text (reliability) ? reliability : "",
                                        credibility, NULL);

  if (*grade == '\0')
    return g_steal_pointer (&cited);
  return g_strdup_printf ("%s (%s)", cited, grade);
}

/* The sources of the record's claims, each once, in the order first cited. */
static char *
describe_record_sources (AtlasCase   *atlas_case,
                         AtlasRecord *record)
{
  g_autoptr(GListModel) claims = atlas_case_list_claims (atlas_case,
                                                         atlas_record_get_kind (record),
                                                         atlas_record_get_key (record),
                                                         NULL, NULL);
  g_autoptr(GHashTable) credibilities = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sources = g_string_new (NULL);
  guint n = claims != NULL ? g_list_model_get_n_items (claims) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);
      const char *document_key = atlas_record_get_text (claim, "document_key");
      gint64 credibility = atlas_record_get_int (claim, "credibility");
      guint bits;

      if (!has_text (document_key))
        continue;
      if (!g_hash_table_contains (credibilities, document_key))
        g_ptr_array_add (order, g_strdup (document_key));
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (credibilities, document_key));
      if (credibility >= 1 && credibility <= 6)
        bits |= 1u << credibility;
      g_hash_table_insert (credibilities, g_strdup (document_key), GUINT_TO_POINTER (bits));
    }

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(AtlasRecord) document = atlas_case_lookup (atlas_case, "document",
                                                           order->pdata[i], NULL);
      g_autofree char *source = NULL;

      if (document == NULL)
        continue;
      source = describe_source (document, GPOINTER_TO_UINT (g_hash_table_lookup (credibilities,
                                                                                 order->pdata[i])));
      append_part (sources, "; ", source);
    }
  return g_string_free (g_steal_pointer (&sources), FALSE);
}

static void
append_sources (GString    *citation,
                const char *sources)
{
  if (has_text (sources))
    g_string_append_printf (citation, _("; sources: %s"), sources);
  else
    g_string_append (citation, _("; no source cited"));
}

static const char *
record_title (AtlasRecord *record)
{
  const char *title = atlas_record_get_text (record, "title");

  if (!has_text (title))
    title = atlas_record_get_text (record, "name");
  if (!has_text (title))
    title = atlas_record_get_text (record, "place");
  return has_text (title) ? title : atlas_record_get_key (record);
}

/* The steps of the briefing a link names by its title, or of the case's first briefing
 * when it names none; %NULL when the case has no briefing of that title. */
static GListModel *
list_steps (AtlasCase  *atlas_case,
            const char *briefing)
{
  g_autoptr(AtlasRecord) found = NULL;

  if (briefing == NULL)
    return atlas_case_list_briefing_steps (atlas_case, NULL, NULL);
  found = atlas_case_find_briefing (atlas_case, briefing, NULL);
  if (found == NULL)
    return NULL;
  return atlas_case_list_briefing_steps (atlas_case, atlas_record_get_key (found), NULL);
}

/**
 * atlas_view_citation_lookup_step:
 * @atlas_case: a case
 * @briefing: (nullable): the title of the briefing, as a link gives it
 * @number: the step, from 1
 * @n_steps: (out) (optional): how many steps the briefing has
 *
 * Finds a step of a briefing by its number, as links and citations count them.
 *
 * Returns: (transfer full) (nullable): the step, or %NULL if there is no such step
 */
AtlasRecord *
atlas_view_citation_lookup_step (AtlasCase  *atlas_case,
                                 const char *briefing,
                                 guint       number,
                                 guint      *n_steps)
{
  g_autoptr(GListModel) steps = NULL;
  guint n;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  steps = list_steps (atlas_case, briefing);
  n = steps != NULL ? g_list_model_get_n_items (steps) : 0;
  if (n_steps != NULL)
    *n_steps = n;
  if (number < 1 || number > n)
    return NULL;
  return g_list_model_get_item (steps, number - 1);
}

/**
 * atlas_view_citation_record:
 * @atlas_case: the case that holds @record
 * @record: an incident, a waypoint, a route, an actor or a source
 *
 * Returns: (transfer full): "Title — place, date; sources: Publisher, date (B2); …"
 */
char *
atlas_view_citation_record (AtlasCase   *atlas_case,
                            AtlasRecord *record)
{
  g_autoptr(GString) citation = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *place = NULL;
  g_autofree char *date = NULL;
  g_autofree char *sources = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (record), NULL);

  if (g_str_equal (atlas_record_get_kind (record), "document"))
    {
      g_autofree char *source = describe_source (record, 0);

      return g_strdup_printf ("%s — %s", record_title (record), source);
    }

  place = describe_place (record);
  date = describe_date (record);
  sources = describe_record_sources (atlas_case, record);
  g_string_append (citation, record_title (record));
  append_part (where, ", ", place);
  append_part (where, ", ", date);
  if (where->len > 0)
    g_string_append_printf (citation, " — %s", where->str);
  append_sources (citation, sources);
  return g_string_free (g_steal_pointer (&citation), FALSE);
}

/* "NewsNation, 4 January 2024 · reliability B; …", each source once. */
static char *
describe_step_sources (AtlasCase   *atlas_case,
                       AtlasRecord *step)
{
  g_autoptr(GPtrArray) cited = atlas_briefing_words_sources (atlas_case, step);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cited->len; i++)
    {
      AtlasStepSource *source = cited->pdata[i];

      if (g_hash_table_add (seen, source->source))
        append_part (sources, "; ", source->source);
    }
  return g_string_free (g_steal_pointer (&sources), FALSE);
}

/**
 * atlas_view_citation_step:
 * @atlas_case: the case
 * @step: a step of its briefing
 * @number: the step's number, from 1
 * @n_steps: how many steps the briefing has
 *
 * Returns: (transfer full): "Case title — step 4 of 16: Heading (kicker); sources: …"
 */
char *
atlas_view_citation_step (AtlasCase   *atlas_case,
                          AtlasRecord *step,
                          guint        number,
                          guint        n_steps)
{
  g_autoptr(AtlasRecord) subject = NULL;
  g_autoptr(GString) citation = g_string_new (NULL);
  g_autofree char *kicker = NULL;
  g_autofree char *sources = NULL;
  const char *heading = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (step), NULL);

  subject = atlas_briefing_words_subject (atlas_case, step);
  if (subject != NULL)
    heading = atlas_briefing_words_heading (subject);
  kicker = atlas_briefing_words_kicker (atlas_case, step, subject);
  sources = describe_step_sources (atlas_case, step);

  /* Translators: "Kerman twin bombings — step 4 of 16: …" */
  g_string_printf (citation, _("%s — step %u of %u:"), atlas_case_get_title (atlas_case),
                   number, n_steps);
  g_string_append_c (citation, ' ');
  g_string_append (citation, has_text (heading) ? heading : _("Area"));
  if (has_text (kicker))
    g_string_append_printf (citation, " (%s)", kicker);
  append_sources (citation, sources);
  return g_string_free (g_steal_pointer (&citation), FALSE);
}

/**
 * atlas_view_citation_view:
 * @atlas_case: the case shown
 * @latitude: the map's centre
 * @longitude: the map's centre
 * @zoom: the map's zoom
 *
 * Returns: (transfer full): "Case title — map centred on 30.283° N, 57.083° E at zoom 9.5"
 */
char *
atlas_view_citation_view (AtlasCase *atlas_case,
                          double     latitude,
                          double     longitude,
                          double     zoom)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);

  /* Translators: the case's title, then where the map is: "30.283° N, 57.083° E" */
  return g_strdup_printf (_("%s — map centred on %.3f° %s, %.3f° %s at zoom %.1f"),
                          atlas_case_get_title (atlas_case),
                          fabs (latitude), latitude >= 0 ? _("N") : _("S"),
                          fabs (longitude), longitude >= 0 ? _("E") : _("W"), zoom);
}
