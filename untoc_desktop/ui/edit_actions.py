"""Edit menu actions (Undo, Redo, Cut, Copy, Paste, Select All) acting on the focused text field.

Text fields keep their own native undo history; these actions forward to
whichever :class:`QPlainTextEdit` or :class:`QLineEdit` has the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget

from ..i18n import _

TextInput = QPlainTextEdit | QLineEdit


def focused_text_input() -> TextInput | None:
    """The text field with keyboard focus (the line edit inside an editable combo box too), or ``None``."""
    widget: QWidget | None = QApplication.focusWidget()
    if isinstance(widget, (QPlainTextEdit, QLineEdit)):
        return widget
    return None


def _can_undo(widget: TextInput) -> bool:
    if isinstance(widget, QPlainTextEdit):
        return widget.document().isUndoAvailable() and not widget.isReadOnly()
    return widget.isUndoAvailable() and not widget.isReadOnly()


def _can_redo(widget: TextInput) -> bool:
    if isinstance(widget, QPlainTextEdit):
        return widget.document().isRedoAvailable() and not widget.isReadOnly()
    return widget.isRedoAvailable() and not widget.isReadOnly()


class TextEditActions(QObject):
    """The Edit menu's actions; their enabled state follows the focused field.

    Args:
        parent: the window owning the actions.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)

        def action(text: str, key: QKeySequence.StandardKey, method: str) -> QAction:
            act = QAction(text, parent)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda: self._forward(method))
            return act

        self.undo = action(_("&Undo"), QKeySequence.StandardKey.Undo, "undo")
        self.redo = action(_("&Redo"), QKeySequence.StandardKey.Redo, "redo")
        self.cut = action(_("Cu&t"), QKeySequence.StandardKey.Cut, "cut")
        self.copy = action(_("&Copy"), QKeySequence.StandardKey.Copy, "copy")
        self.paste = action(_("&Paste"), QKeySequence.StandardKey.Paste, "paste")
        self.select_all = action(_("Select &All"), QKeySequence.StandardKey.SelectAll, "selectAll")
        self._watched: TextInput | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.update_state()

    def add_to(self, menu: QMenu) -> None:
        """Add the actions to ``menu`` and refresh their state whenever it opens."""
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addActions([self.cut, self.copy, self.paste])
        menu.addSeparator()
        menu.addAction(self.select_all)
        menu.aboutToShow.connect(self.update_state)

    def update_state(self) -> None:
        """Enable the actions that apply to the focused field."""
        widget = focused_text_input()
        writable = widget is not None and not widget.isReadOnly()
        self.undo.setEnabled(widget is not None and _can_undo(widget))
        self.redo.setEnabled(widget is not None and _can_redo(widget))
        self.cut.setEnabled(writable)
        self.paste.setEnabled(writable)
        self.copy.setEnabled(widget is not None)
        self.select_all.setEnabled(widget is not None)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Follow the focused field's own undo history so the actions are right while the user types.
        if self._watched is not None:
            for signal in self._watched_signals():
                try:
                    signal.disconnect(self.update_state)
                except (RuntimeError, TypeError):  # already deleted or not connected
                    pass
        self._watched = new if isinstance(new, (QPlainTextEdit, QLineEdit)) else None
        for signal in self._watched_signals():
            signal.connect(self.update_state)
        self.update_state()

    def _watched_signals(self) -> list:  # noqa: ANN401 (SignalInstance list)
        widget = self._watched
        if isinstance(widget, QPlainTextEdit):
            return [widget.undoAvailable, widget.redoAvailable]
        if isinstance(widget, QLineEdit):
            return [widget.textChanged]
        return []

    def _forward(self, method: str) -> None:
        widget = focused_text_input()
        if widget is not None:
            getattr(widget, method)()
        self.update_state()
