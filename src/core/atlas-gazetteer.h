/* atlas-gazetteer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_GAZETTEER (atlas_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasGazetteer, atlas_gazetteer, ATLAS, GAZETTEER, GObject)

/* One named place, as the gazetteer holds it. */
typedef struct {
  const char *name;        /* as the source spells it, diacritics and all */
  double      latitude;
  double      longitude;
  guint8      rank;        /* 0 for the largest places … 9 */
  const char *province;    /* nullable: the first-level division (province, state…) */
  const char *country;     /* nullable */
} AtlasPlace;

/* Adds the places to @gazetteer, the first time it is searched. */
typedef void (*AtlasGazetteerFillFunc) (AtlasGazetteer *gazetteer,
                                        gpointer        user_data);

AtlasGazetteer *atlas_gazetteer_new         (void);
AtlasGazetteer *atlas_gazetteer_new_lazy    (AtlasGazetteerFillFunc fill,
                                             gpointer        user_data,
                                             GDestroyNotify  destroy);
void            atlas_gazetteer_add         (AtlasGazetteer *self,
                                             const char     *name,
                                             double          latitude,
                                             double          longitude,
                                             guint8          rank,
                                             const char     *province,
                                             const char     *country);
guint           atlas_gazetteer_get_n_places (AtlasGazetteer *self);
GArray         *atlas_gazetteer_search      (AtlasGazetteer *self,
                                             const char     *text,
                                             guint           limit);

char           *atlas_place_dup_area        (const AtlasPlace *place);

G_END_DECLS
