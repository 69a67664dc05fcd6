#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Making a new case is safe against other programs and against a kill:

- several --import runs into one case that does not exist yet, all at once: each one
  succeeds (the losers import into the case the winner made) or says the case is busy,
  naming it; the case passes PRAGMA integrity_check and holds exactly what the successful
  imports add up to;
- --import into a new case, killed at random moments: afterwards there is no case, or a
  complete one that opens for writing;
- a case left with a hot rollback journal (a write in journal mode killed midway) opens
  again, the interrupted write undone.

Usage: check-case-create.py INCIDENT-ATLAS; ATLAS_CRASH_SEED repeats a run."""

import os
import random
import re
import signal
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
RACERS = 5
ROUNDS = 4
KILLS = 12

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


def note(message):
    print(message, file=sys.stderr, flush=True)


def start(*args):
    return subprocess.Popen([APP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def added_by(process, what, case):
    out, err = process.communicate(timeout=600)
    if process.returncode == 0:
        match = SUMMARY.search(out)
        if match is None:
            fail(f'{what}: exit 0 without a summary: {out!r} {err!r}')
            return 0
        return int(match.group(1).replace(',', ''))
    if 'busy' in err and case in err:
        note(f'{what}: refused as busy')
        return 0
    fail(f'{what}: exit {process.returncode} without saying the case is busy: {err!r}')
    return 0


def check_race(work, csvs):
    for round_ in range(ROUNDS):
        case = os.path.join(work, f'race-{round_}.gpkg')
        racers = [start('--import', csv, '--into', case) for csv in csvs]
        added = [added_by(p, f'round {round_}, import {i}', case) for i, p in enumerate(racers)]
        if not os.path.exists(case):
            fail(f'round {round_}: no case after {added}')
            continue
        result = case_files.integrity(case)
        if result != 'ok':
            fail(f'round {round_}: PRAGMA integrity_check says {result!r}')
            continue
        incidents = case_files.counts(case, ('incidents',))['incidents']
        note(f'round {round_}: imports added {added}; the case holds {incidents} incidents')
        if incidents != sum(added):
            fail(f'round {round_}: the case holds {incidents} incidents, not the {sum(added)} '
                 f'the successful imports report')
        leftovers = [n for n in os.listdir(work) if n.startswith('.race-')]
        if leftovers:
            fail(f'round {round_}: temporary files left behind: {leftovers}')


def full_run_seconds(work, csv):
    case = os.path.join(work, 'timing.gpkg')
    started = time.monotonic()
    run = case_files.run_app(APP, '--import', csv, '--into', case)
    if run.returncode != 0:
        fail(f'an import into a new case failed: {run.stderr!r}')
    return time.monotonic() - started, case_files.counts(case, ('incidents',))['incidents']


def check_kills(work, csv, small, rnd):
    seconds, complete = full_run_seconds(work, csv)
    note(f'an import into a new case takes {seconds:.2f} s and adds {complete} incidents')
    for i in range(KILLS):
        case = os.path.join(work, f'killed-{i}.gpkg')
        process = start('--import', csv, '--into', case)
        moment = rnd.uniform(0, seconds * 1.3)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        what = f'kill {i} at {moment:.2f} s'
        if not os.path.exists(case):
            note(f'{what}: no case')
            continue
        result = case_files.integrity(case)
        incidents = case_files.counts(case, ('incidents',))['incidents'] if result == 'ok' else -1
        note(f'{what}: a case with {incidents} incidents')
        if result != 'ok' or incidents != complete:
            fail(f'{what}: the case is not complete: {result!r}, {incidents} incidents')
            continue
        run = case_files.run_app(APP, '--import', small, '--into', case)
        if run.returncode != 0:
            fail(f'{what}: the case does not open for writing: {run.stderr!r}')


def make_hot_journal(case):
    """A write in rollback-journal mode, killed after it has changed the file itself."""
    db = sqlite3.connect(case, isolation_level=None)
    db.execute('PRAGMA journal_mode = DELETE')
    db.close()
    script = ('import os, signal, sqlite3, sys\n'
              'db = sqlite3.connect(sys.argv[1], isolation_level=None)\n'
              'db.execute("PRAGMA cache_size = 2")\n'
              'db.execute("BEGIN IMMEDIATE")\n'
              'db.execute("UPDATE claims SET paraphrase = hex(randomblob(2000))")\n'
              'os.kill(os.getpid(), signal.SIGKILL)\n')
    subprocess.run([sys.executable, '-c', script, case])


def check_hot_journal(work, csv, small):
    case = os.path.join(work, 'journal.gpkg')
    run = case_files.run_app(APP, '--import', csv, '--into', case)
    if run.returncode != 0:
        fail(f'making the case failed: {run.stderr!r}')
        return
    make_hot_journal(case)
    if not os.path.exists(case + '-journal'):
        fail('the killed write left no journal: the test did not make what it tests')
        return
    run = case_files.run_app(APP, '--import', small, '--into', case)
    if run.returncode != 0:
        fail(f'a case with a hot journal does not open for writing: {run.stderr!r}')
        return
    db = case_files.connect_read_only(case)
    half_written = db.execute('SELECT count(*) FROM claims WHERE length(paraphrase) = 4000')
    half_written = half_written.fetchone()[0]
    db.close()
    if case_files.integrity(case) != 'ok' or half_written != 0:
        fail(f'the interrupted write was not undone: {half_written} claims hold part of it')


def main():
    seed = int(os.environ.get('ATLAS_CRASH_SEED', random.randrange(1 << 30)))
    note(f'ATLAS_CRASH_SEED={seed}')
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix='atlas-create-') as work:
        csvs = []
        for i in range(RACERS):
            csvs.append(os.path.join(work, f'racer{i}.csv'))
            case_files.write_acled_csv(csvs[-1], 300 + 50 * i, f'R{i}-')
        big = os.path.join(work, 'big.csv')
        case_files.write_acled_csv(big, 20000, 'BIG')
        small = os.path.join(work, 'small.csv')
        case_files.write_acled_csv(small, 10, 'SMALL')

        check_race(work, csvs)
        check_kills(work, big, small, rnd)
        check_hot_journal(work, csvs[0], small)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
