#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""With online tiles off, the app draws its map with no network at all and opens no
internet socket: run it in a network namespace of its own (no route anywhere) under strace,
take a screenshot, and look at every socket it made."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import sanitizer_report

APP, SAMPLE = sys.argv[1], sys.argv[2]


def command(out, log):
    cmd = ['strace', '-f', '-qq', '-e', 'trace=socket', '-o', log,
           APP, '--screenshot', out, '--size', '900x600', SAMPLE]
    # Without privileges for a namespace, strace alone still proves no socket was opened.
    if os.geteuid() == 0 and shutil.which('unshare'):
        cmd = ['unshare', '--net', '--'] + cmd
    return cmd


def main():
    if not shutil.which('strace'):
        print('strace is not installed', file=sys.stderr)
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        out, log = os.path.join(tmp, 'offline.png'), os.path.join(tmp, 'strace.log')
        # No session bus: D-Bus autolaunch would leave a daemon behind that strace -f
        # waits for; the app runs as a plain non-unique application without one.
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS='unix:path=/nonexistent/bus',
                   NO_AT_BRIDGE='1')
        # LeakSanitizer stops the threads it scans with ptrace, which strace already holds:
        # in the sanitized build this run checks everything else, check-cli.py the leaks.
        env['ASAN_OPTIONS'] = env.get('ASAN_OPTIONS', '') + ':detect_leaks=0'
        run = sanitizer_report.check(subprocess.run(command(out, log), capture_output=True,
                                                    text=True, timeout=100, env=env))
        if run.returncode != 0:
            print(f'the app failed offline: {run.stderr}', file=sys.stderr)
            return 1
        with open(log) as f:
            sockets = [line for line in f if 'socket(' in line]
        if not any('AF_UNIX' in line for line in sockets):
            print('strace saw no socket at all, not even the display: it proves nothing',
                  file=sys.stderr)
            return 1
        internet = [line for line in sockets if re.search(r'AF_INET6?\b', line)]
        if internet:
            print('internet sockets opened:\n' + ''.join(internet), file=sys.stderr)
            return 1
        if os.path.getsize(out) < 50_000:
            print('the offline screenshot is nearly empty', file=sys.stderr)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
