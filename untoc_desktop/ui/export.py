"""Exporting the submission to Word or PDF from the window, on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..i18n import _

#: ``export_submission(definition, info, answers, out_path, fmt, *, language, progress, is_cancelled) -> Path``
ExportFunction = Callable[..., Path]

#: Export formats: key -> (file suffix, file dialog filter).
FORMATS: dict[str, tuple[str, str]] = {
    "docx": (".docx", "Word document (*.docx)"),
    "pdf": (".pdf", "PDF document (*.pdf)"),
}


def export_submission(*args: Any, **kwargs: Any) -> Path:
    """Call :func:`untoc_desktop.documents.export_submission`, imported only when first needed.

    Raises:
        ExportError: the documents package is missing, or the export failed.
        ExportCancelled: the user cancelled.
    """
    try:
        from ..documents import export_submission as export
    except ImportError:
        raise ExportError(_("Export is not available in this installation (the documents module is missing).")) from None
    return export(*args, **kwargs)
