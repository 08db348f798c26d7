"""Paragraphs without a number (an article's only paragraph, its introductory words, a sentence) read as such.

Source of the refs: the reference data (``shared/reference/README.md``): ``single`` is an article with
one unnumbered paragraph, ``chapeau`` the introductory words, ``sentence N`` the Nth sentence of an
unnumbered article. They were printed as if they were numbers ("Paragraph single — ...").
"""

from __future__ import annotations

import re

import pytest

from untoc_desktop.documents import model
from untoc_desktop.documents.labels import labels_for
from untoc_desktop.documents.submission import build_submission, paragraph_heading
from untoc_desktop.draft import DraftInfo
from untoc_desktop.questionnaire import display, load_installed_definition
from untoc_desktop.questionnaire.model import CHAPEAU, NUMBERED, SENTENCE, SINGLE
from untoc_desktop.text_direction import strong_direction
from untoc_desktop.validation import check_completeness

RAW_WORDS = ("single", "chapeau", "sentence 1", "sentence 2", "sentence 3")


@pytest.fixture(scope="module")
def definitions():
    return {cluster: load_installed_definition(cluster) for cluster in (1, 2, 3, 4)}


def test_each_shipped_reference_has_a_kind_and_an_english_place(definitions):
    kinds = {}
    for definition in definitions.values():
        for paragraph in definition.paragraphs():
            kind, value = paragraph.ref_form
            kinds.setdefault(kind, []).append(paragraph.id)
            assert not any(word in paragraph.display_ref for word in ("single", "chapeau", "para. sentence"))
            if kind == NUMBERED:
                assert value == paragraph.ref and paragraph.display_ref.endswith(f"para. {paragraph.ref}")
    assert {"TIP.13.single", "SOM.13.single", "FIREARMS.14.single"} <= set(kinds[SINGLE])
    assert set(kinds[CHAPEAU]) == {"FIREARMS.7.chapeau", "FIREARMS.9.chapeau", "UNTOC.27.1 chapeau"}
    assert kinds[SENTENCE] == ["UNTOC.19.sentence 1", "UNTOC.19.sentence 2", "UNTOC.19.sentence 3"]
    cluster2 = definitions[2]
    assert cluster2.paragraph("TIP.13.single").display_ref == "art. 13"
    assert cluster2.paragraph("FIREARMS.7.chapeau").display_ref == "art. 7, introductory words"
    assert definitions[3].paragraph("UNTOC.19.sentence 2").display_ref == "art. 19, sentence 2"
    assert definitions[3].paragraph("UNTOC.27.1 chapeau").display_ref == "art. 27, para. 1, introductory words"


def test_the_interface_words_them_in_its_language(definitions):
    cluster2, cluster3 = definitions[2], definitions[3]
    single, chapeau = cluster2.paragraph("TIP.13.single"), cluster2.paragraph("FIREARMS.7.chapeau")
    sentence, numbered = cluster3.paragraph("UNTOC.19.sentence 2"), cluster3.paragraph("UNTOC.19.sentence 1")
    assert display.unnumbered_title(single, "Label") == "Label"
    assert display.unnumbered_title(chapeau, "Label") == "Introductory words: Label"
    assert display.unnumbered_title(sentence, "Label") == "Sentence 2: Label"
    assert display.unnumbered_title(numbered, "Label") == "Sentence 1: Label"
    of_paragraph = cluster3.paragraph("UNTOC.27.1 chapeau")
    assert display.unnumbered_title(of_paragraph, "Label") == "Introductory words of paragraph 1: Label"
    assert display.unnumbered_title(next(cluster2.paragraphs()), "Label") is None  # numbered: the caller's words


@pytest.mark.parametrize(
    ("language", "intro", "sentence", "intro_of"),
    [
        ("en", "Introductory words — ", "Sentence 2 — ", "Introductory words of paragraph 1 — "),
        ("fr", "Phrase introductive — ", "Phrase 2 — ", "Phrase introductive du paragraphe 1 — "),
        ("es", "Encabezamiento — ", "Oración 2 — ", "Encabezamiento del párrafo 1 — "),
        ("ru", "Вводная часть — ", "Предложение 2 — ", "Вводная часть пункта 1 — "),
        ("zh", "起首部分 — ", "第 2 句 — ", "第 1 款起首部分 — "),
    ],
)
def test_document_headings_in_each_language(definitions, language, intro, sentence, intro_of):
    labels = labels_for(language)
    single = definitions[2].paragraph("TIP.13.single")
    assert paragraph_heading(labels, single, language) == paragraph_heading(labels, single, language).strip()
    assert not any(word in paragraph_heading(labels, single, language) for word in RAW_WORDS)
    assert paragraph_heading(labels, definitions[2].paragraph("FIREARMS.7.chapeau"), language).startswith(intro)
    assert paragraph_heading(labels, definitions[3].paragraph("UNTOC.19.sentence 2"), language).startswith(sentence)
    assert paragraph_heading(labels, definitions[3].paragraph("UNTOC.27.1 chapeau"), language).startswith(intro_of)


