"""The organisation's recovery code and the age identity derived from it.

A recovery code is 120 random bits written as 24 characters of Crockford's
base32 (digits and capital letters without I, L, O, U), printed in blocks of
four. It is shown once and printed on the recovery sheet; it is never stored.
What is stored is the age recipient (``age1…``) of the identity derived from
it, so that every encrypted copy can also be opened with the code.

Derivation: ``scrypt(code, salt="untoc-recovery-v1:" + organisation id,
n=2**17, r=8, p=1)`` gives 32 bytes, which are the X25519 secret key of an
ordinary age identity (``AGE-SECRET-KEY-1…``, bech32 encoded by the ``bech32``
package). The ``age`` command line can therefore open a copy with that
identity written to a file. Cryptography is scrypt (stdlib ``hashlib``) and
age (``pyrage``); nothing here is home-made cryptography.
"""

from __future__ import annotations

import hashlib
import secrets

import bech32
import pyrage

from ..errors import EncryptionError
from ..i18n import _

#: Crockford's base32 alphabet (https://www.crockford.com/base32.html).
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {char: value for value, char in enumerate(CROCKFORD_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
#: Characters of a recovery code (5 bits each: 120 bits).
CODE_LENGTH = 24
#: Fixed scrypt parameters of the derivation (about 0.5 s and 128 MiB); changing them changes every code's key.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_SALT_PREFIX = "untoc-recovery-v1:"
_AGE_SECRET_HRP = "age-secret-key-"


def new_recovery_code() -> str:
    """A new random recovery code: 24 Crockford base32 characters (120 bits from :mod:`secrets`)."""
    number = int.from_bytes(secrets.token_bytes(CODE_LENGTH * 5 // 8), "big")
    return "".join(CROCKFORD_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH)))


def normalize_recovery_code(typed: str) -> str:
    """The recovery code as typed, in its canonical form (24 capitals and digits, no separators).

    Lower case is accepted, ``O`` reads as 0, ``I`` and ``L`` as 1, and hyphens and
    spaces are ignored, as Crockford's base32 prescribes.

    Raises:
        EncryptionError: a character outside the alphabet, or not 24 characters.
    """
    cleaned = "".join(typed.split()).replace("-", "").upper()
    wrong = sorted({char for char in cleaned if char not in _DECODE})
    if wrong:
        raise EncryptionError(
            _(
                "The recovery code cannot contain {characters}: it is made of digits and the "
                "letters A to Z without U. Check what you typed against the recovery sheet."
            ).format(characters=" ".join(wrong))
        )
    if len(cleaned) != CODE_LENGTH:
        raise EncryptionError(
            _(
                "The recovery code has {length} characters; it must have {expected}. Check what you "
                "typed against the recovery sheet."
            ).format(length=len(cleaned), expected=CODE_LENGTH)
        )
    return "".join(CROCKFORD_ALPHABET[_DECODE[char]] for char in cleaned)


def grouped(code: str, size: int = 4) -> str:
    """A code in blocks of ``size`` characters separated by hyphens, for printing (``ABCD-EFGH-…``)."""
    return "-".join(code[i : i + size] for i in range(0, len(code), size))


def identity_string(secret: bytes) -> str:
    """32 secret bytes as an age identity string ``AGE-SECRET-KEY-1…`` (bech32, upper case)."""
    if len(secret) != 32:
        raise ValueError("an X25519 secret key has 32 bytes")
    words = bech32.convertbits(secret, 8, 5)
    if words is None:  # only for values outside 0..255, which bytes cannot hold
        raise ValueError("the secret key cannot be written in bech32")
    return bech32.bech32_encode(_AGE_SECRET_HRP, words).upper()


def derive_recovery_identity(code: str, organisation_id: str) -> str:
    """The age identity (``AGE-SECRET-KEY-1…``) derived from a recovery code.

    Args:
        code: the recovery code as typed (see :func:`normalize_recovery_code`).
        organisation_id: the organisation's identity (a UUID string), the scrypt salt.

    Returns:
        The identity string; keep it in memory only.

    Raises:
        EncryptionError: the code is malformed.
    """
    password = normalize_recovery_code(code).encode("ascii")
    salt = (_SALT_PREFIX + organisation_id.strip().lower()).encode("utf-8")
    secret = hashlib.scrypt(password, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=2**28, dklen=32)
    return identity_string(secret)


def recipient_of(identity: str) -> str:
    """The public recipient (``age1…``) of an age identity string."""
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def fingerprint(recipient: str) -> str:
    """A short fingerprint of a recipient to print and compare: 16 hex digits of SHA-256, in blocks of four."""
    digest = hashlib.sha256(recipient.strip().encode("ascii")).hexdigest()[:16]
    return grouped(digest)
