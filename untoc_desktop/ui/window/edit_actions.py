"""Edit menu actions (Undo, Redo, Cut, Copy, Paste, Select All).

Text fields keep their own native undo history: while one has the keyboard focus
and something to undo, Undo and Redo act on it. Otherwise they act on the open
draft's undo stack (choices, status, numbers, dates, table rows; see
:mod:`untoc_desktop.ui.editor.undo`) and name the step: "Undo Remove law “Criminal Code”".
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget

from ...i18n import _

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
        self._stack: QUndoStack | None = None
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

    def set_stack(self, stack: QUndoStack | None) -> None:
        """Use ``stack`` (the open draft's undo history) when the focused field has nothing to undo."""
        if self._stack is not None:
            for signal in (self._stack.canUndoChanged, self._stack.canRedoChanged, self._stack.indexChanged):
                try:
                    signal.disconnect(self.update_state)
                except (RuntimeError, TypeError):
                    pass
        self._stack = stack
        if stack is not None:
            for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.indexChanged):
                signal.connect(self.update_state)
        self.update_state()

    def update_state(self) -> None:
        """Enable the actions that apply to the focused field (or to the draft's undo stack) and name the step."""
        widget = focused_text_input()
        writable = widget is not None and not widget.isReadOnly()
        text_undo = widget is not None and _can_undo(widget)
        text_redo = widget is not None and _can_redo(widget)
        stack = self._stack
        stack_undo = not text_undo and stack is not None and stack.canUndo()
        stack_redo = not text_redo and stack is not None and stack.canRedo()
        self.undo.setEnabled(text_undo or stack_undo)
        self.redo.setEnabled(text_redo or stack_redo)
        undo_text = stack.undoText() if stack is not None and stack_undo else ""
        redo_text = stack.redoText() if stack is not None and stack_redo else ""
        self.undo.setText(_("&Undo {action}").format(action=undo_text) if stack_undo else _("&Undo"))
        self.redo.setText(_("&Redo {action}").format(action=redo_text) if stack_redo else _("&Redo"))
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
        stack = self._stack
        if method == "undo" and not (widget is not None and _can_undo(widget)) and stack is not None:
            stack.undo()
        elif method == "redo" and not (widget is not None and _can_redo(widget)) and stack is not None:
            stack.redo()
        elif widget is not None:
            getattr(widget, method)()
        self.update_state()
