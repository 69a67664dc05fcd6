#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists every file with translatable text.

Usage: check-potfiles.py SOURCE_ROOT

Scans src/ for *.c files using _("…"), N_("…") or C_(…), ui/ for *.ui files
with translatable="yes", and data/ for desktop, metainfo and GSettings schema
files (always translatable). Fails if one of them is missing from
po/POTFILES.in, or if POTFILES.in lists a file that does not exist.
"""

import os
import re
import sys

C_MARKERS = re.compile(r'(?<![\w])(?:_|N_)\s*\(\s*"|(?<![\w])N?C_\s*\(')
UI_MARKER = re.compile(r'''translatable\s*=\s*["']yes["']''')
DATA_SUFFIXES = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")


def walk(root, subdir):
    """Yield paths relative to root (with / separators) of files under subdir."""
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, subdir)):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            yield os.path.relpath(path, root).replace(os.sep, "/")


def read(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        return f.read()


def translatable_files(root):
    found = []
    for rel in walk(root, "src"):
        if rel.endswith(".c") and C_MARKERS.search(read(root, rel)):
            found.append(rel)
    for rel in walk(root, "ui"):
        if rel.endswith(".ui") and UI_MARKER.search(read(root, rel)):
            found.append(rel)
    for rel in walk(root, "data"):
        if rel.endswith(DATA_SUFFIXES):
            found.append(rel)
    return found


def potfiles(root):
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            # Skip blanks, comments and intltool-style "[encoding: …]" lines.
            if line and not line.startswith(("#", "[")):
                listed.append(os.path.normpath(line).replace(os.sep, "/"))
    return listed


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]
    try:
        listed = potfiles(root)
    except OSError as e:
        print(f"cannot read po/POTFILES.in: {e}", file=sys.stderr)
        return 1

    ok = True
    for rel in translatable_files(root):
        if rel not in listed:
            print(f"{rel}: has translatable text but is not in po/POTFILES.in",
                  file=sys.stderr)
            ok = False
    for rel in listed:
        if not os.path.isfile(os.path.join(root, rel)):
            print(f"po/POTFILES.in: {rel}: no such file", file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
