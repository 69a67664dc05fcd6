/* atlas-filter-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter in words, the same in the filter's controls, the chips over the map and the
 * legend: the names of the incident categories the app knows ("armed-assault" is "Armed
 * assault"), a date range, and the grades that count.
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date-words.h"
#include "atlas-filter-words.h"

static const struct {
  const char *category;
  const char *name;
} known_categories[] = {
  { "bombing", N_("Bombing") },
  { "armed-assault", N_("Armed assault") },
  { "arrest", N_("Arrest or manhunt") },
  { "claim", N_("Claim or statement") },
  { "other", N_("Other") },
};

/**
 * atlas_filter_words_category:
 * @category: an incident's category
 *
 * Returns: (transfer none): the category's name when the app knows it ("Armed assault" for
 *   "armed-assault"), else @category itself: a case's own categories are its own words
 */
const char *
atlas_filter_words_category (const char *category)
{
  g_return_val_if_fail (category != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_categories); i++)
    if (g_str_equal (known_categories[i].category, category))
      return _(known_categories[i].name);
  return category;
}

/**
 * atlas_filter_words_categories:
 * @categories: the categories a filter shows
 *
 * Returns: (transfer full): their names, "Bombing, Armed assault", or "No category" when
 *   there are none
 */
char *
atlas_filter_words_categories (const char * const *categories)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (categories != NULL, NULL);

  for (guint i = 0; categories[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the names of two categories in a list */
        g_string_append (text, C_("list", ", "));
      g_string_append (text, atlas_filter_words_category (categories[i]));
    }
  if (text->len == 0)
    return g_strdup (_("No category"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * atlas_filter_words_dates:
 * @start: (nullable): the first date shown, ISO 8601
 * @end: (nullable): the last date shown
 *
 * Returns: (transfer full) (nullable): "13 Dec 2023 – 3 Jan 2024", "From 13 Dec 2023",
 *   "Until 3 Jan 2024", or %NULL for no range
 */
char *
atlas_filter_words_dates (const char *start,
                          const char *end)
{
  g_autofree char *from = start ? atlas_date_words_short (start) : NULL;
  g_autofree char *to = end ? atlas_date_words_short (end) : NULL;

  if (from != NULL && to != NULL)
    return atlas_date_words_short_range (start, end);
  if (from != NULL)
    /* Translators: a date range open at its end */
    return g_strdup_printf (_("From %s"), from);
  if (to != NULL)
    /* Translators: a date range open at its start */
    return g_strdup_printf (_("Until %s"), to);
  return NULL;
}

/**
 * atlas_filter_words_reliability:
 * @min_reliability: the least reliable source grade that counts, 'A' to 'F'
 *
 * Returns: (transfer full): "Sources graded A to C", or "Sources graded A" when only A counts
 */
char *
atlas_filter_words_reliability (char min_reliability)
{
  g_return_val_if_fail (min_reliability >= 'A' && min_reliability <= 'F', NULL);

  if (min_reliability == 'A')
    return g_strdup (_("Sources graded A"));
  /* Translators: the source grades a filter counts, from A (completely reliable) on */
  return g_strdup_printf (_("Sources graded A to %c"), min_reliability);
}
