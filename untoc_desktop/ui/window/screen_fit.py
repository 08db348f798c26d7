"""Keeping the main window inside the screen, down to 1024 x 700 pixels (small laptops, projectors).

The window's default size (1280 x 860) and a size remembered from a larger screen are both reduced
and moved so that the whole window, title bar included, lies in the screen's available area (without
the task bar): the status bar and the window's edges stay within reach. On a short screen the
"Still missing" panel starts lower, so that the page keeps room for at least two questions.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QObject, QRect
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: The window's size when nothing is remembered, in pixels.
DEFAULT_SIZE = (1280, 860)
#: What the window manager adds around a window before the window is shown and can say (a title bar).
ESTIMATED_DECORATION = QMargins(4, 32, 4, 4)
#: Below this available height (pixels) the screen is "short": compact panel heights.
SHORT_SCREEN = 800


def fit_inside(geometry: QRect, available: QRect, decoration: QMargins | None = None) -> QRect:
    """``geometry`` made smaller and moved, as little as needed, so that it and its decoration lie in ``available``.

    Args:
        geometry: the window's client area (without title bar and borders), in screen pixels.
        available: the screen's available area (``QScreen.availableGeometry()``).
        decoration: the window manager's frame around the client area (default: none).

    Returns:
        The client-area geometry to use.
    """
    inner = available.marginsRemoved(decoration if decoration is not None else QMargins())
    width = min(geometry.width(), inner.width())
    height = min(geometry.height(), inner.height())
    x = min(max(geometry.x(), inner.left()), inner.left() + inner.width() - width)
    y = min(max(geometry.y(), inner.top()), inner.top() + inner.height() - height)
    return QRect(x, y, width, height)


def decoration_of(window: QWidget) -> QMargins:
    """The frame around ``window`` as the window manager draws it, estimated while the window is not shown."""
    frame, client = window.frameGeometry(), window.geometry()
    margins = QMargins(
        client.left() - frame.left(),
        client.top() - frame.top(),
        frame.right() - client.right(),
        frame.bottom() - client.bottom(),
    )
    return margins if not margins.isNull() else ESTIMATED_DECORATION


def available_area(window: QWidget) -> QRect:
    """The available area of the screen the window is on (the one under its centre, else the primary)."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)


def fit_to_screen(window: QWidget, available: QRect | None = None) -> QRect:
    """Resize and move ``window`` so that it lies inside ``available`` (default: its screen's available area).

    Returns:
        The window's new geometry.
    """
    if window.isMaximized() or window.isFullScreen():
        return window.geometry()
    area = available if available is not None else available_area(window)
    fitted = fit_inside(window.geometry(), area, decoration_of(window))
    if fitted != window.geometry():
        window.setGeometry(fitted)
    return fitted


def is_short(available: QRect) -> bool:
    """Whether a screen area is short enough to need compact panels."""
    return available.height() < SHORT_SCREEN


def panel_height(available: QRect) -> int:
    """The starting height of the bottom panel ("Still missing"), in pixels: smaller on short screens."""
    return 120 if is_short(available) else 190


def tree_width(available: QRect) -> int:
    """The starting width of the provision tree, in pixels: narrower on narrow screens."""
    return 280 if available.width() < 1280 else 380


#: Dynamic property marking a dialog already brought inside the screen (it may then be moved freely).
_FITTED = "untocFittedToScreen"


class DialogsInsideScreen(QObject):
    """Brings each dialog inside its screen when it first comes up (some ask for 1000 x 680 pixels).

    Watches the application's focus window, so that no dialog needs to know about it.

    Args:
        parent: owner of this object (the main window).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusWindowChanged.connect(self._focus_window_changed)

    def _focus_window_changed(self, window: QWindow | None) -> None:
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.windowHandle() is window and not widget.property(_FITTED):
                widget.setProperty(_FITTED, True)
                fit_to_screen(widget)
