"""Screenshots of the desktop application for a person to look at: clipped text, layouts, contrast, languages.

Runs the real window (as ``untoc-desktop`` builds it) on an Xvfb virtual screen of the size asked,
with a sample draft (the fictional Veridia answers of ``examples/cluster1-answers.json`` for the
Convention; the Protocols left to answer), in the interface language asked, and saves PNGs:

- ``<language>-<size>-screen.png``: the whole virtual screen (does the window fit, is the status bar seen?);
- ``<language>-<size>-main.png``: the main window on the first article;
- ``<language>-<size>-page.png``: a page with answers (Convention, article 5, paragraph 1(b));
- ``<language>-<size>-dialog-new-draft.png``, ``-dialog-letter.png``, ``-dialog-sign.png``: three dialogs;
- ``<language>-<size>-screen-letter.png``: the whole screen with the largest dialog (the letter) open.

Usage::

    python tools/screenshots.py --size 1366x768 --language en --out screenshots/
    python tools/screenshots.py --size 1024x700 --language ar --text-size 2

Without a display it starts itself again under ``xvfb-run -a -s '-screen 0 WxHx24'`` (``--no-xvfb``
uses whatever ``QT_QPA_PLATFORM``/``DISPLAY`` says). ``--language`` sets ``LANGUAGE``, ``LANG`` and
``LC_ALL`` before Qt starts, so the application picks the language as it does from the system locale.
Nothing touches the user's settings or data: everything lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ANSWERS = ROOT / "examples" / "cluster1-answers.json"
#: The page with answers, and the POSIX locale each interface language is started in.
PAGE_PARAGRAPH = "UNTOC.5.1(b)"
LOCALES = {
    "en": "en_GB.UTF-8",
    "fr": "fr_FR.UTF-8",
    "es": "es_ES.UTF-8",
    "ar": "ar_EG.UTF-8",
    "ru": "ru_RU.UTF-8",
    "zh": "zh_CN.UTF-8",
}


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768", help="virtual screen size, WIDTHxHEIGHT (default 1366x768)")
    parser.add_argument("--language", default="en", help="interface language: en, fr, es, ar, ru, zh, or a locale")
    parser.add_argument("--out", default="screenshots", type=Path, help="folder for the PNG files")
    parser.add_argument("--text-size", default=0, type=int, help="View > Text size steps (default 0)")
    parser.add_argument("--no-xvfb", action="store_true", help="do not start Xvfb (a display is already there)")
    return parser.parse_args(argv)


def under_xvfb(arguments: argparse.Namespace, argv: list[str]) -> int | None:
    """Start this script again under Xvfb when there is no display; its exit status, or ``None`` to go on here."""
    if arguments.no_xvfb or os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("No display and no xvfb-run: install xvfb, or give --no-xvfb with QT_QPA_PLATFORM=offscreen.")
    width, height = arguments.size.split("x")
    command = [xvfb, "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable, __file__, *argv, "--no-xvfb"]
    return subprocess.run(command, check=False).returncode


def set_locale(language: str, home: Path) -> None:
    """Environment of the application: the interface language, and user folders inside ``home``."""
    locale = LOCALES.get(language, language if "." in language else f"{language}.UTF-8")
    os.environ.update(LANGUAGE=language, LANG=locale, LC_ALL=locale, QT_QPA_PLATFORMTHEME="")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(home / variable.lower())


def sample_draft(folder: Path) -> Path:
    """A cluster 1 draft of the fictional Veridia: the Convention answered, the Protocols still to answer."""
    import json

    from untoc_desktop.answers import check_answers
    from untoc_desktop.draft import Draft, DraftInfo
    from untoc_desktop.questionnaire import load_installed_definition

    definition = load_installed_definition(1)
    info = DraftInfo(
        organization="Coalition for Justice and Rights — Veridia",
        country="Republic of Veridia",
        cluster=1,
        protocols=frozenset({"TIP", "SOM", "FIREARMS"}),
        language="en",
        author="A. Researcher",
        definition_id=definition.id,
        definition_version=definition.version,
    )
    answers = json.loads(SAMPLE_ANSWERS.read_text(encoding="utf-8"))
    convention = {qid: value for qid, value in answers.items() if qid.startswith("UNTOC.")}
    check_answers(definition, convention)
    path = folder / "veridia.untoc"
    draft = Draft.create(path, info)
    try:
        draft.set_answers(convention)
    finally:
        draft.close()
    return path


def start_language(app: object, settings: object) -> str:
    """Set the interface language from the environment as ``untoc_desktop.ui.app.main`` does; the code used."""
    try:  # the language registry (ui/interface_language.py): catalogue, Qt's catalogue and direction
        from untoc_desktop.i18n import interface_language
        from untoc_desktop.ui.interface_language import apply_interface_language, choose_interface_language
    except ImportError:  # before it: our catalogue and Qt's, from the system locale
        from PySide6.QtCore import QLocale

        from untoc_desktop.i18n import set_language
        from untoc_desktop.ui.app import install_qt_translations

        language = set_language(QLocale.system().name())
        install_qt_translations(app, language)
        return language
    apply_interface_language(app, choose_interface_language(settings))
    return interface_language()


def settle(app: object, seconds: float = 0.6) -> None:
    """Let the window lay itself out and paint (the event loop runs for ``seconds``)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def take(arguments: argparse.Namespace, home: Path) -> list[Path]:
    """Build the window and save the screenshots; returns the files written."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from untoc_desktop.ui.app import build_main_window
    from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog
    from untoc_desktop.ui.dialogs.signing_dialogs import SignExportDialog
    from untoc_desktop.ui.letters.letters_dialog import NewLetterDialog
    from untoc_desktop.ui.style import STYLE_SHEET
    from untoc_desktop.ui.window.appearance import TEXT_SIZE_KEY

    app = QApplication([sys.argv[0]])
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    language = start_language(app, settings)
    app.setStyleSheet(STYLE_SHEET)
    settings.setValue(TEXT_SIZE_KEY, arguments.text_size)
    draft = sample_draft(home)
    window = build_main_window([], settings, interface_language=language)
    window.show()
    window.activateWindow()  # Xvfb has no window manager to do it: without it nothing has the focus
    settle(app)
    if not window.open_draft(draft):
        sys.exit("The sample draft did not open.")
    settle(app, 1.0)
    arguments.out.mkdir(parents=True, exist_ok=True)
    stem = f"{arguments.language}-{arguments.size}"
    written = []

    def save(pixmap: object, name: str) -> None:
        path = arguments.out / f"{stem}-{name}.png"
        if not pixmap.save(str(path)):  # type: ignore[attr-defined]
            sys.exit(f"Could not write {path}")
        written.append(path)

    screen = window.screen()
    save(screen.grabWindow(0), "screen")
    save(window.grab(), "main")
    window.draft_view.select(PAGE_PARAGRAPH)
    window.draft_view.enter_page()  # as Enter in the tree: the paragraph's first question has the focus
    settle(app)
    save(window.grab(), "page")
    dialogs = {
        "dialog-new-draft": lambda: NewDraftDialog([1, 2, 3, 4], language, {}, window),
        "dialog-letter": lambda: NewLetterDialog(window.session, window),
        "dialog-sign": lambda: SignExportDialog(window.session, window, lambda _message: None),
    }
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        dialog.activateWindow()  # as a window manager does (and the window then keeps it inside the screen)
        settle(app)
        save(dialog.grab(), name)
        if name == "dialog-letter":  # the largest dialog: is it inside the screen?
            save(screen.grabWindow(0), "screen-letter")
        dialog.close()
    window.close()
    settle(app, 0.2)
    return written


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots; prints the files written."""
    argv = sys.argv[1:] if argv is None else argv
    arguments = parse_arguments(argv)
    status = under_xvfb(arguments, argv)
    if status is not None:
        return status
    with tempfile.TemporaryDirectory(prefix="untoc-screenshots-") as folder:
        set_locale(arguments.language, Path(folder))
        sys.path.insert(0, str(ROOT))
        for path in take(arguments, Path(folder)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
