"""The page of one article: a scrollable form generated from the definition's paragraphs and questions.

Paragraphs are built when needed (issue 11): the page opens with each paragraph's heading and room for
its questions, and makes a paragraph's question blocks when it comes into view or within one viewport
below (on show, resize and scroll, before the next paint), when the keyboard focus reaches it (Tab,
Shift+Tab), or when any code asks for one of its sections or blocks (``page.sections[...]``,
``page.blocks[...]``: going to a question, find and replace, undo). Nothing is built behind the user's
back once the page is shown; when assistive technology is active, the whole page is built at once, so
that a screen reader's walk of the page finds every question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QCursor, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from ...i18n import N_, _
from ...questionnaire import display
from ...questionnaire.model import Article
from ...questionnaire.types import is_answered
from ...validation import paragraph_answers
from .accessible_names import article_name, instrument_name
from .focus_order import tab_stops
from .paragraph_section import ParagraphSection, class_text
from .question_block import KnownRecords, QuestionBlock, wrapped_label

__all__ = ["ArticlePage", "KnownRecords", "ParagraphSection", "QuestionBlock", "class_text", "research_details"]

_CONFIDENCE = {"likely": N_("likely (a title, chapter or questionnaire clue)"), "low": N_("low (plausible only)")}

Item = TypeVar("Item", ParagraphSection, QuestionBlock)


class BuiltOnDemand(Mapping[str, Item]):
    """A page's sections (by paragraph id) or question blocks (by question id), built when asked for.

    Asking for an item (``[key]``, ``get``) builds its paragraph; iterating (``items()``, ``values()``,
    ``for key in ...``) builds every paragraph of the page; ``in`` and ``len`` build nothing.

    Args:
        paragraph_of: each key -> the id of the paragraph holding it, in the page's order.
        item: (paragraph id, key) -> the item, once its paragraph is built.
        build: builds the paragraphs whose ids it is given (those already built are left as they are).
    """

    def __init__(
        self,
        paragraph_of: dict[str, str],
        item: Callable[[str, str], Item],
        build: Callable[[Iterable[str]], None],
    ) -> None:
        self._paragraph_of = paragraph_of
        self._item: Callable[[str, str], Item] = item
        self._build = build

    def __getitem__(self, key: str) -> Item:
        """The item, its paragraph built first; ``KeyError`` for a key not on the page."""
        paragraph_id = self._paragraph_of[key]
        self._build((paragraph_id,))
        return self._item(paragraph_id, key)

    def __iter__(self) -> Iterator[str]:
        """The keys in the page's order, every paragraph built first."""
        self._build(dict.fromkeys(self._paragraph_of.values()))
        return iter(list(self._paragraph_of))

    def __len__(self) -> int:
        """How many keys (nothing is built)."""
        return len(self._paragraph_of)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is on the page (nothing is built)."""
        return key in self._paragraph_of


class ArticlePage(QScrollArea):
    """The form of one article, generated from the definition; each paragraph's questions built when needed.

    Args:
        article: the article shown.
        instrument_title: full title of its instrument.
        applicable: whether the article's paragraphs apply to the State party.
        answers: stored answers (question id -> value) to show. The page keeps the latest answers it
            was given (here or in :meth:`update_requirements`) to fill the paragraphs it builds later.
        research_details: research notes on the article's place in the cluster and its paragraphs
            (``cluster_note``, ``cluster_confidence``, paragraph notes, the cluster's evidence), shown
            only in the page's collapsed "Research details" pane, never in the form itself.
        known_records: record type -> records entered elsewhere in the draft (cross-references).

    Attributes:
        sections: paragraph id -> its :class:`ParagraphSection`, built when asked for (:class:`BuiltOnDemand`).
        blocks: question id -> its :class:`QuestionBlock`, its paragraph built when asked for.
    """

    #: (Question, AnswerField) when the user edits an answer.
    edited = Signal(object, object)
    #: A paragraph's questions were built (the ParagraphSection): values shown, edits connected, markers set.
    paragraph_built = Signal(object)

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
        self._answers = answers
        self._building_near_view = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(article_name(article))
        self.setAccessibleDescription(instrument_title)
        body = QWidget()
        body.setObjectName("articleBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addWidget(wrapped_label(instrument_title, object_name="instrumentTitle"))
        layout.addWidget(
            wrapped_label(
                _("Article {number}. {title}").format(number=article.number, title=display.article_title(article)),
                object_name="articleTitle",
            )
        )
        if not applicable:
            layout.addWidget(
                wrapped_label(
                    _("The State party is not party to this Protocol; not required."), object_name="notApplicable"
                )
            )
        self._sections: dict[str, ParagraphSection] = {}
        paragraph_of_question: dict[str, str] = {}
        for paragraph in article.paragraphs:
            section = ParagraphSection(paragraph, applicable, body, known_records, built=False)
            if not section.built:  # the keyboard focus reaching it builds it
                section.focus_reached.connect(lambda reason, reached=section: self._focus_reached(reached, reason))
            self._sections[paragraph.id] = section
            layout.addWidget(section)
            paragraph_of_question.update(dict.fromkeys((q.id for q in paragraph.questions), paragraph.id))
        self.sections: BuiltOnDemand[ParagraphSection] = BuiltOnDemand(
            {paragraph_id: paragraph_id for paragraph_id in self._sections},
            lambda paragraph_id, _key: self._sections[paragraph_id],
            self.build_paragraphs,
        )
        self.blocks: BuiltOnDemand[QuestionBlock] = BuiltOnDemand(
            paragraph_of_question,
            lambda paragraph_id, question_id: self._sections[paragraph_id].blocks[question_id],
            self.build_paragraphs,
        )
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
            self.details = wrapped_label(research_details.strip(), object_name="researchDetails")
            self.details.hide()
            self.details_button.toggled.connect(self._toggle_details)
            layout.addWidget(self.details_button)
            layout.addWidget(self.details)
        layout.addStretch(1)
        self.setWidget(body)
        self.update_requirements(answers)
        self.verticalScrollBar().valueChanged.connect(self._build_near_view)
        self._pointer_refresh_pending = False
        self.verticalScrollBar().valueChanged.connect(self._refresh_under_pointer_soon)

    def _refresh_under_pointer_soon(self, _value: int = 0) -> None:
        if not self._pointer_refresh_pending:
            self._pointer_refresh_pending = True
            QTimer.singleShot(0, self, self.refresh_under_pointer)

    def refresh_under_pointer(self) -> None:
        """Tell Qt which widget is under a still mouse pointer after the page moved beneath it.

        Qt learns which widget is under the mouse only when the mouse moves. After the page scrolled
        (keyboard, wheel) under a still pointer, a right-click opened the menu of the field that
        had been there, and Paste wrote into that field, now out of sight. A move to where the
        pointer already is, sent to the window, brings Qt up to date, as a touch of the mouse would.
        """
        self._pointer_refresh_pending = False
        window = self.window().windowHandle()
        if window is None or not self.isVisible() or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        pointer = QCursor.pos()
        if not self.viewport().rect().contains(self.viewport().mapFromGlobal(pointer)):
            return
        local = window.mapFromGlobal(pointer)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(local),
            QPointF(pointer),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            QApplication.keyboardModifiers(),
        )
        QApplication.sendEvent(window, move)

    def _toggle_details(self, shown: bool) -> None:
        assert self.details is not None and self.details_button is not None
        self.details.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # -- building paragraphs -----------------------------------------------------------

    def built_paragraphs(self) -> list[str]:
        """The ids of the paragraphs whose questions are built, in the page's order; builds nothing."""
        return [paragraph_id for paragraph_id, section in self._sections.items() if section.built]

    def built_blocks(self) -> dict[str, QuestionBlock]:
        """The question blocks built so far (question id -> block); builds nothing."""
        return {qid: block for section in self._sections.values() for qid, block in section.blocks.items()}

    def build_paragraphs(self, paragraph_ids: Iterable[str]) -> None:
        """Build the question blocks of these paragraphs of the page (those built already are left as they are).

        Each block shows the latest stored answer, reports edits through :attr:`edited` and has its
        "required" marker and relevance set; :attr:`paragraph_built` is emitted for each paragraph.
        When the page is shown, what is in view stays in place even if a paragraph above it grows.

        Raises:
            KeyError: an id that is not a paragraph of this page.
        """
        due = [self._sections[paragraph_id] for paragraph_id in paragraph_ids]
        due = [section for section in due if not section.built]
        if not due:
            return
        anchor = self._anchor()
        for section in due:
            blocks = section.build()
            for block in blocks:
                block.field.set_value(self._answers.get(block.question.id))
                block.field.edited.connect(lambda b=block: self.edited.emit(b.question, b.field))
            self._show_requirements(section)
            self.paragraph_built.emit(section)
        if anchor is not None:
            section, offset = anchor
            self._lay_out_now()
            self.verticalScrollBar().setValue(section.y() - offset)

    def _build_near_view(self, *_value: int) -> None:
        """Build the paragraphs in view or within one viewport below it, one by one (each moves those below)."""
        if self._building_near_view or not self.isVisible():
            return
        self._building_near_view = True
        try:
            while any(not section.built for section in self._sections.values()):
                self._lay_out_now()
                top = self.verticalScrollBar().value()
                bottom = top + 2 * self.viewport().height()
                due = next(
                    (
                        section
                        for section in self._sections.values()
                        if not section.built and section.y() < bottom and section.y() + section.height() > top
                    ),
                    None,
                )
                if due is None:
                    break
                self.build_paragraphs((due.paragraph.id,))
        finally:
            self._building_near_view = False

    def _anchor(self) -> tuple[ParagraphSection, int] | None:
        """The first paragraph starting in view and its distance from the view's top (``None``: the page's top)."""
        if not self.isVisible() or self.verticalScrollBar().value() == 0:
            return None
        self._lay_out_now()
        top = self.verticalScrollBar().value()
        section = next((s for s in self._sections.values() if s.y() >= top), None)
        return (section, section.y() - top) if section is not None else None

    def _lay_out_now(self) -> None:
        """Lay the page out now rather than on the next pass of the event loop: current positions and scroll range.

        A paragraph that changed asks its own layout, which then asks the body's, which asks the
        scroll area's (the scroll range); each request is delivered here, in that order.
        """
        for widget in (*self._sections.values(), self.widget(), self.viewport()):
            QApplication.sendPostedEvents(widget, QEvent.Type.LayoutRequest)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Build what is in view before the first paint (everything when assistive technology is active)."""
        super().showEvent(event)
        if QAccessible.isActive():
            self.build_paragraphs(self._sections)
        self._build_near_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Build what a larger view brings into sight."""
        super().resizeEvent(event)
        self._build_near_view()

    def _focus_reached(self, section: ParagraphSection, reason: Qt.FocusReason) -> None:
        """Tab or Shift+Tab reached an unbuilt paragraph: build it and go on to its first (or last) control."""
        if section.built:
            return
        forward = reason != Qt.FocusReason.BacktabFocusReason
        self.build_paragraphs((section.paragraph.id,))
        controls = tab_stops(section)
        if controls:
            target = controls[0] if forward else controls[-1]
            target.setFocus(reason)
            self.ensureWidgetVisible(target)
        else:  # nothing to answer here: on to the next control
            section.focusNextPrevChild(forward)

    # -- answers -----------------------------------------------------------------------

    def update_requirements(self, answers: Mapping[str, Any]) -> None:
        """Update the "required" markers and hide questions not relevant (rules read other answers, e.g. the status).

        Unbuilt paragraphs only keep room for their relevant questions; ``answers`` is kept to fill
        the paragraphs built later.

        Args:
            answers: every stored answer, question id -> value.
        """
        self._answers = answers
        for section in self._sections.values():
            if section.built:
                self._show_requirements(section)
            else:
                by_key = paragraph_answers(section.paragraph, answers)
                section.keep_room_for(q for q in section.paragraph.questions if q.is_relevant(by_key))

    def _show_requirements(self, section: ParagraphSection) -> None:
        by_key = paragraph_answers(section.paragraph, self._answers)
        for block in section.blocks.values():
            required = section.applicable and block.question.is_required(by_key)
            # Marked before it is shown: a new block's marker then takes its style at its first polish.
            block.set_required(required, is_answered(self._answers.get(block.question.id)))
            block.setVisible(block.question.is_relevant(by_key))

    # -- going places ------------------------------------------------------------------

    def scroll_to_paragraph(self, paragraph_id: str) -> None:
        """Scroll so the paragraph's heading is at the top of the page (the first one: the page's top)."""
        section = self._sections.get(paragraph_id)
        if section is None:
            return
        if self.article.paragraphs and self.article.paragraphs[0].id == paragraph_id:
            # The first paragraph: show the article header too (instrument and article title).
            self.verticalScrollBar().setValue(0)
            QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(0))
        else:
            self._scroll_to(section)

    def focus_question(self, question_id: str) -> None:
        """Scroll to a question (its paragraph built if need be) and give its input the keyboard focus."""
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
        paragraph_id = paragraph_id or next(iter(self._sections), None)
        section = self.sections.get(paragraph_id) if paragraph_id else None
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
            lines.append(
                display.unnumbered_title(paragraph, paragraph.note)
                or _("Paragraph {ref}: {note}").format(ref=display.paragraph_ref(paragraph), note=paragraph.note)
            )
    if cluster_evidence:
        lines.append(_("About the cluster's article list: {evidence}").format(evidence=cluster_evidence))
    return "\n".join(lines)
