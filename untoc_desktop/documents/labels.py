"""Fixed wording of exported documents, per document language, and date formatting.

The document language is chosen per export and is independent of the
interface language (see :mod:`untoc_desktop.i18n`). The wording is written
here in English and translated through the gettext catalogues in the message
context ``document`` (``translations/<lang>/LC_MESSAGES/untoc_desktop.po``);
codes are normalised by :mod:`untoc_desktop.languages` (``fr_CA`` -> ``fr``),
and a language without a catalogue gets English. Question labels come from the
questionnaire definition, through the same catalogues.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from functools import cache

from .. import languages
from ..i18n import normalize_locale, translator  # noqa: F401 - normalize_locale: re-exported for callers

log = logging.getLogger(__name__)


def _document_labels(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """The label table, each English text passed through ``pgettext("document", ...)``."""
    return {
        "cover_title": pgettext(
            "document",
            "Submission to the Review Mechanism of the United Nations Convention "
            "against Transnational Organized Crime and the Protocols thereto",
        ),
        "organization": pgettext("document", "Submitted by: {organization}"),
        "country": pgettext("document", "State party under review: {country}"),
        "cluster": pgettext("document", "Cluster {number}: {title}"),
        "date": pgettext("document", "Date: {date}"),
        "questionnaire": pgettext("document", "Questionnaire: {id}, version {version}"),
        "provisional": pgettext(
            "document", "Provisional: the list of articles of this cluster is not yet confirmed. {note}"
        ),
        "definition_sources": pgettext("document", "Sources of the treaty information in the questionnaire"),
        "article": pgettext("document", "Article {number}. {title}"),
        "paragraph": pgettext("document", "Paragraph {ref} — {label}"),
        "paragraph_chapeau": pgettext("document", "Introductory words — {label}"),
        "paragraph_chapeau_of": pgettext("document", "Introductory words of paragraph {ref} — {label}"),
        "paragraph_sentence": pgettext("document", "Sentence {number} — {label}"),
        "no_answer": pgettext("document", "No answer yet"),
        "not_applicable": pgettext("document", "Not applicable: the State party is not party to this Protocol."),
        "draft": pgettext("document", "DRAFT – incomplete"),
        "draft_note": pgettext(
            "document", "This draft is incomplete: {summary}. The answers still missing are listed in the annex."
        ),
        "conflicts_note": pgettext(
            "document",
            "This draft is not final: {count} answer(s) have an open conflict"
            " from merging a colleague's copy ({questions}).",
        ),
        "summary": pgettext("document", "{answered} of {required} required answers given"),
        "annex": pgettext("document", "Annex: answers still missing"),
        "annex_intro": pgettext("document", "The following required answers have not been given yet."),
        "annex_provision": pgettext("document", "Provision"),
        # the annex's provision column, after the instrument's code (questionnaire.model.ref_form)
        "annex_numbered": pgettext("document", "art. {article}, para. {ref}"),
        "annex_single": pgettext("document", "art. {article}"),
        "annex_chapeau": pgettext("document", "art. {article}, introductory words"),
        "annex_chapeau_of": pgettext("document", "art. {article}, para. {ref}, introductory words"),
        "annex_sentence": pgettext("document", "art. {article}, sentence {number}"),
        # the annex's reason column (validation.check_paragraph's reasons, in the document language)
        "annex_required": pgettext("document", "required"),
        "annex_required_because": pgettext("document", "required because {rule}"),
        "annex_question": pgettext("document", "Question"),
        "annex_reason": pgettext("document", "Why it is required"),
        "page": pgettext("document", "Page {page} of {pages}"),
        "contents": pgettext("document", "Contents"),
        "contents_update": pgettext("document", "Update this field (F9) to show page numbers."),
        "sources_annex": pgettext("document", "Annex: sources cited"),
        "sources_intro": pgettext("document", "Legislation and other sources cited in the answers."),
        "year": "{year}",
        "obligation": pgettext("document", "Obligation: {label}"),
        "context_only": pgettext(
            "document", "Shown for context: this paragraph creates no obligation and asks no questions."
        ),
    }


def _status_labels(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """Document wording of implementation status and yes/no answers, in the current catalogue.

    Keys are those of ``questionnaire.types.STATUS_CHOICES`` and ``YES_NO_CHOICES``; each value
    comes through ``pgettext("document", ...)``.
    """
    return {
        "fully": pgettext("document", "Fully implemented"),
        "partly": pgettext("document", "Partly implemented"),
        "not_implemented": pgettext("document", "Not implemented"),
        "unknown": pgettext("document", "Unknown"),
        "yes": pgettext("document", "Yes"),
        "yes_in_part": pgettext("document", "Yes, in part"),
        "no": pgettext("document", "No"),
    }


@cache
def _labels(language: str) -> tuple[dict[str, str], dict[str, str]]:
    pgettext = translator(language).pgettext
    return _document_labels(pgettext), _status_labels(pgettext)


def status_text(key: str, language: str | None) -> str | None:
    """A status or yes/no answer in the document language; ``None`` for an unknown key.

    Args:
        key: a ``STATUS_CHOICES`` or ``YES_NO_CHOICES`` key, e.g. ``"fully"``.
        language: locale code in any of the forms :func:`normalize_locale` accepts.
    """
    return _labels(languages.normalise(language))[1].get(key)


def labels_for(language: str | None) -> dict[str, str]:
    """The label table for a document language (English when none matches).

    Args:
        language: locale code in any of the forms :func:`untoc_desktop.languages.normalise` accepts.

    Returns:
        A new mapping of label key -> text with ``str.format`` placeholders.
    """
    return dict(_labels(languages.normalise(language))[0])


def document_direction(language: str | None) -> str:
    """Base direction of a document in ``language``: ``"rtl"`` for Arabic (and Hebrew...), else ``"ltr"``."""
    return languages.direction(language)


def long_date(day: _dt.date, language: str | None) -> str:
    """A date in the one style of the document language, e.g. ``30 novembre 2026``.

    The same style as letters, signatures and the window (:func:`untoc_desktop.languages.format_date`);
    English when the language is not one of the six. Never raises.

    Args:
        day: the date.
        language: locale code in any of the forms :func:`untoc_desktop.languages.normalise` accepts.
    """
    return languages.format_date(day, language)
