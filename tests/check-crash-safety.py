#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A case survives the app being killed while it writes. The app is killed (SIGKILL) in the
middle of a 1,000,000-row import, then again at random moments of smaller imports; after
each kill the case must pass PRAGMA integrity_check, hold exactly what it held before the
interrupted transaction or exactly what it holds after a complete one, and open for editing
without a word (a read-only notice or an error would be one).

Usage: check-crash-safety.py INCIDENT-ATLAS [ROWS]; ATLAS_CRASH_SEED repeats a run."""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import case_files  # noqa: E402

APP = sys.argv[1]
BIG_ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
# The app is killed once it has written this much beside the case (its WAL, a journal or
# any other file): by then it is inside its transaction, whatever its speed.
KILL_AFTER_BYTES = 16 << 20
RANDOM_KILLS = 20
# Rows a write must leave as they were. The R-tree is left out: a large import rebuilds it
# whole, and the rebuilt boxes may be rounded outwards by one float32 step where SQLite's
# own insert rounded by a few (its row count is still checked); so is atlas_meta, where a
# write may record how far the search index has got.
RECORD_TABLES = ('incidents', 'routes', 'waypoints', 'documents', 'claims', 'actors',
                 'roles', 'briefing_steps')

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


T0 = time.monotonic()


def note(message):
    print(f'[{time.monotonic() - T0:6.1f} s] {message}', file=sys.stderr, flush=True)


def written_beside(case):
    """Bytes in every file next to the case: its WAL, a journal, a copy being made. The case
    itself and SQLite's shared-memory index (made on opening) are left out."""
    directory, name = os.path.split(case)
    return case_files.files_size(directory, [n for n in os.listdir(directory)
                                             if n != name and not n.endswith('-shm')])


