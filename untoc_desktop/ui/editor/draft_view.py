"""The workspace of one open draft: navigation tree on the left, article pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...cross_references import known_records
from ...i18n import _
from ...questionnaire import display
from ...questionnaire.model import Article, Question
from ...questionnaire.upgrade import archived_answers
from ...spelling import SpellChecker
from ..models.navigation import ProvisionRole, ProvisionTreeModel
from ..models.obligation_filter import ObligationFilterBox, ObligationFilterProxy
from ..window.autosave import Autosave
from ..window.session import DraftSession
from .answer_widgets import AnswerField, TextField
from .archived_page import ArchivedAnswersPage
from .article_page import ArticlePage, research_details
from .question_block import QuestionBlock
from .spelling import SpellingSupport
from .undo import AnswerUndo


class ErrorBanner(QFrame):
    """A persistent message across the top of the workspace (write errors), with Try again and Save As buttons."""

    retry_requested = Signal()
    #: The user chose to save the draft, with the unsaved text, elsewhere.
    save_as_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(_("Try again"), self)
        self.save_as = QPushButton(_("Save As…"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        layout.addWidget(self.save_as)
        self.retry.clicked.connect(self.retry_requested)
        self.save_as.clicked.connect(self.save_as_requested)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` until :meth:`hide` is called."""
        self.message.setText(_("Not saved: {message}").format(message=message))
        self.show()


class NoticeBanner(QFrame):
    """A persistent, calm notice across the top of the workspace (e.g. "opened read-only")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")  # colours: ui/style.py, from the palette
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` until the draft is closed."""
        self.message.setText(message)
        self.show()


