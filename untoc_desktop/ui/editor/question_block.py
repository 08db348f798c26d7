"""One question on an article page: its label, a live "required" marker, help, the input and a problem line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAccessible, QEnterEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

from ...i18n import _
from ...questionnaire import display
from ...questionnaire.model import Paragraph, Question
from ...text_direction import has_right_to_left
from .accessible_names import field_name
from .answer_fields import answer_field_for
from .answer_widgets import AnswerField

if TYPE_CHECKING:
    from PySide6.QtGui import QContextMenuEvent, QMouseEvent

#: record type -> records already entered in the draft (``cross_references.known_records``).
KnownRecords = Callable[[str], list[dict[str, Any]]]


class WrappedLabel(QLabel):
    """A word-wrapped label that remembers its height for each width (and text) it was asked about.

    While a page is laid out, its layouts ask each word-wrapped label its height for a width over
    and over (about 15 times a label while a draft opens, mostly for the same widths), and a label
    whose text can be selected lays its whole text out anew each time (in a ``QTextDocument``):
    one eighth of the window's start-up instructions went there. The heights are kept until the
    font, style, margins or layout direction change.

    Its text can be selected with the mouse (:meth:`allow_selection`). Qt keeps a text document
    and its layout for every label whose text can be selected, which made a fifth of the work of
    showing a draft's first page (about 97 M instructions for its 70 labels), so that document is
    made when the mouse first enters the label, before it can press there (or at the press or
    right-click itself, when the page moved under a mouse that stayed still). A label shows the same
    pixels and asks for the same height either way (``tests/ui/test_wrapped_label.py``), except
    wrapped right-to-left text, whose lines Qt places a space apart in the two ways: a label with
    any right-to-left character is selectable from the start, and so is every label under
    assistive technology.

    Args:
        text: the label's text.
    """

    #: Events after which a height may differ for the same width and text.
    _CHANGES = frozenset(
        {
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ContentsRectChange,
            QEvent.Type.LayoutDirectionChange,
        }
    )
    #: Widths remembered at most (a window resized by hand asks for many).
    _KEPT = 32

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._heights: dict[tuple[int, str], int] = {}
        self._selectable_on_entry = False

    def allow_selection(self) -> None:
        """Let the mouse select the text: once it enters, or at once (right-to-left text, assistive technology)."""
        self._selectable_on_entry = True
        if QAccessible.isActive() or has_right_to_left(self.text()):
            self._make_selectable()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Show ``text``; right-to-left text makes the label selectable now (see the class)."""
        super().setText(text)
        if self._selectable_on_entry and has_right_to_left(text):
            self._make_selectable()

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 (Qt override)
        """The mouse came in: make the text selectable now, before a press or a right-click can reach it."""
        if self._selectable_on_entry:
            self._make_selectable()
        super().enterEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A press with no entry first (the page moved under a still mouse): selectable now, then the press."""
        if self._selectable_on_entry:
            self._make_selectable()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        """A right-click with no entry first: selectable now, so that the menu is Copy / Select All."""
        if self._selectable_on_entry:
            self._make_selectable()
        super().contextMenuEvent(event)

    def _make_selectable(self) -> None:
        self._selectable_on_entry = False
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """The label's height for ``width`` pixels, computed by Qt once per width and text."""
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self._KEPT:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Forget the heights when the font, style, margins or direction change."""
        if event.type() in self._CHANGES:
            self._heights.clear()
        super().changeEvent(event)


def wrapped_label(text: str, *, object_name: str = "", rich: bool = False) -> QLabel:
    """A word-wrapped label whose text can be selected with the mouse (plain text unless ``rich``)."""
    label = WrappedLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.allow_selection()
    if object_name:
        label.setObjectName(object_name)
    return label


class QuestionBlock(QWidget):
    """One question: its label, a live "required" marker, help text, the input and an inline problem message.

    Args:
        question: the question shown.
        known_records: record type -> records entered elsewhere in the draft (cross-references).
    """

    #: The user asked for the answer's history (context menu), with the question id.
    history_requested = Signal(str)

    def __init__(
        self, question: Question, parent: QWidget | None = None, known_records: KnownRecords | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.title = wrapped_label(display.question_label(question), object_name="questionLabel")
        self.marker = QLabel(self)
        self.marker.setObjectName("requiredMarker")
        self.marker.hide()
        self.help = wrapped_label(display.question_help(question), object_name="questionHelp")
        self.field: AnswerField = answer_field_for(question, self, known_records)
        self.field.setToolTip(display.question_help(question))
        self.title.setBuddy(self.field)
        self.problem = wrapped_label("", object_name="answerProblem")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.marker)
        layout.addWidget(self.help)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        self.required = False
        # Right-click on the question or its answer: History… (text inputs keep their own menu and gain it).
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: self._context_menu(None, self.mapToGlobal(pos)))
        for editor in self.field.findChildren(QPlainTextEdit) + self.field.findChildren(QLineEdit):
            editor.installEventFilter(self)

    def name_for(self, paragraph: Paragraph) -> None:
        """Name the input (and the question's label, which names it on Linux) with the paragraph and article."""
        self.field.name_for(paragraph)
        self.title.setAccessibleName(field_name(self.question, paragraph))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Add History… to the context menu of the answer's text inputs."""
        if event.type() == QEvent.Type.ContextMenu and isinstance(watched, (QPlainTextEdit, QLineEdit)):
            self._context_menu(watched.createStandardContextMenu(), event.globalPos())  # type: ignore[attr-defined]
            return True
        return super().eventFilter(watched, event)

    def add_history_entry(self, menu: QMenu) -> None:
        """Add History… (this question's answer history) to the end of ``menu``."""
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(_("History…"), lambda: self.history_requested.emit(self.question.id))

    def _context_menu(self, menu: QMenu | None, where: QPoint) -> None:
        menu = menu or QMenu(self)
        self.add_history_entry(menu)
        menu.exec(where)
        menu.deleteLater()

    def set_required(self, required: bool, answered: bool) -> None:
        """Show or hide the "required" marker; it is stressed while the answer is missing."""
        self.required = required
        self.marker.setText(_("Required") if answered else _("Required — not answered yet"))
        missing = required and not answered
        if self.marker.property("missing") != missing:
            self.marker.setProperty("missing", missing)
            if self.marker.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                # The style sheet's [missing="true"] rule is matched when a widget is polished: again now
                # (a marker not shown yet is polished when it is, with the property already set).
                self.marker.style().unpolish(self.marker)
                self.marker.style().polish(self.marker)
        self.marker.setVisible(required)

    def show_problem(self, message: str) -> None:
        """Show why the value in the field was not saved."""
        self.problem.setText(message)
        self.problem.show()

    def clear_problem(self) -> None:
        """Hide the problem message (the value was saved)."""
        self.problem.hide()
        self.problem.clear()
