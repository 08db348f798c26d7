"""Find, replace and count words across a draft's answers (Qt-free).

Searches every text an answer holds: free texts, and the text cells of laws, cases,
sources and statistics tables. Counting follows what word processors do: a word is
a run of letters or digits, and each Chinese, Japanese or Korean character counts
as one word (those scripts have no spaces between words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .questionnaire.model import Article, Definition, Question

#: Chinese, Japanese and Korean characters (each counts as one word): (first, last) code points.
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
#: Runs of word characters joined by apostrophes, hyphens or full stops ("l'État", "e-mail", "U.N").
_RUNS = re.compile(r"\w+(?:['’\-.]\w+)*")
_JOINERS = "'’-."

#: Longest text searched for (characters); a longer search is refused by :func:`find_in_answers`.
MAX_NEEDLE = 1000


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in _CJK_RANGES)


def count_words(text: str) -> int:
    """Words in ``text`` (each CJK character is one word).

    A word is a run of letters, digits or ``_``, possibly joined by ``'``, ``’``, ``-`` or ``.``
    to the next run; a Chinese, Japanese or Korean letter is a word of its own and ends the run
    before it, as word processors count them. Punctuation in those blocks (such as ``・``) is not
    a word. (A single regular expression with the CJK ranges in a character class took Python
    about 4 ms to compile at every start, for the counter under each answer.)
    """
    count = 0
    for run in _RUNS.findall(text or ""):
        if max(run) < "\u3040" or not any(_is_cjk(char) for char in run):
            count += 1
            continue
        part = ""
        for char in run:
            if _is_cjk(char):
                count += 1 + bool(part.strip(_JOINERS))
                part = ""
            else:
                part += char
        count += bool(part.strip(_JOINERS))
    return count


def count_characters(text: str) -> int:
    """Characters in ``text``, spaces included, line breaks not."""
    return sum(1 for char in (text or "") if char not in "\r\n")


def answer_texts(value: Any) -> Iterator[tuple[str, str]]:  # noqa: ANN401 (JSON data)
    """Every text inside an answer, as (where, text): ``""`` for a plain text, ``"2.title"`` for row 2's title."""
    if isinstance(value, str):
        yield "", value
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            if isinstance(item, str):
                yield str(index), item
            elif isinstance(item, dict):
                for key, cell in item.items():
                    if isinstance(cell, str):
                        yield f"{index}.{key}", cell


@dataclass(frozen=True)
class Counts:
    """Word and character counts of some answers.

    Attributes:
        words: words (see :func:`count_words`).
        characters: characters (see :func:`count_characters`).
    """

    words: int = 0
    characters: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.characters + other.characters)


def answer_counts(value: Any) -> Counts:  # noqa: ANN401 (JSON data)
    """Counts of every text inside one answer."""
    total = Counts()
    for _where, text in answer_texts(value):
        total += Counts(count_words(text), count_characters(text))
    return total


@dataclass(frozen=True)
class ArticleCounts:
    """Counts of one article's answers.

    Attributes:
        article: the article.
        counts: its answers' counts.
    """

    article: Article
    counts: Counts


def draft_counts(definition: Definition, answers: Mapping[str, Any]) -> tuple[list[ArticleCounts], Counts]:
    """Counts per article, in the questionnaire's order, and for the whole draft.

    Args:
        definition: the draft's questionnaire.
        answers: question id -> stored value.
    """
    rows = []
    total = Counts()
    for article in definition.articles():
        counts = Counts()
        for paragraph in article.paragraphs:
            for question in paragraph.questions:
                counts += answer_counts(answers.get(question.id))
        rows.append(ArticleCounts(article, counts))
        total += counts
    return rows, total


@dataclass(frozen=True)
class Match:
    """One place where the searched text occurs.

    Attributes:
        question: the question whose answer holds it.
        where: ``""`` for a free text, ``"ROW.FIELD"`` for a table cell (row from 1).
        start: offset in that text (characters).
        length: length of the match (characters).
        text: the whole text the match is in.
    """

    question: Question
    where: str
    start: int
    length: int
    text: str

    @property
    def replaceable(self) -> bool:
        """Whether Replace can change it in place (free-text answers; table cells are edited in their table)."""
        return self.where == ""

    def snippet(self, width: int = 40) -> str:
        """The match with some words around it, on one line."""
        before = self.text[max(0, self.start - width) : self.start]
        after = self.text[self.start + self.length : self.start + self.length + width]
        line = f"{'…' if self.start > width else ''}{before}[{self.text[self.start : self.start + self.length]}]{after}"
        return " ".join(line.split()) + ("…" if self.start + self.length + width < len(self.text) else "")


def search_pattern(needle: str, *, match_case: bool = False, whole_words: bool = False) -> re.Pattern[str]:
    """The regular expression that finds ``needle`` literally (never as a pattern of its own).

    Raises:
        ValueError: ``needle`` is empty or longer than :data:`MAX_NEEDLE`.
    """
    if not needle or len(needle) > MAX_NEEDLE:
        raise ValueError("the text to find must have 1 to 1000 characters")
    body = re.escape(needle)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_in_answers(
    definition: Definition,
    answers: Mapping[str, Any],
    needle: str,
    *,
    match_case: bool = False,
    whole_words: bool = False,
) -> list[Match]:
    """Every occurrence of ``needle`` in the draft's answers, in questionnaire order.

    Raises:
        ValueError: see :func:`search_pattern`.
    """
    pattern = search_pattern(needle, match_case=match_case, whole_words=whole_words)
    found: list[Match] = []
    for article in definition.articles():
        for paragraph in article.paragraphs:
            for question in paragraph.questions:
                for where, text in answer_texts(answers.get(question.id)):
                    found.extend(
                        Match(question, where, m.start(), m.end() - m.start(), text) for m in pattern.finditer(text)
                    )
    return found


def replace_all(
    text: str, needle: str, replacement: str, *, match_case: bool = False, whole_words: bool = False
) -> tuple[str, int]:
    """``text`` with every occurrence of ``needle`` replaced literally; returns (new text, count)."""
    pattern = search_pattern(needle, match_case=match_case, whole_words=whole_words)
    return pattern.subn(lambda _m: replacement, text)
