"""`untoc letter`, `recipient`, `sender`, `letters`, `letter-again` and `letter-sent` as a user types them."""

import datetime as dt
import json

from letter_helpers import docx_text, pdf_text

from untoc_desktop.cli import main


def untoc(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_letter_workflow_from_the_command_line(tmp_path, capsys):
    draft = tmp_path / "v.untoc"
    assert (
        untoc(
            capsys,
            "new",
            draft,
            "--cluster",
            "1",
            "--country",
            "Republic of Veridia",
            "--organization",
            "Coalition for Justice & Rights",
            "--protocols",
            "TIP",
        )[0]
        == 0
    )
    assert (
        untoc(
            capsys,
            "sender",
            draft,
            "--address",
            r"12 Harbour Street\nPort Vale",
            "--email",
            "c@cjr.example.org",
            "--signatory",
            "Dr. Lena Okafor",
            "--signatory-title",
            "Executive Director",
            "--reference-scheme",
            "CJR/{year}/{number:03d}",
        )[0]
        == 0
    )
    status, out, _ = untoc(
        capsys,
        "recipient",
        "add",
        draft,
        "--name",
        "Ms. Amina Diallo",
        "--title",
        "Director",
        "--agency",
        "Ministry of Justice",
        "--address",
        r"1 Square\nVeridia City",
        "--email",
        "fp@example.gov",
        "--focal-point",
    )
    recipient_id = out.strip()
    status, out, _ = untoc(capsys, "recipient", "list", draft, "--format", "json")
    (listed,) = json.loads(out)
    assert listed["recipient_uuid"] == recipient_id and listed["postal_address"] == "1 Square\nVeridia City"

    status, out, err = untoc(
        capsys,
        "letter",
        draft,
        "--kind",
        "engagement",
        "--language",
        "fr",
        "--format",
        "docx",
        "-o",
        tmp_path / "e.docx",
        "--date",
        "2026-11-29",
        "--form-of-address",
        "ms",
    )
    assert status == 0 and "CJR/2026/001" in out and not err
    text = docx_text(tmp_path / "e.docx")
    assert "29 novembre 2026" in text and "Ms. Amina Diallo" in text and "Madame," in text

    assert untoc(capsys, "letter-sent", draft, "CJR/2026/001", "--on", "2026-11-30", "--channel", "e-mail")[0] == 0
    attachment = tmp_path / "submission.pdf"
    attachment.write_bytes(b"%PDF export")
    status, out, err = untoc(
        capsys,
        "letter",
        draft,
        "--kind",
        "transmission",
        "--language",
        "en",
        "--format",
        "pdf",
        "-o",
        tmp_path / "t.pdf",
        "--attachment",
        attachment,
        "--recipient",
        recipient_id[:8],
    )
    assert status == 0, err
    assert "submission.pdf" in pdf_text(tmp_path / "t.pdf")
    status, out, err = untoc(
        capsys,
        "letter",
        draft,
        "--kind",
        "follow-up",
        "--language",
        "es",
        "--format",
        "docx",
        "-o",
        tmp_path / "f.docx",
        "--recalls",
        "CJR/2026/001",
    )
    assert status == 0, err
    assert "nuestra carta del 30 de noviembre de 2026 (referencia CJR/2026/001)" in docx_text(tmp_path / "f.docx")

    status, out, _ = untoc(capsys, "letters", draft, "--format", "json")
    rows = json.loads(out)
    assert [(r["reference"], r["kind"], r["sent_on"]) for r in rows] == [
        ("CJR/2026/001", "engagement", "2026-11-30"),
        ("CJR/2026/002", "transmission", ""),
        ("CJR/2026/003", "follow-up", ""),
    ]
    assert untoc(capsys, "letter-again", draft, "CJR/2026/001", "--format", "pdf", "-o", tmp_path / "e.pdf")[0] == 0
    assert "CJR/2026/001" in pdf_text(tmp_path / "e.pdf")


def test_errors_exit_2_with_one_line_and_write_nothing(tmp_path, capsys):
    draft = tmp_path / "v.untoc"
    untoc(capsys, "new", draft, "--cluster", "1", "--country", "Veridia", "--organization", "CJR")
    template = tmp_path / "mine.docx"
    from docx import Document

    document = Document()
    document.add_paragraph("{{ reference }} {{ date }} {{ signature_block }}")
    document.save(str(template))
    cases = [
        ("letter", draft, "--kind", "transmission", "--language", "en", "--format", "pdf", "-o", tmp_path / "x.pdf"),
        (
            "letter",
            draft,
            "--kind",
            "engagement",
            "--language",
            "en",
            "--format",
            "docx",
            "-o",
            tmp_path / "x.docx",
            "--template",
            template,
        ),
        (
            "letter",
            draft,
            "--kind",
            "follow-up",
            "--language",
            "en",
            "--format",
            "docx",
            "-o",
            tmp_path / "x.docx",
            "--recalls",
            "NOPE",
        ),
        ("letter", draft, "--kind", "engagement", "--language", "de", "--format", "docx", "-o", tmp_path / "x.docx"),
        ("sender", draft, "--reference-scheme", "CJR/{year}"),
        ("letter-sent", draft, "CJR/2026/001", "--on", "30/11/2026", "--channel", "post"),
    ]
    for args in cases:
        status, out, err = untoc(capsys, *args)
        assert status == 2 and err.count("\n") == 1 and "Traceback" not in err, (args, err)
    assert "signature_block" in untoc(capsys, *cases[1])[2]
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".x.*"))


