"""Plain helpers for the letter tests: the letter date, known statuses, reading .docx and PDF back."""

import datetime as dt
import re

from docx import Document

DAY = dt.date(2026, 11, 29)


def statuses(definition, protocols):
    """Known statuses on the first applicable paragraphs: {paragraph: status}."""
    wanted = ["partly", "not_implemented", "fully", "partly", "unknown", "not_implemented", "fully"]
    chosen = {}
    for paragraph in definition.paragraphs():
        if paragraph.instrument != "UNTOC" and paragraph.instrument not in protocols:
            continue
        if any(q.type == "status" for q in paragraph.questions) and wanted:
            chosen[paragraph] = wanted.pop(0)
    return chosen


def docx_text(path):
    """Every text of a .docx: body paragraphs, tables (nested too), headers and footers."""
    document = Document(str(path))
    parts = []

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    parts.extend(p.text for p in document.paragraphs)
    for table in document.tables:
        cells(table)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
            for table in part.tables:
                cells(table)
    return "\n".join(parts)


def pdf_text(path):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()
