"""PAdES signatures: made with our identities and OpenSSL's PKCS#12, checked by untoc verify AND poppler's pdfsig."""

import io
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_helpers import PASSPHRASE, nss_database, pdfsig

from untoc_desktop.cli import main
from untoc_desktop.signing.identity import make_certificates
from untoc_desktop.signing.pdf_sign import SignatureRequest, sign_pdf
from untoc_desktop.signing.verify import verify_pdf


def sign(pdf, out, identity, name="Amina Haddad", language="en"):
    return sign_pdf(
        pdf,
        out,
        identity,
        SignatureRequest(
            name, "Director", "Coalition for Justice & Rights", "Submission of CJR on cluster 1", language
        ),
    )


def test_signed_pdf_is_intact_and_trusted_for_untoc_verify_and_pdfsig(tmp_path, pdf, amina, identities, capsys):
    signed = sign(pdf, tmp_path / "signed.pdf", amina)
    assert main(["verify", str(signed), "--fingerprint", identities["amina"].root_fingerprint]) == 0
    out = capsys.readouterr().out
    assert "Amina Haddad" in out and "intact" in out and "from the expected root" in out
    nss = nss_database(tmp_path / "nss", identities["amina"].root_pem)
    [report] = pdfsig(signed, nss)
    assert report == {
        "signer": "Amina Haddad",
        "valid": "Signature is Valid.",
        "certificate": "Certificate is Trusted.",
    }
    assert b"/SubFilter /ETSI.CAdES.detached" in signed.read_bytes()  # PAdES


@pytest.mark.parametrize("legacy", [False, True], ids=["openssl-default", "openssl-legacy"])
def test_pkcs12_made_by_openssl_signs(tmp_path, pdf, legacy, capsys):
    key, certificate, root = make_certificates("Omar Said", "Coalition for Justice & Rights")
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (tmp_path / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    command = [
        "openssl",
        "pkcs12",
        "-export",
        "-inkey",
        "key.pem",
        "-in",
        "cert.pem",
        "-certfile",
        "root.pem",
        "-passout",
        f"pass:{PASSPHRASE}",
        "-out",
        "omar.p12",
    ] + (["-legacy"] if legacy else [])
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    status = main(
        [
            "sign",
            str(pdf),
            "--identity",
            str(tmp_path / "omar.p12"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--signatory",
            "Omar Said",
            "-o",
            str(tmp_path / "signed.pdf"),
        ]
    )
    assert status == 0, capsys.readouterr().err
    from untoc_desktop.signing.identity import fingerprint

    assert main(["verify", str(tmp_path / "signed.pdf"), "--fingerprint", fingerprint(root)]) == 0
    [report] = pdfsig(tmp_path / "signed.pdf", nss_database(tmp_path / "nss", tmp_path / "root.pem"))
    assert report["valid"] == "Signature is Valid." and report["certificate"] == "Certificate is Trusted."


def _contents_span(data: bytes) -> tuple[int, int]:
    """Offsets of the hex digits of the (last) signature's /Contents."""
    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    return start, data.index(b">", start)


def test_one_changed_byte_in_the_signed_range_is_detected_by_both(tmp_path, pdf, amina, identities):
    signed = sign(pdf, tmp_path / "signed.pdf", amina)
    data = bytearray(signed.read_bytes())
    position = data.index(b"stream", 2000) + 40  # inside a compressed content stream of the signed range
    data[position] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert main(["verify", str(broken), "--fingerprint", identities["amina"].root_fingerprint]) == 1
    [report] = pdfsig(broken, nss_database(tmp_path / "nss", identities["amina"].root_pem))
    assert report["valid"] != "Signature is Valid."


def test_one_changed_byte_in_the_signature_blob_is_detected_by_both(tmp_path, pdf, amina, identities):
    signed = sign(pdf, tmp_path / "signed.pdf", amina)
    data = bytearray(signed.read_bytes())
    start, end = _contents_span(bytes(data))
    meaningful_end = start + len(bytes(data[start:end]).rstrip(b"0"))
    position = meaningful_end - 20  # inside the RSA signature value, at the end of the SignerInfo
    data[position] = ord("A") if data[position] != ord("A") else ord("B")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert main(["verify", str(broken), "--fingerprint", identities["amina"].root_fingerprint]) == 1
    [report] = pdfsig(broken, nss_database(tmp_path / "nss", identities["amina"].root_pem))
    assert report["valid"] != "Signature is Valid."


def _append_update(signed, out, change):
    with open(signed, "rb") as handle:
        writer = IncrementalPdfFileWriter(io.BytesIO(handle.read()))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def _add_text(writer):
    font = writer.add_object(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
            }
        )
    )
    stream = writer.add_object(
        generic.StreamObject(stream_data=b"BT /FAdded 14 Tf 72 400 Td (Not what was signed) Tj ET")
    )
    resources = generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/FAdded"): font})}
    )
    writer.add_stream_to_page(0, stream, resources=resources)


