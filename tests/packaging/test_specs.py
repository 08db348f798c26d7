"""The installer specifications parse, and every platform's build bundles the same files.

The Linux bundle itself is built and run by ``make package-test`` (packaging/tests/); these checks
need no build and run on every ``make test``.
"""

import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_data  # noqa: E402

from untoc_desktop import __version__  # noqa: E402


class _Target:
    """Stands in for PyInstaller's build targets: records what the spec asks for."""

    made: list["_Target"] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        _Target.made.append(self)


class _Analysis(_Target):
    def __init__(self, scripts, **kwargs):
        super().__init__(scripts, **kwargs)
        # PyInstaller turns (source, destination folder) pairs into (destination file, source, type).
        self.datas = [(str(Path(dest, Path(src).name).as_posix()), src, "DATA") for src, dest in kwargs["datas"]]
        self.binaries = [
            (str(Path(dest, Path(src).name).as_posix()), src, "BINARY") for src, dest in kwargs["binaries"]
        ]
        self.pure, self.scripts = [], []


class _EXE(_Target):
    pass


class _BUNDLE(_Target):
    pass


def run_spec(platform, monkeypatch, tmp_path):
    """Evaluate packaging/untoc-desktop.spec as PyInstaller would on ``platform``; returns the targets made."""
    monkeypatch.setattr(sys, "platform", platform)
    _Target.made = []
    namespace = {
        "SPECPATH": str(PACKAGING),
        "DISTPATH": str(tmp_path / platform),
        "__file__": "spec",
        "Analysis": _Analysis,
        "PYZ": _Target,
        "EXE": _EXE,
        "COLLECT": _Target,
        "BUNDLE": _BUNDLE,
    }
    (tmp_path / platform / bundle_data.APP_NAME).mkdir(parents=True, exist_ok=True)
    exec(compile((PACKAGING / "untoc-desktop.spec").read_text("utf-8"), "untoc-desktop.spec", "exec"), namespace)
    return list(_Target.made)


def bundled(targets):
    (analysis,) = [t for t in targets if isinstance(t, _Analysis)]
    return sorted(d[0] for d in analysis.datas), sorted(b[0] for b in analysis.binaries), analysis


def test_linux_windows_and_macos_bundle_the_same_data_files(monkeypatch, tmp_path):
    linux, windows, macos = (run_spec(p, monkeypatch, tmp_path) for p in ("linux", "win32", "darwin"))
    linux_datas, _, analysis = bundled(linux)
    assert bundled(windows)[0] == linux_datas == bundled(macos)[0]
    # ... and they include every file of the one list, plus the third-party data found broken before.
    assert set(bundle_data.project_manifest()) <= set(linux_datas)
    assert {
        "docx/templates/default-header.xml",
        "docx/templates/default.docx",
        "translations/fr/LC_MESSAGES/untoc_desktop.mo",
        "untoc_desktop/draft/migrations/env.py",
        "babel/locale-data/ar.dat",
        "babel/locale-data/zh_Hant.dat",
        "babel/global.dat",
    } <= set(linux_datas)
    assert not any(d.endswith(".po") for d in linux_datas)
    assert "babel/locale-data/de.dat" not in linux_datas
    assert {"typst", "typst._typst", "pyrage"} <= set(analysis.kwargs["hiddenimports"])  # native, imported by name
    assert analysis.kwargs["module_collection_mode"] == {"docx": "pyz+py"}


def test_the_executables_of_each_platform(monkeypatch, tmp_path):
    names = {
        p: [(e.kwargs["name"], e.kwargs["console"]) for e in run_spec(p, monkeypatch, tmp_path) if isinstance(e, _EXE)]
        for p in ("linux", "win32", "darwin")
    }
    assert names["win32"] == [("untoc-desktop", False), ("untoc", True)]
    assert names["linux"] == [("untoc-desktop", True)]
    assert (tmp_path / "linux" / "untoc-desktop" / "untoc").readlink() == Path("untoc-desktop")
    (app,) = [t for t in run_spec("darwin", monkeypatch, tmp_path) if isinstance(t, _BUNDLE)]
    assert app.kwargs["name"] == "untoc-desktop.app" and app.kwargs["bundle_identifier"] == bundle_data.APP_ID
    assert app.kwargs["info_plist"]["CFBundleShortVersionString"] == __version__
    assert app.kwargs["info_plist"]["CFBundleDocumentTypes"][0]["LSItemContentTypes"] == [bundle_data.DRAFT_UTI]


