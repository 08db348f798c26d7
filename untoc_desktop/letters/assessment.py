"""What a submission says about implementation, counted from the draft's own answers.

Used by the transmission letter: how many provisions the organisation assessed, and
which it considers only partly or not implemented, article by article. The source is
each paragraph's ``status`` question (see :mod:`untoc_desktop.questionnaire.types`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..questionnaire.model import Definition
from ..validation import paragraph_applies

#: Status values that count as an assessment (``unknown`` does not).
ASSESSED_STATUSES = ("fully", "partly", "not_implemented")
#: Statuses the letter lists.
SHORTFALL_STATUSES = ("partly", "not_implemented")


@dataclass(frozen=True)
class ArticleShortfall:
    """The paragraphs of one article assessed as partly or not implemented.

    Attributes:
        instrument: ``UNTOC``, ``TIP``, ``SOM`` or ``FIREARMS``.
        article: article number.
        paragraphs: ``(ref, status)`` pairs in questionnaire order, e.g. ``("1(a)(i)", "partly")``.
    """

    instrument: str
    article: int
    paragraphs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Assessment:
    """Counts over the applicable paragraphs of a draft.

    Attributes:
        assessed: paragraphs whose status is fully, partly or not implemented.
        partly: paragraphs assessed as partly implemented.
        not_implemented: paragraphs assessed as not implemented.
        shortfalls: the partly/not implemented paragraphs grouped by article.
    """

    assessed: int
    partly: int
    not_implemented: int
    shortfalls: tuple[ArticleShortfall, ...]


def assess(definition: Definition, answers: Mapping[str, Any], protocols: Collection[str]) -> Assessment:
    """Count the draft's implementation statuses.

    Args:
        definition: the cluster's questionnaire.
        answers: question id -> stored value (``Draft.answers()``).
        protocols: codes of the Protocols the State party is party to; paragraphs of
            other Protocols are left out.

    Returns:
        An :class:`Assessment`; never raises for odd values (they are not counted).
    """
    assessed = partly = not_implemented = 0
    shortfalls: list[ArticleShortfall] = []
    for article in definition.articles():
        found: list[tuple[str, str]] = []
        for paragraph in article.paragraphs:
            if not paragraph_applies(paragraph, protocols):
                continue
            statuses = [answers.get(q.id) for q in paragraph.questions if q.type == "status"]
            status = next((s for s in statuses if s in ASSESSED_STATUSES), None)
            if status is None:
                continue
            assessed += 1
            partly += status == "partly"
            not_implemented += status == "not_implemented"
            if status in SHORTFALL_STATUSES:
                found.append((paragraph.ref, status))
        if found:
            shortfalls.append(ArticleShortfall(article.instrument, article.number, tuple(found)))
    return Assessment(assessed, partly, not_implemented, tuple(shortfalls))
