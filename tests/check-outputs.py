#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the command line writes never costs the user a file, and nothing it is given hangs:

- --export-briefing and --screenshot never write over the case they read, whatever name
  it goes by (the same name, ./NAME, a hard link, a symbolic link, its -wal file);
- an existing file of another kind is replaced only with --force; an existing PDF or PNG
  is replaced without it;
- a pipe (FIFO) given as the output or as the case, or lying beside the case as its
  journal, and a folder named like a case, are refused with a message naming them, at
  once;
- --export-briefing killed at random moments leaves no PDF or a complete one, and
  nothing else.

Usage: check-outputs.py INCIDENT-ATLAS SAMPLE-CASE"""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
TIMEOUT = 60

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


def run(*args, cwd=None):
    try:
        return subprocess.run([APP, *args], capture_output=True, text=True, timeout=TIMEOUT,
                              cwd=cwd)
    except subprocess.TimeoutExpired:
        fail(f'{" ".join(args)}: still running after {TIMEOUT} s')
        return None


def content(path):
    with open(path, 'rb') as f:
        return f.read()


def check_never_over_case(work):
    case = os.path.join(work, 'case.gpkg')
    shutil.copy(SAMPLE, case)
    before = content(case)
    hard = os.path.join(work, 'hard.pdf')
    os.link(case, hard)
    soft = os.path.join(work, 'soft.pdf')
    os.symlink(case, soft)
    wal = case + '-wal'
    with open(wal, 'wb'):
        pass
    for option in ('--export-briefing', '--screenshot'):
        for out in (case, './case.gpkg', hard, soft, wal):
            for force in ((), ('--force',)):
                what = f'{option} {out} {" ".join(force)} case.gpkg'
                result = run(option, out, *force, case, cwd=work)
                if result is None:
                    continue
                if result.returncode == 0:
                    fail(f'{what}: exit 0')
                elif 'case' not in result.stderr or os.path.basename(out) not in result.stderr:
                    fail(f'{what}: the message does not say why: {result.stderr!r}')
                if content(case) != before:
                    fail(f'{what}: the case changed')
                    shutil.copy(SAMPLE, case)
    os.remove(wal)


def check_other_kinds(work):
    notes = os.path.join(work, 'notes.txt')
    text = b'my notes, not a PDF\n'
    for option, magic in (('--export-briefing', b'%PDF-'), ('--screenshot', b'\x89PNG')):
        with open(notes, 'wb') as f:
            f.write(text)
        result = run(option, notes, SAMPLE)
        if result is None:
            continue
        if result.returncode == 0 or content(notes) != text:
            fail(f'{option} replaced a file of another kind without --force')
        elif 'notes.txt' not in result.stderr or '--force' not in result.stderr:
            fail(f'{option}: the refusal does not name the file and --force: '
                 f'{result.stderr!r}')
        leftovers = [n for n in os.listdir(work) if n.startswith('.notes')]
        if leftovers:
            fail(f'{option}: temporary files left behind: {leftovers}')
        result = run(option, notes, '--force', SAMPLE)
        if result is not None and (result.returncode != 0
                                   or not content(notes).startswith(magic)):
            fail(f'{option} --force did not replace the file: {result.stderr!r}')
        # an output of the same kind is replaced without asking
        result = run(option, notes, SAMPLE)
        if result is not None and result.returncode != 0:
            fail(f'{option} did not replace its own kind of file: {result.stderr!r}')


def check_fifos(work):
    fifo = os.path.join(work, 'pipe.gpkg')
    os.mkfifo(fifo)
    folder = os.path.join(work, 'folder.gpkg')
    os.mkdir(folder)
    csv = os.path.join(work, 'pipe.csv')
    os.mkfifo(csv)
    case = os.path.join(work, 'fifo-case.gpkg')
    shutil.copy(SAMPLE, case)
    beside = os.path.join(work, 'beside.gpkg')
    shutil.copy(SAMPLE, beside)
    os.mkfifo(beside + '-journal')
    runs = {
        'a pipe as the PDF': (('--export-briefing', fifo, SAMPLE), fifo),
        'a pipe as the PNG': (('--screenshot', fifo, SAMPLE), fifo),
        'a pipe as the case to export': (('--export-briefing', os.path.join(work, 'p.pdf'),
                                          fifo), fifo),
        'a pipe as the case to import into': (('--import', os.path.join(work, 'notes.txt'),
                                               '--into', fifo), fifo),
        'a folder as the case': (('--export-briefing', os.path.join(work, 'f.pdf'), folder),
                                 folder),
        'a pipe as the case\'s journal': (('--export-briefing', os.path.join(work, 'j.pdf'),
                                           beside), beside + '-journal'),
    }
    for what, (args, named) in runs.items():
        result = run(*args)
        if result is None:
            continue
        if result.returncode == 0:
            fail(f'{what}: exit 0')
        elif os.path.basename(named) not in result.stderr:
            fail(f'{what}: the message does not name it: {result.stderr!r}')
        print(f'{what}: {result.stderr.strip()}', file=sys.stderr)


def check_kills(work):
    out = os.path.join(work, 'killed.pdf')
    started = time.monotonic()
    result = run('--export-briefing', out, SAMPLE)
    seconds = time.monotonic() - started
    if result is None or result.returncode != 0:
        fail(f'--export-briefing failed: {result and result.stderr!r}')
        return
    os.remove(out)
    rnd = random.Random(int(os.environ.get('ATLAS_CRASH_SEED', random.randrange(1 << 30))))
    for i in range(8):
        process = subprocess.Popen([APP, '--export-briefing', out, SAMPLE],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        moment = rnd.uniform(0, seconds)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if os.path.exists(out):
            data = content(out)
            if not (data.startswith(b'%PDF-') and data.rstrip().endswith(b'%%EOF')):
                fail(f'killed at {moment:.2f} s: {len(data)} bytes of a PDF left at {out}')
            os.remove(out)
        for name in os.listdir(work):
            if name.startswith('.killed.pdf'):
                os.remove(os.path.join(work, name))


def main():
    with tempfile.TemporaryDirectory(prefix='atlas-outputs-') as work:
        check_never_over_case(work)
        check_other_kinds(work)
        check_fifos(work)
        check_kills(work)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
