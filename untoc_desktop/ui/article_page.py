"""The page of one article: a scrollable form generated from the definition's paragraphs and questions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QMenu, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ..i18n import N_, _
from ..questionnaire.model import Article, Paragraph, Question
from ..questionnaire.types import is_answered
from ..validation import paragraph_answers
from .answer_widgets import AnswerField, answer_field_for

#: record type -> records already entered in the draft (``cross_references.known_records``).
KnownRecords = Callable[[str], list[dict[str, Any]]]

_OBLIGATION_LABELS = {
    "mandatory": N_("Mandatory obligation"),
    "qualified": N_("Qualified obligation"),
    "optional": N_("Optional provision"),
    "definition": N_("Definition (use of terms)"),
    "unclassified": N_("Obligation level not yet classified"),
}


def _label(text: str, *, object_name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.title = _label(question.label, object_name="questionLabel")
        self.marker = QLabel(self)
        self.marker.setObjectName("requiredMarker")
        self.marker.hide()
        self.help = _label(question.help, object_name="questionHelp")
        self.field: AnswerField = answer_field_for(question, self, known_records)
        self.field.setToolTip(question.help)
        self.title.setBuddy(self.field)
        self.problem = _label("", object_name="answerProblem")
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Add History… to the context menu of the answer's text inputs."""
        if event.type() == QEvent.Type.ContextMenu and isinstance(watched, (QPlainTextEdit, QLineEdit)):
            self._context_menu(watched.createStandardContextMenu(), event.globalPos())  # type: ignore[attr-defined]
            return True
        return super().eventFilter(watched, event)

    def _context_menu(self, menu: QMenu | None, where: QPoint) -> None:
        menu = menu or QMenu(self)
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(_("History…"), lambda: self.history_requested.emit(self.question.id))
        menu.exec(where)
        menu.deleteLater()

    def set_required(self, required: bool, answered: bool) -> None:
        """Show or hide the "required" marker; it is stressed while the answer is missing."""
        self.required = required
        self.marker.setVisible(required)
        self.marker.setText(_("Required") if answered else _("Required — not answered yet"))
        self.marker.setProperty("missing", required and not answered)
        self.marker.style().unpolish(self.marker)
        self.marker.style().polish(self.marker)

    def show_problem(self, message: str) -> None:
        """Show why the value in the field was not saved."""
        self.problem.setText(message)
        self.problem.show()

    def clear_problem(self) -> None:
        """Hide the problem message (the value was saved)."""
        self.problem.hide()
        self.problem.clear()


