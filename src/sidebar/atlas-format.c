/* atlas-format.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the sidebar puts a case's fields into words: dates at their precision, location
 * precision, Admiralty grades, attribute names, and one title and subtitle per record.
 * Text from the case is data: it is copied as it is and never read as markup.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>
#include <stdio.h>

#include "atlas-attribute-words.h"
#include "atlas-format.h"
#include "atlas-route-words.h"

#define SEPARATOR " · "

static const struct {
  const char *kind;
  const char *label;
  const char *icon_name;
} kinds[] = {
  { "incident", N_("Incident"), "mark-location-symbolic" },
  { "route", N_("Route"), "atlas-route-symbolic" },
  { "waypoint", N_("Waypoint"), "find-location-symbolic" },
  { "actor", N_("Actor"), "avatar-default-symbolic" },
  { "document", N_("Source"), "x-office-document-symbolic" },
  { "claim", N_("Claim"), "insert-text-symbolic" },
  { "role", N_("Role"), "avatar-default-symbolic" },
};


/**
 * atlas_format_kind:
 * @kind: (nullable): a record's kind, e.g. "incident"
 *
 * Returns: (transfer none): the kind's name for people, e.g. "Incident"
 */
const char *
atlas_format_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      return _(kinds[i].label);
  return kind ? kind : "";
}

/**
 * atlas_format_kind_icon:
 *
 * Returns: (transfer none): the name of a symbolic icon for the kind
 */
const char *
atlas_format_kind_icon (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      return kinds[i].icon_name;
  return "dialog-question-symbolic";
}

static gboolean
parse_calendar_date (const char *date,
                     int        *year,
                     int        *month,
                     int        *day)
{
  char rest = '\0';
  int n;

  *month = *day = 1;
  n = sscanf (date, "%4d-%2d-%2d%c", year, month, day, &rest);
  if (n < 1 || *year < 1 || (n == 4 && rest != 'T'))
    return FALSE;
  return g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

static const char *
format_for_date (const char *date)
{
  gsize length = strlen (date);

  if (length > 10)
    /* Translators: a date with a time, see g_date_time_format() */
    return C_("date format", "%-d %B %Y, %H:%M");
  if (length == 10)
    /* Translators: a day, see g_date_time_format() */
    return C_("date format", "%-d %B %Y");
  if (length == 7)
    /* Translators: a month, see g_date_time_format() */
    return C_("date format", "%B %Y");
  return "%Y";
}

static GDateTime *
parse_date (const char *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year, month, day;

  if (!parse_calendar_date (date, &year, &month, &day))
    return NULL;
  if (strlen (date) > 10)
    return g_date_time_new_from_iso8601 (date, utc);
  return g_date_time_new (utc, year, month, day, 0, 0, 0);
}

/**
 * atlas_format_date:
 * @date: (nullable): an ISO 8601 date as the case stores it
 * @precision: (nullable): year, month, day, hour, minute or approximate
 *
 * Returns: (transfer full) (nullable): the date in words, only as precise as it is known;
 *   text that is not a date comes back as it is
 */
char *
atlas_format_date (const char *date,
                   const char *precision)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *text = NULL;

  if (date == NULL || *date == '\0')
    return NULL;

  parsed = parse_date (date);
  if (parsed == NULL)
    return g_strdup (date);

  text = g_date_time_format (parsed, format_for_date (date));
  if (text == NULL)
    return g_strdup (date);
  if (g_strcmp0 (precision, "approximate") == 0)
    /* Translators: a date that is only approximately known */
    return g_strdup_printf (C_("date", "about %s"), text);
  return g_steal_pointer (&text);
}

/**
 * atlas_format_short_date:
 * @date: (nullable): an ISO 8601 date
 *
 * Returns: (transfer full) (nullable): the date in a few characters, for chips
 */
char *
atlas_format_short_date (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *format;

  if (date == NULL || *date == '\0')
    return NULL;
  if ((parsed = parse_date (date)) == NULL)
    return g_strdup (date);

  if (strlen (date) >= 10)
    /* Translators: a day in few characters, see g_date_time_format() */
    format = C_("date format", "%-d %b %Y");
  else if (strlen (date) == 7)
    /* Translators: a month in few characters, see g_date_time_format() */
    format = C_("date format", "%b %Y");
  else
    format = "%Y";
  return g_date_time_format (parsed, format);
}

