"""The visible signature block, typeset by Typst as a one-page PDF of the block's size.

pyHanko's own text stamps have one font and no bidi; this block is laid out by the
engine of the submission (:mod:`untoc_desktop.documents.typeset`, template
``stamp.typ``) with the bundled fonts, shaping and the Unicode Bidirectional
Algorithm (so an Arabic block reads right to left), and is handed to pyHanko as the
field's appearance, in the same revision as the signature.
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_time

from ..documents.labels import document_direction, long_date
from ..documents.text import has_rtl
from ..documents.typeset import text_value, typeset
from ..i18n import normalize_locale
from .wording import signature_wording

#: The block's layout, shipped inside the package.
TEMPLATE = Path(__file__).with_name("stamp.typ")
#: Width of the signature block, in points (about 8.1 cm: two fit side by side on A4).
BLOCK_WIDTH = 230.0


@dataclass(frozen=True)
class SignatureBlock:
    """What the visible block says.

    Attributes:
        signatory: the person signing.
        title: their title or function ("" to leave out).
        organization: the organisation ("" to leave out).
        signed_at: time of signing (aware datetime; printed in UTC).
        root_fingerprint: SHA-256 fingerprint of the root certificate (``AB:CD:...``).
        language: document language (``en``, ``fr``, ``es``, ``ar``, ``ru``, ``zh``).
        reason: the reason for signing ("" to leave out).
    """

    signatory: str
    title: str
    organization: str
    signed_at: _dt.datetime
    root_fingerprint: str
    language: str = "en"
    reason: str = ""

    def lines(self) -> list[tuple[str, str]]:
        """The block's lines as (style name, text), in reading order."""
        words = signature_wording(self.language)
        utc = self.signed_at.astimezone(_dt.UTC)
        try:
            time_text = format_time(utc.time(), format="HH:mm", locale=normalize_locale(self.language))
        except Exception:  # noqa: BLE001 - a time must never stop signing
            time_text = utc.strftime("%H:%M")
        lines = [("bold", words["signed_by"].format(name=self.signatory))]
        if self.title.strip():
            lines.append(("body", words["title"].format(title=self.title)))
        if self.organization.strip():
            lines.append(("body", words["organization"].format(organization=self.organization)))
        lines.append(("body", words["date"].format(date=long_date(utc.date(), self.language), time=time_text)))
        if self.reason.strip():
            lines.append(("body", words["reason"].format(reason=self.reason)))
        fingerprint = self.root_fingerprint
        lines.append(("small", words["fingerprint"]))
        # Two halves, so the hexadecimal never wraps in the middle of a byte; always left to right.
        lines.append(("hex", fingerprint[:47]))
        lines.append(("hex", fingerprint[48:]))
        lines.append(("small", words["verify"]))
        return lines


def draw_signature_block(block: SignatureBlock, width: float = BLOCK_WIDTH) -> tuple[bytes, float, float]:
    """Typeset the signature block as a one-page PDF exactly the block's size.

    The page is untagged (it becomes a form XObject inside the signed file); its date is
    the time of signing.

    Args:
        block: what to print.
        width: block width in points.

    Returns:
        (PDF bytes, width, height), sizes in points; the height follows the text.

    Raises:
        ExportError: the bundled fonts are missing or the engine refused the block.
    """
    from pypdf import PdfReader

    language = block.language or "en"
    lines = []
    for style, text in block.lines():
        # The fingerprint halves always read left to right; every other line takes its own base direction.
        value = text_value(text, language, "ltr" if style == "hex" else None)
        lines.append({"s": style, "tall": has_rtl(text), **value})
    data = {
        "width": width,
        "lang": normalize_locale(language).language,
        "dir": document_direction(language),
        "lines": lines,
    }
    pdf = typeset(TEMPLATE, data, timestamp=block.signed_at, tagged=False)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return pdf, float(box.width), float(box.height)
