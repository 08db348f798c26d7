"""File commands of the main window: new, open, recent, Save As, Draft details, close.

:class:`FileCommands` is mixed into :class:`~untoc_desktop.ui.window.main_window.MainWindow`
(kept apart so each module stays small); it uses the window's session,
settings, recent list, dialogs and messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...applicability import Applicability
from ...draft import DRAFT_SUFFIX, DraftInfo
from ...draft.safety import SidecarError
from ...errors import DefinitionError, UntocError
from ...i18n import N_, _
from ...questionnaire import display
from .encrypted_copies import ENCRYPTED_FILTER, OPEN_FILTER, is_encrypted_copy
from ..models.navigation import ProvisionRole
from ..dialogs.new_draft_dialog import NewDraftDialog
from ...workspace import Workspace, with_draft_suffix

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

FILE_FILTER = N_("untoc drafts (*.untoc)")


class FileCommands(_Base):
    """New draft, Open, Open Recent, Save As, Draft details and Close, as methods of the main window."""

    def new_draft(self) -> bool:
        """Ask what the new draft is about and where to save it, then create and open it."""
        defaults = {key: str(self._settings.value(f"new_draft/{key}", "")) for key in ("organization", "author")}
        dialog = NewDraftDialog(self._available_clusters, self._interface_language, defaults, self,
                                provisional_notes=self._provisional_notes(), cluster_titles=self._cluster_titles(),
                                table=self.questionnaire.states_table)
        if dialog.exec() != NewDraftDialog.DialogCode.Accepted:
            return False
        info = dialog.draft_info()
        name = f"{info.organization} – {info.country} – cluster {info.cluster}{DRAFT_SUFFIX}"
        suggested = Path(self._folder()) / name.replace("/", "-")
        path, _selected = QFileDialog.getSaveFileName(
            self, _("Save the new draft as"), str(suggested), _(FILE_FILTER)
        )
        if not path:
            return False
        return self.create_draft(Path(path), info, dialog.applicability())

    def _cluster_titles(self) -> dict[int, str]:
        titles = {}
        for cluster in self._available_clusters:
            try:
                titles[cluster] = display.cluster_title(self._definition_for_cluster(cluster))
            except DefinitionError:
                continue
        return titles

    def _provisional_notes(self) -> dict[int, str]:
        notes = {}
        for cluster in self._available_clusters:
            try:
                definition = self._definition_for_cluster(cluster)
            except DefinitionError:
                continue
            if definition.provisional:
                notes[cluster] = display.provisional_note(definition) or _("not yet confirmed.")
        return notes

    def create_draft(self, path: Path, info: DraftInfo, applicability: Applicability | None = None) -> bool:
        """Create a draft file at ``path`` (``.untoc`` added when missing) and open it; False on failure (shown).

        ``applicability`` (Protocol -> party, source, table date and origin) is recorded in the draft.
        The new file is then opened exactly as an existing draft is (same lock note, so a
        second running copy shows it read-only).
        """
        path = with_draft_suffix(Path(path))
        try:
            Workspace.create(path, info, self._definition_for_cluster(info.cluster), applicability)
        except UntocError as exc:
            self._warn(_("The draft was not created"), str(exc))
            return False
        self._settings.setValue("new_draft/organization", info.organization)
        self._settings.setValue("new_draft/author", info.author)
        return self.open_draft(path)

    def open_draft_dialog(self) -> bool:
        """Ask for a draft file and open it."""
        path, _selected = QFileDialog.getOpenFileName(
            self, _("Open a draft"), self._folder(),
            f"{_(OPEN_FILTER)};;{_(FILE_FILTER)};;{_(ENCRYPTED_FILTER)};;{_('All files (*)')}")
        return bool(path) and self.open_draft(Path(path))

    def open_draft(self, path: str | Path) -> bool:
        """Open a draft file, replacing the current one; False (after a message) when it cannot be opened."""
        path = Path(path)
        if is_encrypted_copy(path):  # decrypted into a new draft beside it, then offered
            return self.encrypted.open_copy(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        try:
            opened = self._open_submission(path)
            if opened.read_only and opened.lock_can_be_broken and self._take_over_confirmed(opened):
                opened.draft.close()
                opened = self._open_submission(path, break_lock=True)
        except SidecarError as exc:
            return self.safety.offer_recovered_copy(exc)
        except UntocError as exc:
            self._warn(_("The draft cannot be opened"), str(exc))
            return False
        if not self._switch_to(opened):
            return False
        if opened.read_only and self.draft_view is not None:
            self.draft_view.set_read_only(opened.read_only_reason or _("This draft is open read-only."))
        self.safety.after_open(opened)
        if opened.upgraded_from:
            carry = opened.carry_over
            self.statusBar().showMessage(
                _("The questionnaire was updated from version {old} to {new}: {moved} answers moved, "
                  "{archived} kept in the archive.").format(old=opened.upgraded_from, new=opened.definition.version,
                                                            moved=len(carry.moved), archived=len(carry.archived)),
                30000)
        self.questionnaire.report_upgrade(opened)
        self.sharing.after_open()  # assigned articles of a copy; cloud conflicted copies
        return True

    def _take_over_confirmed(self, opened: Any) -> bool:
        """Ask whether to take over a lock this computer cannot verify (another computer, older version)."""
        holder = opened.lock_holder
        answer = QMessageBox.question(
            self, _("Take over the draft?"),
            _("{name} is marked as open by {user} on {host} since {time}, and this computer cannot tell whether it "
              "is still open there.\n\nOnly if you are sure it is closed there, choose Yes to take it over and "
              "edit it; anything typed there afterwards could be lost. Choose No to view it read-only.").format(
                name=opened.draft.path.name, user=holder.user or "?", host=holder.host, time=holder.opened_at),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft; a file that no longer exists is removed from the list, with a message."""
        if not Path(path).is_file():
            self._recent.remove(path)
            self.welcome.set_recent(self._recent.paths())
            self._warn(_("The draft cannot be opened"),
                       _("{path} no longer exists; it was removed from the recent drafts.").format(path=path))
            return False
        return self.open_draft(path)

    def save_as(self) -> bool:
        """Ask where to save a copy of the draft, then continue in the copy."""
        if self.session is None:
            return False
        path, _selected = QFileDialog.getSaveFileName(self, _("Save a copy of the draft as"),
                                                      str(self.session.path), _(FILE_FILTER))
        return bool(path) and self.save_as_path(Path(path))

    def save_as_path(self, path: Path) -> bool:
        """Write a copy of the draft to ``path`` (``.untoc`` added when missing) and switch to the copy."""
        if self.session is None or self.autosave is None:
            return False
        path = Path(path)
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        self.autosave.flush()
        if path.resolve() == self.session.path.resolve():
            return True
        carried = self.autosave.failed_values()  # text in the window that could not reach the file
        try:
            self.session.workspace.save_as(path, carried)
        except UntocError as exc:
            self._warn(_("The copy was not saved"), str(exc))
            return False
        if carried:
            self.autosave.discard_failed(carried)
        if self.open_draft(path):
            self.statusBar().showMessage(_("Now editing the copy {name}.").format(name=path.name), 8000)
            return True
        return False

    def edit_details(self) -> bool:
        """Show what the draft is about (organisation, country, Protocols...) and save changes."""
        if self.session is None:
            return False
        dialog = NewDraftDialog(self._available_clusters or [self.session.info.cluster], self._interface_language,
                                parent=self, cluster_titles={self.session.info.cluster: display.cluster_title(
                                    self.session.definition)}, table=self.questionnaire.states_table)
        dialog.show_existing(self.session.info, self.session.workspace.applicability())
        return dialog.exec() == NewDraftDialog.DialogCode.Accepted and self.apply_details(
            dialog.draft_info(), dialog.applicability())

    def apply_details(self, info: DraftInfo, applicability: Applicability | None = None) -> bool:
        """Store new draft details (and the Protocol choice) and show the draft again (the Protocols decide what applies)."""
        if self.session is None or self.draft_view is None:
            return False
        try:
            self.session.announce(self.session.workspace.update_details(info, applicability))
        except UntocError as exc:
            self._warn(_("The details were not saved"), str(exc))
            return False
        path, shown = self.session.path, self.draft_view.tree.currentIndex().data(ProvisionRole.ID)
        if not (self.close_draft() and self.open_draft(path)):
            return False
        if shown and self.draft_view is not None:
            self.draft_view.select(shown)
        self.statusBar().showMessage(_("Draft details saved."), 8000)
        return True

    def close_draft(self) -> bool:
        """Save pending edits and close the draft; False when the user chose to keep it open."""
        if not self._release_current():
            return False
        self._draft_changed()
        return True
