"""Right-to-left and mixed-direction paragraphs for the PDF renderer.

reportlab 5.1 shapes Arabic itself (HarfBuzz, through uharfbuzz, when a
paragraph style has ``shaping=1`` and the font is a shapable ``TTFont``): each
word comes out joined and in right-to-left glyph order. Its own line
reordering, however, needs the separate ``rlbidi`` package, which is not on
PyPI. So this module does the part that is missing, at word level:

1. break the paragraph into lines in logical order, measuring each word;
2. order the words of each line visually with the Unicode Bidirectional
   Algorithm's rules applied to whole words (UAX #9: W7, N1/N2, I1/I2, L2);
3. hand the lines, joined by ``<br/>``, to a platypus Paragraph with shaping
   on, which draws each word shaped.

A word keeps its characters in logical order; only the order of words
changes. Mixed-direction text inside a single word (rare) is shaped by
HarfBuzz as one run.
"""

from __future__ import annotations

import copy

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .pdf_fonts import markup, split_runs
from .text import paragraph_direction, strong_direction

# Arabic measured unshaped is wider than shaped, so lines measured this way fit; the
# margin covers kerning and bold faces without letting platypus re-wrap a line.
_FILL = 0.94


def _word_class(word: str, base: str) -> str:
    direction = strong_direction(word)
    if direction == "rtl":
        return "R"
    if direction == "ltr":
        return "L"
    if any(c.isdigit() for c in word):
        return "EN"
    return "N"


def visual_order(words: list[str], base: str) -> list[str]:
    """Order the words of one line for display, left to right.

    Args:
        words: the line's words in logical (typed) order.
        base: paragraph direction, ``"rtl"`` or ``"ltr"``.

    Returns:
        The same words in visual order.
    """
    if not words:
        return []
    classes = [_word_class(w, base) for w in words]
    # W7: a number after Latin text (or at the start of an LTR paragraph) is Latin.
    previous = "L" if base == "ltr" else "R"
    for i, cls in enumerate(classes):
        if cls in ("L", "R"):
            previous = cls
        elif cls == "EN" and previous == "L":
            classes[i] = "L"
    # N1/N2: neutral words take the direction of the strong words around them when they agree,
    # else the paragraph's. Numbers count as right to left here.
    edge = "L" if base == "ltr" else "R"
    strong = ["R" if c == "EN" else c for c in classes]
    for i, cls in enumerate(classes):
        if cls != "N":
            continue
        before = next((strong[j] for j in range(i - 1, -1, -1) if strong[j] != "N"), edge)
        after = next((strong[j] for j in range(i + 1, len(strong)) if strong[j] != "N"), edge)
        classes[i] = before if before == after else edge
    # I1/I2: embedding levels.
    if base == "ltr":
        levels = [{"L": 0, "R": 1, "EN": 2}[c] for c in classes]
    else:
        levels = [{"L": 2, "R": 1, "EN": 2}[c] for c in classes]
    # L2: from the highest level down to the lowest odd one, reverse each run at or above it.
    order = list(range(len(words)))
    lowest_odd = 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return [words[k] for k in order]


def _word_width(word: str, bold: bool, size: float) -> float:
    return sum(stringWidth(run, family.face(bold), size) for family, run in split_runs(word))


def break_lines(text: str, width: float, *, bold: bool, size: float) -> list[list[str]]:
    """Break text into lines of words in logical order, each at most ``width`` wide.

    Args:
        text: cleaned text; ``\\n`` forces a new line.
        width: available width in points.
        bold: measure with the bold faces.
        size: font size in points.

    Returns:
        Lines as lists of words. A word wider than ``width`` gets a line of
        its own (platypus then splits it).
    """
    limit = width * _FILL
    space = stringWidth(" ", "UntocSans", size)
    lines: list[list[str]] = []
    for hard_line in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in hard_line.split():
            w = _word_width(word, bold, size)
            if line and used + space + w > limit:
                lines.append(line)
                line, used = [], 0.0
            used += (space if line else 0.0) + w
            line.append(word)
        lines.append(line)
    return lines


class BidiParagraph(Flowable):
    """A paragraph with right-to-left text, laid out line by line in visual order.

    Behaves like a platypus Paragraph (wrap, split across pages, draw); the
    wrapped lines are computed for the width it is given.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> None:
        """Create the paragraph.

        Args:
            text: cleaned text (see :func:`~.text.clean_text`), ``\\n`` for line breaks.
            style: platypus style; its alignment is replaced by the text direction's.
            bold: draw with bold faces.
        """
        super().__init__()
        self.text = text
        self.bold = bold
        self.direction = paragraph_direction(text)
        self.style = copy.copy(style)
        self.style.alignment = TA_RIGHT if self.direction == "rtl" else TA_LEFT
        self.style.shaping = 1
        self.style.wordWrap = None
        self._inner: Paragraph | None = None
        self._inner_width = -1.0

    def _paragraph(self, width: float) -> Paragraph:
        if self._inner is None or self._inner_width != width:
            lines = break_lines(self.text, width, bold=self.bold, size=self.style.fontSize)
            rendered = [
                " ".join(markup(word, bold=self.bold) for word in visual_order(line, self.direction)) for line in lines
            ]
            self._inner = Paragraph("<br/>".join(rendered), self.style)
            self._inner_width = width
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - platypus API
        """Lay out for the available width; returns (width, height) in points."""
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - platypus API
        """Split across pages; the parts are ordinary Paragraphs with the lines already ordered."""
        return self._paragraph(availWidth).split(availWidth, availHeight)

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus API
        """Space above, from the style."""
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus API
        """Space below, from the style."""
        return self.style.spaceAfter

    def draw(self) -> None:
        """Draw at the flowable's origin (called by platypus after wrap)."""
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)
