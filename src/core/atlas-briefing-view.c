/* atlas-briefing-view.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of the map kept in a briefing step, and back: the centre and zoom that restore it
 * exactly, the bounds the printed page frames, the selected record as the step's subject,
 * and the filter as a date range and a canonical text. The text form is what the case file
 * keeps (briefing_steps.filters): "key=value" pairs in a fixed order, joined by ";", lists
 * sorted and their items escaped, nothing for what is not filtered; so two equal filters
 * are always the same text, and a step's history shows what changed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-briefing-view.h"
#include "atlas-case-error.h"

/* what may not appear unescaped in an item of a list */
#define RESERVED ",;=%"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
append_categories (GString            *text,
                   const char * const *categories)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; categories[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) categories[i]);
  g_ptr_array_sort (sorted, compare_strings);
  g_string_append (text, "categories=");
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (sorted->pdata[i], NULL, FALSE);

      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", escaped);
    }
}

/**
 * atlas_briefing_view_format_filters:
 *
 * Returns: (transfer full) (nullable): what @filter filters besides dates, in the canonical
 *   text form ("categories=a,b;contested=1;reliability=B"), or %NULL when it filters nothing
 */
char *
atlas_briefing_view_format_filters (AtlasFilter *filter)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *categories;

  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  if (filter == NULL)
    return NULL;
  if ((categories = atlas_filter_get_categories (filter)) != NULL)
    append_categories (text, categories);
  if (atlas_filter_get_contested_only (filter))
    g_string_append_printf (text, "%scontested=1", text->len > 0 ? ";" : "");
  if (atlas_filter_get_min_reliability (filter) != 'F')
    g_string_append_printf (text, "%sreliability=%c", text->len > 0 ? ";" : "",
                            atlas_filter_get_min_reliability (filter));
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
set_bad_filters (GError     **error,
                 const char  *part,
                 const char  *reason)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
               /* Translators: a briefing step's filters could not be read; %s are the part
                * that could not and why */
               _("its filters “%s” cannot be read: %s"), part, reason);
  return FALSE;
}

static gboolean
parse_categories (const char   *value,
                  GStrvBuilder *builder,
                  GError      **error)
{
  g_auto(GStrv) items = *value != '\0' ? g_strsplit (value, ",", -1) : g_new0 (char *, 1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_uri_unescape_string (items[i], NULL);

      if (item == NULL || *item == '\0')
        return set_bad_filters (error, value, _("a category is empty or badly escaped"));
      g_strv_builder_add (builder, item);
    }
  return TRUE;
}

/**
 * atlas_briefing_view_parse_filters:
 * @text: (nullable): filters in the canonical text form, or %NULL for none
 *
 * Sets the categories, reliability and "contested only" of @filter from @text (its dates
 * are left alone). Text from a file is not trusted: an unknown key, a grade outside A…F or
 * a badly escaped category is an error naming it, and @filter is not changed.
 */
gboolean
atlas_briefing_view_parse_filters (const char   *text,
                                   AtlasFilter  *filter,
                                   GError      **error)
{
  g_auto(GStrv) parts = text != NULL && *text != '\0' ? g_strsplit (text, ";", -1)
                                                       : g_new0 (char *, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;
  gboolean has_categories = FALSE, contested = FALSE;
  char reliability = 'F';

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), FALSE);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');
      const char *value = equals ? equals + 1 : NULL;

      if (g_str_has_prefix (parts[i], "categories="))
        {
          if (!parse_categories (value, builder, error))
            return FALSE;
          has_categories = TRUE;
        }
      else if (g_str_equal (parts[i], "contested=1"))
        contested = TRUE;
      else if (g_str_has_prefix (parts[i], "reliability=") && strlen (value) == 1
               && value[0] >= 'A' && value[0] <= 'F')
        reliability = value[0];
      else
        return set_bad_filters (error, parts[i], _("not a filter Incident Atlas knows"));
    }

  categories = g_strv_builder_end (builder);
  atlas_filter_set_categories (filter, has_categories ? (const char * const *) categories
                                                      : NULL);
  atlas_filter_set_contested_only (filter, contested);
  atlas_filter_set_min_reliability (filter, reliability);
  return TRUE;
}

/**
 * atlas_briefing_view_apply_to_step:
 *
 * Makes @step show @view: its centre, zoom and bounds, the selected record as its subject
 * (or the view's extent when none is), the date range and the filters. The caption and
 * the claims it lists are left to the caller.
 */
void
atlas_briefing_view_apply_to_step (const AtlasBriefingView *view,
                                   AtlasRecord             *step)
{
  g_autofree char *filters = NULL;

  g_return_if_fail (view != NULL);
  g_return_if_fail (ATLAS_IS_RECORD (step));

  atlas_record_set_double (step, "center_lat", view->center_lat);
  atlas_record_set_double (step, "center_lon", view->center_lon);
  atlas_record_set_double (step, "zoom", view->zoom);
  atlas_record_set_double (step, "min_lon", view->bounds.min_lon);
  atlas_record_set_double (step, "min_lat", view->bounds.min_lat);
  atlas_record_set_double (step, "max_lon", view->bounds.max_lon);
  atlas_record_set_double (step, "max_lat", view->bounds.max_lat);
  atlas_record_set_text (step, "subject_kind",
                         view->subject ? atlas_record_get_kind (view->subject) : "extent");
  atlas_record_set_text (step, "subject_key",
                         view->subject ? atlas_record_get_key (view->subject) : NULL);
  atlas_record_set_text (step, "start_date",
                         view->filter ? atlas_filter_get_start_date (view->filter) : NULL);
  atlas_record_set_text (step, "end_date",
                         view->filter ? atlas_filter_get_end_date (view->filter) : NULL);
  filters = atlas_briefing_view_format_filters (view->filter);
  atlas_record_set_text (step, "filters", filters);
}

/**
 * atlas_briefing_view_restore_filter:
 *
 * Sets @filter to what @step was made with: its date range and filters.
 */
gboolean
atlas_briefing_view_restore_filter (AtlasRecord  *step,
                                    AtlasFilter  *filter,
                                    GError      **error)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (step), FALSE);
  g_return_val_if_fail (ATLAS_IS_FILTER (filter), FALSE);

  if (!atlas_briefing_view_parse_filters (atlas_record_get_text (step, "filters"), filter, error))
    return FALSE;
  atlas_filter_set_date_range (filter, atlas_record_get_text (step, "start_date"),
                               atlas_record_get_text (step, "end_date"));
  return TRUE;
}
