/* atlas-incident-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every incident of a case in one snapshot, from a clustering index built off the main
 * thread: nearby incidents become a badge with their count, ringed by the colours of their
 * categories in proportion, and sized so that no two badges overlap; single incidents get their
 * category's symbol, and a soft halo the size of what is known when the place is known only
 * to a town, district or province. A frame only walks what the view shows, never all N.
 *
 * An edit of an incident shows at once, whatever the case's size. When the index holds the
 * whole case (no filter) and is not being rebuilt, the edit goes into it in place, on the
 * main thread, in the milliseconds atlas_cluster_index_update() takes: what is drawn is
 * exactly what a fresh build would draw. Otherwise (a filter may hide or show an edited
 * incident, and only the store can tell) the layer keeps the index it has, draws the
 * edited incidents from the edit itself (where they are now; those moved away or deleted
 * taken out of what the index draws) and rebuilds the index on a worker, from the store;
 * several edits in a row make one rebuild, the newest state. Those edits are forgotten
 * once an index that includes them is in place.
 *
 * This file starts the loads and follows the edits; atlas-incident-layer-load.c loads the
 * incidents and builds their index on a worker; atlas-incident-layer-draw.c draws a frame
 * from it.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-edit.h"
#include "atlas-incident.h"
#include "atlas-incident-layer-private.h"

G_DEFINE_FINAL_TYPE (AtlasIncidentLayer, atlas_incident_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The edits that @serial's load read from the store are in its index: no longer drawn apart. */
static void
forget_edits_up_to (AtlasIncidentLayer *self,
                    guint               serial)
{
  for (guint i = self->edited->len; i > 0; i--)
    if (g_array_index (self->edited, EditedIncident, i - 1).serial <= serial)
      g_array_remove_index (self->edited, i - 1);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  guint serial = job->serial;
  g_autoptr(GError) error = NULL;
  LoadedPoints *points = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);
  g_clear_pointer (&self->loading_request, g_free);
  forget_edits_up_to (self, serial);
  if (points == NULL)
    g_warning ("The incidents could not be drawn: %s", error->message);

  if (points != NULL && points->cache != self->cache)
    {
      g_clear_pointer (&self->cache, _atlas_point_cache_unref);
      self->cache = g_atomic_rc_box_acquire (points->cache);
    }
  g_clear_pointer (&self->points, _atlas_loaded_points_free);
  self->points = points;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

static int
compare_drawn_x (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const DrawnCluster *) a)->x, y = ((const DrawnCluster *) b)->x;

  return (x > y) - (x < y);
}

static void
viewport_changed_cb (AtlasIncidentLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_incident_layer_constructed (GObject *object)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  G_OBJECT_CLASS (atlas_incident_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_incident_layer_dispose (GObject *object)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->forget_applied_id, g_source_remove);
  if (self->followed_case != NULL)
    g_clear_signal_handler (&self->edit_handler, self->followed_case);
  g_clear_object (&self->followed_case);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->loading_request, g_free);
  g_clear_pointer (&self->edited, g_array_unref);
  g_clear_pointer (&self->points, _atlas_loaded_points_free);
  g_clear_pointer (&self->cache, _atlas_point_cache_unref);
  g_clear_pointer (&self->drawn, g_array_unref);

  G_OBJECT_CLASS (atlas_incident_layer_parent_class)->dispose (object);
}

