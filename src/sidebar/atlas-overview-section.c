/* atlas-overview-section.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The heading of one list in the overview ("Incidents", "2 of 6"), as an item of the same
 * list model as the records under it, so one list view shows the whole overview.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include "atlas-overview-section.h"

struct _AtlasOverviewSection
{
  GObject   parent_instance;

  char     *title;
  char     *detail;
  char     *problem;
  gboolean  filtered;
};

G_DEFINE_FINAL_TYPE (AtlasOverviewSection, atlas_overview_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_FILTERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_overview_section_finalize (GObject *object)
{
  AtlasOverviewSection *self = ATLAS_OVERVIEW_SECTION (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (atlas_overview_section_parent_class)->finalize (object);
}

static void
atlas_overview_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtlasOverviewSection *self = ATLAS_OVERVIEW_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_FILTERED:
      g_value_set_boolean (value, self->filtered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_overview_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtlasOverviewSection *self = ATLAS_OVERVIEW_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    case PROP_FILTERED:
      self->filtered = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_overview_section_class_init (AtlasOverviewSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                            | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_overview_section_finalize;
  object_class->get_property = atlas_overview_section_get_property;
  object_class->set_property = atlas_overview_section_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_FILTERED] = g_param_spec_boolean ("filtered", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_overview_section_init (AtlasOverviewSection *self)
{
}

/**
 * atlas_overview_section_new:
 * @title: the list's name, e.g. "Incidents"
 * @detail: (nullable): how many it holds, e.g. "2 of 6"
 * @filtered: whether the filter hides some of them
 */
AtlasOverviewSection *
atlas_overview_section_new (const char *title,
                            const char *detail,
                            gboolean    filtered)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (ATLAS_TYPE_OVERVIEW_SECTION,
                       "title", title,
                       "detail", detail,
                       "filtered", filtered,
                       NULL);
}

/**
 * atlas_overview_section_get_title:
 *
 * Returns: (transfer none): the list's name
 */
const char *
atlas_overview_section_get_title (AtlasOverviewSection *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_SECTION (self), NULL);
  return self->title;
}

/**
 * atlas_overview_section_get_detail:
 *
 * Returns: (transfer none) (nullable): how many the list holds
 */
const char *
atlas_overview_section_get_detail (AtlasOverviewSection *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_SECTION (self), NULL);
  return self->detail;
}

/**
 * atlas_overview_section_set_problem:
 * @problem: (nullable): why the list cannot be shown, e.g. "the case file cannot be read:
 *   no such column: summary"
 *
 * Marks the list as unreadable, so its heading says why rather than counting nothing.
 * Set it before the section is shown.
 */
void
atlas_overview_section_set_problem (AtlasOverviewSection *self,
                                    const char           *problem)
{
  g_return_if_fail (ATLAS_IS_OVERVIEW_SECTION (self));

  g_free (self->problem);
  self->problem = g_strdup (problem);
}

/**
 * atlas_overview_section_get_problem:
 *
 * Returns: (transfer none) (nullable): why the list cannot be shown
 */
const char *
atlas_overview_section_get_problem (AtlasOverviewSection *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_SECTION (self), NULL);
  return self->problem;
}

/**
 * atlas_overview_section_get_filtered:
 *
 * Returns: whether the filter hides some of the list
 */
gboolean
atlas_overview_section_get_filtered (AtlasOverviewSection *self)
{
  g_return_val_if_fail (ATLAS_IS_OVERVIEW_SECTION (self), FALSE);
  return self->filtered;
}
