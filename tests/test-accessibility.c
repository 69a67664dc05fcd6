/* test-accessibility.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader gets from the real window on the sample case, read in-process from
 * GTK's own accessible objects (GTK_A11Y=test): every interactive element has a name that
 * is not a type name, and the keyboard reaches what it must.
 *
 * GTK 4.8 has no getter for accessible properties; gtk_test_accessible_check_property()
 * returns the real value whenever it differs from the one given, which is how a name is
 * read back here. A name made of a labelled-by relation is read from the labels inside
 * the widget or pointing at it, as GTK's AT-SPI bridge joins them.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-case.h"
#include "atlas-claim-row.h"
#include "atlas-contested-table.h"
#include "atlas-details-page.h"
#include "atlas-import-dialog.h"
#include "atlas-map-style.h"
#include "atlas-overview-row.h"
#include "atlas-record-form.h"
#include "atlas-sidebar.h"
#include "atlas-tile-style.h"
#include "atlas-timeline-histogram-private.h"
#include "atlas-timeline-histogram.h"
#include "atlas-timeline.h"
#include "atlas-widget-capture.h"
#include "atlas-window.h"
#include "window-test-util.h"

#define KERMAN "inc-kerman-2024"

static AtlasApplication *app;

/* ---- the window -------------------------------------------------------------------- */

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static AtlasWindow *
open_settled_window (GFile *file)
{
  AtlasWindow *window = open_window_at (app, file, 1280, 800);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static AtlasWindow *
open_sample_window (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();

  return open_settled_window (sample);
}

static void
select_kerman (AtlasWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) record = atlas_case_lookup (atlas_window_get_case (window),
                                                     "incident", KERMAN, &error);

  g_assert_no_error (error);
  atlas_selection_select (atlas_window_get_selection (window), record, ATLAS_SELECTION_FRAME);
  spin (600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* ---- reading names back ------------------------------------------------------------ */

static char *
read_property (GtkWidget             *widget,
               GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  /* a value it cannot have, so the real one comes back */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

static void
collect_label_texts (GtkWidget *root,
                     GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) || GTK_IS_INSCRIPTION (child))
        {
          g_autofree char *label = read_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL);
          const char *shown = GTK_IS_LABEL (child)
                              ? gtk_label_get_text (GTK_LABEL (child))
                              : gtk_inscription_get_text (GTK_INSCRIPTION (child));

          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, label != NULL ? label : shown != NULL ? shown : "");
        }
      else
        collect_label_texts (child, text);
    }
}

static GtkWidget *
find_mnemonic_label (GtkWidget *root,
                     GtkWidget *target)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_mnemonic_widget (GTK_LABEL (root)) == target)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mnemonic_label (child, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The name as GTK 4.8's AT-SPI bridge builds it: the label property, then the names of
 * what labels it; an empty name is spoken as the type name. */
static char *
accessible_name (GtkWidget *widget)
{
  g_autofree char *label = read_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GString *name = g_string_new (label);

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      g_autoptr(GString) by = g_string_new (NULL);
      GtkWidget *mnemonic = find_mnemonic_label (GTK_WIDGET (gtk_widget_get_root (widget)),
                                                 widget);

      collect_label_texts (widget, by);
      if (by->len == 0 && mnemonic != NULL)
        g_string_append (by, gtk_label_get_text (GTK_LABEL (mnemonic)));
      /* a menu button's inner toggle is labelled by the menu button */
      if (by->len == 0 && parent != NULL
          && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
        {
          g_autofree char *parent_name = accessible_name (parent);

          g_string_append (by, parent_name);
        }
      if (by->len == 0 && name->len == 0)
        g_string_append (by, "(labelled by a widget elsewhere)");
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, by->str);
    }
  return g_string_free (name, FALSE);
}

