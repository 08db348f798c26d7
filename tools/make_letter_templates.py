"""Build the shipped letter templates ``resources/letters/<language>/<kind>.docx`` (maintainer tool).

Run from the project root after changing the wording in ``untoc_desktop/letters/wording.py`` or its
translations (compile them first with ``make translations``):

    .venv/bin/python tools/make_letter_templates.py

Each template is a plain Word document made with python-docx, with docxtpl fields
``{{ field }}`` (see resources/letters/FIELDS.md): the reference in the page header, the
sender, a borderless table with the addressee and the reference and date, the subject,
salutation, the kind's paragraphs, closing and signature. Arabic templates are right to
left. The generated files are committed; the application never rebuilds them.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from untoc_desktop.letters.fields import FIELDS, KINDS, required_fields  # noqa: E402
from untoc_desktop.letters.output import TEMPLATES_DIR  # noqa: E402
from untoc_desktop.letters.wording import LETTER_LANGUAGES, wording_for  # noqa: E402

_LANG_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU", "zh": "zh-CN"}
_FIELD = re.compile(r"\{(\w+)\}")


def _field(text: str) -> str:
    return _FIELD.sub(r"{{ \1 }}", text)


class _Writer:
    """Adds paragraphs to a document part in one direction."""

    def __init__(self, rtl: bool) -> None:
        self.rtl = rtl

    def paragraph(
        self,
        container,
        lines: list[str],
        *,
        bold: bool = False,
        size: float | None = None,
        space_after: float = 8,
        align_end: bool = False,
    ):
        paragraph = container.add_paragraph()
        ppr = paragraph._p.get_or_add_pPr()
        if self.rtl:
            ppr.append(OxmlElement("w:bidi"))
        if align_end:  # "end" side: right in LTR; in a bidi paragraph, jc=left is its end
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if self.rtl else WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(space_after)
        for index, line in enumerate(lines):
            run = paragraph.add_run(_field(line))
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
            if self.rtl:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            if index < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        return paragraph


def _styles(document, language: str) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for slot, name in (("w:ascii", "Calibri"), ("w:hAnsi", "Calibri"), ("w:eastAsia", "SimSun"), ("w:cs", "Arial")):
        fonts.set(qn(slot), name)
    lang = OxmlElement("w:lang")
    tag = _LANG_TAGS[language]
    lang.set(qn("w:val"), tag if language not in ("ar", "zh") else "en-GB")
    lang.set(qn("w:bidi"), tag if language == "ar" else "ar-SA")
    lang.set(qn("w:eastAsia"), tag if language == "zh" else "zh-CN")
    rpr.append(lang)


def build_template(language: str, kind: str) -> Document:
    """A template document for one language and kind."""
    words = wording_for(language)
    document = Document()
    _styles(document, language)
    write = _Writer(rtl=language == "ar")
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    header = section.header
    header.paragraphs[0]._p.getparent().remove(header.paragraphs[0]._p)
    write.paragraph(header, [words["reference"]], size=8, align_end=True, space_after=0)

    write.paragraph(document, ["{organization}"], bold=True, size=13, space_after=2)
    write.paragraph(document, ["{organization_address}", "{organization_email}"], size=9.5, space_after=18)
    table = document.add_table(rows=1, cols=2)
    if write.rtl:
        table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    left, right = table.rows[0].cells
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    write.paragraph(
        left,
        ["{recipient_name}", "{recipient_title}", "{recipient_agency}", "{recipient_address}", "{recipient_email}"],
        space_after=0,
    )
    write.paragraph(right, [words["reference"], "{date}"], align_end=True, space_after=0)
    write.paragraph(document, [""], space_after=6)
    write.paragraph(document, [words["subject_label"] + "{subject}"], bold=True, space_after=12)
    write.paragraph(document, ["{salutation}"])
    for index, text in enumerate(words[kind]["paragraphs"]):
        write.paragraph(document, [text])
        if kind == "engagement" and index == 0:
            write.paragraph(document, ["{timeline}"])  # the review's dates; empty when not recorded
    write.paragraph(document, ["{closing}"], space_after=30)
    write.paragraph(document, ["{signatory_name}", "{signatory_title}", "{organization}"])
    document.core_properties.title = f"untoc_desktop letter template: {kind} ({language})"
    document.core_properties.author = document.core_properties.last_modified_by = "untoc_desktop"
    document.core_properties.created = document.core_properties.modified = _dt.datetime(2026, 11, 30)
    document.core_properties.revision = 1
    return document


def fields_markdown() -> str:
    """resources/letters/FIELDS.md, generated from :data:`untoc_desktop.letters.FIELDS`."""
    lines = [
        "# Letter template fields",
        "",
        "Generated by `tools/make_letter_templates.py` from `untoc_desktop.letters.FIELDS`; do not edit by hand.",
        "",
        "The shipped templates `resources/letters/<language>/<kind>.docx` and your own Word template (for",
        "example your letterhead) use these fields as `{{ field }}` (docxtpl / Jinja syntax), in the body,",
        "in tables, headers and footers. Every value is inserted as plain text: `&`, `<`, `{{ }}`, `{% %}`",
        "come out exactly as typed, line breaks are kept, and characters a Word file cannot hold are",
        "replaced by U+FFFD (the rule of `untoc_desktop.documents.text.clean_text`). In `body` a blank",
        "line starts a new paragraph.",
        "",
        "Before anything is written, your template is checked: a field the letter's kind does not fill",
        "(a misspelling, or another kind's field) or a missing required field stops the letter with a",
        "message listing them.",
        "",
        "| Field | Meaning | Example | Kinds |",
        "|---|---|---|---|",
    ]
    for field in FIELDS:
        kinds = "all" if set(field.kinds) == set(KINDS) else ", ".join(k for k in KINDS if k in field.kinds)
        example = field.example.replace("\n", " / ").replace("|", "\\|")
        lines.append(f"| `{field.name}` | {field.meaning} | {example} | {kinds} |")
    lines += ["", "Required fields in a template:", ""]
    for kind in KINDS:
        lines.append(
            f"- {kind}: {', '.join(f'`{n}`' for n in required_fields(kind))}"
            + ("" if kind == "engagement" else " (only `date` and `reference` when the template uses `body`)")
        )
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    """Write every template and FIELDS.md; print the paths."""
    fields_md = TEMPLATES_DIR / "FIELDS.md"
    fields_md.write_text(fields_markdown(), encoding="utf-8")
    print(fields_md.relative_to(ROOT))
    for language in LETTER_LANGUAGES:
        for kind in KINDS:
            path = TEMPLATES_DIR / language / f"{kind}.docx"
            path.parent.mkdir(parents=True, exist_ok=True)
            build_template(language, kind).save(str(path))
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
