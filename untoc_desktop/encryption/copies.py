"""Encrypted copies of a draft (``.untoc.age``): made for colleagues' keys, opened with one's own key or the code.

The file is a standard age file (https://age-encryption.org/v1), written and
read by ``pyrage`` (age in Rust), so the ``age`` command line opens it too.
Decryption happens in memory; the draft is written only when the whole file
was authenticated and the result passes the draft checks, and it never
replaces an existing file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyrage

from ..draft import DRAFT_SUFFIX, check_draft_file
from ..draft.connection import Connection, SQLiteError, backup_into, connect, connect_in_memory
from ..draft.draft_file import Draft
from ..draft.header import ENCRYPTED_COPY_SUFFIX
from ..errors import DraftExistsError, DraftFileError, EncryptionError, NotForYouError, UntocError
from ..files import atomic_replace, atomic_write_bytes, temporary_name
from ..i18n import _, ngettext
from .settings import check_recipient

COPY_SUFFIX = ENCRYPTED_COPY_SUFFIX
AGE_MAGIC = b"age-encryption.org/v1\n"
_HEADER_END = b"\n---"


def recipient_stanzas(data: bytes) -> int:
    """How many X25519 keys an age file was encrypted for.

    Reads only the plain-text header lines ``-> X25519 …`` (nothing is decrypted).

    Raises:
        EncryptionError: not an age file, or its header is cut short.
    """
    if not data.startswith(AGE_MAGIC):
        raise EncryptionError(
            _("This file is not an encrypted copy (an age file made by “Send an encrypted copy”). Nothing was written.")
        )
    end = data.find(_HEADER_END)
    if end < 0:
        raise EncryptionError(
            _(
                "This encrypted copy is damaged or cut short (its header is incomplete). Nothing was "
                "written; ask the sender for the copy again."
            )
        )
    lines = data[len(AGE_MAGIC) : end].split(b"\n")
    return sum(1 for line in lines if line.startswith(b"-> X25519 "))


def draft_bytes(draft_path: Path) -> bytes:
    """A consistent snapshot of a draft's file, as bytes.

    The header is checked first (a foreign or newer file is refused untouched);
    SQLite's online backup then copies the draft, opened read-only, into memory,
    which is serialised: no plain copy is written (on Python 3.10, one hidden file beside
    the draft, removed at once).

    Raises:
        NotADraftError, NewerDraftError, DraftFileError: see :func:`check_draft_file`; also a damaged database.
    """
    draft_path = Path(draft_path)
    check_draft_file(draft_path)
    try:
        source = connect(draft_path, read_only=True)
        try:
            memory = connect_in_memory()
            try:
                source.backup(memory)
                if hasattr(memory, "serialize"):  # Python 3.11+
                    return memory.serialize()
            finally:
                memory.close()
            return _snapshot_via_file(source, draft_path)
        finally:
            source.close()
    except (SQLiteError, OSError) as exc:
        raise DraftFileError(
            _("{name} could not be read ({problem}). It was not changed.").format(name=draft_path.name, problem=exc)
        ) from None


def _snapshot_via_file(source: Connection, draft_path: Path) -> bytes:
    """Python 3.10 has no ``serialize``: back up into a hidden file beside the draft, read it, remove it."""
    snapshot = temporary_name(draft_path).with_suffix(".snapshot")
    try:
        backup_into(source, snapshot)
        return snapshot.read_bytes()
    finally:
        snapshot.unlink(missing_ok=True)


def encrypt_copy(plain: bytes, recipients: Sequence[str], output: Path, *, overwrite: bool = False) -> Path:
    """Encrypt a draft's bytes for ``recipients`` and write ``output`` atomically.

    Args:
        plain: the draft file's bytes (see :func:`draft_bytes`).
        recipients: age public keys (``age1…``); duplicates are dropped.
        output: the ``.untoc.age`` file to write.
        overwrite: replace an existing ``output`` (after the user confirmed it).

    Raises:
        EncryptionError: no recipient, a malformed key, or ``output`` exists.
        DraftFileError: ``output`` cannot be written.
    """
    keys = list(dict.fromkeys(check_recipient(key) for key in recipients))
    if not keys:
        raise EncryptionError(_("Choose at least one colleague to encrypt the copy for."))
    output = Path(output)
    if output.exists() and not overwrite:
        raise DraftExistsError(
            _("{path} exists already; it was not replaced. Choose another name.").format(path=output)
        )
    sealed = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(key) for key in keys])
    _write_atomically(output, sealed)
    return output


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data, create_folder=False)
    except OSError as exc:
        raise DraftFileError(
            _("{path} could not be written ({problem}). Choose another place or free some space.").format(
                path=path, problem=exc.strerror
            )
        ) from None


def decrypt_copy(sealed: bytes, identities: Iterable[str]) -> bytes:
    """Decrypt an encrypted copy in memory with the first identity that fits.

    Args:
        sealed: the ``.untoc.age`` file's bytes.
        identities: age identity strings (``AGE-SECRET-KEY-1…``): the user's key, the recovery identity.

    Returns:
        The draft's bytes, authenticated by age (a changed or cut file is refused).

    Raises:
        NotForYouError: none of ``identities`` is among the file's recipients.
        EncryptionError: not an age file, or damaged or truncated.
    """
    count = recipient_stanzas(sealed)
    try:
        keys = [pyrage.x25519.Identity.from_str(identity.strip()) for identity in identities]
    except (pyrage.IdentityError, ValueError):
        raise EncryptionError(
            _("The key given is not an age secret key (AGE-SECRET-KEY-1…). Nothing was written.")
        ) from None
    try:
        return pyrage.decrypt(sealed, keys)
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise NotForYouError(
                ngettext(
                    "This copy was not encrypted for you; it was encrypted for {count} key, not yours. Nothing was "
                    "written. Ask the sender to encrypt it for your public key, or open it with the recovery code.",
                    "This copy was not encrypted for you; it was encrypted for {count} keys, none of them yours. "
                    "Nothing was written. Ask the sender to encrypt it for your public key, or open it with the "
                    "recovery code.",
                    count,
                ).format(count=count),
                count,
            ) from None
        raise EncryptionError(
            _(
                "This encrypted copy is damaged or cut short (it fails age's integrity check). "
                "Nothing was written; ask the sender for the copy again."
            )
        ) from None


def free_draft_name(copy_path: Path) -> Path:
    """A name for the decrypted draft beside the copy that no existing file has.

    ``report.untoc.age`` gives ``report.untoc``, then ``report (2).untoc``…
    """
    copy_path = Path(copy_path)
    name = copy_path.name
    stem = name[: -len(COPY_SUFFIX)] if name.lower().endswith(COPY_SUFFIX) else copy_path.stem
    candidate = copy_path.with_name(stem + DRAFT_SUFFIX)
    number = 2
    while candidate.exists():
        candidate = copy_path.with_name(f"{stem} ({number}){DRAFT_SUFFIX}")
        number += 1
    return candidate


def write_decrypted_draft(plain: bytes, target: Path) -> Path:
    """Write decrypted bytes as a new draft, after the normal draft checks, never replacing a file.

    The bytes go to a hidden temporary file beside ``target`` that must pass
    :func:`check_draft_file` and open as a draft; it is then linked to
    ``target`` only if no file has that name.

    Raises:
        DraftExistsError: ``target`` exists.
        NotADraftError, NewerDraftError, DraftFileError: the content is not a draft this version opens.
    """
    target = Path(target)
    if target.exists():
        raise DraftExistsError(
            _("{path} exists already; it was not replaced. Choose another name.").format(path=target)
        )

    def write_checked(temporary: Path) -> None:
        temporary.write_bytes(plain)
        check_draft_file(temporary)
        with Draft.open(temporary, read_only=True) as draft:
            draft.info  # noqa: B018 - reading the details proves the tables are there

    try:
        # Linked to ``target`` only if no file has that name at that moment: never overwrite.
        atomic_replace(target, write_checked, overwrite=False, create_folder=False)
    except FileExistsError:
        raise DraftExistsError(
            _("{path} exists already; it was not replaced. Choose another name.").format(path=target)
        ) from None
    except UntocError:
        raise
    except OSError as exc:
        raise DraftFileError(
            _("{path} could not be written ({problem}). Choose another place or free some space.").format(
                path=target, problem=exc.strerror
            )
        ) from None
    return target
