"""The composition root: builds the services and the main window, then runs the event loop."""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import cast

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..i18n import _, interface_language
from ..opening import open_draft
from ..questionnaire.registry import DefinitionRegistry
from .fonts import register_interface_fonts
from .interface_language import apply_interface_language, choose_interface_language
from .style import STYLE_SHEET
from .window.export import export_submission
from .window.focus_return import FocusReturn
from .window.main_window import MainWindow
from .window.recent import RecentDrafts

log = logging.getLogger(__name__)
ORGANIZATION = "untoc_desktop"
APPLICATION = "untoc-desktop"
#: Version of the settings layout; raise it and add an upgrade step when keys change.
SETTINGS_VERSION = 1
#: Option for packaging checks and start-up measurements: quit as soon as the window is shown.
SMOKE_TEST = "--smoke-test"


def user_settings() -> QSettings:
    """The user's settings (platform-native store), upgraded to :data:`SETTINGS_VERSION`."""
    settings = QSettings(ORGANIZATION, APPLICATION)
    # QSettings.value is typed object: the version is stored as an int, or read back as its text (INI files)
    if int(cast(int | str, settings.value("settings/version", 0) or 0)) < SETTINGS_VERSION:
        settings.setValue("settings/version", SETTINGS_VERSION)
    return settings


def build_main_window(argv: Sequence[str], settings: QSettings, interface_language: str = "en") -> MainWindow:
    """Build the main window and its services; open the draft named in ``argv`` if any.

    Args:
        argv: command-line arguments after the program name; the first that is not an option is a draft path.
        settings: user settings (tests pass a temporary INI file).
        interface_language: language of the interface, for country names.
    """
    registry = DefinitionRegistry()
    window = MainWindow(
        definition_for_cluster=registry.for_cluster,
        # Opening, reading and saving answers are plain SQL: no SQLAlchemy before (or after) the first paint.
        open_submission=lambda path, break_lock=False: open_draft(path, registry, lock=True, break_lock=break_lock),
        # Provisional clusters (article list not confirmed) are offered with a visible note.
        available_clusters=registry.clusters(),
        recent=RecentDrafts(settings),
        settings=settings,
        export_function=export_submission,
        interface_language=interface_language,
        registry=registry,
    )
    path = draft_argument(argv)
    if path is not None:
        window.open_draft(path)
    return window


def draft_argument(argv: Sequence[str]) -> Path | None:
    """The draft named on the command line: the first argument that is not an option."""
    paths = [a for a in argv if not a.startswith("-")]
    return Path(paths[0]) if paths else None


def unexpected_error_hook(window_parent: QApplication, unsaved: Callable[[], int] = lambda: 0) -> object:
    """The ``sys.excepthook`` of the application: log the error and tell the user, never with a traceback.

    Args:
        window_parent: the application (its active window parents the message).
        unsaved: number of answers in the window not yet in the draft file; while some are, the
            message says so instead of calling the answers safe.
    """

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        try:
            count = unsaved()
        except Exception:  # noqa: BLE001 (the hook must never fail itself; assume the worst)
            count = -1
        if count == 0:
            advice = _("Your answers saved so far are safe in the draft file.")
        else:
            advice = _(
                "Some answers in the window are not saved in the draft file yet: keep the window open and "
                "use File > Save As to save the draft elsewhere."
            )
        QMessageBox.critical(
            window_parent.activeWindow(),
            _("Unexpected problem"),
            _("Something unexpected went wrong: {problem}").format(problem=exc) + "\n" + advice,
        )

    return hook


