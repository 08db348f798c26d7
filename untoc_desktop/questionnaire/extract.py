"""Babel extractor for questionnaire definition files (``forms/*.yaml``).

Question labels and help texts, option labels and paragraph labels are written
in English in the definitions; this extractor puts them in the gettext
catalogue so that they can be translated like the interface, and shown in the
document language of an export. Instrument and article titles are facts of the
treaty, whose translations are the official titles of its authentic texts: they
come with the message contexts ``instrument title`` and ``article title``
(see :mod:`.titles`). Registered in ``translations/babel.cfg``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .safe_yaml import load_data_yaml
from .titles import ARTICLE_TITLE, INSTRUMENT_TITLE


def _strings(data: Any) -> Iterator[str]:
    if data.get("title"):
        yield data["title"]
    for questions in data.get("question_sets", {}).values():
        yield from _question_strings(questions)
    for instrument in data.get("instruments", []):
        for article in instrument.get("articles", []):
            for paragraph in article.get("paragraphs", []):
                yield paragraph["label"]
                yield from _question_strings(paragraph.get("extra_questions", []))
    if data.get("provisional_note"):
        yield data["provisional_note"]


def _question_strings(questions: list[dict[str, Any]]) -> Iterator[str]:
    for question in questions:
        yield question["label"]
        yield question["help"]
        for option in question.get("options", []):
            yield option["label"]


def _titles(data: Any) -> Iterator[tuple[str, str, str]]:
    """``(context, title, comment)`` for each instrument and article title of a definition."""
    for instrument in data.get("instruments", []):
        if instrument.get("title"):
            yield INSTRUMENT_TITLE, instrument["title"], f"{instrument.get('code', '')} title"
        for article in instrument.get("articles", []):
            if article.get("title"):
                yield ARTICLE_TITLE, article["title"], f"{instrument.get('code', '')} article {article.get('number')}"


def extract_definitions(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    """Yield ``(lineno, funcname, message, comments)`` for each translatable string of a definition.

    Titles are yielded as ``pgettext`` calls, ``(context, title)``, so Babel files them under
    their message context (the ``pgettext`` keyword must be known: it is one of Babel's defaults).
    """
    data = load_data_yaml(fileobj.read().decode("utf-8"), getattr(fileobj, "name", "<definition>"))
    seen: set[str] = set()
    for text in _strings(data):
        if text and text not in seen:
            seen.add(text)
            yield 0, "", text, ["questionnaire definition"]
    for context, title, comment in _titles(data):
        yield 0, "pgettext", (context, title), [comment]
