/* atlas-timeline.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip under the map: when the case's incidents happened, as a histogram one drags a
 * range of dates on, with the range in words and a play button that walks the range
 * forward so an analyst can watch the attacks happen in order. The range is the filter's
 * date range, both ways: choosing one here filters the map and the lists, and a range set
 * elsewhere shows here. The histogram counts what every other part of the filter lets
 * through; its days are loaded and indexed on a worker. Playback and the keyboard are in
 * atlas-timeline-playback.c.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case-dates.h"
#include "atlas-edit.h"
#include "atlas-number-format.h"
#include "atlas-timeline-private.h"

G_DEFINE_FINAL_TYPE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_CASE,
  PROP_BUSY,
  PROP_PLAYING,
  PROP_RANGE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_style_once (void)
{
  static gsize loaded = 0;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || !g_once_init_enter (&loaded))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/timeline/timeline.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_once_init_leave (&loaded, 1);
}

/* ---- the summary ------------------------------------------------------------------- */

/* With no range chosen, the label says which years the incidents span. */
static char *
format_extent (AtlasDateIndex *index)
{
  gint32 first, last;
  int first_year, last_year, month, day;

  if (index == NULL)
    return g_strdup (_("All dates"));
  if (!atlas_date_index_get_extent (index, &first, &last))
    return g_strdup (_("No dates"));

  atlas_day_to_civil (first, &first_year, &month, &day);
  atlas_day_to_civil (last, &last_year, &month, &day);
  return atlas_day_range_format (&(AtlasDayRange) {
    atlas_day_from_civil (first_year, 1, 1), atlas_day_from_civil (last_year, 12, 31) });
}

/* Incidents whose start date is no date are left off the chart; say how many. */
static char *
format_unreadable (guint64 n_unreadable)
{
  g_autofree char *number = NULL;

  if (n_unreadable == 0)
    return NULL;
  number = atlas_format_count (n_unreadable);
  /* Translators: under the timeline's count, e.g. "1 incident with an unreadable date" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident with an unreadable date",
                                       "%s incidents with an unreadable date",
                                       (gulong) MIN (n_unreadable, G_MAXULONG)),
                          number);
}

/* "6 incidents", or "2 of 6 incidents" when the filter or the range leaves some out: of
 * the case's incidents, as the sidebar counts them, so the two always agree. */
static char *
format_count (AtlasTimeline       *self,
              AtlasDateIndex      *index,
              const AtlasDayRange *range)
{
  gsize total, count;
  g_autofree char *total_text = NULL;
  g_autofree char *count_text = NULL;
  gboolean filtered = !atlas_filter_is_empty (self->filter);

  if (index == NULL)
    return g_strdup ("");

  count = range != NULL ? atlas_date_index_count_between (index, range->first, range->last)
                        : atlas_date_index_get_total (index);
  /* read when the load ended, not here: this runs on every step of a drag */
  total = self->n_case_incidents > 0 ? self->n_case_incidents : count;
  total_text = atlas_format_count (total);
  if (range == NULL && !filtered)
    {
      /* Translators: how many incidents the timeline counts, "6 incidents" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident", "%s incidents",
                                           total),
                              total_text);
    }

  count_text = atlas_format_count (count);
  /* Translators: how many incidents the filter and the chosen dates let through, of the
   * case's: "2 of 6 incidents" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s incident",
                                       "%s of %s incidents", total),
                          count_text, total_text);
}

/* The chart is a slider whose value is the range: Left and Right move it. GTK 4.8 does not
 * hand a custom slider's value text to screen readers, so the range and the count are its
 * description too, which they read and announce when it changes. */
static void
update_accessible_value (AtlasTimeline       *self,
                         AtlasDateIndex      *index,
                         const AtlasDayRange *range,
                         const char          *text,
                         const char          *count)
{
  gint32 first = 0, last = 0;
  /* Translators: the timeline's description for screen readers: the dates, how many
   * incidents, then the keys, e.g. "2017 – 2024, 6 of 6 incidents. Left and Right…" */
  g_autofree char *description = g_strdup_printf (_("%s, %s. %s"), text, count,
                                                  _("Left and Right move the dates shown on "
                                                    "the map, Shift with Left and Right "
                                                    "changes where they end, plus and minus "
                                                    "zoom, Escape shows all dates"));

  if (index != NULL)
    atlas_date_index_get_extent (index, &first, &last);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) last,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  (double) (range ? CLAMP (range->first, first, last) : first),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_atlas_timeline_update_summary (AtlasTimeline *self)
{
  AtlasDateIndex *index = atlas_timeline_histogram_get_index (self->histogram);
  AtlasDayRange range;
  gboolean has_range = atlas_timeline_histogram_get_range (self->histogram, &range);
  g_autofree char *text = has_range ? atlas_day_range_format (&range) : format_extent (index);
  g_autofree char *count = format_count (self, index, has_range ? &range : NULL);
  g_autofree char *unreadable = format_unreadable (self->n_unreadable);
  g_autofree char *counts = unreadable ? g_strdup_printf ("%s; %s", count, unreadable)
                                       : g_strdup (count);

  gtk_label_set_text (self->range_label, text);
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->unreadable_label, unreadable ? unreadable : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unreadable_label), unreadable != NULL);
  update_accessible_value (self, index, has_range ? &range : NULL, text, counts);
  /* The summary keeps its width either way, and so does the chart. */
  gtk_widget_set_visible (self->clear_button, has_range);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.clear", has_range);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.play-pause",
                                 index != NULL && atlas_date_index_get_total (index) > 0);

  if (g_strcmp0 (text, self->range_text) != 0)
    {
      g_free (self->range_text);
      self->range_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_TEXT]);
    }
}

