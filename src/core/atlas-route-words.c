/* atlas-route-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a route's style means, in words, for the legends of the map and of the page: how
 * the route is sourced ("Reported route"), by whom, and by how many sources of which
 * reliability grades ("Iran's Ministry of Intelligence, one source graded F").
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-route-words.h"

/**
 * atlas_route_words_status:
 *
 * Returns: (transfer full): "Reported route", "Alleged route" or "Contested route"
 */
char *
atlas_route_words_status (AtlasRecord *route)
{
  const char *status;

  g_return_val_if_fail (ATLAS_IS_RECORD (route), NULL);

  status = atlas_record_get_text (route, "status");
  if (g_strcmp0 (status, "reported") == 0)
    return g_strdup (_("Reported route"));
  if (g_strcmp0 (status, "alleged") == 0)
    return g_strdup (_("Alleged route"));
  return g_strdup (_("Contested route"));
}

/**
 * atlas_route_words_status_name:
 * @status: (nullable): a route's status, as stored ("reported", "alleged", "contested")
 *
 * Returns: (transfer none) (nullable): its name for people, "Reported", "Alleged" or
 *   "Contested"; a status the app does not know is shown as it is
 */
const char *
atlas_route_words_status_name (const char *status)
{
  if (g_strcmp0 (status, "reported") == 0)
    return C_("route status", "Reported");
  if (g_strcmp0 (status, "alleged") == 0)
    return C_("route status", "Alleged");
  if (g_strcmp0 (status, "contested") == 0)
    return C_("route status", "Contested");
  return status;
}

/* Who a claim is attributed to, without the explanation in brackets. */
static char *
short_attribution (AtlasRecord *claim)
{
  const char *text = atlas_record_get_text (claim, "attributed_to");
  const char *bracket;

  if (text == NULL || *text == '\0')
    return NULL;
  bracket = strstr (text, " (");
  return bracket ? g_strndup (text, bracket - text) : g_strdup (text);
}

static void
add_unique (GPtrArray *strings,
            char      *text)
{
  if (text != NULL && !g_ptr_array_find_with_equal_func (strings, text, g_str_equal, NULL))
    g_ptr_array_add (strings, text);
  else
    g_free (text);
}

static char *
document_grade (AtlasCase   *atlas_case,
                AtlasRecord *claim)
{
  g_autoptr(AtlasRecord) document = NULL;

  document = atlas_case_lookup (atlas_case, "document",
                                atlas_record_get_text (claim, "document_key"), NULL);
  return document ? g_strdup (atlas_record_get_text (document, "reliability")) : NULL;
}

/* "B", "B and F", "A, B and F" */
static char *
join_words (GPtrArray *words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == words->len ? _(" and ") : _(", "));
      g_string_append (text, g_ptr_array_index (words, i));
    }
  return g_string_free (text, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
sources_words (guint      n_documents,
               GPtrArray *grades)
{
  g_autofree char *joined = NULL;

  if (n_documents == 0)
    return g_strdup (_("no source in the case"));
  g_ptr_array_sort (grades, compare_strings);
  joined = join_words (grades);
  if (n_documents == 1)
    /* Translators: the reliability grade of a route's only source, A to F */
    return g_strdup_printf (_("one source graded %s"), joined);
  /* Translators: how many sources give a route, then their reliability grades */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source graded %s",
                                       "%u sources graded %s", n_documents),
                          n_documents, joined);
}

/**
 * atlas_route_words_sourcing:
 *
 * Returns: (transfer full): who gives the route and how reliable its sources are:
 *   "Iran's Ministry of Intelligence, one source graded F"; "no source in the case" when
 *   no claim is about it
 */
char *
atlas_route_words_sourcing (AtlasCase   *atlas_case,
                            AtlasRecord *route)
{
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GPtrArray) who = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) grades = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sources = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (route), NULL);

  claims = atlas_case_list_claims (atlas_case, "route", atlas_record_get_key (route), NULL,
                                   NULL);
  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);

      add_unique (who, short_attribution (claim));
      add_unique (documents, g_strdup (atlas_record_get_text (claim, "document_key")));
      add_unique (grades, document_grade (atlas_case, claim));
    }
  sources = sources_words (documents->len, grades);
  if (who->len == 0)
    return g_steal_pointer (&sources);
  if (who->len == 1)
    /* Translators: who gives a route, then its sources */
    return g_strdup_printf (_("%s, %s"), (char *) g_ptr_array_index (who, 0), sources);
  /* Translators: who gives a route, how many others do, then its sources */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other, %s",
                                       "%s and %u others, %s", who->len - 1),
                          (char *) g_ptr_array_index (who, 0), who->len - 1, sources);
}
