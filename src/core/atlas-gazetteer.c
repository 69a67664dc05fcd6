/* atlas-gazetteer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Places found by name with no network: the names the offline basemap carries, searched by
 * their native spelling or its plain-ASCII form ("Jiroft" finds "Jīroft"), at the start of
 * the name or of any word in it, the largest places first.  Each place carries the names of
 * its country and first-level division (province, state…) where they are known.
 */

#include "config.h"

#include <string.h>

#include "atlas-gazetteer.h"

#include <glib/gi18n.h>

typedef struct {
  char   *name;
  char   *folded;        /* lower-case ASCII, for matching */
  double  latitude;
  double  longitude;
  guint8  rank;
  const char *province;  /* interned: a few thousand names shared by 74,000 places */
  const char *country;
} Entry;

struct _AtlasGazetteer
{
  GObject  parent_instance;

  GArray  *entries;      /* Entry */

  /* until the first search: what fills the entries (folding 74,000 names takes a while,
   * which a window's start need not wait for) */
  AtlasGazetteerFillFunc fill;
  gpointer               fill_data;
  GDestroyNotify         fill_destroy;
};

G_DEFINE_FINAL_TYPE (AtlasGazetteer, atlas_gazetteer, G_TYPE_OBJECT)

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry->folded);
}

/* "Jīroft" → "jiroft"; letters with no ASCII form stay as they are, lower-cased. */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autofree char *lower = g_utf8_strdown (text, -1);

  /* g_str_to_ascii() writes '?' for what it cannot translate (Arabic, Cyrillic…) */
  if (strchr (ascii, '?') != NULL && strchr (text, '?') == NULL)
    return g_steal_pointer (&lower);
  return g_ascii_strdown (ascii, -1);
}

static void
atlas_gazetteer_finalize (GObject *object)
{
  AtlasGazetteer *self = ATLAS_GAZETTEER (object);

  if (self->fill_destroy != NULL)
    self->fill_destroy (self->fill_data);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (atlas_gazetteer_parent_class)->finalize (object);
}

static void
atlas_gazetteer_class_init (AtlasGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_gazetteer_finalize;
}

static void
atlas_gazetteer_init (AtlasGazetteer *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
}

AtlasGazetteer *
atlas_gazetteer_new (void)
{
  return g_object_new (ATLAS_TYPE_GAZETTEER, NULL);
}

/**
 * atlas_gazetteer_new_lazy:
 * @fill: called once, before the first search or count, to add the places
 */
AtlasGazetteer *
atlas_gazetteer_new_lazy (AtlasGazetteerFillFunc  fill,
                          gpointer                user_data,
                          GDestroyNotify          destroy)
{
  AtlasGazetteer *self = atlas_gazetteer_new ();

  self->fill = fill;
  self->fill_data = user_data;
  self->fill_destroy = destroy;
  return self;
}

static void
ensure_filled (AtlasGazetteer *self)
{
  AtlasGazetteerFillFunc fill = self->fill;

  if (fill == NULL)
    return;
  self->fill = NULL;
  fill (self, self->fill_data);
  if (self->fill_destroy != NULL)
    self->fill_destroy (self->fill_data);
  self->fill_destroy = NULL;
  self->fill_data = NULL;
}


/**
 * atlas_gazetteer_add:
 * @province: (nullable): the first-level division the place lies in
 * @country: (nullable): the country it lies in
 */
void
atlas_gazetteer_add (AtlasGazetteer *self,
                     const char     *name,
                     double          latitude,
                     double          longitude,
                     guint8          rank,
                     const char     *province,
                     const char     *country)
{
  Entry entry = { g_strdup (name), fold (name), latitude, longitude, rank,
                  g_intern_string (province), g_intern_string (country) };

  g_return_if_fail (ATLAS_IS_GAZETTEER (self));
  g_array_append_val (self->entries, entry);
}

guint
atlas_gazetteer_get_n_places (AtlasGazetteer *self)
{
  g_return_val_if_fail (ATLAS_IS_GAZETTEER (self), 0);
  ensure_filled (self);
  return self->entries->len;
}

/* 0: the name starts with the text; 1: a later word does; -1: no match. */
static int
match (const char *folded,
       const char *query)
{
  const char *found;

  if (g_str_has_prefix (folded, query))
    return 0;
  for (found = strstr (folded, query); found != NULL; found = strstr (found + 1, query))
    if (!g_ascii_isalnum (found[-1]))
      return 1;
  return -1;
}

typedef struct {
  const Entry *entry;
  int          quality;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->quality != y->quality)
    return x->quality - y->quality;
  if (x->entry->rank != y->entry->rank)
    return x->entry->rank - y->entry->rank;
  return g_utf8_collate (x->entry->name, y->entry->name);
}

/**
 * atlas_gazetteer_search:
 * @limit: the most places to return
 *
 * Returns: (transfer full) (element-type AtlasPlace): the places whose name, or a word of
 *   it, starts with @text, ignoring case and diacritics: whole-name matches first, then by
 *   size; the names stay owned by the gazetteer
 */
GArray *
atlas_gazetteer_search (AtlasGazetteer *self,
                        const char     *text,
                        guint           limit)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *query = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray *places = g_array_new (FALSE, FALSE, sizeof (AtlasPlace));

  g_return_val_if_fail (ATLAS_IS_GAZETTEER (self), places);

  if (*stripped == '\0')
    return places;
  ensure_filled (self);
  query = fold (stripped);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      Hit hit = { entry, match (entry->folded, query) };

      if (hit.quality >= 0)
        g_array_append_val (hits, hit);
    }
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < MIN (hits->len, limit); i++)
    {
      const Entry *entry = g_array_index (hits, Hit, i).entry;
      AtlasPlace place = { entry->name, entry->latitude, entry->longitude, entry->rank,
                           entry->province, entry->country };

      g_array_append_val (places, place);
    }
  return places;
}

/**
 * atlas_place_dup_area:
 *
 * Returns: (transfer full) (nullable): where @place lies, as "Kerman, Iran", "Iran" or
 *   "Kerman"; %NULL when neither its province nor its country is known
 */
char *
atlas_place_dup_area (const AtlasPlace *place)
{
  g_return_val_if_fail (place != NULL, NULL);

  if (place->province != NULL && place->country != NULL)
    /* Translators: a place's province (or state, region) and country, as "Kerman, Iran" */
    return g_strdup_printf (_("%s, %s"), place->province, place->country);
  return g_strdup (place->province != NULL ? place->province : place->country);
}
