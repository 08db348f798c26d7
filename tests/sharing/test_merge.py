import shutil
import sqlite3

import pytest

from untoc_desktop.documents.submission import build_submission
from untoc_desktop.draft import Draft
from untoc_desktop.draft.correspondence import (
    LetterEntry,
    Recipient,
    letters,
    recipients,
    record_letter,
    save_recipient,
)
from untoc_desktop.errors import CopyMismatchError, NewerDraftError, NotADraftError
from untoc_desktop.sharing.cloud import conflicted_copies
from untoc_desktop.sharing.conflicts import open_conflicts, resolve
from untoc_desktop.sharing.history import restore, versions
from untoc_desktop.sharing.merge import merge, question_kinds
from untoc_desktop.sharing.send_copy import ASSIGNMENT_PROPERTY, COPIES_SENT_PROPERTY, send_copy
from untoc_desktop.validation import check_completeness

TEXT = "UNTOC.2.(a).practice"
STATUS = "UNTOC.2.(a).status"
BASE = "The police have a unit. It has 12 officers. Prosecutors rarely use the law."


@pytest.fixture
def shared(copies):
    """A draft with a text answer, sent to a colleague: (mine, theirs)."""
    (mine,) = copies("mine")
    with Draft.open(mine) as draft:
        draft.set_answer(TEXT, BASE)
        theirs = send_copy(draft, mine.with_name("theirs.untoc"), "Boris", articles=["UNTOC.2"])
    return mine, theirs


def _edit(path, question_id, value, author=None):
    with Draft.open(path) as draft:
        draft.set_answer(question_id, value, author)


def test_a_copy_sent_keeps_the_identity_and_records_the_colleague_and_assignment(shared):
    mine, theirs = shared
    with Draft.open(mine) as a, Draft.open(theirs) as b:
        assert a.info.draft_uuid == b.info.draft_uuid
        assert b.info.author == "Boris"
        assert b.property(ASSIGNMENT_PROPERTY)["articles"] == ["UNTOC.2"]
        assert a.property(COPIES_SENT_PROPERTY)[0]["colleague"] == "Boris"


def test_changes_to_different_sentences_merge_even_when_adjacent(shared, cluster1):
    mine, theirs = shared
    _edit(mine, TEXT, "The police have a unit. It has 15 officers. Prosecutors rarely use the law.")
    _edit(theirs, TEXT, "The police have a unit. It has 12 officers. Prosecutors never use the law.")
    report = merge(mine, theirs, kinds=question_kinds(cluster1))
    assert report.merged == (TEXT,) and not report.conflicts
    with Draft.open(mine) as draft:
        assert draft.answer(TEXT) == "The police have a unit. It has 15 officers. Prosecutors never use the law."


def test_same_sentence_conflict_shows_both_and_each_resolution_gives_the_expected_text(shared, cluster1, tmp_path):
    mine, theirs = shared
    _edit(mine, TEXT, "The police have a unit. It has 15 officers. Prosecutors rarely use the law.")
    _edit(theirs, TEXT, "The police have a unit. It has 20 officers. Prosecutors rarely use the law.")
    report = merge(mine, theirs, kinds=question_kinds(cluster1))
    (conflict,) = report.conflicts
    assert conflict.question_id == TEXT and conflict.theirs_author == "Boris"
    assert "15 officers" in conflict.mine and "20 officers" in conflict.theirs
    assert conflict.ancestor == BASE
    expected = {
        "mine": "The police have a unit. It has 15 officers. Prosecutors rarely use the law.",
        "theirs": "The police have a unit. It has 20 officers. Prosecutors rarely use the law.",
        "both": "The police have a unit. It has 15 officers. It has 20 officers. Prosecutors rarely use the law.",
        "edit": "The police have a unit. It has 17 officers. Prosecutors rarely use the law.",
    }
    for choice, text in expected.items():
        path = tmp_path / f"resolved-{choice}.untoc"
        shutil.copyfile(mine, path)
        with Draft.open(path) as draft:
            assert resolve(draft, TEXT, choice, value=text if choice == "edit" else None) == text
            assert draft.answer(TEXT) == text
            assert open_conflicts(draft) == []
            assert any("20 officers" in (c.new_value or "") for c in draft.history(TEXT))  # their text kept


