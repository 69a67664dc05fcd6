/* atlas-record-form.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One form for every kind of record an analyst adds or corrects: its fields are declared
 * by the caller (text, long text, a link, a choice, a number in a range, a date at its
 * precision), each checked as it is typed, with what is wrong said in the field's own title;
 * Save stays off until nothing is. Save hands the record before and after to the caller,
 * who makes an edit of them; the form never writes to a case itself. Everything typed is
 * plain text.
 */

#define G_LOG_DOMAIN "atlas-forms"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-format.h"
#include "atlas-geo.h"
#include "atlas-record-form.h"

typedef enum {
  FIELD_TEXT,
  FIELD_LONG_TEXT,
  FIELD_URL,
  FIELD_CHOICE,
  FIELD_NUMBER,
  FIELD_DATE,
} FieldKind;

typedef struct {
  FieldKind  kind;
  char      *name;
  char      *label;
  char      *precision_field;   /* FIELD_DATE */
  GStrv      values;            /* FIELD_CHOICE: what is stored for each item */
  double     min, max;          /* FIELD_NUMBER */
  gboolean   required;
  GtkWidget *row;               /* AdwEntryRow, AdwComboRow, or a box for long text */
  GtkWidget *text_view;         /* FIELD_LONG_TEXT */
  GtkWidget *title_label;       /* FIELD_LONG_TEXT */
  gboolean   touched;           /* changed since the form opened: say what is wrong */
  AtlasRecordForm *form;        /* borrowed */
} Field;

struct _AtlasRecordForm
{
  AdwWindow                 parent_instance;

  /* template widgets */
  GtkWidget                *save_button;
  GtkLabel                 *problem_label;
  AdwPreferencesPage       *page;

  /* owned */
  AtlasRecord              *before;       /* nullable: a new record */
  AtlasRecord              *blank;        /* what a new record starts as */
  GPtrArray                *fields;       /* Field */
  char                     *problem;
  AtlasRecordFormCheckFunc  check_func;
  AtlasRecordFormSaveFunc   save_func;
  gpointer                  save_data;
  GDestroyNotify            save_destroy;

  /* borrowed */
  AdwPreferencesGroup      *group;        /* the group fields are added to */
};

G_DEFINE_FINAL_TYPE (AtlasRecordForm, atlas_record_form, ADW_TYPE_WINDOW)

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_free (field->label);
  g_free (field->precision_field);
  g_strfreev (field->values);
  g_free (field);
}

static Field *
find_field (AtlasRecordForm *self,
            const char      *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->name, name))
        return field;
    }
  return NULL;
}

static AtlasRecord *
start_record (AtlasRecordForm *self)
{
  return self->before ? self->before : self->blank;
}

/* ---- reading what was typed --------------------------------------------------------- */

static char *
dup_field_text (Field *field)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (field->kind == FIELD_LONG_TEXT)
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->text_view));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else if (field->kind == FIELD_CHOICE)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      return selected < g_strv_length (field->values) ? g_strdup (field->values[selected]) : NULL;
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Accepts a decimal point or a comma, nothing else after the number. */
static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *dotted = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;

  *number = g_ascii_strtod (dotted, &end);
  return end != dotted && *end == '\0' && isfinite (*number);
}

/* "2024", "2024-01", "2024-01-03", "2024-01-03T10" or "2024-01-03T10:15", and the
 * precision each means; atlas_validate_date() then says whether it is a real one. */
static const char *
date_precision (const char *text)
{
  switch (strlen (text))
    {
    case 4:
      return "year";
    case 7:
      return "month";
    case 13:
      return "hour";
    case 16:
      return "minute";
    default:
      return "day";
    }
}

/* ---- checking ----------------------------------------------------------------------- */

