"""Fixtures for letters: a draft with sender details, a focal point, known statuses and an earlier letter."""

import datetime as dt
import re

import pytest
from docx import Document

from untoc_desktop.draft.correspondence import LetterEntry, Recipient, record_letter, save_recipient
from untoc_desktop.letters import Sender, save_sender

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


@pytest.fixture
def letter_draft(draft, cluster1, tmp_path):
    save_sender(draft, Sender("12 Harbour Street\nPort Vale", "contact@cjr.example.org", "Dr. Lena Okafor",
                              "Executive Director", "CJR/{year}/{number:03d}"))
    focal = save_recipient(draft, Recipient("Ms. Amina Diallo", "Director of Legal Affairs", "Ministry of Justice",
                                            "1 Government Square\nVeridia City", "fp@justice.example.gov", True))
    draft.set_answers({f"{p.id}.status": s for p, s in statuses(cluster1, draft.info.protocols).items()})
    record_letter(draft, LetterEntry("CJR/2026/001", "engagement", "en", focal.recipient_uuid, sent_on="2026-10-02",
                                     sent_channel="post"))
    attachment = tmp_path / "veridia-cluster1.pdf"
    attachment.write_bytes(b"%PDF-1.7 exported submission \x00\xff")
    draft.focal = focal
    draft.attachment = attachment
    return draft


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
