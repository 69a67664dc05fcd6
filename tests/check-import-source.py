#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The file being imported is hostile or unlucky, and --import still ends with words:

- the file shrinks while it is imported (a sync client, log rotation): the import
  succeeds with what it read, or says the file changed, naming it; never a crash (SIGBUS);
- a pipe (FIFO), a folder or a case file (.gpkg) given to import: refused at once, with a
  message naming the file and saying what it is;
- a GeoJSON file past its limit is refused without being read: in little memory.

Usage: check-import-source.py INCIDENT-ATLAS; ATLAS_CRASH_SEED repeats a run."""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import case_files  # noqa: E402

APP = os.path.abspath(sys.argv[1])
TRUNCATIONS = 6
TIMEOUT = 60

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


def note(message):
    print(message, file=sys.stderr, flush=True)


def check_shrinking(work, rnd):
    source = os.path.join(work, 'source.csv')
    case_files.write_acled_csv(source, 80000, 'SHRINK')
    copy = os.path.join(work, 'shrinking.csv')
    started = time.monotonic()
    run = case_files.run_app(APP, '--import', source, '--into', os.path.join(work, 'time.gpkg'))
    seconds = time.monotonic() - started
    if run.returncode != 0:
        fail(f'the import to time failed: {run.stderr!r}')
        return
    for i in range(TRUNCATIONS):
        shutil.copy(source, copy)
        case = os.path.join(work, f'shrink-{i}.gpkg')
        process = subprocess.Popen([APP, '--import', copy, '--into', case],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        moment = rnd.uniform(0, seconds / 2)
        time.sleep(moment)
        with open(copy, 'r+b') as f:
            f.truncate(4096)
        out, err = process.communicate(timeout=600)
        what = f'the source cut at {moment:.2f} s'
        note(f'{what}: exit {process.returncode}: {err.strip()[-160:]}')
        if process.returncode < 0:
            fail(f'{what}: the app was killed by signal {-process.returncode}')
        elif process.returncode != 0 and 'shrinking.csv' not in err:
            fail(f'{what}: the message does not name the file: {err!r}')


def check_not_importable(work):
    fifo = os.path.join(work, 'events.csv')
    os.mkfifo(fifo)
    folder = os.path.join(work, 'folder.csv')
    os.mkdir(folder)
    case = os.path.join(work, 'a case.gpkg')
    run = case_files.run_app(APP, '--import', os.path.join(work, 'source.csv'), '--into', case)
    if run.returncode != 0:
        fail(f'making a case failed: {run.stderr!r}')
    target = os.path.join(work, 'target.gpkg')
    for given, says in ((fifo, 'regular file'), (folder, 'folder'), (case, 'case file')):
        try:
            run = subprocess.run([APP, '--import', given, '--into', target],
                                 capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail(f'--import {given}: still running after {TIMEOUT} s')
            continue
        note(f'--import {os.path.basename(given)}: {run.stderr.strip()}')
        if run.returncode == 0:
            fail(f'--import {given}: exit 0')
        elif os.path.basename(given) not in run.stderr or says not in run.stderr:
            fail(f'--import {given}: the message does not name it or say it is a {says}: '
                 f'{run.stderr!r}')
        if os.path.exists(target):
            fail(f'--import {given}: a case was left behind')
        if given == case and f"to open it, run: incident-atlas '{case}'" not in run.stderr:
            fail(f'--import {given}: it does not say how to open the case: {run.stderr!r}')


# The peak memory of one run, in KiB, measured in a process of its own.
MEASURE = ('import resource, subprocess, sys\n'
           'run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n'
           'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n'
           'print(run.stderr, file=sys.stderr)\n')
# What refusing a file past the limit may take beyond refusing a file that is not there:
# reading the 300 MiB file, or any large part of it, would take far more. Measured against
# that baseline of the same build, not as a figure of its own, since a sanitized build starts
# at several times the plain build's memory (21 MiB plain, 110 MiB sanitized).
OVER_LIMIT_MAX_EXTRA_KIB = 64 * 1024


def peak_of_import(work, source):
    run = subprocess.run([sys.executable, '-c', MEASURE, APP, '--import', source, '--into',
                          os.path.join(work, 'big.gpkg')], capture_output=True, text=True,
                         timeout=TIMEOUT)
    return int(run.stdout.split()[0]), run.stderr.strip()


def check_over_limit(work):
    big = os.path.join(work, 'big.geojson')
    with open(big, 'wb') as f:
        f.write(b'{"type": "FeatureCollection", "features": [')
        f.truncate(300 << 20)
    baseline, missing = peak_of_import(work, os.path.join(work, 'missing.geojson'))
    peak, refused = peak_of_import(work, big)
    note(f'a 300 MiB GeoJSON file: {peak} KiB at most, {baseline} KiB for a missing file; '
         f'{refused}')
    if 'missing.geojson' not in missing:
        fail(f'the missing file was not refused naming it: {missing!r}')
    if 'big.geojson' not in refused or '256.0' not in refused:
        fail(f'the file past the limit was not refused naming it: {refused!r}')
    if peak - baseline > OVER_LIMIT_MAX_EXTRA_KIB:
        fail(f'refusing a file past the limit took {peak - baseline} KiB more than refusing '
             f'a missing file')
    os.remove(big)


def main():
    seed = int(os.environ.get('ATLAS_CRASH_SEED', random.randrange(1 << 30)))
    note(f'ATLAS_CRASH_SEED={seed}')
    with tempfile.TemporaryDirectory(prefix='atlas-source-') as work:
        check_over_limit(work)
        check_shrinking(work, random.Random(seed))
        check_not_importable(work)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
