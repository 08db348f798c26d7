"""What the ``untoc`` command says when a draft cannot be changed: open in the application, or on read-only media.

The core's own message names the window's Save As; these say what to do at the command line,
and name the draft as it was typed (``/media/usb/veridia.untoc``, not a bare file name that could
be another draft in the current folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import _

if TYPE_CHECKING:
    from .draft.safety import LockInfo


def draft_holder(path: Path) -> LockInfo | None:
    """The lock note of the program that has ``path`` open, or None (see :func:`.draft.safety.read_lock`)."""
    from .draft.safety import read_lock

    holder = read_lock(path)
    return holder if holder is not None and not holder.is_stale else None


def read_only_message(path: Path) -> str:
    """Why a command could not change ``path``, and what to do, in the command line's own terms."""
    holder = draft_holder(path)
    if holder is not None:
        return _(
            "{name} is open in untoc_desktop (by {user} on {host} since {time}); nothing was written. "
            "Close it there, then run the command again."
        ).format(name=path, user=holder.user or "?", host=holder.host, time=holder.opened_at)
    return _(
        "{name} or its folder cannot be written (read-only file, folder or medium); nothing was written. "
        "Copy the draft to a folder you can write to and run the command on the copy."
    ).format(name=path)


def not_recorded_message(out: Path, path: Path) -> str:
    """Why the file ``out`` (an export, a signed copy) of the read-only draft ``path`` is not in its register."""
    holder = draft_holder(path)
    if holder is not None:
        return _(
            "{file} is not recorded in the register of {name}: the draft is open in untoc_desktop (by {user} "
            "on {host} since {time}). Close it there and run the command again to record it."
        ).format(file=out.name, name=path, user=holder.user or "?", host=holder.host, time=holder.opened_at)
    return _(
        "{file} is not recorded in the register of {name}: the draft or its folder cannot be written "
        "(read-only file, folder or medium). To record it, copy the draft to a folder you can write to "
        "and run the command on the copy."
    ).format(file=out.name, name=path)
