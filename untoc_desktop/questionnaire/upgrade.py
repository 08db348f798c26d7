"""Carrying a draft's answers over to a newer version of its questionnaire definition.

Answers are keyed by stable question id. When a definition changes:

* an answer whose id is still asked is carried over as it is;
* an answer whose id the new definition lists under ``renamed`` moves to the new id;
* an answer to a question that no longer exists is *archived*: it stays in the
  draft, is listed in the "archived answers" section and can be exported on
  request. Nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
    """

    carried: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]
    archived: tuple[str, ...]
    conflicts: tuple[tuple[str, str], ...] = ()

    @property
    def changes_anything(self) -> bool:
        """True when answers move or are archived."""
        return bool(self.moved or self.archived)

    def describe(self) -> list[str]:
        """English lines for a report shown to the user."""
        lines = [f"{len(self.carried)} answer(s) carried over unchanged."]
        lines += [f"Moved: {old} -> {new}" for old, new in self.moved]
        lines += [f"Archived (question removed): {qid}" for qid in self.archived]
        lines += [f"Kept in the archive, as {new} already has an answer: {old}" for old, new in self.conflicts]
        return lines


def plan_carry_over(definition: Definition, answers: Mapping[str, Any]) -> CarryOver:
    """Decide what happens to ``answers`` (question id -> value) under ``definition``."""
    asked = {q.id for q in definition.questions()}
    carried, moved, archived, conflicts = [], [], [], []
    for question_id in answers:
        if question_id in asked:
            carried.append(question_id)
            continue
        target = _follow(definition.renamed, question_id)
        if target in asked and target not in answers:
            moved.append((question_id, target))
        else:
            archived.append(question_id)
            if target in asked:
                conflicts.append((question_id, target))
    return CarryOver(tuple(carried), tuple(moved), tuple(archived), tuple(conflicts))


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
