/* test-editing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a case in the real window, on a copy of the sample, under Xvfb: the forms are
 * filled through their fields and saved, the menus' actions activated, the details page
 * read back; and undoing every step gives back the case it started from.
 */

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <unistd.h>

#include "atlas-application.h"
#include "atlas-details-page.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-fact-group.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "atlas-map-view.h"
#include "atlas-overview-page.h"
#include "atlas-record-form.h"
#include "atlas-search-page.h"
#include "atlas-sidebar.h"
#include "atlas-widget-capture.h"
#include "atlas-window.h"
#include "case-digest.h"
#include "window-test-util.h"

#define KERMAN "inc-kerman-2024"

static AtlasApplication *app;

typedef struct {
  CaseFiles    files;
  AtlasWindow *window;
  guint        overview_before;   /* rows the overview listed before another process wrote */
} Fixture;

/* ---- the window ------------------------------------------------------------------------ */

static AtlasWindow *
open_settled_window (GFile *case_file)
{
  return open_window_at (app, case_file, 1100, 800);
}

/* Lets idle work (the views following an edit) run. */
static void
drain (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Lets animations (entry rows lifting their titles) finish before a picture is taken. */
static void
wait_ms (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = open_sample_copy_at (app, &fixture->files, "atlas-editing-XXXXXX",
                                         1100, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  case_files_tear_down (&fixture->files);
}

static gboolean
activate (Fixture    *fixture,
          const char *action,
          GVariant   *target)
{
  gboolean done = gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action,
                                                      target);
  drain ();
  return done;
}

static AtlasRecordForm *
open_form (Fixture    *fixture,
           const char *action,
           GVariant   *target)
{
  AtlasRecordForm *form;

  g_assert_true (activate (fixture, action, target));
  form = ATLAS_RECORD_FORM (find_toplevel (ATLAS_TYPE_RECORD_FORM));
  g_assert_nonnull (form);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (form));
  return form;
}

static void
save_form (AtlasRecordForm *form)
{
  g_assert_null (atlas_record_form_get_problem (form));
  g_assert_true (atlas_record_form_save (form));
  drain ();
  g_assert_null (find_toplevel (ATLAS_TYPE_RECORD_FORM));
}

static AtlasCase *
the_case (Fixture *fixture)
{
  return atlas_window_get_case (fixture->window);
}

/* The key of the only record of @kind whose @field is @value. */
static char *
find_key (Fixture    *fixture,
          GType       type,
          const char *field,
          const char *value)
{
  g_autoptr(GListModel) records = atlas_case_list_records (the_case (fixture), type, NULL);
  char *key = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtlasRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (atlas_record_get_text (record, field), value) == 0)
        {
          g_assert_null (key);
          key = g_strdup (atlas_record_get_key (record));
        }
    }
  g_assert_nonnull (key);
  return key;
}

/* ---- reading the sidebar ------------------------------------------------------------------ */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
shown_details (Fixture    *fixture,
               const char *kind,
               const char *key)
{
  g_autoptr(AtlasRecord) record = atlas_case_lookup (the_case (fixture), kind, key, NULL);
  GtkWidget *sidebar = atlas_window_get_sidebar (fixture->window);
  GtkWidget *page;

  atlas_selection_select (atlas_window_get_selection (fixture->window), record,
                          ATLAS_SELECTION_NONE);
  drain ();
  page = atlas_sidebar_get_visible_page (ATLAS_SIDEBAR (sidebar));
  g_assert_true (ATLAS_IS_DETAILS_PAGE (page));
  g_assert_cmpstr (atlas_record_get_key (atlas_details_page_get_record (ATLAS_DETAILS_PAGE (page))),
                   ==, key);
  return page;
}

static AtlasFactGroup *
find_fact_group (GtkWidget  *page,
                 const char *attribute)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (page, ATLAS_TYPE_FACT_GROUP, groups);
  g_assert_cmpuint (groups->len, >, 0);
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (atlas_fact_group_get_attribute (g_ptr_array_index (groups, i)), attribute))
      return g_ptr_array_index (groups, i);
  return NULL;
}

