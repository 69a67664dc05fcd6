/* atlas-column-mapping.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which column of a CSV file holds the latitude, longitude, date, title and source: one
 * row per role with the file's columns to choose from, guessed from their names first.
 * Column names come from the file, so they are shown as plain text, never markup.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-column-mapping.h"

typedef enum {
  ROLE_LATITUDE,
  ROLE_LONGITUDE,
  ROLE_DATE,
  ROLE_TITLE,
  ROLE_SOURCE,
  N_ROLES
} Role;

static const struct {
  const char *id;
  const char *title;
  gboolean    required;
  const char *guesses;   /* column names that usually hold it, "|" between them */
} roles[N_ROLES] = {
  { "latitude", N_("Latitude"), TRUE, "latitude|lat|y|lat_dd|latitude_dd" },
  { "longitude", N_("Longitude"), TRUE, "longitude|lon|lng|long|x|lon_dd|longitude_dd" },
  { "date", N_("Date"), FALSE, "date|event_date|datetime|time|timestamp|when|day" },
  { "title", N_("Title"), FALSE, "title|name|event|label|headline|description" },
  { "source", N_("Source"), FALSE, "source|sources|url|link|reference|citation" },
};

struct _AtlasColumnMapping
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *rows[N_ROLES];
  char               **columns;
};

G_DEFINE_FINAL_TYPE (AtlasColumnMapping, atlas_column_mapping, ADW_TYPE_PREFERENCES_GROUP)

/* Optional roles offer "None" first, so their positions are one past the column's. */
static guint
first_column_position (Role role)
{
  return roles[role].required ? 0 : 1;
}

static int
find_guess (char       **columns,
            Role         role)
{
  g_auto(GStrv) guesses = g_strsplit (roles[role].guesses, "|", -1);

  for (guint g = 0; guesses[g] != NULL; g++)
    for (guint c = 0; columns[c] != NULL; c++)
      if (g_ascii_strcasecmp (columns[c], guesses[g]) == 0)
        return (int) c;
  return -1;
}

static void
fill_row (AtlasColumnMapping *self,
          Role                role)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  int guess = find_guess (self->columns, role);

  if (!roles[role].required)
    gtk_string_list_append (model, _("None"));
  for (guint c = 0; self->columns[c] != NULL; c++)
    gtk_string_list_append (model, self->columns[c]);

  adw_combo_row_set_model (self->rows[role], G_LIST_MODEL (model));
  if (guess >= 0)
    adw_combo_row_set_selected (self->rows[role], first_column_position (role) + (guint) guess);
  else if (roles[role].required)
    /* no good guess: the first columns, in order, are a common layout */
    adw_combo_row_set_selected (self->rows[role],
                                MIN ((guint) role, g_strv_length (self->columns) - 1));
  else
    adw_combo_row_set_selected (self->rows[role], 0);
}

/**
 * atlas_column_mapping_set_columns:
 * @columns: the header of the file
 */
void
atlas_column_mapping_set_columns (AtlasColumnMapping *self,
                                  const char * const *columns)
{
  g_return_if_fail (ATLAS_IS_COLUMN_MAPPING (self));
  g_return_if_fail (columns != NULL && columns[0] != NULL);

  g_strfreev (self->columns);
  self->columns = g_strdupv ((char **) columns);
  for (Role role = 0; role < N_ROLES; role++)
    fill_row (self, role);
}

static const char *
chosen_column (AtlasColumnMapping *self,
               Role                role)
{
  guint selected = adw_combo_row_get_selected (self->rows[role]);
  guint first = first_column_position (role);

  if (self->columns == NULL || selected == GTK_INVALID_LIST_POSITION || selected < first
      || selected - first >= g_strv_length (self->columns))
    return NULL;
  return self->columns[selected - first];
}

/**
 * atlas_column_mapping_get_mapping:
 *
 * Sets @mapping to the chosen columns; its strings belong to @self.
 */
void
atlas_column_mapping_get_mapping (AtlasColumnMapping *self,
                                  AtlasCsvMapping    *mapping)
{
  g_return_if_fail (ATLAS_IS_COLUMN_MAPPING (self));

  mapping->latitude = chosen_column (self, ROLE_LATITUDE);
  mapping->longitude = chosen_column (self, ROLE_LONGITUDE);
  mapping->date = chosen_column (self, ROLE_DATE);
  mapping->title = chosen_column (self, ROLE_TITLE);
  mapping->source = chosen_column (self, ROLE_SOURCE);
}

/**
 * atlas_column_mapping_select:
 * @role: "latitude", "longitude", "date", "title" or "source"
 * @column: (nullable): the column that holds it; %NULL for none
 *
 * Chooses as the analyst would in the row's drop-down.
 */
void
atlas_column_mapping_select (AtlasColumnMapping *self,
                             const char         *role_id,
                             const char         *column)
{
  g_return_if_fail (ATLAS_IS_COLUMN_MAPPING (self));

  for (Role role = 0; role < N_ROLES; role++)
    {
      if (!g_str_equal (roles[role].id, role_id))
        continue;
      if (column == NULL && !roles[role].required)
        adw_combo_row_set_selected (self->rows[role], 0);
      for (guint c = 0; column != NULL && self->columns && self->columns[c] != NULL; c++)
        if (g_str_equal (self->columns[c], column))
          adw_combo_row_set_selected (self->rows[role], first_column_position (role) + c);
    }
}

static void
atlas_column_mapping_finalize (GObject *object)
{
  g_strfreev (ATLAS_COLUMN_MAPPING (object)->columns);

  G_OBJECT_CLASS (atlas_column_mapping_parent_class)->finalize (object);
}

static void
atlas_column_mapping_class_init (AtlasColumnMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_column_mapping_finalize;
}

static void
atlas_column_mapping_init (AtlasColumnMapping *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    _("This file is not in ACLED’s layout. Choose which of its columns hold what; every "
      "other column is kept as a claim of each incident."));
  for (Role role = 0; role < N_ROLES; role++)
    {
      self->rows[role] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[role]),
                                     _(roles[role].title));
      if (roles[role].required)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[role]), _("Required"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rows[role]));
    }
}

GtkWidget *
atlas_column_mapping_new (void)
{
  return g_object_new (ATLAS_TYPE_COLUMN_MAPPING, NULL);
}
