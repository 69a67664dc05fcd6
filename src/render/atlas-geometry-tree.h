/* atlas-geometry-tree.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quadtree over the world whose leaves hold geometry clipped to their square,
 * so that drawing a small area only walks the vertices near it.
 */

#pragma once

#include "atlas-geometry.h"

G_BEGIN_DECLS

typedef struct _AtlasGeometryTree AtlasGeometryTree;

typedef void (*AtlasGeometryLeafFunc) (const AtlasGeometry *leaf,
                                       gpointer             user_data);

AtlasGeometryTree *atlas_geometry_tree_new          (AtlasGeometry           *world,
                                                     guint                    max_depth,
                                                     guint                    max_leaf_points);
void               atlas_geometry_tree_free         (AtlasGeometryTree       *tree);
void               atlas_geometry_tree_foreach_leaf (const AtlasGeometryTree *tree,
                                                     const AtlasRect         *rect,
                                                     AtlasGeometryLeafFunc    func,
                                                     gpointer                 user_data);
guint              atlas_geometry_tree_get_n_leaves (const AtlasGeometryTree *tree);
guint              atlas_geometry_tree_get_n_points (const AtlasGeometryTree *tree);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGeometryTree, atlas_geometry_tree_free)

G_END_DECLS
