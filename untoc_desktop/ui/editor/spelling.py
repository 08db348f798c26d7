"""Spell checking while typing: misspelled words underlined, suggestions on right-click.

The checking itself is :class:`untoc_desktop.spelling.SpellChecker` (Qt-free); this
module draws the underline (a :class:`QSyntaxHighlighter` per text field) and adds
"suggestions / Add to dictionary / Ignore" to the field's context menu. Replacing a
word goes through the field's own undo history, so Ctrl+Z brings the old word back.

The dictionary is read on a worker thread, as word processors check spelling in the
background: reading a Hunspell dictionary takes 20 to 50 ms here (en_GB 40 ms, Arabic
more), several times that on an old laptop, and the draft's text does not wait for it.
Until it is read, fields show their text without underlines; then every field is
checked at once. :meth:`SpellingSupport.load_dictionary` starts it: once the draft view
holding a field with text has been painted for the first time
(:meth:`SpellingSupport.wait_for_first_paint`), or when the user first types, or when
checking is turned on. A new, empty draft does not
read it until the user writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

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
    """Underlines misspelled words of one text field with a red wavy line.

    Args:
        editor: the text field; the highlighter belongs to it. It checks the field's document from
            :meth:`start` on: until the dictionary is read, the text is laid out once, as it is,
            rather than once without underlines and again with them.
        checker: the draft's spell checker.
    """

    def __init__(self, editor: QPlainTextEdit, checker: SpellChecker) -> None:
        super().__init__(editor)  # a QObject parent, not the document: nothing is highlighted yet
        self.checker = checker
        self.enabled = True
        self._field_document = editor.document()
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#d00000"))

    def start(self) -> None:
        """Check the field's document from now on (Qt highlights it on the next pass of the event loop)."""
        if self.document() is None:
            self.setDocument(self._field_document)

    def misspellings_in(self, text: str) -> list[Misspelling]:
        """The misspelled words of one block of text (empty when checking is off)."""
        return list(self.checker.misspellings(text)) if self.enabled else []

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Underline the block's misspelled words (Qt offsets are UTF-16 code units)."""
        for miss in self.misspellings_in(text):
            start = _utf16_length(text[: miss.start])
            self.setFormat(start, _utf16_length(miss.word), self._format)