static gboolean
is_interactive_role (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_DIALOG:
    case GTK_ACCESSIBLE_ROLE_WINDOW:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "GtkButton", "AtlasMapView": what AT-SPI speaks when a name is empty */
static gboolean
is_type_name (const char *name)
{
  return g_type_from_name (name) != 0;
}

/* "_Cancel": a mnemonic spoken with its underscore */
static gboolean
has_mnemonic_marker (const char *name)
{
  for (const char *p = name; (p = strchr (p, '_')) != NULL; p++)
    if ((p == name || p[-1] == ' ') && g_ascii_isalnum (p[1]))
      return TRUE;
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *grandparent = parent != NULL ? gtk_widget_get_parent (parent) : NULL;
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  g_autofree char *joined = g_strjoinv (".", classes);

  return g_strdup_printf ("%s.%s (in %s in %s)%s%s", G_OBJECT_TYPE_NAME (widget), joined,
                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                          grandparent != NULL ? G_OBJECT_TYPE_NAME (grandparent) : "-",
                          tooltip != NULL ? " tooltip: " : "", tooltip != NULL ? tooltip : "");
}

static void
check_names (GtkWidget *root,
             GPtrArray *problems,
             guint     *n_checked)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (root))
    return;
  /* what can neither take focus nor be clicked only shows, e.g. AdwComboRow's value */
  if (!gtk_widget_get_can_focus (root) && !gtk_widget_get_can_target (root))
    return;
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root));
  if (is_interactive_role (role))
    {
      g_autofree char *name = g_strstrip (accessible_name (root));

      (*n_checked)++;
      if (*name == '\0' || is_type_name (name) || has_mnemonic_marker (name))
        g_ptr_array_add (problems, g_strdup_printf ("%s: role %d, name \"%s\"",
                                                    describe (root), role, name));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, problems, n_checked);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = 0;

  check_names (root, problems, &n_checked);
  g_test_message ("%s: %u interactive elements checked", where, n_checked);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: unnamed: %s", where, (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_names (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *sidebar = atlas_window_get_sidebar (window);
  GtkWidget *menu_button, *popover, *dropdown;
  g_autofree char *description = NULL;
  GtkWindow *shortcuts;

  assert_all_named (GTK_WIDGET (window), "overview");

  select_kerman (window);
  assert_all_named (GTK_WIDGET (window), "Kerman details");

  menu_button = find_child_of_type (sidebar, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  spin (300);
  assert_all_named (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                    "filter");
  /* the reliability drop-down's button says the grade it shows */
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  dropdown = find_child_of_type (popover, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  description = read_property (gtk_widget_get_first_child (dropdown),
                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_cmpstr (description, ==, gtk_string_object_get_string (
                     gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 5);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  assert_all_named (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);

  close_window (window);
}


/* ---- the keyboard ------------------------------------------------------------------ */

#define MAX_TAB_STOPS 400

static GtkWidget *
find_last_of_type (GtkWidget *root,
                   GType      type)
{
  GtkWidget *found = NULL;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    found = root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *last = find_last_of_type (child, type);

      if (last != NULL)
        found = last;
    }
  return found;
}

static GtkWidget *
first_focusable (GtkWidget *root)
{
  if (gtk_widget_get_mapped (root) && gtk_widget_get_focusable (root)
      && gtk_widget_get_can_focus (root) && gtk_widget_is_sensitive (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_focusable (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
stop_name (GtkWidget *focus)
{
  g_autofree char *name = g_strstrip (accessible_name (focus));

  if (*name == '\0' && GTK_IS_LABEL (focus))
    return g_strdup (gtk_label_get_text (GTK_LABEL (focus)));
  /* the text inside an entry is named by the entry around it */
  if (*name == '\0' && GTK_IS_TEXT (focus))
    return g_strstrip (accessible_name (gtk_widget_get_parent (focus)));
  return g_steal_pointer (&name);
}

/* One press of Tab or Shift+Tab: the focus moves, to a named, visible widget. */
static GtkWidget *
press_tab (gpointer          window,
           GtkDirectionType  direction,
           guint             n)
{
  GtkWidget *before = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *focus;
  g_autofree char *name = NULL;

  g_signal_emit_by_name (window, "move-focus", direction);
  spin (20);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  name = stop_name (focus);
  g_test_message ("%s %3u: %s \"%s\"", direction == GTK_DIR_TAB_FORWARD ? "Tab" : "S-Tab", n,
                  G_OBJECT_TYPE_NAME (focus), name);
  if (focus == before)
    g_error ("focus is stuck on %s \"%s\"", G_OBJECT_TYPE_NAME (focus), name);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_get_width (focus) > 0 && gtk_widget_get_height (focus) > 0);
  if (*name == '\0' || is_type_name (name))
    g_error ("the focus stop %s has no name", describe (focus));
  return focus;
}

static void
collect_fields (GtkWidget *root,
                GPtrArray *fields)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if ((GTK_IS_TEXT (root) || GTK_IS_TEXT_VIEW (root)) && gtk_widget_is_sensitive (root))
    g_ptr_array_add (fields, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_fields (child, fields);
}

/* Tab alone goes round the form, each stop named, and reaches every field it shows. */
static void
assert_form_tab_walk (GtkWindow  *form,
                      const char *what)
{
  g_autoptr(GHashTable) stops = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  guint n;

  collect_fields (GTK_WIDGET (form), fields);
  g_assert_cmpuint (fields->len, >, 0);
  gtk_widget_grab_focus (first_focusable (GTK_WIDGET (form)));
  for (n = 0; n < MAX_TAB_STOPS; n++)
    {
      GtkWidget *focus = press_tab (form, GTK_DIR_TAB_FORWARD, n);

      if (!g_hash_table_add (stops, focus))
        break;
    }
  g_assert_cmpuint (n, <, MAX_TAB_STOPS);
  g_test_message ("%s: %u Tab stops, %u fields", what, n, fields->len);
  for (guint i = 0; i < fields->len; i++)
    if (!g_hash_table_contains (stops, fields->pdata[i]))
      {
        g_autofree char *field = describe (fields->pdata[i]);

        g_error ("%s: Tab never reaches %s", what, field);
      }
}

/* The forms that build a case, on a copy of the sample that can be written to: every
 * control named, every field reached by Tab alone. */
static void
test_form_names (void)
{
  static const char * const actions[] = { "win.add-incident", "win.add-source", "win.add-actor" };
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  g_autofree char *dir = g_dir_make_tmp ("a11y-forms-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kerman.gpkg", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;

  g_file_copy (sample, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  window = open_settled_window (copy);
  g_assert_false (atlas_case_get_read_only (atlas_window_get_case (window)));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *form;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      form = find_toplevel (ATLAS_TYPE_RECORD_FORM);
      g_assert_nonnull (form);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (form));
      assert_all_named (GTK_WIDGET (form), actions[i]);
      assert_form_tab_walk (form, actions[i]);
      gtk_window_destroy (form);
      spin (100);
    }
  close_window (window);
}

/* Every claim row, and every value of a contested table, the page shows: each must be one
 * Tab stop, no more, no less. */
static void
collect_claim_stops (GtkWidget *root,
                     GPtrArray *stops)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (ATLAS_IS_CLAIM_ROW (root))
    {
      g_ptr_array_add (stops, root);
      return;
    }
  if (ATLAS_IS_CONTESTED_TABLE (root))
    for (guint i = 0; i < atlas_contested_table_get_n_rows (ATLAS_CONTESTED_TABLE (root)); i++)
      g_ptr_array_add (stops, atlas_contested_table_get_row (ATLAS_CONTESTED_TABLE (root), i));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_claim_stops (child, stops);
}

/* The claim row or contested value @focus is, or is inside. */
static GtkWidget *
claim_stop_of (GtkWidget *focus,
               GPtrArray *claim_stops)
{
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_ptr_array_find (claim_stops, widget, NULL))
      return widget;
  return NULL;
}

static gboolean
is_overview_record (GtkWidget *focus)
{
  GtkWidget *row = GTK_IS_WIDGET (gtk_widget_get_first_child (focus))
                   ? gtk_widget_get_first_child (focus) : NULL;

  return row != NULL && ATLAS_IS_OVERVIEW_ROW (row);
}

static void
test_tab_walk (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *header_bar = find_child_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *header = first_focusable (header_bar);
  GtkWidget *page, *last_claim, *focus = NULL;
  g_autoptr(GPtrArray) claim_stops = g_ptr_array_new ();
  g_autoptr(GHashTable) claims_reached = g_hash_table_new (NULL, NULL);
  guint n, n_rows = 0, n_before_first_claim = 0;

  /* the overview: from the header bar, Tab reaches its rows */
  g_assert_nonnull (header);
  gtk_widget_activate_action (atlas_window_get_sidebar (window), "sidebar.back", NULL);
  spin (600);
  gtk_widget_grab_focus (header);
  for (n = 0; n < MAX_TAB_STOPS && n_rows == 0; n++)
    if (is_overview_record (press_tab (window, GTK_DIR_TAB_FORWARD, n)))
      n_rows++;
  g_assert_cmpuint (n_rows, >, 0);

  /* Down moves from row to row */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  gtk_widget_child_focus (gtk_widget_get_parent (focus), GTK_DIR_DOWN);
  spin (20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != focus);
  g_assert_true (is_overview_record (gtk_root_get_focus (GTK_ROOT (window))));

  /* the Kerman attack's details: from the header bar to its last claim */
  select_kerman (window);
  page = atlas_sidebar_get_visible_page (ATLAS_SIDEBAR (atlas_window_get_sidebar (window)));
  last_claim = find_last_of_type (page, ATLAS_TYPE_CLAIM_ROW);
  g_assert_nonnull (last_claim);
  collect_claim_stops (page, claim_stops);
  g_assert_cmpuint (claim_stops->len, >, 40);
  gtk_widget_grab_focus (header);
  for (n = 0; n < MAX_TAB_STOPS; n++)
    {
      GtkWidget *claim_stop;

      focus = press_tab (window, GTK_DIR_TAB_FORWARD, n);
      claim_stop = claim_stop_of (focus, claim_stops);
      if (claim_stop == NULL)
        continue;
      if (n_before_first_claim == 0)
        n_before_first_claim = n;
      /* one stop per claim: the row itself, never a button or a label inside it */
      g_assert_true (focus == claim_stop);
      g_assert_true (g_hash_table_add (claims_reached, focus));
      if (focus == last_claim)
        break;
    }
  g_assert_cmpuint (n, <, MAX_TAB_STOPS);
  g_test_message ("%u Tab stops from the header bar to the last claim, %u before the first; "
                  "%u claims and contested values", n + 1, n_before_first_claim,
                  claim_stops->len);
  /* the header bar (with Briefings), the page's buttons (with Copy Link) and its
   * properties come first, nothing more: 15 stops */
  g_assert_cmpuint (n_before_first_claim, <=, 15);
  /* and every claim and value was reached, each once */
  g_assert_cmpuint (g_hash_table_size (claims_reached), ==, claim_stops->len);

  /* and back */
  for (n = 0; n < MAX_TAB_STOPS; n++)
    {
      focus = press_tab (window, GTK_DIR_TAB_BACKWARD, n);
      if (gtk_widget_is_ancestor (focus, header_bar))
        break;
    }
  g_assert_cmpuint (n, <, MAX_TAB_STOPS);

  close_window (window);
}

/* The shortcut a key press would trigger, from the widget's own shortcut controllers. */
static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (
                                    gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static void
test_import_dialog_escape (void)
{
  g_autofree char *dir = g_dir_make_tmp ("a11y-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "import.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) geojson = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                       "import", "good.geojson",
                                                                       NULL));
  g_autoptr(AtlasCase) created = atlas_case_create (file, "Imports", NULL);
  g_autoptr(GtkShortcut) escape = NULL;
  AtlasImportDialog *dialog;
  AtlasWindow *window;
  AtlasCaseCounts counts;

  g_assert_nonnull (created);
  g_clear_object (&created);
  window = open_settled_window (file);

  atlas_window_import_file (window, geojson);
  dialog = ATLAS_IMPORT_DIALOG (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  while (!atlas_import_dialog_is_loaded (dialog))
    g_main_context_iteration (NULL, TRUE);

  escape = find_shortcut (GTK_WIDGET (dialog), "Escape");
  g_assert_nonnull (escape);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0,
                                               GTK_WIDGET (dialog), NULL));
  while (find_toplevel (ATLAS_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Escape cancels: nothing was imported */
  atlas_case_get_counts (atlas_window_get_case (window), &counts);
  g_assert_cmpuint (counts.incidents, ==, 0);
  close_window (window);
}

/* ---- what the map and the timeline say ------------------------------------------- */

static char *
wait_for_new_description (GtkWidget  *widget,
                          const char *old)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      char *now = read_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

      if (now != NULL && g_strcmp0 (now, old) != 0)
        return now;
      g_free (now);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      spin (50);
    }
}

static void
press (GtkWidget  *widget,
       const char *key)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, key);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static void
