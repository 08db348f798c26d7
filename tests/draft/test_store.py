import sqlite3
import struct

import pytest
from helpers import sha256

from untoc_desktop.draft import APPLICATION_ID, SCHEMA_VERSION, Draft, DraftInfo, check_draft_file
from untoc_desktop.errors import DraftExistsError, DraftFileError, NewerDraftError, NotADraftError

QID = "UNTOC.5.1(a).practice"


def test_round_trip_keeps_info_and_answers(tmp_path, draft_info):
    path = tmp_path / "round.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, "Texte en français & <b>arabe</b>: المادة 5")
        draft.set_answer(
            "UNTOC.5.1(a).legislation", [{"title": "Criminal Code", "provision": "art. 210", "year": 2011, "link": ""}]
        )
        uuid = draft.info.draft_uuid
    with Draft.open(path) as reopened:
        assert reopened.info.draft_uuid == uuid
        assert reopened.info.organization == "Coalition for Justice & Rights"
        assert reopened.info.protocols == frozenset({"TIP", "SOM"})
        assert reopened.answer(QID) == "Texte en français & <b>arabe</b>: المادة 5"
        assert reopened.answers()["UNTOC.5.1(a).legislation"][0]["year"] == 2011


def test_file_carries_application_id_and_schema_version(draft):
    connection = sqlite3.connect(draft.path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        connection.close()


def test_every_change_is_recorded_with_author_time_and_previous_value(draft):
    draft.set_answer(QID, "first")
    draft.set_answer(QID, "second", author="B. Colleague")
    assert draft.set_answer(QID, "second") is False  # unchanged: nothing recorded
    history = draft.history(QID)
    assert [(h.previous_value, h.new_value, h.author) for h in history] == [
        (None, "first", "A. Researcher"),
        ("first", "second", "B. Colleague"),
    ]
    assert history[0].changed_at <= history[1].changed_at and history[0].changed_at.tzinfo is not None
    assert len({h.change_uuid for h in history}) == 2


def test_none_removes_an_answer_and_is_recorded(draft):
    draft.set_answer(QID, "text")
    draft.set_answer(QID, None)
    assert QID not in draft.answers()
    assert draft.history(QID)[-1].previous_value == "text"


def test_lone_surrogates_and_controls_are_stored_unchanged(draft):
    text = "a\ud800b\x00c\x0bd\uffff"
    draft.set_answer(QID, text)
    assert draft.answer(QID) == text


def test_closed_draft_is_a_single_file(tmp_path, draft_info):
    path = tmp_path / "single.untoc"
    draft = Draft.create(path, draft_info)
    draft.set_answer(QID, "x")
    draft.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["single.untoc"]


def test_create_never_overwrites(tmp_path, draft_info):
    path = tmp_path / "exists.untoc"
    path.write_bytes(b"precious")
    with pytest.raises(DraftExistsError):
        Draft.create(path, draft_info)
    assert path.read_bytes() == b"precious"


def test_create_in_missing_folder_fails_cleanly(tmp_path, draft_info):
    with pytest.raises(DraftFileError, match="does not exist. Choose an existing folder"):
        Draft.create(tmp_path / "nope" / "x.untoc", draft_info)


def _foreign_sqlite(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('x')")
    connection.commit()
    connection.close()


def test_foreign_sqlite_file_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "addressbook.untoc"
    _foreign_sqlite(path)
    before = sha256(path)
    with pytest.raises(NotADraftError, match="another program"):
        Draft.open(path)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["addressbook.untoc"]


def test_newer_draft_is_refused_and_unchanged(tmp_path, draft_info):
    path = tmp_path / "newer.untoc"
    Draft.create(path, draft_info).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.close()
    before = sha256(path)
    with pytest.raises(NewerDraftError, match="newer version"):
        Draft.open(path)
    assert sha256(path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "not a draft file"),
        (b"SQLite format 3\x00", "not a draft file"),
    ],
)
def test_non_draft_bytes_are_refused(tmp_path, content, message):
    path = tmp_path / "odd.untoc"
    path.write_bytes(content)
    with pytest.raises(NotADraftError, match=message):
        Draft.open(path)
    assert path.read_bytes() == content


def test_truncated_draft_is_refused_and_unchanged(tmp_path, draft_info):
    source = tmp_path / "full.untoc"
    with Draft.create(source, draft_info) as draft:
        draft.set_answers({"UNTOC.5.1(a).practice": "x" * 20000, "UNTOC.5.1(b).practice": "y" * 20000})
    truncated = tmp_path / "truncated.untoc"
    truncated.write_bytes(source.read_bytes()[:4096])
    before = sha256(truncated)
    with pytest.raises(NotADraftError):
        Draft.open(truncated).answers()
    assert sha256(truncated) == before


def test_header_is_checked_without_sqlite(tmp_path, draft_info):
    path = tmp_path / "h.untoc"
    Draft.create(path, draft_info).close()
    raw = path.read_bytes()
    assert struct.unpack(">I", raw[68:72])[0] == APPLICATION_ID
    assert check_draft_file(path).user_version == SCHEMA_VERSION


def test_save_copy_writes_a_consistent_draft(draft, tmp_path):
    draft.set_answer(QID, "kept in the copy")
    target = tmp_path / "copy.untoc"
    draft.save_copy(target)
    with Draft.open(target) as copy:
        assert copy.answer(QID) == "kept in the copy"
        assert copy.info.draft_uuid == draft.info.draft_uuid


def test_read_only_draft_refuses_writes(draft):
    path = draft.path
    draft.set_answer(QID, "x")
    draft.close()
    before = sha256(path)
    with Draft.open(path, read_only=True) as read_only:
        assert read_only.answer(QID) == "x"
        with pytest.raises(DraftFileError, match="read-only"):
            read_only.set_answer(QID, "y")
    assert sha256(path) == before


def test_update_info_changes_protocols(draft):
    info = draft.update_info(protocols={"FIREARMS"})
    assert info.protocols == frozenset({"FIREARMS"})
    with pytest.raises(ValueError):
        draft.update_info(cluster=2)


def test_draft_info_defaults_are_plain_data():
    info = DraftInfo("Org", "Country", 1, frozenset())
    assert info.language == "en" and info.draft_uuid == ""
