"""Running an export in a child process, with progress and cancellation.

Typesetting a 1,200-page volume takes the engine more than a gigabyte for a few
seconds. Run in the window's process, that memory would stay with the window
(the allocator rarely gives it back), and a crash in the engine would close the
window with the user's work. :func:`export_in_child` runs
:func:`untoc_desktop.documents.export_submission` in a fresh process
(``multiprocessing`` with the ``spawn`` start method: no copy of the window's
state, no Qt in the child), relays its progress, and on Cancel ends the child
and removes its temporary file. The target file is only ever replaced by the
child's final atomic rename, so it is never half-written.
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import queue
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from ..draft.records import DraftInfo
from ..errors import ExportCancelled, ExportError, UntocError
from ..i18n import _
from ..questionnaire.model import Definition
from .target import check_export_target

#: Seconds between two looks at the Cancel button while the child works.
POLL_SECONDS = 0.1


def _child(messages: Any, arguments: dict[str, Any]) -> None:
    """The child's work: export, reporting progress and the outcome as plain tuples."""
    from . import export_submission

    def progress(done: int, total: int) -> None:
        messages.put(("progress", done, total))

    def notice(text: str) -> None:
        messages.put(("notice", text))

    try:
        path = export_submission(**arguments, progress=progress, notice=notice)
    except UntocError as exc:
        messages.put(("error", type(exc).__name__, str(exc)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which shows a message
        messages.put(("error", "ExportError", f"The export stopped: {type(exc).__name__}: {exc}"))
    else:
        messages.put(("done", str(path)))


def export_in_child(
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
    notice: Callable[[str], object] | None = None,
    issued_at: _dt.datetime | None = None,
    open_conflicts: Collection[str] = (),
) -> Path:
    """Export a submission like :func:`untoc_desktop.documents.export_submission`, in a child process.

    Arguments and result are those of ``export_submission``; ``progress`` and ``notice`` are
    called from the calling thread as the child reports, and ``is_cancelled`` is polled every
    :data:`POLL_SECONDS` (a cancelled export ends the child at once, even in the middle of
    typesetting).

    Raises:
        ExportCancelled: ``is_cancelled()`` returned True; nothing was written.
        ExportError: the export failed, or the child process ended without a result (the
            message says so); nothing was written and an existing file is unchanged.
    """
    from . import temporary_name

    out_path = check_export_target(out_path, fmt)
    temporary = temporary_name(out_path)
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    arguments = {
        "definition": definition,
        "info": info,
        "answers": dict(answers),
        "out_path": out_path,
        "fmt": fmt,
        "language": language,
        "archived": dict(archived) if archived else None,
        "temporary": temporary,
        # The issue time reaches the child: the register's snapshot exports again to the same bytes.
        "issued_at": issued_at,
        "open_conflicts": tuple(open_conflicts),
    }
    process = context.Process(target=_child, args=(messages, arguments), name="untoc-export", daemon=True)
    process.start()
    try:
        while True:
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled(_("The export was cancelled; no file was written."))
            try:
                message = messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if process.is_alive():
                    continue
                try:
                    message = messages.get(timeout=POLL_SECONDS)  # sent just before the child ended
                except queue.Empty:
                    raise ExportError(
                        _(
                            "The export stopped unexpectedly (exit code {exitcode}). Nothing was written; "
                            "please report this problem."
                        ).format(exitcode=process.exitcode)
                    ) from None
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif message[0] == "notice":
                if notice is not None:
                    notice(message[1])
            elif message[0] == "done":
                return Path(message[1])
            else:
                kind, text = message[1], message[2]
                raise (ExportCancelled if kind == "ExportCancelled" else ExportError)(text)
    finally:
        _stop(process)
        messages.close()
        temporary.unlink(missing_ok=True)


def _stop(process: Any) -> None:
    """End the child if it is still running (terminate, then kill) and reap it."""
    if process.is_alive():
        process.terminate()
        process.join(5)
        if process.is_alive():
            process.kill()
    process.join()
