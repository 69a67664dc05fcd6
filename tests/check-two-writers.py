#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two processes on one case file: each one either waits for the other (SQLite's busy
timeout, 5 s) or says the file is busy, naming it; neither damages the case, and the case
ends up as one of the serial orders would leave it.

- another program holds the write lock longer than the timeout: --import is refused with
  the case's name and the word "busy", and the case is unchanged;
- two --import at once, the second started while the first writes and both at once;
- the window (--screenshot) opens the case while --import writes into it.

Usage: check-two-writers.py INCIDENT-ATLAS"""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import case_files  # noqa: E402

APP = sys.argv[1]
# counts are grouped for the locale ("1,000") and singular for one ("1 incident")
SUMMARY = re.compile(r'Imported into .*: ([\d,]+) incidents?, .* ([\d,]+) claims?;')

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


def note(message):
    print(message, file=sys.stderr, flush=True)


def start(*args):
    return subprocess.Popen([APP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(process, what, case):
    """Waits for @process; returns the incidents and claims it added (0, 0 when it was
    refused for a busy file). Any other ending is a failure."""
    out, err = process.communicate(timeout=600)
    if process.returncode == 0:
        match = SUMMARY.search(out)
        if match is None:
            return 0, 0
        return int(match.group(1).replace(',', '')), int(match.group(2).replace(',', ''))
    if 'busy' in err and case in err:
        note(f'{what}: refused as busy: {err.strip()}')
        return 0, 0
    fail(f'{what}: exit {process.returncode} without saying the case is busy: {err!r}')
    return 0, 0


def wait_until_writing(process, case, timeout=600):
    """Returns once @process has put anything in the case's WAL (it is inside its write
    transaction), or False when it ended first."""
    wal = case + '-wal'
    base = os.path.getsize(wal) if os.path.exists(wal) else 0
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if os.path.exists(wal) and os.path.getsize(wal) > base:
            return True
        time.sleep(0.005)
    return False


def check_case(case, before, added, what):
    result = case_files.integrity(case)
    if result != 'ok':
        fail(f'{what}: PRAGMA integrity_check says {result!r}')
        return
    now = case_files.counts(case, ('incidents', 'claims'))
    expected = {'incidents': before['incidents'] + sum(a[0] for a in added),
                'claims': before['claims'] + sum(a[1] for a in added)}
    if now != expected:
        fail(f'{what}: the case holds {now}, not what the imports that succeeded add up to '
             f'({expected})')


def check_lock_held_elsewhere(case, small):
    """Another program holds the write lock for longer than the busy timeout."""
    before = case_files.snapshot(case)
    holder = sqlite3.connect(case, isolation_level=None)
    holder.execute('BEGIN IMMEDIATE')
    started = time.monotonic()
    run = case_files.run_app(APP, '--import', small, '--into', case)
    waited = time.monotonic() - started
    holder.execute('ROLLBACK')
    holder.close()
    note(f'lock held elsewhere: --import gave up after {waited:.1f} s: {run.stderr.strip()}')
    if run.returncode == 0:
        fail('--import wrote into a case another program was writing to')
    elif 'busy' not in run.stderr or case not in run.stderr:
        fail(f'--import into a locked case did not say the case is busy: {run.stderr!r}')
    if waited < 4.0:
        fail(f'--import gave up after {waited:.1f} s, without waiting for the lock')
    if case_files.snapshot(case) != before:
        fail('a refused import changed the case')


def check_two_imports(case, first_csv, second_csv, staggered):
    what = f'two imports ({"the second while the first writes" if staggered else "at once"})'
    before = case_files.counts(case, ('incidents', 'claims'))
    first = start('--import', first_csv, '--into', case)
    if staggered and not wait_until_writing(first, case):
        note(f'{what}: the first import ended before it was seen writing')
    second = start('--import', second_csv, '--into', case)
    added = [finish(first, f'{what}, first', case), finish(second, f'{what}, second', case)]
    note(f'{what}: added {added}')
    check_case(case, before, added, what)


def check_window_during_import(case, csv, shot):
    what = 'the window opened during an import'
    before = case_files.counts(case, ('incidents', 'claims'))
    importer = start('--import', csv, '--into', case)
    if not wait_until_writing(importer, case):
        note(f'{what}: the import ended before it was seen writing')
    window = start('--screenshot', shot, '--size', '800x600', case)
    out, err = window.communicate(timeout=300)
    if window.returncode != 0 or not os.path.exists(shot):
        fail(f'{what}: the window failed: {window.returncode} {err!r}')
    added = [finish(importer, f'{what}, the import', case)]
    if importer.poll() is not None and added == [(0, 0)]:
        fail(f'{what}: the window made the import fail')
    check_case(case, before, added, what)


def main():
    with tempfile.TemporaryDirectory(prefix='atlas-two-') as work:
        case = os.path.join(work, 'case.gpkg')
        csv = {name: os.path.join(work, f'{name}.csv') for name in ('small', 'medium', 'other')}
        case_files.write_acled_csv(csv['small'], 50, 'SMALL')
        case_files.write_acled_csv(csv['other'], 200, 'OTHER')
        case_files.write_acled_csv(csv['medium'], 30000, 'MEDIUM')

        first = case_files.run_app(APP, '--import', csv['small'], '--into', case)
        if first.returncode != 0:
            fail(f'the first import failed: {first.stderr!r}')
            return 1

        check_lock_held_elsewhere(case, csv['small'])
        check_two_imports(case, csv['medium'], csv['other'], staggered=True)
        check_two_imports(case, csv['other'], csv['small'], staggered=False)
        check_window_during_import(case, csv['medium'], os.path.join(work, 'shot.png'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
