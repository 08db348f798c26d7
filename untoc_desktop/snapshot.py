"""The immutable picture of an open draft that exports, signing and letters are made from (plain data).

:meth:`untoc_desktop.workspace.Workspace.snapshot` takes it from the workspace's one cache of
answers. It lives in a module of its own, without the storage, so that ``documents`` and
``letters`` (which never load the storage) can take one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .draft.records import DraftInfo
from .questionnaire.model import Definition


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of the open draft: what export, signing and letters use.

    Attributes:
        path: the draft file.
        definition: the questionnaire it is answered against.
        info: its details.
        answers: question id -> value (read-only mapping; values are the stored JSON data).
        open_conflicts: ids of the questions with an open merge conflict.
        read_only: the draft was opened read-only.
    """

    path: Path
    definition: Definition
    info: DraftInfo
    answers: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    open_conflicts: tuple[str, ...] = ()
    read_only: bool = False
