"""Render a :class:`~.model.Document` to PDF with reportlab platypus.

A4 pages; every character is drawn with an embedded TrueType font chosen
per script (:mod:`.pdf_fonts`); Arabic and Hebrew are shaped and laid out
right to left (:mod:`.pdf_bidi`). Each page has a running header, the draft
mark when the submission is incomplete (a header line and a light diagonal
watermark, both real text), and "Page X of Y" in the footer.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from . import model
from .pdf_bidi import BidiParagraph
from .pdf_contents import ContentsEntry, deferred_canvas, footer_style
from .pdf_fonts import BASE, log_missing_glyphs, markup, needs_cjk_wrap, needs_shaping, register_fonts
from .reproducible import fixed_time_canvas
from .sources import link_split
from .text import clean_text, has_rtl

# Page streams are written deflated without ASCII85 on top: a fifth smaller and faster, and every
# PDF reader takes binary streams (ASCII85 only mattered for 7-bit mail).
rl_config.useA85 = 0

_MARGIN_X, _MARGIN_TOP, _MARGIN_BOTTOM = 2.2 * cm, 2.6 * cm, 2.2 * cm
_DRAFT_RED = colors.Color(0.69, 0.0, 0.13)
_TAB = "\u00a0" * 4  # platypus collapses spaces; a tab keeps a visible gap
_DIAGONAL_WIDTH = 24 * cm  # the draft watermark's line, across the page's diagonal


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
        "footer": footer_style(),
        "toc1": ParagraphStyle("toc1", body, fontName=bold, fontSize=11, leading=15, spaceBefore=6, spaceAfter=1),
        "toc2": ParagraphStyle("toc2", body, fontSize=10, leading=13.5, spaceAfter=1),
        "toc3": ParagraphStyle("toc3", body, fontSize=9.5, leading=12.5, spaceAfter=0),
    }


_BOLD_STYLES = ("cover_title", "question", "status", "h1", "h2", "h3")


def text_flowable(
    text: str,
    style: ParagraphStyle,
    *,
    bold: bool = False,
    bullet: str | None = None,
    direction: str | None = None,
    link: str = "",
) -> Flowable:
    """One paragraph of plain text as a flowable, whatever its script.

    Args:
        text: raw or cleaned text; ``\\n`` is a line break, tabs become a gap.
        style: platypus style.
        bold: use bold faces (must agree with the style's font).
        bullet: bullet character for list items, drawn on the text's start side.
        direction: ``"rtl"`` lays the paragraph out from the right whatever its
            text (page furniture of an Arabic document); ``None`` takes the
            direction from the text.
        link: a web address; when ``text`` ends with it, that part is a link.

    Returns:
        A :class:`~.pdf_bidi.BidiParagraph` for text with right-to-left
        letters (or ``direction="rtl"``), else a platypus Paragraph;
        markup-like text prints as typed.
    """
    text = clean_text(text).replace("\t", _TAB)
    if has_rtl(text) or direction == "rtl":
        return BidiParagraph(text, style, bold=bold, bullet=bullet, direction=direction, link=link)
    if needs_shaping(text) or needs_cjk_wrap(text):
        style = copy.copy(style)
        style.shaping = 1 if needs_shaping(text) else 0
        style.wordWrap = "CJK" if needs_cjk_wrap(text) else None
    before, link = link_split(text, link)
    body = "<br/>".join(markup(line, bold=bold) for line in before.split("\n"))
    if link:
        body += f'<a href={quoteattr(link)} color="#0563c1">{markup(link, bold=bold)}</a>'
    return Paragraph(body, style, bulletText=bullet)


def _table(block: model.Table, styles: dict[str, ParagraphStyle], width: float, rtl: bool = False) -> Table:
    cell = styles["cell"]
    head = ParagraphStyle("cell_head", cell, fontName=BASE.face(True))
    data = [[text_flowable(t, head, bold=True) for t in block.header]]
    data += [[text_flowable(t, cell) for t in row] for row in block.rows]
    columns = len(block.header) or 1
    widths = [width * 0.22, width * 0.43, width * 0.35] if columns == 3 else [width / columns] * columns
    if rtl:  # first column at the right
        data = [row[::-1] for row in data]
        widths = widths[::-1]
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


def heading_key(block: model.Heading, index: int) -> str:
    """Bookmark name of a heading: its anchor, else one made from its position in the document."""
    return block.anchor or f"heading-{index}"


def _contents(block: model.TableOfContents, document: model.Document, styles: dict[str, ParagraphStyle]) -> list:
    rtl = document.direction == "rtl"
    title = text_flowable(block.title, styles["h1"], bold=True, direction=document.direction if rtl else None)
    flowables: list[Flowable] = [title]
    for index, heading in enumerate(document.blocks):
        if isinstance(heading, model.Heading) and heading.level <= block.levels:
            level = max(1, min(heading.level, 3))
            style = styles[f"toc{level}"]
            text = text_flowable(heading.text, style, bold=level == 1, direction="rtl" if rtl else None)
            flowables.append(ContentsEntry(text, level, heading_key(heading, index), rtl=rtl, font_size=style.fontSize))
    return flowables


def block_flowables(
    block: model.Block,
    styles: dict[str, ParagraphStyle],
    width: float,
    *,
    document: model.Document | None = None,
    index: int = 0,
) -> list[Flowable]:
    """The flowables that draw one block of the document model.

    Args:
        block: a block from :mod:`.model`.
        styles: styles by name (see ``_styles``).
        width: frame width in points (for tables).
        document: the whole document (needed by a table of contents, and for a
            right-to-left document's tables); ``None`` for a lone block.
        index: position of ``block`` in ``document.blocks`` (names headings
            without an anchor).
    """
    rtl = document is not None and document.direction == "rtl"
    if isinstance(block, model.Heading):
        level = max(1, min(block.level, 3))
        flowable = text_flowable(block.text, styles[f"h{level}"], bold=True)
        # Read by afterFlowable for bookmarks and the contents' page numbers.
        flowable._untoc_heading = (level, block.text, heading_key(block, index))
        return [flowable]
    if isinstance(block, model.TableOfContents):
        return _contents(block, document, styles) if document is not None else []
    if isinstance(block, model.Paragraph):
        name = block.style if block.style in styles else "body"
        return [text_flowable(block.text, styles[name], bold=name in _BOLD_STYLES)]
    if isinstance(block, model.BulletList):
        return [text_flowable(item, styles["bullet"], bullet="•") for item in block.items]
    if isinstance(block, model.CitationList):
        bullet = styles["bullet"]
        return [text_flowable(item, bullet, bullet="•", link=block.link(i)) for i, item in enumerate(block.items)]
    if isinstance(block, model.Table):
        return [_table(block, styles, width, rtl)]
    if isinstance(block, model.PageBreak):
        return [PageBreak()]
    return []


def _decorate_page(document: model.Document, styles: dict[str, ParagraphStyle]) -> Callable[[Canvas, object], None]:
    direction = "rtl" if document.direction == "rtl" else None
    header = text_flowable(document.header, styles["header"], direction=direction)
    mark_style = ParagraphStyle("mark", styles["header"], fontName=BASE.face(True), fontSize=10, leading=12,
                                textColor=_DRAFT_RED)
    mark = None
    if document.draft_watermark:
        mark = text_flowable(document.draft_watermark, mark_style, bold=True, direction=direction)
        diagonal_style = ParagraphStyle("diagonal", mark_style, fontSize=54, leading=60, alignment=TA_CENTER,
                                        textColor=colors.Color(0.6, 0.6, 0.6, alpha=0.18))
        diagonal = text_flowable(document.draft_watermark, diagonal_style, bold=True)

    def decorate(canvas: Canvas, doc: object) -> None:
        page_width, page_height = canvas._pagesize
        width = page_width - 2 * _MARGIN_X
        canvas.saveState()
        _, height = header.wrapOn(canvas, width, 2 * cm)
        header.drawOn(canvas, _MARGIN_X, page_height - 1.2 * cm - height)
        if mark is not None:
            _, mark_height = mark.wrapOn(canvas, width, 2 * cm)
            mark.drawOn(canvas, _MARGIN_X, page_height - 1.4 * cm - height - mark_height)
            # Diagonal watermark: real text (extractable, shaped in any script), very light so the
            # answers stay readable.
            canvas.translate(page_width / 2, page_height / 2)
            canvas.rotate(45)
            _, diagonal_height = diagonal.wrapOn(canvas, _DIAGONAL_WIDTH, 4 * cm)
            diagonal.drawOn(canvas, -_DIAGONAL_WIDTH / 2, -diagonal_height / 2)
        canvas.restoreState()

    return decorate


def render_pdf(
    document: model.Document, path: str | Path, *, tick: Callable[[], None] | None = None,
    issued_at: _dt.datetime | None = None,
) -> None:
    """Write ``document`` as an A4 PDF at ``path``, fonts embedded.

    Args:
        document: the document model.
        path: file to write (overwritten).
        tick: called once per block converted and once per block laid out
            (``2 * len(document.blocks)`` calls in all); it may raise (e.g.
            :class:`~untoc_desktop.errors.ExportCancelled`) to stop before anything is written.
        issued_at: the issue time; when given it is the PDF's creation time and the file is
            reproducible (see :mod:`.reproducible`).

    Raises:
        OSError: the file cannot be written.
        ExportError: the bundled fonts are missing (broken installation).
    """
    register_fonts()
    log_missing_glyphs(document_texts(document))
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
        for flowable in block_flowables(block, styles, template.width, document=document, index=index):
            flowable._untoc_block = index  # lets layout progress be counted in blocks
            story.append(flowable)
        if tick is not None:
            tick()
    laid_out = [-1]

    def after_flowable(flowable: Flowable) -> None:
        heading = getattr(flowable, "_untoc_heading", None)
        if heading is not None:
            level, text, key = heading
            template.canv.bookmarkPage(key)
            pages = getattr(template.canv, "untoc_anchor_pages", None)
            if pages is not None:
                pages.setdefault(key, template.canv.getPageNumber())
            template.canv.addOutlineEntry(clean_text(text), key, level=level - 1, closed=level > 1)
        # Parts of a split paragraph lose the attribute; the next block makes up the count.
        index = getattr(flowable, "_untoc_block", None)
        if tick is not None and index is not None and index > laid_out[0]:
            for _ in range(index - laid_out[0]):
                tick()
            laid_out[0] = index

    template.afterFlowable = after_flowable
    decorate = _decorate_page(document, styles)
    footer = styles["footer"]

    def footer_line(page: int, pages: int) -> Flowable:
        return text_flowable(document.footer_page.format(page=page, pages=pages), footer)

    canvasmaker = deferred_canvas(footer_line, _MARGIN_X)
    if issued_at is not None:
        canvasmaker = fixed_time_canvas(canvasmaker, issued_at)
    template.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=canvasmaker)


def document_texts(document: model.Document) -> list[str]:
    """Every string the document prints (page furniture and blocks), for the missing-glyph check.

    Args:
        document: the document model.

    Returns:
        The texts, in no particular order.
    """
    texts = [document.title, document.header, document.footer_page, document.draft_watermark or ""]
    for block in document.blocks:
        if isinstance(block, (model.Heading, model.Paragraph)):
            texts.append(block.text)
        elif isinstance(block, (model.BulletList, model.CitationList)):
            texts.extend(block.items)
        elif isinstance(block, model.Table):
            texts.extend(block.header)
            texts.extend(cell for row in block.rows for cell in row)
        elif isinstance(block, model.TableOfContents):
            texts.append(block.title)
    return [clean_text(text) for text in texts]


__all__ = ["block_flowables", "document_texts", "render_pdf", "text_flowable"]
