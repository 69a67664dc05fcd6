/* atlas-view-link.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links that cite a place in a case: written by "Copy Link", read when the desktop or the
 * command line opens one. The grammar, and all that is read:
 *
 *   link     = "incident-atlas://" path [ "?" param *( "&" param ) ]
 *   path     = 1*( "/" segment )    the case file's absolute path, UTF-8, percent-encoded;
 *                                   no "." or ".." segment
 *   param    = name "=" value       value percent-encoded UTF-8
 *
 *   record=KEY                      a record of the case (incident, route, waypoint, actor,
 *                                   source), selected
 *   step=N                          a step of a briefing, 1 to 10000, presented
 *   briefing=TITLE                  the briefing the step is in, when a case has several
 *   lat=DEG&lon=DEG&zoom=Z          the map's centre (−90…90, −180…180) and zoom (0…22):
 *                                   the three together or none
 *
 * The scheme is read in any case; the rest is case-sensitive. A link is at most 4,096 bytes
 * and holds at most 16 parameters; a value decodes to at most 1,024 bytes of UTF-8 with no
 * control character (so no NUL); a bad escape ("%G1", "%4") is an error; a parameter given
 * twice, a record and a step together, or a briefing without a step, is an error. A
 * parameter of another name is not used: its name is kept, made printable, so the window
 * can say it was ignored. Nothing in a link is run or shown as markup; keys are looked up
 * through the case store's bound statements.
 */

#define G_LOG_DOMAIN "atlas-view-link"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-view-link.h"

#define PREFIX           ATLAS_VIEW_LINK_SCHEME "://"
#define MAX_PARAMS       16
#define MAX_SHOWN_LENGTH 80
#define MAX_ZOOM         22.0
#define SQLITE_MAGIC     "SQLite format 3"

G_DEFINE_QUARK (atlas-view-link-error-quark, atlas_view_link_error)

/* The link as a message may show it: printable, and cut short. */
static char *
shown_text (const char *text)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (shown->len >= MAX_SHOWN_LENGTH)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_c (shown, g_ascii_isprint (*p) ? *p : '?');
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* Sets @error to say why @uri is not a link; returns %NULL, for the parser to return. */
static gpointer
fail (GError     **error,
      const char  *uri,
      const char  *reason)
{
  g_autofree char *shown = shown_text (uri);

  g_set_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_INVALID,
               _("“%s” is not a link to a case: %s"), shown, reason);
  return NULL;
}

/* Percent-decodes @text[0, @length). NULL for a bad escape, a NUL, text that is not UTF-8,
 * a control character, or more than the longest value. */
static char *
decode (const char *text,
        gsize       length)
{
  g_autoptr(GString) out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      int high, low;

      if (text[i] != '%')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      if (i + 2 >= length)
        return NULL;
      high = g_ascii_xdigit_value (text[i + 1]);
      low = high < 0 ? -1 : g_ascii_xdigit_value (text[i + 2]);
      if (low < 0 || (high == 0 && low == 0))
        return NULL;
      g_string_append_c (out, (char) (high * 16 + low));
      i += 2;
    }

  if (out->len > ATLAS_VIEW_LINK_MAX_VALUE || !g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  for (const char *p = out->str; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Only what percent-encoding leaves as it is may stand in a link: no space, no control
 * character, no raw non-ASCII byte. */
static gboolean
has_only_link_characters (const char *uri)
{
  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || strchr ("\"<>\\^`{|}#", *p) != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
path_is_clean (const char *path)
{
  g_auto(GStrv) segments = NULL;

  if (path[0] != '/')
    return FALSE;
  segments = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".") || g_str_equal (segments[i], ".."))
      return FALSE;
  return path[1] != '\0';
}

static gboolean
parse_number (const char *text,
              double      min,
              double      max,
              double     *number)
{
  char *end = NULL;
  double value;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || value < min || value > max)
    return FALSE;
  *number = value;
  return TRUE;
}

