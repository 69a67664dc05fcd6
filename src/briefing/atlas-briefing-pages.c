/* atlas-briefing-pages.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes on an exported page, read from the case: for a briefing step, its subject, its
 * caption and the claims behind it with their sources; for a view, the sources of what the
 * map shows. Everything from the case is plain text, never markup.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-briefing-pages.h"
#include "atlas-briefing-words.h"
#include "atlas-footnote-list.h"
#include "atlas-slide-layout.h"

#define SEPARATOR " · "
/* A view of more incidents than this cites the sources of the first ones only. */
#define MAX_VIEW_INCIDENTS 2000
#define MAX_OUTLINE_CHARS 72

/**
 * atlas_page_context_init:
 * @exported: when the export is made, for the footer
 */
void
atlas_page_context_init (AtlasPageContext *context,
                         AtlasCase        *atlas_case,
                         AtlasMapPrinter  *printer,
                         GDateTime        *exported)
{
  /* Translators: the date of an export, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (exported, C_("date format", "%-d %B %Y"));
  GFile *file = atlas_case_get_file (atlas_case);

  context->atlas_case = g_object_ref (atlas_case);
  context->printer = g_object_ref (printer);
  /* Translators: the footer of an exported page; %s is a date */
  context->footer_start = g_strdup_printf (_("Exported %s with Incident Atlas"), date);
  context->footer_end = file ? g_file_get_basename (file) : NULL;
}

