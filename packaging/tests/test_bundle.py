"""The built Linux packages, tested like the source (``make package-test``, after ``make package``).

* the folder ``dist/untoc-desktop/`` holds what packaging/bundle_data.py lists and nothing unused,
  and every library it loads is found;
* its ``untoc`` creates the example draft, exports it to PDF and Word, writes letters, and the
  files read back say what the source checkout's exports say; its window starts with the draft
  and quits; none of it tries a network connection (``strace -e trace=connect``);
* the .deb installs (``dpkg -i`` as root, ``dpkg -x`` otherwise), does the same from a clean
  folder, upgrades over an older version keeping the user's drafts, backups, settings and data,
  registers the MIME type and the desktop entry, and is removed without leaving files behind;
* the tarball unpacks to a working folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "packaging" / "linux"))

import build_packages  # noqa: E402
import bundle_data  # noqa: E402

from untoc_desktop import __version__  # noqa: E402

BUNDLE = ROOT / "dist" / bundle_data.APP_NAME
INTERNAL = BUNDLE / "_internal"
DEB = ROOT / "dist" / f"{bundle_data.APP_NAME}_{__version__}_amd64.deb"
TARBALL = ROOT / "dist" / f"{bundle_data.APP_NAME}_{__version__}_linux-x86_64.tar.gz"
EXAMPLE = ROOT / "examples" / "cluster1-answers.json"
SOURCE_UNTOC = Path(sys.executable).parent / "untoc"
INSTALLED = Path("/opt") / bundle_data.APP_NAME


def user_environment(home: Path) -> dict[str, str]:
    """A user with an empty home folder, no display and nothing of the development set-up."""
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }


class Program:
    """Runs one installed copy of the application under ``strace``, recording network attempts."""

    def __init__(self, cli: Path, window: Path, home: Path, trace_dir: Path):
        self.cli, self.window, self.home, self.trace_dir = cli, window, home, trace_dir
        (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
        self.runs = 0

    def _run(self, program: Path, args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
        self.runs += 1
        trace = self.trace_dir / f"connect-{self.runs}.log"
        command = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), str(program), *map(str, args)]
        result = subprocess.run(
            command, cwd=cwd, env=user_environment(self.home), capture_output=True, text=True, timeout=180
        )
        if check:
            assert result.returncode == 0, f"{program.name} {args}: {result.stdout}\n{result.stderr}"
        attempts = [line for line in trace.read_text().splitlines() if re.search(r"AF_INET6?\b", line)]
        assert attempts == [], f"{program.name} {args} tried the network: {attempts}"
        return result

    def untoc(self, *args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
        return self._run(self.cli, args, cwd, check)

    def start_window(self, draft: Path, cwd: Path) -> subprocess.CompletedProcess:
        return self._run(self.window, ["--smoke-test", draft], cwd)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([p.text for p in document.paragraphs] + list(cells))


def drive(program: Program, folder: Path) -> dict[str, str]:
    """What a user does from a clean folder: the example draft, exports, letters, the window.

    Returns:
        The text of each produced file, read back with pdftotext or python-docx.
    """
    folder.mkdir(parents=True, exist_ok=True)
    assert program.untoc("--version", cwd=folder).stdout.strip() == f"untoc {__version__}"
    program.untoc(
        "new",
        "v.untoc",
        "--cluster",
        "1",
        "--country",
        "Republic of Veridia",
        "--organization",
        "Coalition for Justice and Rights",
        "--protocols",
        "TIP,SOM,FIREARMS",
        "--language",
        "en",
        "--author",
        "A. Researcher",
        cwd=folder,
    )
    program.untoc("import-answers", "v.untoc", EXAMPLE, cwd=folder)
    assert "Complete" in program.untoc("validate", "v.untoc", cwd=folder).stdout
    program.untoc("export", "v.untoc", "--format", "pdf", "-o", "v.pdf", cwd=folder)
    program.untoc("export", "v.untoc", "--format", "docx", "-o", "v.docx", cwd=folder)
    program.untoc("export", "v.untoc", "--format", "pdf", "--language", "ar", "-o", "v-ar.pdf", cwd=folder)
    program.untoc(
        "sender",
        "v.untoc",
        "--signatory",
        "Dr. Lena Okafor",
        "--reference-scheme",
        "CJR/{year}/{number:03d}",
        "--address",
        "12 Harbour Street\\nPort Vale",
        cwd=folder,
    )
    program.untoc(
        "recipient",
        "add",
        "v.untoc",
        "--name",
        "Ms. Amina Diallo",
        "--agency",
        "Ministry of Justice",
        "--focal-point",
        cwd=folder,
    )  # a letter needs an addressee, an address and a signatory
    program.untoc(
        "letter",
        "v.untoc",
        "--kind",
        "engagement",
        "--language",
        "fr",
        "--format",
        "docx",
        "-o",
        "letter.docx",
        "--date",
        "2026-11-29",
        cwd=folder,
    )
    program.untoc(
        "letter",
        "v.untoc",
        "--kind",
        "engagement",
        "--language",
        "zh",
        "--format",
        "pdf",
        "-o",
        "letter-zh.pdf",
        "--date",
        "2026-11-29",
        cwd=folder,
    )
    shown = program.start_window(folder / "v.untoc", cwd=folder)
    assert "smoke test: shown v.untoc" in shown.stdout, shown.stdout + shown.stderr
    return {
        "v.pdf": pdf_text(folder / "v.pdf"),
        "v.docx": docx_text(folder / "v.docx"),
        "v-ar.pdf": pdf_text(folder / "v-ar.pdf"),
        "letter.docx": docx_text(folder / "letter.docx"),
        "letter-zh.pdf": pdf_text(folder / "letter-zh.pdf"),
    }


def check_documents(texts: dict[str, str]) -> None:
    answers = json.loads(EXAMPLE.read_text("utf-8"))
    sample = next(v for v in answers.values() if isinstance(v, str) and len(v) > 40 and v.isascii())
    words = " ".join(sample.split()[:4])
    for name in ("v.pdf", "v.docx"):
        assert "Republic of Veridia" in texts[name] and words in " ".join(texts[name].split()), name
    assert re.search(r"[\u0600-\u06ff]{3}", texts["v-ar.pdf"]), "no Arabic text in the Arabic export"
    assert "29 novembre 2026" in texts["letter.docx"] and "CJR/2026/001" in texts["letter.docx"]
    assert "2026年11月29日" in texts["letter-zh.pdf"].replace(" ", "")


def elf_files(folder: Path) -> list[Path]:
    return [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.open("rb").read(4) == b"\x7fELF"
    ]


def test_the_bundle_holds_the_listed_data_and_nothing_unused():
    present = {p.relative_to(INTERNAL).as_posix() for p in INTERNAL.rglob("*") if p.is_file()}
    assert set(bundle_data.project_manifest()) <= present
    # Found missing in an earlier frozen build: python-docx's templates (read via docx/parts/..)
    # and the typesetting engine's native library (typst is a Rust extension).
    assert (INTERNAL / "docx" / "parts").is_dir() and (INTERNAL / "docx" / "templates" / "default-header.xml").is_file()
    assert any(re.fullmatch(r"_typst\..*so", Path(name).name) for name in present)
    platforms = {re.sub(r"^libq|\.so$", "", Path(p).name) for p in present if "/plugins/platforms/" in p}
    assert platforms == {"offscreen", "minimal", "xcb"}
    unused = [
        p
        for p in present
        if re.search(r"Qt6(Network|Qml|Quick|WebEngine|Multimedia|3D|Pdf|Wayland)", p)
        or "/wayland-" in p
        or "/qmltooling/" in p
        or "/sqldrivers/" in p
    ]
    assert unused == []
    locales = {Path(p).stem.split("_")[0] for p in present if p.startswith("babel/locale-data/")}
    assert locales == {"root", *bundle_data.LANGUAGES}
    assert not [p for p in present if p.endswith(".po") or "__pycache__" in p]
    assert (BUNDLE / bundle_data.CLI_NAME).readlink() == Path(bundle_data.APP_NAME)


def test_every_library_of_the_bundle_is_found():
    missing = []
    for path in elf_files(BUNDLE):
        result = subprocess.run(
            ["ldd", str(path)],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(INTERNAL)},
        )
        missing += [
            f"{path.relative_to(BUNDLE)}: {line.strip()}" for line in result.stdout.splitlines() if "not found" in line
        ]
    assert missing == []


def test_the_bundle_works_like_the_source_without_network(tmp_path):
    bundle = Program(BUNDLE / bundle_data.CLI_NAME, BUNDLE / bundle_data.APP_NAME, tmp_path / "home", tmp_path)
    texts = drive(bundle, tmp_path / "work")
    check_documents(texts)
    # The same draft exported by the source checkout says the same thing.
    source = Program(SOURCE_UNTOC, Path(sys.executable).parent / "untoc-desktop", tmp_path / "home-source", tmp_path)
    for fmt, name in (("pdf", "v.pdf"), ("docx", "v.docx")):
        source.untoc(
            "export", tmp_path / "work" / "v.untoc", "--format", fmt, "-o", tmp_path / f"source.{fmt}", cwd=tmp_path
        )
        reference = pdf_text(tmp_path / "source.pdf") if fmt == "pdf" else docx_text(tmp_path / "source.docx")
        assert texts[name] == reference, f"the bundle's {name} differs from the source's"


def test_the_deb_declares_its_dependencies_and_installs_the_desktop_files(tmp_path):
    fields = {
        name: subprocess.run(
            ["dpkg-deb", "-f", str(DEB), name], capture_output=True, text=True, check=True
        ).stdout.strip()
        for name in ("Package", "Version", "Architecture", "Depends")
    }
    assert (fields["Package"], fields["Version"], fields["Architecture"]) == ("untoc-desktop", __version__, "amd64")
    depends = {d.strip() for d in fields["Depends"].split(",")}
    assert set(build_packages.QT_SYSTEM_PACKAGES) <= depends
    listing = subprocess.run(["dpkg-deb", "-c", str(DEB)], capture_output=True, text=True, check=True).stdout
    for path in (
        "./usr/bin/untoc -> /opt/untoc-desktop/untoc",
        "./usr/bin/untoc-desktop -> /opt/untoc-desktop/untoc-desktop",
        "./usr/share/applications/untoc-desktop.desktop",
        "./usr/share/mime/packages/untoc-desktop.xml",
        "./usr/share/icons/hicolor/scalable/apps/untoc-desktop.svg",
        "./usr/share/icons/hicolor/256x256/apps/untoc-desktop.png",
        "./opt/untoc-desktop/untoc-desktop",
        "./usr/share/doc/untoc-desktop/copyright",
    ):
        assert path in listing, path
    assert all(" root/root " in line for line in listing.splitlines())
    subprocess.run(["dpkg-deb", "-e", str(DEB), str(tmp_path / "control")], check=True)
    for script in ("postinst", "postrm"):
        text = (tmp_path / "control" / script).read_text()
        assert os.access(tmp_path / "control" / script, os.X_OK) and "update-mime-database" in text
        assert "update-desktop-database" in text


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder below ``folder`` with its size and modification time (ns)."""
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def user_files(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and "runtime" not in p.parts
    }


