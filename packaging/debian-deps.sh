#!/bin/sh
# Debian/Ubuntu libraries that Qt's xcb platform plugin needs for a real window
# (missing on a fresh machine), plus Xvfb for machines without a display.
# Extra package names given as arguments are installed too.
# Installs what is missing when run as root (or with sudo); otherwise prints the command.
set -e
PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 \
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 \
libfontconfig1 libdbus-1-3 xvfb xauth $*"

command -v dpkg >/dev/null 2>&1 || { echo "Not a Debian-based system: install Qt's xcb libraries with your package manager."; exit 0; }
missing=""
for p in $PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Missing system packages:$missing"
    echo "Install them as root: apt-get install -y$missing"
    exit 1
fi
echo "Installing system packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
