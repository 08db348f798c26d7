"""Signing identities: an organisation root certificate and a signing certificate per person.

A bare self-signed certificate can never be trusted by the NSS tools that poppler,
Okular and LibreOffice use; a root certificate (a CA) can. So :func:`create_identity`
makes an organisation root (CA, 30 years) and a person's signing certificate issued by
it (20 years: offline there is no timestamp, so an expired certificate would make an
old signature unverifiable), and keeps both with the private key in a
passphrase-protected PKCS#12 file. The root certificate is exported as PEM and DER
(``.cer``) to be published with its SHA-256 fingerprint.

All cryptography is done by the ``cryptography`` package.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes, PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ..errors import SigningError
from ..files import atomic_write_bytes
from ..i18n import _

ROOT_YEARS = 30
SIGNER_YEARS = 20
_KEY_BITS = 3072
#: Extended key usages of a document-signing certificate: Adobe's "Authentic Documents Trust"
#: (PDF signing, 1.2.840.113583.1.1.5), Microsoft's document signing (1.3.6.1.4.1.311.10.3.12)
#: and e-mail protection (S/MIME, which ``openssl cms -verify`` accepts by default).
_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")
_ADOBE_AUTHENTIC_DOCUMENTS = x509.ObjectIdentifier("1.2.840.113583.1.1.5")


def identities_dir() -> Path:
    """The folder where the application keeps signing identities (user data folder)."""
    return Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "identities"


def fingerprint(certificate: x509.Certificate) -> str:
    """The SHA-256 fingerprint of a certificate as colon-separated upper-case hex (``AB:CD:...``)."""
    return ":".join(f"{b:02X}" for b in certificate.fingerprint(hashes.SHA256()))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint typed in any usual form (colons, spaces, lower case) as :func:`fingerprint` writes it.

    Raises:
        SigningError: not 64 hexadecimal digits.
    """
    digits = re.sub(r"[\s:\-]", "", text or "").upper()
    if not re.fullmatch(r"[0-9A-F]{64}", digits):
        raise SigningError(
            _("A SHA-256 fingerprint is 64 hexadecimal digits (0-9, A-F), optionally separated by colons or spaces.")
        )
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate and chain, loaded from a PKCS#12 file (in memory only).

    Attributes:
        key: the private key.
        certificate: the signer's certificate.
        chain: the other certificates of the file (issuers, up to the root when included).
        path: the PKCS#12 file it came from.
    """

    key: PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    path: Path

    @property
    def root(self) -> x509.Certificate:
        """The self-issued certificate at the top of the chain (the signer's own when alone)."""
        for certificate in (*self.chain, self.certificate):
            if certificate.issuer == certificate.subject:
                return certificate
        return self.chain[-1] if self.chain else self.certificate

    @property
    def signer_name(self) -> str:
        """The common name of the signer's certificate."""
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else self.certificate.subject.rfc4514_string()


@dataclass(frozen=True)
class CreatedIdentity:
    """What :func:`create_identity` wrote: the PKCS#12 file, the root certificate files, its fingerprint.

    ``root_p12`` is the organisation root's own key file (new roots only), used to issue colleagues'
    certificates from the same root (``issuer`` of :func:`create_identity`).
    """

    p12_path: Path
    root_pem: Path
    root_cer: Path
    root_fingerprint: str
    root_p12: Path | None = None


def _name(common_name: str, organization: str, country: str, email: str = "") -> x509.Name:
    parts = [
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
    ]
    if country:
        parts.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country.upper()))
    if email:
        parts.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(parts)


def _key_usage(**enabled: bool) -> x509.KeyUsage:
    names = (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    )
    return x509.KeyUsage(**{name: enabled.get(name, False) for name in names})


def make_certificates(
    name: str,
    organization: str,
    *,
    email: str = "",
    country: str = "",
    now: _dt.datetime | None = None,
    root_years: int = ROOT_YEARS,
    signer_years: int = SIGNER_YEARS,
    issuer: tuple[CertificateIssuerPrivateKeyTypes, x509.Certificate] | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate, x509.Certificate]:
    """Make an organisation root certificate (or use ``issuer``) and a person's signing certificate issued by it.

    Args:
        name: the signatory's name (common name of the signing certificate).
        organization: the organisation (common name of the root, organisation of both).
        email: the signatory's e-mail address, or "".
        country: ISO 3166-1 alpha-2 code, or "".
        now: start of validity (default: now, UTC).
        root_years: validity of the root certificate, in years.
        signer_years: validity of the signing certificate, in years.
        issuer: (root key, root certificate) of an existing organisation root, to issue a
            colleague's certificate from the same root; None makes a new root.

    Returns:
        (signer's private key, signer's certificate, root certificate).

    Raises:
        SigningError: a missing name or organisation, or a country that is not two letters.
    """
    key, certificate, root, _root_key = _issue(
        name,
        organization,
        email=email,
        country=country,
        now=now,
        root_years=root_years,
        signer_years=signer_years,
        issuer=issuer,
    )
    return key, certificate, root