typedef struct {
  AtlasViewLink *link;
  GPtrArray     *ignored;
  guint          seen;        /* a bit per known name */
  gboolean       view[3];
} Reader;

static const char *const known_names[] = { "record", "step", "briefing", "lat", "lon", "zoom" };

static int
known_name_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_names); i++)
    if (g_str_equal (name, known_names[i]))
      return (int) i;
  return -1;
}

/* Sets what the parameter @name says; FALSE with @reason set if its value is wrong. */
static gboolean
read_value (Reader      *r,
            const char  *name,
            const char  *value,
            const char **reason)
{
  AtlasViewLink *link = r->link;
  guint64 step;

  if (g_str_equal (name, "record"))
    {
      link->record_key = g_strdup (value);
      *reason = _("the record’s key is empty");
      return *value != '\0';
    }
  if (g_str_equal (name, "step"))
    {
      *reason = _("the step is not a number from 1 to 10000");
      if (!g_ascii_string_to_unsigned (value, 10, 1, ATLAS_VIEW_LINK_MAX_STEP, &step, NULL))
        return FALSE;
      link->step = (guint) step;
      return TRUE;
    }
  if (g_str_equal (name, "briefing"))
    {
      link->briefing = g_strdup (value);
      return TRUE;
    }

  *reason = _("the view’s latitude, longitude or zoom is out of range");
  if (g_str_equal (name, "lat"))
    return r->view[0] = parse_number (value, -90.0, 90.0, &link->latitude);
  if (g_str_equal (name, "lon"))
    return r->view[1] = parse_number (value, -180.0, 180.0, &link->longitude);
  return r->view[2] = parse_number (value, 0.0, MAX_ZOOM, &link->zoom);
}

/* Keeps the name of a parameter the link does not know, to say it was ignored. */
static void
ignore_param (Reader     *r,
              const char *param,
              gsize       length)
{
  g_autofree char *raw = g_strndup (param, length);
  char *equals = strchr (raw, '=');

  if (equals != NULL)
    *equals = '\0';
  g_ptr_array_add (r->ignored, shown_text (raw));
}

static gboolean
read_param (Reader      *r,
            const char  *param,
            gsize        length,
            const char **reason)
{
  const char *equals = memchr (param, '=', length);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  int known;

  name = equals != NULL ? g_strndup (param, equals - param) : g_strndup (param, length);
  known = known_name_index (name);
  if (known < 0)
    {
      ignore_param (r, param, length);
      return TRUE;
    }
  *reason = _("a parameter is given twice");
  if (r->seen & (1u << known))
    return FALSE;
  r->seen |= 1u << known;

  *reason = _("a value has a bad percent escape, a NUL or control character, "
              "or is too long");
  if (equals == NULL
      || (value = decode (equals + 1, length - (equals + 1 - param))) == NULL)
    return FALSE;
  return read_value (r, name, value, reason);
}

static gboolean
read_query (Reader      *r,
            const char  *query,
            const char **reason)
{
  guint n_params = 0;

  while (*query != '\0')
    {
      const char *end = strchr (query, '&');
      gsize length = end != NULL ? (gsize) (end - query) : strlen (query);

      *reason = _("it has too many parameters");
      if (++n_params > MAX_PARAMS)
        return FALSE;
      if (length > 0 && !read_param (r, query, length, reason))
        return FALSE;
      query += length + (end != NULL ? 1 : 0);
    }

  *reason = _("it names a record and a step at once");
  if (r->link->record_key != NULL && r->link->step > 0)
    return FALSE;
  *reason = _("it names a briefing but no step of it");
  if (r->link->briefing != NULL && r->link->step == 0)
    return FALSE;
  *reason = _("a view needs lat, lon and zoom together");
  if ((r->view[0] || r->view[1] || r->view[2]) && !(r->view[0] && r->view[1] && r->view[2]))
    return FALSE;
  r->link->has_view = r->view[0];
  return TRUE;
}