/* The texts of the labels with @css_class under @widget, joined. */
static char *
texts_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new (NULL);

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      g_string_append_printf (texts, "%s|", gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

/* ---- steps an analyst takes -------------------------------------------------------------- */

static char *
add_source (Fixture    *fixture,
            const char *title)
{
  AtlasRecordForm *form = open_form (fixture, "win.add-source", NULL);

  /* nothing typed yet: the title is missing */
  g_assert_nonnull (atlas_record_form_get_problem (form));
  atlas_record_form_set_text (form, "title", title);
  atlas_record_form_set_text (form, "publisher", "Fourth Wire <b>Service</b>");
  atlas_record_form_set_text (form, "url", "ftp://example.org/report");
  g_assert_nonnull (atlas_record_form_get_problem (form));
  atlas_record_form_set_text (form, "url", "https://example.org/report");
  atlas_record_form_set_text (form, "published", "2024-01-06");
  atlas_record_form_set_text (form, "reliability", "B");
  atlas_record_form_set_text (form, "reliability_note", "Named, verifiable reporting");
  save_form (form);
  return find_key (fixture, ATLAS_TYPE_DOCUMENT, "title", title);
}

static char *
add_deaths_claim (Fixture    *fixture,
                  const char *document_key,
                  const char *figure)
{
  AtlasRecordForm *form = open_form (fixture, "win.add-claim",
                                     g_variant_new ("(ss)", "incident", KERMAN));
  g_autoptr(GListModel) claims = NULL;
  char *key = NULL;

  atlas_record_form_set_text (form, "attribute", "deaths");
  atlas_record_form_set_text (form, "value_text", figure);
  atlas_record_form_set_text (form, "qualifier", "exact");
  /* a figure of a kind but no figure: refused */
  g_assert_nonnull (atlas_record_form_get_problem (form));
  atlas_record_form_set_text (form, "value_number", figure);
  atlas_record_form_set_text (form, "document_key", document_key);
  atlas_record_form_set_text (form, "attributed_to", "Kerman's governor");
  atlas_record_form_set_text (form, "locator", "paragraph 2");
  atlas_record_form_set_text (form, "credibility", "3");
  save_form (form);

  claims = atlas_case_list_claims (the_case (fixture), "incident", KERMAN, "deaths", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (atlas_record_get_text (claim, "document_key"), document_key) == 0)
        key = g_strdup (atlas_record_get_key (claim));
    }
  g_assert_nonnull (key);
  return key;
}

static void
relate (Fixture    *fixture,
        const char *claim_key,
        const char *relation,
        const char *other_key)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_true (activate (fixture, "win.relate-claim",
                           g_variant_new ("(ss)", claim_key, relation)));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  collect (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, >, 1);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "claim-key"), other_key) == 0)
      gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (g_ptr_array_index (rows, i))),
                               g_ptr_array_index (rows, i));
  adw_message_dialog_response (dialog, "mark");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

/* ---- the tests --------------------------------------------------------------------------- */

/* A fourth report's death toll stands beside the three others, contested, on the details
 * page at once; a claim marked as repeating another makes it one independent source, not
 * two; undo takes every step back. */
