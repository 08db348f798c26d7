#!/bin/sh
# Debian/Ubuntu libraries that Qt's xcb platform plugin needs for a real window
# (missing on a fresh machine), plus Xvfb for machines without a display.
# Extra package names given as arguments are installed too.
# Installs what is missing when run as root (or with sudo); otherwise prints the command.
# A package that cannot be installed (busy package manager, offline laptop) is reported by name and
# the script exits 1; `make run` goes on and starts the window when Qt can run without it.
set -e
PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 \
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 \
libfontconfig1 libdbus-1-3 xvfb xauth \
libenchant-2-2 hunspell-en-gb hunspell-en-us hunspell-fr hunspell-es hunspell-ar hunspell-ru $*"

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
$SUDO apt-get update -qq || echo "Could not refresh the package lists (offline?); trying with the ones there are."
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    exit 0
fi
# One by one, so that one unavailable package does not keep the others out.
failed=""
for p in $missing; do
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 \
        || failed="$failed $p"
done
[ -z "$failed" ] && exit 0
echo "These system packages could not be installed:$failed"
echo "Install them later with: ${SUDO:+$SUDO }apt-get install -y$failed"
exit 1
