"""Exporting the submission to Word or PDF from the window, on a worker thread."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ... import languages
from ...draft.records import SentEntry
from ...errors import ExportCancelled, ExportError, UntocError
from ...i18n import N_, _
from .session import DraftSession
from .workers import BackgroundOperation

log = logging.getLogger(__name__)

#: ``export_submission(definition, info, answers, out_path, fmt, *, language, progress, is_cancelled, issued_at,
#: notice) -> Path``; ``notice(message)`` reports what the user should know about a finished export.
ExportFunction = Callable[..., Path]

#: Export formats: key -> (file suffix, file dialog filter).
FORMATS: dict[str, tuple[str, str]] = {
    "docx": (".docx", N_("Word document (*.docx)")),
    "pdf": (".pdf", N_("PDF document (*.pdf)")),
}


#: Document languages offered at export, each named in its own language (never translated).
DOCUMENT_LANGUAGES: Mapping[str, str] = languages.NativeNames()


def export_submission(
    definition: Any, info: Any, answers: Any, out_path: Any, fmt: str = "docx", **kwargs: Any
) -> Path:
    """Export the submission; a PDF in a child process, imported when first needed.

    PDF (:func:`untoc_desktop.documents.child.export_in_child`): the typesetting engine is native
    code that takes up to a gigabyte for a large volume; in a child process its memory never
    stays with the window and a crash there cannot take the window down; Cancel ends the child.
    Word (:func:`untoc_desktop.documents.export_submission`) is pure Python and light: it runs on
    the worker thread, without the child's start-up time.

    Raises:
        ExportError: the documents package is missing, or the export failed.
        ExportCancelled: the user cancelled.
    """
    try:
        from ...documents import child
        from ...documents import export_submission as export_here
    except ImportError:
        raise ExportError(
            _("Export is not available in this installation (the documents module is missing).")
        ) from None
    export = child.export_in_child if fmt == "pdf" else export_here
    return export(definition, info, answers, out_path, fmt, **kwargs)


class SubmissionExporter(QObject):
    """The window's export command: asks for a file, runs the export on a worker thread, reports the outcome.

    Args:
        parent: the window (parent of the file and progress dialogs).
        export_function: see :data:`ExportFunction`.
        show_status: shows a short message (status bar).
        warn: shows a message box (title, text).
    """

    #: True when an export starts, False when it ends.
    running_changed = Signal(bool)
    #: The path of a finished export.
    exported = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        export_function: ExportFunction,
        show_status: Callable[[str], None],
        warn: Callable[[str, str], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.export_function = export_function
        self._show_status = show_status
        self._warn = warn
        self.operation: BackgroundOperation[Path] | None = None
        self._pending: tuple[DraftSession, dict[str, Any]] | None = None
        self._notices: list[str] = []
        #: Language of the exported document; ``None`` uses the draft's drafting language.
        self.document_language: str | None = None

    def ask_language(self, session: DraftSession) -> str | None:
        """Ask which language the document is written in (labels, dates, direction).

        Independent of the interface language; offered with the last choice, or
        the draft's drafting language, selected. Sets :attr:`document_language`.

        Returns:
            The chosen code (a key of :data:`DOCUMENT_LANGUAGES`), or ``None`` when the user cancels.
        """
        codes = list(DOCUMENT_LANGUAGES)
        current = self.document_language or session.info.language
        index = codes.index(current) if current in codes else 0
        names = [DOCUMENT_LANGUAGES[code] for code in codes]
        chosen, accepted = QInputDialog.getItem(
            self._parent, _("Export the submission"), _("Language of the document:"), names, index, False
        )
        if not accepted or chosen not in names:
            return None
        self.document_language = codes[names.index(chosen)]
        return self.document_language

    def ask_path(self, session: DraftSession, fmt: str) -> Path | None:
        """Ask where to write the ``fmt`` export, then the document's language; ``None`` when the user cancels."""
        suffix, file_filter = FORMATS[fmt]
        info = session.info
        name = f"{info.organization} – {info.country} – cluster {info.cluster}{suffix}".replace("/", "-")
        suggested = session.path.with_name(name)
        chosen, _selected = QFileDialog.getSaveFileName(
            self._parent, _("Export the submission"), str(suggested), _(file_filter)
        )
        if not chosen:
            return None
        path = Path(chosen)
        if self.ask_language(session) is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def start(
        self, session: DraftSession, path: Path, fmt: str, archived: dict[str, Any] | None = None
    ) -> BackgroundOperation[Path] | None:
        """Export the session's snapshot to ``path``; ``None`` when an export is already running.

        The snapshot holds every edit typed so far (:meth:`DraftSession.snapshot` stores the waiting ones first).

        ``archived`` (answers to questions no longer asked), when given, is exported in its own section.
        """
        if self.operation is not None:
            return None
        snapshot = session.snapshot()  # one immutable picture: what is exported is what is recorded
        definition, info, answers = snapshot.definition, snapshot.info, dict(snapshot.answers)
        export_function = self.export_function
        extra: dict[str, Any] = {"archived": archived} if archived else {}
        if session.report.open_conflicts:  # merge conflicts still open: the export says it is a draft
            extra["open_conflicts"] = session.report.open_conflicts
        language = self.document_language or info.language
        notices: list[str] = []  # e.g. characters the PDF cannot draw: shown when the export ends
        self._notices = notices

        # The issue time makes the file reproducible; with the snapshot it goes to the register of what was sent.
        issued_at = datetime.now().astimezone().replace(microsecond=0)
        from ...submissions import make_snapshot  # imported at the first export, not at start-up

        self._pending = (
            session,
            make_snapshot(
                info,
                answers,
                definition,
                fmt=fmt,
                language=language,
                issued_at=issued_at,
                archived=archived,
                open_conflicts=session.report.open_conflicts,
            ),
        )

        def op(progress: Callable[[int, int], None], is_cancelled: Callable[[], bool]) -> Path:
            return export_function(
                definition,
                info,
                answers,
                path,
                fmt,
                language=language,
                progress=progress,
                is_cancelled=is_cancelled,
                issued_at=issued_at,
                notice=notices.append,
                **extra,
            )

        self.operation = BackgroundOperation(
            self._parent,
            op,
            self._exported,
            self._failed,
            label=_("Exporting the submission to {name}…").format(name=path.name),
        )
        self.operation.finished.connect(self._finished)
        self.running_changed.emit(True)
        return self.operation.start()

    def cancel_and_wait(self) -> None:
        """Cancel a running export and wait for its thread (when the window closes)."""
        if self.operation is not None:
            self.operation.cancel()
            self.operation.wait()

    def _exported(self, path: Path) -> None:
        if self._pending is None:  # set before every export starts; nothing to record without it
            return
        session, snapshot = self._pending
        from ...submissions import sha256_file

        try:
            digest = sha256_file(path)
            session.workspace.record_sent(
                SentEntry(
                    kind="submission",
                    file_name=path.name,
                    format=snapshot["export"]["format"],
                    sha256=digest,
                    snapshot={**snapshot, "export_sha256": digest},
                )
            )
        except UntocError as exc:  # a read-only draft: the file is written, only its record is missing
            self._show_status(
                _("Submission exported to {path}; not recorded in Sent submissions: {reason}").format(
                    path=path, reason=exc
                )
            )
        else:
            self._show_status(_("Submission exported to {path}.").format(path=path))
        if self._notices:
            self._warn(_("The submission was exported"), "\n\n".join(self._notices))
        self.exported.emit(path)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ExportCancelled):
            self._show_status(_("Export cancelled; nothing was written."))
        elif isinstance(exc, UntocError):
            self._warn(_("The submission was not exported"), str(exc))
        else:
            log.error("export failed", exc_info=exc)
            self._warn(
                _("The submission was not exported"),
                _("An unexpected problem stopped the export: {problem}").format(problem=exc),
            )

    def _finished(self) -> None:
        if self.operation is not None:
            self.operation.deleteLater()
        self.operation = None
        self.running_changed.emit(False)
