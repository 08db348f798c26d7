"""Input widgets for answers, one per question type (choices, text, numbers, dates, record lists).

Each :class:`AnswerField` shows a stored value, emits :attr:`AnswerField.edited`
when the user changes it (never when the value is set by the program), and
returns the current value as JSON data from :meth:`AnswerField.value`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...drafting_tools import count_characters, count_words
from ...errors import InvalidAnswerError
from ...i18n import _, ngettext
from ...questionnaire.display import choices, question_label
from ...questionnaire.model import Paragraph, Question
from ...text_direction import strong_direction
from .accessible_names import field_name, option_name


class AnswerField(QWidget):
    """Base of the answer inputs.

    Attributes:
        question: the question answered.
        immediate: True when an edit should be saved at once rather than after typing stops.
    """

    #: The user changed the value.
    edited = Signal()
    immediate = False

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._loading = False

    def value(self) -> Any:
        """The current value as JSON data, ``None`` when empty.

        Raises:
            InvalidAnswerError: the input cannot be turned into a value (e.g. a year that is not a number).
        """
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting :attr:`edited`."""
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def focus_input(self) -> None:
        """Give keyboard focus to the input."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def name_for(self, paragraph: Paragraph) -> None:
        """Name the input for assistive technology: the question and where it is; its help as description.

        Args:
            paragraph: the paragraph the question is asked about (its reference, article and instrument).
        """
        control = self.focusProxy() or self
        control.setAccessibleName(field_name(self.question, paragraph))
        control.setAccessibleDescription(self.question.help)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _user_edit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()


class _QuietComboBox(QComboBox):
    """A combo box that scrolling the page never changes.

    It ignores the mouse wheel unless focused, and Page Up / Page Down always: Qt's combo box takes
    them as Up and Down, so a user paging down the questionnaire from a status field silently moved
    the answer to the next choice, "Partly" to "Not implemented" (found under X11: F6 into the page,
    then Page Down). They go to the page, which scrolls; the arrow keys, typing and Alt+Down still
    choose.
    """

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            event.ignore()  # on to the page's scroll area
        else:
            super().keyPressEvent(event)


class ChoiceField(AnswerField):
    """One choice from a list (status, yes/no, declared options) with an empty "— choose —" entry.

    Args:
        question: the question.
        choices: (stored value, label in the interface language) pairs in display order
            (:func:`untoc_desktop.questionnaire.display.choices`).
    """

    immediate = True

    def __init__(self, question: Question, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.combo = _QuietComboBox(self)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.addItem(_("— choose —"), None)
        for key, label in choices:
            self.combo.addItem(label, key)
        self.combo.setAccessibleName(question_label(question))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._user_edit)

    def value(self) -> str | None:
        """The chosen key, or ``None``."""
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        if index < 0:  # a value this version does not offer: keep it visible rather than lose it
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class MultiChoiceField(AnswerField):
    """Several choices from the question's declared options, as check boxes."""

    immediate = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for value, label in choices(question):
            box = QCheckBox(label, self)
            box.toggled.connect(self._user_edit)
            self.boxes[value] = box
            layout.addWidget(box)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def name_for(self, paragraph: Paragraph) -> None:
        """Name each check box by its option, the question and where it is."""
        options = {option.value: _(option.label) for option in self.question.options}
        for key, box in self.boxes.items():
            box.setAccessibleName(option_name(options[key], self.question, paragraph))
            box.setAccessibleDescription(self.question.help)

    def value(self) -> list[str] | None:
        """The checked option values in declared order, ``None`` when none is checked."""
        return [key for key, box in self.boxes.items() if box.isChecked()] or None

    def _show(self, value: Any) -> None:
        chosen = set(value or [])
        for key, box in self.boxes.items():
            box.setChecked(key in chosen)


