"""Recognising a draft file from its first 100 bytes, without opening it as a database.

A draft is a SQLite database whose header carries ``PRAGMA application_id``
(:data:`APPLICATION_ID`, the ASCII bytes "UNTC") and ``PRAGMA user_version`` (the draft
schema version, at most :data:`SCHEMA_VERSION` for this code). Reading those bytes tells a
draft from another program's database, a newer draft, an empty or a truncated file, before
SQLite touches it. Nothing here imports SQLAlchemy or :mod:`sqlite3`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from ..errors import DraftFileError, NewerDraftError, NotADraftError
from ..i18n import _

#: File name extension of drafts.
DRAFT_SUFFIX = ".untoc"
#: The file extension of an encrypted copy of a draft (age format; see :mod:`untoc_desktop.encryption.copies`).
ENCRYPTED_COPY_SUFFIX = DRAFT_SUFFIX + ".age"
#: ``PRAGMA application_id`` of every draft file: the ASCII bytes "UNTC".
APPLICATION_ID = 0x554E5443
#: ``PRAGMA user_version``: the draft schema version this code writes.
SCHEMA_VERSION = 4
#: The first 16 bytes of every SQLite 3 database.
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Length of the SQLite file header, in bytes.
HEADER_LENGTH = 100


@dataclass(frozen=True)
class FileHeader:
    """The fields of a SQLite file header that identify a draft."""

    application_id: int
    user_version: int


def read_header(path: str | Path) -> FileHeader:
    """Read the SQLite header of ``path`` without opening it as a database.

    Raises:
        DraftFileError: the file cannot be read.
        NotADraftError: the file is not a SQLite database (empty, truncated, or another format).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_LENGTH)
    except FileNotFoundError:
        raise DraftFileError(_("The file {path} does not exist.").format(path=path)) from None
    except IsADirectoryError:
        raise DraftFileError(_("{path} is a folder, not a draft file.").format(path=path)) from None
    except OSError as exc:
        raise DraftFileError(
            _("Cannot read {path}: {problem}. Check that you may read it.").format(path=path, problem=exc.strerror)
        ) from None
    if len(header) < HEADER_LENGTH or not header.startswith(SQLITE_MAGIC):
        if not header:
            raise NotADraftError(
                _("{name} is empty. Open a .untoc draft made by this application.").format(name=path.name)
            )
        raise NotADraftError(
            _(
                "{name} is not a draft file (it is not a SQLite database, or it is damaged). Open "
                "a .untoc draft made by this application."
            ).format(name=path.name)
        )
    user_version, application_id = struct.unpack(">iI", header[60:64] + header[68:72])
    return FileHeader(application_id=application_id, user_version=user_version)


def check_draft_file(path: str | Path) -> FileHeader:
    """Check that ``path`` is a draft this version can open, touching nothing.

    Raises:
        NotADraftError: another program's SQLite file, or not SQLite at all.
        NewerDraftError: written by a newer version of the application.
        DraftFileError: the file cannot be read.
    """
    header = read_header(path)
    name = Path(path).name
    if header.application_id != APPLICATION_ID:
        raise NotADraftError(
            _(
                "{name} is a database of another program, not an untoc draft. It was not changed. Open a "
                ".untoc draft made by this application."
            ).format(name=name)
        )
    if header.user_version > SCHEMA_VERSION:
        raise NewerDraftError(
            _(
                "{name} was written by a newer version of untoc_desktop (draft format {user_version}; this "
                "version reads up to {schema_version}). It was not changed. Install the newer version to "
                "open it."
            ).format(name=name, user_version=header.user_version, schema_version=SCHEMA_VERSION)
        )
    if header.user_version < 1:
        raise NotADraftError(
            _("{name} is an incomplete draft file (no schema version). It was not changed.").format(name=name)
        )
    return header
