"""Instrument and article titles go through the catalogues under their own message contexts."""

import io

from untoc_desktop.documents.submission import build_submission
from untoc_desktop.questionnaire.extract import extract_definitions
from untoc_desktop.questionnaire.titles import ARTICLE_TITLE, INSTRUMENT_TITLE, article_title, instrument_title
from untoc_desktop.validation import check_completeness

CONVENTION = "United Nations Convention against Transnational Organized Crime"
FRENCH = {
    (ARTICLE_TITLE, "Use of terms"): "Terminologie",
    (INSTRUMENT_TITLE, CONVENTION): "Convention des Nations Unies contre la criminalité transnationale organisée",
}


def _extracted(name="cluster1.yaml"):
    from importlib.resources import files

    data = files("untoc_desktop.forms").joinpath(name).read_bytes()
    return list(extract_definitions(io.BytesIO(data), {}, [], {}))


def test_the_extractor_gives_titles_their_contexts(cluster1):
    titles = [(message, comments) for _line, funcname, message, comments in _extracted() if funcname == "pgettext"]
    assert ((INSTRUMENT_TITLE, CONVENTION), ["UNTOC title"]) in titles
    assert ((ARTICLE_TITLE, "Use of terms"), ["UNTOC article 2"]) in titles
    article_titles = {message[1] for message, _comments in titles if message[0] == ARTICLE_TITLE}
    assert article_titles == {a.title for i in cluster1.instruments for a in i.articles}


def test_titles_follow_the_language_asked_for(temporary_catalogue):
    from untoc_desktop import i18n

    temporary_catalogue("fr", FRENCH)
    assert article_title("Use of terms", "fr") == "Terminologie"
    assert article_title("Use of terms", "es") == "Use of terms"  # no catalogue: the English title
    assert article_title("Use of terms") == "Use of terms"  # the interface is English
    i18n.set_language("fr")
    assert article_title("Use of terms") == "Terminologie"
    assert instrument_title(CONVENTION).startswith("Convention des Nations Unies")


def test_the_export_shows_the_official_titles_in_the_document_language(temporary_catalogue, cluster1, draft_info):
    temporary_catalogue("fr", FRENCH)
    report = check_completeness(cluster1, {}, draft_info.protocols)
    headings = [
        b.text for b in build_submission(cluster1, draft_info, {}, report, "fr").blocks if type(b).__name__ == "Heading"
    ]
    assert "Convention des Nations Unies contre la criminalité transnationale organisée" in headings
    assert "Article 2. Terminologie" in headings
    english = [
        b.text for b in build_submission(cluster1, draft_info, {}, report, "en").blocks if type(b).__name__ == "Heading"
    ]
    assert CONVENTION in english and "Article 2. Use of terms" in english
