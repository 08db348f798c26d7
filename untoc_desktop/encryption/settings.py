"""The encryption settings kept in the user data folder (``encryption.json``).

Holds only public facts: the organisation (name and identity, the recovery
code's salt), the recovery recipient and its fingerprint, the user's own
public key and where its secret half is kept, and the team: colleagues'
public keys. Keys are not tied to one draft, so the team list lives here and
not in a draft's address book. No secret key and no recovery code is ever
written to this file.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs
import pyrage

from ..errors import EncryptionError
from ..files import atomic_write_text
from ..i18n import _

SETTINGS_NAME = "encryption.json"
#: Version of the file's layout; raise it and upgrade old files in :func:`_upgrade` when fields change.
SETTINGS_VERSION = 1


def data_folder() -> Path:
    """The user data folder (``platformdirs.user_data_dir("untoc_desktop")``)."""
    return Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False))


@dataclass(frozen=True)
class TeamMember:
    """A colleague who can receive encrypted copies.

    Attributes:
        name: how the user calls them (free text).
        key: their age public key (``age1…``).
    """

    name: str
    key: str


@dataclass(frozen=True)
class EncryptionSettings:
    """What the application knows about keys, all of it public.

    Attributes:
        organisation_name: printed on the recovery sheet.
        organisation_id: a UUID string, the salt of the recovery code's derivation.
        recovery_recipient: ``age1…`` derived from the recovery code, or ``""`` when none is set up.
        recovery_fingerprint: see :func:`~.recovery.fingerprint`.
        personal_key: the user's own public key (``age1…``), or ``""``.
        personal_key_storage: ``"keyring"`` or ``"file"`` (where the secret half is).
        team: colleagues' public keys.
    """

    organisation_name: str = ""
    organisation_id: str = ""
    recovery_recipient: str = ""
    recovery_fingerprint: str = ""
    personal_key: str = ""
    personal_key_storage: str = ""
    team: tuple[TeamMember, ...] = field(default_factory=tuple)

    def with_member(self, name: str, key: str) -> EncryptionSettings:
        """These settings with a colleague added (or renamed, when the key is already there).

        Raises:
            EncryptionError: ``key`` is not an age public key.
        """
        key = check_recipient(key)
        others = tuple(member for member in self.team if member.key != key)
        return replace(self, team=(*others, TeamMember(name.strip() or key[:16], key)))

    def without_member(self, key: str) -> EncryptionSettings:
        """These settings without the colleague whose key is ``key``."""
        return replace(self, team=tuple(member for member in self.team if member.key != key))

    def ensure_organisation_id(self) -> EncryptionSettings:
        """These settings with an organisation identity (a new UUID when there was none)."""
        return self if self.organisation_id else replace(self, organisation_id=str(uuid.uuid4()))


def check_recipient(key: str) -> str:
    """An age X25519 public key, stripped; raises EncryptionError with a clear message when it is not one."""
    key = key.strip()
    try:
        pyrage.x25519.Recipient.from_str(key)
    except (pyrage.RecipientError, ValueError, TypeError):
        raise EncryptionError(
            _(
                "“{key}” is not a public key. A public key starts with age1 and has 62 characters; "
                "ask your colleague to copy it again from Preferences > Encryption."
            ).format(key=key[:70])
        ) from None
    return key


def load_settings(folder: Path | None = None) -> EncryptionSettings:
    """Read the encryption settings (defaults when there are none yet).

    Raises:
        EncryptionError: the file exists but cannot be read or is malformed.
    """
    path = (folder or data_folder()) / SETTINGS_NAME
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return EncryptionSettings()
    except (OSError, ValueError) as exc:
        raise EncryptionError(
            _(
                "The encryption settings in {path} cannot be read ({problem}). Move the file away "
                "and set up encryption again."
            ).format(path=path, problem=exc)
        ) from None
    try:
        raw = _upgrade(raw)
        team = tuple(TeamMember(str(m["name"]), str(m["key"])) for m in raw.get("team", []))
        known = {name for name in EncryptionSettings.__dataclass_fields__ if name != "team"}
        values = {name: str(value) for name, value in raw.items() if name in known}
        return EncryptionSettings(team=team, **values)
    except (TypeError, KeyError, AttributeError):
        raise EncryptionError(
            _("The encryption settings in {path} are damaged. Move the file away and set up encryption again.").format(
                path=path
            )
        ) from None


def _upgrade(raw: dict) -> dict:
    if not isinstance(raw, dict) or int(raw.get("version", 1)) > SETTINGS_VERSION:
        raise TypeError("unknown layout")
    return raw


def save_settings(settings: EncryptionSettings, folder: Path | None = None) -> Path:
    """Write the settings atomically (a temporary file renamed over the old one).

    Raises:
        EncryptionError: the folder cannot be written.
    """
    folder = folder or data_folder()
    path = folder / SETTINGS_NAME
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    payload["team"] = [asdict(member) for member in settings.team]
    try:
        atomic_write_text(path, json.dumps(payload, ensure_ascii=False, indent=2))
    except OSError as exc:
        raise EncryptionError(
            _(
                "The encryption settings could not be saved in {folder} ({problem}). Free some space "
                "or check the folder's permissions."
            ).format(folder=folder, problem=exc.strerror)
        ) from None
    return path
