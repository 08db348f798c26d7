"""When a benchmark child's window has been painted: both children report from here, so both are measured alike.

Qt paints a window one turn of the event loop after it is shown (the paint is posted), so a zero
timer started at ``show()`` fires before anything is drawn. This waits for the window's first
``Paint`` event; its children are painted in the same pass, and the callback runs on the next
turn, once that pass is over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Call ``callback`` once ``window`` and its children have been painted for the first time.

    Args:
        window: the top-level window (its ``Paint`` event comes first in a paint pass).
        callback: called without arguments, once.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """On the first ``Paint``: stop watching; call back on the next turn of the event loop."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False
