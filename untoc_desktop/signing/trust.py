"""Roots the user trusts: imported root certificates kept in the user data folder.

A root is trusted by its SHA-256 fingerprint, which the user compares with the one
the organisation published. Creating a signing identity trusts its own root.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization

from ..errors import SigningError
from ..files import atomic_write_bytes
from ..i18n import _
from .identity import fingerprint, identities_dir, load_certificate, normalize_fingerprint


def trusted_roots_dir() -> Path:
    """The folder of trusted root certificates (``<user data>/identities/trusted-roots``)."""
    return identities_dir() / "trusted-roots"


def trust_root(certificate_path: str | Path, expected_fingerprint: str | None = None) -> str:
    """Trust a root certificate file (PEM or DER) for later verifications.

    Args:
        certificate_path: the root certificate the organisation published.
        expected_fingerprint: when given, the certificate must have it.

    Returns:
        The certificate's SHA-256 fingerprint.

    Raises:
        SigningError: unreadable file, or a fingerprint that does not match (nothing is trusted).
    """
    certificate = load_certificate(certificate_path)
    found = fingerprint(certificate)
    if expected_fingerprint and normalize_fingerprint(expected_fingerprint) != found:
        raise SigningError(
            _("The certificate's fingerprint is {found}, not the one expected; it was not trusted.").format(found=found)
        )
    folder = trusted_roots_dir()
    try:
        atomic_write_bytes(
            folder / (found.replace(":", "")[:32] + ".pem"), certificate.public_bytes(serialization.Encoding.PEM)
        )
    except OSError as exc:
        raise SigningError(
            _("Could not store the trusted root in {folder}: {problem}.").format(folder=folder, problem=exc.strerror)
        ) from None
    return found


def trusted_fingerprints() -> set[str]:
    """The SHA-256 fingerprints of every trusted root (empty when none was trusted)."""
    folder = trusted_roots_dir()
    found = set()
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            found.add(fingerprint(load_certificate(path)))
        except SigningError:
            continue
    return found