class ParagraphSection(QFrame):
    """A paragraph's heading and its question blocks; disabled with a note when it does not apply."""

    def __init__(
        self,
        paragraph: Paragraph,
        applicable: bool,
        parent: QWidget | None = None,
        known_records: KnownRecords | None = None,
    ) -> None:
        super().__init__(parent)
        self.paragraph = paragraph
        self.applicable = applicable
        self.setObjectName("paragraphSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        heading = _("Paragraph {ref}: {label}").format(ref=paragraph.ref, label=paragraph.label)
        layout.addWidget(_label(heading, object_name="paragraphHeading"))
        facts = [_(_OBLIGATION_LABELS.get(paragraph.obligation, paragraph.obligation))]
        if paragraph.unverified:
            facts.append(_("† detail not yet verified against the treaty text"))
        layout.addWidget(_label(" · ".join(facts), object_name="paragraphFacts"))
        if paragraph.note:
            layout.addWidget(_label(paragraph.note, object_name="questionHelp"))
        self.not_applicable = _label(
            _("The State party is not party to this Protocol; not required."), object_name="notApplicable"
        )
        self.not_applicable.setVisible(not applicable)
        layout.addWidget(self.not_applicable)
        self.blocks: dict[str, QuestionBlock] = {}
        for question in paragraph.questions:
            block = QuestionBlock(question, self, known_records)
            block.setEnabled(applicable)
            self.blocks[question.id] = block
            layout.addWidget(block)


class ArticlePage(QScrollArea):
    """The form of one article, generated from the definition.

    Args:
        article: the article shown.
        instrument_title: full title of its instrument.
        applicable: whether the article's paragraphs apply to the State party.
        answers: stored answers (question id -> value) to show.
        provisional_note: when the definition's article list is provisional, why (shown in the header).
        known_records: record type -> records entered elsewhere in the draft (cross-references).
    """

    #: (Question, AnswerField) when the user edits an answer.
    edited = Signal(object, object)

    def __init__(
        self,
        article: Article,
        instrument_title: str,
        applicable: bool,
        answers: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        provisional_note: str | None = None,
        known_records: KnownRecords | None = None,
    ) -> None:
        super().__init__(parent)
        self.article = article
        self.applicable = applicable
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("articleBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addWidget(_label(instrument_title, object_name="instrumentTitle"))
        layout.addWidget(
            _label(_("Article {number}. {title}").format(number=article.number, title=article.title),
                   object_name="articleTitle")
        )
        self.provisional: QLabel | None = None
        notes = []
        if provisional_note is not None:
            notes.append(_("Provisional article list: {note}").format(note=provisional_note).strip())
        if article.unverified:
            notes.append(_("† This article's place in the cluster and its paragraph detail are not yet verified "
                           "against the official texts."))
        if notes:
            self.provisional = _label("\n".join(notes), object_name="provisionalNote")
            layout.addWidget(self.provisional)
        if not applicable:
            layout.addWidget(
                _label(_("The State party is not party to this Protocol; not required."), object_name="notApplicable")
            )
        self.sections: dict[str, ParagraphSection] = {}
        self.blocks: dict[str, QuestionBlock] = {}
        for paragraph in article.paragraphs:
            section = ParagraphSection(paragraph, applicable, body, known_records)
            self.sections[paragraph.id] = section
            layout.addWidget(section)
            for question_id, block in section.blocks.items():
                self.blocks[question_id] = block
                block.field.set_value(answers.get(question_id))
                block.field.edited.connect(lambda b=block: self.edited.emit(b.question, b.field))
        layout.addStretch(1)
        self.setWidget(body)
        self.update_requirements(answers)

    def update_requirements(self, answers: Mapping[str, Any]) -> None:
        """Update the "required" markers and hide questions not relevant (rules read other answers, e.g. the status)."""
        for section in self.sections.values():
            by_key = paragraph_answers(section.paragraph, answers)
            for block in section.blocks.values():
                block.setVisible(block.question.is_relevant(by_key))
                required = section.applicable and block.question.is_required(by_key)
                block.set_required(required, is_answered(answers.get(block.question.id)))

    def scroll_to_paragraph(self, paragraph_id: str) -> None:
        """Scroll so the paragraph's heading is at the top of the page (the first one: the page's top)."""
        section = self.sections.get(paragraph_id)
        if section is None:
            return
        if self.article.paragraphs and self.article.paragraphs[0].id == paragraph_id:
            # The first paragraph: show the article header too (title, provisional notes).
            self.verticalScrollBar().setValue(0)
            QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(0))
        else:
            self._scroll_to(section)

    def focus_question(self, question_id: str) -> None:
        """Scroll to a question and give its input the keyboard focus."""
        block = self.blocks.get(question_id)
        if block is None:
            return
        self._scroll_to(block)
        block.field.focus_input()

    def _scroll_to(self, widget: QWidget) -> None:
        def scroll() -> None:
            self.widget().layout().activate()
            top = widget.mapTo(self.widget(), QPoint(0, 0)).y()
            self.verticalScrollBar().setValue(max(top - 10, 0))

        scroll()
        # A page shown for the first time is laid out on the next pass of the event loop.
        QTimer.singleShot(0, self, scroll)