static void
atlas_incident_layer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_object (value, atlas_incident_layer_get_index (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Hidden (the density view shows instead), it draws nothing, so nothing of it is picked. */
static void
hidden_cb (AtlasIncidentLayer *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    g_array_set_size (self->drawn, 0);
}

static void
atlas_incident_layer_class_init (AtlasIncidentLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_incident_layer_constructed;
  object_class->dispose = atlas_incident_layer_dispose;
  object_class->get_property = atlas_incident_layer_get_property;
  widget_class->snapshot = _atlas_incident_layer_snapshot;

  /**
   * AtlasIncidentLayer:index: (nullable)
   *
   * The index drawn from, following the filter and the timeline; notified when a new one
   * is in place.
   */
  properties[PROP_INDEX] =
    g_param_spec_object ("index", NULL, NULL, ATLAS_TYPE_CLUSTER_INDEX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
edited_incident_clear (EditedIncident *edited)
{
  g_free (edited->category);
}

static void
atlas_incident_layer_init (AtlasIncidentLayer *self)
{
  self->drawn = g_array_new (FALSE, FALSE, sizeof (DrawnCluster));
  self->edited = g_array_new (FALSE, TRUE, sizeof (EditedIncident));
  g_array_set_clear_func (self->edited, (GDestroyNotify) edited_incident_clear);
  self->selected_id = -1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "notify::visible", G_CALLBACK (hidden_cb), NULL);
}

/* ---- following edits ---------------------------------------------------------------- */

static char *
describe_request (AtlasFilter *filter)
{
  g_autofree char *key = filter ? atlas_filter_describe_without_dates (filter) : g_strdup ("");
  gint32 first_day = G_MININT32, last_day = G_MAXINT32;

  if (filter != NULL)
    atlas_filter_get_day_range (filter, &first_day, &last_day);
  return g_strdup_printf ("%s|%d|%d", key, first_day, last_day);
}

/* Whether the running load began after the last edit, from the store, for the same view. */
static gboolean
rebuilding_since_last_edit (AtlasIncidentLayer *self,
                            AtlasCase          *atlas_case,
                            AtlasFilter        *filter)
{
  g_autofree char *request = NULL;

  if (self->loading == NULL || !self->loading_reads_store
      || self->loading_serial != self->edit_serial || atlas_case != self->followed_case)
    return FALSE;
  request = describe_request (filter);
  return g_strcmp0 (request, self->loading_request) == 0;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  AtlasIncidentLayer *self = data;

  self->rebuild_id = 0;
  if (self->followed_case != NULL)
    atlas_incident_layer_reload (self, self->followed_case, self->filter);
  return G_SOURCE_REMOVE;
}

static EditedIncident *
edited_entry (AtlasIncidentLayer *self,
              gint64              id)
{
  EditedIncident fresh = { .id = id };

  for (guint i = 0; i < self->edited->len; i++)
    if (g_array_index (self->edited, EditedIncident, i).id == id)
      return &g_array_index (self->edited, EditedIncident, i);
  g_array_append_val (self->edited, fresh);
  return &g_array_index (self->edited, EditedIncident, self->edited->len - 1);
}

/* Notes where incident @id is now (@after, or nowhere when deleted). A filter other than
 * none could hide it, and only the store can tell (its claims, its sources' grades, its
 * dates): then it is only taken out of what the index draws, and the rebuild brings it
 * back if it passes. */
static void
note_edited (AtlasIncidentLayer *self,
             gint64              id,
             AtlasRecord        *after)
{
  EditedIncident *edited = edited_entry (self, id);
  AtlasIncident *incident = after ? ATLAS_INCIDENT (after) : NULL;

  edited->serial = self->edit_serial;
  edited->shown = incident != NULL
                  && (self->filter == NULL || atlas_filter_is_empty (self->filter));
  g_clear_pointer (&edited->category, g_free);
  if (incident == NULL)
    return;
  edited->latitude = atlas_incident_get_latitude (incident);
  edited->longitude = atlas_incident_get_longitude (incident);
  edited->category = g_strdup (atlas_incident_get_category (incident));
  edited->precision = atlas_location_precision_from_string (
    atlas_incident_get_location_precision (incident));
}

static gboolean
touches_incidents (AtlasEdit *edit)
{
  for (guint i = 0; i < atlas_edit_get_n_steps (edit); i++)
    {
      AtlasRecord *before, *after;

      atlas_edit_get_step (edit, i, &before, &after);
      if (g_str_equal (atlas_record_get_kind (after ? after : before), "incident"))
        return TRUE;
    }
  return FALSE;
}

/* Whether an edit can go into the index drawn now: it holds every incident of the case,
 * nothing is loading, and no earlier edit waits for a rebuild. */
static gboolean
can_update_in_place (AtlasIncidentLayer *self)
{
  return self->points != NULL && self->points->index != NULL && self->loading == NULL
         && self->rebuild_id == 0 && self->edited->len == 0
         && (self->filter == NULL || atlas_filter_is_empty (self->filter));
}

/* Takes incident @id out of the ids and precisions drawn; returns whether it was there. */
static gboolean
forget_id (LoadedPoints *points,
           gint64        id)
{
  guint index;

  if (!g_array_binary_search (points->ids, &id, _atlas_incident_layer_compare_ids, &index))
    return FALSE;
  g_array_remove_index (points->ids, index);
  g_byte_array_remove_index (points->precisions, index);
  return TRUE;
}

static void
remember_id (LoadedPoints *points,
             gint64        id,
             guint8        precision)
{
  guint low = 0, high = points->ids->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (points->ids, gint64, middle) < id)
        low = middle + 1;
      else
        high = middle;
    }
  g_array_insert_val (points->ids, low, id);
  g_byte_array_set_size (points->precisions, points->precisions->len + 1);
  memmove (points->precisions->data + low + 1, points->precisions->data + low,
           points->precisions->len - 1 - low);
  points->precisions->data[low] = precision;
}

/* The point of incident @after, for the index; FALSE when it has no place to be drawn. */
static gboolean
point_of (AtlasIncidentLayer *self,
          AtlasIncident      *after,
          AtlasMapPoint      *point)
{
  point->latitude = atlas_incident_get_latitude (after);
  point->longitude = atlas_incident_get_longitude (after);
  point->id = atlas_record_get_id (ATLAS_RECORD (after));
  point->category = _atlas_incident_layer_category_index (self, atlas_incident_get_category (after));
  return isfinite (point->latitude) && isfinite (point->longitude)
         && fabs (point->latitude) <= 90.0 && fabs (point->longitude) <= 180.0;
}

/* Puts the incidents @edit changed into the index drawn, in place. */
static void
update_in_place (AtlasIncidentLayer *self,
                 AtlasEdit          *edit)
{
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));

  for (guint i = 0; i < atlas_edit_get_n_steps (edit); i++)
    {
      AtlasRecord *before, *after;
      AtlasMapPoint point;
      gint64 id;

      atlas_edit_get_step (edit, i, &before, &after);
      if (!g_str_equal (atlas_record_get_kind (after ? after : before), "incident"))
        continue;
      id = before ? atlas_record_get_id (before) : -1;
      if (before != NULL && forget_id (self->points, id))
        g_array_append_val (removed, id);
      if (after == NULL || !point_of (self, ATLAS_INCIDENT (after), &point))
        continue;
      g_array_append_val (added, point);
      remember_id (self->points, point.id, atlas_location_precision_from_string (
                     atlas_incident_get_location_precision (ATLAS_INCIDENT (after))));
    }

  atlas_cluster_index_update (self->points->index, (gint64 *) removed->data, removed->len,
                              (AtlasMapPoint *) added->data, added->len);
  self->points->n_index_categories = g_strv_length (self->points->categories);
}

