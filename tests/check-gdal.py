#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GDAL reads the built sample case as a GeoPackage: its layers, feature counts and
extents, and ogr2ogr exports the incidents to GeoJSON."""

import json
import re
import sqlite3
import subprocess
import sys
import tempfile


def ogrinfo(*args):
    return subprocess.run(['ogrinfo', '-ro', '-so', *args], check=True,
                          capture_output=True, text=True).stdout


def expected_counts(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    return {t: db.execute(f'SELECT count(*) FROM {t}').fetchone()[0]
            for t in ('incidents', 'routes', 'waypoints')}


def expected_extent(path, table):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    points = 'waypoints' if table == 'routes' else table
    return db.execute(f'SELECT min(longitude), min(latitude), max(longitude), max(latitude)'
                      f' FROM {points}').fetchone()


def check_layer(path, table, geometry, failures):
    out = ogrinfo(path, table)
    if f'Geometry: {geometry}' not in out:
        failures.append(f'{table}: geometry is not {geometry}')
    count = re.search(r'Feature Count: (\d+)', out)
    if not count or int(count.group(1)) != expected_counts(path)[table]:
        failures.append(f'{table}: feature count {count and count.group(1)}')
    extent = re.search(r'Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)', out)
    want = expected_extent(path, table)
    if not extent or any(abs(float(g) - w) > 1e-4 for g, w in zip(extent.groups(), want)):
        failures.append(f'{table}: extent {extent and extent.groups()} is not {want}')


def check_export(path, failures):
    with tempfile.TemporaryDirectory() as tmp:
        out = f'{tmp}/incidents.geojson'
        subprocess.run(['ogr2ogr', '-f', 'GeoJSON', out, path, 'incidents'], check=True)
        with open(out) as f:
            features = json.load(f)['features']
    if len(features) != expected_counts(path)['incidents']:
        failures.append(f'export: {len(features)} features')
    for feature in features:
        lon, lat = feature['geometry']['coordinates']
        if abs(lat - feature['properties']['latitude']) > 1e-9:
            failures.append(f'export: {feature["properties"]["key"]} moved')


def main():
    path = sys.argv[1]
    failures = []
    listing = ogrinfo(path)
    for layer, geometry in (('incidents', 'Point'), ('routes', 'Line String'),
                            ('waypoints', 'Point')):
        if not re.search(rf'\d+: {layer} \({geometry}\)', listing):
            failures.append(f'layer {layer} ({geometry}) not listed')
        check_layer(path, layer, geometry, failures)
    check_export(path, failures)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
