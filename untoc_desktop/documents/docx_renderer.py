"""Render a :class:`~.model.Document` to Word (.docx) with python-docx.

Headings use Word's own ``Heading N`` styles (so the navigation pane and a
table of contents work); the footer holds a ``PAGE`` / ``NUMPAGES`` field; the
header repeats the organisation, country and cluster, and the draft mark when
the submission is incomplete. Right-to-left paragraphs get ``w:bidi`` and
their runs ``w:rtl``, with the complex-script font slot set.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from . import model
from .docx_fields import (
    PPR_AFTER_BIDI,
    add_field,
    add_hyperlink,
    add_table_of_contents,
    add_watermark,
    insert_in_order,
    mark_header_row,
    set_section_rtl,
    set_table_rtl,
    update_fields_on_open,
)
from .pdf_fonts import BASE, family_for_script, script_language, script_of
from .reproducible import save_docx
from .sources import link_split
from .text import clean_text, strong_direction

#: Font names written into the file: the bundled families the PDF uses (resources/fonts), so both
#: formats name the same fonts; Word substitutes when one is not installed.
LATIN_FONT = "Noto Sans"
COMPLEX_SCRIPT_FONT = "Noto Naskh Arabic"  # the complex-script slot when a run has no other such script
EAST_ASIAN_FONT = "Droid Sans Fallback"
#: Scripts Word draws from the complex-script slot (w:cs): right to left and South and South-East Asian.
_COMPLEX_SCRIPTS = frozenset({"Arab", "Hebr", "Deva", "Beng", "Thai", "Khmr", "Mymr"})
_GREY = RGBColor(0x80, 0x80, 0x80)
_DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)
#: Language tag of East Asian runs (w:lang w:eastAsia); the font slot is Droid Sans Fallback.
EAST_ASIAN_LANG = "zh-CN"


class _Language(threading.local):
    """The language tags and direction of the document being written, per thread.

    Every run is tagged (``w:lang``); Word picks the tag by script slot:
    ``w:val`` for Latin and Cyrillic text, ``w:eastAsia`` for Chinese,
    ``w:bidi`` for Arabic; spell checking and hyphenation follow them.
    Thread-local, so exports on two worker threads never mix their settings.
    """

    val = "en"
    bidi = "ar-SA"
    direction = "ltr"

    def configure(self, document: model.Document) -> None:
        self.val = document.language or "en"
        self.bidi = self.val if document.direction == "rtl" else "ar-SA"
        self.direction = document.direction


_LANGUAGE = _Language()


def _lang_element(script: str = ""):
    lang = OxmlElement("w:lang")
    val, bidi = _LANGUAGE.val, _LANGUAGE.bidi
    if script in _COMPLEX_SCRIPTS:
        bidi = script_language(script, _LANGUAGE.val)
    elif script and script not in ("Latn", "Hani", "Hira", "Kana", "Hang"):
        val = script_language(script, _LANGUAGE.val)  # Cyrillic, Greek, Ethiopic, Georgian, Armenian
    lang.set(qn("w:val"), val)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANG)
    lang.set(qn("w:bidi"), bidi)
    return lang


def _script_fonts(script: str) -> tuple[str, str]:
    """``(hAnsi, cs)`` font names for a run whose letters are mostly in ``script`` (ISO 15924)."""
    family = family_for_script(script)
    if family is None or family is BASE or script in ("Hani", "Hira", "Kana", "Hang", "Bopo"):
        return LATIN_FONT, COMPLEX_SCRIPT_FONT
    if script in _COMPLEX_SCRIPTS:
        return LATIN_FONT, family.family
    return family.family, COMPLEX_SCRIPT_FONT  # Ethiopic, Georgian, Armenian: Word's "high ANSI" slot


def _set_run_fonts(element, *, rtl: bool = False, bold: bool = False, lang: bool = False, script: str = "") -> None:
    """Fill the four font slots (ascii, hAnsi, eastAsia, cs) of a run or style element.

    The slots name the bundled families the PDF uses: the complex-script slot the family of
    the run's script (Noto Sans Thai for Thai...), East Asian Droid Sans Fallback.
    With ``rtl``, also mark the run right to left (``w:rtl``) and, when bold,
    bold in the complex-script slot (``w:bCs``) so Arabic text is bold too.
    With ``lang``, tag the run with the document's languages (``w:lang``, last), the
    complex-script tag following the run's script (``th`` for Thai).
    """
    high_ansi, complex_script = _script_fonts(script)
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), high_ansi)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    fonts.set(qn("w:cs"), complex_script)
    if rtl:
        if bold and rpr.find(qn("w:b")) is not None:
            rpr.find(qn("w:b")).addnext(OxmlElement("w:bCs"))
        # w:rtl comes late in CT_RPr's sequence: after sz/szCs, before w:lang.
        existing = rpr.find(qn("w:lang"))
        marker = OxmlElement("w:rtl")
        if existing is not None:
            existing.addprevious(marker)
        else:
            rpr.append(marker)
    if lang and rpr.find(qn("w:lang")) is None:
        rpr.append(_lang_element(script))


def _add_text(
    paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    direction: str | None = None,
    link: bool = False,
) -> None:
    """Append ``text`` to a paragraph, one run per line, with line breaks between.

    Direction is decided per paragraph from its first strong character (the
    document's direction when it has none, or ``direction`` when given): a
    right-to-left paragraph gets ``w:bidi`` (so it starts at the right) and each of
    its runs ``w:rtl``; Word then orders embedded Latin words and numbers itself.
    ``link`` appends to a paragraph that already has its direction set.
    """
    text = clean_text(text)
    rtl = (direction or strong_direction(text) or _LANGUAGE.direction) == "rtl"
    ppr = paragraph._p.pPr
    if link:
        rtl = ppr is not None and ppr.find(qn("w:bidi")) is not None
    elif rtl and (ppr is None or ppr.find(qn("w:bidi")) is None):
        # No w:jc: a bidi paragraph starts at the right by default, and Word (and LibreOffice)
        # read jc="right" in a bidi paragraph as its end, i.e. the left.
        insert_in_order(paragraph._p.get_or_add_pPr(), OxmlElement("w:bidi"), PPR_AFTER_BIDI)
    script = script_of(text)
    run = None
    for line in text.split("\n"):
        if run is not None:
            run.add_break(WD_BREAK.LINE)  # after the text: setting run.text would erase it
        if "\t" in line:
            run = paragraph.add_run(line)  # python-docx writes tabs as <w:tab/>
        else:
            run = paragraph.add_run()
            if line:
                run._r.add_t(line)  # one w:t, without python-docx's per-character loop
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size:
            run.font.size = Pt(size)
            if rtl:  # complex scripts take their size from w:szCs, right after w:sz
                size_cs = OxmlElement("w:szCs")
                size_cs.set(qn("w:val"), str(round(size * 2)))
                run._r.rPr.find(qn("w:sz")).addnext(size_cs)
        _set_run_fonts(run._r, rtl=rtl, bold=bold, lang=True, script=script)


def _setup_page(doc, document: model.Document) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    if document.direction == "rtl":
        set_section_rtl(section)
    header = section.header
    first = header.paragraphs[0]
    _add_text(first, document.header, size=8, direction=document.direction)
    for run in first.runs:
        run.font.color.rgb = _GREY
    if document.draft_watermark:
        mark = header.add_paragraph()
        _add_text(mark, document.draft_watermark, bold=True, size=11, direction=document.direction)
        for run in mark.runs:
            run.font.color.rgb = _DRAFT_RED
        add_watermark(mark, clean_text(document.draft_watermark), LATIN_FONT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = document.footer_page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    _add_text(footer, before, direction=document.direction)
    add_field(footer, "PAGE")
    _add_text(footer, middle, direction=document.direction)
    add_field(footer, "NUMPAGES")
    _add_text(footer, after, direction=document.direction)


def _setup_styles(doc, document: model.Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(5)
    _set_run_fonts(normal.element)
    lang = normal.element.get_or_add_rPr().find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        normal.element.get_or_add_rPr().append(lang)
    lang.set(qn("w:val"), _LANGUAGE.val)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANG)
    lang.set(qn("w:bidi"), _LANGUAGE.bidi)
    props = doc.core_properties
    props.title = clean_text(document.title)
    props.author = clean_text(document.author)
    props.language = document.language


class _Body:
    """Appends paragraphs and tables to the document body in constant time.

    python-docx's ``Document.add_paragraph`` looks for the body's final
    ``w:sectPr`` among all its children and resolves the style name each time,
    which makes a long submission quadratic; this keeps the ``w:sectPr`` and the
    style ids. It offers the few ``Document`` methods the renderer uses.

    Args:
        doc: the python-docx Document.
    """

    def __init__(self, doc) -> None:
        self.doc = doc
        self.styles = doc.styles
        self.settings = doc.settings
        self._body = doc.element.body
        self._end = self._body.sectPr
        self._style_ids: dict[str, str] = {}

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        """A new empty paragraph at the end of the body, in the named style."""
        p = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._body.append(p)
        if style:
            p.style = self._style_id(style)
        return Paragraph(p, self.doc._body)

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.styles[name].style_id
        return self._style_ids[name]

    def add_heading(self, level: int) -> Paragraph:
        """A new empty paragraph in Word's ``Heading <level>`` style."""
        return self.add_paragraph(f"Heading {level}")

    def add_table(self, rows: int, cols: int, style: str | None = None):
        """A new table (python-docx's own: tables are few) in the named table style."""
        table = self.doc.add_table(rows=rows, cols=cols)
        if style:
            table._tbl.tblStyle_val = self._style_id(style)
        return table

    def add_page_break(self) -> Paragraph:
        """A paragraph holding a page break."""
        paragraph = self.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        return paragraph


def _render_block(doc: _Body, block: model.Block, document: model.Document) -> None:
    if isinstance(block, model.Heading):
        paragraph = doc.add_heading(level=max(1, min(block.level, 9)))
        paragraph.paragraph_format.keep_with_next = True  # never alone at the bottom of a page
        _add_text(paragraph, block.text)
    elif isinstance(block, model.Paragraph):
        style = block.style
        if style == "cover_title":
            paragraph = doc.add_paragraph(style="Title")
            _add_text(paragraph, block.text)
        else:
            paragraph = doc.add_paragraph()
            if style == "question":
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.space_before = Pt(8)
                paragraph.paragraph_format.space_after = Pt(2)
            _add_text(
                paragraph,
                block.text,
                bold=style in ("question", "status"),
                italic=style in ("missing", "not_applicable", "note"),
                size=12 if style == "cover" else None,
            )
    elif isinstance(block, model.BulletList):
        for item in block.items:
            _add_text(doc.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, model.CitationList):
        for index, item in enumerate(block.items):
            paragraph = doc.add_paragraph(style="List Bullet")
            text, link = link_split(item, block.link(index))
            _add_text(paragraph, text or link)
            if link and text:
                add_hyperlink(paragraph, link, link, _add_text)
    elif isinstance(block, model.TableOfContents):
        heading = doc.add_paragraph(style="TOC Heading" if "TOC Heading" in doc.styles else "Title")
        _add_text(heading, block.title)
        entries = [
            (b.level, b.text) for b in document.blocks if isinstance(b, model.Heading) and b.level <= block.levels
        ]
        add_table_of_contents(doc, entries, block.levels, block.update_hint, _add_text)
    elif isinstance(block, model.Table):
        table = doc.add_table(rows=1, cols=len(block.header), style="Table Grid")
        if document.direction == "rtl":
            set_table_rtl(table)
        mark_header_row(table.rows[0])
        for cell, title in zip(table.rows[0].cells, block.header, strict=True):
            _add_text(cell.paragraphs[0], title, bold=True)
        for row in block.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                _add_text(cell.paragraphs[0], text)
    elif isinstance(block, model.PageBreak):
        doc.add_page_break()


def render_docx(
    document: model.Document,
    path: str | Path,
    *,
    tick: Callable[[], None] | None = None,
    issued_at: _dt.datetime | None = None,
) -> None:
    """Write ``document`` as a Word file at ``path``.

    Args:
        document: the document model.
        path: file to write (overwritten).
        tick: called once per block rendered; it may raise (e.g.
            :class:`~untoc_desktop.errors.ExportCancelled`) to stop.
        issued_at: the issue time; when given the file is reproducible (see :mod:`.reproducible`).

    Raises:
        OSError: the file cannot be written.
    """
    doc = new_docx()
    _LANGUAGE.configure(document)
    _setup_styles(doc, document)
    _setup_page(doc, document)
    if any(isinstance(block, model.TableOfContents) for block in document.blocks):
        update_fields_on_open(doc)
    body = _Body(doc)
    for block in document.blocks:
        _render_block(body, block, document)
        if tick is not None:
            tick()
    save_docx(doc, path, issued_at)
