"""What the letters dialog and the letter log share: kind labels, letter languages, file filters, the busy cursor."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ... import languages
from ...i18n import N_
from ...letters.wording import FORM_OF_ADDRESS_LABELS

#: Kind -> label shown to the user.
KIND_LABELS = {
    "engagement": N_("Request for engagement"),
    "transmission": N_("Transmission of the submission"),
    "follow-up": N_("Follow-up"),
}
#: Letter languages as their speakers name them.
LANGUAGE_NAMES = languages.NativeNames()
FORM_LABELS = FORM_OF_ADDRESS_LABELS
FILE_FILTERS = {"docx": N_("Word document (*.docx)"), "pdf": N_("PDF document (*.pdf)")}


@contextmanager
def busy_cursor():
    """Show the wait cursor while a letter is written (a LibreOffice conversion takes seconds)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