static void
test_build_from_a_new_report (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *start = digest_case (fixture->files.path);
  g_autofree char *source = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *relayed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GListModel) history = NULL;
  AtlasFactGroup *deaths;
  GtkWidget *page;

  source = add_source (fixture, "A fourth report on Kerman");
  claim = add_deaths_claim (fixture, source, "95");
  {
    g_autoptr(AtlasRecord) graded = atlas_case_lookup (the_case (fixture), "claim", claim, NULL);

    /* graded in the app: the analyst's grade, not a file's */
    g_assert_cmpstr (atlas_record_get_text (graded, "graded_by"), ==, "analyst");
  }

  page = shown_details (fixture, "incident", KERMAN);
  deaths = find_fact_group (page, "deaths");
  g_assert_nonnull (deaths);
  g_assert_true (atlas_fact_group_get_contested (deaths));
  g_assert_cmpuint (atlas_fact_group_get_n_values (deaths), ==, 4);

  /* the same 95 again, from the analysis report, which relays the fourth report */
  relayed = add_deaths_claim (fixture, "doc-analysis-kerman", "95");
  page = shown_details (fixture, "incident", KERMAN);
  before = texts_with_class (GTK_WIDGET (find_fact_group (page, "deaths")),
                             "atlas-independence");
  g_assert_nonnull (strstr (before, "2 independent sources"));
  relate (fixture, relayed, "repeats", claim);
  page = shown_details (fixture, "incident", KERMAN);
  after = texts_with_class (GTK_WIDGET (find_fact_group (page, "deaths")),
                            "atlas-independence");
  g_test_message ("independence before: %s, after: %s", before, after);
  g_assert_nonnull (strstr (after, "1 independent source, 1 relaying another"));

  history = atlas_case_list_history (the_case (fixture), "claim", claim, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);

  /* the picture the README shows: the new figure among the others, and the edit controls */
  {
    g_autofree char *picture = g_build_filename (g_get_tmp_dir (), "test-editing-details.png",
                                                 NULL);

    GtkWidget *group = GTK_WIDGET (find_fact_group (page, "deaths"));
    GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1000);
    wait_ms (1000);
    /* the deaths group at the top of the sidebar */
    g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y - 12);
    wait_ms (500);
    g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture->window), picture, NULL));
    g_test_message ("details: %s", picture);
  }

  /* four edits: the source, two claims and the relation */
  for (int i = 0; i < 4; i++)
    g_assert_true (activate (fixture, "win.undo", NULL));
  end = digest_case (fixture->files.path);
  g_assert_cmpstr (end, ==, start);
  page = shown_details (fixture, "incident", KERMAN);
  g_assert_cmpuint (atlas_fact_group_get_n_values (find_fact_group (page, "deaths")), ==, 3);
}

/* An incident placed from the map's menu, moved, corrected and deleted; undo brings each
 * state back, and history keeps all of it. */
static void
test_incident_on_the_map (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *start = digest_case (fixture->files.path);
  g_autofree char *end = NULL;
  g_autofree char *key = NULL;
  g_autoptr(AtlasRecord) incident = NULL;
  g_autoptr(GListModel) history = NULL;
  AtlasRecordForm *form;
  AdwMessageDialog *dialog;

  form = open_form (fixture, "win.add-incident-at", g_variant_new ("(dd)", 28.67, 57.74));
  atlas_record_form_set_text (form, "title", "Arrests in Jiroft");
  atlas_record_form_set_text (form, "category", "arrest");
  atlas_record_form_set_text (form, "start_time", "2024-02-30");
  g_assert_nonnull (atlas_record_form_get_problem (form));
  atlas_record_form_set_text (form, "start_time", "2024-01");
  atlas_record_form_set_text (form, "place", "Jiroft");
  atlas_record_form_set_text (form, "location_precision", "town");
  save_form (form);
  key = find_key (fixture, ATLAS_TYPE_INCIDENT, "title", "Arrests in Jiroft");

  /* the new incident is selected, and its page shows */
  shown_details (fixture, "incident", key);
  g_assert_true (activate (fixture, "win.move-incident-to",
                           g_variant_new ("(dd)", 28.70, 57.80)));
  incident = atlas_case_lookup (the_case (fixture), "incident", key, NULL);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "latitude"), 28.70, 1e-9);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "month");

  form = open_form (fixture, "win.edit-record", g_variant_new ("(ss)", "incident", key));
  atlas_record_form_set_text (form, "title", "Arrests in Jiroft, January 2024");
  save_form (form);

  /* a claim about it, so deleting asks first */
  form = open_form (fixture, "win.add-claim", g_variant_new ("(ss)", "incident", key));
  atlas_record_form_set_text (form, "attribute", "arrests");
  atlas_record_form_set_text (form, "value_text", "several people");
  save_form (form);
  g_assert_true (activate (fixture, "win.delete-record", g_variant_new ("(ss)", "incident", key)));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  /* it names what goes with the incident */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Claim: "));
  {
    g_autofree char *picture = g_build_filename (g_get_tmp_dir (), "test-editing-delete.png",
                                                 NULL);

    wait_ms (400);
    g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (dialog), picture, NULL));
  }
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
  g_assert_null (atlas_case_lookup (the_case (fixture), "incident", key, NULL));

  history = atlas_case_list_history (the_case (fixture), "incident", key, NULL);
  /* added; moved (two fields); retitled; deleted */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);

  for (int i = 0; i < 5; i++)
    g_assert_true (activate (fixture, "win.undo", NULL));
  end = digest_case (fixture->files.path);
  g_assert_cmpstr (end, ==, start);
  g_assert_true (activate (fixture, "win.redo", NULL));
  g_assert_nonnull (atlas_case_lookup (the_case (fixture), "incident", key, NULL));
}

