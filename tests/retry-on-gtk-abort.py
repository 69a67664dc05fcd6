#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a UI test program; if it died of GTK 4.8's own rare styling abort (an assertion
in gtk_counting_bloom_filter_remove, seen at random in other GTK apps too), runs it once
more. Any other failure, the same abort twice, or a sanitizer report fails as usual.

A program that isolates its tests and retries that abort itself (test-window) is not
wrapped: one retry, never two."""

import re
import signal
import subprocess
import sys

import sanitizer_report

GTK_ABORT = 'gtk_counting_bloom_filter_remove'
# GLib's words for a failed assertion, in GTK's code, ending the program
GTK_ABORT_LINE = re.compile(r'ERROR:\S*:\d+:gtk_counting_bloom_filter_remove: assertion failed')


def is_gtk_abort(result):
    return (result.returncode in (-signal.SIGABRT, -signal.SIGTRAP)
            and GTK_ABORT_LINE.search(result.stderr) is not None
            and not sanitizer_report.REPORT.search(result.stderr))


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True)


def main():
    result = run(sys.argv[1:])
    if is_gtk_abort(result):
        sys.stderr.write(result.stderr)
        sys.stderr.write(f'\n# GTK aborted in {GTK_ABORT}; running the test once more\n')
        result = run(sys.argv[1:])
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == '__main__':
    sys.exit(main())
