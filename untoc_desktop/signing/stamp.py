"""The visible signature block, drawn by our PDF renderer as a one-page PDF.

pyHanko's own text stamps have one font and no bidi; this block uses the document
fonts, shaping and bidi of :mod:`untoc_desktop.documents` (so an Arabic block reads
right to left) and is handed to pyHanko as the field's appearance, in the same
revision as the signature.
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass

from babel.dates import format_time
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from ..documents.labels import document_direction, long_date
from ..documents.pdf_fonts import BASE, register_fonts
from ..documents.pdf_renderer import text_flowable
from ..i18n import normalize_locale
from .wording import signature_wording

#: Width of the signature block, in points (about 8.1 cm: two fit side by side on A4).
BLOCK_WIDTH = 230.0
_PADDING = 5.0


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
        utc = self.signed_at.astimezone(_dt.timezone.utc)
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


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    sans, bold = BASE.face(False), BASE.face(True)
    body = ParagraphStyle("sig_body", fontName=sans, fontSize=7.5, leading=9.5, textColor=colors.black)
    return {
        "bold": ParagraphStyle("sig_bold", body, fontName=bold, fontSize=8.5, leading=11),
        "body": body,
        "small": ParagraphStyle("sig_small", body, fontSize=6, leading=7.5, textColor=colors.Color(0.2, 0.2, 0.2)),
        "hex": ParagraphStyle("sig_hex", body, fontSize=6, leading=7.5),
    }


def draw_signature_block(block: SignatureBlock, width: float = BLOCK_WIDTH) -> tuple[bytes, float, float]:
    """Draw the signature block as a one-page PDF exactly the block's size.

    Args:
        block: what to print.
        width: block width in points.

    Returns:
        (PDF bytes, width, height), sizes in points.
    """
    styles = _styles()
    direction = document_direction(block.language)
    inner = width - 2 * _PADDING
    flowables = []
    for style, text in block.lines():
        flowable = text_flowable(
            text,
            styles[style],
            bold=style == "bold",
            direction="ltr" if style == "hex" else (direction if direction == "rtl" else None),
        )
        _, height = flowable.wrap(inner, 10_000)
        flowables.append((flowable, height))
    total = sum(h for _, h in flowables) + 2 * _PADDING
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, total), invariant=1, pageCompression=1)
    canvas.setStrokeColor(colors.Color(0.1, 0.3, 0.5))
    canvas.setFillColor(colors.Color(0.94, 0.96, 1.0))
    canvas.setLineWidth(0.8)
    canvas.rect(0.4, 0.4, width - 0.8, total - 0.8, stroke=1, fill=1)
    y = total - _PADDING
    for flowable, height in flowables:
        y -= height
        flowable.drawOn(canvas, _PADDING, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), width, total
