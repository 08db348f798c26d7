"""Export of submissions to Word and PDF: one document model, two renderers.

:func:`export_submission` is what the UI and the command line call. It
checks completeness, builds the document model (:mod:`.submission`), and
renders it with :mod:`.docx_renderer` or :mod:`.pdf_renderer` into a
temporary file in the target folder, renamed into place only when complete.
:func:`.child.export_in_child` runs the same export in a child process (the
window uses it: the typesetting engine's memory never lands in the window's
process, and a crash there cannot take the window down).
"""

from __future__ import annotations

import datetime as _dt
import errno
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from ..draft.records import DraftInfo
from ..errors import ExportCancelled, ExportError
from ..files import atomic_replace
from ..files import temporary_name as _temporary_name
from ..i18n import _
from ..questionnaire.model import Definition
from ..validation import check_completeness
from .model import Document
from .submission import build_submission
from .target import check_export_target
from .text import clean_text

#: Export formats and their file extensions.
FORMATS: dict[str, str] = {"docx": ".docx", "pdf": ".pdf"}

_ADVICE = {
    errno.ENOSPC: "Free some space or choose another folder.",
    errno.EDQUOT: "Free some space or choose another folder.",
    errno.EACCES: "Check that you may write there, or choose another folder.",
    errno.EPERM: "Check that you may write there, or choose another folder.",
    errno.EROFS: "The folder is read-only; choose another folder.",
    errno.ENOENT: "The folder does not exist; choose another folder.",
    errno.ENOTDIR: "The folder does not exist; choose another folder.",
    errno.ENAMETOOLONG: "Choose a shorter file name.",
}


class _Progress:
    """Counts rendering steps, reports them, and stops the export when asked."""

    def __init__(
        self,
        total: int,
        progress: Callable[[int, int], object] | None,
        is_cancelled: Callable[[], bool] | None,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._is_cancelled = is_cancelled
        self._every = max(1, self.total // 100)  # about a hundred reports per export

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise ExportCancelled(_("The export was cancelled; no file was written."))

    def tick(self) -> None:
        self.done = min(self.done + 1, self.total - 1)
        if self.done % self._every == 0:
            self.check()
            if self._progress is not None:
                self._progress(self.done, self.total)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)


def _os_error_message(path: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    advice = _ADVICE.get(exc.errno or 0, "Choose another folder or file name.")
    return f"Could not write {path}: {reason}. {advice}"


def render(
    document: Document,
    path: str | Path,
    fmt: str,
    *,
    tick: Callable[[], None] | None = None,
    issued_at: _dt.datetime | None = None,
    notice: Callable[[str], object] | None = None,
) -> None:
    """Render a document model to ``path`` in ``fmt`` (no temporary file, no error wrapping).

    Args:
        document: the document model.
        path: file to write.
        fmt: ``"docx"`` or ``"pdf"``.
        tick: called at each rendering step.
        issued_at: the issue time; when given the file is reproducible (see :mod:`.reproducible`).
        notice: called with a user-facing message about the result, e.g. characters the
            PDF cannot draw (also logged).

    Raises:
        ValueError: unknown format.
        OSError: the file cannot be written.
    """
    if fmt == "docx":
        from .docx_renderer import render_docx

        render_docx(document, path, tick=tick, issued_at=issued_at)
    elif fmt == "pdf":
        from .pdf_renderer import render_pdf

        render_pdf(document, path, tick=tick, issued_at=issued_at, notice=notice)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def export_submission(
    definition: Definition,
    info: DraftInfo,
    answers: Mapping[str, Any],
    out_path: str | Path,
    fmt: str = "docx",
    *,
    language: str | None = None,
    progress: Callable[[int, int], object] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    archived: Mapping[str, Any] | None = None,
    issued_at: _dt.datetime | None = None,
    open_conflicts: Collection[str] = (),
    temporary: str | Path | None = None,
    notice: Callable[[str], object] | None = None,
) -> Path:
    """Export a draft's answers as a Word or PDF submission.

    The file is written under a temporary name in the target folder and
    renamed into place at the end, so a failed or cancelled export never
    leaves half a file (an existing file at ``out_path`` is replaced only on
    success).

    Args:
        definition: the cluster's questionnaire definition.
        info: the draft's description (organisation, country, Protocols).
        answers: question id -> stored value, as ``Draft.answers()`` returns.
        out_path: the file to create or replace.
        fmt: ``"docx"`` or ``"pdf"``.
        language: document language for fixed wording, dates and direction
            (``en``, ``fr``, ``es``, ``ar``, ``ru``, ``zh``; other codes fall
            back to English); ``None`` (the default) uses the draft's drafting
            language, ``info.language``. Independent of the interface language.
        progress: called as ``progress(done, total)`` about a hundred times,
            from the calling thread, ending with ``done == total``.
        is_cancelled: polled during rendering; when it returns True the
            export stops.
        archived: answers to questions no longer asked, exported on request in an
            "Archived answers" section (see :func:`build_submission`).
        issued_at: the issue time (aware datetime): its date is printed on the cover and it is
            the file's creation time; the same answers, options and ``issued_at`` then give the
            same bytes (see :mod:`.reproducible`). ``None``: today, not reproducible.
        open_conflicts: question ids with an open conflict from merging a colleague's copy; while any
            is open the export is marked as a draft.
        temporary: where to write before renaming into place; must be in the same folder
            as ``out_path``. ``None`` (the default) picks a hidden name there. Given by
            :func:`.child.export_in_child`, which removes it when it stops the export.
        notice: called with user-facing messages about the result that are not errors
            (characters the PDF cannot draw), once each.

    Returns:
        ``out_path`` as a Path.

    Raises:
        ExportCancelled: ``is_cancelled()`` returned True; nothing was written.
        ExportError: unknown format, or the file could not be written (the
            message says why and what to do); nothing was written.
    """
    if fmt not in FORMATS:
        raise ExportError(_("Cannot export as {fmt!r}: choose Word (docx) or PDF.").format(fmt=fmt))
    out_path = check_export_target(out_path, fmt)
    report = check_completeness(definition, answers, info.protocols, open_conflicts)
    language = language or info.language or "en"
    today = issued_at.date() if issued_at is not None else None
    document = build_submission(definition, info, answers, report, language, archived=archived, today=today)
    steps = len(document.blocks) * (2 if fmt == "pdf" else 1)
    counter = _Progress(steps, progress, is_cancelled)
    counter.check()
    # Passed only when given, so a renderer (or a test's stand-in) without them still works.
    extra: dict[str, Any] = {"issued_at": issued_at} if issued_at else {}
    if notice is not None:
        extra["notice"] = notice

    def write(path: Path) -> None:
        render(document, path, fmt, tick=counter.tick, **extra)
        counter.check()

    try:
        atomic_replace(out_path, write, temporary=temporary, create_folder=False)
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(_os_error_message(out_path, exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a renderer failure must reach the user as a message
        detail = clean_text(str(exc)) or type(exc).__name__
        raise ExportError(
            _(
                "Could not export the submission to {name}: {detail}. Nothing was written; please report this problem."
            ).format(name=out_path.name, detail=detail)
        ) from exc
    counter.finish()
    return out_path


def temporary_name(out_path: Path) -> Path:
    """A hidden, unique name beside ``out_path`` to write to before the atomic rename (not created)."""
    return _temporary_name(out_path)


__all__ = ["FORMATS", "build_submission", "export_submission", "render"]
