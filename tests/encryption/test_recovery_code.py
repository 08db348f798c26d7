"""The recovery code: Crockford base32 as printed and as typed, and the identity derived from it."""

import re

import pyrage
import pytest

from untoc_desktop.encryption.recovery import (
    CROCKFORD_ALPHABET,
    derive_recovery_identity,
    fingerprint,
    grouped,
    identity_string,
    new_recovery_code,
    normalize_recovery_code,
    recipient_of,
)
from untoc_desktop.errors import EncryptionError

ORGANISATION = "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b"


def test_new_codes_are_24_digits_and_capitals_of_crockfords_alphabet():
    codes = {new_recovery_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(re.fullmatch(f"[{CROCKFORD_ALPHABET}]{{24}}", code) for code in codes)
    assert not set("".join(codes)) & set("ILOU")
    assert re.fullmatch(r"([0-9A-Z]{4}-){5}[0-9A-Z]{4}", grouped(next(iter(codes))))


def test_typing_in_lower_case_with_o_for_zero_i_and_l_for_one_and_separators_gives_the_same_code():
    code = "0123-4567-89AB-CDEF-GHJK-MNPQ"
    canonical = code.replace("-", "")
    assert normalize_recovery_code(code) == canonical
    assert normalize_recovery_code("o123 4567 89ab cdef ghjk mnpq") == canonical
    assert normalize_recovery_code("OI23-4567-89ab-cdef-ghjk-mnpq") == canonical
    assert normalize_recovery_code(" ol23456789abcdefghjkmnpq\n") == canonical


@pytest.mark.parametrize(
    "typed, problem",
    [
        ("U123-4567-89AB-CDEF-GHJK-MNPQ", "cannot contain U"),
        ("0123-4567-89AB-CDEF-GHJK", "has 20 characters"),
        ("0123-4567-89AB-CDEF-GHJK-MNPQ-R", "has 25 characters"),
        ("0123-4567-89AB-CDEF-GHJK-MNP?", "cannot contain ?"),
    ],
)
def test_a_mistyped_code_gets_a_clear_message(typed, problem):
    with pytest.raises(EncryptionError, match=re.escape(problem)):
        normalize_recovery_code(typed)


def test_the_derived_identity_is_an_age_identity_fixed_by_code_and_organisation():
    code = new_recovery_code()
    identity = derive_recovery_identity(code, ORGANISATION)
    assert identity.startswith("AGE-SECRET-KEY-1") and len(identity) == 74
    assert derive_recovery_identity(code.lower(), ORGANISATION.upper()) == identity
    assert derive_recovery_identity(code, "another-organisation") != identity
    assert recipient_of(identity) == str(pyrage.x25519.Identity.from_str(identity).to_public())


def test_identity_encoding_matches_age():
    generated = pyrage.x25519.Identity.generate()
    import bech32

    _hrp, words = bech32.bech32_decode(str(generated).lower())
    assert identity_string(bytes(bech32.convertbits(words, 5, 8, False))) == str(generated)


def test_fingerprint_is_16_hex_digits_of_the_recipient():
    recipient = recipient_of(derive_recovery_identity(new_recovery_code(), ORGANISATION))
    assert re.fullmatch(r"([0-9a-f]{4}-){3}[0-9a-f]{4}", fingerprint(recipient))
