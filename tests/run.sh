#!/usr/bin/env bash
# The whole test suite: installs into .venv, then lint, contracts, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/ruff check jmapper tests
.venv/bin/ruff format --check jmapper tests
.venv/bin/lint-imports
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
