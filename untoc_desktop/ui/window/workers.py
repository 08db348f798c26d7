"""Running core operations off the GUI thread, with progress and cancellation.

Modelled on Anki's ``aqt.operations``: the UI hands a small typed callable to
:class:`BackgroundOperation`, which runs it on a :class:`QThread`, relays its
progress, and calls ``success`` or ``failure`` back on the GUI thread. The
callable must not touch widgets; it receives plain data and two callbacks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...i18n import _

T = TypeVar("T")
#: ``op(progress, is_cancelled)``: progress(done, total) reports steps; is_cancelled() polls the Cancel button.
Operation = Callable[[Callable[[int, int], None], Callable[[], bool]], T]

log = logging.getLogger(__name__)


class _OperationThread(QThread):
    progressed = Signal(int, int)
    done = Signal(object, object)  # result, exception

    def __init__(self, op: Operation[Any], cancelled: threading.Event, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._op = op
        self._cancelled = cancelled

    def run(self) -> None:
        try:
            result = self._op(self.progressed.emit, self._cancelled.is_set)
        except Exception as exc:  # handed to the GUI thread, shown there
            log.debug("background operation failed", exc_info=True)
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)


class BackgroundOperation(QObject, Generic[T]):
    """One operation on a worker thread, with an optional modal-less progress dialog.

    Args:
        parent: the widget the progress dialog belongs to.
        op: the work, see :data:`Operation`.
        success: called on the GUI thread with the result.
        failure: called on the GUI thread with the exception.
        label: text of the progress dialog; ``None`` for no dialog.
    """

    #: Emitted on the GUI thread once success or failure has been called.
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        op: Operation[T],
        success: Callable[[T], Any],
        failure: Callable[[Exception], Any],
        label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._success = success
        self._failure = failure
        self._cancelled = threading.Event()
        self._thread = _OperationThread(op, self._cancelled, self)
        self._thread.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._thread.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        if label is not None:
            self.dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(_("Please wait"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)

    def start(self) -> BackgroundOperation[T]:
        """Start the work; returns self."""
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the operation to stop at its next check."""
        self._cancelled.set()
        if self.dialog is not None:
            self.dialog.setLabelText(_("Cancelling…"))

    def is_running(self) -> bool:
        """Whether the worker thread is still running."""
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread ends (used when the window closes)."""
        return self._thread.wait(milliseconds)

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is not None and not self._cancelled.is_set():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _done(self, result: T, exception: Exception | None) -> None:
        self._thread.wait()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        try:
            if exception is not None:
                self._failure(exception)
            else:
                self._success(result)
        finally:
            self.finished.emit()
