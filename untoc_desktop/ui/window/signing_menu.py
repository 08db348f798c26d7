"""The File menu's signing entries: Sign and export submission…, Verify a signed submission…, Sent submissions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ...i18n import _
from .session import DraftSession


class SigningActions:
    """Adds the signing entries to a menu and opens their dialogs.

    Args:
        menu: the File menu; the entries go before ``before_action``.
        before_action: the action the entries are inserted before (e.g. Quit), or None for the end.
        current_session: returns the open draft's session, or None.
        parent: the main window.
        show_status: shows a message in the status bar.

    The dialogs read the draft through the session's snapshot, which holds every edit typed so far.
    """

    def __init__(
        self,
        menu: QMenu,
        before_action: QAction | None,
        current_session: Callable[[], DraftSession | None],
        parent: QWidget,
        show_status: Callable[[str], object],
    ) -> None:
        self._session, self._parent, self._status = current_session, parent, show_status
        self.sign_action = QAction(_("&Sign and export submission…"), parent)
        self.countersign_action = QAction(_("&Add a signature to a signed PDF…"), parent)
        self.verify_action = QAction(_("&Verify a signed submission…"), parent)
        self.sent_action = QAction(_("Sen&t submissions"), parent)
        self.sign_action.triggered.connect(lambda _checked=False: self.sign())
        self.countersign_action.triggered.connect(lambda _checked=False: self.countersign())
        self.verify_action.triggered.connect(lambda _checked=False: self.verify())
        self.sent_action.triggered.connect(lambda _checked=False: self.sent())
        actions = [self.sign_action, self.countersign_action, self.verify_action, self.sent_action]
        menu.insertActions(before_action, actions) if before_action is not None else menu.addActions(actions)
        menu.insertSeparator(before_action) if before_action is not None else menu.addSeparator()
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        """Signing and the register need an open draft; verifying does not."""
        has_draft = self._session() is not None
        self.sign_action.setEnabled(has_draft)
        self.countersign_action.setEnabled(has_draft)
        self.sent_action.setEnabled(has_draft)

    def sign(self):
        """Open the Sign and export submission dialog."""
        from ..dialogs.signing_dialogs import SignExportDialog

        session = self._session()
        if session is None:
            return None
        dialog = SignExportDialog(session, self._parent, self._status)
        dialog.open()
        return dialog

    def countersign(self, source: Path | None = None):
        """Choose a signed PDF (a colleague's) and open the dialog that adds a signature to it."""
        from PySide6.QtWidgets import QFileDialog

        from ..dialogs.signing_dialogs import SignExportDialog

        session = self._session()
        if session is None:
            return None
        if source is None:
            chosen, _f = QFileDialog.getOpenFileName(
                self._parent, _("Add a signature to a signed PDF"), str(session.path.parent), _("PDF document (*.pdf)")
            )
            if not chosen:
                return None
            source = Path(chosen)
        dialog = SignExportDialog(session, self._parent, self._status, source=source)
        dialog.open()
        return dialog

    def verify(self):
        """Open the Verify a signed submission dialog."""
        from ..dialogs.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self._parent)
        dialog.open()
        return dialog

    def sent(self):
        """Open the Sent submissions dialog."""
        from ..dialogs.sent_dialog import SentSubmissionsDialog

        session = self._session()
        if session is None:
            return None
        dialog = SentSubmissionsDialog(session, self._parent)
        dialog.open()
        return dialog
