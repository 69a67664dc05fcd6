# SPDX-License-Identifier: GPL-3.0-or-later
"""Sanitizer reports in the standard error of a program a check ran.

In the sanitized build (build-aux/test-sanitized) a report makes the program exit with
status 1. A check that expects the program to fail would take that for the failure it
wanted, so every check passes each run through check() as well."""

import re
import sys

# AddressSanitizer and LeakSanitizer: "==123==ERROR: LeakSanitizer: detected memory leaks";
# UndefinedBehaviorSanitizer: "file.c:12:5: runtime error: signed integer overflow: …".
REPORT = re.compile(r'^==\d+==ERROR: \w+Sanitizer|: runtime error: ', re.M)


def check(result):
    """Fails the check, showing the report, if the finished subprocess @result made one."""
    if result.stderr and REPORT.search(result.stderr):
        print(f'sanitizer report from {" ".join(map(str, result.args))}:\n{result.stderr}',
              file=sys.stderr)
        sys.exit(1)
    return result