static char *
check_field (Field *field)
{
  g_autofree char *text = dup_field_text (field);
  g_autoptr(GError) error = NULL;
  double number;

  if (text == NULL)
    return field->required ? g_strdup (_("required")) : NULL;

  switch (field->kind)
    {
    case FIELD_URL:
      if (!g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "http://"))
        return g_strdup (_("a link starts with https:// or http://"));
      if (!g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL))
        return g_strdup (_("not a valid link"));
      return NULL;
    case FIELD_NUMBER:
      if (!parse_number (text, &number))
        return g_strdup_printf (_("“%s” is not a number"), text);
      if (number < field->min || number > field->max)
        {
          char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

          /* Translators: the range a number must lie in, such as "−90…90" */
          return g_strdup_printf (_("must be between %s and %s"),
                                  g_ascii_formatd (low, sizeof low, "%g", field->min),
                                  g_ascii_formatd (high, sizeof high, "%g", field->max));
        }
      return NULL;
    case FIELD_DATE:
      if (!atlas_validate_date (text, date_precision (text), &error))
        return g_strdup (_("a real date, as 2024, 2024-01 or 2024-01-03"));
      return NULL;
    case FIELD_TEXT:
    case FIELD_LONG_TEXT:
    case FIELD_CHOICE:
    default:
      return NULL;
    }
}

static void
show_field_problem (Field      *field,
                    const char *problem)
{
  g_autofree char *title = problem ? g_strdup_printf (_("%s: %s"), field->label, problem)
                                   : g_strdup (field->label);
  GtkWidget *shown = field->kind == FIELD_LONG_TEXT ? field->title_label : field->row;

  if (field->kind == FIELD_LONG_TEXT)
    gtk_label_set_text (GTK_LABEL (field->title_label), title);
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);

  if (problem != NULL)
    gtk_widget_add_css_class (shown, "error");
  else
    gtk_widget_remove_css_class (shown, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->kind == FIELD_LONG_TEXT
                                                  ? field->text_view : field->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem ? problem : "",
                                  -1);
}

static void
set_record_field (AtlasRecord *record,
                  Field       *field,
                  const char  *text)
{
  const AtlasField *column = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record),
                                                            field->name);
  double number;

  g_assert (column != NULL);
  if (column->type == ATLAS_FIELD_TEXT)
    atlas_record_field_set_text (record, column, text);
  else if (column->type == ATLAS_FIELD_INT)
    atlas_record_field_set_int (record, column, text ? g_ascii_strtoll (text, NULL, 10) : 0);
  else
    atlas_record_field_set_double (record, column,
                                   text && parse_number (text, &number) ? number : NAN);

  if (field->kind == FIELD_DATE && field->precision_field != NULL)
    atlas_record_set_text (record, field->precision_field, text ? date_precision (text) : NULL);
}

/* The record as the form stands, whatever is wrong with it. */
static AtlasRecord *
build_after (AtlasRecordForm *self)
{
  AtlasRecord *after = atlas_record_dup (start_record (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = dup_field_text (field);

      set_record_field (after, field, text);
    }
  return after;
}

static void
check_all (AtlasRecordForm *self)
{
  g_autofree char *first = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *problem = check_field (field);

      /* an empty form is not wrong yet: Save waits, and fields say so once typed in */
      show_field_problem (field, field->touched ? problem : NULL);
      if (problem != NULL && first == NULL)
        first = g_strdup_printf (_("%s: %s"), field->label, problem);
    }

  if (first == NULL && self->check_func != NULL)
    {
      g_autoptr(AtlasRecord) after = build_after (self);
      first = self->check_func (after);
    }

  g_free (self->problem);
  self->problem = g_steal_pointer (&first);
  gtk_widget_set_sensitive (self->save_button, self->problem == NULL);
  /* why Save is off, for whoever wonders */
  gtk_widget_set_tooltip_text (self->save_button, self->problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
}

static void
field_changed_cb (Field *field)
{
  field->touched = TRUE;
  check_all (field->form);
}

/* ---- building fields ---------------------------------------------------------------- */

static AdwPreferencesGroup *
current_group (AtlasRecordForm *self)
{
  if (self->group == NULL)
    atlas_record_form_add_group (self, NULL);
  return self->group;
}

static Field *
add_field (AtlasRecordForm *self,
           FieldKind        kind,
           const char      *name,
           const char      *label,
           gboolean         required)
{
  Field *field = g_new0 (Field, 1);

  g_assert (atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (start_record (self)), name));
  field->kind = kind;
  field->name = g_strdup (name);
  field->label = g_strdup (label);
  field->required = required;
  field->form = self;
  g_ptr_array_add (self->fields, field);
  return field;
}

