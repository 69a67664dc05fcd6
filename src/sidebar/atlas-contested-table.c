/* atlas-contested-table.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contested attribute's values as a compact table, the best graded first: the value,
 * the sources that give it, their best grade and the party they attribute it to. Claims
 * that agree share one row with all their sources. A row opens (click, Enter) to the full
 * claims behind it, made only then: a record may carry thousands.
 */

#define G_LOG_DOMAIN "atlas-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-contested-table.h"
#include "atlas-format.h"
#include "atlas-number-format.h"

/* A row names this many sources, then "and N more". */
#define MAX_SOURCES_NAMED 3

/* A row opens to this many of its claims; the fact's "Show All" lists every one. */
#define MAX_CLAIMS_OPENED 8

typedef struct {
  GPtrArray *claims;     /* the claims that give this value */
  char      *value;      /* as shown */
  int        best;       /* the best grade, as a rank: lower is better */
  char      *grade;      /* the best grade in words, "B2" */
  char      *sources;    /* "Reuters, NewsNation and 2 more" */
  char      *parties;    /* nullable: "Iranian officials" */
  char      *note;       /* nullable: "2 independent sources, 1 relaying another" */
  const char *reliability;   /* nullable: of the best graded claim's source */
  gint64     credibility;    /* of the best graded claim */
  GtkWidget *claims_row; /* the list row under it: the claims, once made */
} ValueRow;

struct _AtlasContestedTable
{
  GtkWidget          parent_instance;

  GtkListBox        *list;
  GtkSizeGroup      *grade_column;
  GPtrArray         *rows;        /* ValueRow, best first: the ones shown */
  GHashTable        *documents;   /* document key → AtlasDocument */
  AtlasClaimRowFunc  new_claim_row;
  AtlasValueNoteFunc dup_note;
  gpointer           user_data;
};

G_DEFINE_FINAL_TYPE (AtlasContestedTable, atlas_contested_table, GTK_TYPE_WIDGET)

static void
value_row_free (gpointer data)
{
  ValueRow *row = data;

  g_ptr_array_unref (row->claims);
  g_free (row->value);
  g_free (row->grade);
  g_free (row->sources);
  g_free (row->parties);
  g_free (row->note);
  g_free (row);
}

/* ---- what a row says --------------------------------------------------------------- */

static AtlasRecord *
document_of (AtlasContestedTable *self,
             AtlasRecord         *claim)
{
  const char *key = atlas_record_get_text (claim, "document_key");

  return key ? g_hash_table_lookup (self->documents, key) : NULL;
}

/* A: completely reliable … F: cannot be judged, then credibility 1 … 6; lower is better. */
static int
grade_rank (AtlasRecord *document,
            AtlasRecord *claim)
{
  const char *reliability = document ? atlas_record_get_text (document, "reliability") : NULL;
  int letter = reliability && reliability[0] >= 'A' && reliability[0] <= 'F'
               ? reliability[0] - 'A' : 6;
  gint64 credibility = atlas_record_get_int (claim, "credibility");

  return letter * 10 + (int) CLAMP (credibility, 1, 9);
}

/* Joins distinct texts with commas, naming at most MAX_SOURCES_NAMED. */
static char *
join_distinct (GPtrArray *texts)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint named = 0, more = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text == NULL || *text == '\0' || !g_hash_table_add (seen, (gpointer) text))
        continue;
      if (named == MAX_SOURCES_NAMED)
        {
          more++;
          continue;
        }
      if (named++ > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, text);
    }
  if (more > 0)
    /* Translators: after the first sources of a value, "Reuters, AP and 3 more" */
    g_string_append_printf (joined, g_dngettext (GETTEXT_PACKAGE, " and %u more",
                                                 " and %u more", more), more);
  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

