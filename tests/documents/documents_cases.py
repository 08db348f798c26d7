"""Shared data and readers for the export tests (fixtures are in conftest.py)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from helpers import shared_dir

#: A long answer's paragraph (the text case asks for 400 of them).
PROSE = (
    "Paragraph {n}. The public prosecution service reported that investigations into organised criminal groups "
    "continued throughout the year, that several cases were referred to the courts, and that cooperation with "
    "neighbouring States improved after the exchange of liaison officers."
)
ARABIC = "تطبق المادة 5 من اتفاقية UNTOC على الجماعات الإجرامية المنظمة."
#: The required answer left out of ``case_answers``.
MISSING_ID = "UNTOC.5.1(a).legislation"
FRENCH = "L'infraction d'association de malfaiteurs est définie à l'article 450-1 du Code pénal."


def load_text_cases() -> dict[str, str]:
    """text-cases.json as name -> text (the long-answer case generated as prose)."""
    data = json.loads((shared_dir() / "cases" / "text-cases.json").read_text("utf-8"))["texts"]
    cases = {name: value for name, value in data.items() if isinstance(value, str)}
    count = data["very_long_answer_paragraphs"]
    cases["very_long_answer_paragraphs"] = "\n\n".join(PROSE.format(n=n) for n in range(1, count + 1))
    return cases


def full_answers(definition, protocols, status: str = "fully") -> dict:
    """Every required answer given for the applicable paragraphs, plus a little text."""
    answers = {}
    for paragraph in definition.paragraphs():
        if paragraph.instrument != "UNTOC" and paragraph.instrument not in protocols:
            continue
        for question in paragraph.questions:
            if question.type == "status":
                answers[question.id] = status
            elif question.key == "consideration":  # "must consider" paragraphs
                answers[question.id] = "adopted"
            elif question.key == "adopted":  # "may" paragraphs
                answers[question.id] = "yes"
            elif question.type == "citations":
                answers[question.id] = [
                    {
                        "title": "Criminal Code of Veridia",
                        "provision": "Article 212",
                        "year": 2011,
                        "link": "https://legislation.example.org/cc#212",
                    }
                ]
            elif question.type == "sources":
                answers[question.id] = [
                    {"title": "Annual report", "publisher": "Public Prosecution", "date": "2024", "link": ""}
                ]
            elif question.key == "challenges":
                answers[question.id] = "Resources are lacking."
    return answers


def case_answers_for(definition, protocols) -> tuple[dict, dict[str, str]]:
    """An incomplete draft whose Convention 'practice' answers carry every text case, Arabic and French.

    Returns:
        (answers, cases): every required answer except :data:`MISSING_ID`, and the
        texts used, by case name.
    """
    answers = full_answers(definition, protocols)
    cases = {**load_text_cases(), "arabic": ARABIC, "french": FRENCH}
    practice = [q.id for q in definition.questions() if q.key == "practice" and q.id.startswith("UNTOC.")]
    assert len(practice) >= len(cases)
    # more questions than cases: the rest keep their full answers
    for question_id, text in zip(practice, cases.values(), strict=False):
        answers[question_id] = text
    del answers[MISSING_ID]
    return answers, cases


def squash(text: str) -> str:
    """NFKC-normalised text with all white space removed (PDF lines wrap anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def words(text: str) -> str:
    """Text with each run of white space turned into one space."""
    return " ".join(text.split())


def docx_texts(path: Path) -> dict[str, list[str]]:
    """Paragraph texts of a .docx: body (tables included), header and footer."""
    import docx

    document = docx.Document(str(path))
    body = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            body.extend(cell.text for cell in row.cells)
    section = document.sections[0]
    return {
        "body": body,
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
    }


def pdf_pages(path: Path) -> list[str]:
    """Extracted text of each page of a PDF (pypdf)."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text_poppler(path: Path) -> str:
    """The text of a PDF as poppler's pdftotext reads it: logical order for right-to-left lines,
    /ActualText honoured (pypdf ignores it), bidi embedding controls removed."""
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)
