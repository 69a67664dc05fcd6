#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line as users meet it: --version, --help, a bad --size, and --screenshot
writing a real PNG of the window on the sample case."""

import os
import struct
import subprocess
import sys
import tempfile
import zlib

import sanitizer_report

APP, SAMPLE = sys.argv[1], sys.argv[2]


def run(*args):
    return sanitizer_report.check(subprocess.run([APP, *args], capture_output=True, text=True,
                                                 timeout=90))


def png_size_and_variety(path):
    """Width, height and a rough count of distinct rows (a blank image has one)."""
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    width, height = struct.unpack('>II', data[16:24])
    idat, pos = b'', 8
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        if kind == b'IDAT':
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = len(raw) // height
    rows = {raw[y * stride + 1:(y + 1) * stride] for y in range(0, height, 10)}
    return width, height, len(rows)


def check_import():
    """--import creates the case, reports skipped rows with their line, and refuses a file
    it cannot read without touching the case, or leaving one it created."""
    failures = []
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'import')
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, 'new.gpkg')
        good = run('--import', os.path.join(data, 'bad-rows.csv'), '--into', case)
        if good.returncode != 0 or not os.path.exists(case) or 'Imported into' not in good.stdout:
            failures.append(f'--import into a new case: {good.returncode} {good.stderr!r}')
        if 'line' not in good.stderr:
            failures.append(f'--import did not name the lines it skipped: {good.stderr!r}')
        with open(case, 'rb') as f:
            before = f.read()
        bad = run('--import', os.path.join(data, 'billion-laughs.kml'), '--into', case)
        if bad.returncode == 0 or 'billion-laughs.kml' not in bad.stderr:
            failures.append(f'--import of hostile XML was not refused: {bad.stderr!r}')
        with open(case, 'rb') as f:
            if f.read() != before:
                failures.append('a refused import changed the case file')
        all_bad = os.path.join(tmp, 'all-bad.csv')
        with open(all_bad, 'w') as f:
            f.write('event_date,event_type,latitude,longitude\n2024-01-03,Battles,95,57\n')
        fresh = os.path.join(tmp, 'fresh.gpkg')
        nothing = run('--import', all_bad, '--into', fresh)
        if nothing.returncode == 0 or 'line 2' not in nothing.stderr:
            failures.append(f'--import of a file with nothing to import: {nothing.stderr!r}')
        if any(os.path.exists(fresh + suffix) for suffix in ('', '-wal', '-shm')):
            failures.append('a refused import left behind the case it created')
        lonely = run('--import', os.path.join(data, 'bad-rows.csv'))
        if lonely.returncode == 0:
            failures.append('--import without --into was accepted')
    return failures


def main():
    failures = []
    version = run('--version')
    if version.returncode != 0 or not version.stdout.startswith('incident-atlas '):
        failures.append(f'--version: {version.returncode} {version.stdout!r}')
    help_text = run('--help')
    if help_text.returncode != 0 or '--screenshot' not in help_text.stdout:
        failures.append(f'--help: {help_text.returncode}')
    bad = run('--screenshot', '/tmp/x.png', '--size', '12by5')
    if bad.returncode == 0 or '12by5' not in bad.stderr:
        failures.append(f'--size 12by5 accepted: {bad.stderr!r}')

    failures += check_import()

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'shot.png')
        shot = run('--screenshot', out, '--size', '900x600', SAMPLE)
        if shot.returncode != 0:
            failures.append(f'--screenshot failed: {shot.stderr}')
        else:
            width, height, variety = png_size_and_variety(out)
            if (width, height) != (900, 600):
                failures.append(f'--screenshot size {width}x{height}')
            if variety < 10:
                failures.append(f'--screenshot looks blank ({variety} distinct rows)')
        for show, named in (('briefing:abc', 'briefing:abc'), ('briefing:0', 'briefing:0'),
                            ('', '--show')):
            bad = run('--screenshot', out, '--show', show, SAMPLE)
            if bad.returncode == 0 or named not in bad.stderr:
                failures.append(f'--show {show!r} accepted without a word: {bad.stderr!r}')
        past = run('--screenshot', out, '--size', '900x600', '--show', 'briefing:999', SAMPLE)
        if 'briefing:999' not in past.stderr or 'showing the last' not in past.stderr:
            failures.append(f'--show briefing:999 past the last step without a word: '
                            f'{past.stderr!r}')
        unknown = run('--screenshot', out, '--size', '900x600', '--show', 'no-such-key', SAMPLE)
        if 'no-such-key' not in unknown.stderr:
            failures.append(f'--show no-such-key ignored without a word: {unknown.stderr!r}')
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