def test_the_register_does_not_call_a_sent_letter_digitally_signed(tmp_path, capsys):
    """The letter's signatory is the name printed under it; only submissions are compared with the draft."""
    draft = tmp_path / "v.untoc"
    commands = [
        ("new", draft, "--cluster", "1", "--country", "Veridia", "--organization", "CJR", "--protocols", "TIP"),
        (
            "sender",
            draft,
            "--address",
            "12 Harbour Street",
            "--signatory",
            "Dr. Lena Okafor",
            "--reference-scheme",
            "L-{number}",
        ),
        ("recipient", "add", draft, "--name", "Ms. Amina Diallo", "--address", "1 Square", "--focal-point"),
        ("letter", draft, "--kind", "engagement", "--language", "en", "--format", "pdf", "-o", tmp_path / "e.pdf"),
        ("letter-sent", draft, "L-1", "--channel", "e-mail", "--on", "2026-11-30"),  # before it was recorded
        ("export", draft, "--format", "pdf", "-o", tmp_path / "s.pdf"),
    ]
    for command in commands:
        status, _out, err = untoc(capsys, *command)
        assert status == 0, (command, err)
    status, out, _err = untoc(capsys, "sent", draft)
    letter, submission = (line.split("\t") for line in out.splitlines())
    assert letter[2:6] == [
        "letter",
        "e.pdf",
        "pdf",
        "no digital signature (signatory named in the letter: Dr. Lena Okafor)",
    ]
    assert letter[-1] == ""  # no "no change since": a letter keeps no answers to compare with
    assert letter[6] == "to Ms. Amina Diallo by e-mail, sent on 2026-11-30"  # not only the day it was recorded
    assert submission[2:6] == ["submission", "s.pdf", "pdf", "unsigned"] and submission[-1] == "no change since"
    status, out, _err = untoc(capsys, "sent", draft, "--format", "json")
    assert [row["sent_on"] for row in json.loads(out)] == ["2026-11-30", ""]
    # Without --on: today.
    untoc(
        capsys, "letter", draft, "--kind", "engagement", "--language", "en", "--format", "pdf", "-o", tmp_path / "2.pdf"
    )
    assert untoc(capsys, "letter-sent", draft, "L-2", "--channel", "post")[0] == 0
    status, out, _err = untoc(capsys, "letters", draft, "--format", "json")
    assert json.loads(out)[1]["sent_on"] == dt.date.today().isoformat()
