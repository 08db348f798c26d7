"""The workspace of one open draft: navigation tree on the left, article pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _
from ..questionnaire.model import Article, Question
from .answer_widgets import AnswerField
from .article_page import ArticlePage
from .autosave import Autosave
from .navigation import ProvisionRole, ProvisionTreeModel
from .session import DraftSession


class ErrorBanner(QFrame):
    """A persistent message across the top of the workspace (write errors), with a Retry button."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(_("Try again"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        self.retry.clicked.connect(self.retry_requested)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` until :meth:`hide` is called."""
        self.message.setText(_("Not saved: {message}").format(message=message))
        self.show()


class DraftView(QWidget):
    """Navigation tree and article pages of one draft, wired to autosave.

    Article pages are built when first shown. Edits go to :class:`Autosave`;
    completeness changes update the tree badges and the "required" markers.

    Args:
        session: the open draft.
        autosave: where edits are sent.
    """

    def __init__(self, session: DraftSession, autosave: Autosave, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = autosave
        self.model = ProvisionTreeModel(session.definition, session.info.protocols, self)
        self.model.set_report(session.report)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setObjectName("provisionTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(_("Provisions"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.expandToDepth(0)
        self.pages = QStackedWidget(self)
        self._pages: dict[str, ArticlePage] = {}
        self.banner = ErrorBanner(self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        session.completeness_changed.connect(self._completeness_changed)
        autosave.saved.connect(self._saved)
        autosave.rejected.connect(self._rejected)
        autosave.failed.connect(self.banner.show_message)
        autosave.recovered.connect(self.banner.hide)
        self.banner.retry_requested.connect(autosave.retry)
        first = next(iter(session.definition.articles()), None)
        if first is not None:
            self.select(first.paragraphs[0].id if first.paragraphs else first.id)

    # -- navigation ------------------------------------------------------------------

    def select(self, provision_id: str) -> None:
        """Select an instrument, article or paragraph in the tree and show it."""
        index = self.model.index_for(provision_id)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self._current_changed(index)

    def focus_question(self, question_id: str) -> None:
        """Show a question's article, select its paragraph, scroll to the question and focus its input."""
        question = self.session.definition.question(question_id)
        self.select(question.paragraph_id)
        page = self.current_page()
        if page is not None:
            page.focus_question(question_id)

    def go_to_next_missing(self) -> str | None:
        """Focus the next required answer still missing after the focused question (wrapping round).

        Returns:
            The question id focused, or ``None`` when nothing is missing.
        """
        missing = [m.question.id for m in self.session.report.missing()]
        if not missing:
            return None
        order = {q.id: n for n, q in enumerate(self.session.definition.questions())}
        here = self._focused_question_id()
        if here is None:
            index = self.tree.currentIndex()
            paragraph_id = index.data(ProvisionRole.ID) if index.isValid() else None
            first_of_paragraph = [qid for qid in order if qid.rsplit(".", 1)[0] == paragraph_id]
            position = order[first_of_paragraph[0]] - 1 if first_of_paragraph else -1
        else:
            position = order[here]
        target = next((qid for qid in missing if order[qid] > position), missing[0])
        self.focus_question(target)
        return target

    def _focused_question_id(self) -> str | None:
        page = self.current_page()
        if page is None:
            return None
        for question_id, block in page.blocks.items():
            if block.isAncestorOf(QApplication.focusWidget()):
                return question_id
        return None

    def current_page(self) -> ArticlePage | None:
        """The article page on display."""
        page = self.pages.currentWidget()
        return page if isinstance(page, ArticlePage) else None

    def page_for(self, article: Article) -> ArticlePage:
        """The page of ``article``, built on first use."""
        page = self._pages.get(article.id)
        if page is None:
            instrument = self.session.definition.instrument(article.instrument)
            applicable = article.instrument == "UNTOC" or article.instrument in self.session.info.protocols
            page = ArticlePage(article, instrument.title, applicable, self.session.answers(), self.pages)
            page.edited.connect(self._edited)
            self._pages[article.id] = page
            self.pages.addWidget(page)
        return page

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not index.isValid():
            return
        kind = index.data(ProvisionRole.KIND)
        provision_id = index.data(ProvisionRole.ID)
        definition = self.session.definition
        if kind == "instrument":
            instrument = definition.instrument(provision_id)
            if instrument.articles:
                self._show(instrument.articles[0], None)
        elif kind == "article":
            self._show(next(a for a in definition.articles() if a.id == provision_id), None)
        else:
            paragraph = definition.paragraph(provision_id)
            article = next(a for a in definition.articles() if paragraph in a.paragraphs)
            self._show(article, paragraph.id)

    def _show(self, article: Article, paragraph_id: str | None) -> None:
        page = self.page_for(article)
        self.pages.setCurrentWidget(page)
        if paragraph_id is None:
            page.verticalScrollBar().setValue(0)
        else:
            page.scroll_to_paragraph(paragraph_id)

    # -- edits -----------------------------------------------------------------------

    def _edited(self, question: Question, field: AnswerField) -> None:
        if field.immediate:
            self.autosave.save_now(question, field.value)
        else:
            self.autosave.schedule(question, field.value)

    def _completeness_changed(self, report: object) -> None:
        self.model.set_report(self.session.report)
        answers = self.session.answers()
        for page in self._pages.values():
            page.update_requirements(answers)

    def _block(self, question_id: str):  # noqa: ANN202 (QuestionBlock | None)
        for page in self._pages.values():
            block = page.blocks.get(question_id)
            if block is not None:
                return block
        return None

    def _saved(self, question_id: str, _when: object) -> None:
        block = self._block(question_id)
        if block is not None:
            block.clear_problem()

    def _rejected(self, question_id: str, message: str) -> None:
        block = self._block(question_id)
        if block is not None:
            block.show_problem(message)
