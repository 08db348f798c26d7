"""Render a :class:`~.model.Document` to PDF with reportlab platypus.

A4 pages; every character is drawn with an embedded TrueType font chosen
per script (:mod:`.pdf_fonts`); Arabic and Hebrew are shaped and laid out
right to left (:mod:`.pdf_bidi`). Each page has a running header, the draft
mark when the submission is incomplete (a header line and a light diagonal
watermark, both real text), and "Page X of Y" in the footer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from . import model
from .pdf_bidi import BidiParagraph
from .pdf_fonts import BASE, markup, needs_cjk_wrap, needs_shaping, register_fonts
from .text import clean_text, has_rtl

_MARGIN_X, _MARGIN_TOP, _MARGIN_BOTTOM = 2.2 * cm, 2.6 * cm, 2.2 * cm
_DRAFT_RED = colors.Color(0.69, 0.0, 0.13)
_TAB = "\u00a0" * 4  # platypus collapses spaces; a tab keeps a visible gap


def _styles() -> dict[str, ParagraphStyle]:
    sans, bold = BASE.face(False), BASE.face(True)
    body = ParagraphStyle("body", fontName=sans, bulletFontName=sans, fontSize=10.5, leading=14.5, spaceAfter=5,
                          allowWidows=0)
    return {
        "body": body,
        "cover_title": ParagraphStyle("cover_title", body, fontName=bold, fontSize=20, leading=26, spaceBefore=90,
                                      spaceAfter=30),
        "cover": ParagraphStyle("cover", body, fontSize=12.5, leading=18, spaceAfter=8),
        "question": ParagraphStyle("question", body, fontName=bold, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "status": ParagraphStyle("status", body, fontName=bold, textColor=colors.Color(0.1, 0.3, 0.5)),
        "missing": ParagraphStyle("missing", body, textColor=_DRAFT_RED),
        "not_applicable": ParagraphStyle("not_applicable", body, textColor=colors.grey),
        "note": ParagraphStyle("note", body, fontSize=9.5, leading=13, textColor=_DRAFT_RED, spaceBefore=20),
        "bullet": ParagraphStyle("bullet", body, leftIndent=14, bulletIndent=3, spaceAfter=3),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=12, spaceAfter=0),
        "header": ParagraphStyle("header", body, fontSize=8, leading=10, textColor=colors.grey, spaceAfter=0),
        "h1": ParagraphStyle("h1", body, fontName=bold, fontSize=16, leading=21, spaceBefore=6, spaceAfter=10,
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", body, fontName=bold, fontSize=13, leading=17, spaceBefore=12, spaceAfter=6,
                             keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=bold, fontSize=11, leading=15, spaceBefore=9, spaceAfter=4,
                             keepWithNext=1, textColor=colors.Color(0.15, 0.15, 0.15)),
    }


_BOLD_STYLES = ("cover_title", "question", "status", "h1", "h2", "h3")


def text_flowable(text: str, style: ParagraphStyle, *, bold: bool = False, bullet: str | None = None) -> Flowable:
    """One paragraph of plain text as a flowable, whatever its script.

    Args:
        text: raw or cleaned text; ``\\n`` is a line break, tabs become a gap.
        style: platypus style.
        bold: use bold faces (must agree with the style's font).
        bullet: bullet character for list items, drawn on the text's start side.

    Returns:
        A :class:`~.pdf_bidi.BidiParagraph` for text with right-to-left
        letters, else a platypus Paragraph; markup-like text prints as typed.
    """
    text = clean_text(text).replace("\t", _TAB)
    if has_rtl(text):
        return BidiParagraph(text, style, bold=bold, bullet=bullet)
    if needs_shaping(text) or needs_cjk_wrap(text):
        style = copy.copy(style)
        style.shaping = 1 if needs_shaping(text) else 0
        style.wordWrap = "CJK" if needs_cjk_wrap(text) else None
    body = "<br/>".join(markup(line, bold=bold) for line in text.split("\n"))
    return Paragraph(body, style, bulletText=bullet)


def _table(block: model.Table, styles: dict[str, ParagraphStyle], width: float) -> Table:
    cell = styles["cell"]
    head = ParagraphStyle("cell_head", cell, fontName=BASE.face(True))
    data = [[text_flowable(t, head, bold=True) for t in block.header]]
    data += [[text_flowable(t, cell) for t in row] for row in block.rows]
    columns = len(block.header) or 1
    widths = [width * 0.22, width * 0.43, width * 0.35] if columns == 3 else [width / columns] * columns
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE.face(False)),  # the default is Helvetica
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def block_flowables(block: model.Block, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """The flowables that draw one block of the document model.

    Args:
        block: a block from :mod:`.model`.
        styles: styles by name (see ``_styles``).
        width: frame width in points (for tables).
    """
    if isinstance(block, model.Heading):
        level = max(1, min(block.level, 3))
        flowable = text_flowable(block.text, styles[f"h{level}"], bold=True)
        flowable._untoc_heading = (level, block.text, block.anchor)  # read by afterFlowable for bookmarks
        return [flowable]
    if isinstance(block, model.Paragraph):
        name = block.style if block.style in styles else "body"
        return [text_flowable(block.text, styles[name], bold=name in _BOLD_STYLES)]
    if isinstance(block, (model.BulletList, model.CitationList)):
        return [text_flowable(item, styles["bullet"], bullet="•") for item in block.items]
    if isinstance(block, model.Table):
        return [_table(block, styles, width)]
    if isinstance(block, model.PageBreak):
        return [PageBreak()]
    return []


def _page_count_canvas(document: model.Document) -> type[Canvas]:
    """A canvas class that holds pages back until the end so each footer can say 'of Y'."""
    footer_style = ParagraphStyle("footer", fontName=BASE.face(False), fontSize=8.5, leading=11,
                                  alignment=TA_CENTER, textColor=colors.grey)

    class PageCountCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pending_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pending_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending_pages)
            for number, state in enumerate(self._pending_pages, start=1):
                self.__dict__.update(state)
                footer = text_flowable(document.footer_page.format(page=number, pages=total), footer_style)
                page_width = self._pagesize[0]
                footer.wrapOn(self, page_width - 2 * _MARGIN_X, 2 * cm)
                footer.drawOn(self, _MARGIN_X, 1.2 * cm)
                super().showPage()
            super().save()

    return PageCountCanvas


def _decorate_page(document: model.Document, styles: dict[str, ParagraphStyle]) -> Callable[[Canvas, object], None]:
    header = text_flowable(document.header, styles["header"])
    mark_style = ParagraphStyle("mark", styles["header"], fontName=BASE.face(True), fontSize=10, leading=12,
                                textColor=_DRAFT_RED)
    mark = text_flowable(document.draft_watermark, mark_style, bold=True) if document.draft_watermark else None

    def decorate(canvas: Canvas, doc: object) -> None:
        page_width, page_height = canvas._pagesize
        width = page_width - 2 * _MARGIN_X
        canvas.saveState()
        _, height = header.wrapOn(canvas, width, 2 * cm)
        header.drawOn(canvas, _MARGIN_X, page_height - 1.2 * cm - height)
        if mark is not None:
            _, mark_height = mark.wrapOn(canvas, width, 2 * cm)
            mark.drawOn(canvas, _MARGIN_X, page_height - 1.4 * cm - height - mark_height)
            # Diagonal watermark: real text (extractable), very light so the answers stay readable.
            canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.18))
            canvas.setFont(BASE.face(True), 54)
            canvas.translate(page_width / 2, page_height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, clean_text(document.draft_watermark))
        canvas.restoreState()

    return decorate


def render_pdf(
    document: model.Document, path: str | Path, *, tick: Callable[[], None] | None = None
) -> None:
    """Write ``document`` as an A4 PDF at ``path``, fonts embedded.

    Args:
        document: the document model.
        path: file to write (overwritten).
        tick: called once per block converted and once per block laid out
            (``2 * len(document.blocks)`` calls in all); it may raise (e.g. :class:`~untoc_desktop.errors.ExportCancelled`)
            to stop before anything is written.

    Raises:
        OSError: the file cannot be written.
        ExportError: the bundled fonts are missing (broken installation).
    """
    register_fonts()
    styles = _styles()
    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=clean_text(document.title),
        author=clean_text(document.author),
        lang=document.language,
        initialFontName=BASE.face(False),  # else the canvas declares Helvetica, unembedded
    )
    story: list[Flowable] = []
    for index, block in enumerate(document.blocks):
        for flowable in block_flowables(block, styles, template.width):
            flowable._untoc_block = index  # lets layout progress be counted in blocks
            story.append(flowable)
        if tick is not None:
            tick()
    laid_out = [-1]

    def after_flowable(flowable: Flowable) -> None:
        heading = getattr(flowable, "_untoc_heading", None)
        if heading is not None:
            level, text, anchor = heading
            key = anchor or f"h{id(flowable)}"
            template.canv.bookmarkPage(key)
            template.canv.addOutlineEntry(clean_text(text), key, level=level - 1, closed=level > 1)
        # Parts of a split paragraph lose the attribute; the next block makes up the count.
        index = getattr(flowable, "_untoc_block", None)
        if tick is not None and index is not None and index > laid_out[0]:
            for _ in range(index - laid_out[0]):
                tick()
            laid_out[0] = index

    template.afterFlowable = after_flowable
    decorate = _decorate_page(document, styles)
    template.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_page_count_canvas(document))


__all__ = ["block_flowables", "render_pdf", "text_flowable"]
