"""Page numbers known only at the end: "Page X of Y" footers and the contents page, in one layout pass.

Platypus lays out each page once. Rather than building the document twice
(``multiBuild``), the canvas holds the finished pages back
(:func:`deferred_canvas`): each contents entry records where its page number
goes, each heading records the page it landed on, and when the canvas is
saved the footers and the contents numbers are written onto the held pages.
The contents page's length does not depend on the numbers (one line per
entry, numbers in a fixed column), so one pass is exact.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .pdf_fonts import BASE

#: Width of the page-number column of the contents, in points.
NUMBER_WIDTH = 1.4 * cm
#: Indent per heading level in the contents, in points.
LEVEL_INDENT = 0.6 * cm


class ContentsEntry(Flowable):
    """One line of the contents: a heading's text, its page number at the end, a link to it.

    Args:
        text_flowable: the entry's text as a flowable (a Paragraph or BidiParagraph).
        level: heading level (1, 2...), indented from the start side.
        key: the heading's bookmark name (``bookmarkPage``).
        rtl: right-to-left document: text from the right, numbers at the left.
        font_size: size of the page number, in points.
    """

    def __init__(self, text_flowable: Flowable, level: int, key: str, *, rtl: bool, font_size: float) -> None:
        super().__init__()
        self.inner = text_flowable
        self.level = level
        self.key = key
        self.rtl = rtl
        self.font_size = font_size
        style = getattr(text_flowable, "style", None)
        self.spaceBefore = getattr(style, "spaceBefore", 0)
        self.spaceAfter = getattr(style, "spaceAfter", 0)
        self.keepWithNext = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - platypus API
        """Lay the text out beside the number column; returns (width, height) in points."""
        self.width = availWidth
        self.text_width = availWidth - NUMBER_WIDTH - LEVEL_INDENT * (self.level - 1)
        _, self.height = self.inner.wrap(self.text_width, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the text, remember where the number goes, and link the line to its heading."""
        canvas = self.canv
        indent = LEVEL_INDENT * (self.level - 1)
        x = NUMBER_WIDTH if self.rtl else indent
        self.inner.drawOn(canvas, x, 0)
        number_x = 0 if self.rtl else self.width  # left edge (rtl) or right edge of the number column
        baseline = self.height - self.font_size * 1.1  # first line
        absolute = canvas.absolutePosition(number_x, baseline)
        slots = getattr(canvas, "untoc_number_slots", None)
        if slots is not None:
            slots.append((canvas.getPageNumber(), absolute[0], absolute[1], self.key, self.rtl, self.font_size))
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def deferred_canvas(
    footer: Callable[[int, int], Flowable],
    margin_x: float,
) -> type[Canvas]:
    """A canvas class that holds pages back until the end, then writes footers and contents numbers.

    Args:
        footer: ``footer(page, pages)`` -> the footer flowable for that page.
        margin_x: left and right page margin, in points.

    Returns:
        A :class:`~reportlab.pdfgen.canvas.Canvas` subclass for ``canvasmaker``.
        Its ``untoc_anchor_pages`` maps bookmark names to page numbers (filled
        by the template's ``afterFlowable``); ``untoc_number_slots`` collects
        what :class:`ContentsEntry` draws.
    """

    class DeferredCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pending_pages: list[dict] = []
            self.untoc_anchor_pages: dict[str, int] = {}
            self.untoc_number_slots: list[tuple[int, float, float, str, bool, float]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pending_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending_pages)
            slots_by_page: dict[int, list] = {}
            for slot in self.untoc_number_slots:
                slots_by_page.setdefault(slot[0], []).append(slot)
            anchors = self.untoc_anchor_pages
            for number, state in enumerate(self._pending_pages, start=1):
                self.__dict__.update(state)
                flowable = footer(number, total)
                page_width = self._pagesize[0]
                flowable.wrapOn(self, page_width - 2 * margin_x, 2 * cm)
                flowable.drawOn(self, margin_x, 1.2 * cm)
                for _page, x, y, key, rtl, size in slots_by_page.get(number, ()):
                    if key in anchors:
                        self.setFont(BASE.face(False), size)
                        self.setFillColor(colors.black)
                        (self.drawString if rtl else self.drawRightString)(x, y, str(anchors[key]))
                super().showPage()
            super().save()

    return DeferredCanvas


def footer_style() -> ParagraphStyle:
    """Style of the "Page X of Y" footer line."""
    return ParagraphStyle("footer", fontName=BASE.face(False), fontSize=8.5, leading=11,
                          alignment=TA_CENTER, textColor=colors.grey)
