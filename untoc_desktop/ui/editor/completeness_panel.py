"""The panel listing, article by article, the required answers still missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...i18n import _, ngettext
from ...questionnaire import display
from ...questionnaire.model import INSTRUMENT_SHORT_NAMES, Definition, Question
from ...questionnaire.types import status_label
from ...validation import CompletenessReport, paragraph_answers

_QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1
_ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 2


def summary_text(report: CompletenessReport) -> str:
    """``Cluster 1: 47 of 112 required answers`` in the interface language."""
    text = _("Cluster {cluster}: {answered} of {required} required answers").format(
        cluster=report.cluster, answered=report.answered, required=report.required
    )
    if report.open_conflicts:
        text += " · " + ngettext(
            "{count} conflict to settle", "{count} conflicts to settle", len(report.open_conflicts)
        ).format(count=len(report.open_conflicts))
    return text


def reason_text(question: Question, answers: Mapping[str, Any]) -> str:
    """Why a question is required, in the interface language.

    Args:
        question: a required question.
        answers: its paragraph's answers by key.
    """
    if question.required:
        return _("Always required")
    rule = question.required_when
    if rule is not None and rule.keys == frozenset({"status"}) and answers.get("status"):
        return _("Required because the status is “{status}”").format(status=_(status_label(answers["status"])))
    return _("Required because {rule}").format(rule=rule.describe() if rule else "")


class CompletenessPanel(QWidget):
    """What is still missing, grouped by article; double-click an entry to go to its field.

    Rows of an article: paragraph, question, reason. The article row names the
    instrument and article and counts the missing answers.
    """

    #: Question id, when the user activates a missing answer.
    question_activated = Signal(str)
    #: Article id (``TIP.5``), when the user activates an article row.
    article_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(_("No draft open."), self)
        self.summary.setObjectName("completenessSummary")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([_("Paragraph"), _("Question"), _("Why it is needed")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(_("Required answers still missing"))
        self.tree.setAccessibleDescription(_("Press Enter on an entry to go to its answer."))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(2, 300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self._collapsed: set[str] = set()

    def clear(self) -> None:
        """Show that no draft is open."""
        self.tree.clear()
        self.summary.setText(_("No draft open."))

    def set_report(self, definition: Definition, report: CompletenessReport, answers: Mapping[str, Any]) -> None:
        """List the missing answers of ``report``.

        Args:
            definition: the questionnaire (for article titles).
            report: the completeness report.
            answers: stored answers (to explain why conditional questions are required).
        """
        self._remember_collapsed()
        scroll = self.tree.verticalScrollBar().value()
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            missing_total = 0
            if report.open_conflicts:
                self._add_conflicts(definition, report.open_conflicts)
            for article in definition.articles():
                entries = [report.for_paragraph(p.id) for p in article.paragraphs]
                missing = [m for entry in entries for m in entry.missing]
                if not missing:
                    continue
                missing_total += len(missing)
                group = QTreeWidgetItem(self.tree)
                group.setText(
                    0,
                    _("{instrument}, art. {number} {title} ({count} missing)").format(
                        instrument=_(INSTRUMENT_SHORT_NAMES.get(article.instrument, article.instrument)),
                        number=article.number,
                        title=display.article_title(article),
                        count=len(missing),
                    ),
                )
                group.setFirstColumnSpanned(True)
                group.setData(0, _ARTICLE_ROLE, article.id)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                for item in missing:
                    row = QTreeWidgetItem(group)
                    paragraph = item.paragraph
                    label = display.paragraph_label(paragraph)
                    row.setText(
                        0,
                        display.unnumbered_title(paragraph, label)
                        or _("para. {ref} {label}").format(ref=display.paragraph_ref(paragraph), label=label),
                    )
                    row.setText(1, display.question_label(item.question))
                    row.setText(2, reason_text(item.question, paragraph_answers(paragraph, answers)))
                    for column in range(3):
                        row.setToolTip(column, row.text(column))
                    row.setData(0, _QUESTION_ROLE, item.question.id)
                group.setExpanded(article.id not in self._collapsed)
            if missing_total:
                self.summary.setText(
                    summary_text(report)
                    + " · "
                    + _("{count} still missing. Double-click an entry to go to it.").format(count=missing_total)
                )
            else:
                self.summary.setText(summary_text(report) + " · " + _("Nothing is missing."))
        finally:
            self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)

    def _add_conflicts(self, definition: Definition, question_ids: tuple[str, ...]) -> None:
        """A first group listing the answers with an open conflict from merging a colleague's copy."""
        group = QTreeWidgetItem(self.tree)
        group.setText(0, _("Conflicts to settle ({count}): File > Settle conflicts…").format(count=len(question_ids)))
        group.setFirstColumnSpanned(True)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for question_id in question_ids:
            row = QTreeWidgetItem(group)
            try:
                question = definition.question(question_id)
                row.setText(0, question.paragraph_id)
                row.setText(1, display.question_label(question))
            except KeyError:
                row.setText(0, question_id)
            row.setText(2, _("Changed differently in a colleague's copy"))
            row.setData(0, _QUESTION_ROLE, question_id)
        group.setExpanded(True)

    def question_items(self) -> list[QTreeWidgetItem]:
        """Every missing-answer row, in order (for keyboard access and tests)."""
        items: list[QTreeWidgetItem] = []
        for group in self._groups():
            items.extend(child for row in range(group.childCount()) if (child := group.child(row)) is not None)
        return items

    def _groups(self) -> list[QTreeWidgetItem]:
        """The article rows at the top of the tree."""
        tree = self.tree
        return [group for row in range(tree.topLevelItemCount()) if (group := tree.topLevelItem(row)) is not None]

    def _remember_collapsed(self) -> None:
        for group in self._groups():
            article_id = group.data(0, _ARTICLE_ROLE)
            if group.isExpanded():
                self._collapsed.discard(article_id)
            else:
                self._collapsed.add(article_id)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        question_id = item.data(0, _QUESTION_ROLE)
        if question_id:
            self.question_activated.emit(question_id)
        elif item.data(0, _ARTICLE_ROLE):
            self.article_activated.emit(item.data(0, _ARTICLE_ROLE))