/* What a field starts with: numbers as people write them (30.3, not 30.300000000000001). */
static char *
dup_record_text (AtlasRecordForm *self,
                 const char      *name)
{
  AtlasRecord *record = start_record (self);
  const AtlasField *column = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record), name);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double number;

  if (column->type != ATLAS_FIELD_DOUBLE)
    return atlas_record_field_to_string (record, column);
  number = atlas_record_field_get_double (record, column);
  return isnan (number) ? NULL : g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g",
                                                             number));
}

static void
add_entry_row (AtlasRecordForm *self,
               Field           *field)
{
  g_autofree char *text = dup_record_text (self, field->name);

  field->row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->label);
  gtk_editable_set_text (GTK_EDITABLE (field->row), text ? text : "");
  /* libadwaita 1.2 leaves the text the focus lands in unnamed: a screen reader would
   * read a field without its title */
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field->row))),
    GTK_ACCESSIBLE_PROPERTY_LABEL, field->label, -1);
  g_signal_connect_swapped (field->row, "changed", G_CALLBACK (field_changed_cb), field);
  adw_preferences_group_add (current_group (self), field->row);
}

/**
 * atlas_record_form_new:
 * @before: (nullable): the record to correct, or %NULL to make a new one
 * @blank: what a new record starts as (its key, and fields the form does not show)
 */
AtlasRecordForm *
atlas_record_form_new (GtkWindow   *parent,
                       const char  *title,
                       AtlasRecord *before,
                       AtlasRecord *blank)
{
  AtlasRecordForm *self;

  g_return_val_if_fail (before != NULL || blank != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_FORM, "transient-for", parent, "title", title, NULL);
  self->before = before ? atlas_record_dup (before) : NULL;
  self->blank = blank ? atlas_record_dup (blank) : NULL;
  return self;
}

/* Starts a group of fields under @title (or none). */
void
atlas_record_form_add_group (AtlasRecordForm *self,
                             const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  self->group = ADW_PREFERENCES_GROUP (group);
}

void
atlas_record_form_add_text (AtlasRecordForm *self,
                            const char      *field,
                            const char      *label,
                            gboolean         required)
{
  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));
  add_entry_row (self, add_field (self, FIELD_TEXT, field, label, required));
}

/* A link, which must be http(s): the only links the app opens. */
void
atlas_record_form_add_url (AtlasRecordForm *self,
                           const char      *field,
                           const char      *label)
{
  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));
  add_entry_row (self, add_field (self, FIELD_URL, field, label, FALSE));
}

void
atlas_record_form_add_number (AtlasRecordForm *self,
                              const char      *field,
                              const char      *label,
                              double           min,
                              double           max,
                              gboolean         required)
{
  Field *number;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  number = add_field (self, FIELD_NUMBER, field, label, required);
  number->min = min;
  number->max = max;
  add_entry_row (self, number);
  gtk_editable_set_alignment (GTK_EDITABLE (number->row), 0);
}

/* A date of year, month or day, which sets @precision_field to match. */
void
atlas_record_form_add_date (AtlasRecordForm *self,
                            const char      *field,
                            const char      *precision_field,
                            const char      *label)
{
  Field *date;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  date = add_field (self, FIELD_DATE, field, label, FALSE);
  date->precision_field = g_strdup (precision_field);
  add_entry_row (self, date);
  gtk_widget_set_tooltip_text (date->row, _("As 2024, 2024-01 or 2024-01-03"));
}