/* ---- the range and the filter ------------------------------------------------------ */

void
_atlas_timeline_commit_range (AtlasTimeline *self)
{
  AtlasDayRange range;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (atlas_timeline_histogram_get_range (self->histogram, &range))
    atlas_day_range_to_iso (&range, &start, &end);
  atlas_filter_set_date_range (self->filter, start, end);
  _atlas_timeline_update_summary (self);
}

/* Shows the filter's range, and brings it into view when it is new. */
static void
sync_range (AtlasTimeline *self)
{
  AtlasDayRange range, shown;
  gboolean has_range = atlas_day_range_from_iso (atlas_filter_get_start_date (self->filter),
                                                 atlas_filter_get_end_date (self->filter),
                                                 &range);
  gboolean had_range = atlas_timeline_histogram_get_range (self->histogram, &shown);

  atlas_timeline_histogram_set_range (self->histogram, has_range ? &range : NULL);
  if (has_range && (!had_range || !atlas_day_range_equal (&range, &shown)))
    atlas_timeline_histogram_reveal (self->histogram, &range);
  _atlas_timeline_update_summary (self);
}

static void
range_changed_cb (AtlasTimeline *self,
                  gboolean       finished)
{
  if (finished)
    _atlas_timeline_commit_range (self);
  else
    _atlas_timeline_update_summary (self);
}

/* ---- loading ----------------------------------------------------------------------- */

typedef struct {
  AtlasCase   *atlas_case;
  AtlasFilter *filter;   /* the worker's own copy */
  gboolean     count_unreadable;
  guint64      n_unreadable;   /* set by the worker when it counts them */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->atlas_case);
  g_clear_object (&job->filter);
  g_free (job);
}

static AtlasFilter *
copy_without_dates (AtlasFilter *filter)
{
  AtlasFilter *copy = atlas_filter_new ();

  atlas_filter_set_categories (copy, atlas_filter_get_categories (filter));
  atlas_filter_set_min_reliability (copy, atlas_filter_get_min_reliability (filter));
  atlas_filter_set_contested_only (copy, atlas_filter_get_contested_only (filter));
  return copy;
}

