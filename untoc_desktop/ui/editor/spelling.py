"""Spell checking while typing: misspelled words underlined, suggestions on right-click.

The checking itself is :class:`untoc_desktop.spelling.SpellChecker` (Qt-free); this
module draws the underline (a :class:`QSyntaxHighlighter` per text field) and adds
"suggestions / Add to dictionary / Ignore" to the field's context menu. Replacing a
word goes through the field's own undo history, so Ctrl+Z brings the old word back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from ...i18n import _
from ...spelling import Misspelling, SpellChecker


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _code_point_index(text: str, utf16_offset: int) -> int:
    """The Python index of the character at a Qt (UTF-16) offset in ``text``."""
    count = 0
    for index, char in enumerate(text):
        if count >= utf16_offset:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class MisspellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words of one document with a red wavy line.

    Args:
        document: the text field's document.
        checker: the draft's spell checker.
    """

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.enabled = True
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#d00000"))

    def misspellings_in(self, text: str) -> list[Misspelling]:
        """The misspelled words of one block of text (empty when checking is off)."""
        return list(self.checker.misspellings(text)) if self.enabled else []

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Underline the block's misspelled words (Qt offsets are UTF-16 code units)."""
        for miss in self.misspellings_in(text):
            start = _utf16_length(text[: miss.start])
            self.setFormat(start, _utf16_length(miss.word), self._format)


class SpellingSupport(QObject):
    """Attaches spell checking to text fields and answers their context menus.

    Args:
        checker: the draft's spell checker.
        parent: owner.

    Signals:
        notice: a message about a missing dictionary or library, emitted once per message.
    """

    notice = Signal(str)

    def __init__(self, checker: SpellChecker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self._highlighters: list[MisspellingHighlighter] = []
        self._enabled = True
        checker.on_notice = self.notice.emit

    @property
    def enabled(self) -> bool:
        """Whether misspelled words are underlined."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn underlining on or off in every attached field."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        for highlighter in self._alive():
            highlighter.enabled = enabled
            highlighter.rehighlight()

    def attach(self, editor: QPlainTextEdit) -> MisspellingHighlighter:
        """Check ``editor``'s text as the user types and offer suggestions on right-click."""
        highlighter = MisspellingHighlighter(editor.document(), self.checker)
        highlighter.enabled = self._enabled
        self._highlighters.append(highlighter)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(lambda pos, e=editor: self._context_menu(e, pos))
        return highlighter

    def misspelling_at(self, editor: QPlainTextEdit, cursor: QTextCursor) -> tuple[Misspelling, QTextCursor] | None:
        """The misspelled word under ``cursor`` and a cursor selecting it, or ``None``."""
        if not self._enabled:
            return None
        block = cursor.block()
        text = block.text()
        position = _code_point_index(text, cursor.positionInBlock())
        for miss in self.checker.misspellings(text):
            if miss.start <= position <= miss.start + miss.length:
                selection = QTextCursor(block)
                selection.setPosition(block.position() + _utf16_length(text[: miss.start]))
                selection.setPosition(
                    block.position() + _utf16_length(text[: miss.start + miss.length]), QTextCursor.MoveMode.KeepAnchor
                )
                return miss, selection
        return None

    def menu_for(self, editor: QPlainTextEdit, pos: QPoint) -> QMenu:
        """The context menu at ``pos``: suggestions for a misspelled word, then the standard entries."""
        menu = editor.createStandardContextMenu(pos)
        found = self.misspelling_at(editor, editor.cursorForPosition(pos))
        if found is None or editor.isReadOnly():
            return menu
        miss, selection = found
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.checker.suggestions(miss.word)
        entries = []
        for word in suggestions:
            act = menu.addAction(word)
            act.triggered.connect(lambda _c=False, w=word, s=selection: self._replace(editor, s, w))
            entries.append(act)
        if not suggestions:
            none = menu.addAction(_("(no suggestions)"))
            none.setEnabled(False)
            entries.append(none)
        add = menu.addAction(_("Add “{word}” to my dictionary").format(word=miss.word))
        add.triggered.connect(lambda _c=False, w=miss.word: self._add(w))
        ignore = menu.addAction(_("Ignore “{word}”").format(word=miss.word))
        ignore.triggered.connect(lambda _c=False, w=miss.word: self._ignore(w))
        entries += [add, ignore]
        for act in entries:
            menu.removeAction(act)
        menu.insertActions(first, entries) if first is not None else menu.addActions(entries)
        if first is not None:
            menu.insertSeparator(first)
        return menu

    def _context_menu(self, editor: QPlainTextEdit, pos: QPoint) -> None:
        menu = self.menu_for(editor, pos)
        menu.exec(editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _replace(self, editor: QPlainTextEdit, selection: QTextCursor, word: str) -> None:
        editor.setTextCursor(selection)
        editor.textCursor().insertText(word)  # one step in the field's own undo history

    def _add(self, word: str) -> None:
        try:
            self.checker.add_to_personal(word)
        except OSError as error:
            self.notice.emit(
                _(
                    "“{word}” is accepted until you close the application, but your dictionary could "
                    "not be saved ({error})."
                ).format(word=word, error=error.strerror or error)
            )
        self._rehighlight()

    def _ignore(self, word: str) -> None:
        self.checker.ignore(word)
        self._rehighlight()

    def _rehighlight(self) -> None:
        for highlighter in self._alive():
            highlighter.rehighlight()

    def _alive(self) -> list[MisspellingHighlighter]:
        alive = []
        for highlighter in self._highlighters:
            try:
                if highlighter.document() is not None:
                    alive.append(highlighter)
            except RuntimeError:  # the field was deleted with its page
                continue
        self._highlighters = alive
        return alive
