"""Detached CMS signatures (``NAME.docx.p7s``) for files that cannot carry a signature of their own.

Word accepts its own signatures only from a commercial certificate chain, so a Word
submission is signed beside it: a DER-encoded CMS SignedData over the file's exact
bytes, made by ``cryptography``'s PKCS#7 builder, that anyone can check with
``openssl cms -verify -binary -inform DER -in NAME.docx.p7s -content NAME.docx -CAfile root.pem``.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from ..errors import SigningError
from ..files import atomic_write_bytes
from ..i18n import _
from .identity import SigningIdentity
from .verify import signature_path_for


def sign_detached(document: str | Path, identity: SigningIdentity) -> Path:
    """Write the detached CMS signature of ``document`` beside it (``<name>.p7s``).

    The signature includes the signer's certificate and its chain (up to the root), so a
    verifier needs only the root certificate, compared by fingerprint.

    Args:
        document: the file to sign (e.g. the exported ``.docx``).
        identity: the signing key and certificates.

    Returns:
        The path of the ``.p7s`` file (replaced when it existed, atomically).

    Raises:
        SigningError: the file cannot be read or the signature cannot be written.
    """
    document = Path(document)
    target = signature_path_for(document)
    try:
        content = document.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Cannot read {document}: {problem}. Nothing was signed.").format(document=document, problem=exc.strerror)
        ) from None
    key = identity.key
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):  # what CMS signing accepts
        raise SigningError(
            _(
                "{name} holds a kind of key that cannot sign a Word file (only RSA and elliptic-curve "
                "keys can). Nothing was signed."
            ).format(name=identity.path.name)
        )
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(identity.certificate, key, hashes.SHA256())
    for certificate in identity.chain:
        builder = builder.add_certificate(certificate)
    blob = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    try:
        atomic_write_bytes(target, blob, create_folder=False)
    except OSError as exc:
        raise SigningError(
            _("Could not write {target}: {problem}. Nothing was signed.").format(target=target, problem=exc.strerror)
        ) from None
    return target