def test_the_macos_info_plist_declares_the_draft_type():
    with open(PACKAGING / "macos" / "Info.plist", "rb") as handle:
        info = plistlib.load(handle)
    (document,) = info["CFBundleDocumentTypes"]
    assert document["CFBundleTypeRole"] == "Editor" and document["LSHandlerRank"] == "Owner"
    assert document["CFBundleTypeExtensions"] == [bundle_data.DRAFT_EXTENSION]
    (exported,) = info["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == bundle_data.DRAFT_UTI == document["LSItemContentTypes"][0]
    assert "public.data" in exported["UTTypeConformsTo"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [bundle_data.DRAFT_EXTENSION]
    assert tags["public.mime-type"] == [bundle_data.DRAFT_MIME_TYPE]


def _unquote(value):
    return value[1:-1].replace('""', '"') if len(value) > 1 and value[0] == value[-1] == '"' else value


def parse_iss(text):
    """Inno Setup script -> ({define: value}, {section: [entries]}); an entry is a dict (``Key: value;``) or a
    ``Key=value`` pair. Raises ValueError on a line that fits neither form."""
    defines, sections, current = {}, {}, None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            match = re.match(r'#define\s+(\w+)\s+"([^"]*)"', line)
            if match:
                defines.setdefault(match.group(1), match.group(2))
            elif not re.match(r"#(ifndef|endif)\b", line):
                raise ValueError(f"line {number}: unknown directive {line}")
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current is None:
            raise ValueError(f"line {number}: outside a section")
        elif current == "Setup":
            key, sep, value = line.partition("=")
            if not sep:
                raise ValueError(f"line {number}: not Key=Value")
            sections[current].append((key.strip(), value.strip()))
        else:
            fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line)
            if not fields:
                raise ValueError(f"line {number}: not Key: value; pairs")
            sections[current].append({k: _unquote(v.strip()) for k, v in fields})
    return defines, sections


def test_the_inno_setup_script_installs_the_bundle_and_associates_drafts():
    iss = PACKAGING / "windows" / "untoc-desktop.iss"
    defines, sections = parse_iss(iss.read_text("utf-8"))
    assert {"Setup", "Files", "Icons", "Registry", "Run", "Languages"} <= set(sections)
    setup = dict(sections["Setup"])
    assert setup["ChangesAssociations"] == "yes"
    assert (iss.parent / setup["SetupIconFile"]).is_file()
    assert defines["AppExe"] == f"{bundle_data.APP_NAME}.exe" and defines["AppVersion"] == __version__
    # The whole PyInstaller folder: the same files as the Linux bundle, by construction.
    (files,) = sections["Files"]
    source = Path(*files["Source"].split("\\"))
    assert (iss.parent / source).resolve() == (ROOT / "dist" / bundle_data.APP_NAME / "*").resolve()
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())
    registry = {(e["Subkey"], e["ValueName"]): e["ValueData"] for e in sections["Registry"]}
    prog_id = registry[(r"Software\Classes\.untoc", "")]
    assert prog_id == "{#ProgId}" and defines["ProgId"]
    assert registry[(r"Software\Classes\.untoc", "Content Type")] == bundle_data.DRAFT_MIME_TYPE
    assert registry[(r"Software\Classes\{#ProgId}\shell\open\command", "")] == '"{app}\\{#AppExe}" "%1"'


def test_the_inno_setup_parser_refuses_a_broken_script():
    with pytest.raises(ValueError):
        parse_iss("[Setup]\nAppName UNTOC\n")
    with pytest.raises(ValueError):
        parse_iss('Source: "x"\n')


def test_the_ci_workflow_builds_each_system_with_the_one_spec():
    workflow = yaml.safe_load((PACKAGING / "ci" / "github-packages.yml").read_text("utf-8"))
    jobs = workflow["jobs"]
    assert {job["runs-on"].split("-")[0] for job in jobs.values()} == {"ubuntu", "windows", "macos"}
    runs = {name: "\n".join(step.get("run", "") for step in job["steps"]) for name, job in jobs.items()}
    assert "make PYTHON=python3 package-test" in runs["linux"] and "build-appimage.sh" in runs["linux"]
    for name in ("windows", "macos"):
        assert "packaging/untoc-desktop.spec" in runs[name].replace("\\", "/")
        assert "--smoke-test" in runs[name]
    assert "packaging\\windows\\untoc-desktop.iss" in runs["windows"]
    for script in (PACKAGING / "appimage" / "build-appimage.sh", ROOT / ".ci" / "run"):
        subprocess.run(["sh", "-n", str(script)], check=True)
