"""File > Send an encrypted copy…, opening a ``.untoc.age`` file, and Preferences….

Sending encrypts the open draft for the colleagues chosen from the team, the
user's own key and the organisation's recovery recipient (set up first: the
window insists). Opening decrypts with the user's key, or with the recovery
code when no key of the user's fits, into a new draft beside the copy, then
calls :func:`offer_merge_with_own_copy`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...draft.header import ENCRYPTED_COPY_SUFFIX as COPY_SUFFIX
from ...errors import NotForYouError, UntocError
from ...i18n import N_, _
from ...workspace import Workspace
from .host import DraftSwitcher, Notices, flush_edits

if TYPE_CHECKING:
    from ...encryption.settings import EncryptionSettings
    from ..dialogs.preferences_dialog import PreferencesDialog

# The encryption package (pyrage) and the Preferences dialog are imported when first used, not at start-up.

ENCRYPTED_FILTER = N_("Encrypted copies (*.untoc.age)")
#: First filter of File > Open: drafts and encrypted copies together.
OPEN_FILTER = N_("Drafts and encrypted copies (*.untoc *.untoc.age)")
KEY_ROLE = Qt.ItemDataRole.UserRole


def is_encrypted_copy(path: Path) -> bool:
    """Whether ``path`` is named like an encrypted copy (``….untoc.age``)."""
    return Path(path).name.lower().endswith(COPY_SUFFIX)


def offer_merge_with_own_copy(
    window: DraftSwitcher, parent: QWidget, merge: Callable[[Path], bool], decrypted: Path, copy: Path
) -> bool:
    """Once a copy is decrypted: offer to merge it into the user's own copy of the same draft, or to open it.

    When the draft open in the window is the same draft (same identity), **Merge into my draft**
    is offered first (File > Merge a colleague's copy… on the decrypted file); otherwise, or on
    request, the decrypted draft is opened.

    Args:
        window: the open draft, and opening another one.
        parent: the widget the question is shown over.
        merge: merges a draft file into the open draft (File > Merge a colleague's copy…); True when started.
        decrypted: the new draft written beside the copy.
        copy: the encrypted copy it came from.

    Returns:
        Whether the decrypted draft was merged or opened.
    """
    own = window.session
    same_draft = False
    if own is not None:
        try:
            same_draft = Workspace.read_info(decrypted).draft_uuid == own.info.draft_uuid
        except UntocError:
            same_draft = False
    if same_draft:
        answer = QMessageBox.question(
            parent,
            _("Encrypted copy opened"),
            _(
                "{copy} was decrypted into a new draft beside it: {draft}. It is a copy of the draft you have open.\n\n"
                "Yes: merge your colleague's work into your draft (nothing of yours is lost; differences are listed "
                "as conflicts).\nOpen: open the decrypted draft by itself."
            ).format(copy=copy.name, draft=decrypted.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return merge(decrypted)
        return answer == QMessageBox.StandardButton.Open and window.open_draft(decrypted)
    answer = QMessageBox.question(
        parent,
        _("Encrypted copy opened"),
        _(
            "{copy} was decrypted into a new draft beside it: {draft}. Your own drafts were not changed. Open it now?"
        ).format(copy=copy.name, draft=decrypted.name),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open and window.open_draft(decrypted)


class SendCopyDialog(QDialog):
    """Choose the colleagues (from the team) a copy is encrypted for.

    Args:
        settings: the encryption settings (team, own key, recovery recipient).
        parent: parent widget.
    """

    def __init__(self, settings: EncryptionSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Send an encrypted copy"))
        intro = QLabel(
            _(
                "Choose the colleagues who may open the copy. It is also encrypted for your own key and for "
                "the organisation's recovery code (fingerprint {fingerprint}). Anyone else sees only "
                "noise."
            ).format(fingerprint=settings.recovery_fingerprint),
            self,
        )
        intro.setWordWrap(True)
        self.members = QListWidget(self)
        for member in settings.team:
            item = QListWidgetItem(f"{member.name} — {member.key[:16]}…", self.members)
            item.setData(KEY_ROLE, member.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Encrypt and save…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.members.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.buttons)
        self._update()

    def chosen(self) -> list[str]:
        """The public keys of the colleagues ticked."""
        return [
            self.members.item(i).data(KEY_ROLE)
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]

    def check(self, name: str) -> None:
        """Tick the colleague called ``name`` (as a user would)."""
        for i in range(self.members.count()):
            if self.members.item(i).text().startswith(f"{name} — "):
                self.members.item(i).setCheckState(Qt.CheckState.Checked)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))


class RecoveryCodeDialog(QDialog):
    """Type the organisation's recovery code (and its identity, on a computer that does not know it)."""

    def __init__(self, reason: str, needs_organisation: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open with the recovery code"))
        text = QLabel(
            reason
            + "\n\n"
            + _(
                "Type the recovery code from the organisation's recovery sheet (24 letters "
                "and digits; hyphens and lower case are fine)."
            ),
            self,
        )
        text.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # shown, to check it against the sheet
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.organisation = QLineEdit(self)
        form = QFormLayout()
        form.addRow(_("Recovery code"), self.code)
        if needs_organisation:
            form.addRow(_("Organisation identity"), self.organisation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)


class EncryptedCopies(QObject):
    """The window's commands for encrypted copies and the Preferences.

    Args:
        window: the open draft, and opening another one.
        notices: messages over the window (its parent for dialogs).
        interface_language: language code of the interface (the Preferences' language page).
        settings: user settings (the Preferences).
        merge: merges a decrypted draft into the open one; True when the merge started.
        folder: the user data folder (default: the user's).
    """

    def __init__(
        self,
        window: DraftSwitcher,
        notices: Notices,
        interface_language: str,
        settings: QSettings,
        *,
        merge: Callable[[Path], bool],
        folder: Path | None = None,
    ) -> None:
        parent = notices.parent
        super().__init__(parent)
        self.window = window
        self._notices = notices
        self._parent = parent
        self._interface_language = interface_language
        self._settings = settings
        self._merge = merge
        self.folder = folder
        self.send_action = QAction(_("Send an &encrypted copy…"), parent)
        self.send_action.triggered.connect(lambda _checked=False: self.send_copy())
        self.preferences_action = QAction(_("Pre&ferences…"), parent)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(lambda _checked=False: self.preferences())
        #: Dialog hooks, replaced in tests.
        self.ask_passphrase: Callable[[], str | None] = self._ask_passphrase
        self.ask_recovery_code: Callable[[str, bool], tuple[str, str] | None] = self._ask_recovery_code
        self.choose_colleagues: Callable[[EncryptionSettings], list[str] | None] = self._choose_colleagues
        self.ask_copy_path: Callable[[Path], Path | None] = self._ask_copy_path

    def add_to(self, menu: QMenu, before: QAction) -> None:
        """Put the commands in the File menu, before ``before`` (Quit)."""
        menu.insertAction(before, self.send_action)
        menu.insertAction(before, self.preferences_action)
        menu.insertSeparator(before)

    def update_actions(self, draft_open: bool) -> None:
        """Enable sending when a draft is open."""
        self.send_action.setEnabled(draft_open)

    # -- Preferences -----------------------------------------------------------------

    def preferences_dialog(self) -> PreferencesDialog:
        """The Preferences dialog, with the open draft's organisation proposed."""
        session = self.window.session
        organisation = session.info.organization if session is not None else ""
        from ..dialogs.preferences_dialog import PreferencesDialog

        return PreferencesDialog(
            organisation, self._interface_language, self.folder, self._parent, settings=self._settings
        )

    def preferences(self) -> None:
        """Show the Preferences."""
        self.preferences_dialog().exec()

    # -- sending ---------------------------------------------------------------------

    def _choose_colleagues(self, settings: EncryptionSettings) -> list[str] | None:
        dialog = SendCopyDialog(settings, self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_copy_path(self, draft: Path) -> Path | None:
        chosen, _selected = QFileDialog.getSaveFileName(
            self._parent,
            _("Save the encrypted copy as"),
            str(draft.with_name(draft.name + ".age")),
            _(ENCRYPTED_FILTER),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if is_encrypted_copy(path) else path.with_name(path.name.removesuffix(".untoc") + COPY_SUFFIX)

    def send_copy(self) -> Path | None:
        """Encrypt the open draft for colleagues chosen from the team; the recovery code must be set up first."""
        from ...encryption.copies import draft_bytes, encrypt_copy
        from ...encryption.organisation import recipients_for
        from ...encryption.settings import load_settings

        session = self.window.session
        if session is None:
            return None
        try:
            settings = load_settings(self.folder)
        except UntocError as exc:
            self._notices.warn(_("The copy was not made"), str(exc))
            return None
        if not settings.recovery_recipient or not settings.team:
            missing = (
                _("the organisation's recovery code (so that a lost key never means a lost submission)")
                if not settings.recovery_recipient
                else _("at least one colleague's public key (the team)")
            )
            QMessageBox.information(
                self._parent,
                _("Send an encrypted copy"),
                _("Before sending an encrypted copy, set up {missing} in Preferences > Encryption.").format(
                    missing=missing
                ),
            )
            self.preferences()
            settings = load_settings(self.folder)
            if not settings.recovery_recipient or not settings.team:
                return None
        chosen = self.choose_colleagues(settings)
        if not chosen:
            return None
        path = self.ask_copy_path(session.path)
        if path is None:
            return None
        flush_edits(self.window)
        try:
            keys = recipients_for(settings, chosen, require_recovery=True)
            out = encrypt_copy(draft_bytes(session.path), keys, path, overwrite=True)  # the save dialog asked
        except UntocError as exc:
            self._notices.warn(_("The copy was not made"), str(exc))
            return None
        self._notices.status(
            _("Saved the encrypted copy {name} (for {count} keys).").format(name=out.name, count=len(keys))
        )
        return out

    # -- opening ---------------------------------------------------------------------

    def _ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self._parent, _("Your personal key"), _("Passphrase of your personal key:"), QLineEdit.EchoMode.Password
        )
        return text if ok else None

    def _ask_recovery_code(self, reason: str, needs_organisation: bool) -> tuple[str, str] | None:
        dialog = RecoveryCodeDialog(reason, needs_organisation, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.code.text(), dialog.organisation.text()

    def open_copy(self, path: Path) -> bool:
        """Decrypt an encrypted copy into a new draft beside it, then offer to open it (see the merge hook)."""
        from ...encryption.copies import free_draft_name, recipient_stanzas
        from ...encryption.keys import load_personal_identity
        from ...encryption.organisation import open_copy_to_draft, recovery_identity
        from ...encryption.settings import load_settings

        path = Path(path)
        title = _("The encrypted copy cannot be opened")
        try:
            settings = load_settings(self.folder)
            count = recipient_stanzas(path.read_bytes())
        except OSError as exc:
            self._notices.warn(title, _("{path} cannot be read ({problem}).").format(path=path, problem=exc.strerror))
            return False
        except UntocError as exc:
            self._notices.warn(title, str(exc))
            return False
        target = free_draft_name(path)
        reason = _("You have no personal key on this computer.")
        if settings.personal_key:
            try:
                identity = load_personal_identity(self.ask_passphrase, folder=self.folder)
                return self._decrypted(path, open_copy_to_draft(path, target, [identity]))
            except NotForYouError:
                reason = _("This copy was not encrypted for your key; it was encrypted for {count} keys.").format(
                    count=count
                )
            except UntocError as exc:
                self._notices.warn(title, str(exc))
                return False
        while True:
            typed = self.ask_recovery_code(reason, not settings.organisation_id)
            if typed is None:
                return False
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # deriving the key takes about half a second
            try:
                identity = recovery_identity(typed[0], settings, typed[1] or None)
            except UntocError as exc:  # a mistyped code: say so and ask again
                reason = str(exc)
                continue
            finally:
                QApplication.restoreOverrideCursor()
            try:
                return self._decrypted(path, open_copy_to_draft(path, target, [identity]))
            except UntocError as exc:
                self._notices.warn(title, str(exc))
                return False

    def _decrypted(self, copy: Path, draft: Path) -> bool:
        self._notices.status(_("Decrypted {copy} into {draft}.").format(copy=copy.name, draft=draft.name))
        offer_merge_with_own_copy(self.window, self._parent, self._merge, draft, copy)
        return True
