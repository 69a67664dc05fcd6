/* atlas-briefing-panel.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caption of a briefing step, as shown over the map in briefing mode, in the printed
 * page's order and words (atlas-briefing-words): where the step is in the briefing, the
 * kicker and heading of its subject, its caption in type large enough for the back of a
 * room, then the claims behind it with their sources and grades: as many as fit in the
 * window, then "and N more". Which step is shown is its "position"; the window frames the
 * map on the step's subject when it changes, and tells the panel how much room it has.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-briefing-panel.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing-words.h"
#include "atlas-case-edit-briefing.h"

/* the card's widest text, and its share of a narrower map */
#define MAX_TEXT_WIDTH 520
#define MIN_TEXT_WIDTH 280
#define MAP_SHARE 0.4
/* the room the card leaves above itself, and its largest share of the map's height */
#define TOP_ROOM 24
#define MAX_HEIGHT_SHARE 0.82
/* more sources than this are told as "and N more" even where there is room */
#define MAX_SOURCES_SHOWN 5

struct _AtlasBriefingPanel
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkLabel   *counter_label;
  GtkLabel   *kicker_label;
  GtkLabel   *title_label;
  GtkLabel   *caption_label;
  GtkLabel   *sources_heading;
  GtkBox     *sources_box;
  GtkLabel   *more_label;

  AtlasCase  *atlas_case;
  char       *briefing_key;   /* nullable: the case's first briefing */
  guint       start_position; /* the step set_case() shows first */
  GListModel *steps;
  GPtrArray  *sources;      /* AtlasStepSource of the step shown */
  GString    *sources_text; /* what the card shows of them */
  guint       position;
  int         room_width;   /* the map's size, or 0 before the window tells */
  int         room_height;
  guint       refill_id;      /* a tick callback: the sources are fitted again soon */
  guint       refill_frames;
  guint       n_sources_shown;
};

G_DEFINE_FINAL_TYPE (AtlasBriefingPanel, atlas_briefing_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_N_SOURCES_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text never breaks at a hyphen: "ISIS-K" stays whole. */
static void
set_unbroken_text (GtkLabel   *label,
                   const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "-", -1);
  g_autofree char *joined = g_strjoinv ("-\u2060", parts);

  gtk_label_set_text (label, joined);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "3  Deaths: 84", and under it "NewsNation, 4 January 2024 · reliability B" */
static GtkWidget *
create_source_row (const AtlasStepSource *source,
                   guint                  number)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  g_autofree char *claim = g_strdup_printf ("%u  %s", number, source->claim);

  gtk_box_append (GTK_BOX (row), create_label (claim, "atlas-briefing-source"));
  gtk_box_append (GTK_BOX (row), create_label (source->source, "atlas-briefing-source-origin"));
  return row;
}

static void
clear_sources_box (AtlasBriefingPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);
}

/* Whether the card, as it is now, fits the map's height: within the window, and for more
 * than its first source, in a share of it that leaves the map room. */
static int
measure_card_height (AtlasBriefingPanel *self)
{
  int natural_width, natural_height;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL,
                      MIN (natural_width, self->room_width), NULL, &natural_height, NULL, NULL);
  return natural_height;
}

/* The height the card may take: the map's, less the margins the window lays it with (a
 * measure leaves them out) and a little room above. */
static int
card_room (AtlasBriefingPanel *self)
{
  return self->room_height - gtk_widget_get_margin_top (GTK_WIDGET (self))
         - gtk_widget_get_margin_bottom (GTK_WIDGET (self)) - TOP_ROOM;
}

static gboolean
fits (AtlasBriefingPanel *self,
      guint               n_sources)
{
  int natural_height;

  if (self->room_height <= 0)
    return TRUE;
  natural_height = measure_card_height (self);
  if (n_sources <= 1)
    return natural_height <= card_room (self);
  return natural_height <= MIN (card_room (self), self->room_height * MAX_HEIGHT_SHARE);
}

static void
show_more (AtlasBriefingPanel *self,
           guint               n_more)
{
  g_autofree char *more = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n_more > 0);
  if (n_more == 0)
    return;
  /* Translators: after the sources a briefing step shows, how many more it cites */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more source",
                                       "and %u more sources", n_more), n_more);
  gtk_label_set_text (self->more_label, more);
}