static AtlasRecordForm *
open_filled_form (Fixture    *fixture,
                  const char *name)
{
  AtlasRecordForm *form;

  if (g_str_equal (name, "source"))
    {
      form = open_form (fixture, "win.add-source", NULL);
      /* markup in a field is text, and a wrong date says so beside the field */
      atlas_record_form_set_text (form, "title", "Report <b>bold</b> & co");
      atlas_record_form_set_text (form, "published", "2024-13-01");
      g_assert_true (g_str_has_prefix (atlas_record_form_get_problem (form), "Published: "));
      return form;
    }
  if (g_str_equal (name, "claim"))
    {
      form = open_form (fixture, "win.add-claim", g_variant_new ("(ss)", "incident", KERMAN));
      atlas_record_form_set_text (form, "attribute", "deaths");
      atlas_record_form_set_text (form, "value_text", "95");
      atlas_record_form_set_text (form, "qualifier", "exact");
      atlas_record_form_set_text (form, "value_number", "95");
      return form;
    }
  form = open_form (fixture, "win.add-incident-at", g_variant_new ("(dd)", 30.3, 57.1));
  atlas_record_form_set_text (form, "title", "Arrests in Jiroft");
  return form;
}

/* The forms as a person sees them: light, dark, and 400 pixels wide. What is typed shows
 * as typed. */
static void
test_forms_look (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const names[] = { "source", "claim", "incident" };
  static const struct {
    const char      *name;
    AdwColorScheme   scheme;
    int              width;
  } looks[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 520 },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK, 520 },
    { "narrow", ADW_COLOR_SCHEME_FORCE_LIGHT, 400 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        AtlasRecordForm *form = open_filled_form (fixture, names[i]);
        g_autofree char *name = g_strdup_printf ("test-form-%s-%s.png", names[i], looks[l].name);
        g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

        adw_style_manager_set_color_scheme (style, looks[l].scheme);
        gtk_window_set_default_size (GTK_WINDOW (form), looks[l].width, 760);
        wait_ms (600);
        g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (form), path, NULL));
        g_test_message ("form: %s", path);
        gtk_window_destroy (GTK_WINDOW (form));
        drain ();
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The selected incident dragged on the map moves there; undo puts it back. */
static void
test_drag_incident (Fixture       *fixture,
                    gconstpointer  data)
{
  AtlasMapView *map_view = atlas_window_get_map_view (fixture->window);
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (atlas_map_view_get_simple_map (map_view)));
  g_autoptr(AtlasRecord) before = atlas_case_lookup (the_case (fixture), "incident", KERMAN, NULL);
  g_autoptr(AtlasRecord) after = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (map_view));
  GtkGesture *drag = NULL;
  double map_x, map_y, x, y;

  shown_details (fixture, "incident", KERMAN);
  atlas_map_view_frame_record (map_view, before, FALSE);
  wait_ms (500);
  shumate_viewport_location_to_widget_coords (viewport, map,
                                              atlas_record_get_double (before, "latitude"),
                                              atlas_record_get_double (before, "longitude"),
                                              &map_x, &map_y);
  g_assert_true (gtk_widget_translate_coordinates (map, GTK_WIDGET (map_view), map_x, map_y,
                                                   &x, &y));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);

  /* what a press, a move of 40 pixels east and a release make the gesture emit */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);
  drain ();
  after = atlas_case_lookup (the_case (fixture), "incident", KERMAN, NULL);
  g_assert_cmpfloat (atlas_record_get_double (after, "longitude"), >,
                     atlas_record_get_double (before, "longitude") + 0.001);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (after, "latitude"),
                                  atlas_record_get_double (before, "latitude"), 0.01);

  /* a drag that starts away from the selected incident pans the map: nothing moves */
  g_clear_object (&after);
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_signal_emit_by_name (drag, "drag-begin", x + 200, y + 200);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);
  drain ();
  after = atlas_case_lookup (the_case (fixture), "incident", KERMAN, NULL);
  g_assert_cmpfloat (atlas_record_get_double (after, "longitude"), ==,
                     atlas_record_get_double (before, "longitude"));
}

