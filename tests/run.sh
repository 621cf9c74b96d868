#!/usr/bin/env bash
# The whole test suite: installs into .venv, then lint, contracts, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# The packaging tests validate packaging/linux with the freedesktop tools (Debian packages).
missing=()
for pair in desktop-file-validate:desktop-file-utils appstreamcli:appstream \
    update-mime-database:shared-mime-info gio:libglib2.0-bin; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
    as_root=()
    [[ "$(id -u)" == 0 ]] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq >/dev/null || true  # stale lists may still do
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/ruff check jmapper tests
.venv/bin/ruff format --check jmapper tests
.venv/bin/lint-imports
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
