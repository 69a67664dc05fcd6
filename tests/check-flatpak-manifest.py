#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sanity checks for the Flatpak manifest.

Usage: check-flatpak-manifest.py MANIFEST.json
"""

import json
import sys

APP_ID = "io.github.incidentatlas.IncidentAtlas"
SHUMATE_OPTS = ("-Ddemos=false", "-Dgtk_doc=false", "-Dvapi=false")
REQUIRED_ARGS = ("--socket=wayland", "--socket=fallback-x11",
                 "--device=dri", "--share=network")
FORBIDDEN_FS = ("--filesystem=home", "--filesystem=host", "--filesystem=/",
                "--filesystem=~")


def check(manifest):
    errors = []

    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != APP_ID:
        errors.append(f"app-id is {app_id!r}, expected {APP_ID!r}")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    if not modules:
        return errors + ["no modules"]

    last = modules[-1]
    if last.get("name") != "incident-atlas":
        errors.append(f"last module is {last.get('name')!r}, expected 'incident-atlas'")
    if last.get("buildsystem") != "meson":
        errors.append("incident-atlas module does not use buildsystem meson")

    shumate = [m for m in modules[:-1] if "shumate" in m.get("name", "")]
    if not shumate:
        errors.append("no libshumate module before incident-atlas")
    for m in shumate:
        if m.get("buildsystem") != "meson":
            errors.append("libshumate module does not use buildsystem meson")
        opts = m.get("config-opts", [])
        for opt in SHUMATE_OPTS:
            if opt not in opts:
                errors.append(f"libshumate config-opts lack {opt}")

    args = manifest.get("finish-args", [])
    for arg in REQUIRED_ARGS:
        if arg not in args:
            errors.append(f"finish-args lack {arg}")
    for arg in args:
        if arg.startswith(FORBIDDEN_FS):
            errors.append(f"finish-args must not contain {arg} (use the file portal)")

    return errors


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} MANIFEST.json", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"{sys.argv[1]}: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{sys.argv[1]}: top level is not a JSON object", file=sys.stderr)
        return 1

    errors = check(manifest)
    for e in errors:
        print(f"{sys.argv[1]}: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
