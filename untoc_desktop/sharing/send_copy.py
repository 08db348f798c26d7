"""File > Send a copy: a self-contained copy of the draft for a colleague.

The copy keeps the draft's identity (``draft_uuid``), so it can be merged back
(:mod:`.merge`); its default author is the colleague, so each change they make
is recorded under their name. The articles assigned to them, if any, are
recorded in both files (draft property ``assignment`` in the copy, ``copies_sent``
in the draft).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..draft import DRAFT_SUFFIX, properties
from ..draft.draft_file import Draft
from ..errors import DraftExistsError
from ..i18n import _

#: Draft property of a copy: who it was sent to, by whom, when, which articles.
ASSIGNMENT_PROPERTY = properties.ASSIGNMENT
#: Draft property of the original: the copies sent from it.
COPIES_SENT_PROPERTY = properties.COPIES_SENT


def send_copy(
    draft: Draft, target: str | Path, colleague: str, articles: Sequence[str] = (), sent_by: str | None = None
) -> Path:
    """Write a copy of ``draft`` for ``colleague`` to ``target``.

    Args:
        draft: the open draft.
        target: the copy's file (``.untoc`` added when missing); never an existing file.
        colleague: the colleague's name, recorded as the copy's author.
        articles: ids of the articles assigned to them (e.g. ``"UNTOC.5"``); empty: the whole draft.
        sent_by: who sends it (default: the draft's author).

    Returns:
        The copy's path.

    Raises:
        DraftExistsError: ``target`` exists (it is not overwritten).
        DraftFileError: the copy could not be written.
    """
    target = Path(target)
    if target.suffix.lower() != DRAFT_SUFFIX:
        target = target.with_name(target.name + DRAFT_SUFFIX)
    if target.exists():
        raise DraftExistsError(
            _("{target} already exists. Choose another name; the existing file was not changed.").format(target=target)
        )
    sent_at = datetime.now(UTC).isoformat(timespec="seconds")
    assignment = properties.Assignment(
        colleague=colleague,
        articles=list(articles),
        sent_by=sent_by or draft.info.author,
        sent_at=sent_at,
        copy_name=target.name,
    )
    draft.save_copy(target)
    with Draft.open(target) as copy:
        copy.update_info(author=colleague)
        properties.set_assignment(copy, assignment)
    properties.add_copy_sent(draft, assignment)
    return target