def test_an_arabic_sentence_heading_isolates_its_number_and_label(definitions):
    heading = paragraph_heading(labels_for("ar"), definitions[3].paragraph("UNTOC.19.sentence 2"), "ar")
    assert heading.startswith("الجملة \u20662\u2069 — \u2068") and heading.endswith("\u2069")
    single = paragraph_heading(labels_for("ar"), definitions[2].paragraph("TIP.13.single"), "ar")
    assert single.startswith("\u2068") and single.endswith("\u2069") and "single" not in single


@pytest.mark.parametrize("cluster", [2, 3, 4])
def test_no_exported_heading_prints_a_raw_reference(definitions, cluster):
    definition = definitions[cluster]
    info = DraftInfo(
        organization="Coalition", country="Veridia", cluster=cluster, protocols=frozenset({"TIP", "SOM", "FIREARMS"})
    )
    report = check_completeness(definition, {}, info.protocols)
    document = build_submission(definition, info, {}, report, "en")
    unnumbered = {p.id for p in definition.paragraphs() if p.ref_form[0] != NUMBERED}
    headings = {block.anchor: block.text for block in document.blocks if isinstance(block, model.Heading)}
    assert unnumbered and unnumbered <= set(headings)
    for paragraph_id in unnumbered:
        text = headings[paragraph_id]
        assert not text.startswith("Paragraph") and "chapeau" not in text and "single" not in text.split()[0]


def test_places_in_words_for_search_results_and_help(definitions):
    cluster2, cluster3 = definitions[2], definitions[3]
    assert display.paragraph_where(cluster2.paragraph("TIP.13.single"), "TIP") == "TIP, article 13"
    assert display.paragraph_where(cluster2.paragraph("FIREARMS.7.chapeau"), "FIREARMS") == (
        "FIREARMS, article 7, introductory words"
    )
    assert display.paragraph_where(cluster3.paragraph("UNTOC.27.1 chapeau"), "UNTOC") == (
        "UNTOC, article 27, paragraph 1, introductory words"
    )
    assert (
        display.paragraph_where(cluster3.paragraph("UNTOC.19.sentence 3"), "UNTOC") == "UNTOC, article 19, sentence 3"
    )
    numbered = next(cluster2.paragraphs())
    assert display.paragraph_where(numbered, "UNTOC").endswith(f", paragraph {numbered.ref}")


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_letters_word_unnumbered_paragraphs_in_their_language(language):
    from untoc_desktop.letters.context import _ref_words
    from untoc_desktop.letters.wording import wording_for

    words = wording_for(language)
    worded = [_ref_words(ref, words) for ref in ("single", "chapeau", "1 chapeau", "sentence 2", "1(a)")]
    assert worded[-1] == "1(a)"
    assert not any(raw in text for text in worded[:-1] for raw in ("single", "chapeau"))
    assert (worded[3] == "sentence 2") is (language == "en")  # translated elsewhere
    assert "1" in worded[2] and "2" in worded[3]
    if language == "en":
        assert worded[:4] == [
            "the article as a whole",
            "its introductory words",
            "the introductory words of paragraph 1",
            "sentence 2",
        ]


def test_the_annex_names_each_place_in_the_document_language(definitions, cluster1):
    from untoc_desktop.documents.submission import annex_place

    en, fr, ar = labels_for("en"), labels_for("fr"), labels_for("ar")
    assert annex_place(en, cluster1.paragraph("UNTOC.5.1(a)"), "en") == "UNTOC art. 5, para. 1(a)"  # as before
    assert annex_place(fr, cluster1.paragraph("UNTOC.5.1(a)"), "fr") == "UNTOC art. 5, par. 1(a)"
    # Right to left: the code and the reference are isolates, so the cell's first strong letter is Arabic.
    arabic = annex_place(ar, cluster1.paragraph("UNTOC.5.1(a)"), "ar")
    assert arabic == "\u2066UNTOC\u2069 المادة 5، الفقرة \u20661(a)\u2069"
    assert strong_direction(re.sub("\u2066[^\u2069]*\u2069", "", arabic)) == "rtl"
    cluster2, cluster3 = definitions[2], definitions[3]
    assert annex_place(en, cluster2.paragraph("TIP.13.single"), "en") == "TIP art. 13"
    assert annex_place(en, cluster2.paragraph("FIREARMS.7.chapeau"), "en") == "FIREARMS art. 7, introductory words"
    assert annex_place(fr, cluster3.paragraph("UNTOC.27.1 chapeau"), "fr") == (
        "UNTOC art. 27, par. 1, phrase introductive"
    )
    assert annex_place(en, cluster3.paragraph("UNTOC.19.sentence 2"), "en") == "UNTOC art. 19, sentence 2"