test_map_description (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  ShumateViewport *viewport = atlas_map_view_get_viewport (ATLAS_MAP_VIEW (map));
  AtlasSelection *selection = atlas_window_get_selection (window);
  g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (map),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               "Map");
  g_autofree char *described = NULL, *away = NULL, *stepped = NULL;
  g_autofree char *title = NULL, *path = NULL;
  double zoom, longitude;

  /* a named Tab stop */
  g_assert_null (label);
  g_assert_true (gtk_widget_get_focusable (map));
  g_assert_true (gtk_widget_grab_focus (map));

  /* what is in view and what is selected */
  atlas_selection_select (selection, NULL, ATLAS_SELECTION_NONE);
  described = wait_for_new_description (map, NULL);
  g_test_message ("map: %s", described);
  g_assert_nonnull (strstr (described, "in view"));

  /* nothing out at sea */
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 0, -30);
  shumate_viewport_set_zoom_level (viewport, 7);
  away = wait_for_new_description (map, described);
  g_test_message ("map: %s", away);
  g_assert_nonnull (strstr (away, "No incidents in view"));

  /* keys move the view */
  zoom = shumate_viewport_get_zoom_level (viewport);
  press (map, "plus");
  spin (400);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom);
  zoom = shumate_viewport_get_zoom_level (viewport);
  press (map, "minus");
  spin (400);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), <, zoom);
  longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  press (map, "Left");
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), <, longitude);

  /* back over Iran, n selects the next incident and says so */
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 30.3, 57.1);
  shumate_viewport_set_zoom_level (viewport, 6);
  g_free (described);
  described = wait_for_new_description (map, away);
  gtk_test_widget_wait_for_draw (map);
  spin (200);
  press (map, "n");
  g_assert_nonnull (atlas_selection_get_record (selection));
  title = g_strdup (atlas_record_get_text (atlas_selection_get_record (selection), "title"));
  stepped = wait_for_new_description (map, described);
  g_test_message ("map after n: %s", stepped);
  g_assert_nonnull (strstr (stepped, "selected: "));
  g_assert_nonnull (strstr (stepped, title));
  /* the keyboard stays on the map, to go on stepping */
  g_assert_true (gtk_widget_has_focus (map));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gtk_test_widget_wait_for_draw (map);
  path = g_build_filename (g_get_tmp_dir (), "test-a11y-map-focused.png", NULL);
  g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (window), path, NULL));
  g_test_message ("the window with the map focused: %s", path);

  close_window (window);
}

