"""The questionnaire's wording in the interface language: extraction, catalogues and the display helpers.

Every question label, help text, option label, paragraph label and official title of the four
clusters must reach the catalogue through ``questionnaire/extract.py`` (as ``make extract-messages``
runs it) and be translated in each of the five catalogues, and :mod:`untoc_desktop.questionnaire.display`
must show what the catalogue says.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po

from untoc_desktop import i18n
from untoc_desktop.questionnaire import display, installed_definitions
from untoc_desktop.questionnaire.extract import extract_definitions
from untoc_desktop.questionnaire.loader import installed_definition_paths

LANGUAGES = ("fr", "es", "ar", "ru", "zh")
#: The keywords of ``make extract-messages`` (``-k _ -k N_ -k ngettext:1,2`` on top of babel's defaults).
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "N_": None, "ngettext": (1, 2)}


def _catalogue(language: str):
    with (i18n.TRANSLATIONS_DIR / language / "LC_MESSAGES" / "untoc_desktop.po").open("rb") as handle:
        return read_po(handle)


def _extracted() -> set[tuple[str | None, str]]:
    """(context, message) of every string extracted from the shipped definitions, as pybabel does."""
    found = set()
    for path in installed_definition_paths():
        with path.open("rb") as handle:
            for _lineno, message, _comments, context in extract(extract_definitions, handle, KEYWORDS):
                found.add((context, message))
    return found


def _shown_strings() -> Iterator[tuple[str | None, str, str]]:
    """(context, English text, where) of every string the window shows from the four definitions."""
    definitions = installed_definitions()
    assert sorted(d.cluster for d in definitions) == [1, 2, 3, 4]
    for definition in definitions:
        yield None, definition.title, definition.id
        if definition.provisional_note:
            yield None, definition.provisional_note, f"{definition.id} provisional note"
        for instrument in definition.instruments:
            yield display.INSTRUMENT_TITLE, instrument.title, instrument.code
            for article in instrument.articles:
                yield display.ARTICLE_TITLE, article.title, article.id
                for paragraph in article.paragraphs:
                    yield None, paragraph.label, paragraph.id
                    for question in paragraph.questions:
                        yield None, question.label, question.id
                        if question.help:
                            yield None, question.help, f"{question.id} help"
                        for option in question.options:
                            yield None, option.label, f"{question.id} option {option.value}"


def test_extraction_yields_every_shown_string_and_titles_under_their_context():
    extracted = _extracted()
    missing = sorted(
        {(context or "", text, where) for context, text, where in _shown_strings() if (context, text) not in extracted}
    )
    assert missing == []
    contexts = {context for context, _message in extracted if context}
    assert contexts == {"article title", "instrument title"}
    # An official title is kept apart from our own words: not extracted without its context.
    titles = {message for context, message in extracted if context == display.ARTICLE_TITLE}
    assert "Criminalization of the laundering of proceeds of crime" in titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_questionnaire_string_of_the_four_clusters_is_translated(language):
    catalogue = _catalogue(language)
    untranslated = []
    for context, text, where in _shown_strings():
        message = catalogue.get(text, context=context)
        if message is None or not message.string or message.fuzzy:
            untranslated.append((where, context or "", text[:70]))
    assert untranslated == []


@pytest.fixture
def interface_language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.mark.parametrize("interface_language", ["fr", "ar", "zh"], indirect=True)
def test_display_shows_the_catalogue_wording_in_the_interface_language(interface_language, cluster1):
    catalogue = _catalogue(interface_language)
    article = next(a for a in cluster1.articles() if a.id == "UNTOC.8")
    instrument = cluster1.instrument("UNTOC")
    paragraph = cluster1.paragraph("UNTOC.8.2")
    question = paragraph.question("consideration")
    assert display.article_title(article) == catalogue.get(article.title, context="article title").string
    assert display.instrument_title(instrument) == catalogue.get(instrument.title, context="instrument title").string
    assert display.paragraph_label(paragraph) == catalogue.get(paragraph.label).string
    assert display.question_label(question) == catalogue.get(question.label).string
    assert display.question_help(question) == catalogue.get(question.help).string
    assert display.cluster_title(cluster1) == catalogue.get(cluster1.title).string
    assert display.choices(question) == [(o.value, catalogue.get(o.label).string) for o in question.options]
    assert display.option_label(question.options[0]) == catalogue.get(question.options[0].label).string
    status = cluster1.question("UNTOC.5.1(a).status")
    assert [label for _value, label in display.choices(status)] == [
        catalogue.get(english).string
        for english in ("Fully implemented", "Partly implemented", "Not implemented", "Unknown")
    ]
    # The definition keeps its English wording (the catalogue's key): only what is shown changes.
    assert catalogue.get(question.label) is not None
    assert display.question_label(question) != question.label


def test_display_in_english_shows_the_definition_wording(cluster1):
    i18n.set_language("en")
    article = next(a for a in cluster1.articles() if a.id == "UNTOC.5")
    question = cluster1.question("UNTOC.5.1(a).status")
    assert display.article_title(article) == article.title
    assert display.instrument_title(cluster1.instrument("UNTOC")) == cluster1.instrument("UNTOC").title
    assert display.question_label(question) == question.label
    assert display.question_help(question) == question.help
    assert display.choices(question)[0] == ("fully", "Fully implemented")


def test_an_empty_help_text_stays_empty_in_any_language(cluster1):
    from dataclasses import replace

    question = replace(cluster1.question("UNTOC.5.1(a).status"), help="")
    try:
        i18n.set_language("fr")
        assert display.question_help(question) == ""  # not the catalogue's header
    finally:
        i18n.set_language("en")


def test_pgettext_uses_the_context_and_the_interface_language():
    title = "Use of terms"
    french = _catalogue("fr").get(title, context="article title").string
    try:
        i18n.set_language("fr")
        assert i18n.pgettext("article title", title) == french
        assert i18n.pgettext("no such context", title) == title
    finally:
        i18n.set_language("en")
    assert i18n.pgettext("article title", title) == title


def test_a_paragraph_reference_is_a_left_to_right_isolate_only_in_a_right_to_left_interface(cluster1):
    paragraph = next(p for p in cluster1.paragraphs() if p.ref == "1(a)(i)")
    try:
        i18n.set_language("ar")
        assert display.paragraph_ref(paragraph) == "\u20661(a)(i)\u2069"
        i18n.set_language("fr")
        assert display.paragraph_ref(paragraph) == "1(a)(i)"
    finally:
        i18n.set_language("en")
    assert display.paragraph_ref(paragraph) == "1(a)(i)"


def test_treaty_references_inside_arabic_sentences_are_left_to_right_isolates(cluster1):
    paragraph = next(p for p in cluster1.paragraphs() if "1(a)(i)" in p.label)
    try:
        i18n.set_language("ar")
        shown = display.paragraph_label(paragraph)
        assert "\u20661(a)(i)\u2069" in shown  # drawn "1(a)(i)", not "(i)(a)1", among Arabic words
        assert shown.count("\u2066") == shown.count("\u2069") >= 1
        i18n.set_language("en")
        assert display.paragraph_label(paragraph) == paragraph.label  # left-to-right: unchanged
    finally:
        i18n.set_language("en")
