"""Verifying signed submissions: PDF signatures (pyHanko) and detached CMS beside Word files.

A signature passes only when all of this holds: the signed bytes are unchanged
(intact), the cryptographic signature is valid, the certificate chain leads to a
root the user trusts (given by its SHA-256 fingerprint, or imported earlier), and
nothing was changed after signing except later signatures (pyHanko's difference
analysis: an update that alters a page or adds an annotation fails). No network
connection is made: fetching of certificates and revocation data is turned off.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from ..errors import VerificationError
from ..i18n import _
from .identity import normalize_fingerprint

log = logging.getLogger(__name__)

#: A signing certificate must allow digital signatures or non-repudiation (either is enough: certificates
#: from authorities differ), and nothing else is demanded of it.
_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)

#: Modification levels accepted after a signature: none, or only later signatures and form filling.
_ACCEPTED_LEVELS = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one signature.

    Attributes:
        signer: the common name of the signer's certificate.
        signed_at: the signing time the signer's software recorded (not proven: no timestamp), or None.
        intact: the signed bytes are unchanged and the cryptographic signature is valid.
        trusted: the certificate chain leads to one of the expected roots.
        root_fingerprint: SHA-256 fingerprint of the chain's root as found in the file ("" when none).
        changes: what changed after signing: ``"none"``, ``"later signatures"``, or a description
            of a forbidden change.
        unchanged_since: True when no change other than later signatures followed.
        field_name: the signature field's name ("" for a detached signature).
    """

    signer: str
    signed_at: _dt.datetime | None
    intact: bool
    trusted: bool
    root_fingerprint: str
    changes: str
    unchanged_since: bool
    field_name: str = ""
    valid: bool = True

    @property
    def ok(self) -> bool:
        """Intact, valid, from a trusted root, and not changed afterwards."""
        return self.intact and self.valid and self.trusted and self.unchanged_since

    def describe(self) -> str:
        """One line for the user (English; the CLI prints it, the UI shows it)."""
        when = f"{self.signed_at.astimezone(_dt.UTC):%Y-%m-%d %H:%M} UTC" if self.signed_at else "time unknown"
        if not self.intact:
            intact = "BROKEN (the signed content was changed or the signature is damaged)"
        elif not self.valid:
            intact = (
                "signature NOT VALID (the signature value is damaged, or the certificate is not meant for "
                "signing, or its algorithm is refused)"
            )
        else:
            intact = "intact"
        if not (self.intact and self.valid) and not self.trusted:
            # a damaged signature is not trusted whatever its root: say so, not that the root is wrong
            trust = (
                f"certificate not trusted because the signature is not sound (its root: {self.root_fingerprint or '?'})"
            )
        elif self.trusted:
            trust = "certificate from the expected root"
        elif self.root_fingerprint:
            trust = f"NOT from the expected root (its root is {self.root_fingerprint})"
        else:
            trust = "NOT from the expected root (no root certificate in the file)"
        return f"{self.signer}, signed {when}: {intact}; {trust}; changes after signing: {self.changes}"


@dataclass(frozen=True)
class VerificationReport:
    """The verdict on a file: one :class:`SignatureCheck` per signature, in signing order."""

    path: Path
    signatures: list[SignatureCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """At least one signature, each passing, and no problem with the file as a whole."""
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)


_NO_ROOT = (
    "No root certificate is expected yet: give the SHA-256 fingerprint the organisation published "
    "(--fingerprint), or trust its root certificate first (untoc identity trust ROOT.cer --fingerprint ...)."
)


def _asn1_fingerprint(certificate: asn1_x509.Certificate) -> str:
    return ":".join(f"{b:02X}" for b in certificate.sha256)


def _root_in(certificates: list[asn1_x509.Certificate], signer: asn1_x509.Certificate) -> asn1_x509.Certificate | None:
    """Follow issuers from ``signer`` through ``certificates`` to a self-issued certificate."""
    by_subject = {c.subject.dump(): c for c in certificates}
    current, seen = signer, 0
    while seen < 10:
        if current.subject.dump() == current.issuer.dump():
            return current
        issuer = by_subject.get(current.issuer.dump())
        if issuer is None:
            return None
        current, seen = issuer, seen + 1
    return None


def _trust_context(certificates: list[asn1_x509.Certificate], expected: set[str]) -> ValidationContext:
    """A validation context trusting only the certificates with an expected fingerprint; no fetching."""
    roots = [c for c in certificates if _asn1_fingerprint(c) in expected]
    return ValidationContext(
        trust_roots=roots, other_certs=certificates, allow_fetching=False, revocation_mode="soft-fail"
    )


def _expected(fingerprints: list[str] | None) -> set[str]:
    if fingerprints:
        return {normalize_fingerprint(f) for f in fingerprints}
    from .trust import trusted_fingerprints

    return trusted_fingerprints()


