/* roads.mjs
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main roads of the basemap (sections HWAY and ROAD, data/basemap/README.md), read from
 * Natural Earth's 1:10m roads as the zoom-7 tiles of the Natural Earth vector tiles carry
 * them (layer "road", with each road's type and scale rank).  A road crossing a tile edge is
 * in both tiles, each copy reaching a few units past the edge; every copy is cut at its own
 * tile's edge and the pieces are joined again where their ends meet.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TILE_ZOOM = 7;
const TILES_PER_SIDE = 2 ** TILE_ZOOM;

// Natural Earth's road types.  Highways are drawn from zoom 5 on whatever their rank;
// the other main roads from zoom 6, and only the most important ranks of them: Natural
// Earth's scale ranks run from 3 (the busiest) upwards.  Freeway, Tollway and Primary
// are the types of its North American roads.
const HIGHWAY_TYPES = new Set (['Major Highway', 'Beltway', 'Bypass', 'Freeway', 'Tollway']);
const ROAD_TYPES = new Set (['Road', 'Secondary Highway', 'Primary']);
const ROAD_MAX_SCALERANK = 4;

function roadClass (properties) {
  if (HIGHWAY_TYPES.has (properties.type))
    return 'highway';
  if (ROAD_TYPES.has (properties.type) && properties.scalerank <= ROAD_MAX_SCALERANK)
    return 'road';
  return null;
}

async function importPackage (nodeModules, path) {
  return import (pathToFileURL (join (nodeModules, path)).href);
}

// Every zoom-7 tile of DIR (DIR/X/Y.pbf), in order of X then Y, decoded, and the SHA-256
// of their bytes in that order.
export async function readRoadTiles (dir, nodeModules) {
  const { VectorTile } = await importPackage (nodeModules, '@mapbox/vector-tile/index.js');
  const { PbfReader } = await importPackage (nodeModules, 'pbf/index.js');
  const hash = createHash ('sha256');
  const tiles = [];
  const numeric = (names) => names.map (Number).filter (Number.isInteger).sort ((a, b) => a - b);
  const tileNames = (x) => readdirSync (join (dir, String (x))).map ((f) => f.replace (/\.pbf$/, ''));

  for (const x of numeric (readdirSync (dir)))
    for (const y of numeric (tileNames (x))) {
      const bytes = readFileSync (join (dir, String (x), `${y}.pbf`));
      hash.update (bytes);
      const layer = new VectorTile (new PbfReader (bytes)).layers.road;
      if (layer)
        tiles.push ({ x, y, layer });
    }
  if (tiles.length === 0)
    throw new Error (`no road tiles in ${dir}`);
  return { data: tiles, sha256: hash.digest ('hex') };
}

// Liang–Barsky: the part of segment a–b inside [0, size]², or null.
function clipSegment (a, b, size) {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [[-dx, a[0]], [dx, size - a[0]], [-dy, a[1]], [dy, size - a[1]]]) {
    if (p === 0) {
      if (q < 0)
        return null;
      continue;
    }
    const t = q / p;
    if (p < 0)
      t0 = Math.max (t0, t);
    else
      t1 = Math.min (t1, t);
    if (t0 > t1)
      return null;
  }
  return [[a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy]];
}

// The pieces of a tile's line inside the tile itself (not its buffer).
function clipLine (points, size) {
  const pieces = [];
  let current = null;
  for (let i = 1; i < points.length; i++) {
    const segment = clipSegment (points[i - 1], points[i], size);
    if (!segment) {
      current = null;
      continue;
    }
    const [start, end] = segment;
    const last = current && current[current.length - 1];
    if (!last || last[0] !== start[0] || last[1] !== start[1]) {
      current = [start];
      pieces.push (current);
    }
    current.push (end);
    if (end[0] !== points[i][0] || end[1] !== points[i][1])
      current = null;  // the line leaves the tile here
  }
  return pieces;
}

function tileToLonLat (tile, extent, [px, py]) {
  const x = (tile.x + px / extent) / TILES_PER_SIDE;
  const y = (tile.y + py / extent) / TILES_PER_SIDE;
  const lat = Math.atan (Math.sinh (Math.PI * (1 - 2 * y))) * 180 / Math.PI;
  return [x * 360 - 180, lat];
}

// Each class's lines in [lon, lat], cut at the tiles' edges.
function collectPieces (tiles) {
  const pieces = { highway: [], road: [] };
  for (const tile of tiles) {
    const { layer } = tile;
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature (i);
      const kind = roadClass (feature.properties);
      if (!kind || feature.type !== 2)  // 2: line strings
        continue;
      for (const line of feature.loadGeometry ()) {
        const points = line.map ((p) => [p.x, p.y]);
        for (const piece of clipLine (points, layer.extent))
          pieces[kind].push (piece.map ((p) => tileToLonLat (tile, layer.extent, p)));
      }
    }
  }
  return pieces;
}

const key = ([x, y]) => `${x},${y}`;

// Joins grid lines end to end wherever exactly two line ends meet; ends one grid step
// apart count as meeting, as two tiles may round the point where a road crosses their
// common edge to neighbouring grid points.
function joinLines (lines) {
  const ends = new Map ();  // grid point -> [{ line, atStart }]
  const addEnd = (line, atStart) => {
    const k = key (atStart ? line[0] : line[line.length - 1]);
    if (!ends.has (k))
      ends.set (k, []);
    ends.get (k).push ({ line, atStart });
  };
  lines.forEach ((line) => { addEnd (line, true); addEnd (line, false); });

  const partnerOf = (line, atStart) => {
    const [x, y] = atStart ? line[0] : line[line.length - 1];
    const found = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const end of ends.get (key ([x + dx, y + dy])) || [])
          if (end.line !== line)
            found.push (end);
    return found.length === 1 ? found[0] : null;
  };

  // follows the chain from one end of LINE for as long as its ends meet exactly one other
  const follow = (line, fromStart, visit) => {
    let current = line;
    let atStart = fromStart;
    for (;;) {
      const next = partnerOf (current, atStart);
      if (!next || used.has (next.line) || partnerOf (next.line, next.atStart)?.line !== current)
        return;
      used.add (next.line);
      visit (next);
      current = next.line;
      atStart = !next.atStart;
    }
  };

  const used = new Set ();
  const joined = [];
  for (const line of lines) {
    if (used.has (line))
      continue;
    used.add (line);
    let chain = line.slice ();
    follow (line, false, ({ line: next, atStart }) => {
      chain = chain.concat ((atStart ? next : next.slice ().reverse ()).slice (1));
    });
    follow (line, true, ({ line: next, atStart }) => {
      chain = (atStart ? next.slice ().reverse () : next).slice (0, -1).concat (chain);
    });
    joined.push (chain);
  }
  return joined;
}

// Douglas–Peucker on grid points, keeping the ends.
function simplify (points, tolerance) {
  if (points.length <= 2)
    return points;
  const keep = new Uint8Array (points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop ();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const length = Math.hypot (bx - ax, by - ay);
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const distance = length === 0 ? Math.hypot (px - ax, py - ay)
        : Math.abs ((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worstDistance) {
        worst = i;
        worstDistance = distance;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push ([first, worst], [worst, last]);
    }
  }
  return points.filter ((_, i) => keep[i]);
}

// The main roads as lines of grid points, per class, in a deterministic order.
export function buildRoads (tiles, toGrid, tolerance) {
  const pieces = collectPieces (tiles);
  const result = {};
  for (const kind of ['highway', 'road']) {
    const lines = pieces[kind].map (toGrid).filter ((line) => line.length >= 2);
    result[kind] = joinLines (lines).map ((line) => simplify (line, tolerance))
      .filter ((line) => line.length >= 2);
  }
  return result;
}