/* The window asks for its reload after an edit from an idle of higher priority, queued by
 * the same edit; once that has run, a reload asked for is for something else. */
static gboolean
forget_applied_cb (gpointer data)
{
  AtlasIncidentLayer *self = data;

  self->forget_applied_id = 0;
  self->applied_in_place = FALSE;
  return G_SOURCE_REMOVE;
}

/* An edit committed: it goes into the index in place if it can; if not, its incidents are
 * drawn from it at once and the index is rebuilt once the main loop is idle, so that
 * edits made together (an undo of several) make one. */
static void
edit_applied_cb (AtlasIncidentLayer *self,
                 AtlasEdit          *edit,
                 AtlasCase          *atlas_case)
{
  if (!touches_incidents (edit))
    return;
  /* what was loaded is out of date: any load from now on reads the store */
  g_clear_pointer (&self->cache, _atlas_point_cache_unref);
  self->applied_in_place = can_update_in_place (self);
  if (self->applied_in_place)
    {
      update_in_place (self, edit);
      if (self->forget_applied_id == 0)
        self->forget_applied_id = g_idle_add_full (G_PRIORITY_LOW, forget_applied_cb, self,
                                                   NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
      return;
    }

  self->edit_serial++;
  for (guint i = 0; i < atlas_edit_get_n_steps (edit); i++)
    {
      AtlasRecord *before, *after;

      atlas_edit_get_step (edit, i, &before, &after);
      if (g_str_equal (atlas_record_get_kind (after ? after : before), "incident"))
        note_edited (self, atlas_record_get_id (after ? after : before), after);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
follow_edits (AtlasIncidentLayer *self,
              AtlasCase          *atlas_case)
{
  if (atlas_case == self->followed_case)
    return;
  if (self->followed_case != NULL)
    g_clear_signal_handler (&self->edit_handler, self->followed_case);
  g_set_object (&self->followed_case, atlas_case);
  g_array_set_size (self->edited, 0);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (atlas_case != NULL)
    self->edit_handler = g_signal_connect_object (atlas_case, "edit-applied",
                                                  G_CALLBACK (edit_applied_cb), self,
                                                  G_CONNECT_SWAPPED);
}

/**
 * _atlas_incident_layer_find_edited:
 *
 * Returns: (nullable): incident @id as an edit since the index left it
 */
const EditedIncident *
_atlas_incident_layer_find_edited (AtlasIncidentLayer *self,
                                   gint64              id)
{
  for (guint i = 0; i < self->edited->len; i++)
    if (g_array_index (self->edited, EditedIncident, i).id == id)
      return &g_array_index (self->edited, EditedIncident, i);
  return NULL;
}

/* The index of category @name among those drawn, added if an edit brought a new one. */
guint16
_atlas_incident_layer_category_index (AtlasIncidentLayer *self,
                                      const char         *name)
{
  char **categories = self->points->categories;
  guint n = g_strv_length (categories);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (categories[i], name) == 0)
      return i;
  categories = g_renew (char *, categories, n + 2);
  categories[n] = g_strdup (name ? name : "");
  categories[n + 1] = NULL;
  self->points->categories = categories;
  return n;
}

AtlasIncidentLayer *
atlas_incident_layer_new (ShumateViewport *viewport)
{
  return g_object_new (ATLAS_TYPE_INCIDENT_LAYER, "viewport", viewport, NULL);
}

/**
 * atlas_incident_layer_set_case:
 * @atlas_case: (nullable): the case whose incidents to draw
 * @filter: (nullable): only incidents that pass it
 *
 * Starts loading the incidents and building their index on a worker thread; what is
 * drawn now stays until the new index is ready.
 */
void
atlas_incident_layer_set_case (AtlasIncidentLayer *self,
                               AtlasCase          *atlas_case,
                               AtlasFilter        *filter)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->loading_request, g_free);
  self->applied_in_place = FALSE;
  g_set_object (&self->filter, filter);
  follow_edits (self, atlas_case);
  if (atlas_case == NULL)
    {
      g_clear_pointer (&self->points, _atlas_loaded_points_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->atlas_case = g_object_ref (atlas_case);
  job->filter_without_dates = filter ? atlas_filter_copy_without_dates (filter) : NULL;
  job->filter_key = filter ? atlas_filter_describe_without_dates (filter) : g_strdup ("");
  job->first_day = G_MININT32;
  job->last_day = G_MAXINT32;
  if (filter != NULL)
    atlas_filter_get_day_range (filter, &job->first_day, &job->last_day);
  /* the cache belongs to one case */
  if (atlas_case != self->cache_case)
    g_clear_pointer (&self->cache, _atlas_point_cache_unref);
  self->cache_case = atlas_case;
  if (self->cache != NULL)
    job->cache = g_atomic_rc_box_acquire (self->cache);
  job->serial = self->edit_serial;
  self->loading_serial = self->edit_serial;
  self->loading_reads_store = job->cache == NULL
                              || !g_str_equal (job->cache->filter_key, job->filter_key);
  self->loading_request = describe_request (filter);
  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_source_tag (task, atlas_incident_layer_set_case);
  g_task_set_task_data (task, job, (GDestroyNotify) _atlas_load_job_free);
  g_task_run_in_thread (task, _atlas_incident_layer_load_in_thread);
}

/**
 * atlas_incident_layer_reload:
 *
 * Reads the case's incidents again, after the case changed.
 */
void
atlas_incident_layer_reload (AtlasIncidentLayer *self,
                             AtlasCase          *atlas_case,
                             AtlasFilter        *filter)
{
  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  /* after an edit the window asks too: the index has it in place already, or the rebuild
   * the edit began reads it */
  if (self->applied_in_place && atlas_case == self->followed_case
      && (filter == NULL || atlas_filter_is_empty (filter)))
    {
      self->applied_in_place = FALSE;
      return;
    }
  if (rebuilding_since_last_edit (self, atlas_case, filter))
    return;
  g_clear_pointer (&self->cache, _atlas_point_cache_unref);
  atlas_incident_layer_set_case (self, atlas_case, filter);
}

/**
 * atlas_incident_layer_set_selected:
 * @incident_id: the row id of the selected incident, or -1
 */
void
atlas_incident_layer_set_selected (AtlasIncidentLayer *self,
                                   gint64              incident_id)
{
  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  if (self->selected_id == incident_id)
    return;
  self->selected_id = incident_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_incident_layer_pick:
 * @cluster: (out): what was drawn under the point: one incident, or a cluster
 *
 * Returns: whether anything of this layer is at widget coordinates @x, @y
 */
gboolean
atlas_incident_layer_pick (AtlasIncidentLayer *self,
                           double              x,
                           double              y,
                           AtlasCluster       *cluster)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), FALSE);

  /* What is drawn last is on top, and the nearest wins among overlapping symbols. */
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);
      double distance = hypot (drawn->x - x, drawn->y - y);

      if (distance <= drawn->radius + 3 && distance <= best)
        {
          best = distance;
          *cluster = drawn->cluster;
        }
    }
  return best < G_MAXDOUBLE;
}

