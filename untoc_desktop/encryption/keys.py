"""The user's personal key: an age X25519 identity, kept in the OS keyring or in a passphrase-protected file.

The keyring (the ``keyring`` package: Windows Credential Manager, macOS
Keychain, the Secret Service on Linux desktops) is used when it offers a real,
secure backend. Without one (headless Linux, tests), the identity is written
to ``personal-key.age`` in the user data folder, encrypted with a passphrase
by age's own passphrase encryption (scrypt, through ``pyrage.passphrase``).
The public half is kept in the encryption settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pyrage

from ..errors import EncryptionError
from ..files import atomic_write_bytes
from ..i18n import _
from .settings import EncryptionSettings, data_folder, load_settings, save_settings

log = logging.getLogger(__name__)

KEYRING_SERVICE = "untoc_desktop"
KEYRING_ENTRY = "personal-age-identity"
KEY_FILE_NAME = "personal-key.age"
# Backends that are no keyring at all, or that keep secrets in clear text.
_REFUSED_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def usable_keyring() -> object | None:
    """The OS keyring backend when it is a real and secure one, else ``None``.

    Refuses the "fail" and "null" backends and the plain-text/obfuscated file
    backends of ``keyrings.alt``; of a chained keyring, the first usable member
    is returned (so a secret never falls through to a refused member).
    """
    try:
        import keyring
        from keyring.backends.chainer import ChainerBackend

        backend = keyring.get_keyring()
        members = backend.backends if isinstance(backend, ChainerBackend) else [backend]
        usable = [
            member
            for member in members
            if not type(member).__module__.startswith(_REFUSED_BACKENDS)
            and "plaintext" not in type(member).__name__.lower()
            and getattr(member, "priority", 1) > 0
        ]
    except Exception:  # noqa: BLE001 - a broken keyring installation (or D-Bus without a Secret Service) means none
        log.debug("no keyring backend available", exc_info=True)
        return None
    return usable[0] if usable else None  # a usable member itself, never a chain that could reach a refused one


def key_file(folder: Path | None = None) -> Path:
    """Where the passphrase-protected personal key is kept."""
    return (folder or data_folder()) / KEY_FILE_NAME


def create_personal_key(
    passphrase: str | None = None, *, folder: Path | None = None, use_keyring: bool | None = None
) -> EncryptionSettings:
    """Make the user's personal key and keep it; return the settings holding its public half.

    Args:
        passphrase: protects the key file when there is no keyring (required then).
        folder: the user data folder (default: the user's).
        use_keyring: ``None`` to use the keyring when one is usable; ``False`` forces the file.

    Raises:
        EncryptionError: a personal key exists already, or there is no keyring and no passphrase,
            or the key cannot be stored.
    """
    settings = load_settings(folder)
    if settings.personal_key:
        raise EncryptionError(
            _("You already have a personal key ({key}). Keep using it: colleagues encrypt copies for it.").format(
                key=settings.personal_key
            )
        )
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    backend = usable_keyring() if use_keyring is not False else None
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, KEYRING_ENTRY, str(identity))  # type: ignore[attr-defined]
            storage = "keyring"
        except Exception:  # noqa: BLE001 - a locked or refusing keyring: fall back to the file
            log.warning("the keyring refused the personal key; using a passphrase-protected file")
            backend = None
    if backend is None:
        if not passphrase:
            raise EncryptionError(
                _(
                    "There is no keyring on this computer, so the personal key is kept in a file "
                    "protected by a passphrase. Choose a passphrase."
                )
            )
        _write_key_file(key_file(folder), pyrage.passphrase.encrypt(str(identity).encode("ascii"), passphrase))
        storage = "file"
    settings = replace(settings, personal_key=public, personal_key_storage=storage)
    save_settings(settings, folder)
    return settings


def _write_key_file(path: Path, data: bytes) -> None:
    if path.exists():
        raise EncryptionError(
            _("{path} exists already; it was not replaced. Move it away if it is no longer needed.").format(path=path)
        )
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise EncryptionError(
            _("The personal key could not be saved in {folder} ({problem}).").format(
                folder=path.parent, problem=exc.strerror
            )
        ) from None


def needs_passphrase(folder: Path | None = None) -> bool:
    """Whether reading the personal key asks for the passphrase (it is kept in a file)."""
    return load_settings(folder).personal_key_storage == "file"


def load_personal_identity(ask_passphrase: Callable[[], str | None], *, folder: Path | None = None) -> str:
    """The user's personal identity (``AGE-SECRET-KEY-1…``), to keep in memory only.

    Args:
        ask_passphrase: called when the key is in a file; returns the passphrase, or ``None`` to cancel.
        folder: the user data folder (default: the user's).

    Raises:
        EncryptionError: no personal key, the keyring lost it, wrong passphrase, cancelled.
    """
    settings = load_settings(folder)
    if not settings.personal_key:
        raise EncryptionError(
            _("You have no personal key yet. Create one in Preferences > Encryption (or with “untoc key create”).")
        )
    if settings.personal_key_storage == "keyring":
        backend = usable_keyring()
        secret = None
        if backend is not None:
            try:
                secret = backend.get_password(KEYRING_SERVICE, KEYRING_ENTRY)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                log.debug("the keyring could not be read", exc_info=True)
        if not secret:
            raise EncryptionError(
                _(
                    "Your personal key is not in this computer's keyring any more (or the keyring is "
                    "locked). Unlock the keyring, or open the copy with the recovery code."
                )
            )
        return secret
    try:
        sealed = key_file(folder).read_bytes()
    except OSError:
        raise EncryptionError(
            _("Your personal key file {path} is missing. Open the copy with the recovery code.").format(
                path=key_file(folder)
            )
        ) from None
    passphrase = ask_passphrase()
    if passphrase is None:
        raise EncryptionError(_("Cancelled: the personal key was not unlocked, so nothing was opened."))
    try:
        return pyrage.passphrase.decrypt(sealed, passphrase).decode("ascii")
    except (pyrage.DecryptError, UnicodeDecodeError):
        raise EncryptionError(
            _("Wrong passphrase: the personal key was not unlocked, so nothing was opened. Try again.")
        ) from None
