/* atlas-geometry-tree.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quadtree over the world whose leaves hold geometry clipped to their square,
 * so that drawing a small area only walks the vertices near it.
 */

#include "atlas-geometry-tree.h"

#define NO_CHILDREN (-1)

typedef struct
{
  AtlasRect      rect;
  AtlasGeometry *geometry; /* leaves only */
  gint32         first_child;
} TreeNode;

struct _AtlasGeometryTree
{
  GArray *nodes; /* TreeNode; the four children of a node are consecutive */
  guint   max_depth;
  guint   max_leaf_points;
};

static void
quadrant_rect (const AtlasRect *parent,
               guint            quadrant,
               AtlasRect       *out)
{
  double mid_x = (parent->x0 + parent->x1) / 2.0;
  double mid_y = (parent->y0 + parent->y1) / 2.0;

  out->x0 = (quadrant & 1) ? mid_x : parent->x0;
  out->x1 = (quadrant & 1) ? parent->x1 : mid_x;
  out->y0 = (quadrant & 2) ? mid_y : parent->y0;
  out->y1 = (quadrant & 2) ? parent->y1 : mid_y;
}

static void
split_node (AtlasGeometryTree *tree,
            guint              index,
            guint              depth);

static void
fill_node (AtlasGeometryTree *tree,
           guint              index,
           guint              depth)
{
  TreeNode *node = &g_array_index (tree->nodes, TreeNode, index);

  if (depth < tree->max_depth &&
      atlas_geometry_get_n_points (node->geometry) > tree->max_leaf_points)
    split_node (tree, index, depth);
  else
    atlas_geometry_shrink (node->geometry);
}

static void
split_node (AtlasGeometryTree *tree,
            guint              index,
            guint              depth)
{
  TreeNode *node = &g_array_index (tree->nodes, TreeNode, index);
  g_autoptr(AtlasGeometry) geometry = g_steal_pointer (&node->geometry);
  g_autoptr(AtlasGeometry) west = atlas_geometry_new ();
  g_autoptr(AtlasGeometry) east = atlas_geometry_new ();
  AtlasRect rect = node->rect;
  double mid_x = (rect.x0 + rect.x1) / 2.0;
  double mid_y = (rect.y0 + rect.y1) / 2.0;
  guint first_child = tree->nodes->len;
  AtlasGeometry *quadrants[4];

  node->first_child = first_child;
  for (guint q = 0; q < 4; q++)
    quadrants[q] = atlas_geometry_new ();

  /* Two cuts per half instead of four-sided clipping per quadrant. */
  atlas_geometry_split (geometry, ATLAS_AXIS_X, mid_x, west, east);
  g_clear_pointer (&geometry, atlas_geometry_free);
  atlas_geometry_split (west, ATLAS_AXIS_Y, mid_y, quadrants[0], quadrants[2]);
  atlas_geometry_split (east, ATLAS_AXIS_Y, mid_y, quadrants[1], quadrants[3]);

  g_array_set_size (tree->nodes, first_child + 4);
  for (guint q = 0; q < 4; q++)
    {
      TreeNode *child = &g_array_index (tree->nodes, TreeNode, first_child + q);

      quadrant_rect (&rect, q, &child->rect);
      child->first_child = NO_CHILDREN;
      child->geometry = quadrants[q];
    }

  for (guint q = 0; q < 4; q++)
    fill_node (tree, first_child + q, depth + 1);
}

/**
 * atlas_geometry_tree_new:
 * @world: (transfer full): geometry already clipped to the unit square
 *
 * Splits @world into quadrants until every leaf has at most @max_leaf_points
 * points or is @max_depth levels deep.
 */
AtlasGeometryTree *
atlas_geometry_tree_new (AtlasGeometry *world,
                         guint          max_depth,
                         guint          max_leaf_points)
{
  AtlasGeometryTree *tree = g_new0 (AtlasGeometryTree, 1);
  TreeNode root = { { 0.0, 0.0, 1.0, 1.0 }, world, NO_CHILDREN };

  tree->nodes = g_array_new (FALSE, TRUE, sizeof (TreeNode));
  tree->max_depth = max_depth;
  tree->max_leaf_points = max_leaf_points;
  g_array_append_val (tree->nodes, root);
  fill_node (tree, 0, 0);
  return tree;
}

void
atlas_geometry_tree_free (AtlasGeometryTree *tree)
{
  if (tree == NULL)
    return;

  for (guint i = 0; i < tree->nodes->len; i++)
    atlas_geometry_free (g_array_index (tree->nodes, TreeNode, i).geometry);
  g_array_unref (tree->nodes);
  g_free (tree);
}

static void
visit_node (const AtlasGeometryTree *tree,
            guint                    index,
            const AtlasRect         *rect,
            AtlasGeometryLeafFunc    func,
            gpointer                 user_data)
{
  const TreeNode *node = &g_array_index (tree->nodes, TreeNode, index);

  if (!atlas_rect_intersects (&node->rect, rect))
    return;

  if (node->first_child == NO_CHILDREN)
    {
      func (node->geometry, user_data);
      return;
    }

  for (guint q = 0; q < 4; q++)
    visit_node (tree, node->first_child + q, rect, func, user_data);
}

void
atlas_geometry_tree_foreach_leaf (const AtlasGeometryTree *tree,
                                  const AtlasRect         *rect,
                                  AtlasGeometryLeafFunc    func,
                                  gpointer                 user_data)
{
  visit_node (tree, 0, rect, func, user_data);
}

guint
atlas_geometry_tree_get_n_leaves (const AtlasGeometryTree *tree)
{
  guint n = 0;

  for (guint i = 0; i < tree->nodes->len; i++)
    if (g_array_index (tree->nodes, TreeNode, i).first_child == NO_CHILDREN)
      n++;
  return n;
}

guint
atlas_geometry_tree_get_n_points (const AtlasGeometryTree *tree)
{
  guint n = 0;

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      const TreeNode *node = &g_array_index (tree->nodes, TreeNode, i);

      if (node->geometry != NULL)
        n += atlas_geometry_get_n_points (node->geometry);
    }
  return n;
}
