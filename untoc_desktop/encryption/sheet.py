"""The recovery sheet: a one-page PDF with the recovery code, to print and lock away.

Drawn directly with reportlab's canvas and the bundled Noto fonts, on purpose
apart from the submission's PDF renderer: one page of short lines, each line in
one script. Arabic lines are cut into right-to-left and left-to-right runs put in
display order (:func:`direction_runs`); each right-to-left run is shaped as a whole by
HarfBuzz through reportlab (``canvas.drawString(..., shaping=True)`` does not shape
without the ``rlbidi`` package, which is not on PyPI). The code, fingerprint and
identity are always drawn left to right.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
from reportlab.lib.abag import ABag
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from ..errors import ExportError
from ..i18n import _
from .recovery import grouped
from .sheet_wording import SHEET_WORDING

_FONT_FILES = {
    "UntocSheet": "NotoSans-Regular.ttf",
    "UntocSheet-Bold": "NotoSans-Bold.ttf",
    "UntocSheetArabic": "NotoNaskhArabic-Regular.ttf",
    "UntocSheetArabic-Bold": "NotoNaskhArabic-Bold.ttf",
    "UntocSheetCJK": "DroidSansFallback.ttf",
}
_GREY = Color(0.35, 0.35, 0.35)
_MARGIN = 56.0


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


def _fonts_dir() -> Path:
    candidates = [Path(__file__).resolve().parents[2] / "resources" / "fonts",
                  Path(sys.prefix) / "share" / "untoc-desktop" / "fonts"]
    for folder in candidates:
        if (folder / "NotoSans-Regular.ttf").is_file():
            return folder
    raise ExportError(_("The fonts needed for the recovery sheet are missing. Reinstall the application."))


@cache
def _register_fonts() -> None:
    folder = _fonts_dir()
    for name, file_name in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))


def _script(text: str) -> str:
    if any(_is_arabic_letter(char) for char in text):
        return "arabic"
    if any(unicodedata.east_asian_width(char) in ("W", "F") for char in text):
        return "cjk"
    return "latin"


def _cjk_runs(text: str) -> list[tuple[str, str]]:
    """Runs of a Chinese line: wide characters in the CJK font, digits, Latin and symbols in Noto Sans."""
    runs: list[tuple[str, str]] = []
    for char in text:
        name = "UntocSheetCJK" if unicodedata.east_asian_width(char) in ("W", "F") else "UntocSheet"
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    return runs


def _is_arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff"


def direction_runs(line: str) -> list[tuple[bool, str]]:
    """A right-to-left line cut into runs, in display order (left to right).

    Each run is ``(right_to_left, text)``: consecutive Arabic words (with their
    punctuation and the spaces between them) form one right-to-left run, which
    HarfBuzz shapes and orders as a whole; consecutive numbers or Latin words form
    a left-to-right run. In a right-to-left paragraph the runs are displayed in
    reverse order, as the Unicode Bidirectional Algorithm does (rules L1-L2, at
    word level).
    """
    runs: list[tuple[bool, list[str]]] = []
    for word in line.split(" "):
        ltr = not any(_is_arabic_letter(char) for char in word) and any(char.isalnum() for char in word)
        if runs and runs[-1][0] == (not ltr):
            runs[-1][1].append(word)
        else:
            runs.append((not ltr, [word]))
    return [(rtl, " ".join(words)) for rtl, words in reversed(runs)]


def _shaped(text: str, font: str, size: float) -> tuple[float, str]:
    """``text`` shaped by HarfBuzz through reportlab (joined letters, right-to-left glyph order), with its width."""
    shaped = shapeFragWord([pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)],
                           force=True)
    return shaped[0], shaped[1][1]


class _Page:
    """A cursor going down the page, drawing one-script lines."""

    def __init__(self, canvas: Canvas, rtl: bool) -> None:
        self.canvas = canvas
        self.rtl = rtl
        self.width, height = A4
        self.y = height - _MARGIN

    def _font(self, script: str, bold: bool) -> str:
        if script == "arabic":
            return "UntocSheetArabic-Bold" if bold else "UntocSheetArabic"
        if script == "cjk":
            return "UntocSheetCJK"
        return "UntocSheet-Bold" if bold else "UntocSheet"

    def _width(self, text: str, font: str, size: float, script: str) -> float:
        if script == "arabic":
            return sum(width for _font, _text, width in self._arabic_pieces(text, bold=font.endswith("Bold"),
                                                                              size=size))
        if script == "cjk":
            return sum(pdfmetrics.stringWidth(run, name, size) for name, run in _cjk_runs(text))
        return pdfmetrics.stringWidth(text, font, size)

    def _arabic_pieces(self, line: str, *, bold: bool, size: float) -> list[tuple[str, str, float]]:
        """(font, text, width) pieces of an Arabic line in display order; right-to-left runs shaped."""
        pieces = []
        latin = self._font("latin", bold)
        for number, (rtl, text) in enumerate(direction_runs(line)):
            if number:
                pieces.append((latin, " ", pdfmetrics.stringWidth(" ", latin, size)))
            if rtl:
                font = self._font("arabic", bold)
                width, shaped = _shaped(text, font, size)
                pieces.append((font, shaped, width))
            else:
                pieces.append((latin, text, pdfmetrics.stringWidth(text, latin, size)))
        return pieces

    def _draw_pieces(self, x: float, pieces: list[tuple[str, str, float]], size: float) -> None:
        for font, text, width in pieces:
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, self.y, text)
            x += width

    def _draw_cjk(self, x: float, line: str, size: float) -> None:
        for name, run in _cjk_runs(line):
            self.canvas.setFont(name, size)
            self.canvas.drawString(x, self.y, run)
            x += pdfmetrics.stringWidth(run, name, size)

    def _lines(self, text: str, font: str, size: float, script: str, width: float) -> list[str]:
        units = list(text) if script == "cjk" else text.split(" ")
        joiner = "" if script == "cjk" else " "
        lines: list[str] = []
        current = ""
        for unit in units:
            candidate = f"{current}{joiner}{unit}" if current else unit
            if current and self._width(candidate, font, size, script) > width:
                lines.append(current)
                current = unit
            else:
                current = candidate
        return [*lines, current] if current else lines

    def text(self, text: str, size: float, *, bold: bool = False, colour: Color = black, gap: float = 4.0,
             indent: float = 0.0, bullet: str = "") -> None:
        """Draw a wrapped paragraph on the start side (the right in an Arabic sheet); only Arabic is shaped."""
        script = _script(text)
        font = self._font(script, bold)
        right_aligned = self.rtl
        width = self.width - 2 * _MARGIN - indent
        self.canvas.setFillColor(colour)
        for number, line in enumerate(self._lines(text, font, size, script, width)):
            self.y -= size * 1.45
            self.canvas.setFont(font, size)
            if script == "arabic":
                pieces = self._arabic_pieces(line, bold=bold, size=size)
                width_drawn = sum(piece[2] for piece in pieces)
                start = self.width - _MARGIN - indent - width_drawn if right_aligned else _MARGIN + indent
                self._draw_pieces(start, pieces, size)
                if bullet and number == 0:
                    self.canvas.setFont(self._font("latin", False), size)
                    self.canvas.drawString(self.width - _MARGIN - indent + 6, self.y, bullet)
                continue
            if right_aligned:
                self.canvas.drawRightString(self.width - _MARGIN - indent, self.y, line)
                if bullet and number == 0:
                    self.canvas.drawString(self.width - _MARGIN - indent + 6, self.y, bullet)
            elif script == "cjk":
                self._draw_cjk(_MARGIN + indent, line, size)
            else:
                self.canvas.drawString(_MARGIN + indent, self.y, line)
                if bullet and number == 0:
                    self.canvas.drawRightString(_MARGIN + indent - 6, self.y, bullet)
        self.y -= gap

    def code_box(self, code: str) -> None:
        """The code in large letters inside a frame, always left to right."""
        # Plain drawString: a text object's character spacing would stay in the canvas state and
        # break the shaping of the Arabic lines drawn after it.
        text = grouped(code)
        size = 24.0
        while size > 12 and pdfmetrics.stringWidth(text, "UntocSheet-Bold", size) + 40 > self.width - 2 * _MARGIN:
            size -= 1
        box_width, box_height = pdfmetrics.stringWidth(text, "UntocSheet-Bold", size) + 40, size * 2.2
        left = (self.width - box_width) / 2
        self.y -= box_height + 4
        self.canvas.setLineWidth(1.5)
        self.canvas.rect(left, self.y, box_width, box_height)
        self.canvas.setFillColor(black)
        self.canvas.setFont("UntocSheet-Bold", size)
        self.canvas.drawCentredString(self.width / 2, self.y + box_height / 2 - size * 0.35, text)
        self.y -= 14


def write_recovery_sheet(sheet: RecoverySheet, path: Path) -> Path:
    """Draw the recovery sheet to ``path`` (one A4 page).

    Raises:
        ExportError: the fonts are missing or the file cannot be written.
    """
    _register_fonts()
    language = sheet.language if sheet.language in SHEET_WORDING else "en"
    words = SHEET_WORDING[language]
    rtl = language == "ar"
    path = Path(path)
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(words["title"])
    canvas.setSubject(sheet.organisation_name)
    page = _Page(canvas, rtl)
    page.text(words["title"], 18, bold=True, gap=14)
    page.text(words["organisation"], 10, colour=_GREY, gap=0)
    page.text(sheet.organisation_name, 15, bold=True, gap=10)
    page.text(words["code"], 10, colour=_GREY, gap=0)
    page.code_box(sheet.code)
    page.text(words["fingerprint"], 10, colour=_GREY, gap=0)
    page.text(sheet.fingerprint, 13, gap=8)
    page.text(words["identity"], 10, colour=_GREY, gap=0)
    page.text(sheet.organisation_id, 11, gap=8)
    page.text(words["made_on"], 10, colour=_GREY, gap=0)
    made_on = sheet.made_on or date.today()
    page.text(format_date(made_on, "long", locale=language), 11, gap=16)
    page.text(words["what_to_do"], 13, bold=True, gap=4)
    for number, step in enumerate(words["steps"], start=1):
        page.text(step, 10.5, indent=16, gap=5, bullet=f"{number}.")
    page.text(words["command_line"], 10.5, gap=0, indent=16)
    page.text("untoc open-copy FILE.untoc.age -o DRAFT.untoc --recovery-code", 10, indent=16, gap=0)
    page.text(f"      --organization-id {sheet.organisation_id}", 10, indent=16)
    canvas.showPage()
    try:
        canvas.save()
    except OSError as exc:
        raise ExportError(_("The recovery sheet could not be saved to {path} ({problem}). Choose another place.")
                          .format(path=path, problem=exc.strerror)) from None
    return path
