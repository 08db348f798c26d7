"""The register of what was sent: export, sign, edit, export the snapshot again (same SHA-256); keys never stored."""

import hashlib
import logging
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from signing_helpers import PASSPHRASE

from untoc_desktop.cli import main
from untoc_desktop.draft import Draft
from untoc_desktop.draft.register import sent_entries
from untoc_desktop.signing.identity import load_identity


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def draft_path(tmp_path, draft_info):
    path = tmp_path / "veridia.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answers(
            {"UNTOC.5.1(b).challenges": "Lacunes : pas de données & peu de moyens.", "UNTOC.5.1(b).status": "partly"}
        )
    return path


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_export_sign_edit_then_the_recorded_snapshot_exports_identically(
    tmp_path, draft_path, identities, fmt, monkeypatch, capsys, caplog
):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    exported = tmp_path / f"submission.{fmt}"
    assert main(["export", str(draft_path), "--format", fmt, "-o", str(exported)]) == 0
    signed = tmp_path / f"signed.{fmt}" if fmt == "pdf" else exported
    assert (
        main(
            [
                "sign",
                str(exported),
                "--identity",
                str(identities["amina"].p12_path),
                "--signatory",
                "Amina Haddad",
                "--draft",
                str(draft_path),
                "--recipient",
                "Ms Focal Point",
                "--channel",
                "e-mail",
            ]
            + (["-o", str(signed)] if fmt == "pdf" else [])
        )
        == 0
    )
    with Draft.open(draft_path) as draft:
        first, second = sent_entries(draft)
        draft.set_answer("UNTOC.5.1(b).challenges", "Edited after sending.")
    assert (first.file_name, first.format, first.signatories) == (exported.name, fmt, ())
    assert first.sha256 == first.snapshot["export_sha256"]
    assert (second.file_name, second.signatories, second.sha256) == (signed.name, ("Amina Haddad",), sha256(signed))
    capsys.readouterr()
    assert main(["sent", str(draft_path)]) == 0
    listing = capsys.readouterr().out
    assert (
        "signed by Amina Haddad" in listing
        and "to Ms Focal Point by e-mail" in listing
        and "1 answer(s) changed since" in listing
    )
    again = tmp_path / f"again.{fmt}"
    assert main(["sent", str(draft_path), "--export", "2", "-o", str(again)]) == 0
    assert sha256(again) == second.snapshot["export_sha256"] == first.sha256
    assert "identical to the recorded export" in capsys.readouterr().out
    # No key material in the draft nor in the logs.
    identity = load_identity(identities["amina"].p12_path, PASSPHRASE)
    der = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    pem = identity.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    data = draft_path.read_bytes()
    assert der not in data and der[-64:] not in data and b"PRIVATE KEY" not in data and PASSPHRASE.encode() not in data
    assert (
        pem.decode()[40:100] not in caplog.text and "PRIVATE KEY" not in caplog.text and PASSPHRASE not in caplog.text
    )


def test_a_signed_word_file_verifies_with_openssl_and_untoc(tmp_path, draft_path, identities, monkeypatch, capsys):
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    docx = tmp_path / "submission.docx"
    assert main(["export", str(draft_path), "--format", "docx", "-o", str(docx)]) == 0
    assert main(["sign", str(docx), "--identity", str(identities["amina"].p12_path), "--signatory", "Amina"]) == 0
    p7s = tmp_path / "submission.docx.p7s"
    command = [
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        str(p7s),
        "-content",
        str(docx),
        "-CAfile",
        str(identities["amina"].root_pem),
        "-out",
        "/dev/null",
    ]
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert main(["verify", str(docx), "--fingerprint", identities["amina"].root_fingerprint]) == 0
    data = bytearray(docx.read_bytes())
    data[100] ^= 0x01
    docx.write_bytes(bytes(data))
    assert subprocess.run(command, capture_output=True).returncode != 0
    assert main(["verify", str(docx), "--fingerprint", identities["amina"].root_fingerprint]) == 1
    assert "BROKEN" in capsys.readouterr().out


