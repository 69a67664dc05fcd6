/* atlas-route.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reported movement route; its line runs through its waypoints in order.
 */

#include "config.h"

#include "atlas-route.h"

struct _AtlasRoute
{
  AtlasRecord parent_instance;

  char  *name;
  char  *status;
  char  *summary;
};

G_DEFINE_FINAL_TYPE (AtlasRoute, atlas_route, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "name", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRoute, name) },
  { "status", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRoute, status) },
  { "summary", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasRoute, summary) },
};

static void
atlas_route_class_init (AtlasRouteClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "routes", "route",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_route_init (AtlasRoute *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasRoute *
atlas_route_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_ROUTE, "key", key, NULL);
}
