"""Carrying a draft's answers over to a newer version of its questionnaire definition.

Answers are keyed by stable question id. When a definition changes:

* an answer whose id is still asked is carried over as it is;
* an answer whose id the new definition lists under ``renamed`` moves to the new id;
* an answer to a paragraph the new definition lists under ``moved_paragraphs``
  (a whole article now asked paragraph by paragraph, or a paragraph split in
  parts) moves to the first listed paragraph that asks the same question;
* an answer to a question that no longer exists is *archived*: it stays in the
  draft, is listed in the "archived answers" section and can be exported on
  request, and the upgrade report says why. Nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Definition


@dataclass(frozen=True)
class CarryOver:
    """What happens to a draft's answers under a definition.

    Attributes:
        carried: ids answered and still asked.
        moved: (old id, new id) pairs for renamed or moved questions.
        archived: ids of answers to questions the definition no longer asks.
        conflicts: (old id, new id) pairs not moved because the new id already has an answer
            (the old answer is archived instead).
        reasons: archived id -> why it was archived, in English.
    """

    carried: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]
    archived: tuple[str, ...]
    conflicts: tuple[tuple[str, str], ...] = ()
    reasons: Mapping[str, str] = field(default_factory=dict)

    @property
    def changes_anything(self) -> bool:
        """True when answers move or are archived."""
        return bool(self.moved or self.archived)

    def describe(self) -> list[str]:
        """English lines for a report shown to the user."""
        lines = [f"{len(self.carried)} answer(s) carried over unchanged."]
        lines += [f"Moved: {old} -> {new}" for old, new in self.moved]
        conflicted = {old for old, _new in self.conflicts}
        lines += [
            f"Archived ({self.reasons.get(qid, 'question removed')}): {qid}"
            for qid in self.archived
            if qid not in conflicted
        ]
        lines += [f"Kept in the archive, as {new} already has an answer: {old}" for old, new in self.conflicts]
        return lines


def plan_carry_over(definition: Definition, answers: Mapping[str, Any]) -> CarryOver:
    """Decide what happens to ``answers`` (question id -> value) under ``definition``."""
    asked = {q.id for q in definition.questions()}
    carried, moved, archived, conflicts = [], [], [], []
    reasons: dict[str, str] = {}
    taken = set(answers)
    for question_id in answers:
        if question_id in asked:
            carried.append(question_id)
            continue
        target = _follow(definition.renamed, question_id)
        if target not in asked:
            target = _moved_target(definition, target, asked)
        if target in asked and target not in taken:
            moved.append((question_id, target))
            taken.add(target)
        else:
            archived.append(question_id)
            if target in asked:
                conflicts.append((question_id, target))
            else:
                reasons[question_id] = _archive_reason(definition, question_id)
    return CarryOver(tuple(carried), tuple(moved), tuple(archived), tuple(conflicts), reasons)


def _moved_target(definition: Definition, question_id: str, asked: set[str]) -> str:
    """Where ``moved_paragraphs`` sends an answer: the first listed paragraph asking the same key."""
    paragraph_id, _dot, key = question_id.rpartition(".")
    for candidate in definition.moved_paragraphs.get(paragraph_id, ()):
        if f"{candidate}.{key}" in asked:
            return f"{candidate}.{key}"
    return question_id


def _archive_reason(definition: Definition, question_id: str) -> str:
    """Why an answer is archived, in English (for the upgrade report)."""
    paragraph_id = question_id.rpartition(".")[0]
    targets = definition.moved_paragraphs.get(paragraph_id)
    if targets and paragraph_id.endswith(".all"):
        return "the article is now asked paragraph by paragraph and none of its paragraphs asks this question"
    if targets:
        classes = []
        for target in targets:
            try:
                classes.append(definition.paragraph(target).obligation)
            except KeyError:
                continue
        return (
            f"the paragraph is now {' / '.join(targets)}, classed as '{', '.join(dict.fromkeys(classes))}', "
            "which asks other questions"
        )
    try:
        paragraph = definition.paragraph(paragraph_id)
    except KeyError:
        return "question removed"
    if not paragraph.questions:
        return "the paragraph creates no obligation and no longer asks questions"
    key = question_id.rpartition(".")[2]
    if any(q.key == key for q in definition.questions()):
        return f"the paragraph is now classed as '{paragraph.obligation}' and asks other questions"
    return "question removed"


def _follow(renamed: Mapping[str, str], question_id: str) -> str:
    seen = {question_id}
    while question_id in renamed:
        question_id = renamed[question_id]
        if question_id in seen:  # a cycle in a hand-edited file: stop where we are
            break
        seen.add(question_id)
    return question_id


def carried_answers(definition: Definition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers as the definition sees them: moved ids renamed, archived ones left out (read-only view)."""
    plan = plan_carry_over(definition, answers)
    view = {qid: answers[qid] for qid in plan.carried}
    view.update({new: answers[old] for old, new in plan.moved})
    return view


def archived_answers(definition: Definition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers to questions the definition no longer asks (kept, never dropped)."""
    plan = plan_carry_over(definition, answers)
    return {qid: answers[qid] for qid in plan.archived}
