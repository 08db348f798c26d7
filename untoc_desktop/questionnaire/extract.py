"""Babel extractor for questionnaire definition files (``forms/*.yaml``).

Question labels and help texts, option labels and paragraph labels are written
in English in the definitions; this extractor puts them in the gettext
catalogue so that they can be translated like the interface, and shown in the
document language of an export. Registered in ``translations/babel.cfg``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

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


def extract_definitions(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield ``(lineno, funcname, message, comments)`` for each translatable string of a definition."""
    data = load_data_yaml(fileobj.read().decode("utf-8"), getattr(fileobj, "name", "<definition>"))
    seen: set[str] = set()
    for text in _strings(data):
        if text and text not in seen:
            seen.add(text)
            yield 0, "", text, ["questionnaire definition"]
