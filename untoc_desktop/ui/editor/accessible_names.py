"""Names that say what a control is and where it is, for screen readers and other assistive technology.

A page shows the same questions for every paragraph of an article, and each record list has the same
Add and Remove buttons: heard one by one, without sight of the headings, they must each say which
paragraph and article they belong to ("Add a law to paragraph 2(a), article 5 (Convention)").
Names are short; the question's help text is the control's accessible description.
"""

from __future__ import annotations

from ...i18n import _
from ...questionnaire.display import article_title, isolated_ref, question_label
from ...questionnaire.model import (
    CHAPEAU,
    INSTRUMENT_SHORT_NAMES,
    NUMBERED,
    SENTENCE,
    SINGLE,
    Article,
    Paragraph,
    Question,
    worded_ref,
)


def instrument_name(code: str) -> str:
    """The short name of an instrument (``Convention``, ``Firearms Protocol``) in the interface language."""
    return _(INSTRUMENT_SHORT_NAMES.get(code, code))


def paragraph_place(paragraph: Paragraph) -> str:
    """Where a paragraph is: ``paragraph 1(b), article 6 (Convention)``; ``article 13 (...)`` for an unnumbered one."""
    place = {"article": paragraph.article, "instrument": instrument_name(paragraph.instrument)}
    if not paragraph.ref:
        return _("article {article} ({instrument})").format(**place)
    templates = {
        SINGLE: _("article {article} ({instrument})"),
        CHAPEAU: _("introductory words, article {article} ({instrument})"),
        "chapeau_of": _("introductory words of paragraph {ref}, article {article} ({instrument})"),
        SENTENCE: _("sentence {number}, article {article} ({instrument})"),
        NUMBERED: _("paragraph {ref}, article {article} ({instrument})"),
    }
    return worded_ref(paragraph.ref, templates, isolated_ref, **place)


def article_name(article: Article) -> str:
    """The name of an article's page: ``Article 5: Criminalization of participation… (Convention)``."""
    return _("Article {number}: {title} ({instrument})").format(
        number=article.number, title=article_title(article), instrument=instrument_name(article.instrument)
    )


def field_name(question: Question, paragraph: Paragraph) -> str:
    """The name of a question's input: the question, then its paragraph and article."""
    return _("{question} — {place}").format(question=question_label(question), place=paragraph_place(paragraph))


def option_name(option: str, question: Question, paragraph: Paragraph) -> str:
    """The name of one check box of a several-choice question: the option, then the question's name."""
    return _("{option}: {field}").format(option=option, field=field_name(question, paragraph))


def record_button_names(record_type: str, paragraph: Paragraph) -> tuple[str, str, str]:
    """Names of a record list's buttons: (add, remove the selected rows, insert an existing record).

    Args:
        record_type: ``citations``, ``sources``, ``cases`` or ``statistics`` (others: "a row").
        paragraph: the paragraph the list belongs to.
    """
    place = paragraph_place(paragraph)
    if record_type == "citations":
        names = (
            _("Add a law to {place}"),
            _("Remove the selected laws from {place}"),
            _("Insert a law already given elsewhere into {place}"),
        )
    elif record_type == "sources":
        names = (
            _("Add a source to {place}"),
            _("Remove the selected sources from {place}"),
            _("Insert a source already given elsewhere into {place}"),
        )
    elif record_type == "cases":
        names = (
            _("Add a court decision to {place}"),
            _("Remove the selected court decisions from {place}"),
            _("Insert a court decision already given elsewhere into {place}"),
        )
    elif record_type == "statistics":
        names = (
            _("Add a figure to {place}"),
            _("Remove the selected figures from {place}"),
            _("Insert a figure already given elsewhere into {place}"),
        )
    else:
        names = (
            _("Add a row to {place}"),
            _("Remove the selected rows from {place}"),
            _("Insert a row already given elsewhere into {place}"),
        )
    add, remove, insert = (name.format(place=place) for name in names)
    return add, remove, insert
