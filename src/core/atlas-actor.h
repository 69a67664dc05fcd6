/* atlas-actor.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACTOR (atlas_actor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasActor, atlas_actor, ATLAS, ACTOR, AtlasRecord)

AtlasActor *atlas_actor_new (const char *key);

ATLAS_RECORD_DECLARE_TEXT (AtlasActor, atlas_actor, name)
ATLAS_RECORD_DECLARE_TEXT (AtlasActor, atlas_actor, actor_kind)
ATLAS_RECORD_DECLARE_TEXT (AtlasActor, atlas_actor, aliases)
ATLAS_RECORD_DECLARE_TEXT (AtlasActor, atlas_actor, summary)

G_END_DECLS
