#!/bin/sh
# Build dist/untoc-desktop_<version>_x86_64.AppImage from the PyInstaller folder dist/untoc-desktop/
# (run `make package` first). appimagetool is downloaded from GitHub, so this runs on a CI machine
# with network access (packaging/ci/github-packages.yml), not on the offline development machine.
# Set APPIMAGETOOL=/path/to/appimagetool to use a copy you already have.
set -eu
cd "$(dirname "$0")/../.."
VERSION=$(.venv/bin/python -c 'import untoc_desktop; print(untoc_desktop.__version__)')
APPDIR=build/AppDir
TOOL=${APPIMAGETOOL:-build/appimagetool-x86_64.AppImage}
[ -x dist/untoc-desktop/untoc-desktop ] || { echo "no bundle in dist/untoc-desktop: run make package"; exit 1; }
if [ ! -x "$TOOL" ]; then
    mkdir -p "$(dirname "$TOOL")"
    curl -fsSL -o "$TOOL" https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-x86_64.AppImage
    chmod +x "$TOOL"
fi
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/share/applications" "$APPDIR/usr/share/mime/packages" \
         "$APPDIR/usr/share/icons/hicolor/256x256/apps" "$APPDIR/usr/share/icons/hicolor/scalable/apps"
cp -a dist/untoc-desktop "$APPDIR/usr/untoc-desktop"
cp packaging/linux/untoc-desktop.desktop "$APPDIR/untoc-desktop.desktop"
cp packaging/linux/untoc-desktop.desktop "$APPDIR/usr/share/applications/"
cp packaging/linux/untoc-desktop.xml "$APPDIR/usr/share/mime/packages/"
cp packaging/icons/untoc-desktop.png "$APPDIR/untoc-desktop.png"
cp packaging/icons/untoc-desktop.png "$APPDIR/usr/share/icons/hicolor/256x256/apps/"
cp packaging/icons/untoc-desktop.svg "$APPDIR/usr/share/icons/hicolor/scalable/apps/"
cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# The window by default; `untoc` (a link to the AppImage named untoc, or `--cli` first) runs the command line.
HERE=$(dirname "$(readlink -f "$0")")
NAME=$(basename "${ARGV0:-$0}")
if [ "$NAME" = "untoc" ]; then exec "$HERE/usr/untoc-desktop/untoc" "$@"; fi
if [ "${1:-}" = "--cli" ]; then shift; exec "$HERE/usr/untoc-desktop/untoc" "$@"; fi
exec "$HERE/usr/untoc-desktop/untoc-desktop" "$@"
APPRUN
chmod 755 "$APPDIR/AppRun"
# APPIMAGE_EXTRACT_AND_RUN: CI containers have no FUSE to mount appimagetool itself.
APPIMAGE_EXTRACT_AND_RUN=1 ARCH=x86_64 "$TOOL" --no-appstream "$APPDIR" "dist/untoc-desktop_${VERSION}_x86_64.AppImage"
ls -l "dist/untoc-desktop_${VERSION}_x86_64.AppImage"