def verify_pdf(path: str | Path, fingerprints: list[str] | None = None) -> VerificationReport:
    """Verify every signature of a PDF.

    Args:
        path: the signed PDF.
        fingerprints: SHA-256 fingerprints of the roots to trust; ``None`` or empty means the
            roots trusted earlier (see :mod:`.trust`).

    Returns:
        The report; ``report.ok`` is the verdict.

    Raises:
        VerificationError: the file cannot be read as a PDF.
        SigningError: a fingerprint is not 64 hexadecimal digits.
    """
    path = Path(path)
    expected = _expected(fingerprints)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VerificationError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror)) from None
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise VerificationError(
            _("{name} is not a readable PDF ({problem}).").format(name=path.name, problem=exc)
        ) from None
    report = VerificationReport(path)
    if not expected:
        report.problems.append(_NO_ROOT)
    if not embedded:
        report.problems.append(f"{path.name} carries no signature.")
        return report
    for signature in embedded:
        try:
            signer_certificate = signature.signer_cert
            certificates = list(signature.embedded_certs) if hasattr(signature, "embedded_certs") else []
            if not certificates:
                certificates = [c.chosen for c in signature.signed_data["certificates"]]
            root = _root_in(certificates, signer_certificate)
            status = validate_pdf_signature(
                signature,
                signer_validation_context=_trust_context(certificates, expected),
                key_usage_settings=_KEY_USAGE,
            )
        except Exception as exc:  # noqa: BLE001 - a damaged signature is a verdict, not a crash
            log.info("Signature %s could not be validated: %r", signature.field_name, exc, exc_info=True)
            report.signatures.append(
                SignatureCheck(
                    signer=_common_name(signature),
                    signed_at=None,
                    intact=False,
                    trusted=False,
                    root_fingerprint="",
                    changes="unknown (the signature is damaged)",
                    unchanged_since=False,
                    field_name=signature.field_name,
                )
            )
            continue
        level = status.modification_level
        if level is None:
            changes, unchanged = "unknown", False
        elif level == ModificationLevel.NONE:
            changes, unchanged = "none", True
        elif level in _ACCEPTED_LEVELS:
            changes, unchanged = "later signatures only", True
        elif level == ModificationLevel.ANNOTATIONS:
            changes, unchanged = "ANNOTATIONS ADDED after signing", False
        else:
            changes, unchanged = "CONTENT CHANGED after signing (pages, objects or structure)", False
        if status.docmdp_ok is False:
            unchanged = False
        report.signatures.append(
            SignatureCheck(
                signer=signer_certificate.subject.native.get("common_name", signer_certificate.subject.human_friendly),
                signed_at=status.signer_reported_dt,
                intact=bool(status.intact),
                valid=bool(status.valid),
                trusted=bool(status.trusted),
                root_fingerprint=_asn1_fingerprint(root) if root is not None else "",
                changes=changes,
                unchanged_since=unchanged,
                field_name=signature.field_name,
            )
        )
    return report


def _common_name(signature: object) -> str:
    try:
        return str(signature.signer_cert.subject.native.get("common_name", "unknown signer"))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return "unknown signer"


def signature_path_for(document: str | Path) -> Path:
    """Where the detached signature of ``document`` lies: ``NAME.docx.p7s`` beside it."""
    document = Path(document)
    return document.with_name(document.name + ".p7s")


def verify_detached(
    document: str | Path, fingerprints: list[str] | None = None, signature: str | Path | None = None
) -> VerificationReport:
    """Verify the detached CMS signature (``.p7s``) of a file, usually a Word submission.

    Args:
        document: the signed file.
        fingerprints: as for :func:`verify_pdf`.
        signature: the ``.p7s`` file (default: :func:`signature_path_for`).

    Raises:
        VerificationError: the file or its signature cannot be read.
    """
    document = Path(document)
    signature = Path(signature) if signature else signature_path_for(document)
    expected = _expected(fingerprints)
    try:
        content, blob = document.read_bytes(), signature.read_bytes()
    except FileNotFoundError as exc:
        raise VerificationError(
            _("{missing} was not found; the signature of {document} is expected beside it as {signature}.").format(
                missing=Path(exc.filename).name, document=document.name, signature=signature.name
            )
        ) from None
    except OSError as exc:
        raise VerificationError(
            _("Cannot read {filename}: {problem}.").format(filename=exc.filename, problem=exc.strerror)
        ) from None
    try:
        info = cms.ContentInfo.load(blob)
        signed_data = info["content"]
        certificates = [c.chosen for c in signed_data["certificates"]]
        signer_info = signed_data["signer_infos"][0]
        serial = signer_info["sid"].chosen["serial_number"].native
        signer_certificate = next(c for c in certificates if c.serial_number == serial)
    except Exception:  # noqa: BLE001 - anything unreadable is "not a signature"
        raise VerificationError(_("{name} is not a readable CMS signature.").format(name=signature.name)) from None
    report = VerificationReport(document)
    if not expected:
        report.problems.append(_NO_ROOT)
    root = _root_in(certificates, signer_certificate)
    try:
        status = asyncio.run(
            async_validate_detached_cms(
                content,
                signed_data,
                signer_validation_context=_trust_context(certificates, expected),
                key_usage_settings=_KEY_USAGE,
            )
        )
        intact, valid = bool(status.intact), bool(status.valid)
        trusted, when = bool(status.trusted), status.signer_reported_dt
    except Exception as exc:  # noqa: BLE001 - a damaged signature is a verdict
        log.info("Detached signature of %s could not be validated: %s", document.name, exc)
        intact, valid, trusted, when = False, False, False, None
    report.signatures.append(
        SignatureCheck(
            signer=signer_certificate.subject.native.get("common_name", signer_certificate.subject.human_friendly),
            signed_at=when,
            intact=intact,
            valid=valid,
            trusted=trusted,
            root_fingerprint=_asn1_fingerprint(root) if root is not None else "",
            changes="none" if intact else "the file differs from the signed one",
            unchanged_since=intact,
        )
    )
    return report