/* Whether two filters let the same incidents through, dates aside. */
static gboolean
same_but_dates (AtlasFilter *a,
                AtlasFilter *b)
{
  const char * const *categories_a = atlas_filter_get_categories (a);
  const char * const *categories_b = atlas_filter_get_categories (b);

  if ((categories_a == NULL) != (categories_b == NULL)
      || (categories_a != NULL && !g_strv_equal (categories_a, categories_b)))
    return FALSE;
  return atlas_filter_get_min_reliability (a) == atlas_filter_get_min_reliability (b)
         && atlas_filter_get_contested_only (a) == atlas_filter_get_contested_only (b);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GArray) days = NULL;
  GError *error = NULL;

  if (!atlas_case_load_dates (job->atlas_case, job->filter, &days, cancellable, &error)
      || (job->count_unreadable
          && !atlas_case_count_unreadable_dates (job->atlas_case, &job->n_unreadable,
                                                 cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, atlas_date_index_new ((const gint32 *) days->data, days->len),
                         (GDestroyNotify) atlas_date_index_unref);
}

static void
set_loading (AtlasTimeline *self,
             GCancellable  *loading)
{
  gboolean was_busy = self->loading != NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = loading;
  if (was_busy != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasTimeline *self = ATLAS_TIMELINE (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDateIndex) index = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: a newer load, or the widget going away, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (index == NULL)
    {
      g_warning ("The timeline could not be loaded: %s", error->message);
      index = atlas_date_index_new (NULL, 0);
    }

  if (job->count_unreadable && !error)
    {
      self->n_unreadable = job->n_unreadable;
      self->recount_unreadable = FALSE;
    }
  if (self->atlas_case != NULL)
    {
      AtlasCaseCounts counts;

      atlas_case_get_counts (self->atlas_case, &counts);
      self->n_case_incidents = counts.incidents;
    }
  atlas_timeline_histogram_set_index (self->histogram, index, self->fit_on_load);
  self->fit_on_load = FALSE;
  sync_range (self);
  set_loading (self, NULL);
}

static void
reload (AtlasTimeline *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_clear_object (&self->loaded_filter);
  self->loaded_filter = copy_without_dates (self->filter);
  set_loading (self, self->atlas_case ? g_cancellable_new () : NULL);
  if (self->atlas_case == NULL)
    return;

  job = g_new0 (LoadJob, 1);
  job->atlas_case = g_object_ref (self->atlas_case);
  job->filter = copy_without_dates (self->filter);
  job->count_unreadable = self->recount_unreadable;

  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

static void
filter_changed_cb (AtlasTimeline *self)
{
  if (self->loaded_filter == NULL || !same_but_dates (self->loaded_filter, self->filter))
    reload (self);
  sync_range (self);
}

/* ---- following edits ---------------------------------------------------------------- */

/* The start day of incident @record, if it has a date that is one; FALSE with @readable
 * FALSE when it has a date that is no date (those are counted apart, by a reload). */
static gboolean
start_day (AtlasRecord *record,
           gint32      *day,
           gboolean    *readable)
{
  const char *start = record ? atlas_record_get_text (record, "start_time") : NULL;

  *readable = TRUE;
  if (start == NULL || *start == '\0')
    return FALSE;
  *readable = atlas_date_to_day (start, FALSE, day);
  return *readable;
}

/* Whether every incident @edit touches has no date or a readable one. */
static gboolean
dates_readable (AtlasEdit *edit)
{
  for (guint i = 0; i < atlas_edit_get_n_steps (edit); i++)
    {
      AtlasRecord *before, *after;
      gboolean readable_before, readable_after;
      gint32 day;

      atlas_edit_get_step (edit, i, &before, &after);
      if (!g_str_equal (atlas_record_get_kind (after ? after : before), "incident"))
        continue;
      start_day (before, &day, &readable_before);
      start_day (after, &day, &readable_after);
      if (!readable_before || !readable_after)
        return FALSE;
    }
  return TRUE;
}

/* Counts the days of @edit's incidents in the histogram's index in place. */
static void
count_edit (AtlasTimeline  *self,
            AtlasDateIndex *index,
            AtlasEdit      *edit)
{
  for (guint i = 0; i < atlas_edit_get_n_steps (edit); i++)
    {
      AtlasRecord *before, *after;
      gboolean readable;
      gint32 day;

      atlas_edit_get_step (edit, i, &before, &after);
      if (!g_str_equal (atlas_record_get_kind (after ? after : before), "incident"))
        continue;
      if (start_day (before, &day, &readable))
        atlas_date_index_remove_day (index, day);
      if (start_day (after, &day, &readable))
        atlas_date_index_add_day (index, day);
      /* the case's count, read when the load ended */
      if (before == NULL)
        self->n_case_incidents++;
      else if (after == NULL && self->n_case_incidents > 0)
        self->n_case_incidents--;
    }
}

/* The window sets the case again after an edit from an idle of higher priority, queued by
 * the same edit; once that has run, setting it again is for something else. */
static gboolean
forget_applied_cb (gpointer data)
{
  AtlasTimeline *self = data;

  self->forget_applied_id = 0;
  self->applied_in_place = FALSE;
  return G_SOURCE_REMOVE;
}

/* An edit committed: when the histogram counts every incident (no filter but dates) and
 * nothing loads, the edit's incidents are counted in its index in place, and the reload
 * the window asks for next is not needed; otherwise that reload reads the case again. */
static void
edit_applied_cb (AtlasTimeline *self,
                 AtlasEdit     *edit)
{
  AtlasDateIndex *index = atlas_timeline_histogram_get_index (self->histogram);

  self->applied_in_place = FALSE;
  if (self->loading != NULL || index == NULL || self->loaded_filter == NULL
      || !atlas_filter_is_empty (self->loaded_filter) || !dates_readable (edit))
    return;

  count_edit (self, index, edit);
  self->applied_in_place = TRUE;
  if (self->forget_applied_id == 0)
    self->forget_applied_id = g_idle_add_full (G_PRIORITY_LOW, forget_applied_cb, self, NULL);
  atlas_timeline_histogram_set_index (self->histogram, index, FALSE);
  sync_range (self);
}

static void
follow_edits (AtlasTimeline *self,
              AtlasCase     *atlas_case)
{
  if (self->atlas_case != NULL)
    g_clear_signal_handler (&self->edit_handler, self->atlas_case);
  self->applied_in_place = FALSE;
  if (atlas_case != NULL)
    self->edit_handler = g_signal_connect_object (atlas_case, "edit-applied",
                                                  G_CALLBACK (edit_applied_cb), self,
                                                  G_CONNECT_SWAPPED);
}

/* ---- actions ----------------------------------------------------------------------- */

static void
play_pause_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  atlas_timeline_set_playing (self, !atlas_timeline_get_playing (self));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  atlas_timeline_clear_range (ATLAS_TIMELINE (widget));
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
atlas_timeline_constructed (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->constructed (object);

  if (self->filter == NULL)
    self->filter = atlas_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_range (self);
}

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);
  GtkWidget *child;

  atlas_timeline_set_playing (self, FALSE);
  set_loading (self, NULL);
  g_clear_handle_id (&self->forget_applied_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TIMELINE);
  /* the template's unnamed box */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->atlas_case != NULL)
    g_clear_signal_handler (&self->edit_handler, self->atlas_case);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->filter);
  g_clear_object (&self->loaded_filter);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
}

