"""Signing identities: what is made, what is refused, and that private keys never leave unencrypted."""

import datetime as dt
import logging

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from signing_helpers import PASSPHRASE

from untoc_desktop.cli import main
from untoc_desktop.errors import SigningError
from untoc_desktop.signing.identity import create_identity, identities_dir, load_identity, make_certificates


def test_identity_create_makes_a_root_and_a_signing_certificate(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    assert (
        main(
            [
                "identity",
                "create",
                "--name",
                "Amina Haddad",
                "--organization",
                "CJR",
                "--email",
                "a@example.org",
                "--country",
                "KE",
                "-o",
                str(tmp_path / "amina.p12"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    root = x509.load_pem_x509_certificate((tmp_path / "amina-root.pem").read_bytes())
    assert x509.load_der_x509_certificate((tmp_path / "amina-root.cer").read_bytes()) == root
    printed = ":".join(f"{b:02X}" for b in root.fingerprint(hashes.SHA256()))
    assert f"SHA-256 fingerprint: {printed}" in out
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert root.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    assert root.not_valid_after_utc - root.not_valid_before_utc > dt.timedelta(days=365 * 29)
    identity = load_identity(tmp_path / "amina.p12", PASSPHRASE)
    usage = identity.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert identity.certificate.issuer == root.subject and identity.root == root
    assert identity.certificate.not_valid_after_utc - identity.certificate.not_valid_before_utc > dt.timedelta(
        days=365 * 19
    )
    assert (tmp_path / "amina.p12").stat().st_mode & 0o077 == 0  # readable by its owner only
    # Its root is now trusted for 'untoc verify' without --fingerprint (kept in the test's data folder).
    assert list((identities_dir() / "trusted-roots").glob("*.pem"))


def test_the_private_key_is_stored_only_encrypted(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    created = create_identity(tmp_path / "id.p12", "Amina Haddad", "CJR", PASSPHRASE)
    identity = load_identity(created.p12_path, PASSPHRASE)
    der = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    raw = identity.key.private_numbers().d.to_bytes(384, "big")
    for path in tmp_path.iterdir():
        data = path.read_bytes()
        assert der not in data and raw[:32] not in data and b"PRIVATE KEY" not in data, path.name
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(created.p12_path.read_bytes(), None)  # no passphrase, no key
    assert "PRIVATE KEY" not in caplog.text


def test_wrong_passphrase_is_refused_and_nothing_is_written(tmp_path, pdf, identities, capsys):
    (tmp_path / "pass.txt").write_text("not the passphrase\n")
    status = main(
        [
            "sign",
            str(pdf),
            "--identity",
            str(identities["amina"].p12_path),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--signatory",
            "Amina Haddad",
            "-o",
            str(tmp_path / "signed.pdf"),
        ]
    )
    assert status == 2
    assert "passphrase is wrong" in capsys.readouterr().err
    assert not (tmp_path / "signed.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pass.txt", "submission.pdf"]


def test_an_expired_certificate_is_refused_and_nothing_is_written(tmp_path, pdf, monkeypatch, capsys):
    key, certificate, root = make_certificates(
        "Old Signer", "CJR", now=dt.datetime(2000, 1, 1, tzinfo=dt.UTC), signer_years=2
    )
    data = pkcs12.serialize_key_and_certificates(
        b"old", key, certificate, [root], serialization.BestAvailableEncryption(PASSPHRASE.encode())
    )
    (tmp_path / "old.p12").write_bytes(data)
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    status = main(
        [
            "sign",
            str(pdf),
            "--identity",
            str(tmp_path / "old.p12"),
            "--signatory",
            "Old Signer",
            "-o",
            str(tmp_path / "signed.pdf"),
        ]
    )
    assert status == 2
    assert "expired on 2001-12-30" in capsys.readouterr().err
    assert not (tmp_path / "signed.pdf").exists()


def test_a_certificate_from_another_root_is_refused_when_a_root_is_expected(
    tmp_path, pdf, identities, monkeypatch, capsys
):
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    status = main(
        [
            "sign",
            str(pdf),
            "--identity",
            str(identities["jean"].p12_path),
            "--signatory",
            "Jean Dupont",
            "--fingerprint",
            identities["amina"].root_fingerprint,
            "-o",
            str(tmp_path / "signed.pdf"),
        ]
    )
    assert status == 2
    err = capsys.readouterr().err
    assert "does not come from the expected root" in err and identities["jean"].root_fingerprint in err
    assert not (tmp_path / "signed.pdf").exists()


def test_an_existing_identity_is_never_replaced(tmp_path):
    create_identity(tmp_path / "id.p12", "A", "CJR", PASSPHRASE)
    before = (tmp_path / "id.p12").read_bytes()
    with pytest.raises(SigningError, match="already exists"):
        create_identity(tmp_path / "id.p12", "B", "CJR", PASSPHRASE)
    assert (tmp_path / "id.p12").read_bytes() == before


def test_a_short_passphrase_is_refused(tmp_path):
    with pytest.raises(SigningError, match="at least 8"):
        create_identity(tmp_path / "id.p12", "A", "CJR", "short")
    assert not list(tmp_path.iterdir())


def test_a_colleague_is_issued_from_the_same_organisation_root(tmp_path, pdf, monkeypatch, capsys):
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    assert main(["identity", "create", "--name", "Amina", "--organization", "CJR", "-o", str(tmp_path / "a.p12")]) == 0
    first = capsys.readouterr().out
    assert "organisation-root.p12" in first
    assert (
        main(
            [
                "identity",
                "create",
                "--name",
                "Jean",
                "--organization",
                "CJR",
                "-o",
                str(tmp_path / "j.p12"),
                "--issuer",
                str(tmp_path / "a-organisation-root.p12"),
            ]
        )
        == 0
    )
    second = capsys.readouterr().out
    fingerprint = first.split("SHA-256 fingerprint: ")[1].split()[0]
    assert f"SHA-256 fingerprint: {fingerprint}" in second and "organisation-root" not in second
    amina, jean = load_identity(tmp_path / "a.p12", PASSPHRASE), load_identity(tmp_path / "j.p12", PASSPHRASE)
    assert amina.root == jean.root and jean.certificate.issuer == amina.root.subject
    assert (
        main(
            [
                "identity",
                "create",
                "--name",
                "X",
                "--organization",
                "CJR",
                "-o",
                str(tmp_path / "x.p12"),
                "--issuer",
                str(tmp_path / "j.p12"),
            ]
        )
        == 2
    )  # a personal identity cannot issue
    assert not (tmp_path / "x.p12").exists()
    # Both sign the same file in turn: one fingerprint verifies both, for untoc and for pdfsig.
    from signing_helpers import nss_database, pdfsig

    from untoc_desktop.signing.pdf_sign import SignatureRequest, sign_pdf

    once = sign_pdf(pdf, tmp_path / "once.pdf", amina, SignatureRequest("Amina", language="en"))
    twice = sign_pdf(once, tmp_path / "twice.pdf", jean, SignatureRequest("Jean", language="en"))
    assert main(["verify", str(twice), "--fingerprint", fingerprint]) == 0
    reports = pdfsig(twice, nss_database(tmp_path / "nss", tmp_path / "a-root.pem"))
    assert [(r["signer"], r["valid"], r["certificate"]) for r in reports] == [
        ("Amina", "Signature is Valid.", "Certificate is Trusted."),
        ("Jean", "Signature is Valid.", "Certificate is Trusted."),
    ]