static void
suggestion_clicked_cb (GtkButton *button,
                       Field     *field)
{
  gtk_editable_set_text (GTK_EDITABLE (field->row), gtk_button_get_label (button));
  gtk_widget_grab_focus (field->row);
}

/* Free text, with the values the case already uses a click away. */
void
atlas_record_form_add_suggest (AtlasRecordForm    *self,
                               const char         *field,
                               const char         *label,
                               const char * const *suggestions,
                               gboolean            required)
{
  GtkWidget *menu_button, *popover, *list, *scrolled;
  Field *text;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  text = add_field (self, FIELD_TEXT, field, label, required);
  add_entry_row (self, text);
  if (suggestions == NULL || suggestions[0] == NULL)
    return;

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; suggestions[i] != NULL && i < 200; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (suggestions[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), text);
      gtk_box_append (GTK_BOX (list), button);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-list-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  /* Translators: %s names a field, such as "Attribute" */
  {
    g_autofree char *tip = g_strdup_printf (_("Values of “%s” the case already uses"), label);

    gtk_widget_set_tooltip_text (menu_button, tip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  }
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (text->row), menu_button);
}

/* Several lines of text, such as a summary or a quote. */
void
atlas_record_form_add_long_text (AtlasRecordForm *self,
                                 const char      *field,
                                 const char      *label)
{
  g_autofree char *text = NULL;
  GtkWidget *box, *frame;
  Field *long_text;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  long_text = add_field (self, FIELD_LONG_TEXT, field, label, FALSE);
  text = dup_record_text (self, field);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  long_text->title_label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (long_text->title_label), 0);
  gtk_widget_add_css_class (long_text->title_label, "heading");
  long_text->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (long_text->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (long_text->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (long_text->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (long_text->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (long_text->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (long_text->text_view), 8);
  gtk_widget_set_size_request (long_text->text_view, -1, 72);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (long_text->text_view)),
                            text ? text : "", -1);
  /* named by the field, as the title above it shows; a problem is its description */
  gtk_accessible_update_property (GTK_ACCESSIBLE (long_text->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (long_text->text_view)),
                            "changed", G_CALLBACK (field_changed_cb), long_text);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), long_text->text_view);
  gtk_box_append (GTK_BOX (box), long_text->title_label);
  gtk_box_append (GTK_BOX (box), frame);
  long_text->row = box;
  adw_preferences_group_add (current_group (self), box);
}

static void
fill_choices (Field              *field,
              const char * const *values,
              const char * const *labels,
              const char         *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels ? labels : values);
  guint position = 0;

  g_strfreev (field->values);
  field->values = g_strdupv ((char **) values);
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], selected) == 0)
      position = i;
  adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), position);
}

/* One of @values, shown as @labels (or the values themselves). */
void
atlas_record_form_add_choice (AtlasRecordForm    *self,
                              const char         *field,
                              const char         *label,
                              const char * const *values,
                              const char * const *labels)
{
  g_autofree char *current = NULL;
  Field *choice;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));
  g_return_if_fail (values != NULL && values[0] != NULL);

  choice = add_field (self, FIELD_CHOICE, field, label, FALSE);
  current = dup_record_text (self, field);
  choice->row = adw_combo_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice->row), label);
  fill_choices (choice, values, labels, current);
  g_signal_connect_swapped (choice->row, "notify::selected", G_CALLBACK (field_changed_cb),
                            choice);
  adw_preferences_group_add (current_group (self), choice->row);
}

