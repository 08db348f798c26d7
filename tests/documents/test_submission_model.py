"""build_submission: what the document says, before any format is involved."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from documents_cases import MISSING_ID
from helpers import shared_dir

from untoc_desktop.documents import model
from untoc_desktop.documents.labels import labels_for, long_date, normalize_locale
from untoc_desktop.documents.sources import format_record as format_citation
from untoc_desktop.documents.submission import build_submission
from untoc_desktop.validation import check_completeness


def _build(definition, info, answers, language="en"):
    report = check_completeness(definition, answers, info.protocols)
    return build_submission(definition, info, answers, report, language, today=dt.date(2026, 11, 30))


def _texts(document):
    for block in document.blocks:
        if isinstance(block, (model.Heading, model.Paragraph)):
            yield block.text
        elif isinstance(block, (model.BulletList, model.CitationList)):
            yield from block.items
        elif isinstance(block, model.Table):
            yield from block.header
            for row in block.rows:
                yield from row


def test_cover_names_organisation_country_cluster_date_and_questionnaire(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers)
    cover = [b.text for b in document.blocks[:6]]
    assert cover[1] == "Submitted by: Coalition for Justice & Rights"
    assert cover[2] == "State party under review: Republic of Veridia"
    assert cover[3] == "Cluster 1: Criminalization and jurisdiction"
    assert cover[4] == "Date: 30 November 2026"  # the one English date style, as in letters
    assert cover[5] == f"Questionnaire: {cluster1.id}, version {cluster1.version}"


def test_structure_is_instrument_article_paragraph(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers)
    headings = [b for b in document.blocks if isinstance(b, model.Heading)]
    assert headings[0] == model.Heading(1, cluster1.instruments[0].title, "UNTOC")
    assert (
        model.Heading(2, "Article 5. Criminalization of participation in an organized criminal group", "UNTOC.5")
        in headings
    )
    paragraph = cluster1.paragraph("UNTOC.5.1(a)")
    assert model.Heading(3, f"Paragraph 1(a) — {paragraph.label}", "UNTOC.5.1(a)") in headings


def test_answers_appear_as_question_label_then_answer(cluster1, draft_info, complete_answers):
    answers = dict(complete_answers)
    answers["UNTOC.5.1(a).practice"] = "First paragraph.\nSame paragraph, new line.\n\nSecond paragraph."
    document = _build(cluster1, draft_info, answers)
    blocks = list(document.blocks)
    start = blocks.index(
        model.Heading(3, f"Paragraph 1(a) — {cluster1.paragraph('UNTOC.5.1(a)').label}", "UNTOC.5.1(a)")
    )
    assert blocks[start + 1] == model.Paragraph("Obligation: must", "not_applicable")  # the class, in plain words
    section = blocks[start + 2 : start + 13]
    assert section[0] == model.Paragraph(cluster1.question("UNTOC.5.1(a).status").label, "question")
    assert section[1] == model.Paragraph("Fully implemented", "status")
    assert section[3].kind == "citations"
    assert section[3].items == ("Criminal Code of Veridia, Article 212, 2011, https://legislation.example.org/cc#212",)
    assert section[3].links == ("https://legislation.example.org/cc#212",)
    assert model.Paragraph("First paragraph.\nSame paragraph, new line.", "body") in section
    assert model.Paragraph("Second paragraph.", "body") in section


def test_unanswered_optional_questions_are_left_out(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers)
    labels = set(_texts(document))
    assert cluster1.question("UNTOC.5.1(a).assistance").label not in labels  # never answered, not required


def test_missing_required_answer_is_marked_and_listed_in_annex(cluster1, draft_info, complete_answers):
    answers = dict(complete_answers)
    del answers[MISSING_ID]
    document = _build(cluster1, draft_info, answers)
    assert document.draft_watermark == "DRAFT – incomplete"
    assert model.Paragraph("No answer yet", "missing") in document.blocks
    annex = document.blocks[document.blocks.index(model.Heading(1, "Annex: answers still missing", "annex-missing")) :]
    table = next(b for b in annex if isinstance(b, model.Table))
    assert table.rows == (
        (
            "UNTOC art. 5, para. 1(a)",
            cluster1.question(MISSING_ID).label,
            'required because status in ("fully", "partly")',
        ),
    )


def test_complete_draft_has_no_watermark_and_no_annex(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers)
    assert document.draft_watermark is None
    assert "Annex: answers still missing" not in set(_texts(document))
    assert model.Paragraph("No answer yet", "missing") not in document.blocks


def test_protocol_not_ratified_gives_one_not_applicable_line_per_paragraph(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers)  # party to TIP and SOM, not FIREARMS
    line = model.Paragraph("Not applicable: the State party is not party to this Protocol.", "not_applicable")
    firearms = [p for p in cluster1.paragraphs() if p.instrument == "FIREARMS"]
    assert sum(1 for b in document.blocks if b == line) == len(firearms)
    assert not any(
        q.id.startswith("FIREARMS")
        for q in check_completeness(cluster1, complete_answers, draft_info.protocols).missing().__iter__()
    )


def test_format_citation_leaves_out_empty_fields():
    assert format_citation({"title": "Act", "provision": "", "year": None, "link": ""}, "citations") == "Act"
    citation = {"title": "Report", "publisher": "UNODC", "date": "2024"}
    assert format_citation(citation, "sources") == "Report, UNODC, 2024"


def test_french_document_uses_french_labels_and_date(cluster1, draft_info, complete_answers):
    document = _build(cluster1, draft_info, complete_answers, language="fr")
    assert model.Paragraph("Date : 30 novembre 2026", "cover") in document.blocks
    assert document.footer_page == "Page {page} sur {pages}"


def test_every_label_table_has_the_english_keys():
    for language in ("fr", "es"):
        assert set(labels_for(language)) == set(labels_for("en"))


@pytest.mark.parametrize("code", json.loads((shared_dir() / "cases" / "locale-cases.json").read_text())["locales"])
def test_real_world_locale_codes_never_crash(code, cluster1, draft_info, complete_answers):
    assert long_date(dt.date(2026, 11, 30), code)
    assert normalize_locale(code) is not None
    _build(cluster1, draft_info, complete_answers, language=code)


def test_unknown_locale_falls_back_to_english():
    assert long_date(dt.date(2026, 11, 30), "xx") == "30 November 2026"
    assert labels_for("C")["no_answer"] == "No answer yet"
    assert labels_for("fr_CA.UTF-8")["no_answer"] == "Pas encore de réponse"


@pytest.mark.parametrize(
    ("language", "place", "reason"),
    [
        ("fr", "UNTOC art. 5, par. 1(a)", 'requise car status in ("fully", "partly")'),
        ("es", "UNTOC art. 5, párr. 1(a)", 'obligatoria porque status in ("fully", "partly")'),
        ("zh", "UNTOC 第5条第1(a)款", '因 status in ("fully", "partly") 而必答'),
    ],
)
def test_the_annex_row_is_worded_in_the_document_language(
    cluster1, draft_info, complete_answers, language, place, reason
):
    """The provision and the reason were English in every document language."""
    answers = dict(complete_answers)
    del answers[MISSING_ID]
    document = _build(cluster1, draft_info, answers, language)
    table = [b for b in document.blocks if isinstance(b, model.Table)][-1]
    (row,) = table.rows
    assert (row[0], row[2]) == (place, reason)
