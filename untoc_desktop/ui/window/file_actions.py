"""File commands of the main window: new, open, recent, Save As, Draft details, close.

:class:`FileCommands` is built by the main window and given only what it needs: the open draft
and the window's switching steps (:class:`FileHost`), the settings, the recent list, the
questionnaires and a few callables.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...applicability import Applicability
from ...draft import DRAFT_SUFFIX, DraftInfo
from ...draft.safety import SidecarError
from ...errors import DefinitionError, UntocError
from ...i18n import N_, _
from ...opening import OpenedDraft
from ...questionnaire import display
from ...questionnaire.model import Definition
from ...workspace import Workspace, with_draft_suffix
from ..models.navigation import ProvisionRole
from .encrypted_copies import ENCRYPTED_FILTER, OPEN_FILTER, is_encrypted_copy
from .host import Notices, OpenDraft
from .recent import RecentDrafts

if TYPE_CHECKING:
    from ...states_parties import StatesPartiesTable

# Dialogs are imported when first opened, not at start-up (the window's start-up, docs/architecture.md).

FILE_FILTER = N_("untoc drafts (*.untoc)")


class FileHost(OpenDraft, Protocol):
    """The window's side of opening and closing a draft."""

    def switch_to(self, workspace: Workspace) -> bool:
        """Release the open draft (asking about unsaved edits) and show ``workspace``; False when refused.

        The window owns ``workspace`` from then on: it closes it when it refuses it.
        """

    def release_current(self) -> bool:
        """Flush, back up and close the open draft; False when the user kept it open."""

    def show_draft_state(self) -> None:
        """Refresh the title, panels and actions after a draft was opened or closed."""

    def after_open(self, opened: OpenedDraft) -> None:
        """Notices and offers once a draft is shown (recovery, upgrade report, copies beside it)."""


