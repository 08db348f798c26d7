"""Babel extractor for questionnaire definition files (``forms/*.yaml``).

Question labels and help texts, option labels and paragraph labels are written
in English in the definitions; this extractor puts them in the gettext
catalogue so that they can be translated like the interface, and shown in the
interface language (:mod:`.display`) and in the document language of an export.
The treaty's official article and instrument titles are extracted under a
message context (``msgctxt "article title"`` / ``"instrument title"``), with a
comment naming the article. Registered in ``translations/babel.cfg``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .display import ARTICLE_TITLE, INSTRUMENT_TITLE
from .safe_yaml import load_data_yaml


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


def _titles(data: Any) -> Iterator[tuple[str, str, list[str]]]:
    """(context, official title, comments) of each instrument and article of the definition."""
    for instrument in data.get("instruments", []):
        if instrument.get("title"):
            yield INSTRUMENT_TITLE, instrument["title"], []
        for article in instrument.get("articles", []):
            if article.get("title"):
                yield ARTICLE_TITLE, article["title"], [f"{instrument['code']} article {article['number']}"]


def extract_definitions(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    """Yield ``(lineno, funcname, message, comments)`` for each translatable string of a definition.

    Our own wording comes as plain messages; official titles as ``pgettext`` calls, whose message is
    ``(context, title)`` (babel's default ``pgettext`` keyword reads the context from it).
    """
    data = load_data_yaml(fileobj.read().decode("utf-8"), getattr(fileobj, "name", "<definition>"))
    seen: set[str] = set()
    for text in _strings(data):
        if text and text not in seen:
            seen.add(text)
            yield 0, "", text, ["questionnaire definition"]
    for context, title, comments in _titles(data):
        yield 0, "pgettext", (context, title), comments
