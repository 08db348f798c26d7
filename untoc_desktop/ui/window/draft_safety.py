"""The main window's side of data safety: read-only and recovery notices, recovered copies, backups.

:class:`DraftSafety` is built by the main window and given what it needs; it
makes a backup of the open draft when it is opened and every
:data:`BACKUP_INTERVAL_MS` while answers change, lists backups for
File > Restore from backup, and explains read-only openings and crash recovery.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...draft import DRAFT_SUFFIX
from ...draft.backups import Backup
from ...draft.backups import backups_root as default_backups_root
from ...draft.safety import SidecarError
from ...errors import UntocError
from ...i18n import _
from ...opening import OpenedDraft
from ...workspace import Workspace

log = logging.getLogger(__name__)

#: How often a backup is taken while answers change (10 minutes).
BACKUP_INTERVAL_MS = 10 * 60 * 1000


class BackupListDialog(QDialog):
    """Lists a draft's backups, newest first, with their dates and number of answers."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.backups = backups
        self.list = QListWidget(self)
        for backup in backups:
            when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(_("{when} — {count} answers").format(when=when, count=backup.answers))
            item.setToolTip(backup.draft_path)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        restore = buttons.addButton(_("Restore as a new draft…"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Backups of this draft (kept in your data folder, the last ten):"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> Backup | None:
        """The selected backup."""
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


class DraftSafety(QObject):
    """Backups, recovery notices and recovered copies for the main window.

    Args:
        window: parent for dialogs.
        current_workspace: returns the open draft's workspace, or None.
        open_path: opens a draft file in the window (returns True on success).
        backups_root: where backups are kept (tests pass a temporary folder).
    """

    def __init__(
        self,
        window: QWidget,
        current_workspace: Callable[[], Workspace | None],
        open_path: Callable[[Path], bool],
        backups_root: Path | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_workspace = current_workspace
        self._open_path = open_path
        # Resolved now, not when a backup is made: a backup made while the window closes at the end of
        # a session (or of a test run) must go where this window was told, never elsewhere.
        self._root = default_backups_root(backups_root)
        self._changed = False
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_INTERVAL_MS)
        self.timer.timeout.connect(self.backup_if_changed)
        self.timer.start()

    # -- backups ---------------------------------------------------------------------

    def answers_changed(self) -> None:
        """Note that the draft changed since the last backup."""
        self._changed = True

    def backup_now(self) -> Backup | None:
        """Back up the open draft; a failure is shown in the status bar only (the draft itself is fine)."""
        workspace = self._current_workspace()
        if workspace is None:
            return None
        try:
            backup = workspace.backup(self._root)
        except UntocError as exc:
            self._status(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 (a failed backup must never stop closing or saving)
            log.error("the backup failed", exc_info=exc)
            self._status(
                _("The backup could not be made ({problem}); the draft itself is unchanged.").format(
                    problem=str(exc) or type(exc).__name__
                )
            )
            return None
        self._changed = False
        return backup

    def backup_if_changed(self) -> None:
        """The periodic backup: only when answers changed since the last one."""
        if self._changed:
            self.backup_now()

    def backups(self) -> list[Backup]:
        """Backups of the open draft, newest first."""
        workspace = self._current_workspace()
        return [] if workspace is None else workspace.backups(self._root)

    def restore_dialog(self) -> bool:
        """File > Restore from backup: choose a backup, save it as a new draft and open it."""
        backups = self.backups()
        if not backups:
            QMessageBox.information(self._window, _("Restore from backup"), _("There is no backup of this draft yet."))
            return False
        dialog = BackupListDialog(backups, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        workspace = self._current_workspace()
        assert workspace is not None
        suggested = workspace.path.with_name(f"{workspace.path.stem} (restored){DRAFT_SUFFIX}")
        path, _selected = QFileDialog.getSaveFileName(
            self._window, _("Save the restored draft as"), str(suggested), _("untoc drafts (*.untoc)")
        )
        return bool(path) and self.restore(dialog.chosen(), Path(path))  # type: ignore[arg-type]

    def restore(self, backup: Backup, target: Path) -> bool:
        """Write ``backup`` to ``target`` (a new file) and open it."""
        if target.suffix.lower() != DRAFT_SUFFIX:
            target = target.with_name(target.name + DRAFT_SUFFIX)
        try:
            Workspace.restore_backup(backup, target)
        except UntocError as exc:
            QMessageBox.warning(self._window, _("The backup was not restored"), str(exc))
            return False
        return self._open_path(target)

    # -- opening ---------------------------------------------------------------------

    def after_open(self, opened: OpenedDraft | None) -> None:
        """Explain a read-only opening or a crash recovery, then take the opening backup."""
        if opened is not None and opened.recovery_report:
            QMessageBox.information(self._window, _("The draft was recovered"), opened.recovery_report)
        if opened is not None and opened.read_only:
            return  # nothing changes in a read-only draft: no backup needed
        self.backup_now()

    def offer_recovered_copy(self, error: SidecarError) -> bool:
        """A file copied while open: explain, and offer to make and open a recovered copy."""
        answer = QMessageBox.question(
            self._window,
            _("The draft was copied while it was open"),
            str(error) + "\n\n" + _("Make a recovered copy now? The original files are left as they are."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        suggested = error.path.with_name(f"{error.path.stem} (recovered){DRAFT_SUFFIX}")
        path, _selected = QFileDialog.getSaveFileName(
            self._window, _("Save the recovered copy as"), str(suggested), _("untoc drafts (*.untoc)")
        )
        return bool(path) and self.recover(error.path, Path(path))

    def recover(self, source: Path, target: Path) -> bool:
        """Make a recovered copy of ``source`` at ``target`` and open it."""
        try:
            Workspace.recover_copy(source, target)
        except UntocError as exc:
            QMessageBox.warning(self._window, _("No recovered copy was made"), str(exc))
            return False
        return self._open_path(target)

    def _status(self, message: str) -> None:
        status = getattr(self._window, "statusBar", None)
        if status is not None:
            status().showMessage(message, 15000)
