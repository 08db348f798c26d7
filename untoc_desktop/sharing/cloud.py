"""Finding the "conflicted copies" that cloud folders leave beside a draft.

When two people change a synchronised file at once, the sync service keeps
both, naming the second after the first:

* Dropbox: ``name (Amina's conflicted copy 2026-01-01).untoc``
* Nextcloud / ownCloud: ``name (conflicted copy 2026-01-01 120000).untoc``
* OneDrive: ``name-HOSTNAME.untoc`` (the computer's name appended)
* Syncthing: ``name.sync-conflict-20260101-120000-ABCDEFG.untoc``
"""

from __future__ import annotations

import re
from pathlib import Path

from ..draft import DRAFT_SUFFIX


def _patterns(stem: str) -> list[re.Pattern[str]]:
    name = re.escape(stem)
    suffix = re.escape(DRAFT_SUFFIX)
    return [
        re.compile(rf"{name} \([^()]*conflicted copy[^()]*\){suffix}", re.IGNORECASE),  # Dropbox, Nextcloud
        re.compile(rf"{name}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{suffix}"),  # Syncthing
        re.compile(rf"{name}-[A-Za-z0-9][A-Za-z0-9_-]{{0,62}}{suffix}"),  # OneDrive: name-HOSTNAME
    ]


def conflicted_copies(draft_path: str | Path) -> list[Path]:
    """Files beside ``draft_path`` named like a sync service's conflicted copy of it, sorted by name.

    Only names are compared; whether a file really is a copy of the draft is checked when
    it is merged (see :func:`untoc_desktop.sharing.merge.merge_into`).
    """
    path = Path(draft_path)
    patterns = _patterns(path.stem)
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    return sorted(
        p for p in siblings if p != path and p.is_file() and any(pattern.fullmatch(p.name) for pattern in patterns)
    )