static ValueRow *
value_row_new (AtlasContestedTable *self,
               GPtrArray           *claims)
{
  ValueRow *row = g_new0 (ValueRow, 1);
  g_autoptr(GPtrArray) publishers = g_ptr_array_new ();
  g_autoptr(GPtrArray) parties = g_ptr_array_new ();
  AtlasRecord *best_claim = NULL;
  AtlasRecord *best_document = NULL;

  row->claims = g_ptr_array_ref (claims);
  row->value = atlas_format_claim_value (g_ptr_array_index (claims, 0));
  row->best = G_MAXINT;
  for (guint i = 0; i < claims->len; i++)
    {
      AtlasRecord *claim = g_ptr_array_index (claims, i);
      AtlasRecord *document = document_of (self, claim);
      int rank = grade_rank (document, claim);

      if (rank < row->best)
        {
          row->best = rank;
          best_claim = claim;
          best_document = document;
        }
      g_ptr_array_add (publishers, document ? (gpointer) atlas_record_get_text (document,
                                                                                 "publisher")
                                            : NULL);
      g_ptr_array_add (parties, (gpointer) atlas_record_get_text (claim, "attributed_to"));
    }
  /* the documents outlive the table: they are the case's, held by the page */
  row->reliability = best_document ? atlas_record_get_text (best_document, "reliability")
                                   : NULL;
  row->credibility = atlas_record_get_int (best_claim, "credibility");
  row->grade = g_strdup_printf ("%s%" G_GINT64_FORMAT, row->reliability ? row->reliability : "–",
                                row->credibility);
  row->sources = join_distinct (publishers);
  row->parties = join_distinct (parties);
  row->note = self->dup_note (claims, self->user_data);
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ValueRow *row_a = *(ValueRow **) a;
  const ValueRow *row_b = *(ValueRow **) b;

  if (row_a->best != row_b->best)
    return row_a->best - row_b->best;
  /* then the value more sources give */
  return (int) row_b->claims->len - (int) row_a->claims->len;
}

/* ---- the widgets ------------------------------------------------------------------- */

static GtkWidget *
new_text (const char *text,
          const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, style_class);
  /* text from the case, never markup */
  atlas_format_set_label (GTK_LABEL (label), text);
  return label;
}

/* The grades are the first column, so the order of the rows shows at a glance. */
static GtkWidget *
new_grade_cell (AtlasContestedTable *self,
                const char          *text,
                const char          *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, style_class);
  gtk_size_group_add_widget (self->grade_column, label);
  return label;
}

static GtkWidget *
new_grade_badge (AtlasContestedTable *self,
                 const ValueRow      *row)
{
  GtkWidget *badge = new_grade_cell (self, row->grade, "atlas-badge");
  /* both characters of the grade in words: the source's reliability, the claim's
   * credibility */
  g_autofree char *explained = atlas_format_grade_description (row->reliability,
                                                               row->credibility);
  char style_class[] = "grade-x";

  gtk_widget_set_tooltip_text (badge, explained);
  gtk_widget_add_css_class (badge, "atlas-grade");
  gtk_widget_add_css_class (badge, "numeric");
  if (row->reliability != NULL && row->reliability[0] >= 'A' && row->reliability[0] <= 'F')
    {
      style_class[6] = g_ascii_tolower (row->reliability[0]);
      gtk_widget_add_css_class (badge, style_class);
    }
  return badge;
}

/* A sidebar is too narrow for four columns of text: the value, its sources and its party
 * stack beside the grade, each on its own line. */
static GtkWidget *
new_cells (GtkWidget  *grade,
           const char *value,
           const char *sources,
           const char *party,
           const char *note,
           gboolean    heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (texts), new_text (value, heading ? "caption-heading" : "heading"));
  if (sources != NULL)
    gtk_box_append (GTK_BOX (texts), new_text (sources, heading ? "caption-heading"
                                                                : "caption"));
  if (party != NULL)
    gtk_box_append (GTK_BOX (texts), new_text (party, heading ? "caption-heading"
                                                              : "caption"));
  if (note != NULL)
    {
      GtkWidget *label = new_text (note, "caption");

      gtk_widget_add_css_class (label, "atlas-independence");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_box_append (GTK_BOX (box), grade);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "atlas-contested-cells");
  return box;
}

