"""The keyboard comes back to the window when a dialog closes, even without a window manager.

Found on X11 with no window manager: after Preferences was closed with Escape, Ctrl+Q did nothing
until the window was clicked. The offscreen platform behaves the same way, so it shows both the
fault and the fix.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from ui_helpers import run_window_probe

from untoc_desktop.ui.window.focus_return import FocusReturn


@pytest.fixture
def focus_return(qapp):
    watcher = FocusReturn(qapp)
    yield watcher
    shiboken6.delete(watcher)  # not left on the shared application for later tests


def shown_and_focused(qtbot, widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is widget.windowHandle(), timeout=3000)


def window_and_modal_dialog(qtbot) -> tuple[QWidget, QDialog]:
    """A window with the keyboard, then a modal dialog over it with the keyboard."""
    window = QWidget()
    qtbot.addWidget(window)
    shown_and_focused(qtbot, window)
    dialog = QDialog(window)
    dialog.setModal(True)
    shown_and_focused(qtbot, dialog)
    return window, dialog


def settle() -> None:
    for _turn in range(5):
        QApplication.processEvents()


def test_without_it_a_closed_dialog_leaves_no_window_with_the_keyboard(qtbot):
    window, dialog = window_and_modal_dialog(qtbot)
    dialog.reject()
    settle()
    assert QApplication.focusWindow() is None  # the fault, as on X11 without a window manager


def test_the_window_gets_the_keyboard_back_when_its_dialog_closes(qtbot, focus_return):
    window, dialog = window_and_modal_dialog(qtbot)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle(), timeout=3000)


def test_a_message_over_a_dialog_gives_the_keyboard_back_to_the_dialog_then_to_the_window(qtbot, focus_return):
    window, dialog = window_and_modal_dialog(qtbot)
    message = QMessageBox(QMessageBox.Icon.Warning, "Preferences", "Not saved.", parent=dialog)
    shown_and_focused(qtbot, message)
    message.accept()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle(), timeout=3000)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle(), timeout=3000)


def test_a_window_that_is_not_modal_is_left_to_the_window_manager(qtbot, focus_return):
    window = QWidget()
    qtbot.addWidget(window)
    shown_and_focused(qtbot, window)
    log = QDialog(window)  # a non-modal dialog, like the letter log
    shown_and_focused(qtbot, log)
    log.close()
    settle()
    assert QApplication.focusWindow() is None


PROBE = """
import json, os, sys, tempfile
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from untoc_desktop.ui.app import build_main_window, prepare_application
app = QApplication([])
settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
window = build_main_window([], settings, interface_language=prepare_application(app, settings))
window.show()
window.activateWindow()
seen = {}

def close_preferences():
    dialog = QApplication.activeModalWidget()
    seen["closed"] = type(dialog).__name__
    dialog.reject()  # as Escape does

def open_preferences():
    QTimer.singleShot(200, close_preferences)
    window.encrypted.preferences_action.trigger()  # runs until the dialog is closed
    QTimer.singleShot(200, look)

def look():
    seen["keyboard_on_window"] = QApplication.focusWindow() is window.windowHandle()
    app.quit()

QTimer.singleShot(200, open_preferences)
app.exec()
print(json.dumps(seen))
"""


def test_after_preferences_the_window_started_as_the_application_does_has_the_keyboard():
    seen = run_window_probe(PROBE)
    assert seen == {"closed": "PreferencesDialog", "keyboard_on_window": True}
