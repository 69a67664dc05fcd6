# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the tests that hurt case files: ACLED-style CSV files of any size, the
app run as users run it, and what a case holds, read without ever writing to it."""

import hashlib
import os
import random
import sqlite3
import subprocess

ACLED_HEADER = (
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,'
    'actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,'
    'iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,'
    'source_scale,notes,fatalities,tags,timestamp\n')

EVENT_TYPES = [('Battles', 'Armed clash'),
               ('Explosions/Remote violence', 'Shelling/artillery/missile attack'),
               ('Violence against civilians', 'Attack'),
               ('Protests', 'Peaceful protest')]


def write_acled_csv(path, rows, prefix, seed=1):
    """An ACLED export of @rows events whose ids start with @prefix (so two files never
    share an event); some hundreds of sources, quoted notes with commas."""
    rnd = random.Random(seed)
    with open(path, 'w', encoding='utf-8') as out:
        out.write(ACLED_HEADER)
        chunk = []
        for i in range(rows):
            kind, sub = EVENT_TYPES[i % len(EVENT_TYPES)]
            year, month, day = 2018 + i % 7, 1 + i % 12, 1 + i % 28
            chunk.append(
                f'{prefix}{i},{year:04d}-{month:02d}-{day:02d},{year},1,Political violence,'
                f'{kind},{sub},Military Forces of Iran (1989-),,1,Civilians (Iran),,7,17,,364,'
                f'Middle East,Iran,Province {i % 31},County {i % 400},,Town {i % 5000},'
                f'{rnd.uniform(25, 39):.4f},{rnd.uniform(44, 63):.4f},1,Source {i % 300},'
                f'National,"On {day} January, near Town {i % 5000}, ""several"" people.",'
                f'{i % 12},,{1700000000 + i}\n')
            if len(chunk) >= 10000:
                out.write(''.join(chunk))
                chunk.clear()
        out.write(''.join(chunk))


def run_app(app, *args, timeout=600):
    return subprocess.run([app, *args], capture_output=True, text=True, timeout=timeout)


def connect_read_only(path):
    """SQLite's own read-only mode: this never writes to the case, and its R-tree triggers
    (which call ST_* functions only the app has) never run on a plain read."""
    return sqlite3.connect(f'file:{path}?mode=ro', uri=True)


def integrity(path):
    with connect_read_only(path) as db:
        rows = db.execute('PRAGMA integrity_check').fetchall()
    db.close()
    return '; '.join(str(row[0]) for row in rows)


def _tables(db):
    return [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def snapshot(path):
    """Every table of the case (ours, GeoPackage's, the R-tree and search index and their
    shadow tables, sqlite_sequence) as {name: (row count, digest of its rows)}."""
    result = {}
    db = connect_read_only(path)
    try:
        for name in _tables(db):
            digest = hashlib.sha256()
            count = 0
            for row in db.execute(f'SELECT * FROM "{name}"'):
                digest.update(repr(row).encode())
                count += 1
            result[name] = (count, digest.hexdigest())
    finally:
        db.close()
    return result


def counts(path, tables=('incidents', 'routes', 'waypoints', 'documents', 'claims',
                         'actors', 'roles', 'briefing_steps', 'rtree_incidents_geom',
                         'search_index')):
    db = connect_read_only(path)
    try:
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in tables}
    finally:
        db.close()


def describe_difference(before, after):
    changed = sorted(name for name in set(before) | set(after)
                     if before.get(name) != after.get(name))
    return ', '.join(f'{name} {before.get(name, (None,))[0]}→{after.get(name, (None,))[0]} rows'
                     for name in changed[:8])


def files_size(directory, names):
    total = 0
    for name in names:
        try:
            total += os.stat(os.path.join(directory, name)).st_size
        except FileNotFoundError:
            pass
    return total
