"""Exports show each paragraph's obligation class in plain words, in the document language, and no research notes."""

from __future__ import annotations

import datetime as dt

import pytest

from untoc_desktop.documents import model
from untoc_desktop.documents.submission import build_submission
from untoc_desktop.draft import DraftInfo
from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.questionnaire.obligations import obligation_label
from untoc_desktop.validation import check_completeness

ALL = frozenset({"TIP", "SOM", "FIREARMS"})


def _texts(cluster, language="en", answers=None):
    definition = load_installed_definition(cluster)
    info = DraftInfo(
        "Coalition",
        "Republic of Veridia",
        cluster,
        ALL,
        definition_id=definition.id,
        definition_version=definition.version,
    )
    answers = answers or {}
    report = check_completeness(definition, answers, ALL)
    document = build_submission(definition, info, answers, report, language, today=dt.date(2026, 12, 1))
    return definition, [b.text for b in document.blocks if isinstance(b, (model.Heading, model.Paragraph))]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_every_paragraph_is_followed_by_its_class_in_the_document_language(language):
    definition, texts = _texts(2, language)
    expected = {obligation_label(c, language) for c in ("mandatory", "qualified", "consider", "optional", "saving")}
    found = {
        t.split(":", 1)[-1].split("：", 1)[-1].strip()
        for t in texts
        if t.startswith(
            {
                "en": "Obligation:",
                "fr": "Obligation :",
                "es": "Obligación:",
                "ar": "الالتزام:",
                "ru": "Обязательство:",
                "zh": "义务：",
            }[language]
        )
    }
    assert expected <= found
    assert sum(1 for t in texts if obligation_label("consider", language) in t) == sum(
        1 for p in definition.paragraphs() if p.obligation == "consider"
    )


def test_saving_paragraphs_are_shown_for_context_without_questions():
    _definition, texts = _texts(2)
    at = texts.index("Paragraph 5 — Victims' rights under the receiving State's law are unaffected")
    assert texts[at + 1] == "Obligation: no obligation"
    assert texts[at + 2].startswith("Shown for context")
    assert texts[at + 3].startswith("Paragraph 6")  # no question, no "No answer yet"


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_no_research_notes_or_shorthand_in_exports(cluster):
    definition, texts = _texts(cluster)
    joined = "\n".join(texts)
    for article in definition.articles():
        if article.cluster_note:
            assert article.cluster_note not in joined
    for fragment in ("cluster2_questionnaire", "Evidence:", ">=", "OCG", "Paragraph all", "(v1:"):
        assert fragment not in joined, fragment
    if definition.provisional:
        assert "Provisional: the list of articles of this cluster is not yet confirmed." in texts