int
atlas_incident_layer_get_expansion_zoom (AtlasIncidentLayer *self,
                                         const AtlasCluster *cluster)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), 0);
  g_return_val_if_fail (self->points != NULL, 0);

  return atlas_cluster_index_get_expansion_zoom (self->points->index, cluster->id);
}

/**
 * atlas_incident_layer_get_visible_ids:
 *
 * Returns: (transfer full) (element-type gint64): the single incidents drawn now, from
 *   left to right, for stepping through them with the keyboard
 */
GArray *
atlas_incident_layer_get_visible_ids (AtlasIncidentLayer *self)
{
  g_autoptr(GArray) drawn = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), ids);

  drawn = g_array_copy (self->drawn);
  g_array_sort (drawn, (GCompareFunc) compare_drawn_x);
  for (guint i = 0; i < drawn->len; i++)
    {
      DrawnCluster *cluster = &g_array_index (drawn, DrawnCluster, i);

      if (cluster->cluster.count == 1 && cluster->x >= 0 && cluster->y >= 0
          && cluster->x <= width && cluster->y <= height)
        g_array_append_val (ids, cluster->cluster.id);
    }
  return ids;
}

/**
 * atlas_incident_layer_count_in_view:
 *
 * Returns: how many incidents the view shows now, single or in clusters
 */