static void
atlas_timeline_finalize (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  g_clear_pointer (&self->range_text, g_free);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->finalize (object);
}

static void
atlas_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->atlas_case);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, atlas_timeline_is_busy (self));
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, atlas_timeline_get_playing (self));
      break;
    case PROP_RANGE_TEXT:
      g_value_set_string (value, self->range_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    case PROP_CASE:
      atlas_timeline_set_case (self, g_value_get_object (value));
      break;
    case PROP_PLAYING:
      atlas_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, ATLAS_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, ATLAS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RANGE_TEXT] =
    g_param_spec_string ("range-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_timeline_constructed;
  object_class->dispose = atlas_timeline_dispose;
  object_class->finalize = atlas_timeline_finalize;
  object_class->get_property = atlas_timeline_get_property;
  object_class->set_property = atlas_timeline_set_property;
  install_properties (object_class);

  g_type_ensure (ATLAS_TYPE_TIMELINE_HISTOGRAM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/timeline/atlas-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, histogram);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, range_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.play-pause", NULL, play_pause_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear", NULL, clear_action);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  load_style_once ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _atlas_timeline_init_keyboard (self);
}

/* ---- public ------------------------------------------------------------------------ */

/**
 * atlas_timeline_new:
 * @filter: the window's filter, whose date range the timeline chooses
 *
 * Returns: (transfer floating): a new timeline
 */