void
atlas_page_context_clear (AtlasPageContext *context)
{
  g_clear_object (&context->atlas_case);
  g_clear_object (&context->printer);
  g_clear_pointer (&context->footer_start, g_free);
  g_clear_pointer (&context->footer_end, g_free);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_part (GString    *text,
             const char *part)
{
  if (!has_text (part))
    return;
  if (text->len > 0)
    g_string_append (text, SEPARATOR);
  g_string_append (text, part);
}

/* Each claim of the step with its source, as numbered notes. */
static AtlasFootnoteList *
create_step_notes (AtlasPageContext *context,
                   AtlasRecord      *step)
{
  AtlasFootnoteList *notes = atlas_footnote_list_new ();
  g_autoptr(GPtrArray) sources = atlas_briefing_words_sources (context->atlas_case, step);

  for (guint i = 0; i < sources->len; i++)
    {
      AtlasStepSource *source = g_ptr_array_index (sources, i);

      atlas_footnote_list_add (notes, source->claim, source->source);
    }
  return notes;
}

/* Framed as the briefing on screen frames it: the step's subject fills the map. */
static gboolean
frame_step (AtlasPageContext         *context,
            AtlasRecord              *step,
            const cairo_rectangle_t  *area,
            AtlasMapFrame            *frame,
            GError                  **error)
{
  cairo_rectangle_t whole = { 0, 0, area->width, area->height };
  AtlasBounds bounds;

  if (!atlas_map_framing_step_bounds (context->atlas_case, step, &bounds, error))
    return FALSE;
  atlas_map_framing_fit (&bounds, area->width, area->height, &whole, frame);
  return TRUE;
}

static gboolean
draw_map (AtlasPageContext         *context,
          cairo_t                  *cr,
          double                    unit,
          const cairo_rectangle_t  *area,
          const AtlasMapFrame      *frame,
          GCancellable             *cancellable,
          GError                  **error)
{
  gboolean ok;

  atlas_map_printer_set_magnification (context->printer, CLAMP (unit, 0.5, 3));
  cairo_save (cr);
  cairo_translate (cr, area->x, area->y);
  ok = atlas_map_printer_draw (context->printer, cr, area->width, area->height, frame,
                               cancellable, error);
  cairo_restore (cr);
  return ok;
}

static void
fill_step_slide (AtlasPageContext *context,
                 AtlasRecord      *step,
                 AtlasRecord      *subject,
                 AtlasSlide       *slide)
{
  slide->kind = ATLAS_SLIDE_PANEL;
  slide->title = atlas_case_get_title (context->atlas_case);
  slide->caption = atlas_record_get_text (step, "caption");
  slide->notes_title = _("Sources");
  slide->no_notes = _("No claims are cited for this step.");
  slide->footer_start = context->footer_start;
  slide->footer_end = context->footer_end;
  if (subject != NULL)
    slide->heading = atlas_briefing_words_heading (subject);
}

/**
 * atlas_briefing_draw_step:
 * @step: a briefing step of the context's case
 * @index: the step's place in the briefing, from 0
 *
 * Draws the page of one briefing step: header, map framed on the step's subject, caption,
 * and the claims of the step with their sources as numbered footnotes.
 */
gboolean
atlas_briefing_draw_step (AtlasPageContext  *context,
                          AtlasRecord       *step,
                          guint              index,
                          guint              n_steps,
                          cairo_t           *cr,
                          double             width,
                          double             height,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(AtlasRecord) subject = atlas_briefing_words_subject (context->atlas_case, step);
  g_autoptr(AtlasFootnoteList) notes = create_step_notes (context, step);
  g_autofree char *counter = g_strdup_printf (_("Step %u of %u"), index + 1, n_steps);
  g_autofree char *kicker = atlas_briefing_words_kicker (context->atlas_case, step, subject);
  AtlasSlide slide = { 0, };
  cairo_rectangle_t area;
  AtlasMapFrame frame;
  gboolean ok;

  fill_step_slide (context, step, subject, &slide);
  slide.kicker = kicker;
  slide.counter = counter;
  slide.step = index + 1;
  slide.n_steps = n_steps;
  slide.notes = notes;

  atlas_slide_get_map_area (&slide, cr, width, height, &area);
  atlas_map_printer_set_highlight (context->printer, atlas_record_get_text (step, "subject_kind"),
                                   atlas_record_get_text (step, "subject_key"));
  ok = frame_step (context, step, &area, &frame, error)
       && draw_map (context, cr, atlas_slide_get_unit (width, height), &area, &frame,
                    cancellable, error);
  if (ok)
    atlas_slide_draw (&slide, cr, width, height);
  else
    g_prefix_error (error, _("Briefing step %u: "), index + 1);
  return ok;
}

/**
 * atlas_briefing_step_outline:
 *
 * Returns: (transfer full): the step's entry in the PDF's outline: its number and the start
 *   of its heading or caption
 */
char *
atlas_briefing_step_outline (AtlasPageContext *context,
                             AtlasRecord      *step,
                             guint             index)
{
  g_autoptr(AtlasRecord) subject = atlas_briefing_words_subject (context->atlas_case, step);
  const char *text = subject ? atlas_briefing_words_heading (subject) : NULL;
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;

  if (!has_text (text))
    text = atlas_record_get_text (step, "caption");
  valid = g_utf8_make_valid (text ? text : "", -1);
  if (g_utf8_strlen (valid, -1) > MAX_OUTLINE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (valid, 0, MAX_OUTLINE_CHARS - 1);

      cut = g_strconcat (start, "…", NULL);
    }
  return g_strdup_printf ("%u. %s", index + 1, cut ? cut : valid);
}

/* One cited document of a view: what it is cited for. */
typedef struct {
  AtlasRecord *document;
  GPtrArray   *subjects;   /* char *, the titles of what it is cited for */
  guint        n_claims;
} CitedDocument;

static void
cited_document_free (CitedDocument *cited)
{
  g_clear_object (&cited->document);
  g_clear_pointer (&cited->subjects, g_ptr_array_unref);
  g_free (cited);
}

static char *
record_title (AtlasRecord *record)
{
  const char *title = atlas_briefing_words_heading (record);

  return g_strdup (has_text (title) ? title : atlas_record_get_key (record));
}

static CitedDocument *
find_cited (AtlasPageContext *context,
            GPtrArray        *cited,
            GHashTable       *by_key,
            const char       *document_key)
{
  CitedDocument *found = g_hash_table_lookup (by_key, document_key);

  if (found != NULL)
    return found;
  found = g_new0 (CitedDocument, 1);
  found->document = atlas_case_lookup (context->atlas_case, "document", document_key, NULL);
  found->subjects = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (cited, found);
  g_hash_table_insert (by_key, g_strdup (document_key), found);
  return found;
}

static void
cite_record (AtlasPageContext *context,
             AtlasRecord      *record,
             GPtrArray        *cited,
             GHashTable       *by_key)
{
  g_autoptr(GListModel) claims = atlas_case_list_claims (context->atlas_case,
                                                         atlas_record_get_kind (record),
                                                         atlas_record_get_key (record), NULL,
                                                         NULL);
  g_autofree char *title = record_title (record);

  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AtlasRecord) claim = g_list_model_get_item (claims, i);
      const char *document_key = atlas_record_get_text (claim, "document_key");
      CitedDocument *document;

      if (!has_text (document_key))
        continue;
      document = find_cited (context, cited, by_key, document_key);
      document->n_claims++;
      if (!g_ptr_array_find_with_equal_func (document->subjects, title, g_str_equal, NULL))
        g_ptr_array_add (document->subjects, g_strdup (title));
    }
}