static char *
dup_row_name (const ValueRow *row)
{
  g_autofree char *grade = atlas_format_grade_description (row->reliability, row->credibility);

  /* Translators: a contested value read out: value, sources, best grade, party, then how
   * independent its sources are */
  return g_strdup_printf (_("%s, from %s; best grade %s, %s; attributed to %s%s%s"),
                          row->value, row->sources ? row->sources : _("no named source"),
                          row->grade, grade, row->parties ? row->parties : _("no one named"),
                          row->note ? "; " : "", row->note ? row->note : "");
}

static GtkWidget *
new_value_row (AtlasContestedTable *self,
               ValueRow            *row)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = dup_row_name (row);
  /* Translators: in a contested value's row, the sources that give it */
  g_autofree char *sources = g_strdup_printf (_("From %s"), row->sources ? row->sources
                                                                         : _("no named source"));
  /* Translators: in a contested value's row, the party it is attributed to */
  g_autofree char *party = row->parties ? g_strdup_printf (_("Attributed to %s"), row->parties)
                                        : NULL;
  GtkWidget *cells = new_cells (new_grade_badge (self, row), row->value, sources, party,
                                row->note, FALSE);

  gtk_box_append (GTK_BOX (box), cells);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_widget_set_tooltip_text (cells, _("Show the claims behind this value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Enter shows the claims behind this value"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);
  return list_row;
}

/* The claims behind a value, in a row of their own under it (a click among them is not a
 * click on the value), made the first time they are shown. */
static GtkWidget *
new_claims_row (void)
{
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  /* the claims inside are the stops, not the row around them */
  gtk_widget_set_focusable (list_row, FALSE);
  gtk_widget_set_visible (list_row, FALSE);
  gtk_widget_add_css_class (list_row, "atlas-contested-claims");
  return list_row;
}

static void
fill_claims (AtlasContestedTable *self,
             ValueRow            *row)
{
  GtkWidget *box;

  if (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row->claims_row)) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  for (guint i = 0; i < MIN (row->claims->len, MAX_CLAIMS_OPENED); i++)
    {
      if (i > 0)
        gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box),
                      self->new_claim_row (g_ptr_array_index (row->claims, i), self->user_data));
    }
  if (row->claims->len > MAX_CLAIMS_OPENED)
    {
      g_autofree char *shown = atlas_format_count (MAX_CLAIMS_OPENED);
      g_autofree char *total = atlas_format_count (row->claims->len);
      /* Translators: under the first claims of a contested value */
      g_autofree char *text = g_strdup_printf (_("%s of its %s claims; Show All under the table "
                                                 "lists every one"), shown, total);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->claims_row), box);
}

static void
row_activated_cb (AtlasContestedTable *self,
                  GtkListBoxRow       *list_row)
{
  /* each value's row, then the row of its claims */
  int index = gtk_list_box_row_get_index (list_row);
  ValueRow *row;

  if (index < 0 || index % 2 != 0 || (guint) index / 2 >= self->rows->len)
    return;
  row = g_ptr_array_index (self->rows, index / 2);
  atlas_contested_table_set_expanded (self, index / 2,
                                      !gtk_widget_get_visible (row->claims_row));
}

/* Above the list, not a row of it: a list box would make it a stop of its own, or, not
 * focusable, skip the whole table. */
static GtkWidget *
new_heading (AtlasContestedTable *self)
{
  GtkWidget *cells = new_cells (new_grade_cell (self, C_("contested table", "Grade"),
                                               "caption-heading"),
                                C_("contested table", "Value, its sources and party"),
                                NULL, NULL, NULL, TRUE);

  gtk_widget_add_css_class (cells, "dim-label");
  gtk_widget_add_css_class (cells, "atlas-contested-heading");
  return cells;
}

static void
atlas_contested_table_dispose (GObject *object)
{
  AtlasContestedTable *self = ATLAS_CONTESTED_TABLE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->grade_column);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_contested_table_parent_class)->dispose (object);
}

