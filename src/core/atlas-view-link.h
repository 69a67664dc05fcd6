/* atlas-view-link.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_VIEW_LINK_SCHEME "incident-atlas"

/* The longest link read, in bytes, and the longest value in it once decoded. */
#define ATLAS_VIEW_LINK_MAX_LENGTH 4096
#define ATLAS_VIEW_LINK_MAX_VALUE  1024
/* The last step a link can name. */
#define ATLAS_VIEW_LINK_MAX_STEP   10000

#define ATLAS_VIEW_LINK_ERROR (atlas_view_link_error_quark ())

typedef enum {
  ATLAS_VIEW_LINK_ERROR_INVALID,     /* not a link this app writes */
  ATLAS_VIEW_LINK_ERROR_NOT_FOUND,   /* the case file it names does not exist */
  ATLAS_VIEW_LINK_ERROR_NOT_A_CASE,  /* it names a folder, a special file, or not a case */
} AtlasViewLinkError;

/* Where a link leads: a case, and in it a record, a briefing step, or a view (or a record
 * and the view it was copied from). */
typedef struct {
  char     *case_path;    /* absolute */
  char     *record_key;   /* or NULL */
  guint     step;         /* 1-based; 0: no step */
  char     *briefing;     /* the title of the step's briefing, or NULL */
  gboolean  has_view;
  double    latitude;
  double    longitude;
  double    zoom;
  GStrv     ignored;      /* the names of parameters it does not know, made printable */
} AtlasViewLink;

GQuark         atlas_view_link_error_quark (void);

AtlasViewLink *atlas_view_link_new         (const char          *case_path);
void           atlas_view_link_free        (AtlasViewLink       *link);
void           atlas_view_link_set_view    (AtlasViewLink       *link,
                                            double               latitude,
                                            double               longitude,
                                            double               zoom);
AtlasViewLink *atlas_view_link_parse       (const char          *uri,
                                            GError             **error);
char          *atlas_view_link_to_uri      (const AtlasViewLink *link);
gboolean       atlas_view_link_check_case  (const AtlasViewLink *link,
                                            GError             **error);
char          *atlas_view_link_describe_ignored (const AtlasViewLink *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasViewLink, atlas_view_link_free)

G_END_DECLS
