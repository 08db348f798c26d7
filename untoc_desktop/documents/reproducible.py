"""Reproducible exports: the same answers, options and issue time give the same bytes.

The register of what was sent (:mod:`untoc_desktop.submissions`) re-exports a recorded
snapshot and proves it identical by its SHA-256, so nothing in a file may depend on the
clock of the export: the PDF's CreationDate, ModDate and /ID (the Typst engine's ``timestamp``,
see :func:`.pdf_renderer.render_pdf`), and the Word file's core properties and zip entry
times (here) all come from the recorded issue time.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path
from typing import Any

#: Earliest time a zip entry can carry (DOS dates start in 1980).
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def save_docx(doc: Any, path: str | Path, issued_at: _dt.datetime | None) -> None:
    """Save a python-docx Document; with ``issued_at``, byte-for-byte reproducibly.

    The core properties ``created``/``modified`` are set to ``issued_at`` and every zip
    entry gets the same fixed time (the issue time's date and time in UTC).

    Args:
        doc: the python-docx Document.
        path: the file to write.
        issued_at: an aware datetime, or None to save as python-docx does.

    Raises:
        OSError: the file cannot be written.
    """
    if issued_at is None:
        doc.save(str(path))
        return
    utc = issued_at.astimezone(_dt.UTC).replace(microsecond=0, tzinfo=None)
    doc.core_properties.created = utc
    doc.core_properties.modified = utc
    doc.core_properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    t = utc.timetuple()
    stamp = max((t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec), _ZIP_EPOCH)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, open(path, "wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                entry = zipfile.ZipInfo(item.filename, date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                target.writestr(entry, source.read(item.filename))
