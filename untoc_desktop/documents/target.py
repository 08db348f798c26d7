"""Where an export may be written: never over a draft, a folder or a device.

Used by every export (submissions and letters) before anything is written.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import ExportError
from ..i18n import _

_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_export_target(out_path: str | Path, fmt: str) -> Path:
    """Check that an export in format ``fmt`` may be written at ``out_path``.

    A symbolic link is followed (the export replaces the file it points to, not
    the link) only when it points to an earlier export of the same format: a
    name ending with the format's extension, and either no file yet or a file
    that is a PDF (``%PDF``) / Word document (a zip archive). A link to any
    other file (``~/.bashrc``, a document of another kind) is refused, so a link
    planted in a folder can never make an export replace an unrelated file.

    Args:
        out_path: the chosen file name.
        fmt: ``docx`` or ``pdf``: the name must end with ``.docx`` or ``.pdf``.

    Returns:
        The resolved path to write.

    Raises:
        ExportError: the name does not end with the format's extension, or the
            path is a draft (any SQLite file), a folder or a device; nothing is
            written and the existing file is untouched.
    """
    path = Path(out_path)
    suffix = f".{fmt}"
    if path.suffix.lower() != suffix:
        raise ExportError(
            _(
                "The file name {name} does not end with {suffix}. Choose a name ending with {suffix}, so "
                "that the export cannot replace another file by mistake."
            ).format(name=path.name, suffix=suffix)
        )
    resolved = path.resolve()
    through_link = path.is_symlink() or resolved != path.absolute()
    link_elsewhere = ExportError(
        f"{path.name} is a link to {resolved}, which is not a {fmt} file; an export never replaces the file a "
        "link points to unless it is an earlier export. Choose another file name."
    )
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        if through_link and resolved.suffix.lower() != suffix:
            raise link_elsewhere from None
        return resolved
    except OSError as exc:
        raise ExportError(
            _("Cannot use {path}: {problem}. Choose another file name.").format(path=path, problem=exc.strerror)
        ) from None
    if not stat.S_ISREG(mode):
        raise ExportError(
            _("{path} is not an ordinary file (a folder or a device). Choose another file name.").format(path=path)
        )
    if through_link and resolved.suffix.lower() != suffix:
        raise link_elsewhere
    try:
        with resolved.open("rb") as handle:
            is_database = handle.read(16) == _SQLITE_MAGIC
    except OSError:
        is_database = False
    if is_database:
        raise ExportError(
            _(
                "{name} is a draft or another database; an export will never replace it. Choose another file name."
            ).format(name=path.name)
        )
    if through_link and not _looks_like(resolved, fmt):
        raise ExportError(
            _(
                "{name} is a link to {resolved}, which is not a {fmt} document; an export never replaces "
                "it. Choose another file name."
            ).format(name=path.name, resolved=resolved, fmt=fmt)
        )
    return resolved


_MAGIC = {"pdf": (b"%PDF",), "docx": (b"PK\x03\x04", b"PK\x05\x06")}


def _looks_like(path: Path, fmt: str) -> bool:
    """Whether an existing file starts as a document of ``fmt`` does (an empty file counts)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError:
        return False
    return not start or start.startswith(_MAGIC.get(fmt, (b"",)))