@pytest.mark.skipif(os.geteuid() != 0, reason="dpkg -i needs root; the next test covers the .deb's files unprivileged")
def test_the_installed_deb_works_and_an_upgrade_keeps_the_users_data(tmp_path):
    older = build_packages.build_deb(BUNDLE, tmp_path, f"{__version__}~older", tmp_path / "stage", "none")
    subprocess.run(["dpkg", "--force-unsafe-io", "-i", str(older)], check=True, capture_output=True)
    try:
        installed = Program(Path("/usr/bin/untoc"), Path("/usr/bin/untoc-desktop"), tmp_path / "home", tmp_path)
        before_folder = tmp_path / "before"
        before_folder.mkdir()
        installed.untoc(
            "new", "v.untoc", "--cluster", "1", "--country", "Veridia", "--organization", "CJR", cwd=before_folder
        )
        installed.start_window(before_folder / "v.untoc", cwd=before_folder)  # settings, backups, recent drafts
        data_dir = tmp_path / "home" / ".local" / "share" / "untoc_desktop"
        (data_dir / "definitions").mkdir(parents=True, exist_ok=True)
        (data_dir / "definitions" / "kept-by-updates.txt").write_text("imported definitions live here")
        before = user_files(tmp_path / "home")
        assert any("backups" in p for p in before) and any(p.endswith("untoc-desktop.conf") for p in before)

        subprocess.run(["dpkg", "--force-unsafe-io", "-i", str(DEB)], check=True, capture_output=True)  # the upgrade
        version = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", "untoc-desktop"], capture_output=True, text=True, check=True
        ).stdout
        assert version == __version__
        after = user_files(tmp_path / "home")
        assert {p: after.get(p) for p in before} == before, "the upgrade changed or lost the user's files"
        assert Path("/usr/share/mime/application/x-untoc-draft.xml").is_file(), (
            "postinst did not register the MIME type"
        )
        assert (
            "application/x-untoc-draft=untoc-desktop.desktop"
            in Path("/usr/share/applications/mimeinfo.cache").read_text()
        ), "postinst did not update the desktop database"
        program_folder = snapshot(INSTALLED)
        check_documents(drive(installed, tmp_path / "after"))
        assert (tmp_path / "before" / "v.untoc").is_file()  # and the old draft still opens in the new version
        installed.start_window(tmp_path / "before" / "v.untoc", cwd=tmp_path)
        assert snapshot(INSTALLED) == program_folder, "the program wrote in its installation folder"
    finally:
        subprocess.run(["dpkg", "-r", "untoc-desktop"], check=True, capture_output=True)
    assert not INSTALLED.exists(), f"files left in {INSTALLED} after removal (written by the program?)"
    assert not Path("/usr/bin/untoc").exists() and not Path("/usr/share/mime/application/x-untoc-draft.xml").exists()
    assert user_files(tmp_path / "home").keys() >= before.keys(), "removing the package touched the user's files"
    subprocess.run(["dpkg", "--purge", "untoc-desktop"], check=True, capture_output=True)  # leave dpkg's records clean