def test_the_transmission_letter_takes_the_checksum_from_the_register(tmp_path, draft_path, cluster1):
    from untoc_desktop.draft.correspondence import Recipient, save_recipient
    from untoc_desktop.errors import UntocError
    from untoc_desktop.letters import LetterOptions, Sender, build_letter, save_sender
    from untoc_desktop.submissions import export_and_record

    with Draft.open(draft_path) as draft:
        # A letter needs an addressee, the sender's address and a signatory (letters.context.REQUIRED_DETAILS).
        save_sender(
            draft,
            Sender(
                "12 Harbour Street", "contact@cjr.example.org", "Amina Haddad", "Director", "CJR/{year}/{number:03d}"
            ),
        )
        focal = save_recipient(
            draft,
            Recipient(
                "Ms. Focal Point",
                "Director",
                "Ministry of Justice",
                "1 Government Square",
                "fp@justice.example.gov",
                True,
            ),
        )
        options = LetterOptions("transmission", "en", focal.recipient_uuid, attachment=tmp_path / "sub.pdf")
        entry = export_and_record(draft, cluster1, tmp_path / "sub.pdf", "pdf")
        letter = build_letter(draft, cluster1, options)
        assert letter.fields["attachment_sha256"] == entry.sha256
        (tmp_path / "sub.pdf").write_bytes(b"%PDF-1.4 something else")
        with pytest.raises(UntocError, match="not the file recorded"):
            build_letter(draft, cluster1, options)


def test_exports_with_the_same_issue_time_are_identical(tmp_path, cluster1, draft_info):
    import datetime as dt

    from untoc_desktop.documents import export_submission

    when = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    answers = {"UNTOC.5.1(b).status": "partly"}
    for fmt in ("pdf", "docx"):
        one = export_submission(cluster1, draft_info, answers, tmp_path / f"one.{fmt}", fmt=fmt, issued_at=when)
        two = export_submission(cluster1, draft_info, answers, tmp_path / f"two.{fmt}", fmt=fmt, issued_at=when)
        assert one.read_bytes() == two.read_bytes()
    from pypdf import PdfReader

    info = PdfReader(tmp_path / "one.pdf").metadata  # the issue time in UTC (the dictionary may be compressed)
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261130063000Z"
    import zipfile

    with zipfile.ZipFile(tmp_path / "one.docx") as docx:
        assert {i.date_time for i in docx.infolist()} == {(2026, 11, 30, 6, 30, 0)}
        assert b"2026-11-30T06:30:00Z" in docx.read("docProps/core.xml")


def test_signing_with_a_read_only_draft_says_why_the_signature_is_not_recorded(
    tmp_path, draft_path, identities, monkeypatch, capsys
):
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)
    exported = tmp_path / "submission.pdf"
    assert main(["export", str(draft_path), "--format", "pdf", "-o", str(exported)]) == 0
    signed = tmp_path / "out" / "signed.pdf"
    signed.parent.mkdir()
    command = ["sign", str(exported), "--identity", str(identities["amina"].p12_path), "--signatory", "Amina"]
    draft_path.chmod(0o444)
    draft_path.parent.chmod(0o555)  # as on a read-only medium
    try:
        capsys.readouterr()
        assert main([*command, "--draft", str(draft_path), "-o", str(signed)]) == 0
        out, err = capsys.readouterr()
        assert "Signed: wrote" in out and "Recorded in the register" not in out
        assert err.strip() == (
            f"untoc: signed.pdf is not recorded in the register of {draft_path}: the draft or its folder cannot be "
            "written (read-only file, folder or medium). To record it, copy the draft to a folder you can write to "
            "and run the command on the copy."
        )
    finally:
        draft_path.parent.chmod(0o755)
        draft_path.chmod(0o644)