/* What the card shows of the sources, as text. */
static void
describe_shown (AtlasBriefingPanel *self,
                guint               shown)
{
  g_string_truncate (self->sources_text, 0);
  for (guint i = 0; i < shown; i++)
    {
      AtlasStepSource *source = g_ptr_array_index (self->sources, i);

      g_string_append_printf (self->sources_text, "%s%u. %s — %s", i > 0 ? "\n" : "", i + 1,
                              source->claim, source->source);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->more_label)))
    g_string_append_printf (self->sources_text, "%s%s", shown > 0 ? "\n" : "",
                            gtk_label_get_text (self->more_label));
}

/* Cuts @label to at most @lines lines, with an ellipsis; -1 lets it be whole again. */
static void
limit_lines (GtkLabel *label,
             int       lines)
{
  gtk_label_set_lines (label, lines);
  gtk_label_set_ellipsize (label, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

/* A card too tall for the map's height (large text on a short screen) is cut, the caption
 * first, line by line, then the title, with an ellipsis: the panel's accessible name and
 * description keep them whole. */
static void
fit_card_text (AtlasBriefingPanel *self)
{
  GtkLabel *labels[] = { self->caption_label, self->title_label };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    limit_lines (labels[i], -1);
  if (self->room_height <= 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    for (int lines = 12; measure_card_height (self) > card_room (self) && lines > 0; lines--)
      limit_lines (labels[i], lines);
}

/* The step's sources, as many as fit in the map's height, then how many more there are. */
static void
fill_sources (AtlasBriefingPanel *self)
{
  guint n = self->sources ? self->sources->len : 0;
  guint shown = 0;

  clear_sources_box (self);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_heading), n > 0);
  while (shown < MIN (n, MAX_SOURCES_SHOWN))
    {
      GtkWidget *row = create_source_row (g_ptr_array_index (self->sources, shown), shown + 1);

      gtk_box_append (self->sources_box, row);
      show_more (self, n - shown - 1);
      if (!fits (self, shown + 1))
        {
          gtk_box_remove (self->sources_box, row);
          break;
        }
      shown++;
    }
  show_more (self, n - shown);
  fit_card_text (self);
  describe_shown (self, shown);
  self->n_sources_shown = shown;
  /* the card changed size: whoever frames the map around it is told */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SOURCES_SHOWN]);
}

/* A frame's layout applies the new type sizes; the frame after it measures with them. */
static gboolean
refill_cb (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (widget);

  if (++self->refill_frames < 2)
    return G_SOURCE_CONTINUE;
  self->refill_id = 0;
  fill_sources (self);
  return G_SOURCE_REMOVE;
}

/* Only a mapped widget gets ticks. */
static void
refill_soon (AtlasBriefingPanel *self)
{
  self->refill_frames = 0;
  if (self->refill_id == 0)
    self->refill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), refill_cb, NULL, NULL);
}

/* The panel takes the focus on each step while presenting, and is named by what it shows:
 * a screen reader reads the new name of what has the focus. */
static void
name_panel (AtlasBriefingPanel *self)
{
  const char *counter = gtk_label_get_text (self->counter_label);
  const char *title = gtk_label_get_text (self->title_label);
  const char *caption = gtk_label_get_text (self->caption_label);
  const char *heading = title != NULL && *title != '\0' ? title : caption;
  g_autofree char *name = NULL;

  if (*counter != '\0')
    /* Translators: a briefing step as a screen reader reads it: "Step 2 of 7: heading" */
    name = g_strdup_printf (_("%s: %s"), counter, heading);
  else
    name = g_strdup (heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
}

static void
show_step (AtlasBriefingPanel *self)
{
  g_autoptr(AtlasRecord) step = atlas_briefing_panel_get_step (self);
  g_autoptr(AtlasRecord) subject = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *kicker = NULL;

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  if (step == NULL)
    {
      gtk_label_set_text (self->counter_label, "");
      set_unbroken_text (self->kicker_label, NULL);
      set_unbroken_text (self->title_label, NULL);
      gtk_label_set_text (self->caption_label, _("This case has no briefing"));
      fill_sources (self);
      name_panel (self);
      return;
    }

  subject = atlas_briefing_words_subject (self->atlas_case, step);
  kicker = atlas_briefing_words_kicker (self->atlas_case, step, subject);
  counter = g_strdup_printf (_("Step %u of %u"), self->position + 1,
                             atlas_briefing_panel_get_n_steps (self));
  gtk_label_set_text (self->counter_label, counter);
  set_unbroken_text (self->kicker_label, kicker);
  set_unbroken_text (self->title_label, subject ? atlas_briefing_words_heading (subject) : NULL);
  set_unbroken_text (self->caption_label, atlas_record_get_text (step, "caption"));
  self->sources = atlas_briefing_words_sources (self->atlas_case, step);
  fill_sources (self);
  name_panel (self);
}

static void
atlas_briefing_panel_dispose (GObject *object)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  g_clear_object (&self->atlas_case);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  if (self->refill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refill_id);
  self->refill_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_BRIEFING_PANEL);

  G_OBJECT_CLASS (atlas_briefing_panel_parent_class)->dispose (object);
}