def start_import(csv, case):
    return subprocess.Popen([APP, '--import', csv, '--into', case], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def kill_when_writing(process, case, started):
    """Kills @process once it has written KILL_AFTER_BYTES beside @case. Returns the
    seconds from start to the first byte written and to the kill, or None when the process
    ended by itself first."""
    baseline = written_beside(case)
    first_write = None
    while process.poll() is None:
        grown = written_beside(case) - baseline
        if grown > 0 and first_write is None:
            first_write = time.monotonic() - started
        if grown >= KILL_AFTER_BYTES:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return first_write, time.monotonic() - started
        time.sleep(0.01)
    return None


def check_intact(case, what):
    result = case_files.integrity(case)
    if result != 'ok':
        fail(f'{what}: PRAGMA integrity_check says {result!r}')
        return False
    return True


def search_index_complete(case):
    """Whether the search index holds a row for every record of the tables it indexes, and
    no other (a write fills it in its own transaction: a kill leaves both or neither). Its
    row of a record is the record's id times 8 plus the table's number."""
    db = case_files.connect_read_only(case)
    tables = ('incidents', 'routes', 'waypoints', 'actors', 'documents', 'claims')
    try:
        for number, table in enumerate(tables):
            rows = db.execute(f'SELECT count(*) FROM {table}').fetchone()[0]
            indexed = db.execute('SELECT count(*) FROM search_index WHERE rowid % 8 = ?',
                                 (number,)).fetchone()[0]
            if rows != indexed:
                return False
    finally:
        db.close()
    return True


def check_opens_for_editing(case, tiny_csv, what):
    """The window opens the case with no prompt, and the case takes an edit: an import
    into a case opened read-only, or one that cannot be opened, fails."""
    shot = os.path.join(os.path.dirname(case), 'shot.png')
    started = time.monotonic()
    run = case_files.run_app(APP, '--screenshot', shot, '--size', '800x600', case, timeout=120)
    if run.returncode != 0 or not os.path.exists(shot):
        fail(f'{what}: the window did not open the case: {run.returncode} {run.stderr!r}')
    opened = time.monotonic()
    edit = case_files.run_app(APP, '--import', tiny_csv, '--into', case)
    if edit.returncode != 0:
        fail(f'{what}: the case does not open for editing: {edit.stderr!r}')
    if not search_index_complete(case):
        fail(f'{what}: after an edit, the search index does not hold every record')
    note(f'{what}: the window opened and drew the case in {opened - started:.1f} s, '
         f'an edit took {time.monotonic() - opened:.1f} s')


def kill_big_import(work, case, big_csv):
    before = case_files.snapshot(case)
    started = time.monotonic()
    process = start_import(big_csv, case)
    killed = kill_when_writing(process, case, started)
    if killed is None:
        out, err = process.communicate()
        fail(f'the {BIG_ROWS}-row import ended by itself ({process.returncode}) after '
             f'{time.monotonic() - started:.1f} s, before it had written {KILL_AFTER_BYTES} '
             f'bytes beside the case: it could not be killed mid-write. {err.strip()!r}')
        return
    first_write, kill_time = killed
    note(f'{BIG_ROWS}-row import: writing from {first_write:.1f} s, killed at {kill_time:.1f} s '
         f'with {written_beside(case) >> 20} MiB beside the case')
    if not check_intact(case, 'after the big import was killed'):
        return
    after = case_files.snapshot(case)
    if after != before:
        grown = case_files.counts(case, ('incidents',))['incidents']
        if grown >= before['incidents'][0] + BIG_ROWS:
            fail(f'the {BIG_ROWS}-row import had already committed when it was killed at '
                 f'{kill_time:.1f} s: nothing was interrupted (raise KILL_AFTER_BYTES?)')
        else:
            fail('the case changed though the import was killed before it committed: '
                 + case_files.describe_difference(before, after))


def record_digests(case, rowids):
    """Digests of the rows each record table held before a write (by row id)."""
    db = case_files.connect_read_only(case)
    try:
        return {table: hash(tuple(db.execute(f'SELECT * FROM "{table}" WHERE rowid <= ?'
                                             ' ORDER BY rowid', (rowids[table],))))
                for table in RECORD_TABLES}
    finally:
        db.close()


def max_rowids(case):
    db = case_files.connect_read_only(case)
    try:
        return {table: db.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
                for table in RECORD_TABLES}
    finally:
        db.close()


def restore(base, case):
    """Puts the case back as @base holds it (the file alone: @base has no WAL)."""
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(case + suffix):
            os.remove(case + suffix)
    shutil.copyfile(base, case)


class Reference:
    """A complete import of one file into the base case: what it adds, how long it runs,
    the most it has beside the case at once (its WAL) and how much the case file grows
    when the WAL is copied into it."""

    def __init__(self, base, case, csv):
        restore(base, case)
        before = case_files.counts(case)
        base_size = os.path.getsize(case)
        started = time.monotonic()
        process = start_import(csv, case)
        self.beside = 0
        while process.poll() is None:
            self.beside = max(self.beside, written_beside(case))
            time.sleep(0.001)
        self.duration = time.monotonic() - started
        _, err = process.communicate()
        if process.returncode != 0:
            fail(f'a complete import of {os.path.basename(csv)} failed: {err!r}')
        self.growth = os.path.getsize(case) - base_size
        after = case_files.counts(case)
        self.added = {name: after[name] - before[name] for name in after}


def kill_at_random_point(process, case, reference, rnd, base_size):
    """Kills @process at one of three kinds of moment, chosen at random: any time in its
    run, once its WAL has reached a random part of its full size (inside the commit), or
    once the case file has taken a random part of its growth (inside the checkpoint).
    Returns what the moment was, or None when the import ended first."""
    kind = rnd.choice(('time', 'wal', 'checkpoint'))
    started = time.monotonic()
    delay = rnd.uniform(0.0, reference.duration * 1.05)
    beside = rnd.uniform(0.0, 0.95) * reference.beside
    growth = rnd.uniform(0.0, 0.95) * reference.growth
    while process.poll() is None:
        if ((kind == 'time' and time.monotonic() - started >= delay)
                or (kind == 'wal' and written_beside(case) > beside)
                or (kind == 'checkpoint' and os.path.getsize(case) - base_size > growth)):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return f'{kind} at {time.monotonic() - started:.2f} s of {reference.duration:.2f} s'
        time.sleep(0.0005)
    return None


def kill_at_random(work, case, csvs, rnd):
    """Small imports into the case as it is now, each killed at a random moment of its
    run; the case is put back between them."""
    base = os.path.join(work, 'base.gpkg')
    if os.path.exists(case + '-wal') and os.path.getsize(case + '-wal') > 0:
        fail('the app left a WAL beside the case after closing it cleanly')
        return
    shutil.copyfile(case, base)
    base_size = os.path.getsize(base)
    before_snapshot = case_files.snapshot(base)
    before_counts = case_files.counts(base)
    rowids = max_rowids(base)
    before_rows = record_digests(base, rowids)

    references = {csv: Reference(base, case, csv) for csv in csvs}
    note('complete imports: ' + ', '.join(
        f'{os.path.basename(csv)} in {ref.duration:.2f} s, WAL up to {ref.beside >> 10} KiB'
        for csv, ref in references.items()))
    outcomes = {'unchanged': 0, 'complete': 0, 'missed': 0}
    for i in range(RANDOM_KILLS):
        csv = csvs[i % len(csvs)]
        reference = references[csv]
        restore(base, case)
        process = start_import(csv, case)
        moment = kill_at_random_point(process, case, reference, rnd, base_size)
        process.communicate()
        if moment is None:
            outcomes['missed'] += 1
        what = f'kill {i + 1} ({os.path.basename(csv)}, {moment or "after it ended"})'

        if not check_intact(case, what):
            return
        if case_files.snapshot(case) == before_snapshot:
            outcomes['unchanged'] += 1
            note(f'{what}: as it was')
            continue
        now = case_files.counts(case)
        expected = {name: before_counts[name] + reference.added[name] for name in now}
        # The search index is filled in the import's own transaction (case format 4): a
        # kill leaves it with all of the import's records or none.
        indexed = now.pop('search_index')
        expected_indexed = expected.pop('search_index')
        if now != expected or indexed != expected_indexed:
            fail(f'{what}: the case holds part of the import: {now} (search index '
                 f'{indexed}) instead of {before_counts} or {expected} (search index '
                 f'{expected_indexed})')
            return
        after_rows = record_digests(case, rowids)
        if after_rows != before_rows:
            changed = [table for table in RECORD_TABLES if after_rows[table] != before_rows[table]]
            fail(f'{what}: rows the case held before the import changed in {changed}')
            return
        outcomes['complete'] += 1
        note(f'{what}: complete')
    note(f'{RANDOM_KILLS} random kills: {outcomes["unchanged"]} left the case as it was, '
         f'{outcomes["complete"]} found the import complete ({outcomes["missed"]} of them '
         'came after it had ended)')


def main():
    seed = int(os.environ.get('ATLAS_CRASH_SEED', time.time_ns() % 1_000_000))
    rnd = random.Random(seed)
    note(f'ATLAS_CRASH_SEED={seed}')
    with tempfile.TemporaryDirectory(prefix='atlas-crash-') as work:
        data, cases = os.path.join(work, 'data'), os.path.join(work, 'cases')
        os.makedirs(data)
        os.makedirs(cases)
        case = os.path.join(cases, 'case.gpkg')
        csv = {name: os.path.join(data, f'{name}.csv') for name in
               ('small', 'tiny', 'big', 'bulk', 'rows')}
        case_files.write_acled_csv(csv['small'], 50, 'SMALL')
        case_files.write_acled_csv(csv['tiny'], 3, 'TINY')
        # one import above the size written in bulk (10,000 points), one below
        case_files.write_acled_csv(csv['bulk'], 10500, 'BULK')
        case_files.write_acled_csv(csv['rows'], 1500, 'ROWS')
        started = time.monotonic()
        case_files.write_acled_csv(csv['big'], BIG_ROWS, 'BIG')
        note(f'{BIG_ROWS} rows written in {time.monotonic() - started:.1f} s')

        first = case_files.run_app(APP, '--import', csv['small'], '--into', case)
        if first.returncode != 0:
            fail(f'the first import failed: {first.stderr!r}')
            return 1

        kill_big_import(work, case, csv['big'])
        os.remove(csv['big'])
        check_opens_for_editing(case, csv['tiny'], 'after the big import was killed')

        kill_at_random(work, case, [csv['rows'], csv['bulk']], rnd)
        check_intact(case, 'at the end')
        check_opens_for_editing(case, csv['tiny'], 'after the random kills')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
