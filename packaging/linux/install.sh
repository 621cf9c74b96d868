#!/usr/bin/env bash
# Install jmapper's desktop integration for the current user, so the application menu
# shows jmapper and opening a .jmapper file from the file manager opens it in jmapper:
# the .desktop entry, the AppStream metainfo, the application/x-jmapper MIME type and
# the icons, under ~/.local/share (or $XDG_DATA_HOME), then the desktop's caches.
#
#   packaging/linux/install.sh --user [--exec PATH]   install (or update) for you
#   packaging/linux/install.sh --user --uninstall     remove what --user installed
#   packaging/linux/install.sh --prefix DIR ...       the same under DIR/share (tests, staging)
#
# The menu entry starts PATH (default: the bundle this script sits in, else the jmapper
# on your PATH). Nothing outside the share folder is touched; no root needed.
set -euo pipefail

APP_ID=io.github.jmapper.Jmapper
here="$(cd "$(dirname "$0")" && pwd)"

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

share=""
exec_path=""
uninstall=0
while (($#)); do
    case "$1" in
        --user) share="${XDG_DATA_HOME:-$HOME/.local/share}" ;;
        --prefix)
            [[ $# -ge 2 && -n "$2" ]] || usage
            share="$2/share"
            shift
            ;;
        --exec)
            [[ $# -ge 2 && -n "$2" ]] || usage
            exec_path="$2"
            shift
            ;;
        --uninstall) uninstall=1 ;;
        -h | --help) usage ;;
        *)
            echo "install.sh: unknown option $1; see --help." >&2
            exit 2
            ;;
    esac
    shift
done
[[ -n "$share" ]] || usage

icon_sizes=(16 24 32 48 64 128 256 512)
installed=(
    "applications/$APP_ID.desktop"
    "metainfo/$APP_ID.metainfo.xml"
    "mime/packages/$APP_ID.xml"
    "icons/hicolor/scalable/apps/$APP_ID.svg"
)
for size in "${icon_sizes[@]}"; do
    installed+=("icons/hicolor/${size}x${size}/apps/$APP_ID.png")
done

# Refresh whichever caches this desktop has tools for; a missing tool is not an error.
refresh_caches() {
    if command -v update-mime-database >/dev/null; then
        update-mime-database "$share/mime" >/dev/null
    fi
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -f -t "$share/icons/hicolor" || true
    fi
}

if ((uninstall)); then
    for file in "${installed[@]}"; do
        rm -f "$share/$file"
    done
    mkdir -p "$share/mime/packages" "$share/applications" "$share/icons/hicolor"
    refresh_caches
    echo "Removed jmapper's desktop integration from $share."
    exit 0
fi

if [[ -z "$exec_path" ]]; then
    if [[ -x "$here/../jmapper" && ! -d "$here/../jmapper" ]]; then
        exec_path="$here/../jmapper" # inside a built bundle: dist/jmapper/linux/install.sh
    elif command -v jmapper >/dev/null; then
        exec_path="$(command -v jmapper)"
    else
        echo "install.sh: jmapper is not on your PATH; pass --exec /path/to/jmapper." >&2
        exit 1
    fi
fi
exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")"
if [[ "$exec_path" =~ [\"\`\$\\] ]]; then
    echo "install.sh: the path $exec_path has characters a menu entry cannot hold; move jmapper elsewhere." >&2
    exit 1
fi
exec_field="$exec_path"
[[ "$exec_path" =~ [[:space:]] ]] && exec_field="\"$exec_path\""

install -d "$share/applications" "$share/metainfo" "$share/mime/packages"
# The entry in the repository says `jmapper`; the installed one names the real program.
sed "s|^Exec=jmapper |Exec=$exec_field |" "$here/$APP_ID.desktop" >"$share/applications/$APP_ID.desktop"
chmod 644 "$share/applications/$APP_ID.desktop"
install -m 644 "$here/$APP_ID.metainfo.xml" "$share/metainfo/"
install -m 644 "$here/$APP_ID.xml" "$share/mime/packages/"
install -D -m 644 "$here/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in "${icon_sizes[@]}"; do
    install -D -m 644 "$here/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
        "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh_caches
echo "Installed jmapper's desktop integration in $share (opens .jmapper files with $exec_path)."
