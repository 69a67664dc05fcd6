/* basemap-writer.mjs
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the sections and the header of data/basemap/basemap.bin, in the format described in
 * data/basemap/README.md.
 */

const FORMAT_VERSION = 1;
const MAGIC = 'ATLASBM\0';

class ByteWriter {
  constructor () {
    this.chunks = [];
    this.length = 0;
  }

  bytes (buffer) {
    this.chunks.push (buffer);
    this.length += buffer.length;
  }

  u8 (value) {
    this.bytes (Buffer.from ([value]));
  }

  u32 (value) {
    const b = Buffer.alloc (4);
    b.writeUInt32LE (value);
    this.bytes (b);
  }

  i32 (value) {
    const b = Buffer.alloc (4);
    b.writeInt32LE (value);
    this.bytes (b);
  }

  f64 (value) {
    const b = Buffer.alloc (8);
    b.writeDoubleLE (value);
    this.bytes (b);
  }

  varint (value) {
    if (!Number.isInteger (value) || value < 0 || value > 0xffffffff)
      throw new Error (`varint out of range: ${value}`);
    const out = [];
    do {
      let byte = value % 128;
      value = Math.floor (value / 128);
      if (value > 0)
        byte |= 0x80;
      out.push (byte);
    } while (value > 0);
    this.bytes (Buffer.from (out));
  }

  zigzag (value) {
    this.varint (value >= 0 ? value * 2 : -value * 2 - 1);
  }

  name (text) {
    const encoded = Buffer.from (text, 'utf8');
    if (encoded.length < 1 || encoded.length > 255)
      throw new Error (`bad name length: ${text}`);
    this.u8 (encoded.length);
    this.bytes (encoded);
  }

  toBuffer () {
    return Buffer.concat (this.chunks, this.length);
  }
}

export function arcsSection (arcs, transform) {
  const w = new ByteWriter ();
  w.f64 (transform.scale[0]);
  w.f64 (transform.scale[1]);
  w.f64 (transform.translate[0]);
  w.f64 (transform.translate[1]);
  for (const arc of arcs) {
    w.varint (arc.length);
    let x = 0;
    let y = 0;
    for (const [px, py] of arc) {
      w.zigzag (px - x);
      w.zigzag (py - y);
      x = px;
      y = py;
    }
  }
  return { tag: 'ARCS', count: arcs.length, data: w.toBuffer () };
}

function writeRing (w, ring) {
  w.varint (ring.length);
  for (const ref of ring)
    w.zigzag (ref);
}

export function ringsSection (rings) {
  const w = new ByteWriter ();
  for (const ring of rings)
    writeRing (w, ring);
  return { tag: 'LAND', count: rings.length, data: w.toBuffer () };
}

export function countryShapesSection (countries) {
  const w = new ByteWriter ();
  for (const country of countries) {
    w.name (country.name);
    w.bytes (Buffer.from (country.alpha2 || '\0\0', 'latin1'));
    w.varint (country.refs.length);
    for (const ring of country.refs)
      writeRing (w, ring);
  }
  return { tag: 'CPOL', count: countries.length, data: w.toBuffer () };
}

export function placeAdminSection (places) {
  const w = new ByteWriter ();
  for (const place of places) {
    w.varint (place.countryIndex + 1);
    w.varint (place.provinceIndex + 1);
  }
  return { tag: 'PLAD', count: places.length, data: w.toBuffer () };
}

export function lineSection (tag, arcIds) {
  const w = new ByteWriter ();
  for (const id of arcIds)
    w.varint (id);
  return { tag, count: arcIds.length, data: w.toBuffer () };
}

export function placesSection (places) {
  const w = new ByteWriter ();
  for (const place of places) {
    w.i32 (place.lonE6);
    w.i32 (place.latE6);
    w.u8 (place.minZoom);
    w.u8 (place.flags);
    w.u8 (place.rank);
    w.name (place.name);
  }
  return { tag: 'PLAC', count: places.length, data: w.toBuffer () };
}

export function labelsSection (tag, labels) {
  const w = new ByteWriter ();
  for (const label of labels) {
    w.i32 (Math.round (label.lon * 1e6));
    w.i32 (Math.round (label.lat * 1e6));
    w.u8 (label.minZoom);
    w.u8 (label.maxZoom);
    w.name (label.name);
  }
  return { tag, count: labels.length, data: w.toBuffer () };
}

export function assembleFile (sections) {
  const header = new ByteWriter ();
  header.bytes (Buffer.from (MAGIC, 'latin1'));
  header.u32 (FORMAT_VERSION);
  header.u32 (sections.length);
  let offset = 16 + 16 * sections.length;
  for (const section of sections) {
    header.bytes (Buffer.from (section.tag, 'latin1'));
    header.u32 (offset);
    header.u32 (section.data.length);
    header.u32 (section.count);
    offset += section.data.length;
  }
  return Buffer.concat ([header.toBuffer (), ...sections.map ((s) => s.data)]);
}