/**
 * atlas_format_location_precision:
 *
 * Returns: (transfer full): how precisely a place is known, in words
 */
char *
atlas_format_location_precision (const char *precision)
{
  if (precision == NULL || *precision == '\0')
    return g_strdup (_("Location precision not given"));
  if (g_str_equal (precision, "site"))
    return g_strdup (_("Site-level location"));
  if (g_str_equal (precision, "town"))
    return g_strdup (_("Town-level location"));
  if (g_str_equal (precision, "district"))
    return g_strdup (_("District-level location"));
  if (g_str_equal (precision, "province"))
    return g_strdup (_("Province-level location"));
  if (g_str_equal (precision, "country"))
    return g_strdup (_("Country-level location"));
  return g_strdup_printf (_("Location precision: %s"), precision);
}

/**
 * atlas_format_reliability:
 * @grade: (nullable): a source's reliability on the Admiralty scale, "A" to "F"
 */
const char *
atlas_format_reliability (const char *grade)
{
  static const char *const words[] = {
    N_("completely reliable"), N_("usually reliable"), N_("fairly reliable"),
    N_("not usually reliable"), N_("unreliable"), N_("reliability cannot be judged"),
  };

  if (grade == NULL || grade[0] < 'A' || grade[0] > 'F' || grade[1] != '\0')
    return _("not graded");
  return _(words[grade[0] - 'A']);
}

/**
 * atlas_format_credibility:
 * @credibility: a claim's credibility on the Admiralty scale, 1 to 6
 */
const char *
atlas_format_credibility (gint64 credibility)
{
  static const char *const words[] = {
    N_("confirmed by other sources"), N_("probably true"), N_("possibly true"),
    N_("doubtful"), N_("improbable"), N_("truth cannot be judged"),
  };

  if (credibility < 1 || credibility > 6)
    return _("not graded");
  return _(words[credibility - 1]);
}

/**
 * atlas_format_grade_description:
 *
 * Returns: (transfer full): a sentence naming both Admiralty grades, for tooltips and
 *   screen readers
 */
char *
atlas_format_grade_description (const char *grade,
                                gint64      credibility)
{
  /* Translators: the Admiralty grades of a fact, e.g. "Source reliability C (fairly
   * reliable), information credibility 3 (possibly true)" */
  return g_strdup_printf (_("Source reliability %s (%s), information credibility %"
                            G_GINT64_FORMAT " (%s)"),
                          grade ? grade : "–", atlas_format_reliability (grade),
                          credibility, atlas_format_credibility (credibility));
}

/**
 * atlas_format_coordinates:
 *
 * Returns: (transfer full) (nullable): "30.2832° N, 57.0788° E", or %NULL when not known
 */
char *
atlas_format_coordinates (double latitude,
                          double longitude)
{
  const char *north_south;
  const char *east_west;

  if (isnan (latitude) || isnan (longitude))
    return NULL;

  north_south = latitude >= 0 ? C_("compass", "N") : C_("compass", "S");
  east_west = longitude >= 0 ? C_("compass", "E") : C_("compass", "W");
  /* Translators: latitude and longitude with their hemispheres, e.g. "30.2832° N, 57.0788° E" */
  return g_strdup_printf (_("%.4f° %s, %.4f° %s"),
                          fabs (latitude), north_south, fabs (longitude), east_west);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, SEPARATOR);
  g_string_append (text, part);
}

static char *
join_region (AtlasRecord *record)
{
  const char *admin_area = atlas_record_get_text (record, "admin_area");
  const char *country = atlas_record_get_text (record, "country");

  if (admin_area != NULL && *admin_area != '\0' && country != NULL && *country != '\0')
    return g_strdup_printf (C_("region", "%s, %s"), admin_area, country);
  if (admin_area != NULL && *admin_area != '\0')
    return g_strdup (admin_area);
  return g_strdup (country);
}

