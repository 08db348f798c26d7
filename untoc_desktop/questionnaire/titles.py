"""Instrument and article titles in a language: the treaty's official titles, through the catalogues.

Titles are written in English in the definitions (``forms/*.yaml``) and extracted into the gettext
catalogue with the message contexts :data:`INSTRUMENT_TITLE` and :data:`ARTICLE_TITLE`
(:mod:`.extract`); their translations are the official titles of the authentic French, Spanish,
Arabic, Russian and Chinese texts of the Convention and its Protocols (United Nations Treaty
Series, vols. 2225, 2237, 2241 and 2326). A title without a translation stays in English.
"""

from __future__ import annotations

from ..i18n import pgettext, translator

#: Message context of an instrument's title (``United Nations Convention against ...``).
INSTRUMENT_TITLE = "instrument title"
#: Message context of an article's title (``Use of terms``).
ARTICLE_TITLE = "article title"


def instrument_title(title: str, language: str | None = None) -> str:
    """An instrument's title in ``language`` (``None``: the interface language).

    Args:
        title: the English title, as in the definition.
        language: a code in any form :func:`untoc_desktop.languages.normalise` accepts, or ``None``.
    """
    return (
        pgettext(INSTRUMENT_TITLE, title)
        if language is None
        else translator(language).pgettext(INSTRUMENT_TITLE, title)
    )


def article_title(title: str, language: str | None = None) -> str:
    """An article's title in ``language`` (``None``: the interface language).

    Args:
        title: the English title, as in the definition.
        language: a code in any form :func:`untoc_desktop.languages.normalise` accepts, or ``None``.
    """
    return pgettext(ARTICLE_TITLE, title) if language is None else translator(language).pgettext(ARTICLE_TITLE, title)