class AfterFirstPaint(QObject):
    """Call back once ``widget`` has been painted for the first time, when that paint pass is over.

    A window's first paint comes one turn of the event loop after it is shown (Qt posts it), so
    work put off "until after the paint" with a zero timer would run before it; this waits for the
    ``Paint`` event itself, then stops watching.

    Args:
        widget: the widget watched (the draft view).
        context: the object the callback belongs to; nothing is called once it is deleted.
        callback: called without arguments on the GUI thread.
    """

    def __init__(self, widget: QWidget, context: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._context = context
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """On the first ``Paint``: stop watching, and call back once the paint pass is over."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._context, self._callback)
            self.deleteLater()
        return False


class SpellingSupport(QObject):
    """Attaches spell checking to text fields and answers their context menus.

    Args:
        checker: the draft's spell checker.
        parent: owner.

    Signals:
        notice: a message about a missing dictionary or library, emitted once per message.
    """

    notice = Signal(str)

    #: Poll interval while the dictionary is read on the worker thread, in milliseconds.
    POLL_MS = 20

    def __init__(self, checker: SpellChecker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self._highlighters: list[MisspellingHighlighter] = []
        self._enabled = True
        self._loader: threading.Thread | None = None
        self._ready = False  # set on the GUI thread, once every field's highlighter has started
        self._painted = True  # see wait_for_first_paint
        self._text_waiting = False  # a field with text was attached before the first paint
        self._menu_extensions: dict[QPlainTextEdit, Callable[[QMenu], object]] = {}
        # Notices said on the worker thread wait here and are emitted on the GUI thread.
        self._waiting_notices: list[str] = []
        # The worker touches no Qt object: a timer on this (GUI) thread sees when it is done.
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._poll_loader)
        checker.on_notice = self._checker_notice

    @property
    def enabled(self) -> bool:
        """Whether misspelled words are underlined."""
        return self._enabled

    @property
    def ready(self) -> bool:
        """Whether the drafting language's dictionary has been read and every field handed to its checker.

        Qt draws the underlines on the next turn of the event loop, not at once.
        """
        return self._ready

    def wait_for_first_paint(self, view: QWidget) -> None:
        """Read the dictionary for fields attached from now on only once ``view`` has been painted.

        The draft view calls it before its first page is built, so that the reading starts when
        the draft is on screen, not while it is laid out and drawn (a window is painted a turn of
        the event loop after it is shown). Fields attached later are read for at once.
        """
        self._painted = False
        AfterFirstPaint(view, self, self._first_paint_done)

    def _first_paint_done(self) -> None:
        self._painted = True
        if self._text_waiting:
            self.load_dictionary()

    def load_dictionary(self) -> None:
        """Read the drafting language's dictionary on a worker thread, then underline every field.

        Does nothing when it is read or being read already, or while checking is turned off (it is
        read when checking is turned on).
        """
        if self._loader is not None or not self._enabled:
            return
        # Not a daemon: the interpreter waits for it at exit rather than stopping it inside Enchant.
        self._loader = threading.Thread(target=self.checker.prepare, name="spelling dictionary")
        self._loader.start()
        self._poll.start()

    def _poll_loader(self) -> None:
        if self._loader is None or self._loader.is_alive():
            return
        self._poll.stop()
        self._ready = True
        for message in self._waiting_notices:
            self.notice.emit(message)
        self._waiting_notices.clear()
        for highlighter in self._alive():
            highlighter.start()

    def _checker_notice(self, message: str) -> None:
        if threading.current_thread() is threading.main_thread():
            self.notice.emit(message)
        else:
            self._waiting_notices.append(message)

    def set_enabled(self, enabled: bool) -> None:
        """Turn underlining on or off in every attached field."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        for highlighter in self._alive():
            highlighter.enabled = enabled
            highlighter.rehighlight()
        if enabled:
            self.load_dictionary()

    def attach(
        self, editor: QPlainTextEdit, extend_menu: Callable[[QMenu], object] | None = None
    ) -> MisspellingHighlighter:
        """Check ``editor``'s text as the user types and offer suggestions on right-click.

        Args:
            editor: the text field.
            extend_menu: adds the field's own entries (its question's History…) to the end of its
                context menu, which this support then builds (the field's menu is a custom one).
        """
        if extend_menu is not None:
            self._menu_extensions[editor] = extend_menu
            editor.destroyed.connect(lambda _obj=None, e=editor: self._menu_extensions.pop(e, None))
        highlighter = MisspellingHighlighter(editor, self.checker)
        highlighter.enabled = self._enabled
        self._highlighters.append(highlighter)
        if self._ready:
            highlighter.start()
        else:
            # Text to check: read the dictionary once the view has been drawn (see wait_for_first_paint),
            # or on the next turn of the event loop. An empty field: when the user first types in it.
            if not editor.document().isEmpty():
                if self._painted:
                    QTimer.singleShot(0, self, self.load_dictionary)
                else:
                    self._text_waiting = True
            editor.textChanged.connect(self.load_dictionary)
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
        """The context menu at ``pos``: suggestions for a misspelled word, the standard entries, the field's own."""
        menu = self._spelling_menu(editor, pos)
        extend = self._menu_extensions.get(editor)
        if extend is not None:
            extend(menu)
        return menu

    def _spelling_menu(self, editor: QPlainTextEdit, pos: QPoint) -> QMenu:
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
        # A field deleted with its page takes its highlighter with it.
        self._highlighters = [highlighter for highlighter in self._highlighters if shiboken6.isValid(highlighter)]
        return self._highlighters
