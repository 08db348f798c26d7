"""What the frozen application carries: the one list every platform's build reads.

``packaging/untoc-desktop.spec`` (PyInstaller, used unchanged on Linux, Windows and macOS)
takes its data files, third-party packages, hidden imports and exclusions from here, so the
Linux, Windows and macOS bundles carry the same files by construction
(``tests/packaging/test_specs.py`` checks it). The Inno Setup script and the macOS ``.app``
take the whole PyInstaller folder; the ``.deb`` and the tarball take it too.

To bundle a new dependency's data (fonts, templates, compiled libraries), add its import name
to :data:`THIRD_PARTY_PACKAGES` (data files + shared libraries) or, for a package whose
modules are imported dynamically (for example a Rust extension such as ``typst``), to
:data:`COLLECT_ALL_PACKAGES`. This module needs neither PyInstaller nor the project installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Name of the bundle folder, of the .deb package and of the window's executable.
APP_NAME = "untoc-desktop"
#: Name of the command-line executable (on Linux and macOS a symbolic link to the same program).
CLI_NAME = "untoc"
#: MIME type of a draft file; its magic is the SQLite header and our ``application_id``.
DRAFT_MIME_TYPE = "application/x-untoc-draft"
#: Extension of a draft file (without the dot).
DRAFT_EXTENSION = "untoc"
#: ``PRAGMA application_id`` of a draft ("UNTC"), stored big-endian at byte 68 of the file.
DRAFT_APPLICATION_ID = 0x554E5443
#: Reverse-DNS identifier (macOS bundle identifier, UTI of the draft type, .desktop file name).
APP_ID = "org.untoc.desktop"
DRAFT_UTI = "org.untoc.draft"


@dataclass(frozen=True)
class ProjectData:
    """Files of this project copied into the bundle.

    Attributes:
        pattern: glob relative to the project root (``**`` allowed).
        destination: folder in the bundle (relative to its contents folder) that mirrors
            ``base``; files keep their path below ``base``.
        base: folder of the source tree the pattern's matches are relative to.
        required: whether an empty match is an error (``False`` for hooks waiting for data,
            such as spell-check dictionaries).
    """

    pattern: str
    base: str
    destination: str
    required: bool = True


#: The project's own data. The destinations mirror the source tree because the code finds
#: these files relative to the package (``Path(__file__).parent.parent / "translations"``,
#: ``resources/fonts``, ``resources/letters``) or through ``importlib.resources``.
PROJECT_DATA: tuple[ProjectData, ...] = (
    # Fonts embedded in PDF exports, with their licences.
    ProjectData("resources/fonts/*", "resources/fonts", "resources/fonts"),
    # Shipped letter templates (one folder per language) and the list of their fields.
    ProjectData("resources/letters/**/*.docx", "resources/letters", "resources/letters"),
    ProjectData("resources/letters/FIELDS.md", "resources/letters", "resources/letters"),
    # Questionnaire definitions, their JSON schema and the States parties table.
    ProjectData("untoc_desktop/forms/*.yaml", "untoc_desktop/forms", "untoc_desktop/forms"),
    ProjectData("untoc_desktop/forms/*.json", "untoc_desktop/forms", "untoc_desktop/forms"),
    ProjectData("untoc_desktop/forms/*.csv", "untoc_desktop/forms", "untoc_desktop/forms"),
    # Alembic reads env.py, the template and the migration scripts as files, not from the archive.
    ProjectData(
        "untoc_desktop/draft/migrations/**/*.py", "untoc_desktop/draft/migrations", "untoc_desktop/draft/migrations"
    ),
    ProjectData(
        "untoc_desktop/draft/migrations/*.mako", "untoc_desktop/draft/migrations", "untoc_desktop/draft/migrations"
    ),
    # The offline user guide (Help > User guide) and the Typst templates of the PDFs.
    ProjectData("untoc_desktop/help/*.html", "untoc_desktop/help", "untoc_desktop/help"),
    ProjectData("untoc_desktop/**/*.typ", "untoc_desktop", "untoc_desktop"),
    # Compiled interface translations: build output of `make translations`, never the .po sources.
    ProjectData("translations/*/LC_MESSAGES/*.mo", "translations", "translations"),
    # Hook for spell-check dictionaries (Hunspell .dic/.aff per language): none yet. When the
    # project adds resources/dictionaries/, they are bundled here with no other change.
    ProjectData("resources/dictionaries/**/*", "resources/dictionaries", "resources/dictionaries", required=False),
)

#: Third-party packages whose data files and shared libraries are bundled
#: (``collect_data_files`` + ``collect_dynamic_libs``). One line per package.
THIRD_PARTY_PACKAGES: tuple[str, ...] = (
    "docx",  # templates/ read from docx/parts/../templates (see MODULES_AS_FILES)
    "docxtpl",
    "babel",  # CLDR data, trimmed to the six languages by keep_babel_locale()
    "jsonschema_specifications",  # JSON meta-schemas jsonschema loads at run time
    "pyhanko",  # PDF signatures
    "pyhanko_certvalidator",
    "segno",  # QR code of the public key
    "enchant",  # spell checking (the Enchant library and Hunspell dictionaries come from the system)
)

#: Packages bundled whole (data, shared libraries and every submodule), for dependencies that
#: import their own modules dynamically. Add e.g. "typst" here when the project uses it.
COLLECT_ALL_PACKAGES: tuple[str, ...] = ("typst", "pyrage", "re2", "keyring")

#: Modules imported in a way PyInstaller cannot see.
HIDDEN_IMPORTS: tuple[str, ...] = (
    "alembic.context",  # used by migrations/env.py, which is read as a file
    "alembic.op",  # used by the migration scripts
    "untoc_desktop.draft.models",  # imported by env.py
)

#: Packages also kept as .py files beside the archive, because they find their data through
#: their own ``__file__`` folder (``docx/parts/../templates`` needs ``docx/parts`` to exist).
MODULES_AS_FILES: tuple[str, ...] = ("docx",)

#: Python modules never bundled (unused Qt modules and heavy standard-library parts).
EXCLUDED_MODULES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "test",
    "unittest",
    "readline",
    # Exports hold no images: Pillow's codecs and font/colour modules stay out if a library imports it.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL.ImageQt",
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",  # python-docx and docxtpl use lxml.etree only
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvgWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    "PySide6.QtWebSockets",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
    "PySide6.QtSpatialAudio",
    "PySide6.QtStateMachine",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtNfc",
    "PySide6.QtTextToSpeech",
    "PySide6.QtGraphs",
)

#: The six UN languages: Babel locale data, Qt's own catalogues and country names are kept for
#: these (and their regional variants) only.
LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh")

#: Qt platform plugins kept: the screen-less ones (offscreen, minimal) and the native one.
QT_PLATFORMS: tuple[str, ...] = ("offscreen", "minimal", "xcb", "windows", "cocoa")

#: Qt plugin folders left out: unused features (network, QML, SQL, Wayland compositors...).
#: Without the Wayland plugin, Qt uses X11 (XWayland) on a Wayland desktop.
QT_PLUGIN_FOLDERS_EXCLUDED: tuple[str, ...] = (
    "designer",
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "qmltooling",
    "sqldrivers",
    "tls",
    "printsupport",
    "position",
    "multimedia",
    "renderers",
    "sceneparsers",
    "geometryloaders",
    "webview",
    "canbus",
    "sensors",
    "texttospeech",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
    "vectorimageformats",
)
#: Single Qt plugins left out: the GTK theme drags in cairo, pango and friends yet only loads
#: where GTK is installed (whose libraries would then be the system's anyway).
QT_PLUGINS_EXCLUDED: tuple[str, ...] = ("libqgtk3.so",)

#: Qt libraries left out (no module or kept plugin of ours uses them).
QT_LIBRARIES_EXCLUDED = re.compile(
    r"(?:lib)?Qt6(?:Quick|Qml|Network|Pdf|Wayland|VirtualKeyboard|WebEngine|Multimedia|3D|Sql|Test|Designer"
    r"|Help|Charts|DataVisualization|ShaderTools|Labs|Positioning|WebChannel|WebSockets|SerialPort|Bluetooth"
    r"|Nfc|Sensors|TextToSpeech|Graphs|Quick3D|SpatialAudio|StateMachine|Scxml|RemoteObjects|HttpServer|Location"
    r"|Concurrent|PrintSupport|UiTools|Xml|SvgWidgets|OpenGLWidgets|EglFSDeviceIntegration|EglFsKmsSupport"
    r"|WlShellIntegration)",
)


def project_data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """The project's data files as PyInstaller ``datas`` pairs.

    Args:
        root: the project's source tree.

    Returns:
        ``(absolute source file, destination folder in the bundle)`` pairs, sorted.

    Raises:
        FileNotFoundError: a required pattern matches nothing (for example the ``.mo`` files
            when ``make translations`` was not run).
    """
    pairs: list[tuple[str, str]] = []
    for entry in PROJECT_DATA:
        matches = sorted(p for p in root.glob(entry.pattern) if p.is_file() and "__pycache__" not in p.parts)
        if not matches and entry.required:
            raise FileNotFoundError(f"nothing matches {entry.pattern} in {root} (run `make translations`?)")
        for path in matches:
            below = path.parent.relative_to(root / entry.base)
            pairs.append((str(path), str(Path(entry.destination) / below)))
    return sorted(set(pairs))


def project_manifest(root: Path = ROOT) -> list[str]:
    """Paths (POSIX, relative to the bundle's contents folder) of the project's bundled data files."""
    return sorted(str(Path(dest, Path(src).name).as_posix()) for src, dest in project_data_files(root))


def keep_babel_locale(destination: str) -> bool:
    """Whether a Babel data file is kept: everything but locale files outside the six languages.

    ``babel/locale-data/root.dat`` and ``<lang>[_Script][_REGION].dat`` of :data:`LANGUAGES`
    stay; country names (``Locale.territories``) and dates need nothing else.

    Args:
        destination: the file's path in the bundle, e.g. ``babel/locale-data/de_AT.dat``.
    """
    path = Path(destination)
    if path.parent.as_posix() != "babel/locale-data":
        return True
    language = path.stem.split("_")[0]
    return language == "root" or language in LANGUAGES


def keep_qt_file(destination: str) -> bool:
    """Whether a file PyInstaller's PySide6 hooks collected is kept in the bundle.

    Drops unused plugin folders, platform plugins other than :data:`QT_PLATFORMS`, libraries
    of unused Qt modules and Qt's catalogues outside :data:`LANGUAGES`.

    Args:
        destination: the file's path in the bundle, e.g. ``PySide6/Qt/plugins/platforms/libqvnc.so``.
    """
    parts = Path(destination).parts
    if not parts or parts[0] != "PySide6":
        return True
    name = parts[-1]
    if QT_LIBRARIES_EXCLUDED.match(name):
        return False
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        if folder in QT_PLUGIN_FOLDERS_EXCLUDED or name in QT_PLUGINS_EXCLUDED:
            return False
        if folder == "platforms":
            plugin = re.sub(r"^(?:lib)?q", "", name.split(".")[0])
            return plugin in QT_PLATFORMS
    if "translations" in parts and name.endswith(".qm"):
        match = re.match(r"(qt|qtbase)_([a-z]{2})", name)
        return bool(match) and match.group(2) in LANGUAGES
    return True


def keep_in_bundle(destination: str) -> bool:
    """Whether a collected file (binary or data) stays in the bundle (the lean rules in one place)."""
    return keep_babel_locale(destination) and keep_qt_file(destination)
