"""Package the PyInstaller folder ``dist/untoc-desktop/`` as a .deb and a tarball.

    python packaging/linux/build_packages.py [--bundle dist/untoc-desktop] [--out dist] [--version V]

Writes ``untoc-desktop_<version>_amd64.deb`` (built with ``dpkg-deb --build --root-owner-group``)
and ``untoc-desktop_<version>_linux-x86_64.tar.gz``, then prints the sizes. The .deb installs:

* the bundle in ``/opt/untoc-desktop`` and the links ``/usr/bin/untoc-desktop``, ``/usr/bin/untoc``;
* ``/usr/share/applications/untoc-desktop.desktop`` (opens ``application/x-untoc-draft``);
* the icon (hicolor, scalable and 256 px, also as the drafts' icon);
* ``/usr/share/mime/packages/untoc-desktop.xml`` (``*.untoc`` and the SQLite + application_id magic);
* ``/usr/share/doc/untoc-desktop/copyright``.

``Depends:`` lists Qt's system libraries (the xcb set of ``packaging/debian-deps.sh``) plus every
package owning a library the bundle's programs and plugins load from the system (found with
``ldd`` and ``dpkg -S`` on the build machine).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGING = HERE.parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))
sys.path.insert(0, str(ROOT))

import bundle_data  # noqa: E402

from untoc_desktop import __version__  # noqa: E402

INSTALL_DIR = Path("opt") / bundle_data.APP_NAME
#: Libraries Qt's xcb platform plugin opens at run time (some with dlopen, invisible to ldd).
QT_SYSTEM_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxkbcommon-x11-0",
    "libxcb-shape0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libxcb-randr0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
)
#: Nice to have: LibreOffice converts letters made from a user's own Word template to PDF; Enchant with
#: Hunspell dictionaries checks spelling (without them spell checking is off, with a message).
RECOMMENDS = (
    "libreoffice-writer",
    "libenchant-2-2",
    "hunspell-en-gb | hunspell-en-us",
    "hunspell-fr",
    "hunspell-es",
    "hunspell-ar",
    "hunspell-ru",
)
DESCRIPTION = """\
Offline drafting of civil-society submissions to the UNTOC Review Mechanism
 Helps civil-society organisations draft their answers to the self-assessment
 questionnaire of the Mechanism for the Review of the Implementation of the
 United Nations Convention against Transnational Organized Crime and its
 Protocols, check what is missing, export the submission to Word and PDF and
 write letters to focal points. It never opens a network connection.
 .
 This package holds a self-contained build (Python, Qt and libraries included)."""

POSTINST = """\
#!/bin/sh
# Refresh the MIME and application caches so that a double-click on a .untoc draft opens it.
# (dpkg triggers of shared-mime-info and desktop-file-utils do it too where they are installed.)
set -e
if [ "$1" = "configure" ]; then
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database /usr/share/mime || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
fi
exit 0
"""

POSTRM = """\
#!/bin/sh
# After removal: forget the draft MIME type and the desktop entry. Nothing of the user's is
# touched: drafts, backups, settings and imported definitions live in the user's own folders.
set -e
case "$1" in
    remove|purge)
        if command -v update-mime-database >/dev/null 2>&1; then
            update-mime-database /usr/share/mime || true
        fi
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
        fi
        ;;
esac
exit 0
"""

COPYRIGHT = f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: untoc_desktop

Files: *
License: GPL-3.0-or-later
 On Debian systems the full text is in /usr/share/common-licenses/GPL-3.

Files: opt/{bundle_data.APP_NAME}/_internal/resources/fonts/*
License: OFL-1.1 and Apache-2.0
 See the licence files beside the fonts in /opt/{bundle_data.APP_NAME}/_internal/resources/fonts/.

Files: opt/{bundle_data.APP_NAME}/_internal/*
Comment: Python, Qt (PySide6, LGPL-3.0) and the Python libraries the application uses, each under
 its own licence (see the *.dist-info folders in /opt/{bundle_data.APP_NAME}/_internal/).
"""


def system_packages(bundle: Path) -> set[str]:
    """Debian packages owning the system libraries the bundle's ELF files load (``ldd`` + ``dpkg -S``)."""
    libraries: set[str] = set()
    # As at run time, where the bootloader makes the bundle's own libraries found first.
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(bundle / "_internal")}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = re.search(r"=>\s+(/\S+)", line)
            if match and bundle.resolve() not in Path(match.group(1)).resolve().parents:
                libraries.add(match.group(1))
    packages: set[str] = set()
    for library in sorted(libraries):
        for candidate in (library, str(Path(library).resolve())):
            owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if owner.returncode == 0:
                packages.add(owner.stdout.split(":")[0].strip())
                break
    return packages


