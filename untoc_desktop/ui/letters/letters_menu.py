"""The Letters menu of the main window: its entries open the letter dialogs, imported when first used.

The dialogs, and the letters package behind them (templates, wording, Word output), are not
needed to show the window, so this module imports none of them at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ...i18n import _

if TYPE_CHECKING:
    from ..window.session import DraftSession
    from .letters_dialog import NewLetterDialog


class LettersMenu(QMenu):
    """The Letters menu of the main window.

    Args:
        current_session: returns the open draft's session, or None.
        parent: the main window.
    """

    def __init__(self, current_session: Callable[[], DraftSession | None], parent: QWidget) -> None:
        super().__init__(_("&Letters"), parent)
        self._current_session = current_session
        self.new_letter_action = self._add(_("&New letter…"), self.new_letter)
        self.address_book_action = self._add(_("&Address book…"), self.address_book)
        self.sender_action = self._add(_("&Sender details…"), self.sender_details)
        self.log_action = self._add(_("Letter &log"), self.letter_log)
        self.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = self.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update_actions(self) -> None:
        """Letters need an open draft."""
        for action in self.actions():
            action.setEnabled(self._current_session() is not None)

    def new_letter(self) -> NewLetterDialog | None:
        """Open the New letter dialog."""
        session = self._current_session()
        if session is None:
            return None
        from .letters_dialog import NewLetterDialog

        dialog = NewLetterDialog(session, self.parentWidget())
        dialog.open()
        return dialog

    def address_book(self) -> QDialog | None:
        """Open the address book."""
        from .address_book_dialog import AddressBookDialog

        session = self._current_session()
        return self._open(AddressBookDialog(session.workspace, self.parentWidget())) if session else None

    def sender_details(self) -> QDialog | None:
        """Open the sender details."""
        from .address_book_dialog import SenderDialog

        session = self._current_session()
        return self._open(SenderDialog(session.workspace, self.parentWidget())) if session else None

    def letter_log(self) -> QDialog | None:
        """Open the letter log."""
        from .letter_log_dialog import LetterLogDialog

        session = self._current_session()
        return self._open(LetterLogDialog(session.workspace, self.parentWidget())) if session else None

    @staticmethod
    def _open(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