def test_an_open_conflict_keeps_the_submission_a_draft(shared, cluster1):
    mine, theirs = shared
    _edit(mine, STATUS, "fully")
    _edit(theirs, STATUS, "partly")
    merge(mine, theirs, kinds=question_kinds(cluster1))
    with Draft.open(mine) as draft:
        answers, ids, info = draft.answers(), [c.question_id for c in open_conflicts(draft)], draft.info
        assert open_conflicts(draft)[0].both is None  # two statuses cannot both be kept
    assert ids == [STATUS]
    report = check_completeness(cluster1, answers, info.protocols, ids)
    assert not report.complete and report.open_conflicts == (STATUS,)
    document = build_submission(cluster1, info, answers, report)
    assert document.draft_watermark == "DRAFT – incomplete"
    assert any("open conflict" in getattr(block, "text", "") for block in document.blocks)


def test_records_merge_record_by_record(shared):
    mine, theirs = shared
    law = {"title": "Penal Code", "provision": "art. 5", "year": 2001, "link": ""}
    _edit(mine, "UNTOC.2.(a).legislation", [law])
    with Draft.open(mine) as draft:
        shutil.copyfile(mine, theirs)  # both start from the same list (no row ids: an older draft)
    _edit(mine, "UNTOC.2.(a).legislation", [law, {"title": "Police Act", "year": 2010, "row_id": "m1"}])
    _edit(theirs, "UNTOC.2.(a).legislation", [dict(law, year=2003)])
    report = merge(mine, theirs)
    assert not report.conflicts
    with Draft.open(mine) as draft:
        value = draft.answer("UNTOC.2.(a).legislation")
    assert [(r["title"], r["year"]) for r in value] == [("Penal Code", 2003), ("Police Act", 2010)]


def test_refuses_another_draft_another_cluster_itself_and_newer_copies(shared, tmp_path, draft_info):
    mine, theirs = shared
    before = mine.read_bytes()
    other = Draft.create(tmp_path / "other.untoc", draft_info)
    other.close()
    with pytest.raises(CopyMismatchError, match="not a copy of this draft"):
        merge(mine, tmp_path / "other.untoc")
    with pytest.raises(CopyMismatchError, match="the draft itself"):
        merge(mine, mine)
    cluster2 = tmp_path / "cluster2.untoc"
    shutil.copyfile(theirs, cluster2)
    with sqlite3.connect(cluster2) as connection:
        connection.execute("UPDATE draft SET cluster = 2")
    connection.close()
    with pytest.raises(CopyMismatchError, match="cluster 2"):
        merge(mine, cluster2)
    newer = tmp_path / "newer.untoc"
    shutil.copyfile(theirs, newer)
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version=99")
    connection.close()
    with pytest.raises(NewerDraftError):
        merge(mine, newer)
    assert mine.read_bytes() == before


def test_a_crafted_copy_with_a_view_is_refused_before_it_is_read(shared, tmp_path):
    mine, theirs = shared
    crafted = tmp_path / "crafted.untoc"
    shutil.copyfile(theirs, crafted)
    connection = sqlite3.connect(crafted)
    connection.execute("ALTER TABLE answer RENAME TO answer_real")
    connection.execute("CREATE VIEW answer AS SELECT * FROM answer_real")
    connection.commit()
    connection.close()
    with pytest.raises(NotADraftError):
        merge(mine, crafted)


