#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a UI test program; if it died of GTK 4.8's own rare styling abort
(gtk_counting_bloom_filter_remove, seen at random in other GTK apps too), runs it once
more. Any other failure, the same abort twice, or a sanitizer report fails as usual."""

import subprocess
import sys

import sanitizer_report

GTK_ABORT = 'gtk_counting_bloom_filter_remove'


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True)


def main():
    result = run(sys.argv[1:])
    if (result.returncode != 0 and GTK_ABORT in result.stderr
            and not sanitizer_report.REPORT.search(result.stderr)):
        sys.stderr.write(result.stderr)
        sys.stderr.write(f'\n# GTK aborted in {GTK_ABORT}; running the test once more\n')
        result = run(sys.argv[1:])
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == '__main__':
    sys.exit(main())