/* A new account of the attacker's route: the route through its form, three stops placed from
 * the map's menu, the last moved one earlier from its page's keyboard shortcut; the route's
 * line follows, and undo takes it all back. */
static void
test_build_a_route (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *place;
    double      latitude, longitude;
  } stops[] = {
    { "Zahedan", 29.50, 60.86 }, { "Bam", 29.11, 58.36 }, { "Rafsanjan", 30.41, 55.99 },
  };
  g_autofree char *start = digest_case (fixture->files.path);
  g_autofree char *end = NULL;
  g_autofree char *route = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(AtlasRecord) second = NULL;
  AtlasRecordForm *form;
  GtkWidget *page;

  form = open_form (fixture, "win.add-route", NULL);
  atlas_record_form_set_text (form, "name", "Route alleged by a fourth report");
  atlas_record_form_set_text (form, "status", "alleged");
  save_form (form);
  route = find_key (fixture, ATLAS_TYPE_ROUTE, "name", "Route alleged by a fourth report");

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      form = open_form (fixture, "win.add-stop-at",
                        g_variant_new ("(sdd)", route, stops[i].latitude, stops[i].longitude));
      atlas_record_form_set_text (form, "place", stops[i].place);
      save_form (form);
    }
  waypoints = atlas_case_list_waypoints (the_case (fixture), route, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, 3);
  last = find_key (fixture, ATLAS_TYPE_WAYPOINT, "place", "Rafsanjan");

  /* Alt+Up on the last stop's page */
  page = shown_details (fixture, "waypoint", last);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
    gboolean moved = FALSE;

    for (guint c = 0; c < g_list_model_get_n_items (controllers) && !moved; c++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

        for (guint i = 0; GTK_IS_SHORTCUT_CONTROLLER (controller)
                          && i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

            if (GTK_IS_KEYVAL_TRIGGER (trigger)
                && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Up
                && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
              moved = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, page,
                                                    gtk_shortcut_get_arguments (shortcut));
          }
      }
    g_assert_true (moved);
    drain ();
  }
  g_clear_object (&waypoints);
  waypoints = atlas_case_list_waypoints (the_case (fixture), route, NULL);
  second = g_list_model_get_item (waypoints, 1);
  g_assert_cmpstr (atlas_record_get_text (second, "place"), ==, "Rafsanjan");
  {
    g_autofree char *picture = g_build_filename (g_get_tmp_dir (), "test-editing-route.png",
                                                 NULL);

    shown_details (fixture, "route", route);
    wait_ms (800);
    g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture->window), picture, NULL));
    g_test_message ("route: %s", picture);
  }

  /* the route, three stops and the move */
  for (int i = 0; i < 5; i++)
    g_assert_true (activate (fixture, "win.undo", NULL));
  end = digest_case (fixture->files.path);
  g_assert_cmpstr (end, ==, start);
}