class _LineField(AnswerField):
    """A one-line input with an optional unit after it."""

    def __init__(self, question: Question, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.line = QLineEdit(self)
        self.line.setAccessibleName(question_label(question))
        self.line.setMaximumWidth(260)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        if unit:
            layout.addWidget(QLabel(_(unit), self))
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._user_edit)

    def _show(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


def parse_number(text: str, integer: bool = False) -> int | float | None:
    """Read a number typed by the user (``1200``, ``1 200``, ``12.5``, ``12,5``); ``None`` when it is not one."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if integer:
        return int(cleaned) if cleaned.lstrip("-").isdigit() else None
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


class NumberField(_LineField):
    """A number, with the question's unit and bounds."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, question.unit, parent)

    def value(self) -> int | float | None:
        """The number typed, ``None`` when empty.

        Raises:
            InvalidAnswerError: the text is not a number, or is outside the question's bounds.
        """
        text = self.line.text().strip()
        if not text:
            return None
        number = parse_number(text)
        if number is None:
            raise InvalidAnswerError(
                _("“{text}” is not a number; it is not saved yet.").format(text=text), question_id=self.question.id
            )
        low, high = self.question.minimum, self.question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = (
                _("at least {low}").format(low=low)
                if high is None
                else (
                    _("at most {high}").format(high=high)
                    if low is None
                    else _("between {low} and {high}").format(low=low, high=high)
                )
            )
            raise InvalidAnswerError(
                _("The number must be {bounds}; it is not saved yet.").format(bounds=bounds),
                question_id=self.question.id,
            )
        return number


class DateField(_LineField):
    """A calendar date typed as YYYY-MM-DD."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, "", parent)
        self.line.setPlaceholderText(_("YYYY-MM-DD"))

    def value(self) -> str | None:
        """The date as ISO 8601 text, ``None`` when empty.

        Raises:
            InvalidAnswerError: not a real date in the form YYYY-MM-DD.
        """
        text = self.line.text().strip()
        if not text:
            return None
        try:
            parsed = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise InvalidAnswerError(
                _(
                    "“{text}” is not a date in the form YYYY-MM-DD (for example 2024-03-31); it is not saved yet."
                ).format(text=text),
                question_id=self.question.id,
            )
        return parsed.isoformat()


class TextField(AnswerField):
    """Free text in a plain-text editor that grows with its content (native undo/redo)."""

    MIN_LINES = 3
    MAX_LINES = 18

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(question_label(question))
        self.editor.setPlaceholderText(_("Type your answer here; it is saved as you type."))
        self._direction = Qt.LayoutDirection.LeftToRight
        self.counts = QLabel(self)
        self.counts.setObjectName("answerCounts")
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.editor)
        layout.addWidget(self.counts)
        self.setFocusProxy(self.editor)
        self._last_text = ""
        # textChanged also fires when only formatting changes (spell-check underlines): an edit is a new text.
        self.editor.textChanged.connect(self._text_changed)
        self.editor.textChanged.connect(self._follow_text_direction)
        self.editor.textChanged.connect(self._count)
        self.editor.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _follow_text_direction(self) -> None:
        """Lay the field out right to left when its text starts in Arabic or Hebrew, left to right otherwise.

        (QPlainTextEdit aligns a whole document, not each paragraph: the first strong
        character decides, as it does for the paragraph direction in exports.)
        """
        direction = leading_direction(self.editor.toPlainText())
        if direction != self._direction:
            self._direction = direction
            right_to_left = direction == Qt.LayoutDirection.RightToLeft
            option = self.editor.document().defaultTextOption()
            option.setTextDirection(direction)
            option.setAlignment(Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft)
            self.editor.document().setDefaultTextOption(option)

    def _text_changed(self) -> None:
        text = self.editor.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self._user_edit()

    def _count(self) -> None:
        # Some submissions have length limits: the answer's length is always in view.
        text = self.editor.toPlainText()
        if not text:
            self.counts.clear()
            return
        words, characters = count_words(text), count_characters(text)
        self.counts.setText(
            _("{words}, {characters}").format(
                words=ngettext("{count} word", "{count} words", words).format(count=words),
                characters=ngettext("{count} character", "{count} characters", characters).format(count=characters),
            )
        )

    def value(self) -> str | None:
        """The text, or ``None`` when it is empty or only white space."""
        text = self.editor.toPlainText()
        return text if text.strip() else None

    def _show(self, value: Any) -> None:
        self._last_text = value or ""
        self.editor.setPlainText(value or "")

    def _fit_height(self, *_args: object) -> None:
        # Grow with the text so the page scrolls, not each box; cap it so a long answer scrolls inside.
        line = self.editor.fontMetrics().lineSpacing()
        lines = max(self.MIN_LINES, min(self.MAX_LINES, int(self.editor.document().size().height()) + 1))
        margins = self.editor.contentsMargins()
        frame = 2 * self.editor.frameWidth() + margins.top() + margins.bottom()
        self.editor.setFixedHeight(lines * line + frame + 8)


def leading_direction(text: str) -> Qt.LayoutDirection:
    """Direction of the first strongly directional character of ``text`` (left to right when none)."""
    rtl = strong_direction(text) == "rtl"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