static void
atlas_briefing_panel_finalize (GObject *object)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  g_string_free (self->sources_text, TRUE);
  g_free (self->briefing_key);

  G_OBJECT_CLASS (atlas_briefing_panel_parent_class)->finalize (object);
}

static void
atlas_briefing_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (atlas_briefing_panel_parent_class)->map (widget);
  /* the type sizes may have changed while the card was hidden */
  refill_soon (ATLAS_BRIEFING_PANEL (widget));
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
    case PROP_N_SOURCES_SHOWN:
      g_value_set_uint (value, self->n_sources_shown);
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
  object_class->finalize = atlas_briefing_panel_finalize;
  widget_class->map = atlas_briefing_panel_map;
  object_class->get_property = atlas_briefing_panel_get_property;
  object_class->set_property = atlas_briefing_panel_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* how many of the step's sources the card has room for; told after every refill */
  properties[PROP_N_SOURCES_SHOWN] =
    g_param_spec_uint ("n-sources-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-briefing-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, sources_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasBriefingPanel, more_label);
  gtk_widget_class_set_css_name (widget_class, "atlas-briefing-panel");
}

static void
atlas_briefing_panel_init (AtlasBriefingPanel *self)
{
  self->sources_text = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * atlas_briefing_panel_set_case:
 *
 * Loads the chosen briefing of the case and shows the step chosen to show first (see
 * atlas_briefing_panel_set_briefing()).
 */
void
atlas_briefing_panel_set_case (AtlasBriefingPanel *self,
                               AtlasCase          *atlas_case)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  g_set_object (&self->atlas_case, atlas_case);
  g_clear_object (&self->steps);
  if (atlas_case != NULL)
    self->steps = atlas_case_list_briefing_steps (atlas_case, self->briefing_key, NULL);
  self->position = MIN (self->start_position, MAX (atlas_briefing_panel_get_n_steps (self), 1) - 1);
  show_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * atlas_briefing_panel_set_briefing:
 * @briefing_key: (nullable): the briefing to show; %NULL for the case's first
 * @start_position: the step to show first, from 0 (kept within the briefing)
 *
 * Chooses the briefing the next atlas_briefing_panel_set_case() loads, and its first step.
 */
void
atlas_briefing_panel_set_briefing (AtlasBriefingPanel *self,
                                   const char         *briefing_key,
                                   guint               start_position)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  g_free (self->briefing_key);
  self->briefing_key = g_strdup (briefing_key);
  self->start_position = start_position;
}

const char *
atlas_briefing_panel_get_briefing (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);

  return self->briefing_key;
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

  return self->sources_text->str;
}

/**
 * atlas_briefing_panel_set_room:
 * @width: the width of the map the card is laid over
 * @height: its height
 *
 * Sizes the card for the map: at most two fifths of its width (but readable), compact type
 * on small maps, and only as many sources as keep it within the map's height.
 */
void
atlas_briefing_panel_set_room (AtlasBriefingPanel *self,
                               int                 width,
                               int                 height)
{
  gboolean compact = width < 1100 || height < 720;
  AdwClamp *clamp;

  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  if (self->room_width == width && self->room_height == height)
    return;
  self->room_width = width;
  self->room_height = height;
  /* the bin's own child, not a template child: the bin drops it when disposed */
  clamp = ADW_CLAMP (adw_bin_get_child (ADW_BIN (self)));
  adw_clamp_set_maximum_size (clamp,
                              CLAMP ((int) (width * MAP_SHARE), MIN_TEXT_WIDTH, MAX_TEXT_WIDTH));
  adw_clamp_set_tightening_threshold (clamp, adw_clamp_get_maximum_size (clamp));
  if (compact == gtk_widget_has_css_class (GTK_WIDGET (self), "compact"))
    {
      fill_sources (self);
      return;
    }
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  /* measured again once the new type sizes apply */
  fill_sources (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refill_soon (self);
}

/**
 * atlas_briefing_panel_is_fitting:
 *
 * Returns: whether the card is about to fit its sources to new room again
 */
gboolean
atlas_briefing_panel_is_fitting (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), FALSE);

  return self->refill_id != 0;
}