class FileCommands(QObject):
    """New draft, Open, Open Recent, Save As, Draft details and Close.

    Args:
        host: the window's open draft and its switching steps.
        notices: messages over the window.
        settings: user settings (New draft defaults).
        recent: the recent-drafts list; ``recent_changed`` is called after a path was removed from it.
        open_submission: path -> :class:`OpenedDraft` (``break_lock=True`` to take over a lock); raises UntocError.
        definition_for_cluster: cluster number -> questionnaire (raises DefinitionError).
        available_clusters: clusters with a questionnaire.
        interface_language: language code of the interface (country names).
        states_table: returns the States parties table in use.
        open_encrypted: decrypts and offers an encrypted copy (``….untoc.age``); True when done.
        offer_recovered_copy: explains a draft copied while open and offers a recovered copy.
    """

    def __init__(
        self,
        host: FileHost,
        notices: Notices,
        *,
        settings: QSettings,
        recent: RecentDrafts,
        recent_changed: Callable[[], object],
        open_submission: Callable[..., OpenedDraft],
        definition_for_cluster: Callable[[int], Definition],
        available_clusters: Collection[int],
        interface_language: str,
        states_table: Callable[[], StatesPartiesTable],
        open_encrypted: Callable[[Path], bool],
        offer_recovered_copy: Callable[[SidecarError], bool],
    ) -> None:
        super().__init__(notices.parent)
        self._host = host
        self._notices = notices
        self._parent = notices.parent
        self._settings = settings
        self._recent = recent
        self._recent_changed = recent_changed
        self._open_submission = open_submission
        self._definition_for_cluster = definition_for_cluster
        self._available_clusters = tuple(available_clusters)
        self._interface_language = interface_language
        self._states_table = states_table
        self._open_encrypted = open_encrypted
        self._offer_recovered_copy = offer_recovered_copy

    def folder(self) -> str:
        """The folder file dialogs start in: the open draft's, else the latest recent draft's, else home."""
        session = self._host.session
        if session is not None:
            return str(session.path.parent)
        paths = self._recent.paths()
        return str(paths[0].parent) if paths else str(Path.home())

    def new_draft(self) -> bool:
        """Ask what the new draft is about and where to save it, then create and open it."""
        from ..dialogs.new_draft_dialog import NewDraftDialog

        defaults = {key: str(self._settings.value(f"new_draft/{key}", "")) for key in ("organization", "author")}
        dialog = NewDraftDialog(
            self._available_clusters,
            self._interface_language,
            defaults,
            self._parent,
            provisional_notes=self.provisional_notes(),
            cluster_titles=self._cluster_titles(),
            table=self._states_table(),
        )
        if dialog.exec() != NewDraftDialog.DialogCode.Accepted:
            return False
        info = dialog.draft_info()
        name = f"{info.organization} – {info.country} – cluster {info.cluster}{DRAFT_SUFFIX}"
        suggested = Path(self.folder()) / name.replace("/", "-")
        path, _selected = QFileDialog.getSaveFileName(
            self._parent, _("Save the new draft as"), str(suggested), _(FILE_FILTER)
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

    def provisional_notes(self) -> dict[int, str]:
        """Cluster -> the note shown for a questionnaire whose article list is provisional."""
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
            self._notices.warn(_("The draft was not created"), str(exc))
            return False
        self._settings.setValue("new_draft/organization", info.organization)
        self._settings.setValue("new_draft/author", info.author)
        return self.open_draft(path)

    def open_draft_dialog(self) -> bool:
        """Ask for a draft file and open it."""
        path, _selected = QFileDialog.getOpenFileName(
            self._parent,
            _("Open a draft"),
            self.folder(),
            f"{_(OPEN_FILTER)};;{_(FILE_FILTER)};;{_(ENCRYPTED_FILTER)};;{_('All files (*)')}",
        )
        return bool(path) and self.open_draft(Path(path))

    def open_draft(self, path: str | Path) -> bool:
        """Open a draft file, replacing the current one; False (after a message) when it cannot be opened."""
        path = Path(path)
        if is_encrypted_copy(path):  # decrypted into a new draft beside it, then offered
            return self._open_encrypted(path)
        if self._host.session is not None and self._host.session.path.resolve() == path.resolve():
            return True
        try:
            workspace = Workspace.from_opened(self._open_submission(path))
            if self._lock_taken_over(workspace):
                workspace.close()
                workspace = Workspace.from_opened(self._open_submission(path, break_lock=True))
        except SidecarError as exc:
            return self._offer_recovered_copy(exc)
        except UntocError as exc:
            self._notices.warn(_("The draft cannot be opened"), str(exc))
            return False
        opened = workspace.opened
        if not self._host.switch_to(workspace):
            return False
        if opened is not None and opened.read_only and self._host.draft_view is not None:
            self._host.draft_view.set_read_only(opened.read_only_reason or _("This draft is open read-only."))
        if opened is not None:
            self._host.after_open(opened)  # notices, upgrade report, assigned articles, cloud copies
        return True

    def _lock_taken_over(self, workspace: Workspace) -> bool:
        """Ask whether to take over a lock this computer cannot verify (another computer, older version)."""
        opened = workspace.opened
        if opened is None or not (opened.read_only and opened.lock_can_be_broken):
            return False
        holder = opened.lock_holder
        assert holder is not None  # a lock that can be broken has a holder
        answer = QMessageBox.question(
            self._parent,
            _("Take over the draft?"),
            _(
                "{name} is marked as open by {user} on {host} since {time}, and this computer cannot tell whether it "
                "is still open there.\n\nOnly if you are sure it is closed there, choose Yes to take it over and "
                "edit it; anything typed there afterwards could be lost. Choose No to view it read-only."
            ).format(name=workspace.path.name, user=holder.user or "?", host=holder.host, time=holder.opened_at),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft; a file that no longer exists is removed from the list, with a message."""
        if not Path(path).is_file():
            self._recent.remove(path)
            self._recent_changed()
            self._notices.warn(
                _("The draft cannot be opened"),
                _("{path} no longer exists; it was removed from the recent drafts.").format(path=path),
            )
            return False
        return self.open_draft(path)

    def save_as(self) -> bool:
        """Ask where to save a copy of the draft, then continue in the copy."""
        if self._host.session is None:
            return False
        path, _selected = QFileDialog.getSaveFileName(
            self._parent, _("Save a copy of the draft as"), str(self._host.session.path), _(FILE_FILTER)
        )
        return bool(path) and self.save_as_path(Path(path))

    def save_as_path(self, path: Path) -> bool:
        """Write a copy of the draft to ``path`` (``.untoc`` added when missing) and switch to the copy."""
        if self._host.session is None or self._host.autosave is None:
            return False
        path = Path(path)
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        self._host.autosave.flush()
        if path.resolve() == self._host.session.path.resolve():
            return True
        carried = self._host.autosave.failed_values()  # text in the window that could not reach the file
        try:
            self._host.session.workspace.save_as(path, carried)
        except UntocError as exc:
            self._notices.warn(_("The copy was not saved"), str(exc))
            return False
        if carried:
            self._host.autosave.discard_failed(carried)
        if self.open_draft(path):
            self._notices.status(_("Now editing the copy {name}.").format(name=path.name), 8000)
            return True
        return False

    def edit_details(self) -> bool:
        """Show what the draft is about (organisation, country, Protocols...) and save changes."""
        if self._host.session is None:
            return False
        from ..dialogs.new_draft_dialog import NewDraftDialog

        session = self._host.session
        dialog = NewDraftDialog(
            self._available_clusters or [session.info.cluster],
            self._interface_language,
            parent=self._parent,
            cluster_titles={session.info.cluster: display.cluster_title(session.definition)},
            table=self._states_table(),
        )
        dialog.show_existing(self._host.session.info, self._host.session.workspace.applicability())
        return dialog.exec() == NewDraftDialog.DialogCode.Accepted and self.apply_details(
            dialog.draft_info(), dialog.applicability()
        )

    def apply_details(self, info: DraftInfo, applicability: Applicability | None = None) -> bool:
        """Store new draft details (and the Protocol choice) and show the draft again.

        The Protocols chosen decide which questions apply.
        """
        if self._host.session is None or self._host.draft_view is None:
            return False
        try:
            self._host.session.announce(self._host.session.workspace.update_details(info, applicability))
        except UntocError as exc:
            self._notices.warn(_("The details were not saved"), str(exc))
            return False
        path, shown = self._host.session.path, self._host.draft_view.tree.currentIndex().data(ProvisionRole.ID)
        if not (self.close_draft() and self.open_draft(path)):
            return False
        if shown and self._host.draft_view is not None:
            self._host.draft_view.select(shown)
        self._notices.status(_("Draft details saved."), 8000)
        return True

    def close_draft(self) -> bool:
        """Save pending edits and close the draft; False when the user chose to keep it open."""
        if not self._host.release_current():
            return False
        self._host.show_draft_state()
        return True