/**
 * atlas_format_region:
 * @record: an incident or a waypoint
 *
 * Returns: (transfer full) (nullable): "Kerman, Iran", or the place when no region is given
 */
char *
atlas_format_region (AtlasRecord *record)
{
  g_autofree char *region = join_region (record);

  if (region != NULL && *region != '\0')
    return g_steal_pointer (&region);
  return g_strdup (atlas_record_get_text (record, "place"));
}

static char *
format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", number));
}

static char *
format_claim_number (AtlasRecord *claim)
{
  const char *qualifier = atlas_record_get_text (claim, "qualifier");
  double number = atlas_record_get_double (claim, "value_number");
  double min = atlas_record_get_double (claim, "value_min");
  double max = atlas_record_get_double (claim, "value_max");
  g_autofree char *text = NULL;

  if (!isnan (min) && !isnan (max) && min != max)
    {
      g_autofree char *low = format_number (min);
      g_autofree char *high = format_number (max);

      /* Translators: a range of numbers */
      return g_strdup_printf (C_("range", "%s–%s"), low, high);
    }
  if (isnan (number))
    return NULL;

  text = format_number (number);
  if (g_strcmp0 (qualifier, "approximate") == 0)
    return g_strdup_printf (C_("number", "about %s"), text);
  if (g_strcmp0 (qualifier, "lower_bound") == 0)
    return g_strdup_printf (C_("number", "at least %s"), text);
  if (g_strcmp0 (qualifier, "upper_bound") == 0)
    return g_strdup_printf (C_("number", "at most %s"), text);
  return g_steal_pointer (&text);
}

/**
 * atlas_format_claim_value:
 *
 * Returns: (transfer full): the value a claim gives, in the document's own words when the
 *   case has them
 */
char *
atlas_format_claim_value (AtlasRecord *claim)
{
  const char *text = atlas_record_get_text (claim, "value_text");
  char *number;

  if (text != NULL && *text != '\0')
    return g_strdup (text);
  if ((number = format_claim_number (claim)) != NULL)
    return number;
  return g_strdup (_("No value given"));
}

static const char *
title_field (AtlasRecord *record)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);

  if (g_str_equal (atlas_record_get_kind (record), "waypoint"))
    return "place";
  if (atlas_record_class_find_field (klass, "title") != NULL)
    return "title";
  if (atlas_record_class_find_field (klass, "name") != NULL)
    return "name";
  return NULL;
}

/**
 * atlas_format_record_title:
 *
 * Returns: (transfer full): what a record is called: its title, name or place
 */
char *
atlas_format_record_title (AtlasRecord *record)
{
  const char *field;
  const char *title;

  g_return_val_if_fail (ATLAS_IS_RECORD (record), NULL);

  if (g_str_equal (atlas_record_get_kind (record), "claim"))
    return atlas_format_claim_value (record);
  field = title_field (record);
  title = field ? atlas_record_get_text (record, field) : NULL;
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (atlas_record_get_key (record));
}

static void
append_incident_subtitle (GString     *text,
                          AtlasRecord *record)
{
  g_autofree char *date = atlas_format_date (atlas_record_get_text (record, "start_time"),
                                             atlas_record_get_text (record, "start_precision"));
  g_autofree char *region = atlas_format_region (record);

  append_part (text, date);
  append_part (text, region);
}

static void
append_waypoint_subtitle (GString     *text,
                          AtlasRecord *record)
{
  g_autofree char *stop = g_strdup_printf (_("Stop %" G_GINT64_FORMAT),
                                           atlas_record_get_int (record, "seq"));
  g_autofree char *date = atlas_format_date (atlas_record_get_text (record, "date"),
                                             atlas_record_get_text (record, "date_precision"));
  g_autofree char *region = join_region (record);

  append_part (text, stop);
  append_part (text, date);
  append_part (text, region);
}

static void
append_actor_subtitle (GString     *text,
                       AtlasRecord *record)
{
  const char *aliases = atlas_record_get_text (record, "aliases");

  append_part (text, atlas_record_get_text (record, "actor_kind"));
  if (aliases != NULL && *aliases != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (aliases, "\n", -1);
      g_autofree char *joined = g_strjoinv (", ", lines);
      g_autofree char *also = g_strdup_printf (_("also %s"), joined);

      append_part (text, also);
    }
}