/* Reads the path and the query after the scheme; FALSE with @reason set if they are wrong. */
static gboolean
read_link (Reader      *r,
           const char  *rest,
           const char **reason)
{
  const char *query = strchr (rest, '?');
  gsize path_length = query != NULL ? (gsize) (query - rest) : strlen (rest);

  *reason = _("the case file’s path has a bad percent escape, a NUL or control character");
  r->link->case_path = decode (rest, path_length);
  if (r->link->case_path == NULL)
    return FALSE;
  *reason = _("the case file’s path is not absolute, or has “.” or “..” in it");
  if (!path_is_clean (r->link->case_path))
    return FALSE;
  return query == NULL || read_query (r, query + 1, reason);
}

/**
 * atlas_view_link_error_quark:
 *
 * Returns: the error domain of links
 */

/**
 * atlas_view_link_new:
 * @case_path: the case file's absolute path
 *
 * Returns: (transfer full): a link to the case, with no record, step or view yet
 */
AtlasViewLink *
atlas_view_link_new (const char *case_path)
{
  AtlasViewLink *link;

  g_return_val_if_fail (case_path != NULL && g_path_is_absolute (case_path), NULL);

  link = g_new0 (AtlasViewLink, 1);
  link->case_path = g_strdup (case_path);
  return link;
}

void
atlas_view_link_free (AtlasViewLink *link)
{
  if (link == NULL)
    return;
  g_free (link->case_path);
  g_free (link->record_key);
  g_free (link->briefing);
  g_strfreev (link->ignored);
  g_free (link);
}

/**
 * atlas_view_link_set_view:
 * @link: a link
 * @latitude: the map's centre
 * @longitude: the map's centre, wrapped into −180…180
 * @zoom: the map's zoom
 *
 * Makes @link show the map there.
 */
void
atlas_view_link_set_view (AtlasViewLink *link,
                          double         latitude,
                          double         longitude,
                          double         zoom)
{
  g_return_if_fail (link != NULL);

  if (longitude < -180.0 || longitude > 180.0)
    longitude -= 360.0 * floor ((longitude + 180.0) / 360.0);
  link->has_view = TRUE;
  link->latitude = CLAMP (latitude, -90.0, 90.0);
  link->longitude = CLAMP (longitude, -180.0, 180.0);
  link->zoom = CLAMP (zoom, 0.0, MAX_ZOOM);
}

/**
 * atlas_view_link_parse:
 * @uri: a link, as the desktop or the command line gives it
 * @error: return location for a #GError
 *
 * Reads a link by the grammar at the top of this file. Whether the case exists is not
 * looked at: see atlas_view_link_check_case().
 *
 * Returns: (transfer full) (nullable): the link, or %NULL with %ATLAS_VIEW_LINK_ERROR_INVALID
 *   and a message that names the link and says what is wrong
 */
AtlasViewLink *
atlas_view_link_parse (const char  *uri,
                       GError     **error)
{
  g_autoptr(AtlasViewLink) link = NULL;
  g_autoptr(GPtrArray) ignored = NULL;
  const char *reason = NULL;
  Reader reader = { 0, };

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (uri) > ATLAS_VIEW_LINK_MAX_LENGTH)
    return fail (error, uri, _("it is longer than 4,096 bytes"));
  if (g_ascii_strncasecmp (uri, PREFIX, strlen (PREFIX)) != 0)
    return fail (error, uri, _("it does not start with “incident-atlas://”"));
  if (!has_only_link_characters (uri))
    return fail (error, uri, _("it has spaces or characters that must be percent-encoded"));

  link = g_new0 (AtlasViewLink, 1);
  ignored = g_ptr_array_new_with_free_func (g_free);
  reader.link = link;
  reader.ignored = ignored;
  if (!read_link (&reader, uri + strlen (PREFIX), &reason))
    return fail (error, uri, reason);

  g_ptr_array_add (ignored, NULL);
  link->ignored = (GStrv) g_ptr_array_steal (ignored, NULL);
  return g_steal_pointer (&link);
}