class ProvisionalBanner(QFrame):
    """Says once, above the tree and pages, that the cluster's article list is provisional.

    It offers a way to import a correction (:attr:`import_requested`).
    """

    import_requested = Signal()

    def __init__(self, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provisionalBanner")
        self.message = QLabel(_("The list of articles for this cluster is provisional."), self)
        self.message.setWordWrap(True)
        self.message.setToolTip(_(note))
        self.import_button = QPushButton(_("Import a corrected definition…"), self)
        self.import_button.setToolTip(_("File > Import questionnaire definition… Your answers are kept."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.import_button)
        self.import_button.clicked.connect(self.import_requested)


class DraftView(QWidget):
    """Navigation tree and article pages of one draft, wired to autosave.

    Article pages are built when first shown. Edits go to :class:`Autosave`;
    completeness changes update the tree badges and the "required" markers.
    The tree shows :attr:`model`, a filter (by obligation level) over
    :attr:`provisions`; answers to questions no longer asked appear under an
    "Archived answers" node.

    Args:
        session: the open draft.
        autosave: where edits are sent.
    """

    #: A question's history was asked for (right-click on its answer > History…), with its id.
    history_requested = Signal(str)

    def __init__(self, session: DraftSession, autosave: Autosave, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = autosave
        self.archived = archived_answers(session.definition, session.answers())
        self.provisions = ProvisionTreeModel(session.definition, session.info.protocols, self, len(self.archived))
        self.provisions.set_report(session.report)
        self.model = ObligationFilterProxy(self)
        self.model.setSourceModel(self.provisions)
        self.filter_box = ObligationFilterBox(self)
        self.filter_box.level_chosen.connect(self.filter_by_obligation)
        self.archived_page: ArchivedAnswersPage | None = None
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setObjectName("provisionTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(_("Provisions"))
        self.tree.setAccessibleDescription(
            _(
                "Instruments, articles and paragraphs with the answers given. Press "
                "Enter to go to a paragraph's first question, F6 to move between "
                "the tree, the page and the panels."
            )
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # as wide as its widest badge
        self.tree.expandToDepth(0)
        self.pages = QStackedWidget(self)
        self._pages: dict[str, ArticlePage] = {}
        self.banner = ErrorBanner(self)
        self.notice = NoticeBanner(self)
        self.read_only = False
        self.spelling = SpellingSupport(SpellChecker(session.info.language), self)
        self.spelling.wait_for_first_paint(self)  # the dictionary is read once the draft is on screen
        self.undo = AnswerUndo(
            session.answer,
            self._field_for,
            lambda question, value: autosave.save_now(question, lambda: value),
            self.focus_question,
            self,
        )
        definition = session.definition
        self.provisional_banner = (
            ProvisionalBanner(display.provisional_note(definition), self) if definition.provisional else None
        )

        navigator = self.navigator = QWidget(self)
        filter_row = QHBoxLayout()
        filter_label = QLabel(_("&Show:"), navigator)
        filter_label.setBuddy(self.filter_box)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_box, 1)
        navigator_layout = QVBoxLayout(navigator)
        navigator_layout.setContentsMargins(4, 4, 4, 0)  # symmetric: right to left mirrors the navigator
        navigator_layout.setSpacing(4)
        navigator_layout.addLayout(filter_row)
        navigator_layout.addWidget(self.tree, 1)
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(navigator)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        splitter.setCollapsible(0, True)  # the tree folds away on a small screen (View > Provision tree)
        splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.banner)
        if self.provisional_banner is not None:
            layout.addWidget(self.provisional_banner)
        layout.addWidget(splitter, 1)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)  # Enter: to the chosen paragraph's first question; font changes
        # Badges change in bursts (one signal per branch): the column is sized once, when they are over.
        self._badge_fit = QTimer(self)
        self._badge_fit.setSingleShot(True)
        self._badge_fit.setInterval(0)
        self._badge_fit.timeout.connect(self._fit_badge_column)
        for changed in (self.model.dataChanged, self.model.layoutChanged, self.model.modelReset):
            changed.connect(self._badge_fit.start)
        self._fit_badge_column()
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

    def filter_by_obligation(self, level: str) -> None:
        """Show only paragraphs of one obligation class in the tree ("" for all).

        Article and instrument badges then count only the paragraphs shown; the draft's overall
        completeness is unchanged.
        """
        if self.filter_box.currentData() != level:
            self.filter_box.choose(level)  # emits level_chosen, which comes back here
            return
        shown = self.tree.currentIndex().data(ProvisionRole.ID)
        self.model.set_level(level)
        self.provisions.set_counted_class(level)
        if level:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        if shown and self.model.index_for(shown).isValid():
            self.tree.scrollTo(self.model.index_for(shown))

    def select(self, provision_id: str) -> None:
        """Select an instrument, article or paragraph in the tree and show it (clearing a filter hiding it)."""
        index = self.model.index_for(provision_id)
        if not index.isValid() and self.provisions.index_for(provision_id).isValid():
            self.filter_by_obligation("")
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
        here = self.focused_question_id()
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

    def enter_page(self) -> QWidget | None:
        """Give the focus to the page: the first question of the paragraph chosen in the tree (or the article's).

        Returns:
            The widget focused, or ``None`` when no page is shown.
        """
        page = self.current_page()
        if page is None:
            shown = self.pages.currentWidget()
            if shown is not None:
                shown.setFocus(Qt.FocusReason.OtherFocusReason)
            return shown
        index = self.tree.currentIndex()
        chosen = index.data(ProvisionRole.ID) if index.isValid() else None
        return page.focus_paragraph(chosen if chosen in page.sections else None)

    def _fit_badge_column(self) -> None:
        """Size the "Answered" column to its widest badge and its title, measuring one cell per different badge."""
        header = self.tree.header()
        width = header.sectionSizeHint(1)
        for sample in self.provisions.badge_samples():
            index = self.model.mapFromSource(sample)
            if index.isValid():
                width = max(width, self.tree.sizeHintForIndex(index).width())
        if header.sectionSize(1) != width:
            header.resizeSection(1, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter or Return in the tree: go to the chosen paragraph's first question (an instrument opens or closes).

        A new font or style for the tree (View > Text size) sizes the badge column again.
        """
        if watched is self.tree and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._badge_fit.start()
            return False
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        ):
            index = self.tree.currentIndex()
            if not index.isValid():
                return False
            if index.data(ProvisionRole.KIND) == "instrument":
                self.tree.setExpanded(index, not self.tree.isExpanded(index))
            else:
                self._current_changed(index)
                self.enter_page()
            return True
        return super().eventFilter(watched, event)

    def focused_question_id(self) -> str | None:
        """The question whose input has the keyboard focus, or ``None``."""
        page = self.current_page()
        if page is None:
            return None
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for question_id, block in page.built_blocks().items():  # the focus is never in an unbuilt paragraph
            if block.isAncestorOf(focus):
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
            definition = self.session.definition
            page = ArticlePage(
                article,
                display.instrument_title(instrument),
                applicable,
                self.session.answers(),
                self.pages,
                research_details=research_details(article, definition.provisional_details),
                known_records=lambda record_type: known_records(definition, self.session.answers(), record_type),
            )
            page.edited.connect(self._edited)
            page.paragraph_built.connect(self._paragraph_built)  # nothing is built before it is shown or asked
            self._pages[article.id] = page
            self.pages.addWidget(page)
            if self.read_only:
                _make_read_only(page)
        return page

    def _paragraph_built(self, section: QWidget) -> None:
        """Wire a paragraph's new question blocks: spelling, History…, read-only like the rest of the draft."""
        for field in section.findChildren(TextField):
            block = _question_block_of(field)
            # The field's context menu is the spelling one (suggestions first): its question's History… is added to it.
            self.spelling.attach(field.editor, block.add_history_entry if block is not None else None)
        for block in section.findChildren(QuestionBlock):
            block.history_requested.connect(self.history_requested)
        if self.read_only:
            _make_read_only(section)

    def set_read_only(self, reason: str) -> None:
        """Show the draft read-only: a notice with ``reason``; fields can be read and copied, not changed."""
        self.read_only = True
        self.notice.show_message(reason)
        for page in self._pages.values():
            _make_read_only(page)

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not index.isValid():
            return
        kind = index.data(ProvisionRole.KIND)
        provision_id = index.data(ProvisionRole.ID)
        definition = self.session.definition
        if kind == "archived":
            self.show_archived()
        elif kind == "instrument":
            instrument = definition.instrument(provision_id)
            if instrument.articles:
                self._show(instrument.articles[0], None)
        elif kind == "article":
            self._show(next(a for a in definition.articles() if a.id == provision_id), None)
        else:
            paragraph = definition.paragraph(provision_id)
            article = next(a for a in definition.articles() if paragraph in a.paragraphs)
            self._show(article, paragraph.id)

    def show_archived(self) -> ArchivedAnswersPage:
        """Show the read-only page of archived answers (built on first use)."""
        if self.archived_page is None:
            self.archived_page = ArchivedAnswersPage(self.archived, self.pages)
            self.pages.addWidget(self.archived_page)
        self.pages.setCurrentWidget(self.archived_page)
        return self.archived_page

    def _show(self, article: Article, paragraph_id: str | None) -> None:
        page = self.page_for(article)
        self.pages.setCurrentWidget(page)
        if paragraph_id is None:
            page.verticalScrollBar().setValue(0)
        else:
            page.scroll_to_paragraph(paragraph_id)

    # -- edits -----------------------------------------------------------------------

    def _field_for(self, question_id: str) -> AnswerField | None:
        block = self._block(question_id)
        return block.field if block is not None else None

    def _edited(self, question: Question, field: AnswerField) -> None:
        self.undo.record(question, field)
        if field.immediate:
            self.autosave.save_now(question, field.value)
        else:
            self.autosave.schedule(question, field.value)

    def _completeness_changed(self, report: object) -> None:
        self.provisions.set_report(self.session.report)
        answers = self.session.answers()
        for page in self._pages.values():
            page.update_requirements(answers)

    def _block(self, question_id: str) -> QuestionBlock | None:
        """The question's block on a page already made (its paragraph built if need be), else ``None``."""
        for page in self._pages.values():
            block = page.blocks.get(question_id)
            if block is not None:
                return block
        return None

    def _saved(self, question_id: str, _when: object) -> None:
        for page in self._pages.values():  # an unbuilt paragraph shows no problem to clear
            block = page.built_blocks().get(question_id)
            if block is not None:
                block.clear_problem()

    def _rejected(self, question_id: str, message: str) -> None:
        block = self._block(question_id)
        if block is not None:
            block.show_problem(message)


def _make_read_only(page: QWidget) -> None:
    """Let text be read, selected and copied, but not changed; other inputs are disabled."""
    editors: list[QPlainTextEdit | QLineEdit] = [*page.findChildren(QPlainTextEdit), *page.findChildren(QLineEdit)]
    for editor in editors:
        editor.setReadOnly(True)
    controls: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
    for kind in controls:
        for control in page.findChildren(kind):
            control.setEnabled(False)


def _question_block_of(widget: QWidget) -> QuestionBlock | None:
    """The question block holding ``widget``, if any."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QuestionBlock):
        parent = parent.parentWidget()
    return parent
