/* atlas-attribute-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name of a claim's attribute for people, the same on the details page, the caption
 * card and the printed page: "deaths-iranian" is "Iranian deaths", and an attribute the
 * app has no name for is spelt out from its key ("entry-route" is "Entry route"), so a raw
 * key never reaches the screen.
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-attribute-words.h"

/* The attributes analysts look for first, in the order a report gives them. */
static const struct {
  const char *attribute;
  const char *label;
} ranked[] = {
  { "date", N_("Date") },
  { "time", N_("Time") },
  { "location", N_("Location") },
  { "deaths", N_("Deaths") },
  { "injuries", N_("Injuries") },
  /* ACLED's own count, as its exports name it */
  { "fatalities", N_("Fatalities") },
  { "perpetrator", N_("Perpetrator") },
  { "responsibility-claim", N_("Claim of responsibility") },
  { "method", N_("Method") },
  { "target", N_("Target") },
  { "entry-date", N_("Entry date") },
  { "entry-route", N_("Entry route") },
  { "exit-date", N_("Exit date") },
  { "route-leg", N_("Route leg") },
  { "name", N_("Name") },
  { "alias", N_("Alias") },
  { "role", N_("Role") },
  /* what an ACLED row holds besides the fields an incident has (see atlas-csv-reader.c) */
  { "acled_columns", N_("Other ACLED columns") },
};

/* Further attributes with names of their own (a proper noun, a possessive), which come
 * after the ranked ones among a record's facts. */
static const struct {
  const char *attribute;
  const char *label;
} named[] = {
  { "deaths-iranian", N_("Iranian deaths") },
  { "deaths-afghan", N_("Afghan deaths") },
  { "deaths-combined", N_("Deaths, attacks together") },
  { "injuries-combined", N_("Injuries, attacks together") },
  { "attackers-combined", N_("Attackers, attacks together") },
  { "bomber-name", N_("Bomber's name") },
  { "claimed-attacks-in-iran", N_("Claimed attacks in Iran") },
  { "report-conclusion", N_("Report's conclusion") },
};

/* "entry route" becomes "Entry route": only the first letter, as GNOME writes labels. */
static char *
capitalise_first (const char *text)
{
  char first[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/**
 * atlas_attribute_words:
 * @attribute: a claim's attribute, as stored
 *
 * Returns: (transfer full): its name for people
 */
char *
atlas_attribute_words (const char *attribute)
{
  g_autofree char *spaced = NULL;

  g_return_val_if_fail (attribute != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ranked); i++)
    if (g_str_equal (attribute, ranked[i].attribute))
      return g_strdup (_(ranked[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_equal (attribute, named[i].attribute))
      return g_strdup (_(named[i].label));

  spaced = g_utf8_make_valid (attribute, -1);
  g_strdelimit (spaced, "-_", ' ');
  if (*spaced == '\0')
    return g_steal_pointer (&spaced);
  return capitalise_first (spaced);
}

/**
 * atlas_attribute_words_rank:
 *
 * Returns: where the attribute comes among the facts of a record: lower first
 */
int
atlas_attribute_words_rank (const char *attribute)
{
  for (guint i = 0; attribute != NULL && i < G_N_ELEMENTS (ranked); i++)
    if (g_str_equal (attribute, ranked[i].attribute))
      return (int) i;
  return G_N_ELEMENTS (ranked);
}
