#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Only GTK 4.8's own styling abort may make a UI test run again; any other failure fails,
in test-window's own retry and in retry-on-gtk-abort.py, which wraps the other UI tests.

Usage: check-retry-honest.py TEST-WINDOW RETRY-ON-GTK-ABORT"""

import os
import subprocess
import sys
import tempfile

TEST_WINDOW, RETRY = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
GTK_ABORT = ('Gtk:ERROR:../gtk/gtkcountingbloomfilterprivate.h:155:'
             'gtk_counting_bloom_filter_remove: assertion failed: (self->buckets[bucket] > 0)')
OWN_FAILURE = 'ERROR:../tests/test-window.c:42:test_about: assertion failed: (about != NULL)'
# fails once, as told, then passes
FLAKY = ('import os, sys\n'
         'stamp, message, how = sys.argv[1:4]\n'
         'if not os.path.exists(stamp):\n'
         '    open(stamp, "w").close()\n'
         '    print(message, file=sys.stderr, flush=True)\n'
         '    os.abort() if how == "abort" else sys.exit(1)\n')

failures = []


def expect(what, passed, wanted):
    print(f'{what}: {"passed" if passed else "failed"}', file=sys.stderr)
    if passed != wanted:
        failures.append(what)
        print(f'FAIL: {what} {"passed" if passed else "failed"}', file=sys.stderr)


def window_once(work, name, message):
    env = dict(os.environ, ATLAS_TEST_FAIL_ONCE=os.path.join(work, name),
               ATLAS_TEST_FAIL_MESSAGE=message)
    result = subprocess.run([TEST_WINDOW, '-p', '/atlas/window/about'], env=env,
                            capture_output=True, text=True, timeout=600)
    return result.returncode == 0


def wrapped_once(work, name, message, how):
    result = subprocess.run([sys.executable, RETRY, sys.executable, '-c', FLAKY,
                             os.path.join(work, name), message, how],
                            capture_output=True, text=True, timeout=60)
    return result.returncode == 0


def main():
    with tempfile.TemporaryDirectory(prefix='atlas-retry-') as work:
        expect('test-window, a failure of its own once', window_once(work, 'w1', OWN_FAILURE),
               False)
        expect('test-window, GTK\'s abort once', window_once(work, 'w2', GTK_ABORT), True)
        expect('the wrapper, a failure of its own once',
               wrapped_once(work, 'r1', OWN_FAILURE, 'abort'), False)
        expect('the wrapper, GTK\'s function named in a plain failure',
               wrapped_once(work, 'r2', 'gtk_counting_bloom_filter_remove', 'exit'), False)
        expect('the wrapper, GTK\'s abort once', wrapped_once(work, 'r3', GTK_ABORT, 'abort'),
               True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
