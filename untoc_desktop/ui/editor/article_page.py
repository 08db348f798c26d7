"""The page of one article: a scrollable form generated from the definition's paragraphs and questions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, interface_language
from ...questionnaire import display
from ...questionnaire.model import Article, Paragraph, Question
from ...questionnaire.obligations import OBLIGATION_EXPLANATIONS, obligation_label
from ...questionnaire.types import is_answered
from ...validation import paragraph_answers
from .accessible_names import article_name, field_name, instrument_name
from .answer_fields import answer_field_for
from .answer_widgets import AnswerField

#: record type -> records already entered in the draft (``cross_references.known_records``).
KnownRecords = Callable[[str], list[dict[str, Any]]]

_CONFIDENCE = {"likely": N_("likely (a title, chapter or questionnaire clue)"), "low": N_("low (plausible only)")}


def class_text(obligation: str) -> str:
    """The paragraph's obligation class as shown on the page, e.g. ``Obligation: must consider``."""
    return _("Obligation: {label}").format(label=obligation_label(obligation, interface_language()))


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
        self.title = _label(display.question_label(question), object_name="questionLabel")
        self.marker = QLabel(self)
        self.marker.setObjectName("requiredMarker")
        self.marker.hide()
        self.help = _label(display.question_help(question), object_name="questionHelp")
        self.field: AnswerField = answer_field_for(question, self, known_records)
        self.field.setToolTip(display.question_help(question))
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
    """A paragraph's heading, its obligation class in plain words and its question blocks.

    Disabled with a note when it does not apply; a paragraph creating no obligation (``saving``)
    is shown greyed, for context, with no questions.
    """

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
        self.setObjectName("contextParagraph" if paragraph.context_only else "paragraphSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        heading = _("Paragraph {ref}: {label}").format(
            ref=display.paragraph_ref(paragraph), label=display.paragraph_label(paragraph)
        )
        self.heading = _label(heading, object_name="contextHeading" if paragraph.context_only else "paragraphHeading")
        self.setAccessibleName(heading)
        layout.addWidget(self.heading)
        facts = [class_text(paragraph.obligation)]
        if paragraph.unverified:
            facts.append(_("† detail not yet verified against the treaty text"))
        self.facts = _label(" · ".join(facts), object_name="paragraphFacts")
        self.facts.setToolTip(_(OBLIGATION_EXPLANATIONS.get(paragraph.obligation, "")))
        layout.addWidget(self.facts)
        if paragraph.context_only:
            layout.addWidget(
                _label(
                    _(
                        "Shown for context: this paragraph asks nothing of the State party, so there "
                        "is nothing to answer and it is never counted as missing."
                    ),
                    object_name="questionHelp",
                )
            )
        self.not_applicable = _label(
            _("The State party is not party to this Protocol; not required."), object_name="notApplicable"
        )
        self.not_applicable.setVisible(not applicable)
        layout.addWidget(self.not_applicable)
        self.blocks: dict[str, QuestionBlock] = {}
        for question in paragraph.questions:
            block = QuestionBlock(question, self, known_records)
            block.name_for(paragraph)
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
        research_details: research notes on the article's place in the cluster and its paragraphs
            (``cluster_note``, ``cluster_confidence``, paragraph notes, the cluster's evidence), shown
            only in the page's collapsed "Research details" pane, never in the form itself.
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
        research_details: str = "",
        known_records: KnownRecords | None = None,
    ) -> None:
        super().__init__(parent)
        self.article = article
        self.applicable = applicable
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(article_name(article))
        self.setAccessibleDescription(instrument_title)
        body = QWidget()
        body.setObjectName("articleBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addWidget(_label(instrument_title, object_name="instrumentTitle"))
        layout.addWidget(
            _label(
                _("Article {number}. {title}").format(number=article.number, title=display.article_title(article)),
                object_name="articleTitle",
            )
        )
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
        self.details_button: QToolButton | None = None
        self.details: QLabel | None = None
        if research_details.strip():
            self.details_button = QToolButton(body)
            self.details_button.setText(_("Research details"))
            self.details_button.setCheckable(True)
            self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.details_button.setArrowType(Qt.ArrowType.RightArrow)
            self.details_button.setToolTip(_("Where the research placed this article, and notes on its paragraphs"))
            self.details_button.setAccessibleName(
                _("Research details on article {number} ({instrument})").format(
                    number=article.number, instrument=instrument_name(article.instrument)
                )
            )
            self.details = _label(research_details.strip(), object_name="researchDetails")
            self.details.hide()
            self.details_button.toggled.connect(self._toggle_details)
            layout.addWidget(self.details_button)
            layout.addWidget(self.details)
        layout.addStretch(1)
        self.setWidget(body)
        self.update_requirements(answers)

    def _toggle_details(self, shown: bool) -> None:
        assert self.details is not None and self.details_button is not None
        self.details.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

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
            # The first paragraph: show the article header too (instrument and article title).
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

    def focus_paragraph(self, paragraph_id: str | None = None) -> QWidget:
        """Give the focus to the first question of a paragraph (default: the article's first) that can be answered.

        When the paragraph has nothing to answer (context only, or a Protocol the State is not party
        to) the page itself takes the focus, scrolled to the paragraph, so that it can be read.

        Returns:
            The widget given the focus.
        """
        section = self.sections.get(paragraph_id) if paragraph_id else next(iter(self.sections.values()), None)
        if section is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return self
        block = next((b for b in section.blocks.values() if b.isVisibleTo(self) and b.isEnabled()), None)
        if block is None:
            self.scroll_to_paragraph(section.paragraph.id)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return self
        self.scroll_to_paragraph(section.paragraph.id)  # the heading, then the question, in view
        block.field.focus_input()
        return block.field.focusProxy() or block.field

    def _scroll_to(self, widget: QWidget) -> None:
        def scroll() -> None:
            content = self.widget()
            if content is None:  # the page is being torn down
                return
            layout = content.layout()
            if layout is not None:
                layout.activate()
            top = widget.mapTo(content, QPoint(0, 0)).y()
            self.verticalScrollBar().setValue(max(top - 10, 0))

        scroll()
        # A page shown for the first time is laid out on the next pass of the event loop.
        QTimer.singleShot(0, self, scroll)


def research_details(article: Article, cluster_evidence: str = "") -> str:
    """The research notes of an article as plain text for the "Research details" pane ("" when none).

    Args:
        article: the article (``cluster_confidence``, ``cluster_note``, paragraph ``note``).
        cluster_evidence: the definition's ``provisional_details`` (evidence on the cluster's article list).
    """
    lines = []
    if article.cluster_confidence:
        confidence = _CONFIDENCE.get(article.cluster_confidence, article.cluster_confidence)
        lines.append(_("Place of this article in the cluster: {confidence}.").format(confidence=_(confidence)))
    if article.cluster_note:
        lines.append(article.cluster_note)
    for paragraph in article.paragraphs:
        if paragraph.note:
            lines.append(_("Paragraph {ref}: {note}").format(ref=display.paragraph_ref(paragraph), note=paragraph.note))
    if cluster_evidence:
        lines.append(_("About the cluster's article list: {evidence}").format(evidence=cluster_evidence))
    return "\n".join(lines)
