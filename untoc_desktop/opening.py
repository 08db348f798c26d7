"""Opening a draft together with the questionnaire it is answered against.

This is the one place that decides which definition a draft is shown with and
carries its answers over when that definition is newer than the one the draft
was written against (see :mod:`untoc_desktop.questionnaire.upgrade`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .draft import Draft
from .questionnaire.model import Definition
from .questionnaire.registry import DefinitionRegistry, version_key
from .questionnaire.upgrade import CarryOver, plan_carry_over


@dataclass
class OpenedDraft:
    """An open draft, its definition, and what was carried over on opening.

    Attributes:
        draft: the open draft (close it when done).
        definition: the questionnaire it is shown with.
        carry_over: what happened to the answers; ``upgraded_from`` says whether
            the definition version changed.
        upgraded_from: the definition version the draft was written against,
            when it was upgraded on this opening, else "".
    """

    draft: Draft
    definition: Definition
    carry_over: CarryOver
    upgraded_from: str = ""


def open_draft(path: str | Path, registry: DefinitionRegistry | None = None, read_only: bool = False) -> OpenedDraft:
    """Open a draft and bring it to the newest available version of its definition.

    Moved questions' answers are moved (recorded in the history), removed
    questions' answers stay in the draft as archived answers, and the draft
    records the new definition version. A read-only draft is only viewed
    through the plan, never written.

    Raises:
        UntocError: from :meth:`Draft.open` or when no definition fits the draft.
    """
    registry = registry or DefinitionRegistry()
    draft = Draft.open(path, read_only=read_only)
    try:
        info = draft.info
        definition = registry.for_draft(info.definition_id, info.cluster)
        plan = plan_carry_over(definition, draft.answers())
        upgraded_from = ""
        newer = not info.definition_version or version_key(definition.version) > version_key(info.definition_version)
        if not read_only and (newer or info.definition_id != definition.id):
            if plan.moved:
                draft.move_answers(dict(plan.moved))
            upgraded_from = info.definition_version
            draft.update_info(definition_id=definition.id, definition_version=definition.version)
        return OpenedDraft(draft, definition, plan, upgraded_from)
    except BaseException:
        draft.close()
        raise