static void
atlas_contested_table_class_init (AtlasContestedTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_contested_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_contested_table_init (AtlasContestedTable *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "atlas-contested-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The values the sources give, the best graded first"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  self->grade_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->rows = g_ptr_array_new_with_free_func (value_row_free);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * atlas_contested_table_new:
 * @values: (element-type GPtrArray): the claims of each value, one array per value
 * @max_rows: how many values to list, the best graded
 * @documents: (element-type utf8 AtlasDocument): the case's documents by key
 * @new_claim_row: makes a claim's full row when a value's claims are first shown
 * @dup_note: says how independent a value's claims are
 *
 * Returns: (transfer floating): a table of the values, the best graded first
 */
GtkWidget *
atlas_contested_table_new (GPtrArray         *values,
                           guint              max_rows,
                           GHashTable        *documents,
                           AtlasClaimRowFunc  new_claim_row,
                           AtlasValueNoteFunc dup_note,
                           gpointer           user_data)
{
  AtlasContestedTable *self;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (new_claim_row != NULL, NULL);
  g_return_val_if_fail (dup_note != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_CONTESTED_TABLE, NULL);
  self->documents = g_hash_table_ref (documents);
  self->new_claim_row = new_claim_row;
  self->dup_note = dup_note;
  self->user_data = user_data;
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (self->rows, value_row_new (self, g_ptr_array_index (values, i)));
  g_ptr_array_sort (self->rows, compare_rows);
  if (self->rows->len > max_rows)
    g_ptr_array_set_size (self->rows, max_rows);

  gtk_box_prepend (GTK_BOX (gtk_widget_get_first_child (GTK_WIDGET (self))), new_heading (self));
  for (guint i = 0; i < self->rows->len; i++)
    {
      ValueRow *row = g_ptr_array_index (self->rows, i);

      gtk_list_box_append (self->list, new_value_row (self, row));
      row->claims_row = new_claims_row ();
      gtk_list_box_append (self->list, row->claims_row);
    }
  return GTK_WIDGET (self);
}

/**
 * atlas_contested_table_get_max_claims_opened:
 *
 * Returns: how many of a value's claims its row opens to at most
 */
guint
atlas_contested_table_get_max_claims_opened (void)
{
  return MAX_CLAIMS_OPENED;
}

/**
 * atlas_contested_table_get_n_rows:
 *
 * Returns: how many values the table lists
 */
guint
atlas_contested_table_get_n_rows (AtlasContestedTable *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTESTED_TABLE (self), 0);
  return self->rows->len;
}

/**
 * atlas_contested_table_get_row:
 * @position: a value's place, 0 for the best graded
 *
 * Returns: (transfer none): the list row that shows it
 */
GtkWidget *
atlas_contested_table_get_row (AtlasContestedTable *self,
                               guint                position)
{
  g_return_val_if_fail (ATLAS_IS_CONTESTED_TABLE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 2 * (int) position));
}

/**
 * atlas_contested_table_get_value:
 *
 * Returns: (transfer none): the value at @position, as shown
 */
const char *
atlas_contested_table_get_value (AtlasContestedTable *self,
                                 guint                position)
{
  g_return_val_if_fail (ATLAS_IS_CONTESTED_TABLE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return ((ValueRow *) g_ptr_array_index (self->rows, position))->value;
}

/**
 * atlas_contested_table_set_expanded:
 *
 * Shows or hides the claims behind the value at @position, as activating its row does.
 */
void
atlas_contested_table_set_expanded (AtlasContestedTable *self,
                                    guint                position,
                                    gboolean             expanded)
{
  ValueRow *row;

  g_return_if_fail (ATLAS_IS_CONTESTED_TABLE (self));
  g_return_if_fail (position < self->rows->len);

  row = g_ptr_array_index (self->rows, position);
  if (expanded)
    fill_claims (self, row);
  gtk_widget_set_visible (row->claims_row, expanded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (atlas_contested_table_get_row (self, position)),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}
