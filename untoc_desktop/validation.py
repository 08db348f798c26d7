"""Completeness of a draft against its cluster's provision list.

:func:`check_completeness` walks every paragraph of the questionnaire
definition, decides whether it applies (Convention paragraphs always do;
a Protocol's paragraphs only when the State party is party to it) and which
of its questions are required (``required``, or ``required_when`` holding on
the paragraph's answers), and reports what is missing as plain data.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .i18n import _, ngettext
from .questionnaire.model import Definition, Paragraph, Question
from .questionnaire.types import is_answered


@dataclass(frozen=True)
class MissingAnswer:
    """A required question without an answer.

    Attributes:
        question: the question.
        paragraph: its paragraph.
        reason: why it is required, in English ("required", or the rule that made it so).
    """

    question: Question
    paragraph: Paragraph
    reason: str


@dataclass(frozen=True)
class ParagraphCompleteness:
    """Completeness of one paragraph.

    Attributes:
        paragraph: the paragraph.
        applicable: False when the paragraph belongs to a Protocol the State party is not party to.
        required: number of questions currently required.
        answered: how many of those are answered.
        missing: the required questions still unanswered, in order.
    """

    paragraph: Paragraph
    applicable: bool
    required: int
    answered: int
    missing: tuple[MissingAnswer, ...]

    @property
    def complete(self) -> bool:
        """True when nothing required is missing (always true when not applicable)."""
        return not self.missing


@dataclass(frozen=True)
class CompletenessReport:
    """Completeness of a whole draft.

    Attributes:
        cluster: review cluster number.
        paragraphs: one entry per paragraph, in questionnaire order.
        open_conflicts: question ids whose answer has an open conflict from merging a colleague's
            copy (see :mod:`untoc_desktop.sharing`); while any is open the submission is a draft.
    """

    cluster: int
    paragraphs: tuple[ParagraphCompleteness, ...]
    open_conflicts: tuple[str, ...] = ()

    @property
    def required(self) -> int:
        """Number of required answers over all applicable paragraphs."""
        return sum(p.required for p in self.paragraphs)

    @property
    def answered(self) -> int:
        """Number of required answers given."""
        return sum(p.answered for p in self.paragraphs)

    @property
    def complete(self) -> bool:
        """True when no required answer is missing and no merge conflict is open."""
        return all(p.complete for p in self.paragraphs) and not self.open_conflicts

    def missing(self) -> Iterator[MissingAnswer]:
        """Every missing answer, in questionnaire order."""
        for paragraph in self.paragraphs:
            yield from paragraph.missing

    def for_paragraph(self, paragraph_id: str) -> ParagraphCompleteness:
        """Completeness of one paragraph; raises KeyError when absent."""
        for entry in self.paragraphs:
            if entry.paragraph.id == paragraph_id:
                return entry
        raise KeyError(paragraph_id)

    def summary(self) -> str:
        """One line such as ``Cluster 1: 47 of 112 required answers``, in the interface language."""
        line = ngettext(
            "Cluster {cluster}: {answered} of {required} required answer",
            "Cluster {cluster}: {answered} of {required} required answers",
            self.required,
        ).format(cluster=self.cluster, answered=self.answered, required=self.required)
        if self.open_conflicts:
            shown = ", ".join(self.open_conflicts[:5]) + (", …" if len(self.open_conflicts) > 5 else "")
            # one message per count: the conflicts are a second sentence part, joined by the translated "; "
            conflicts = ngettext(
                "{count} open conflict from merging a colleague's copy ({question_ids})",
                "{count} open conflicts from merging a colleague's copy ({question_ids})",
                len(self.open_conflicts),
            ).format(count=len(self.open_conflicts), question_ids=shown)
            line = _("{completeness}; {conflicts}").format(completeness=line, conflicts=conflicts)
        return line


def paragraph_applies(paragraph: Paragraph, protocols: Collection[str]) -> bool:
    """Whether a paragraph is reviewed for this State party.

    Args:
        paragraph: the paragraph.
        protocols: codes of the Protocols the State party is party to.

    Convention (UNTOC) paragraphs always apply; a Protocol's paragraphs apply
    only when the State party is party to that Protocol.
    """
    return paragraph.instrument == "UNTOC" or paragraph.instrument in protocols


def paragraph_answers(paragraph: Paragraph, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers of one paragraph by question key (what rules are evaluated on)."""
    return {q.key: answers.get(q.id) for q in paragraph.questions}


def check_paragraph(
    paragraph: Paragraph, answers: Mapping[str, Any], protocols: Collection[str]
) -> ParagraphCompleteness:
    """Completeness of one paragraph (see :func:`check_completeness`)."""
    if not paragraph_applies(paragraph, protocols):
        return ParagraphCompleteness(paragraph, False, 0, 0, ())
    by_key = paragraph_answers(paragraph, answers)
    required = answered = 0
    missing = []
    for question in paragraph.questions:
        if not question.is_required(by_key):
            continue
        required += 1
        if is_answered(by_key[question.key]):
            answered += 1
        else:
            reason = "required" if question.required else f"required because {question.required_when.describe()}"  # type: ignore[union-attr]
            missing.append(MissingAnswer(question, paragraph, reason))
    return ParagraphCompleteness(paragraph, True, required, answered, tuple(missing))


def check_completeness(
    definition: Definition,
    answers: Mapping[str, Any],
    protocols: Collection[str],
    open_conflicts: Collection[str] = (),
) -> CompletenessReport:
    """Check a draft's answers against the definition's provision list.

    Args:
        definition: the cluster's questionnaire.
        answers: question id -> stored value.
        protocols: codes of the Protocols the State party is party to.
        open_conflicts: question ids with an open merge conflict (they keep the report incomplete).

    Returns:
        A :class:`CompletenessReport`; it never raises for missing or unknown answers.
    """
    return CompletenessReport(
        cluster=definition.cluster,
        paragraphs=tuple(check_paragraph(p, answers, protocols) for p in definition.paragraphs()),
        open_conflicts=tuple(sorted(open_conflicts)),
    )
