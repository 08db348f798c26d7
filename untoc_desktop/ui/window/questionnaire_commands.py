"""File menu commands about the questionnaire and the States parties table, and the upgrade report.

* File > Import questionnaire definition… checks a definition file, keeps a copy
  and offers to reopen the open draft under the new version;
* File > Import States parties table… checks a newer table, keeps a copy in the
  user's data folder and uses it for new choices;
* File > Include archived answers in exports (a check box);
* the report shown when a draft was carried over to a newer definition.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import DefinitionError, UntocError
from ...i18n import _
from ...opening import OpenedDraft
from ...questionnaire.model import Definition
from ...questionnaire.registry import DefinitionRegistry, version_key
from .host import DraftSwitcher, Notices

if TYPE_CHECKING:
    from ...states_parties import StatesPartiesTable


class UpgradeReport(QDialog):
    """What happened to a draft's answers when it was opened under a newer questionnaire (never silent)."""

    def __init__(self, opened: OpenedDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        carry = opened.carry_over
        self.setWindowTitle(_("The questionnaire was updated"))
        self.setMinimumSize(560, 360)
        self.summary = QLabel(
            _(
                "This draft was written against version {old} of the questionnaire “{id}”; it now uses version "
                "{new}. {moved} answer(s) moved to a new question, {archived} kept as archived answers (they are "
                "shown under “Archived answers” in the tree and never dropped)."
            ).format(
                old=opened.upgraded_from or "?",
                id=opened.definition.id,
                new=opened.definition.version,
                moved=len(carry.moved),
                archived=len(carry.archived),
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(carry.describe()), self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class QuestionnaireCommands(QObject):
    """The window's commands for definitions, the States parties table and archived answers.

    Args:
        window: the open draft (it can be reopened under a new definition).
        notices: messages over the window (its parent for dialogs).
        registry: where definitions are imported.
        table: the States parties table in use at start (default: :func:`active_table`).
    """

    def __init__(
        self,
        window: DraftSwitcher,
        notices: Notices,
        registry: DefinitionRegistry,
        table: StatesPartiesTable | None = None,
    ) -> None:
        super().__init__(notices.parent)
        self._host = window
        self._notices = notices
        self._parent = notices.parent
        self.registry = registry
        self._states_table = table  # read from disk when first needed (New draft, Draft details)
        self.upgrade_report: UpgradeReport | None = None
        self.import_definition_action = self._action(
            _("Import questionnaire &definition…"), self.import_definition_dialog
        )
        self.import_table_action = self._action(_("Import States &parties table…"), self.import_table_dialog)
        self.include_archived_action = QAction(_("Include archived answers in exports"), self._parent)
        self.include_archived_action.setCheckable(True)

    @property
    def states_table(self) -> StatesPartiesTable:
        """The States parties table in use (the imported one while it is current, else the shipped one)."""
        if self._states_table is None:
            from ...states_parties import active_table  # its module too: read when first needed

            self._states_table = active_table()
        return self._states_table

    @states_table.setter
    def states_table(self, table: StatesPartiesTable) -> None:
        self._states_table = table

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._parent)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu: QMenu, before: QAction) -> None:
        """Put the commands in ``menu`` before ``before`` (the Quit action)."""
        menu.insertActions(before, [self.import_definition_action, self.import_table_action])
        menu.insertSeparator(before)
        menu.insertAction(before, self.include_archived_action)
        menu.insertSeparator(before)

    # -- definitions -----------------------------------------------------------------

    def import_definition_dialog(self) -> Definition | None:
        """Ask for a definition file and import it."""
        path, _selected = QFileDialog.getOpenFileName(
            self._parent,
            _("Import a questionnaire definition"),
            str(Path.home()),
            _("Questionnaire definitions (*.yaml *.yml *.json);;All files (*)"),
        )
        return self.import_definition(Path(path)) if path else None

    def import_definition(self, path: Path) -> Definition | None:
        """Check and keep a definition file; say what was imported; offer to reopen the draft under it.

        Returns:
            The imported definition, ``None`` when the file was refused (the problem is shown).
        """
        try:
            definition = self.registry.import_file(path)
        except DefinitionError as exc:
            QMessageBox.warning(self._parent, _("The questionnaire definition was not imported"), str(exc))
            return None
        state = _("provisional article list") if definition.provisional else _("confirmed article list")
        message = _(
            "Imported “{id}” version {version} for cluster {cluster} ({state}). It is used for new drafts "
            "of that cluster and for drafts written against an earlier version."
        ).format(id=definition.id, version=definition.version, cluster=definition.cluster, state=state)
        session = self._host.session
        if (
            session is not None
            and session.definition.id == definition.id
            and version_key(session.definition.version) < version_key(definition.version)
        ):
            answer = QMessageBox.question(
                self._parent,
                _("Questionnaire definition imported"),
                message
                + "\n\n"
                + _(
                    "The open draft uses version {old}. Reopen it under version {new} now? Answers "
                    "are carried over; answers to removed questions are archived, never dropped."
                ).format(old=session.definition.version, new=definition.version),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                draft_path = session.path
                if self._host.close_draft():
                    self._host.open_draft(draft_path)
            return definition
        QMessageBox.information(self._parent, _("Questionnaire definition imported"), message)
        return definition

    # -- States parties table --------------------------------------------------------

    def import_table_dialog(self) -> StatesPartiesTable | None:
        """Ask for a States parties CSV file and import it."""
        path, _selected = QFileDialog.getOpenFileName(
            self._parent, _("Import a States parties table"), str(Path.home()), _("CSV files (*.csv);;All files (*)")
        )
        return self.import_table(Path(path)) if path else None

    def import_table(self, path: Path) -> StatesPartiesTable | None:
        """Check a newer table, keep a copy in the user's data folder and use it for new choices.

        Returns:
            The table, ``None`` when the file was refused (the problem is shown).
        """
        try:
            from ...states_parties import import_table

            table = import_table(path)
        except UntocError as exc:
            QMessageBox.warning(self._parent, _("The States parties table was not imported"), str(exc))
            return None
        self.states_table = table
        QMessageBox.information(
            self._parent,
            _("States parties table imported"),
            _(
                "{count} States, sources up to {date}. New drafts and Draft details now pre-select Protocols from "
                "this table."
            ).format(count=len(table.states), date=table.newest_source_date),
        )
        return table

    # -- upgrades and archived answers -----------------------------------------------

    def report_upgrade(self, opened: OpenedDraft) -> UpgradeReport | None:
        """Say what moved and what was archived when a draft was carried over to a newer definition."""
        if opened.upgraded_from:
            carry = opened.carry_over
            self._notices.status(
                _(
                    "The questionnaire was updated from version {old} to {new}: {moved} answers moved, "
                    "{archived} kept in the archive."
                ).format(
                    old=opened.upgraded_from,
                    new=opened.definition.version,
                    moved=len(carry.moved),
                    archived=len(carry.archived),
                ),
                30000,
            )
        if not (opened.upgraded_from and opened.carry_over.changes_anything):
            return None
        self.upgrade_report = UpgradeReport(opened, self._parent)
        self.upgrade_report.setModal(False)
        self.upgrade_report.show()
        return self.upgrade_report

    def archived_for_export(self) -> dict | None:
        """The archived answers to export, when the user asked for them and the open draft has some."""
        view = self._host.draft_view
        if not self.include_archived_action.isChecked() or view is None or not view.archived:
            return None
        return dict(view.archived)