/* A claim's source added from the claim's own form, which then cites it. */
static void
test_source_from_claim_form (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  AtlasRecordForm *claim_form = open_form (fixture, "win.add-claim",
                                           g_variant_new ("(ss)", "incident", KERMAN));
  AtlasRecordForm *source_form = NULL;
  g_autofree char *source = NULL;
  g_autofree char *claim = NULL;

  collect (GTK_WIDGET (claim_form), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)),
                   "New Source…") == 0)
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  drain ();

  /* the newest form is the source's, over the claim's */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ATLAS_IS_RECORD_FORM (toplevel) && toplevel != G_OBJECT (claim_form))
          source_form = ATLAS_RECORD_FORM (toplevel);
      }
  }
  g_assert_nonnull (source_form);
  atlas_record_form_set_text (source_form, "title", "Statement read on state television");
  g_assert_true (atlas_record_form_save (source_form));
  drain ();
  source = find_key (fixture, ATLAS_TYPE_DOCUMENT, "title", "Statement read on state television");

  atlas_record_form_set_text (claim_form, "attribute", "deaths");
  atlas_record_form_set_text (claim_form, "value_text", "91");
  save_form (claim_form);
  claim = find_key (fixture, ATLAS_TYPE_CLAIM, "value_text", "91");
  {
    g_autoptr(AtlasRecord) record = atlas_case_lookup (the_case (fixture), "claim", claim, NULL);

    g_assert_cmpstr (atlas_record_get_text (record, "document_key"), ==, source);
  }
}

static gboolean
is_place_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       "win.add-incident-at-place") == 0
         && gtk_widget_is_drawable (widget);
}

static gboolean
shows_place_button (gpointer page)
{
  return find_widget (page, is_place_button, NULL) != NULL;
}

/* "Jiroft" typed in search finds the town in the offline gazetteer; its Add Incident Here
 * button opens the form with the place's name, coordinates, precision, province, country
 * and source. */
static void
test_incident_from_place_search (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *sidebar = atlas_window_get_sidebar (fixture->window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(AtlasRecord) incident = NULL;
  g_autofree char *key = NULL;
  AtlasRecordForm *form = NULL;
  GtkWidget *page;

  g_assert_true (activate (fixture, "win.find", NULL));
  page = atlas_sidebar_get_visible_page (ATLAS_SIDEBAR (sidebar));
  g_assert_true (ATLAS_IS_SEARCH_PAGE (page));
  atlas_search_page_set_text (ATLAS_SEARCH_PAGE (page), "Jiroft");
  /* the search entry waits for typing to pause, and the search runs on a worker */
  wait_for (shows_place_button, page, "the places found for “Jiroft”");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  {
    g_autofree char *picture = g_build_filename (g_get_tmp_dir (), "test-editing-places.png",
                                                 NULL);

    g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture->window), picture, NULL));
    g_test_message ("places: %s", picture);
  }

  collect (page, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && form == NULL; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                     "win.add-incident-at-place") == 0)
        {
          /* as a click does (activate() clicks only after its pressed-look delay) */
          g_assert_true (gtk_widget_is_sensitive (button));
          g_signal_emit_by_name (button, "clicked");
          drain ();
          form = ATLAS_RECORD_FORM (find_toplevel (ATLAS_TYPE_RECORD_FORM));
        }
    }
  g_assert_nonnull (form);
  atlas_record_form_set_text (form, "title", "Arrest raid in Jiroft");
  atlas_record_form_set_text (form, "category", "arrest");
  save_form (form);

  key = find_key (fixture, ATLAS_TYPE_INCIDENT, "title", "Arrest raid in Jiroft");
  incident = atlas_case_lookup (the_case (fixture), "incident", key, NULL);
  g_assert_cmpstr (atlas_record_get_text (incident, "place"), ==, "Jīroft");
  g_assert_cmpstr (atlas_record_get_text (incident, "location_precision"), ==, "town");
  g_assert_nonnull (strstr (atlas_record_get_text (incident, "location_source"), "gazetteer"));
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "latitude"), 28.68, 0.05);
  /* the gazetteer's province and country come with it */
  g_assert_cmpstr (atlas_record_get_text (incident, "admin_area"), ==, "Kerman");
  g_assert_cmpstr (atlas_record_get_text (incident, "country"), ==, "Iran");
}