def _add_annotation(writer):
    page_ref = writer.find_page_for_modification(0)[0]
    page = page_ref.get_object()
    annotation = writer.add_object(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
                generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (100, 100, 120, 120)]),
                generic.pdf_name("/Contents"): generic.TextStringObject("Added after signing"),
            }
        )
    )
    annotations = generic.ArrayObject(list(page.get("/Annots", generic.ArrayObject())))
    annotations.append(annotation)
    page[generic.pdf_name("/Annots")] = annotations
    writer.mark_update(page_ref)


@pytest.mark.parametrize("change", [_add_text, _add_annotation], ids=["text-on-a-page", "annotation"])
def test_an_update_appended_after_signing_fails_untoc_verify(tmp_path, pdf, amina, identities, change, capsys):
    signed = sign(pdf, tmp_path / "signed.pdf", amina)
    changed = _append_update(signed, tmp_path / "changed.pdf", change)
    assert len(changed.read_bytes()) > len(signed.read_bytes())
    assert main(["verify", str(changed), "--fingerprint", identities["amina"].root_fingerprint]) == 1
    assert "CHANGED after signing" in capsys.readouterr().out or change is _add_annotation
    [check] = verify_pdf(changed, [identities["amina"].root_fingerprint]).signatures
    assert check.intact and check.trusted and not check.unchanged_since


def test_two_signatures_in_sequence_are_both_valid(tmp_path, pdf, amina, jean, identities, no_network):
    first = sign(pdf, tmp_path / "one.pdf", amina)
    second = sign(first, tmp_path / "two.pdf", jean, name="Jean Dupont")
    fingerprints = [identities["amina"].root_fingerprint, identities["jean"].root_fingerprint]
    report = verify_pdf(second, fingerprints)
    assert [c.signer for c in report.signatures] == ["Amina Haddad", "Jean Dupont"]
    assert report.ok and [c.changes for c in report.signatures] == ["later signatures only", "none"]
    nss = nss_database(tmp_path / "nss", identities["amina"].root_pem, identities["jean"].root_pem)
    assert [(r["valid"], r["certificate"]) for r in pdfsig(second, nss)] == [
        ("Signature is Valid.", "Certificate is Trusted.")
    ] * 2
    # Each block has its own place on the page.
    reader = PdfFileReader(io.BytesIO(second.read_bytes()))
    (a, b) = [[float(v) for v in f.sig_field["/Rect"]] for f in reader.embedded_signatures]
    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]  # side by side or one above the other


def test_a_signature_from_another_root_is_not_trusted(tmp_path, pdf, amina, identities, capsys):
    signed = sign(pdf, tmp_path / "signed.pdf", amina)
    assert main(["verify", str(signed), "--fingerprint", identities["jean"].root_fingerprint]) == 1
    out = capsys.readouterr().out
    assert "NOT from the expected root" in out and identities["amina"].root_fingerprint in out


def test_an_unreadable_file_exits_2(tmp_path, capsys):
    (tmp_path / "x.pdf").write_bytes(b"not a pdf at all")
    assert main(["verify", str(tmp_path / "x.pdf")]) == 2
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
