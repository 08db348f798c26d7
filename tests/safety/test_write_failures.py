"""Writes that fail (issue 5): a full disk or I/O error during a save leaves no partial write."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import sha256
from sqlalchemy import event

from untoc_desktop.draft import Draft
from untoc_desktop.errors import DraftFileError

QID = "UNTOC.5.1(b).practice"


@pytest.mark.parametrize("failing_statement", ["INSERT INTO answer_change", "UPDATE answer", "INSERT INTO answer "])
def test_a_failed_save_changes_nothing_in_the_file(tmp_path, draft_info, failing_statement):
    path = tmp_path / "d.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, "first")
        draft.set_answer("UNTOC.5.1(b).cases", "kept")
    draft = Draft.open(path)
    before = sha256(path)

    def fail(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(failing_statement):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(draft._engine, "before_cursor_execute", fail)
    try:
        with pytest.raises(DraftFileError, match="disk is full.*Save As"):
            draft.set_answers({QID: "second", "UNTOC.5.1(b).challenges": "new"})
    finally:
        event.remove(draft._engine, "before_cursor_execute", fail)
    assert sha256(path) == before  # the transaction was rolled back as a whole
    assert draft.answers() == {QID: "first", "UNTOC.5.1(b).cases": "kept"}
    # Save As to another place still works, and carries what is in the file
    draft.save_copy(tmp_path / "elsewhere.untoc")
    draft.close()
    with Draft.open(tmp_path / "elsewhere.untoc") as copy:
        assert copy.answer(QID) == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.untoc", "elsewhere.untoc"]
