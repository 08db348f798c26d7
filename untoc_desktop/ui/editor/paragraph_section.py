"""One paragraph on an article page: its heading, obligation class and question blocks, built when needed.

A section can be made *unbuilt*: it then shows its heading and obligation class at once and keeps room
for its questions (an estimate from their types), so the page's scroll bar is about right; the question
blocks are made by :meth:`ParagraphSection.build` when the page needs them (issue 11: a page of ten
paragraphs opens with only the one or two on screen built).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ...i18n import _, interface_language
from ...questionnaire import display
from ...questionnaire.model import Paragraph, Question
from ...questionnaire.obligations import OBLIGATION_EXPLANATIONS, obligation_label
from ...questionnaire.types import RECORD_FIELDS
from .focus_order import proxies_of, put_after
from .question_block import KnownRecords, QuestionBlock, wrapped_label

#: About how many text lines a question block takes, by question type (label, help, input, margins);
#: measured on the shipped questionnaire. Record lists (tables) take 10.
_LINES_BY_TYPE = {"status": 7, "yes_no": 6, "choice": 6, "multi_choice": 8, "text": 8, "number": 5, "date": 5}
_RECORD_LINES = 10


def class_text(obligation: str) -> str:
    """The paragraph's obligation class as shown on the page, e.g. ``Obligation: must consider``."""
    return _("Obligation: {label}").format(label=obligation_label(obligation, interface_language()))


class ParagraphSection(QFrame):
    """A paragraph's heading, its obligation class in plain words and its question blocks.

    Disabled with a note when it does not apply; a paragraph creating no obligation (``saving``)
    is shown greyed, for context, with no questions.

    Args:
        paragraph: the paragraph shown.
        applicable: whether it applies to the State party (its blocks are disabled otherwise).
        parent: the page's body.
        known_records: record type -> records entered elsewhere in the draft (cross-references).
        built: make the question blocks now (the default); ``False`` leaves room for them until
            :meth:`build` (see :meth:`keep_room_for`). While unbuilt, the section is a Tab stop, so
            that the page can build it when the keyboard focus reaches it.

    Attributes:
        blocks: question id -> its block, in the paragraph's order (empty until built).
    """

    #: The keyboard focus reached the section while it is unbuilt, with the focus reason (the page builds it).
    focus_reached = Signal(object)

    def __init__(
        self,
        paragraph: Paragraph,
        applicable: bool,
        parent: QWidget | None = None,
        known_records: KnownRecords | None = None,
        *,
        built: bool = True,
    ) -> None:
        super().__init__(parent)
        self.paragraph = paragraph
        self.applicable = applicable
        self._known_records = known_records
        self.setObjectName("contextParagraph" if paragraph.context_only else "paragraphSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        label = display.paragraph_label(paragraph)
        heading = display.unnumbered_title(paragraph, label) or _("Paragraph {ref}: {label}").format(
            ref=display.paragraph_ref(paragraph), label=label
        )
        self.heading = wrapped_label(
            heading, object_name="contextHeading" if paragraph.context_only else "paragraphHeading"
        )
        self.setAccessibleName(heading)
        layout.addWidget(self.heading)
        facts = [class_text(paragraph.obligation)]
        if paragraph.unverified:
            facts.append(_("† detail not yet verified against the treaty text"))
        self.facts = wrapped_label(" · ".join(facts), object_name="paragraphFacts")
        self.facts.setToolTip(_(OBLIGATION_EXPLANATIONS.get(paragraph.obligation, "")))
        layout.addWidget(self.facts)
        if paragraph.context_only:
            layout.addWidget(
                wrapped_label(
                    _(
                        "Shown for context: this paragraph asks nothing of the State party, so there "
                        "is nothing to answer and it is never counted as missing."
                    ),
                    object_name="questionHelp",
                )
            )
        self.not_applicable = wrapped_label(
            _("The State party is not party to this Protocol; not required."), object_name="notApplicable"
        )
        self.not_applicable.setVisible(not applicable)
        layout.addWidget(self.not_applicable)
        self.blocks: dict[str, QuestionBlock] = {}
        self._room: QWidget | None = None  # an empty widget as tall as the questions to come
        if built or not paragraph.questions:
            self._built = True
            self._make_blocks()
        else:
            self._built = False
            self._room = QWidget(self)  # a widget, not a spacer item: Qt alone owns and deletes it
            layout.addWidget(self._room)
            self.keep_room_for(paragraph.questions)
            self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    @property
    def built(self) -> bool:
        """Whether the question blocks exist (always true for a paragraph with no questions)."""
        return self._built

    def keep_room_for(self, questions: Iterable[Question]) -> None:
        """While unbuilt, keep about the height ``questions`` will take once built (nothing once built).

        Args:
            questions: the questions that will be shown (those relevant to the answers given).
        """
        if self._room is None:
            return
        lines = sum(_RECORD_LINES if q.type in RECORD_FIELDS else _LINES_BY_TYPE.get(q.type, 8) for q in questions)
        height = lines * self.fontMetrics().lineSpacing()
        if self._room.minimumHeight() != height:
            self._room.setFixedHeight(height)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        """Tab or Shift+Tab reached the unbuilt section: say so (:attr:`focus_reached`); the page builds it.

        An override rather than the page's event filter: a filter is called for every event of
        every section (some 200 while a page opens), each one wrapped for Python.
        """
        super().focusInEvent(event)
        if not self._built:
            self.focus_reached.emit(event.reason())

    def build(self) -> list[QuestionBlock]:
        """Make the question blocks (once), in the keyboard's Tab order after the heading.

        The blocks are enabled only when the paragraph applies; their values, visibility and
        "required" markers are the page's to set (:class:`~.article_page.ArticlePage`).

        Returns:
            The blocks made now (empty when the section was already built).
        """
        if self._built:
            return []
        self._built = True
        last_before = self.window().previousInFocusChain()  # the new widgets come after it
        assert last_before is not None
        layout = self.layout()
        assert layout is not None and self._room is not None
        layout.removeWidget(self._room)
        self._room.hide()
        self._room.deleteLater()
        self._room = None
        self._make_blocks()
        put_after(self, last_before, proxies_of((block.field for block in self.blocks.values()), self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return list(self.blocks.values())

    def _make_blocks(self) -> None:
        layout = self.layout()
        assert layout is not None
        for question in self.paragraph.questions:
            block = QuestionBlock(question, self, self._known_records)
            block.name_for(self.paragraph)
            block.setEnabled(self.applicable)
            self.blocks[question.id] = block
            layout.addWidget(block)