def installed_size_kib(root: Path) -> int:
    """``Installed-Size`` in KiB (files rounded up to 1 KiB, like dpkg-gencontrol)."""
    return sum((p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if p.is_file() or p.is_symlink())


def control_file(version: str, depends: list[str], installed_size: int) -> str:
    """The ``DEBIAN/control`` text."""
    return (
        f"Package: {bundle_data.APP_NAME}\nVersion: {version}\nArchitecture: amd64\n"
        "Maintainer: untoc_desktop developers <untoc-desktop@users.noreply.invalid>\n"
        f"Installed-Size: {installed_size}\nDepends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\nSection: text\nPriority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def _write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    path.chmod(mode)


def stage(bundle: Path, root: Path, version: str) -> None:
    """Lay out the package's file tree under ``root`` (DEBIAN/ included)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    for name in (bundle_data.APP_NAME, bundle_data.CLI_NAME):
        (usr_bin / name).symlink_to(Path("/") / INSTALL_DIR / name)
    share = root / "usr" / "share"
    _write(share / "applications" / f"{bundle_data.APP_NAME}.desktop", (HERE / "untoc-desktop.desktop").read_bytes())
    _write(share / "mime" / "packages" / f"{bundle_data.APP_NAME}.xml", (HERE / "untoc-desktop.xml").read_bytes())
    icons = PACKAGING / "icons"
    hicolor = share / "icons" / "hicolor"
    _write(hicolor / "scalable" / "apps" / f"{bundle_data.APP_NAME}.svg", (icons / "untoc-desktop.svg").read_bytes())
    _write(hicolor / "256x256" / "apps" / f"{bundle_data.APP_NAME}.png", (icons / "untoc-desktop.png").read_bytes())
    mime_icon = bundle_data.DRAFT_MIME_TYPE.replace("/", "-")
    _write(hicolor / "scalable" / "mimetypes" / f"{mime_icon}.svg", (icons / "untoc-desktop.svg").read_bytes())
    _write(share / "doc" / bundle_data.APP_NAME / "copyright", COPYRIGHT)
    for path in root.rglob("*"):  # Debian's permissions whatever the build machine's umask
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
    depends = sorted(set(QT_SYSTEM_PACKAGES) | system_packages(bundle))
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    _write(debian / "control", control_file(version, depends, installed_size_kib(root)))
    _write(debian / "postinst", POSTINST, 0o755)
    _write(debian / "postrm", POSTRM, 0o755)


def build_deb(bundle: Path, out: Path, version: str, work: Path, compression: str = "xz") -> Path:
    """Build ``<out>/untoc-desktop_<version>_amd64.deb`` from the bundle folder.

    Args:
        bundle: the one-folder PyInstaller bundle (``dist/untoc-desktop``).
        out: the folder the ``.deb`` is written to.
        version: the package version, as in the file name and the control file.
        work: a scratch folder; the staged package tree is made in it and removed afterwards.
        compression: ``dpkg-deb -Z`` value; ``xz`` for release, ``none`` or ``gzip`` where speed matters (tests).

    Returns:
        The path of the ``.deb`` written.

    Raises:
        subprocess.CalledProcessError: ``dpkg-deb`` failed.
    """
    root = work / f"deb-{version}"
    stage(bundle, root, version)
    deb = out / f"{bundle_data.APP_NAME}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", f"-Z{compression}", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return deb


def build_tarball(bundle: Path, out: Path, version: str) -> Path:
    """Build ``<out>/untoc-desktop_<version>_linux-x86_64.tar.gz`` holding the folder ``untoc-desktop/``."""
    tarball = out / f"{bundle_data.APP_NAME}_{version}_linux-x86_64.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle_data.APP_NAME, filter=owned_by_root)
    return tarball


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build the .deb and the tarball; print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / bundle_data.APP_NAME)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=__version__)
    parser.add_argument("--deb-only", action="store_true", help="skip the tarball")
    args = parser.parse_args(argv)
    if not (args.bundle / bundle_data.APP_NAME).is_file():
        parser.error(f"no bundle in {args.bundle}: run `make package`")
    args.out.mkdir(parents=True, exist_ok=True)
    deb = build_deb(args.bundle, args.out, args.version, ROOT / "build")
    print(f"folder {args.bundle}: {folder_size(args.bundle) / 2**20:.1f} MiB")
    print(f"{deb}: {deb.stat().st_size / 2**20:.1f} MiB")
    if not args.deb_only:
        tarball = build_tarball(args.bundle, args.out, args.version)
        print(f"{tarball}: {tarball.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