guint
atlas_incident_layer_count_in_view (AtlasIncidentLayer *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint count = 0;

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), 0);

  /* the view as it is now, which the next snapshot draws */
  _atlas_incident_layer_collect_drawn (self);
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (drawn->x >= 0 && drawn->y >= 0 && drawn->x <= width && drawn->y <= height)
        count += drawn->cluster.count;
    }
  return count;
}

gboolean
atlas_incident_layer_is_loading (AtlasIncidentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), FALSE);
  /* an edit's rebuild about to begin counts */
  return self->loading != NULL || self->rebuild_id != 0;
}

/**
 * atlas_incident_layer_get_index:
 *
 * Returns: (transfer none) (nullable): the index drawn from, once built
 */
AtlasClusterIndex *
atlas_incident_layer_get_index (AtlasIncidentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), NULL);
  return self->points ? self->points->index : NULL;
}

/**
 * atlas_incident_layer_get_marker_boxes:
 *
 * Returns: (transfer full) (element-type cairo_rectangle_t): the boxes of the markers and
 *   badges the last snapshot drew, which the basemap's labels keep off
 */
GArray *
atlas_incident_layer_get_marker_boxes (AtlasIncidentLayer *self)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), boxes);

  for (guint i = 0; self->drawn != NULL && i < self->drawn->len; i++)
    {
      const DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);
      double r = MAX (drawn->radius, SYMBOL_RADIUS) + 2;
      cairo_rectangle_t box = { drawn->x - r, drawn->y - r, 2 * r, 2 * r };

      g_array_append_val (boxes, box);
    }
  return boxes;
}
