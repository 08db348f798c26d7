"""Word structures python-docx has no API for: fields, hyperlinks, header rows, right-to-left sections.

Each function edits the WordprocessingML of a python-docx object directly,
writing elements in the order the schema (ECMA-376 part 1) requires, so Word
opens the file without repair and LibreOffice reads it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from xml.sax.saxutils import quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import RGBColor

#: Colour of link text (Word's default hyperlink blue).
LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)

# Children of w:settings that must come after w:updateFields (CT_Settings sequence).
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}

# Children of w:pPr that come after w:bidi (CT_PPrBase sequence), to insert w:bidi in its place.
PPR_AFTER_BIDI = (
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def insert_in_order(parent, element, successors: Collection[str]) -> None:
    """Insert ``element`` into ``parent`` before the first child named in ``successors`` (else at the end).

    Args:
        parent: an lxml element, e.g. ``w:pPr``.
        element: the new child.
        successors: local names (without ``w:``) of the children the schema puts after it.
    """
    names = set(successors)
    for child in parent:
        if child.tag.split("}")[-1] in names:
            child.addprevious(element)
            return
    parent.append(element)


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``, ``TOC ...``) whose value Word computes.

    Args:
        paragraph: a python-docx Paragraph.
        instruction: the field code, e.g. ``PAGE``.
        placeholder: the text shown until the field is updated.
    """
    field_begin(paragraph, instruction)
    paragraph.add_run(placeholder)
    field_end(paragraph)


def field_begin(paragraph, instruction: str) -> None:
    """Open a complex field in ``paragraph``: begin, instruction, separate (the result follows)."""
    for kind in ("begin", "instr", "separate"):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin" and instruction.startswith("TOC"):
                element.set(qn("w:dirty"), "true")  # ask Word to refresh it on opening
        run._r.append(element)


def field_end(paragraph) -> None:
    """Close the complex field opened by :func:`field_begin` (possibly in an earlier paragraph)."""
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(element)


def add_table_of_contents(
    doc,
    entries: Sequence[tuple[int, str]],
    levels: int,
    hint: str,
    add_text: Callable[..., None],
) -> None:
    """Append a ``TOC`` field listing headings 1..``levels``, with the entries already written.

    Word and LibreOffice recompute the field (page numbers, links) when the
    document asks for it (:func:`update_fields_on_open`); until then the
    entries show without numbers, followed by ``hint``.

    Args:
        doc: the python-docx Document.
        entries: ``(level, text)`` of each heading to list, in order.
        levels: deepest heading level listed (1 to 9).
        hint: a line telling the reader how to update the field.
        add_text: ``add_text(paragraph, text, **options)`` writing runs with
            the document's fonts, direction and language.
    """
    first = doc.add_paragraph()
    field_begin(first, f'TOC \\o "1-{levels}" \\h \\z \\u')
    paragraph = first
    for index, (level, text) in enumerate(entries):
        if index:
            paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = 360 * 635 * (level - 1)  # 0.25 inch per level, in EMU
        paragraph.paragraph_format.space_after = 0
        add_text(paragraph, text, bold=level == 1)
    note = doc.add_paragraph() if entries else paragraph
    add_text(note, hint, italic=True, size=9)
    field_end(note)


def update_fields_on_open(doc) -> None:
    """Ask Word (and LibreOffice) to update the document's fields when it is opened (``w:updateFields``)."""
    settings = doc.settings.element
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    insert_in_order(settings, element, _AFTER_UPDATE_FIELDS)


def add_hyperlink(paragraph, url: str, text: str, add_text: Callable[..., None]) -> None:
    """Append ``text`` as a clickable link to ``url`` (a ``w:hyperlink`` with an external relationship).

    Args:
        paragraph: a python-docx Paragraph.
        url: the web address (kept as typed; Word opens it on Ctrl+click).
        text: the visible text.
        add_text: ``add_text(paragraph, text, **options)`` writing runs.
    """
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    link.set(qn("w:history"), "1")
    before = len(paragraph.runs)
    add_text(paragraph, text, link=True)
    for run in paragraph.runs[before:]:
        run.font.color.rgb = LINK_BLUE
        run.font.underline = True
        link.append(run._r)  # moves the run inside the hyperlink element
    paragraph._p.append(link)


def mark_header_row(row) -> None:
    """Repeat a table row at the top of each page the table spans (``w:tblHeader``), never split it."""
    properties = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", "w:tblHeader"):
        properties.append(OxmlElement(name))


def set_table_rtl(table) -> None:
    """Lay a table out from the right (first column at the right), for right-to-left documents."""
    properties = table._tbl.tblPr
    element = OxmlElement("w:bidiVisual")
    style = properties.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(element)
    else:
        properties.insert(0, element)


def set_section_rtl(section) -> None:
    """Make a section right to left (``w:bidi`` in ``w:sectPr``): columns and page numbers from the right."""
    sect_pr = section._sectPr
    element = OxmlElement("w:bidi")
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is not None:
        grid.addprevious(element)
    else:
        sect_pr.append(element)


# Word's own watermark: a VML WordArt shape (shape type 136, "text path") in the header, behind the
# text, centred on the page and turned 45 degrees. Word and LibreOffice both draw it on every page.
_WATERMARK = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>
<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>
<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="UntocDraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" o:allowincell="f"
 style="position:absolute;margin-left:0;margin-top:0;width:450pt;height:80pt;rotation:315;z-index:-251655168;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 fillcolor="#a6a6a6" stroked="f"><v:fill opacity=".3"/>
<v:textpath style={style} string={text}/></v:shape></w:pict></w:r>"""


def add_watermark(paragraph, text: str, font: str) -> None:
    """Add a light diagonal watermark (Word's own kind) to a header paragraph: it shows on every page.

    Args:
        paragraph: a paragraph of the section's header.
        text: the watermark text, e.g. ``DRAFT – incomplete`` (cleaned).
        font: the font family name Word draws it with.
    """
    style = quoteattr(f'font-family:"{font}";font-size:1pt')
    paragraph._p.append(parse_xml(_WATERMARK.format(style=style, text=quoteattr(text))))