def _issue(
    name: str,
    organization: str,
    *,
    email: str = "",
    country: str = "",
    now: _dt.datetime | None = None,
    root_years: int = ROOT_YEARS,
    signer_years: int = SIGNER_YEARS,
    issuer: tuple[CertificateIssuerPrivateKeyTypes, x509.Certificate] | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate, x509.Certificate, rsa.RSAPrivateKey | None]:
    """:func:`make_certificates`, also returning the new root's private key (None when ``issuer`` was given)."""
    name, organization, email, country = name.strip(), organization.strip(), email.strip(), country.strip()
    if not name or not organization:
        raise SigningError(_("A signing identity needs the signatory's name and the organisation's name."))
    if country and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise SigningError(_("The country is a two-letter ISO code, such as FR or KE."))
    now = now or _dt.datetime.now(_dt.UTC)
    start = now - _dt.timedelta(minutes=5)
    new_root_key: rsa.RSAPrivateKey | None = None
    root_key: CertificateIssuerPrivateKeyTypes
    if issuer is not None:
        root_key, root = issuer
        root_name = root.subject
    else:
        root_key = new_root_key = rsa.generate_private_key(public_exponent=65537, key_size=_KEY_BITS)
        root_name = _name(f"{organization} root certificate", organization, country)
        root = (
            x509.CertificateBuilder()
            .subject_name(root_name)
            .issuer_name(root_name)
            .public_key(root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + _dt.timedelta(days=365 * root_years + root_years // 4))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(key_cert_sign=True, crl_sign=True, digital_signature=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256())
        )
    key = rsa.generate_private_key(public_exponent=65537, key_size=_KEY_BITS)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(name, organization, country, email))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + _dt.timedelta(days=365 * signer_years + signer_years // 4))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, _DOCUMENT_SIGNING, _ADOBE_AUTHENTIC_DOCUMENTS]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    return key, builder.sign(root_key, hashes.SHA256()), root, new_root_key


def _write_new(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a new file (never replacing one), readable by its owner only when ``mode`` says so.

    Raises:
        FileExistsError: ``path`` exists (it is left as it was).
        OSError: the folder cannot be written.
    """
    atomic_write_bytes(path, data, mode=mode, overwrite=False)


def _encryption(passphrase: str) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(200_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )


#: kinds of private key that can sign a certificate and be kept in a PKCS#12 file.
_ISSUER_KEYS = (
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
)


def load_organisation_root(
    path: str | Path, passphrase: str
) -> tuple[CertificateIssuerPrivateKeyTypes, x509.Certificate]:
    """Open an organisation root's key file (``…-organisation-root.p12``) to issue a colleague's certificate.

    Raises:
        SigningError: unreadable, wrong passphrase, or not a certificate authority.
    """
    root = load_identity(path, passphrase)
    try:
        is_ca = root.certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    # a key that cannot sign (Diffie-Hellman, X25519) cannot issue certificates either
    if not is_ca or not isinstance(root.key, _ISSUER_KEYS):
        raise SigningError(
            _(
                "{name} is not an organisation root (a certificate authority); it cannot issue "
                "certificates. Choose the …-organisation-root.p12 file made with the first identity."
            ).format(name=Path(path).name)
        )
    return root.key, root.certificate


def create_identity(
    p12_path: str | Path,
    name: str,
    organization: str,
    passphrase: str,
    *,
    email: str = "",
    country: str = "",
    issuer: tuple[CertificateIssuerPrivateKeyTypes, x509.Certificate] | None = None,
) -> CreatedIdentity:
    """Create a signing identity: a passphrase-protected PKCS#12 file and the exported root certificate.

    The private key exists unencrypted only in memory; the file holds it encrypted with
    the passphrase (AES-256, PBKDF2). The root certificate is written beside it as
    ``<name>-root.pem`` and ``<name>-root.cer`` (DER). A new root's own key is kept, encrypted
    with the same passphrase, as ``<name>-organisation-root.p12``, so that colleagues'
    certificates can be issued from the same root (one fingerprint for the organisation).

    Args:
        p12_path: the new ``.p12`` file (an existing file is never replaced).
        name: the signatory's name.
        organization: the organisation's name.
        email: the signatory's e-mail address, or "".
        country: ISO 3166-1 alpha-2 code, or "".
        passphrase: protects the file; at least 8 characters.
        issuer: an organisation root (see :func:`load_organisation_root`) to issue from; None makes a new root.

    Returns:
        The files written and the root certificate's SHA-256 fingerprint.

    Raises:
        SigningError: missing details, a short passphrase, an existing file or a folder
            that cannot be written; nothing is left behind.
    """
    p12_path = Path(p12_path)
    if len(passphrase) < 8:
        raise SigningError(_("Choose a passphrase of at least 8 characters to protect the signing identity."))
    stem = p12_path.name[: -len(p12_path.suffix)] if p12_path.suffix else p12_path.name
    root_pem, root_cer = p12_path.with_name(f"{stem}-root.pem"), p12_path.with_name(f"{stem}-root.cer")
    root_p12 = None if issuer is not None else p12_path.with_name(f"{stem}-organisation-root.p12")
    for path in (p12_path, root_pem, root_cer, root_p12):
        if path is not None and path.exists():
            raise SigningError(_("{path} already exists; choose another name. Nothing was written.").format(path=path))
    key, certificate, root, root_key = _issue(name, organization, email=email, country=country, issuer=issuer)
    data = pkcs12.serialize_key_and_certificates(
        name.strip().encode("utf-8"),
        key,
        certificate,
        [root],
        _encryption(passphrase),
    )
    written: list[Path] = []
    try:
        p12_path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(p12_path, data, 0o600)
        written.append(p12_path)
        if root_p12 is not None and root_key is not None:  # both set exactly when a new root was made
            _write_new(
                root_p12,
                pkcs12.serialize_key_and_certificates(
                    b"organisation root", root_key, root, None, _encryption(passphrase)
                ),
                0o600,
            )
            written.append(root_p12)
        _write_new(root_pem, root.public_bytes(serialization.Encoding.PEM))
        written.append(root_pem)
        _write_new(root_cer, root.public_bytes(serialization.Encoding.DER))
        written.append(root_cer)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise SigningError(
            _("Could not write the signing identity to {parent}: {problem}. Choose another folder.").format(
                parent=p12_path.parent, problem=exc.strerror
            )
        ) from None
    return CreatedIdentity(p12_path, root_pem, root_cer, fingerprint(root), root_p12)


def load_identity(path: str | Path, passphrase: str, *, now: _dt.datetime | None = None) -> SigningIdentity:
    """Open a PKCS#12 file (ours, or one made by OpenSSL or a certificate authority).

    Args:
        path: the ``.p12``/``.pfx`` file.
        passphrase: its password.
        now: the time the identity must be valid at (default: now).

    Raises:
        SigningError: unreadable file, wrong passphrase, no key or certificate in it,
            or a certificate that is expired or not yet valid.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Cannot read the signing identity {path}: {problem}.").format(path=path, problem=exc.strerror)
        ) from None
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        raise SigningError(
            _(
                "Cannot open {name}: the passphrase is wrong, or it is not a PKCS#12 (.p12/.pfx) file. "
                "Nothing was signed."
            ).format(name=path.name)
        ) from None
    if key is None or certificate is None:
        raise SigningError(
            _("{name} holds no private key with its certificate; it cannot sign. Nothing was signed.").format(
                name=path.name
            )
        )
    now = now or _dt.datetime.now(_dt.UTC)
    if certificate.not_valid_after_utc < now:
        raise SigningError(
            _(
                "The certificate in {name} expired on {not_valid_after_utc:%Y-%m-%d}; a signature made "
                "with it could not be verified. Use a valid certificate or create a new signing identity. "
                "Nothing was signed."
            ).format(name=path.name, not_valid_after_utc=certificate.not_valid_after_utc)
        )
    if certificate.not_valid_before_utc > now:
        raise SigningError(
            _(
                "The certificate in {name} is valid only from {not_valid_before_utc:%Y-%m-%d}; check the "
                "computer's clock. Nothing was signed."
            ).format(name=path.name, not_valid_before_utc=certificate.not_valid_before_utc)
        )
    return SigningIdentity(key, certificate, tuple(chain), path)


def load_certificate(path: str | Path) -> x509.Certificate:
    """Read a certificate file in PEM or DER form (``.pem``, ``.cer``, ``.crt``).

    Raises:
        SigningError: unreadable or not a certificate.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Cannot read the certificate {path}: {problem}.").format(path=path, problem=exc.strerror)
        ) from None
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise SigningError(_("{name} is not a certificate (PEM or DER).").format(name=path.name)) from None
