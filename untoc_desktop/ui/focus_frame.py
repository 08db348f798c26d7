"""A clear frame around whichever control has the keyboard focus, in every window, style and direction.

Qt styles mark the focus faintly (a dotted rectangle, a slightly darker border) and some not at all;
keyboard users must always see where they are (WCAG 2.4.7). The frame is a small transparent widget
laid over the focused control by :class:`FocusFrames`: it lives in the content of the scroll area the
control is in (so it scrolls with it) or else in the control's window, follows the control's moves and
resizes, and takes its colour from the style sheet (``QWidget#focusFrame``, 3:1 against the page, see
:mod:`untoc_desktop.ui.style`). Geometry is mapped, not mirrored, so right-to-left layouts need nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QScrollArea, QWidget

#: Space between the control and the frame, and the frame's width, in pixels.
MARGIN, WIDTH = 3, 2


class FocusFrame(QWidget):
    """The frame drawn in one host widget (a window, or a scroll area's content)."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("focusFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A rounded rectangle in the focus colour, inside the frame's edges."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 3, 3)
        painter.end()

    def surround(self, target: QWidget) -> None:
        """Place the frame around ``target`` (a descendant of the frame's host) and show it on top."""
        self.target = target
        host = self.parentWidget()
        assert host is not None
        top_left = target.mapTo(host, QPoint(0, 0))
        self.setGeometry(QRect(top_left, target.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.raise_()
        self.show()


class FocusFrames(QObject):
    """Keeps a :class:`FocusFrame` around the focused control of the application's windows.

    Args:
        parent: owner of this object (the main window).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames: dict[int, FocusFrame] = {}
        self._shown: FocusFrame | None = None
        self._watched: list[QWidget] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def frame(self) -> FocusFrame | None:
        """The frame on show, if any."""
        return self._shown

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        if self._shown is not None:
            self._shown.hide()
            self._shown = None
        if new is None or not _framed(new):
            return
        host = _host(new)
        frame = self._frames.get(id(host))
        if frame is None:
            frame = self._frames[id(host)] = FocusFrame(host)
            key = id(host)
            host.destroyed.connect(lambda _obj=None, key=key: self._forget(key))
        self._shown = frame
        # Follow the control when it, or anything between it and the host, moves or changes size.
        widget: QWidget | None = new
        while widget is not None and widget is not host:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        frame.surround(new)

    def _forget(self, key: int) -> None:
        frame = self._frames.pop(key, None)
        if frame is self._shown:
            self._shown = None
            self._watched.clear()

    def _unwatch(self) -> None:
        for widget in self._watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass
        self._watched.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Move the frame with its control; hide it while the control is hidden."""
        frame = self._shown
        if (
            frame is not None
            and frame.target is not None
            and event.type()
            in (
                QEvent.Type.Move,
                QEvent.Type.Resize,
                QEvent.Type.Show,
                QEvent.Type.Hide,
                QEvent.Type.LayoutDirectionChange,
            )
        ):
            if frame.target.isVisible():
                frame.surround(frame.target)
            else:
                frame.hide()
        return False


def _framed(widget: QWidget) -> bool:
    """Whether a focused widget gets the frame (not menus, nor pop-up lists, which mark their own item)."""
    window = widget.window()
    return not (
        isinstance(widget, (QMenu, QMenuBar))
        or widget is window
        or window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
    )


def _host(widget: QWidget) -> QWidget:
    """Where the frame of ``widget`` is drawn: the content of the nearest scroll area around it, else its window."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and area.widget() is child:
            return child
        child, parent = parent, parent.parentWidget()
    return child.window()