def tree(folder: Path) -> dict[str, object]:
    """Each path below ``folder``: its symbolic link target, or its size and whether it is executable."""
    return {
        str(p.relative_to(folder)): str(p.readlink())
        if p.is_symlink()
        else (p.stat().st_size, bool(p.stat().st_mode & 0o111))
        for p in folder.rglob("*")
        if not p.is_dir() or p.is_symlink()
    }


def test_the_deb_unpacked_and_the_tarball_hold_the_bundle_and_work_from_a_clean_folder(tmp_path):
    bundle = tree(BUNDLE)
    subprocess.run(["dpkg", "-x", str(DEB), str(tmp_path / "root")], check=True)
    unpacked = tmp_path / "root" / "opt" / bundle_data.APP_NAME
    assert tree(unpacked) == bundle
    with tarfile.open(TARBALL) as archive:
        assert all(m.uid == 0 and m.gid == 0 for m in archive.getmembers())
        archive.extractall(tmp_path / "tar", filter="tar")
    extracted = tmp_path / "tar" / bundle_data.APP_NAME
    assert tree(extracted) == bundle
    for folder, name in ((unpacked, "deb"), (extracted, "tar")):
        program = Program(folder / "untoc", folder / "untoc-desktop", tmp_path / f"home-{name}", tmp_path)
        if os.geteuid() != 0 and name == "deb":  # the installed-package test above needs root: do it all here
            check_documents(drive(program, tmp_path / name))
        else:
            assert program.untoc("--version", cwd=tmp_path).stdout.strip() == f"untoc {__version__}"


def test_the_bundled_window_runs_on_an_x11_screen(tmp_path):
    """The xcb platform plugin and the system's X11 libraries, as on a user's desktop (Xvfb here)."""
    folder = tmp_path / "work"
    folder.mkdir()
    env = {**user_environment(tmp_path / "home"), "QT_QPA_PLATFORM": "xcb"}
    (tmp_path / "home" / "runtime").mkdir(parents=True, mode=0o700)
    subprocess.run(
        [str(BUNDLE / "untoc"), "new", "v.untoc", "--cluster", "1", "--country", "Veridia", "--organization", "CJR"],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    shown = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(BUNDLE / "untoc-desktop"), "--smoke-test", "v.untoc"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0 and "smoke test: shown v.untoc" in shown.stdout, shown.stdout + shown.stderr
