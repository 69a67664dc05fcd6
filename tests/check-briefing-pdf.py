#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""incident-atlas --export-briefing as CI runs it: with no display at all. The PDF has one
page per briefing step of the case, and each page holds its step's caption and the
publisher of one of its sources, read back with poppler's pdfinfo and pdftotext. A case
that does not exist or a folder that does not exist fails, naming the file.

Usage: check-briefing-pdf.py INCIDENT_ATLAS CASE.gpkg"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import sanitizer_report

APP, CASE = sys.argv[1], sys.argv[2]
SKIP = 77


def headless_env():
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    return env


def export(out, case):
    return sanitizer_report.check(subprocess.run([APP, '--export-briefing', out, case],
                                                 capture_output=True, text=True, timeout=240,
                                                 env=headless_env()))


def normalise(text):
    return re.sub(r'\s+', ' ', text).strip()


def steps_with_publishers(case):
    """(caption, [publishers]) for every briefing step, in order."""
    db = sqlite3.connect(f'file:{case}?mode=ro', uri=True)
    steps = []
    for caption, claim_keys in db.execute('SELECT caption, claim_keys FROM briefing_steps '
                                          'ORDER BY seq'):
        publishers = []
        for key in (claim_keys or '').split():
            row = db.execute('SELECT d.publisher FROM claims c JOIN documents d '
                             'ON d.key = c.document_key WHERE c.key = ?', (key,)).fetchone()
            if row and row[0]:
                publishers.append(normalise(row[0]))
        steps.append((normalise(caption), publishers))
    return steps


def page_count(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def page_text(pdf, page):
    return normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', '-f', str(page), '-l',
                                     str(page), pdf, '-'],
                                    capture_output=True, text=True, check=True).stdout)


def check_pages(pdf, steps):
    failures = []
    if page_count(pdf) != len(steps):
        return [f'{page_count(pdf)} pages for {len(steps)} briefing steps']
    for number, (caption, publishers) in enumerate(steps, start=1):
        text = page_text(pdf, number)
        if caption[:40] not in text:
            failures.append(f'page {number} lacks its caption {caption[:40]!r}')
        if not any(publisher in text for publisher in publishers):
            failures.append(f'page {number} names none of its sources {publishers!r}')
    return failures


def check_errors(tmp):
    failures = []
    missing = export(os.path.join(tmp, 'a.pdf'), os.path.join(tmp, 'no-such-case.gpkg'))
    if missing.returncode == 0 or 'no-such-case.gpkg' not in missing.stderr:
        failures.append(f'a missing case was not reported: {missing.stderr!r}')
    nowhere = os.path.join(tmp, 'no-such-folder', 'b.pdf')
    unwritable = export(nowhere, CASE)
    if unwritable.returncode == 0 or nowhere not in unwritable.stderr:
        failures.append(f'an unwritable PDF was not reported: {unwritable.stderr!r}')
    return failures


def main():
    if not shutil.which('pdfinfo') or not shutil.which('pdftotext'):
        print('pdfinfo and pdftotext (poppler-utils) are not installed')
        return SKIP

    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, 'briefing.pdf')
        result = export(pdf, CASE)
        if result.returncode != 0:
            print(f'--export-briefing failed ({result.returncode}): {result.stderr}')
            return 1
        failures = check_pages(pdf, steps_with_publishers(CASE)) + check_errors(tmp)

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
