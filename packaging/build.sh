#!/usr/bin/env bash
# Build jmapper's one-folder bundle for this system into dist/jmapper (see jmapper.spec).
# Needs the project's .venv (python3 -m venv .venv && .venv/bin/pip install -e .);
# installs PyInstaller into it when missing. On Linux the bundle also gets
# dist/jmapper/linux/install.sh, which adds jmapper to the desktop for the current user.
# JMAPPER_PYTHON picks the interpreter; JMAPPER_DIST and JMAPPER_BUILD move the output and work folders (the bundle test
# builds into a temporary folder so the tree stays clean).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${JMAPPER_DIST:-dist}"
work="${JMAPPER_BUILD:-build/pyinstaller}"
python="${JMAPPER_PYTHON:-.venv/bin/python}"
[[ -x "$python" ]] || python=.venv/Scripts/python.exe # Windows (Git Bash)
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    "$python" -m pip install --quiet "pyinstaller>=6.10"
fi
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/jmapper.spec
if [[ "$(uname -s)" == Linux ]]; then
    desktop="$dist/jmapper/linux"
    rm -rf "$desktop"
    mkdir -p "$desktop"
    cp -r packaging/linux/install.sh packaging/linux/io.github.jmapper.Jmapper.* \
        packaging/linux/icons "$desktop/"
fi
echo "Built $(du -sh "$dist/jmapper" | cut -f1) in $dist/jmapper; run $dist/jmapper/jmapper."