static void
append_document_subtitle (GString     *text,
                          AtlasRecord *record)
{
  g_autofree char *date = atlas_format_date (atlas_record_get_text (record, "published"), NULL);

  append_part (text, atlas_record_get_text (record, "publisher"));
  append_part (text, date ? date : _("undated"));
  append_part (text, atlas_record_get_text (record, "doc_kind"));
}

/**
 * atlas_format_record_subtitle:
 *
 * Returns: (transfer full): one line that tells a record apart: date and place of an
 *   incident, status of a route, publisher and date of a document…
 */
char *
atlas_format_record_subtitle (AtlasRecord *record)
{
  GString *text = g_string_new (NULL);
  const char *kind;

  g_return_val_if_fail (ATLAS_IS_RECORD (record), NULL);

  kind = atlas_record_get_kind (record);
  if (g_str_equal (kind, "incident"))
    append_incident_subtitle (text, record);
  else if (g_str_equal (kind, "route"))
    g_string_append_printf (text, _("Status: %s"),
                            atlas_route_words_status_name (atlas_record_get_text (record,
                                                                                  "status")));
  else if (g_str_equal (kind, "waypoint"))
    append_waypoint_subtitle (text, record);
  else if (g_str_equal (kind, "actor"))
    append_actor_subtitle (text, record);
  else if (g_str_equal (kind, "document"))
    append_document_subtitle (text, record);
  else if (g_str_equal (kind, "claim"))
    {
      g_autofree char *attribute = atlas_attribute_words (atlas_record_get_text (record,
                                                                                  "attribute"));
      append_part (text, attribute);
    }
  return g_string_free (text, FALSE);
}

/**
 * atlas_format_set_label:
 * @text: (nullable): plain text from the case, or %NULL
 *
 * Shows @text in @label as it is (never as markup), or hides the label when there is none.
 */
void
atlas_format_set_label (GtkLabel   *label,
                        const char *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  shown = atlas_format_display_text (text);
  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_text (label, shown);
}

/* Longest text a label shows, and the longest run without a place to break a line: Pango
 * takes minutes to wrap a label of tens of thousands of letters without a space (a crafted
 * case file). No word is this long; a long web address still reads the same. */
#define MAX_SHOWN_BYTES (8 * 1024)
#define MAX_UNBROKEN_CHARS 64
#define ZERO_WIDTH_SPACE 0x200B

/**
 * atlas_format_display_text:
 * @text: (nullable): text from a case file
 *
 * Returns: (transfer full): @text as labels can show it quickly: valid UTF-8, cut after
 *   8 KiB with an ellipsis, and with an invisible line-break opportunity in any run of
 *   more than 64 characters without one
 */
char *
atlas_format_display_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *shown;
  guint run = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, MIN (strlen (text), MAX_SHOWN_BYTES));
  shown = g_string_sized_new (strlen (valid) + 16);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      run = g_unichar_isspace (c) || c == ZERO_WIDTH_SPACE ? 0 : run + 1;
      if (run > MAX_UNBROKEN_CHARS)
        {
          g_string_append_unichar (shown, ZERO_WIDTH_SPACE);
          run = 1;
        }
      g_string_append_unichar (shown, c);
    }
  if (strlen (text) > MAX_SHOWN_BYTES)
    g_string_append (shown, "…");
  return g_string_free (shown, FALSE);
}

static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/**
 * atlas_format_name_mnemonic_buttons:
 * @root: a widget whose buttons may have mnemonics
 *
 * GTK 4.8 names a button with a mnemonic by its raw label and by the label inside it,
 * so a screen reader says "_Cancel Cancel": names each such button in @root once, by its
 * words.
 */
void
atlas_format_name_mnemonic_buttons (GtkWidget *root)
{
  const char *text = NULL;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    text = gtk_button_get_label (GTK_BUTTON (root));
  else if (GTK_IS_CHECK_BUTTON (root)
           && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root)))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
  if (text != NULL)
    {
      g_autofree char *plain = strip_mnemonic (text);

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                      -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_format_name_mnemonic_buttons (child);
}