static void
test_timeline_description (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE);
  GtkWidget *chart = find_child_of_type (timeline, ATLAS_TYPE_TIMELINE_HISTOGRAM);
  g_autofree char *all = NULL, *moved = NULL, *again = NULL;

  g_assert_nonnull (chart);
  all = wait_for_new_description (chart, NULL);
  g_test_message ("timeline: %s", all);
  g_assert_nonnull (strstr (all, atlas_timeline_get_range_text (ATLAS_TIMELINE (timeline))));
  g_assert_nonnull (strstr (all, "incidents"));

  /* a range: its dates and how many incidents fall in it */
  g_assert_true (atlas_timeline_move_range (ATLAS_TIMELINE (timeline), 1));
  moved = wait_for_new_description (chart, all);
  g_test_message ("timeline: %s", moved);
  g_assert_nonnull (strstr (moved, atlas_timeline_get_range_text (ATLAS_TIMELINE (timeline))));
  g_assert_nonnull (strstr (moved, " of "));

  /* and every change after */
  g_assert_true (atlas_timeline_move_range (ATLAS_TIMELINE (timeline), 1));
  again = wait_for_new_description (chart, moved);
  g_test_message ("timeline: %s", again);

  close_window (window);
}

/* ---- briefing and toggles ---------------------------------------------------------- */

