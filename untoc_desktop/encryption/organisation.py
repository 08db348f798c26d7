"""The organisation's operations on encrypted copies, shared by the window and the command line.

Setting up the recovery code (shown once, printed on the sheet, never
stored), choosing the recipients of a copy, and opening a copy into a new
draft beside it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import EncryptionError
from ..i18n import _
from .copies import decrypt_copy, write_decrypted_draft
from .recovery import derive_recovery_identity, fingerprint, new_recovery_code, recipient_of
from .settings import EncryptionSettings, check_recipient, load_settings, save_settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrganisationRecovery:
    """A recovery code just set up.

    Attributes:
        code: the code (canonical form): show it once, never store or log it.
        recipient: the age recipient derived from it (stored in the settings).
        fingerprint: the recipient's fingerprint (printed on the sheet).
        sheet: the recovery sheet PDF written.
    """

    code: str
    recipient: str
    fingerprint: str
    sheet: Path

    def __repr__(self) -> str:  # keeps the code out of logs and tracebacks
        return f"OrganisationRecovery(recipient={self.recipient!r}, sheet={str(self.sheet)!r})"


def set_up_recovery(
    organisation_name: str,
    sheet_path: Path,
    *,
    language: str = "en",
    folder: Path | None = None,
    replace_existing: bool = False,
) -> OrganisationRecovery:
    """Make a new recovery code, print its sheet, and store only the recipient derived from it.

    Args:
        organisation_name: printed on the sheet and kept in the settings.
        sheet_path: where the recovery sheet PDF is written (before anything is stored).
        language: the sheet's language.
        folder: the user data folder (default: the user's).
        replace_existing: allow replacing an existing recovery recipient (copies made
            before still need the old code).

    Raises:
        EncryptionError: a recovery code exists already and ``replace_existing`` is false, or no name.
        ExportError: the sheet could not be written (nothing was stored).
    """
    settings = load_settings(folder).ensure_organisation_id()
    name = organisation_name.strip()
    if not name:
        raise EncryptionError(_("Type the organisation's name: it is printed on the recovery sheet."))
    if settings.recovery_recipient and not replace_existing:
        raise EncryptionError(
            _(
                "The organisation already has a recovery code (fingerprint {fingerprint}). Copies "
                "made so far open with that code; replace it only if its sheet is lost."
            ).format(fingerprint=settings.recovery_fingerprint)
        )
    from .sheet import RecoverySheet, write_recovery_sheet  # fontTools and the typesetter: on first use

    code = new_recovery_code()
    recipient = recipient_of(derive_recovery_identity(code, settings.organisation_id))
    printed = fingerprint(recipient)
    write_recovery_sheet(RecoverySheet(code, name, printed, settings.organisation_id, language), sheet_path)
    save_settings(
        replace(settings, organisation_name=name, recovery_recipient=recipient, recovery_fingerprint=printed), folder
    )
    log.info("recovery recipient set up (fingerprint %s)", printed)
    return OrganisationRecovery(code, recipient, printed, Path(sheet_path))


def recipients_for(settings: EncryptionSettings, keys: Iterable[str], *, require_recovery: bool) -> list[str]:
    """The recipients of a copy: the chosen colleagues, the sender's own key and the recovery recipient.

    Args:
        settings: the encryption settings.
        keys: colleagues' public keys.
        require_recovery: refuse when no recovery recipient is set (the window does; the command line warns).

    Raises:
        EncryptionError: no recovery recipient while required, a malformed key, or no colleague.
    """
    chosen = [check_recipient(key) for key in keys]
    if not chosen:
        raise EncryptionError(_("Choose at least one colleague to encrypt the copy for."))
    if require_recovery and not settings.recovery_recipient:
        raise EncryptionError(
            _(
                "Set up the organisation's recovery code first (Preferences > Encryption), so that "
                "a lost key never means a lost submission."
            )
        )
    extra = [settings.personal_key, settings.recovery_recipient]
    return list(dict.fromkeys([*chosen, *(key for key in extra if key)]))


def recovery_identity(code: str, settings: EncryptionSettings, organisation_id: str | None = None) -> str:
    """The identity derived from a typed recovery code, checked against the stored recipient when there is one.

    Args:
        code: as typed (lower case, O for 0, hyphens and spaces accepted).
        settings: the encryption settings (organisation identity and recovery recipient).
        organisation_id: the identity printed on the sheet, when these settings have none
            (a computer where the organisation was never set up).

    Raises:
        EncryptionError: malformed code, no organisation identity, or a code that is not the organisation's.
    """
    organisation = (organisation_id or settings.organisation_id).strip()
    if not organisation:
        raise EncryptionError(
            _(
                "This computer does not know the organisation's identity. Type the “Organisation "
                "identity” printed on the recovery sheet too."
            )
        )
    identity = derive_recovery_identity(code, organisation)
    if (
        settings.recovery_recipient
        and organisation == settings.organisation_id
        and recipient_of(identity) != settings.recovery_recipient
    ):
        raise EncryptionError(
            _(
                "This is not the organisation's recovery code (its fingerprint would be {typed}, the "
                "organisation's is {expected}). Check what you typed against the recovery sheet."
            ).format(typed=fingerprint(recipient_of(identity)), expected=settings.recovery_fingerprint)
        )
    return identity


def open_copy_to_draft(copy_path: Path, target: Path, identities: Iterable[str]) -> Path:
    """Decrypt an encrypted copy into a new draft ``target`` (never replacing a file).

    Raises:
        NotForYouError: the copy was made for other keys.
        EncryptionError: damaged, truncated or not an encrypted copy.
        DraftExistsError, NotADraftError, NewerDraftError, DraftFileError: see :func:`write_decrypted_draft`.
    """
    copy_path = Path(copy_path)
    try:
        sealed = copy_path.read_bytes()
    except OSError as exc:
        raise EncryptionError(
            _("{path} cannot be read ({problem}).").format(path=copy_path, problem=exc.strerror)
        ) from None
    return write_decrypted_draft(decrypt_copy(sealed, identities), target)