static void
append_param (GString    *uri,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (uri, strchr (uri->str, '?') == NULL ? '?' : '&');
  g_string_append_printf (uri, "%s=%s", name, escaped);
}

static void
append_number (GString    *uri,
               const char *name,
               const char *format,
               double      number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  append_param (uri, name, g_ascii_formatd (buffer, sizeof buffer, format, number));
}

/**
 * atlas_view_link_to_uri:
 * @link: a link
 *
 * Writes @link by the grammar at the top of this file, every byte outside the unreserved
 * characters percent-encoded; atlas_view_link_parse() reads it back.
 *
 * Returns: (transfer full): the link's text
 */
char *
atlas_view_link_to_uri (const AtlasViewLink *link)
{
  g_autoptr(GString) uri = g_string_new (PREFIX);
  g_autofree char *path = NULL;

  g_return_val_if_fail (link != NULL && link->case_path != NULL, NULL);

  path = g_uri_escape_string (link->case_path, "/", FALSE);
  g_string_append (uri, path);
  if (link->record_key != NULL)
    append_param (uri, "record", link->record_key);
  if (link->step > 0)
    {
      g_autofree char *step = g_strdup_printf ("%u", link->step);

      append_param (uri, "step", step);
      if (link->briefing != NULL)
        append_param (uri, "briefing", link->briefing);
    }
  if (link->has_view)
    {
      /* six decimals of a degree are 11 cm; a hundredth of a zoom level is not seen */
      append_number (uri, "lat", "%.6f", link->latitude);
      append_number (uri, "lon", "%.6f", link->longitude);
      append_number (uri, "zoom", "%.2f", link->zoom);
    }
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

/* Whether @file starts as an SQLite database does; a case is a GeoPackage, which is one. */
static gboolean
has_sqlite_header (GFile   *file,
                   GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  char header[sizeof SQLITE_MAGIC] = { 0, };
  gsize n_read = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                   NULL, error))
    return FALSE;
  return n_read == sizeof header && memcmp (header, SQLITE_MAGIC, sizeof header) == 0;
}

/**
 * atlas_view_link_check_case:
 * @link: a link
 * @error: return location for a #GError
 *
 * Checks, without opening it as a case, that the file @link names is there, is a regular
 * file (never a folder, a FIFO or a device, which could hang a reader) and starts as a
 * case file does. The case store still checks all the rest when it opens it.
 *
 * Returns: %TRUE if the case can be opened; else %FALSE with
 *   %ATLAS_VIEW_LINK_ERROR_NOT_FOUND or %ATLAS_VIEW_LINK_ERROR_NOT_A_CASE and a message
 *   naming the file
 */
gboolean
atlas_view_link_check_case (const AtlasViewLink  *link,
                            GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;

  g_return_val_if_fail (link != NULL && link->case_path != NULL, FALSE);

  path = link->case_path;
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_NOT_FOUND,
                   _("The link names the case file “%s”, which is not there"), path);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE,
                   _("The link names “%s”, which is a folder, not a case file"), path);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE,
                   _("The link names “%s”, which is not a regular file"), path);
      return FALSE;
    }
  if (!has_sqlite_header (file, &local_error))
    {
      g_set_error (error, ATLAS_VIEW_LINK_ERROR, ATLAS_VIEW_LINK_ERROR_NOT_A_CASE,
                   _("The link names “%s”, which is not a case file%s%s"), path,
                   local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_view_link_describe_ignored:
 * @link: a link
 *
 * Returns: (transfer full) (nullable): a sentence naming the parameters @link had that no
 *   link of this app has, which were not used; %NULL if there were none
 */
char *
atlas_view_link_describe_ignored (const AtlasViewLink *link)
{
  g_autofree char *names = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  if (link->ignored == NULL || link->ignored[0] == NULL)
    return NULL;
  names = g_strjoinv (", ", link->ignored);
  return g_strdup_printf (_("The link’s unknown parameters were ignored: %s"), names);
}
