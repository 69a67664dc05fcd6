/* atlas-briefing-panel.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caption of a briefing step, as shown over the map in briefing mode: where the step is
 * in the briefing, its text in type large enough for the back of a room, and the claims
 * behind it with their sources. Which step is shown is its "position"; the window frames
 * the map on the step's subject when it changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-briefing-panel.h"
#include "atlas-briefing-step.h"

struct _AtlasBriefingPanel
{
  AdwBin      parent_instance;

  GtkLabel   *counter_label;
  GtkLabel   *caption_label;
  GtkLabel   *sources_label;

  AtlasCase  *atlas_case;
  GListModel *steps;
  guint       position;
};

G_DEFINE_FINAL_TYPE (AtlasBriefingPanel, atlas_briefing_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "84 (deaths), NewsNation, 4 January 2024, attributed to …" */
static char *
describe_claim (AtlasBriefingPanel *self,
                AtlasRecord        *claim)
{
  g_autoptr(AtlasRecord) document =
    atlas_case_lookup (self->atlas_case, "document", atlas_record_get_text (claim, "document_key"),
                       NULL);
  const char *publisher = document ? atlas_record_get_text (document, "publisher") : NULL;
  const char *published = document ? atlas_record_get_text (document, "published") : NULL;
  const char *party = atlas_record_get_text (claim, "attributed_to");
  GString *text = g_string_new (atlas_record_get_text (claim, "value_text"));

  g_string_append_printf (text, " — %s", publisher ? publisher : _("unnamed source"));
  if (published != NULL)
    g_string_append_printf (text, ", %s", published);
  if (party != NULL && g_strcmp0 (party, publisher) != 0)
    g_string_append_printf (text, _(", attributed to %s"), party);
  return g_string_free (text, FALSE);
}

static char *
describe_sources (AtlasBriefingPanel *self,
                  AtlasRecord        *step)
{
  g_auto(GStrv) keys = g_strsplit (atlas_record_get_text (step, "claim_keys")
                                   ? atlas_record_get_text (step, "claim_keys") : "", " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(AtlasRecord) claim = NULL;
      g_autofree char *line = NULL;

      if (*keys[i] == '\0'
          || (claim = atlas_case_lookup (self->atlas_case, "claim", keys[i], NULL)) == NULL)
        continue;
      line = describe_claim (self, claim);
      g_string_append_printf (text, "%s%u. %s", n > 0 ? "\n" : "", n + 1, line);
      n++;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The panel takes the focus on each step while presenting, and is named by what it shows:
 * a screen reader reads the new name of what has the focus. */
static void
name_panel (AtlasBriefingPanel *self)
{
  const char *counter = gtk_label_get_text (self->counter_label);
  g_autofree char *name = NULL;

  if (*counter != '\0')
    /* Translators: a briefing step as a screen reader reads it: "Step 2 of 7: caption" */
    name = g_strdup_printf (_("%s: %s"), counter, gtk_label_get_text (self->caption_label));
  else
    name = g_strdup (gtk_label_get_text (self->caption_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->sources_label),
                                  -1);
}

static void
show_step (AtlasBriefingPanel *self)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_panel_get_step (self);
  g_autofree char *counter = NULL;
  g_autofree char *sources = NULL;
  guint n_steps = atlas_briefing_panel_get_n_steps (self);

  if (step == NULL)
    {
      gtk_label_set_text (self->counter_label, "");
      gtk_label_set_text (self->caption_label, _("This case has no briefing"));
      gtk_label_set_text (self->sources_label, "");
      name_panel (self);
      return;
    }

  counter = g_strdup_printf (_("Step %u of %u"), self->position + 1, n_steps);
  sources = describe_sources (self, step);
  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->caption_label, atlas_record_get_text (step, "caption"));
  gtk_label_set_text (self->sources_label, sources);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), *sources != '\0');
  name_panel (self);
}

static void
atlas_briefing_panel_dispose (GObject *object)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  g_clear_object (&self->atlas_case);
  g_clear_object (&self->steps);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_BRIEFING_PANEL);

  G_OBJECT_CLASS (atlas_briefing_panel_parent_class)->dispose (object);
}

static void
atlas_briefing_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_briefing_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      atlas_briefing_panel_set_position (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_briefing_panel_class_init (AtlasBriefingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_briefing_panel_dispose;
  object_class->get_property = atlas_briefing_panel_get_property;
  object_class->set_property = atlas_briefing_panel_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-briefing-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, sources_label);
  gtk_widget_class_set_css_name (widget_class, "atlas-briefing-panel");
}

static void
atlas_briefing_panel_init (AtlasBriefingPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * atlas_briefing_panel_set_case:
 *
 * Loads the case's briefing and shows its first step.
 */
void
atlas_briefing_panel_set_case (AtlasBriefingPanel *self,
                               AtlasCase          *atlas_case)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  g_set_object (&self->atlas_case, atlas_case);
  g_clear_object (&self->steps);
  if (atlas_case != NULL)
    self->steps = atlas_case_list_records (atlas_case, ATLAS_TYPE_BRIEFING_STEP, NULL);
  self->position = 0;
  show_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

guint
atlas_briefing_panel_get_n_steps (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), 0);

  return self->steps ? g_list_model_get_n_items (self->steps) : 0;
}

guint
atlas_briefing_panel_get_position (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), 0);

  return self->position;
}

/**
 * atlas_briefing_panel_set_position:
 *
 * Shows step @position (from 0), kept within the briefing.
 */
void
atlas_briefing_panel_set_position (AtlasBriefingPanel *self,
                                   guint               position)
{
  guint n_steps;

  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  n_steps = atlas_briefing_panel_get_n_steps (self);
  position = n_steps > 0 ? MIN (position, n_steps - 1) : 0;
  if (position == self->position)
    return;

  self->position = position;
  show_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * atlas_briefing_panel_get_step:
 *
 * Returns: (transfer full) (nullable): the step shown
 */
AtlasRecord *
atlas_briefing_panel_get_step (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);

  if (atlas_briefing_panel_get_n_steps (self) == 0)
    return NULL;
  return g_list_model_get_item (self->steps, self->position);
}

/**
 * atlas_briefing_panel_get_sources_text:
 *
 * Returns: the claims and sources shown for the step, as text
 */
const char *
atlas_briefing_panel_get_sources_text (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);

  return gtk_label_get_text (self->sources_label);
}
