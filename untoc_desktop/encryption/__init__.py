"""Encrypted copies of drafts for colleagues (age, through pyrage), the personal key and the recovery code.

Qt-free. See :mod:`.copies` (encrypt/decrypt), :mod:`.keys` (the user's key),
:mod:`.recovery` (the printed recovery code), :mod:`.settings` (public facts
kept in the user data folder) and :mod:`.sheet` (the recovery sheet PDF).
"""

from .copies import (
    COPY_SUFFIX,
    decrypt_copy,
    draft_bytes,
    encrypt_copy,
    free_draft_name,
    recipient_stanzas,
    write_decrypted_draft,
)
from .organisation import OrganisationRecovery, open_copy_to_draft, recipients_for, recovery_identity, set_up_recovery
from .recovery import derive_recovery_identity, fingerprint, new_recovery_code, normalize_recovery_code
from .settings import EncryptionSettings, TeamMember, load_settings, save_settings

__all__ = [
    "COPY_SUFFIX",
    "EncryptionSettings",
    "OrganisationRecovery",
    "TeamMember",
    "decrypt_copy",
    "derive_recovery_identity",
    "draft_bytes",
    "encrypt_copy",
    "fingerprint",
    "free_draft_name",
    "load_settings",
    "new_recovery_code",
    "normalize_recovery_code",
    "open_copy_to_draft",
    "recipient_stanzas",
    "recipients_for",
    "recovery_identity",
    "save_settings",
    "set_up_recovery",
    "write_decrypted_draft",
]