/* ---- other processes ------------------------------------------------------------------- */

static guint
count_overview_items (Fixture *fixture)
{
  GtkWidget *sidebar = atlas_window_get_sidebar (fixture->window);
  GtkWidget *page = atlas_sidebar_get_visible_page (ATLAS_SIDEBAR (sidebar));

  g_assert_true (ATLAS_IS_OVERVIEW_PAGE (page));
  return g_list_model_get_n_items (atlas_overview_page_get_model (ATLAS_OVERVIEW_PAGE (page)));
}

static gboolean
overview_grew (gpointer data)
{
  Fixture *fixture = data;

  return count_overview_items (fixture) > fixture->overview_before;
}

/* Another program (here the app's own --import, in a process of its own) adds to the case
 * while the window shows it: the window follows, unasked (it looks once a second). */
static void
test_follows_another_process (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "incident-atlas",
                                                   NULL);
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "import", "good.geojson",
                                                  NULL);
  const char *argv[] = { binary, "--import", input, "--into", fixture->files.path, NULL };
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  guint before;
  int status;

  /* the sample opens on its attack's page: back to the overview */
  atlas_selection_select (atlas_window_get_selection (fixture->window), NULL,
                          ATLAS_SELECTION_NONE);
  g_assert_true (gtk_widget_activate_action (atlas_window_get_sidebar (fixture->window),
                                             "sidebar.show-overview", NULL));
  drain ();
  before = count_overview_items (fixture);

  /* its summary is kept off the test's own output, which is TAP */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &summary, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("--import: %s", summary);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  fixture->overview_before = before;
  wait_for (overview_grew, fixture, "the overview to show the other process's incidents");
  g_test_message ("overview rows before: %u, after: %u", before, count_overview_items (fixture));
  g_assert_cmpuint (count_overview_items (fixture), >, before);
}

/* Killed right after an edit's toast, the app leaves the edit in the file. The child works
 * on a copy the parent made, named after the parent's process. */
static char *
dup_kill_case_path (GPid parent)
{
  g_autofree char *name = g_strdup_printf ("atlas-editing-kill-%d.gpkg", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_edit_survives_kill (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autoptr(AtlasCase) reopened = NULL;
  g_autoptr(AtlasRecord) claim = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      AtlasWindow *window;

      path = dup_kill_case_path (getppid ());
      file = g_file_new_for_path (path);
      window = open_settled_window (file);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-record",
                                                 "(ss)", "claim", "cl-kerman-deaths-d1"));
      kill (getpid (), SIGKILL);
      return;
    }

  path = dup_kill_case_path (getpid ());
  file = g_file_new_for_path (path);
  g_file_copy (sample, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_chmod (path, 0644);
  g_test_trap_subprocess (NULL, (guint64) TEST_SLOWDOWN * 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  reopened = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  claim = atlas_case_lookup (reopened, "claim", "cl-kerman-deaths-d1", NULL);
  g_assert_null (claim);
  history = atlas_case_list_history (reopened, "claim", "cl-kerman-deaths-d1", &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  g_clear_object (&reopened);
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *side = g_strconcat (path, suffix, NULL);
      g_remove (side);
    }
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_remove (shm);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = window_test_new_app ();

  add_test ("/atlas/editing/build-from-a-new-report", test_build_from_a_new_report);
  add_test ("/atlas/editing/incident-on-the-map", test_incident_on_the_map);
  add_test ("/atlas/editing/forms-look", test_forms_look);
  add_test ("/atlas/editing/incident-from-place-search", test_incident_from_place_search);
  add_test ("/atlas/editing/drag-incident", test_drag_incident);
  add_test ("/atlas/editing/build-a-route", test_build_a_route);
  add_test ("/atlas/editing/source-from-claim-form", test_source_from_claim_form);
  add_test ("/atlas/editing/follows-another-process", test_follows_another_process);
  g_test_add_func ("/atlas/editing/edit-survives-kill", test_edit_survives_kill);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