/* "“Title” · reliability C · 12 claims on: Kerman bombing; Reported route …" */
static char *
format_citation (CitedDocument *cited)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title = cited->document ? atlas_record_get_text (cited->document, "title") : NULL;
  g_autofree char *reliability = atlas_briefing_words_reliability (cited->document);
  g_autofree char *quoted = has_text (title) ? g_strdup_printf (_("“%s”"), title) : NULL;
  g_autofree char *subjects = NULL;
  g_autofree char *on = NULL;

  g_ptr_array_add (cited->subjects, NULL);
  subjects = g_strjoinv ("; ", (char **) cited->subjects->pdata);
  g_ptr_array_remove_index (cited->subjects, cited->subjects->len - 1);
  on = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim on: %s", "%u claims on: %s",
                                     cited->n_claims), cited->n_claims, subjects);
  append_part (text, quoted);
  append_part (text, reliability);
  append_part (text, on);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The sources of what is inside @bounds, the area the analyst was looking at. */
static AtlasFootnoteList *
create_view_notes (AtlasPageContext  *context,
                   const AtlasBounds *bounds)
{
  AtlasFootnoteList *notes = atlas_footnote_list_new ();
  g_autoptr(GPtrArray) cited = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) visible = NULL;
  guint n_incidents;

  cited = g_ptr_array_new_with_free_func ((GDestroyNotify) cited_document_free);
  visible = atlas_map_printer_list_visible (context->printer, bounds, MAX_VIEW_INCIDENTS,
                                            &n_incidents);
  for (guint i = 0; i < visible->len; i++)
    cite_record (context, g_ptr_array_index (visible, i), cited, by_key);

  for (guint i = 0; i < cited->len; i++)
    {
      CitedDocument *document = g_ptr_array_index (cited, i);
      g_autofree char *name = atlas_briefing_words_document (document->document);
      g_autofree char *citation = format_citation (document);

      atlas_footnote_list_add (notes, name, citation);
    }
  if (n_incidents > MAX_VIEW_INCIDENTS)
    {
      g_autofree char *more = g_strdup_printf (_("Sources are cited for the first %u of the "
                                                 "%u incidents shown"),
                                               MAX_VIEW_INCIDENTS, n_incidents);

      atlas_footnote_list_add (notes, more, _("Export a smaller area to cite every source."));
    }
  return notes;
}

static char *
format_degrees (double      low,
                double      high,
                const char *positive,
                const char *negative)
{
  /* Translators: a range of latitudes or longitudes, e.g. "24.0° N – 40.0° N" */
  return g_strdup_printf (C_("degrees", "%.1f° %s – %.1f° %s"), fabs (low),
                          low >= 0 ? positive : negative, fabs (high),
                          high >= 0 ? positive : negative);
}

/* "24.0° N – 40.0° N · 50.0° E – 72.0° E" */
static char *
format_bounds (const AtlasBounds *bounds)
{
  g_autofree char *latitudes = format_degrees (bounds->min_lat, bounds->max_lat,
                                               C_("compass", "N"), C_("compass", "S"));
  g_autofree char *longitudes = format_degrees (bounds->min_lon, bounds->max_lon,
                                                C_("compass", "E"), C_("compass", "W"));

  return g_strconcat (latitudes, SEPARATOR, longitudes, NULL);
}

/**
 * atlas_briefing_draw_view:
 * @bounds: the area to show; the map shows at least all of it
 * @title: the page's title
 *
 * Draws a page with @title, the map of @bounds with its legend and scale, and the sources
 * of every incident, route and waypoint the map shows as footnotes.
 */
gboolean
atlas_briefing_draw_view (AtlasPageContext  *context,
                          const AtlasBounds *bounds,
                          const char        *title,
                          cairo_t           *cr,
                          double             width,
                          double             height,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(AtlasFootnoteList) notes = create_view_notes (context, bounds);
  g_autofree char *area_text = format_bounds (bounds);
  AtlasSlide slide = { 0, };
  cairo_rectangle_t area;
  AtlasMapFrame frame;

  slide.kind = ATLAS_SLIDE_STRIP;
  slide.title = title;
  slide.counter = area_text;
  slide.notes_title = _("Sources of what the map shows");
  slide.no_notes = _("Nothing on this map has a cited source.");
  slide.notes = notes;
  slide.footer_start = context->footer_start;
  slide.footer_end = context->footer_end;

  atlas_slide_get_map_area (&slide, cr, width, height, &area);
  atlas_map_printer_frame_bounds (bounds, area.width, area.height, &frame);
  atlas_map_printer_set_highlight (context->printer, NULL, NULL);
  if (!draw_map (context, cr, atlas_slide_get_unit (width, height), &area, &frame, cancellable,
                 error))
    return FALSE;
  atlas_slide_draw (&slide, cr, width, height);
  return TRUE;
}
