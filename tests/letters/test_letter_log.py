"""The transmission summary, references, the letter log: regenerate and mark as sent."""

import datetime as dt
import hashlib

import pytest
from letter_helpers import DAY, docx_text, statuses

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import (
    LetterError,
    LetterOptions,
    assess,
    build_letter,
    create_letter,
    find_letter,
    letter_sent,
    next_reference,
    regenerate_letter,
)


def test_the_transmission_summary_matches_the_drafts_statuses(letter_draft, cluster1):
    known = statuses(cluster1, letter_draft.info.protocols)
    letter = build_letter(
        letter_draft, cluster1, LetterOptions("transmission", "en", attachment=letter_draft.attachment, letter_date=DAY)
    )
    f = letter.fields
    # unknown not counted
    assert (f["count_assessed"], f["count_partly"], f["count_not_implemented"]) == ("6", "2", "2")
    expected_lines = {}
    for paragraph, status in known.items():
        if status in ("partly", "not_implemented"):
            label = {"partly": "partly implemented", "not_implemented": "not implemented"}[status]
            expected_lines.setdefault(paragraph.article, []).append(f"{paragraph.ref} ({label})")
    assert f["summary"].split("\n") == [
        f"Convention, article {a}: {', '.join(items)}" for a, items in expected_lines.items()
    ]
    assert f["attachment_name"] == "veridia-cluster1.pdf"
    assert f["attachment_sha256"] == hashlib.sha256(letter_draft.attachment.read_bytes()).hexdigest()


def test_paragraphs_of_protocols_not_ratified_are_not_counted(letter_draft, cluster1):
    firearms = next(p for p in cluster1.paragraphs() if p.instrument == "FIREARMS")
    letter_draft.set_answer(f"{firearms.id}.status", "not_implemented")
    assert assess(cluster1, letter_draft.answers(), letter_draft.info.protocols).not_implemented == 2
    assert assess(cluster1, letter_draft.answers(), {"FIREARMS"}).not_implemented == 3


def test_a_transmission_without_its_attachment_is_refused(letter_draft, cluster1, tmp_path):
    with pytest.raises(LetterError, match="needs the exported submission"):
        build_letter(letter_draft, cluster1, LetterOptions("transmission", "en"))
    with pytest.raises(LetterError, match="Cannot read the attachment"):
        build_letter(letter_draft, cluster1, LetterOptions("transmission", "en", attachment=tmp_path / "gone.pdf"))


def test_references_follow_the_scheme_and_skip_used_numbers():
    assert next_reference("CJR/{year}/{number:03d}", 2026, {"CJR/2026/001", "CJR/2026/002"}) == "CJR/2026/003"
    assert next_reference("CJR/{year}/{number:03d}", 2027, {"CJR/2026/001"}) == "CJR/2027/001"
    for broken in ("CJR/{year}", "CJR/{yr}/{number}", "CJR/{number"):
        with pytest.raises(LetterError):
            next_reference(broken, 2026, ())


def test_a_follow_up_recalls_the_earlier_letter_by_date_and_reference(letter_draft, cluster1):
    letter = build_letter(
        letter_draft, cluster1, LetterOptions("follow-up", "fr", recalls="CJR/2026/001", letter_date=DAY)
    )
    assert letter.fields["recalled_date"] == "2 octobre 2026"  # the date it was sent
    assert (
        "Nous nous référons à notre lettre du 2 octobre 2026 (référence CJR/2026/001) concernant notre "
        "demande de participation à l'examen." == letter.paragraphs[0]
    )
    with pytest.raises(LetterError, match="no letter 'CJR/1999/001'"):
        build_letter(letter_draft, cluster1, LetterOptions("follow-up", "fr", recalls="CJR/1999/001"))


def test_a_logged_letter_is_regenerated_as_it_was_and_marked_as_sent(letter_draft, cluster1, tmp_path):
    first = tmp_path / "t.docx"
    letter, entry = create_letter(
        letter_draft,
        cluster1,
        LetterOptions("transmission", "es", attachment=letter_draft.attachment, letter_date=DAY),
        first,
        "docx",
    )
    letter_draft.attachment.write_bytes(b"changed later")
    letter_draft.set_answers({k: None for k in letter_draft.answers()})  # the draft moves on

    again = regenerate_letter(find_letter(letter_draft, entry.reference), tmp_path / "again.docx", "docx")
    assert again.fields == letter.fields and docx_text(tmp_path / "again.docx") == docx_text(first)
    regenerate_letter(entry, tmp_path / "again.pdf", "pdf")
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")

    sent = letter_sent(letter_draft, entry.reference, dt.date(2026, 12, 1), "e-mail")
    assert (sent.sent_on, sent.sent_channel) == ("2026-12-01", "e-mail")
    assert letters(letter_draft)[-1].sent_on == "2026-12-01"
    with pytest.raises(LetterError):
        letter_sent(letter_draft, "CJR/1999/009", dt.date(2026, 12, 1), "post")


def test_a_letter_cannot_be_marked_as_sent_on_a_day_still_to_come(letter_draft, cluster1, tmp_path):
    from untoc_desktop.draft.register import sent_entries
    from untoc_desktop.letters.letter_log import letter_date

    _letter, entry = create_letter(
        letter_draft, cluster1, LetterOptions("engagement", "en", letter_date=DAY), tmp_path / "e.pdf", "pdf"
    )
    assert letter_date(entry) == DAY  # the date written on it
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(LetterError, match="still to come"):
        letter_sent(letter_draft, entry.reference, tomorrow, "post")
    assert find_letter(letter_draft, entry.reference).sent_on == "" and sent_entries(letter_draft) == []
    assert letter_sent(letter_draft, entry.reference, dt.date.today(), "post").sent_on == dt.date.today().isoformat()


def test_a_letter_written_again_is_the_same_file_byte_for_byte(letter_draft, cluster1, tmp_path):
    """As a submission re-exported from the register is: its SHA-256 proves it is the letter that was sent."""
    import time

    entries = {}
    for fmt in ("pdf", "docx"):
        options = LetterOptions("engagement", "fr", letter_date=DAY)
        entries[fmt] = create_letter(letter_draft, cluster1, options, tmp_path / f"first.{fmt}", fmt)[1]
    time.sleep(2.1)  # later by more than the files' time resolution (2 s in a zip)
    for fmt, entry in entries.items():
        again = tmp_path / f"again.{fmt}"
        regenerate_letter(find_letter(letter_draft, entry.reference), again, fmt)
        assert again.read_bytes() == (tmp_path / f"first.{fmt}").read_bytes(), fmt
