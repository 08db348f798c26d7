"""The recovery sheet: a one-page PDF with the recovery code, to print and lock away.

Typeset by the engine of the submission (:mod:`untoc_desktop.documents.typeset`, template
``sheet.typ``) with the bundled fonts, so an Arabic sheet gets the full Unicode Bidirectional
Algorithm, shaping and line breaking. The code, fingerprint, identity and command are always
laid out left to right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..documents.labels import document_direction
from ..documents.pdf_fonts import register_fonts
from ..documents.text import clean_text
from ..documents.typeset import text_value, typeset
from ..errors import ExportError
from ..files import atomic_replace
from ..i18n import _
from ..languages import format_date
from .recovery import grouped
from .sheet_wording import SHEET_WORDING

#: The sheet's layout, shipped inside the package.
TEMPLATE = Path(__file__).with_name("sheet.typ")
_LABELS = ("organisation", "code", "fingerprint", "identity", "made_on", "what_to_do", "command_line")


def _wording(words: Mapping[str, Sequence[str]], key: str) -> str:
    """One text of the sheet's wording (every entry but ``steps`` is a single text)."""
    text = words[key]
    if not isinstance(text, str):
        raise TypeError(f"the sheet wording {key!r} is a list of texts, not one text")
    return text


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows.

    Attributes:
        code: the recovery code (canonical, 24 characters); printed in blocks of four.
        organisation_name: the organisation's name as typed.
        fingerprint: the recovery recipient's fingerprint.
        organisation_id: the organisation's identity (salt of the code's derivation).
        language: the sheet's language (en fr es ar ru zh; others give English).
        made_on: the date printed.
    """

    code: str
    organisation_name: str
    fingerprint: str
    organisation_id: str
    language: str = "en"
    made_on: date | None = None


def sheet_data(sheet: RecoverySheet) -> dict[str, Any]:
    """The template's input for ``sheet``: plain JSON-serialisable data (every text a value, never markup).

    Args:
        sheet: what the sheet shows.

    Returns:
        The data ``sheet.typ`` reads (see the template's header).

    Raises:
        ExportError: the bundled fonts are missing.
    """
    language = sheet.language if sheet.language in SHEET_WORDING else "en"
    words = SHEET_WORDING[language]
    made_on = sheet.made_on or date.today()

    def value(text: str, direction: str | None = None) -> dict[str, Any]:
        return text_value(text, language, direction)

    return {
        "title": value(_wording(words, "title")),
        "lang": language,
        "dir": document_direction(language),
        "organisation_name": value(sheet.organisation_name),
        "labels": {key: value(_wording(words, key)) for key in _LABELS},
        # The code, the fingerprint and the identity are always read left to right.
        "values": {
            "fingerprint": value(sheet.fingerprint, "ltr"),
            "identity": value(sheet.organisation_id, "ltr"),
            "made_on": value(format_date(made_on, language)),
        },
        "code": grouped(sheet.code),
        "code_fonts": value("A")["f"],
        "steps": [value(step) for step in words["steps"]],
        "command": [
            "untoc open-copy FILE.untoc.age -o DRAFT.untoc --recovery-code",
            f"--organization-id {clean_text(sheet.organisation_id)}",
        ],
    }


def write_recovery_sheet(sheet: RecoverySheet, path: Path) -> Path:
    """Typeset the recovery sheet (one A4 page) and write it to ``path``.

    Raises:
        ExportError: the fonts are missing, the engine refused the page, or the file cannot
            be written (an existing file at ``path`` is then left as it was).
    """
    try:
        register_fonts()
    except ExportError:
        raise ExportError(
            _("The fonts needed for the recovery sheet are missing. Reinstall the application.")
        ) from None
    pdf = typeset(TEMPLATE, sheet_data(sheet))
    path = Path(path)
    try:
        # It carries the recovery code: readable by its owner only.
        atomic_replace(path, lambda temporary: temporary.write_bytes(pdf), mode=0o600)
    except OSError as exc:
        raise ExportError(
            _("The recovery sheet could not be saved to {path} ({problem}). Choose another place.").format(
                path=path, problem=exc.strerror
            )
        ) from None
    return path