/* Changes the items of a choice, selecting @selected (a value) if it is one of them. */
void
atlas_record_form_set_choices (AtlasRecordForm    *self,
                               const char         *field,
                               const char * const *values,
                               const char * const *labels,
                               const char         *selected)
{
  Field *choice;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  choice = find_field (self, field);
  g_return_if_fail (choice != NULL && choice->kind == FIELD_CHOICE);
  fill_choices (choice, values, labels, selected);
}

/* Puts @suffix (a button, say) at the end of a field's row. */
void
atlas_record_form_set_suffix (AtlasRecordForm *self,
                              const char      *field,
                              GtkWidget       *suffix)
{
  Field *found;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  found = find_field (self, field);
  g_return_if_fail (found != NULL && found->kind != FIELD_LONG_TEXT);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (found->row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (found->row), suffix);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (found->row), suffix);
}

/* Types @text into a field, as a person would (tests, and values picked elsewhere). */
void
atlas_record_form_set_text (AtlasRecordForm *self,
                            const char      *field,
                            const char      *text)
{
  Field *found;

  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  found = find_field (self, field);
  g_return_if_fail (found != NULL);
  if (found->kind == FIELD_LONG_TEXT)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (found->text_view)),
                              text, -1);
  else if (found->kind == FIELD_CHOICE)
    for (guint i = 0; found->values[i] != NULL; i++)
      {
        if (g_strcmp0 (found->values[i], text) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (found->row), i);
      }
  else
    gtk_editable_set_text (GTK_EDITABLE (found->row), text);
}

void
atlas_record_form_set_check_func (AtlasRecordForm          *self,
                                  AtlasRecordFormCheckFunc  check_func)
{
  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));
  self->check_func = check_func;
  check_all (self);
}

void
atlas_record_form_set_save_func (AtlasRecordForm         *self,
                                 AtlasRecordFormSaveFunc  save_func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (ATLAS_IS_RECORD_FORM (self));

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);
  self->save_func = save_func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

/* Returns: (nullable): what stops the form from being saved, for people */
const char *
atlas_record_form_get_problem (AtlasRecordForm *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_FORM (self), NULL);

  check_all (self);
  return self->problem;
}

/**
 * atlas_record_form_save:
 *
 * Hands the record to the save function when nothing is wrong with it, and closes the form
 * when that wrote it; otherwise says why and stays open.
 *
 * Returns: whether the record was saved
 */
gboolean
atlas_record_form_save (AtlasRecordForm *self)
{
  g_autoptr(AtlasRecord) after = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATLAS_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    ((Field *) g_ptr_array_index (self->fields, i))->touched = TRUE;
  check_all (self);
  if (self->problem != NULL)
    {
      gtk_label_set_text (self->problem_label, self->problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
  if (self->problem != NULL || self->save_func == NULL)
    return FALSE;

  after = build_after (self);
  if (!self->save_func (self, self->before, after, self->save_data, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (AtlasRecordForm *self)
{
  atlas_record_form_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  atlas_record_form_save (ATLAS_RECORD_FORM (widget));
}

static void
cancel_clicked_cb (AtlasRecordForm *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
atlas_record_form_dispose (GObject *object)
{
  AtlasRecordForm *self = ATLAS_RECORD_FORM (object);

  atlas_record_form_set_save_func (self, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_RECORD_FORM);

  G_OBJECT_CLASS (atlas_record_form_parent_class)->dispose (object);
}

static void
atlas_record_form_finalize (GObject *object)
{
  AtlasRecordForm *self = ATLAS_RECORD_FORM (object);

  g_clear_object (&self->before);
  g_clear_object (&self->blank);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (atlas_record_form_parent_class)->finalize (object);
}

static void
atlas_record_form_class_init (AtlasRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_record_form_dispose;
  object_class->finalize = atlas_record_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/incidentatlas/IncidentAtlas/"
                                               "forms/atlas-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasRecordForm, page);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "form.save", NULL);
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action_cb);
}

static void
atlas_record_form_init (AtlasRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_format_name_mnemonic_buttons (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (field_free);
}
