#!/usr/bin/env bash
# Build jmapper's one-folder bundle for this system into dist/jmapper (see jmapper.spec).
# Needs the project's .venv (python3 -m venv .venv && .venv/bin/pip install -e .);
# installs PyInstaller into it when missing. On Linux the bundle also gets
# dist/jmapper/linux/install.sh, which adds jmapper to the desktop for the current user.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
[[ -x "$python" ]] || python=.venv/Scripts/python.exe # Windows (Git Bash)
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    "$python" -m pip install --quiet "pyinstaller>=6.10"
fi
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/jmapper.spec
if [[ "$(uname -s)" == Linux ]]; then
    desktop=dist/jmapper/linux
    rm -rf "$desktop"
    mkdir -p "$desktop"
    cp -r packaging/linux/install.sh packaging/linux/io.github.jmapper.Jmapper.* \
        packaging/linux/icons "$desktop/"
fi
echo "Built $(du -sh dist/jmapper | cut -f1) in dist/jmapper; run dist/jmapper/jmapper."
