"""Giving the keyboard back to the window a closed dialog belonged to, with or without a window manager.

A window manager hands the keyboard focus back to the main window when a dialog over it closes.
Without one (a bare X session, a kiosk, Xvfb), the X server gives it to the root window instead, and
the window's shortcuts (Ctrl+Q, Ctrl+S, Ctrl+F) do nothing until the user clicks it: found after
closing Preferences with Escape.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from shiboken6 import isValid


class FocusReturn(QObject):
    """When a modal dialog that has the keyboard closes, give the keyboard to the window it belongs to.

    A window manager does the same, so with one nothing changes; a dialog closed while another
    application has the keyboard is left alone.

    Args:
        app: the application; its ``focusWindowChanged`` signal is watched (no event filter: nothing
            is added to the handling of ordinary events).
    """

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self._watched: QWindow | None = None
        app.focusWindowChanged.connect(self._focus_changed)

    def _focus_changed(self, window: QWindow | None) -> None:
        if window is None:  # the keyboard left the application: a dialog closed from now on is not followed
            self._stop_watching()
            return
        if window is self._watched:
            return
        if window.modality() == Qt.WindowModality.NonModal or window.transientParent() is None:
            return
        self._stop_watching()
        self._watched = window
        window.visibleChanged.connect(self._visibility_changed)

    def _stop_watching(self) -> None:
        if self._watched is not None and isValid(self._watched):
            self._watched.visibleChanged.disconnect(self._visibility_changed)
        self._watched = None

    def _visibility_changed(self, visible: bool) -> None:
        dialog = self._watched
        if visible or dialog is None or not isValid(dialog):
            return
        self._stop_watching()
        if self._app.focusWindow() not in (dialog, None):  # the keyboard went elsewhere already
            return
        parent = dialog.transientParent()
        if parent is not None and isValid(parent) and parent.isVisible():
            parent.requestActivate()