def test_address_book_letters_and_sender_merge_by_identity(shared):
    mine, theirs = shared
    with Draft.open(theirs) as draft:
        official = save_recipient(draft, Recipient("Ms. Amina Diallo", is_focal_point=True))
        record_letter(draft, LetterEntry("CJR/2026/1", "engagement", "en", official.recipient_uuid))
        draft.set_property("sender", {"organization": "CJR"})
    with Draft.open(mine) as draft:
        save_recipient(draft, Recipient("Mr. Local"))
    first = merge(mine, theirs)
    assert (first.recipients_added, first.letters_added, first.sender_taken) == (1, 1, True)
    assert not merge(mine, theirs).changed
    with Draft.open(mine) as draft:
        assert [r.name for r in recipients(draft)] == ["Mr. Local", "Ms. Amina Diallo"]
        assert letters(draft)[0].recipient_uuid == official.recipient_uuid
        assert draft.property("sender") == {"organization": "CJR"}


def test_history_lists_versions_with_author_and_restores_one(shared):
    mine, theirs = shared
    _edit(theirs, TEXT, "Boris wrote this.")
    merge(mine, theirs)
    _edit(mine, TEXT, "Amina wrote that.", "Amina")
    with Draft.open(mine) as draft:
        found = versions(draft, TEXT)
        assert [c.new_value for c in found][:2] == ["Amina wrote that.", "Boris wrote this."]
        assert found[1].author == "Boris"
        restore(draft, TEXT, found[1].change_uuid)
        assert draft.answer(TEXT) == "Boris wrote this."


@pytest.mark.parametrize(
    "name",
    [
        "veridia (Boris's conflicted copy 2026-01-01).untoc",
        "veridia (conflicted copy 2026-01-01 120000).untoc",
        "veridia-LAPTOP-7.untoc",
        "veridia.sync-conflict-20260101-120000-ABCDEFG.untoc",
    ],
)
def test_cloud_conflicted_copies_are_found_beside_the_draft(tmp_path, name):
    (tmp_path / "veridia.untoc").write_bytes(b"")
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "other.untoc").write_bytes(b"")
    assert conflicted_copies(tmp_path / "veridia.untoc") == [tmp_path / name]


def test_merging_back_and_forth_shows_the_conflict_on_both_sides_and_a_settlement_travels(shared, cluster1):
    mine, theirs = shared
    kinds = question_kinds(cluster1)
    _edit(mine, TEXT, "The police have a unit. It has 15 officers. Prosecutors rarely use the law.")
    _edit(theirs, TEXT, "The police have a unit. It has 20 officers. Prosecutors rarely use the law.")
    merge(mine, theirs, kinds=kinds)  # Amina merges Boris's copy: a conflict, she keeps her text
    merge(theirs, mine, kinds=kinds)  # Boris merges hers back: he keeps his text, the conflict shown from his side
    with Draft.open(theirs) as draft:
        (conflict,) = open_conflicts(draft)
        assert "20 officers" in draft.answer(TEXT) and "20 officers" in conflict.mine
        assert "15 officers" in conflict.theirs
    with Draft.open(mine) as draft:
        resolve(draft, TEXT, "mine")  # Amina settles it: her text
    report = merge(theirs, mine, kinds=kinds)  # Boris merges again: her decision settles his conflict too
    assert report.details["settled_in_copy"] == [TEXT]
    with Draft.open(theirs) as draft:
        assert open_conflicts(draft) == []
        assert "15 officers" in draft.answer(TEXT)
    assert not merge(theirs, mine, kinds=kinds).changed


def test_register_entries_merge_by_identity(shared):
    from untoc_desktop.draft.register import SentEntry, record_sent, sent_entries

    mine, theirs = shared
    with Draft.open(theirs) as draft:
        sent = record_sent(
            draft,
            SentEntry("submission", "boris.pdf", "pdf", "b" * 64, ("Boris",), "Focal point", "e-mail", {"answers": {}}),
        )
    with Draft.open(mine) as draft:
        record_sent(draft, SentEntry("letter", "letter.docx", "docx", "a" * 64))
    first = merge(mine, theirs)
    assert first.changed and first.details["sent_added"] == 1
    assert not merge(mine, theirs).changed  # the same copy twice changes nothing
    with Draft.open(mine) as draft:
        entries = sent_entries(draft)
    assert [e.file_name for e in entries] == ["letter.docx", "boris.pdf"]
    assert entries[1].entry_uuid == sent.entry_uuid and entries[1].signatories == ("Boris",)
