"""Right-to-left and mixed-direction paragraphs for the PDF renderer.

What reportlab 5.1 offers and what it lacks (measured, see the tests):

* Shaping works: ``canvas.drawString(..., shaping=True)`` with a ``TTFont``
  runs HarfBuzz (uharfbuzz) and draws an Arabic word joined, its glyphs in
  right-to-left order, with a ToUnicode map that text extraction reads back
  (as presentation forms; NFKC gives the letters back).
* Paragraph line reordering (``wordWrap="RTL"``) needs the separate
  ``rlbidi`` package, which is not on PyPI; without it words stay in typed
  order, so an Arabic sentence reads backwards.
* A platypus word made of several font runs (``(وفق``: parenthesis from Noto
  Sans, letters from Noto Naskh) is shaped with the first run's font only,
  which draws the Arabic letters as empty boxes.

So :class:`BidiParagraph` lays such paragraphs out itself: it breaks lines in
logical order with widths measured after shaping, orders the words of each
line with the Unicode Bidirectional Algorithm's rules applied to whole words
(UAX #9 W7, N1/N2, I1/I2, L2), and draws each single-font run with
reportlab's shaping. Shaping itself is always reportlab's (HarfBuzz).
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import bidiShapedText
from reportlab.platypus import Flowable

from .pdf_fonts import BASE, split_runs
from .text import paragraph_direction, strong_direction

# Paired punctuation drawn mirrored inside a right-to-left word (UAX #9 rule L4),
# when it is a separate font run that HarfBuzz does not see together with the letters.
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")

# A run ready to draw: (registered font name, text, width in points).
Run = tuple[str, str, float]


def _word_class(word: str) -> str:
    direction = strong_direction(word)
    if direction == "rtl":
        return "R"
    if direction == "ltr":
        return "L"
    if any(c.isdigit() for c in word):
        return "EN"
    return "N"


def visual_order(words: list[str], base: str) -> list[int]:
    """Order the words of one line for display, left to right.

    Args:
        words: the line's words in logical (typed) order.
        base: paragraph direction, ``"rtl"`` or ``"ltr"``.

    Returns:
        Indexes into ``words`` in visual order.
    """
    classes = [_word_class(w) for w in words]
    edge = "L" if base == "ltr" else "R"
    # W7: a number after Latin text (or at the start of a left-to-right paragraph) is Latin.
    previous = edge
    for i, cls in enumerate(classes):
        if cls in ("L", "R"):
            previous = cls
        elif cls == "EN" and previous == "L":
            classes[i] = "L"
    # N1/N2: neutral words take the direction of the strong words around them when both
    # agree (numbers count as right to left here), else the paragraph's direction.
    strong = ["R" if c == "EN" else c for c in classes]
    for i, cls in enumerate(classes):
        if cls == "N":
            before = next((strong[j] for j in range(i - 1, -1, -1) if strong[j] != "N"), edge)
            after = next((strong[j] for j in range(i + 1, len(strong)) if strong[j] != "N"), edge)
            classes[i] = before if before == after else edge
    # I1/I2: embedding levels of the resolved classes, for the words and for the spaces between
    # them. A space between two words of the same direction takes it (numbers count as right
    # to left), else the paragraph's: so "5, 1991" in Arabic text stays two separate numbers.
    table = {"L": 0, "R": 1, "EN": 2} if base == "ltr" else {"L": 2, "R": 1, "EN": 2}
    base_level = 0 if base == "ltr" else 1
    sequence: list[tuple[int, int]] = []  # (level, word index or -1 for a space)
    for i, cls in enumerate(classes):
        if i:
            left, right = ("L" if c == "L" else "R" for c in (classes[i - 1], cls))
            sequence.append((table[left] if left == right else base_level, -1))
        sequence.append((table[cls], i))
    # L2: from the highest level down to 1, reverse every run at that level or above.
    for level in range(max(lvl for lvl, _ in sequence), 0, -1):
        i = 0
        while i < len(sequence):
            if sequence[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(sequence) and sequence[j][0] >= level:
                j += 1
            sequence[i:j] = sequence[i:j][::-1]
            i = j
    return [index for _, index in sequence if index >= 0]


def shaped_runs(word: str, *, bold: bool, size: float) -> list[Run]:
    """A word's font runs in visual order, each measured after shaping.

    In a right-to-left word the runs are reversed and separate bracket runs
    mirrored; HarfBuzz orders the glyphs inside each run.
    """
    runs = []
    for family, text in split_runs(word):
        name = family.face(bold)
        runs.append([name, text, bidiShapedText(text, None, fontName=name, fontSize=size, shaping=True)[1]])
    if strong_direction(word) == "rtl" and len(runs) > 1:
        runs.reverse()
        for run in runs:
            if strong_direction(run[1]) is None:
                run[1] = run[1].translate(_MIRROR)
    return [(name, text, width) for name, text, width in runs]


# Bidi classes of punctuation that, at the edge of a number or Latin word, belongs to the
# surrounding right-to-left text rather than to the word (UAX #9 rules W4-W7 and N1/N2).
_EDGE_NEUTRALS = frozenset({"ON", "CS", "ES", "BN"})


def edge_punctuation_in_rtl(word: str, runs: list[Run], *, bold: bool, size: float,
                            previous: str = "", following: str = "") -> list[Run]:
    """Runs of a number or Latin word inside a right-to-left paragraph, with its edge punctuation placed right.

    ``2024).`` typed in Arabic text is displayed ``.(2024``: the closing bracket and the
    full stop after the number belong to the right-to-left sentence, so they go to the
    number's left and the bracket is mirrored. Punctuation between two Latin words stays
    with them (``Prevent, Suppress``), as rule N1 says. Right-to-left words are returned
    as they are.

    Args:
        word, runs: the word and its measured runs.
        previous, following: the neighbouring words on the line ("" at its ends).
    """
    cls = _word_class(word)
    if cls == "R":
        return runs
    keep_lead = cls == "L" and _word_class(previous) == "L" if previous else False
    keep_trail = cls == "L" and _word_class(following) == "L" if following else False
    start, end = 0, len(word)
    while start < end and unicodedata.bidirectional(word[start]) in _EDGE_NEUTRALS:
        start += 1
    while end > start and unicodedata.bidirectional(word[end - 1]) in _EDGE_NEUTRALS:
        end -= 1
    lead, core, trail = word[:start], word[start:end], word[end:]
    if keep_lead:
        lead, core = "", lead + core
    if keep_trail:
        core, trail = core + trail, ""
    if not (lead or trail) or not core:
        return runs
    pieces = [trail[::-1].translate(_MIRROR), core, lead[::-1].translate(_MIRROR)]
    return [run for piece in pieces if piece for run in shaped_runs(piece, bold=bold, size=size)]


def _split_long_word(word: str, width: float, *, bold: bool, size: float) -> list[str]:
    """Cut a word wider than the line (a long URL) into pieces that fit."""
    pieces, current = [], ""
    for char in word:
        if current and sum(r[2] for r in shaped_runs(current + char, bold=bold, size=size)) > width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + ([current] if current else [])


# A laid-out line: words in visual order, each a list of runs; and the line's width.
Line = tuple[list[list[Run]], float]


class BidiParagraph(Flowable):
    """A paragraph containing right-to-left text, drawn line by line in visual order.

    Behaves like a platypus Paragraph for layout: it wraps to the width it is
    given, splits across pages between lines, and honours the style's font
    size, leading, colour, indents and space before/after. Alignment follows
    the text: right for a right-to-left paragraph, left otherwise.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        bold: bool = False,
        bullet: str | None = None,
        direction: str | None = None,
        link: str = "",
        _lines: list[Line] | None = None,
    ):
        """Create the paragraph.

        Args:
            text: cleaned text (see :func:`~.text.clean_text`); ``\\n`` is a line break.
            style: platypus style (fontSize, leading, textColor, indents, spacing).
                Indents and bulletIndent count from the start side: the right
                in a right-to-left paragraph.
            bold: draw with the bold faces.
            bullet: a bullet drawn before the first line, on the start side.
            direction: ``"rtl"`` or ``"ltr"`` to override the direction found
                from the text (page furniture of a right-to-left document).
            link: a web address the paragraph links to (clickable area over it).
        """
        super().__init__()
        self.text = text
        self.style = style
        self.bold = bold
        self.bullet = bullet
        self.direction = direction or paragraph_direction(text)
        self.link = link
        self._lines = _lines
        self._fixed = _lines is not None  # a part made by split() keeps its lines
        self._laid_width = -1.0
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def _layout(self, width: float) -> list[Line]:
        if self._lines is not None and (self._fixed or self._laid_width == width):
            return self._lines
        size, space_width = self.style.fontSize, None
        usable = width - self.style.leftIndent - self.style.rightIndent
        lines: list[Line] = []
        for hard_line in self.text.split("\n"):
            words: list[str] = []
            for word in hard_line.split():
                runs = shaped_runs(word, bold=self.bold, size=size)
                if sum(r[2] for r in runs) > usable:
                    words.extend(_split_long_word(word, usable, bold=self.bold, size=size))
                else:
                    words.append(word)
            measured = [(w, shaped_runs(w, bold=self.bold, size=size)) for w in words]
            space_width = space_width or bidiShapedText(" ", None, fontName=self._font(), fontSize=size)[1]
            current: list[tuple[str, list[Run]]] = []
            used = 0.0
            for word, runs in measured:
                word_width = sum(r[2] for r in runs)
                if current and used + space_width + word_width > usable:
                    lines.append(self._line(current, used, after=word))
                    current, used = [], 0.0
                used += (space_width if current else 0.0) + word_width
                current.append((word, runs))
            lines.append(self._line(current, used))
        self._lines, self._laid_width = lines, width
        return lines

    def _line(self, words: list[tuple[str, list[Run]]], width: float, after: str = "") -> Line:
        """One laid-out line; ``after`` is the first word of the next line (its neighbour in the sentence)."""
        order = visual_order([w for w, _ in words], self.direction)
        if self.direction == "rtl":
            texts = [w for w, _ in words]
            return [edge_punctuation_in_rtl(texts[i], words[i][1], bold=self.bold, size=self.style.fontSize,
                                            previous=texts[i - 1] if i else "",
                                            following=texts[i + 1] if i + 1 < len(texts) else after)
                    for i in order], width
        return [words[i][1] for i in order], width

    def _font(self) -> str:
        return BASE.face(self.bold)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - platypus API
        """Lay out for the available width; returns (width, height) in points."""
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - platypus API
        """Split between lines so the first part fits ``availHeight``; [] when no line fits."""
        lines = self._layout(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit == 1 and fit > 2:
            fit -= 1  # no widow: never carry a paragraph's last line alone to the next page
        if fit < 2 and len(lines) > 1:
            return []  # no orphan: a paragraph's first line never stays alone at the bottom
        if fit < 1:
            return []
        options = {"bold": self.bold, "direction": self.direction, "link": self.link}
        first = BidiParagraph(self.text, self.style, bullet=self.bullet, _lines=lines[:fit], **options)
        rest = BidiParagraph(self.text, self.style, _lines=lines[fit:], **options)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        """Draw the lines (called by platypus after wrap)."""
        canvas, style = self.canv, self.style
        rtl = self.direction == "rtl"
        start = style.leftIndent
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        space = bidiShapedText(" ", None, fontName=self._font(), fontSize=style.fontSize)[1]
        for number, (words, line_width) in enumerate(self._lines or []):
            baseline = self.height - number * style.leading - style.fontSize
            if number == 0 and self.bullet:
                canvas.setFont(self._font(), style.fontSize)
                bullet_width = bidiShapedText(self.bullet, None, fontName=self._font(), fontSize=style.fontSize)[1]
                bullet_x = self.width - style.bulletIndent - bullet_width if rtl else style.bulletIndent
                canvas.drawString(bullet_x, baseline, self.bullet)
            if style.alignment == TA_CENTER:
                x = (self.width - line_width) / 2
            else:
                x = self.width - start - line_width if rtl else start
            for index, runs in enumerate(words):
                if index:  # a real space character, so text extraction separates the words
                    canvas.setFont(self._font(), style.fontSize)
                    canvas.drawString(x, baseline, " ")
                    x += space
                for name, text, width in runs:
                    canvas.setFont(name, style.fontSize)
                    canvas.drawString(x, baseline, text, shaping=True)
                    x += width
        if self.link:
            canvas.linkURL(self.link, (0, 0, self.width, self.height), relative=1, thickness=0)
        canvas.restoreState()
