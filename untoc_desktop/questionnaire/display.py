"""The questionnaire's wording as shown in the interface language.

Definitions keep their English wording (and answers stay keyed by ids); the window shows every
question, help text, option, paragraph label, article heading and instrument title through the
gettext catalogue, with these functions, so that every place that shows them agrees. The strings
reach the catalogue through :mod:`.extract`. The treaty's official titles are translated under a
message context (:data:`ARTICLE_TITLE`, :data:`INSTRUMENT_TITLE`): they are the treaty's own words in
each language, kept apart from ours. Exports do not use this module: they translate into the
document language chosen (:func:`untoc_desktop.i18n.translator`).

Text the catalogue lacks is shown in English. Qt-free.
"""

from __future__ import annotations

import re

from ..i18n import _, interface_direction, pgettext
from .model import (
    CHAPEAU,
    NUMBERED,
    SENTENCE,
    SINGLE,
    Article,
    Definition,
    Instrument,
    Option,
    Paragraph,
    Question,
    worded_ref,
)
from .titles import ARTICLE_TITLE, INSTRUMENT_TITLE
from .types import STATUS_CHOICES, YES_NO_CHOICES

#: A treaty reference inside a sentence, e.g. ``1(a)(i)`` or ``2(b)`` (not one already isolated).
_REFERENCE = re.compile(r"(?<![\u2066\w])(\d+(?:\([a-z]{1,5}\))+)")


def _text(message: str) -> str:
    # gettext("") is the catalogue's header: an empty text stays empty.
    return _isolate_references(_(message)) if message else message


def _isolate_references(text: str) -> str:
    """In a right-to-left interface, each treaty reference in ``text`` becomes a left-to-right isolate.

    Without it the bidi algorithm draws "1(a)(i)" inside an Arabic sentence as "(i)(a)1" (the
    paragraph headings already isolate theirs, see :func:`paragraph_ref`). Elsewhere unchanged.
    """
    if interface_direction() != "rtl":
        return text
    return _REFERENCE.sub("\u2066\\1\u2069", text)


def question_label(question: Question) -> str:
    """The question, e.g. "How far has the State party implemented this provision?", in the interface language."""
    return _text(question.label)


def question_help(question: Question) -> str:
    """The guidance under a question, in the interface language ("" when the question has none)."""
    return _text(question.help)


def option_label(option: Option) -> str:
    """A declared option of a ``choice`` / ``multi_choice`` question, in the interface language."""
    return _text(option.label)


def choices(question: Question) -> list[tuple[str, str]]:
    """The choices of a choice-type question as ``(stored value, label in the interface language)`` pairs.

    Status questions offer :data:`~.types.STATUS_CHOICES`, yes/no questions
    :data:`~.types.YES_NO_CHOICES`, ``choice`` and ``multi_choice`` questions their declared
    options; other types have none (an empty list).
    """
    if question.type == "status":
        return [(value, _text(label)) for value, label in STATUS_CHOICES]
    if question.type == "yes_no":
        return [(value, _text(label)) for value, label in YES_NO_CHOICES]
    return [(option.value, option_label(option)) for option in question.options]


def paragraph_label(paragraph: Paragraph) -> str:
    """A paragraph's short description (our own words), in the interface language."""
    return _text(paragraph.label)


def article_title(article: Article) -> str:
    """An article's official title (e.g. "Criminalization of the laundering of proceeds of crime").

    Source: the treaty's title of the article in the interface language, from the catalogue
    (context :data:`ARTICLE_TITLE`); English when no translation is known.
    """
    return pgettext(ARTICLE_TITLE, article.title) if article.title else article.title


def instrument_title(instrument: Instrument) -> str:
    """An instrument's official full title in the interface language (context :data:`INSTRUMENT_TITLE`)."""
    return pgettext(INSTRUMENT_TITLE, instrument.title) if instrument.title else instrument.title


def cluster_title(definition: Definition) -> str:
    """The review cluster's name, e.g. "Criminalization and jurisdiction", in the interface language."""
    return _text(definition.title)


def provisional_note(definition: Definition) -> str:
    """The plain-words note saying the cluster's article list is provisional ("" when it is not)."""
    return _text(definition.provisional_note)


def paragraph_ref(paragraph: Paragraph) -> str:
    """The paragraph's reference (``1(a)(i)``) as it must be drawn beside the interface's words.

    In a right-to-left interface the reference is a left-to-right isolate (U+2066 … U+2069), so that
    ``1(a)`` is not drawn as ``(a)1`` next to Arabic words; elsewhere it is the reference unchanged.
    """
    return isolated_ref(paragraph.ref)


def isolated_ref(ref: str) -> str:
    """A reference as a left-to-right isolate in a right-to-left interface (see :func:`paragraph_ref`)."""
    if ref and interface_direction() == "rtl":
        return f"\u2066{ref}\u2069"
    return ref


def unnumbered_title(paragraph: Paragraph, text: str) -> str | None:
    """``text`` (a label or note) introduced by the place of a paragraph that has no number, in the interface language.

    Returns:
        "Introductory words: text" (an article's words before its lettered subparagraphs; "...
        of paragraph 1: text" for a paragraph's),
        "Sentence 2: text" (a sentence of an unnumbered article), ``text`` alone (an article's one
        unnumbered paragraph), or ``None`` for a numbered paragraph, which the caller words with
        its reference (:func:`paragraph_ref`). See :attr:`.model.Paragraph.ref_form`.
    """
    if paragraph.ref_form[0] == NUMBERED:
        return None
    templates = {
        SINGLE: "{text}",
        CHAPEAU: _("Introductory words: {text}"),
        "chapeau_of": _("Introductory words of paragraph {ref}: {text}"),
        SENTENCE: _("Sentence {number}: {text}"),
    }
    return worded_ref(paragraph.ref, templates, isolated_ref, text=text)


def paragraph_where(paragraph: Paragraph, instrument: str) -> str:
    """Where a paragraph is, in words: "Convention, article 5, paragraph 1(a)", in the interface language.

    Args:
        paragraph: the paragraph.
        instrument: how to name its instrument (its code or its short name).

    A paragraph without a number reads "..., article 13", "..., article 7, introductory words"
    or "..., article 19, sentence 2" (:attr:`.model.Paragraph.ref_form`).
    """
    templates = {
        SINGLE: _("{instrument}, article {article}"),
        CHAPEAU: _("{instrument}, article {article}, introductory words"),
        "chapeau_of": _("{instrument}, article {article}, paragraph {paragraph}, introductory words"),
        SENTENCE: _("{instrument}, article {article}, sentence {number}"),
        NUMBERED: _("{instrument}, article {article}, paragraph {paragraph}"),
    }
    return worded_ref(paragraph.ref, templates, isolated_ref, instrument=instrument, article=paragraph.article)