static void
test_briefing_focus (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  GtkWidget *panel = GTK_WIDGET (atlas_window_get_briefing_panel (window));
  g_autofree char *first = NULL, *second = NULL;

  g_assert_true (gtk_widget_grab_focus (map));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  spin (300);
  g_assert_true (gtk_widget_has_focus (panel));
  first = read_property (panel, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_test_message ("briefing: %s", first);
  g_assert_true (g_str_has_prefix (first, "Step 1 of "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-next", NULL));
  spin (300);
  g_assert_true (gtk_widget_has_focus (panel));
  second = read_property (panel, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_test_message ("briefing: %s", second);
  g_assert_true (g_str_has_prefix (second, "Step 2 of "));

  /* Escape leaves, and the focus is where it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-briefing", NULL));
  spin (300);
  g_assert_true (gtk_widget_has_focus (map));

  close_window (window);
}

/* How many pixels of the chart's axis row, in the @width pixels at its right end, are dark
 * enough to be text rather than a tick or the background. */
static guint
count_text_pixels_at_right (GtkWidget *chart,
                            int        width)
{
  g_autoptr(GdkTexture) texture = atlas_widget_capture_texture (chart);
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);
  guint count = 0;

  gdk_texture_download (texture, pixels, (gsize) w * 4);
  for (int y = h - (int) AXIS_HEIGHT; y < h; y++)
    for (int x = w - width; x < w - 2; x++)
      {
        const guchar *p = pixels + ((gsize) y * w + x) * 4;

        /* Cairo's ARGB32 as downloaded: premultiplied B, G, R, A on little-endian */
        if (p[3] > 200 && (p[0] + p[1] + p[2]) / 3 < 110)
          count++;
      }
  return count;
}

/* At 1.5 times the text size the timeline still names its last year. */
static void
test_timeline_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AtlasWindow *window;
  GtkWidget *chart;
  guint n;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  window = open_sample_window ();
  chart = find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_HISTOGRAM);
  gtk_test_widget_wait_for_draw (chart);
  n = count_text_pixels_at_right (chart, 40);
  g_test_message ("dark pixels at the right end of the axis: %u", n);
  g_assert_cmpuint (n, >, 10);

  close_window (window);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* At 1.5 times the text size in a short window, a step stays on screen and scrolls. */
static void
test_briefing_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AtlasWindow *window;
  GtkWidget *panel, *overlay;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-a11y-briefing-large.png",
                                            NULL);
  g_autoptr(GError) error = NULL;
  graphene_rect_t bounds;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  window = open_sample_window ();
  panel = GTK_WIDGET (atlas_window_get_briefing_panel (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  /* presenting goes full screen: the step in a short screen */
  gtk_window_unfullscreen (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 420);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-next", NULL));
  spin (600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* the card is fitted a couple of frames after the window's new size reaches the map, which
   * a slow (sanitized) build takes longer to get to: wait for the layout, a while at most */
  overlay = gtk_widget_get_parent (panel);
  for (guint waited = 0; waited < TEST_SLOWDOWN * 20; waited++)
    {
      g_assert_true (gtk_widget_compute_bounds (panel, overlay, &bounds));
      if (bounds.origin.y >= 0)
        break;
      spin (250);
    }
  g_assert_true (gtk_widget_compute_bounds (panel, overlay, &bounds));
  g_test_message ("the step: %.0f px high from %.0f, in %d px", bounds.size.height,
                  bounds.origin.y, gtk_widget_get_height (overlay));
  /* the picture is for people to look at; what is tested is the card's place below */
  if (atlas_widget_capture_to_png (GTK_WIDGET (window), path, &error))
    g_test_message ("the briefing at 1.5x text: %s", path);
  else
    g_test_message ("no picture of the briefing at 1.5x text: %s", error->message);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (overlay));

  close_window (window);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

static gboolean
is_sidebar_toggle (GtkWidget *widget)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       "win.toggle-sidebar") == 0;
}

static GtkWidget *
find_sidebar_toggle (GtkWidget *root)
{
  if (is_sidebar_toggle (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_sidebar_toggle_state (void)
{
  AtlasWindow *window = open_sample_window ();
  GtkWidget *toggle = find_sidebar_toggle (GTK_WIDGET (window));
  g_autofree char *pressed = NULL, *released = NULL;

  g_assert_nonnull (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  pressed = gtk_test_accessible_check_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_PRESSED,
                                             GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_null (pressed);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  spin (100);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  released = gtk_test_accessible_check_state (GTK_ACCESSIBLE (toggle),
                                              GTK_ACCESSIBLE_STATE_PRESSED,
                                              GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_null (released);

  close_window (window);
}

/* ---- contrast ----------------------------------------------------------------------- */

/* WCAG 2.1 relative luminance of an opaque colour */
static double
luminance (const GdkRGBA *colour)
{
  double channels[3] = { colour->red, colour->green, colour->blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.03928 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/* @top painted over the opaque @bottom */
static GdkRGBA
over (GdkRGBA top,
      GdkRGBA bottom)
{
  return (GdkRGBA) { top.red * top.alpha + bottom.red * (1 - top.alpha),
                     top.green * top.alpha + bottom.green * (1 - top.alpha),
                     top.blue * top.alpha + bottom.blue * (1 - top.alpha), 1 };
}

static GdkRGBA
with_alpha (GdkRGBA colour,
            double  alpha)
{
  colour.alpha *= alpha;
  return colour;
}

static double
contrast (GdkRGBA foreground,
          GdkRGBA background)
{
  double a = luminance (&background);
  double b = luminance (&foreground);

  g_assert_cmpfloat (background.alpha, ==, 1);
  b = luminance (&(GdkRGBA) { over (foreground, background).red,
                              over (foreground, background).green,
                              over (foreground, background).blue, 1 });
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

static GdkRGBA
named (GtkWidget  *widget,
       const char *name)
{
  GdkRGBA colour;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &colour))
    g_error ("no colour named %s in the style", name);
G_GNUC_END_IGNORE_DEPRECATIONS
  return colour;
}

static GdkRGBA
palette_colour (const AtlasColor *colour)
{
  return (GdkRGBA) { colour->red, colour->green, colour->blue, colour->alpha };
}

typedef struct {
  const char *style;
  guint       n_failed;
} Measure;

static void
check (Measure    *measure,
       const char *what,
       GdkRGBA     foreground,
       GdkRGBA     background,
       double      minimum)
{
  double ratio = contrast (foreground, background);

  g_test_message ("%s, %s: %.2f:1 (at least %.1f)", measure->style, what, ratio, minimum);
  if (ratio < minimum)
    {
      g_test_message ("  too low");
      measure->n_failed++;
    }
}

static void
check_badge (Measure    *measure,
             GtkWidget  *widget,
             const char *what,
             const char *name,
             GdkRGBA     surface)
{
  g_autofree char *fg = g_strdup_printf ("atlas_%s_fg_color", name);
  g_autofree char *bg = g_strdup_printf ("atlas_%s_bg_color", name);

  check (measure, what, named (widget, fg), over (named (widget, bg), surface), 4.5);
}

/* A two-colour ring passes where either of its colours stands out 3:1. */
static void
check_ring (Measure    *measure,
            const char *what,
            GdkRGBA     outer,
            GdkRGBA     inner,
            GdkRGBA     background)
{
  double ratio = MAX (contrast (outer, background), contrast (inner, background));

  g_test_message ("%s, focus ring on %s: %.2f:1 (at least 3)", measure->style, what, ratio);
  if (ratio < 3)
    measure->n_failed++;
}

static void
measure_style (GtkWidget        *widget,
               Measure          *measure,
               AtlasTileStyle    tile_style)
{
  const AtlasTilePalette *palette = atlas_tile_style_get_palette (tile_style);
  GdkRGBA view_bg = named (widget, "view_bg_color");
  GdkRGBA view_fg = named (widget, "view_fg_color");
  GdkRGBA card = over (named (widget, "card_bg_color"), view_bg);
  GdkRGBA land = palette_colour (&palette->land);
  GdkRGBA water = palette_colour (&palette->water);
  GdkRGBA outer = named (widget, "atlas_focus_ring_outer_color");
  GdkRGBA inner = named (widget, "atlas_focus_ring_inner_color");

  /* text */
  check (measure, "dimmed sidebar text", named (widget, "atlas_dim_fg_color"), view_bg, 4.5);
  check (measure, "dimmed timeline text", named (widget, "atlas_dim_fg_color"),
         over (named (widget, "headerbar_bg_color"), view_bg), 4.5);
  check_badge (measure, widget, "Contested badge", "badge_warning", card);
  check_badge (measure, widget, "grade A/B badge", "badge_success", card);
  check_badge (measure, widget, "grade C/D badge", "badge_warning", card);
  check_badge (measure, widget, "grade E badge", "badge_error", card);
  check_badge (measure, widget, "source chip", "chip", card);
  check (measure, "timeline major labels",
         with_alpha (view_fg, ATLAS_TIMELINE_MAJOR_LABEL_ALPHA), view_bg, 4.5);
  check (measure, "timeline minor labels",
         with_alpha (view_fg, ATLAS_TIMELINE_MINOR_LABEL_ALPHA), view_bg, 4.5);
  check (measure, "basemap place labels", palette_colour (&palette->place_text), land, 4.5);
  check (measure, "basemap minor place labels", palette_colour (&palette->minor_place_text),
         land, 4.5);
  check (measure, "basemap country labels", palette_colour (&palette->country_text), land, 4.5);

  /* what is not text */
  check (measure, "timeline bars", with_alpha (named (widget, "accent_bg_color"),
                                               ATLAS_TIMELINE_BAR_ALPHA), view_bg, 3);
  check (measure, "timeline bars out of the range",
         with_alpha (view_fg, ATLAS_TIMELINE_OUT_BAR_ALPHA), view_bg, 3);
  check (measure, "legend's precision-halo swatch",
         with_alpha (view_fg, ATLAS_MAP_HALO_SWATCH_OUTLINE_ALPHA), view_bg, 3);
  check (measure, "the focused map's ring on land", named (widget, "atlas_map_focus_ring_color"),
         land, 3);
  check (measure, "the focused map's ring on water", named (widget, "atlas_map_focus_ring_color"),
         water, 3);
  check_ring (measure, "land", outer, inner, land);
  check_ring (measure, "water", outer, inner, water);
  /* libadwaita 1.2's .osd background, which it does not name */
  check_ring (measure, "a zoom button", outer, inner, over ((GdkRGBA) { 0, 0, 0, 0.7 }, land));
}

/* The map with a zoom button focused from the keyboard, to look at the ring. */
static void
capture_focus_ring (AtlasWindow *window,
                    const char  *name)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  GtkWidget *button = find_child_of_type (map, GTK_TYPE_BUTTON);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  spin (300);
  gtk_test_widget_wait_for_draw (map);
  g_assert_true (atlas_widget_capture_to_png (map, path, NULL));
  g_test_message ("the map with a focused zoom button: %s", path);
}

static void
test_contrast (void)
{
  AtlasWindow *window = open_sample_window ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  Measure light = { "light", 0 }, dark = { "dark", 0 };

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin (100);
  measure_style (GTK_WIDGET (window), &light, ATLAS_TILE_STYLE_LIGHT);
  capture_focus_ring (window, "test-a11y-focus-light.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spin (100);
  measure_style (GTK_WIDGET (window), &dark, ATLAS_TILE_STYLE_DARK);
  capture_focus_ring (window, "test-a11y-focus-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpuint (light.n_failed, ==, 0);
  g_assert_cmpuint (dark.n_failed, ==, 0);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = window_test_new_app ();

  g_test_add_func ("/atlas/accessibility/names", test_names);
  g_test_add_func ("/atlas/accessibility/form-names", test_form_names);
  g_test_add_func ("/atlas/accessibility/tab-walk", test_tab_walk);
  g_test_add_func ("/atlas/accessibility/import-dialog-escape", test_import_dialog_escape);
  g_test_add_func ("/atlas/accessibility/map-description", test_map_description);
  g_test_add_func ("/atlas/accessibility/timeline-description", test_timeline_description);
  g_test_add_func ("/atlas/accessibility/timeline-large-text", test_timeline_large_text);
  g_test_add_func ("/atlas/accessibility/briefing-focus", test_briefing_focus);
  g_test_add_func ("/atlas/accessibility/briefing-large-text", test_briefing_large_text);
  g_test_add_func ("/atlas/accessibility/sidebar-toggle-state", test_sidebar_toggle_state);
  g_test_add_func ("/atlas/accessibility/contrast", test_contrast);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