def prepare_application(app: QApplication, settings: QSettings) -> str:
    """Set up the application before its first window: bundled fonts, interface language, style sheet.

    :func:`main` calls it, and so does the start-up benchmark (``benchmarks/startup_child.py``), so
    that what is measured is what a user waits for.

    Args:
        app: the application.
        settings: the user's settings (the chosen interface language).

    Returns:
        The interface language applied (one of the six codes).
    """
    register_interface_fonts()  # Arabic and Chinese drawn even without system fonts for them
    # Our catalogue, Qt's own and the layout direction all follow the one interface language.
    apply_interface_language(app, choose_interface_language(settings))
    app.setStyleSheet(STYLE_SHEET)
    FocusReturn(app)  # the keyboard back to the window when a dialog closes, even without a window manager
    return interface_language()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop application.

    Args:
        argv: command-line arguments without the program name (default ``sys.argv[1:]``):
            an optional path of a draft to open.

    Returns:
        The process exit status.
    """
    logging.basicConfig(level=os.environ.get("UNTOC_LOG_LEVEL", "WARNING"))
    app = QApplication.instance() or QApplication(sys.argv[:1] + list(sys.argv[1:] if argv is None else argv))
    assert isinstance(app, QApplication)
    # Qt removes its own options (-style, -platform...) from app.arguments(); what is left is ours.
    arguments = app.arguments()[1:] if argv is None else list(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    settings = user_settings()
    prepare_application(app, settings)
    windows: list[MainWindow] = []
    sys.excepthook = unexpected_error_hook(  # type: ignore[assignment]
        app, lambda: sum(len(w.autosave.unsaved()) for w in windows if w.autosave is not None)
    )
    window = build_main_window([], settings, interface_language=interface_language())
    windows.append(window)
    window.show()  # before opening, so that an error message has its window behind it
    # The keyboard on the window: a window manager does it, but without one (a bare X session) the
    # keys went nowhere until the window was clicked.
    window.activateWindow()
    close_on_termination(window)
    if SMOKE_TEST in arguments:
        smoke_test(app, window)
    path = draft_argument(arguments)
    if path is not None:
        window.open_draft(path)
    resume_garbage_collection(window)
    return app.exec()


def resume_garbage_collection(window: MainWindow) -> None:
    """End the start-up pause of the garbage collector (:mod:`untoc_desktop.launcher`); nothing when not paused.

    What start-up made is frozen (:func:`gc.freeze`: later collections skip it, since the modules,
    classes and window live as long as the program), then the collector runs as usual for whatever
    is made after. The draft opened at start-up is frozen with the rest: when it is closed, every
    frozen object is handed back to the collector (:func:`gc.unfreeze`), so nothing of it is kept.
    """
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
    window.draft_released.connect(gc.unfreeze)


def smoke_test(app: QApplication, window: QWidget) -> None:
    """Quit once the window is shown (``--smoke-test``): exit status 0, or 1 if a message came up instead.

    Used by the installed package's checks (``make package-test``) and the start-up benchmark.
    Prints ``smoke test: shown <window title>`` on standard output (``smoke test: failed: …`` when a
    message came up), and each message box's text (which it dismisses, so the check never hangs) on
    standard error.
    """
    problems: list[str] = []

    def check() -> None:
        modal = app.activeModalWidget()
        if modal is not None:
            problems.append(f"{modal.windowTitle()}: {modal.text() if isinstance(modal, QMessageBox) else ''}")
            print(f"smoke test: message: {problems[-1]}", file=sys.stderr, flush=True)
            modal.close()
            QTimer.singleShot(0, check)
            return
        if problems:  # the window came up, but a message came up first: not what was asked for
            print(f"smoke test: failed: {len(problems)} message(s) instead of the window alone", flush=True)
        else:
            print(f"smoke test: shown {window.windowTitle()}", flush=True)
        window.close()  # releases the draft as a user's close would
        app.exit(1 if problems else 0)

    QTimer.singleShot(0, check)


def close_on_termination(window: QWidget) -> None:
    """Close ``window`` normally (saving pending edits) when the process is asked to stop (SIGTERM, SIGHUP, SIGINT).

    SIGINT is Ctrl+C in the terminal that started the application (``make run`` on an Xvfb screen
    has no window to close): it closes the draft as the window's own Close would, instead of
    ending in a ``KeyboardInterrupt`` that left the draft's lock behind.

    Python runs signal handlers only between bytecodes, so a light timer keeps the
    interpreter ticking while Qt's event loop waits.
    """

    def stop(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