GtkWidget *
atlas_timeline_new (AtlasFilter *filter)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  return g_object_new (ATLAS_TYPE_TIMELINE, "filter", filter, NULL);
}

/**
 * atlas_timeline_set_case:
 * @atlas_case: (nullable): the case whose incidents to show
 *
 * Loads the incidents' dates on a worker: see atlas_timeline_is_busy(). Setting the same
 * case again reloads it, after an import.
 */
void
atlas_timeline_set_case (AtlasTimeline *self,
                         AtlasCase     *atlas_case)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (atlas_case == NULL || ATLAS_IS_CASE (atlas_case));

  /* the window asks after every change; an edit already counted in place needs nothing */
  if (atlas_case != NULL && atlas_case == self->atlas_case && self->applied_in_place)
    {
      self->applied_in_place = FALSE;
      return;
    }
  if (atlas_case != self->atlas_case)
    follow_edits (self, atlas_case);
  atlas_timeline_set_playing (self, FALSE);
  self->fit_on_load = self->atlas_case != atlas_case;
  /* another case's bars would mislead while this one loads */
  if (self->fit_on_load)
    atlas_timeline_histogram_set_index (self->histogram, NULL, TRUE);
  if (g_set_object (&self->atlas_case, atlas_case))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  self->recount_unreadable = TRUE;
  self->n_unreadable = 0;
  self->n_case_incidents = 0;
  reload (self);
  _atlas_timeline_update_summary (self);
}

/**
 * atlas_timeline_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
AtlasCase *
atlas_timeline_get_case (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->atlas_case;
}

/**
 * atlas_timeline_get_filter:
 *
 * Returns: (transfer none): the filter the timeline sets the dates of
 */
AtlasFilter *
atlas_timeline_get_filter (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->filter;
}

/**
 * atlas_timeline_is_busy:
 *
 * Returns: whether the incidents' dates are being loaded and binned
 */
gboolean
atlas_timeline_is_busy (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);
  return self->loading != NULL;
}

/**
 * atlas_timeline_get_range_text:
 *
 * Returns: (transfer none): the chosen dates in words ("3 – 19 January 2024"), or with
 *   none chosen the years the incidents span ("2017 – 2024")
 */
const char *
atlas_timeline_get_range_text (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->range_text;
}

/**
 * atlas_timeline_get_playing:
 *
 * Returns: whether the range is walking forward
 */
gboolean
atlas_timeline_get_playing (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);
  return self->play_source != 0;
}

static void
update_play_button (AtlasTimeline *self)
{
  gboolean playing = self->play_source != 0;
  const char *label = playing ? _("Pause") : _("Play");

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * atlas_timeline_set_playing:
 *
 * Starts or stops walking the range forward, a step four times a second, until it reaches
 * the last incident. With no range, it starts from the first incident with a tenth of the
 * visible span; a range already at the end starts again from the beginning. Stopping
 * keeps the range where it is.
 */
void
atlas_timeline_set_playing (AtlasTimeline *self,
                            gboolean       playing)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (!!playing == (self->play_source != 0))
    return;
  if (playing && !_atlas_timeline_start_playing (self))
    return;
  if (!playing)
    g_clear_handle_id (&self->play_source, g_source_remove);

  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/**
 * atlas_timeline_clear_range:
 *
 * Shows every date again: the filter's date range becomes open.
 */
void
atlas_timeline_clear_range (AtlasTimeline *self)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  atlas_timeline_set_playing (self, FALSE);
  atlas_timeline_histogram_set_range (self->histogram, NULL);
  _atlas_timeline_commit_range (self);
}
