"""The versions of one answer, from the draft's change history (including changes merged from copies).

Kept for the callers of the sharing package; the history lives in :mod:`untoc_desktop.draft.history`.
"""

from __future__ import annotations

from ..draft.history import restore, versions

__all__ = ["restore", "versions"]
