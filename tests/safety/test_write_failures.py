"""Writes that fail (issue 5): a full disk or I/O error during a save leaves no partial write."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from helpers import sha256

from untoc_desktop.draft import Draft, writes
from untoc_desktop.errors import DraftFileError

QID = "UNTOC.5.1(b).practice"


class _FailingConnection:
    """A draft connection whose statements starting with ``prefix`` fail as on a full disk."""

    def __init__(self, connection, prefix):
        self._connection, self._prefix = connection, prefix

    def execute(self, statement, parameters=()):
        if statement.startswith(self._prefix):
            raise sqlite3.OperationalError("database or disk is full")
        return self._connection.execute(statement, parameters)

    def __getattr__(self, name):
        return getattr(self._connection, name)


@contextmanager
def _failing_statement(prefix):
    """Make the write transactions' statements starting with ``prefix`` fail (the plain-SQL writes' seam)."""
    real = writes.connect_for_writing

    @contextmanager
    def connect(path):
        with real(path) as connection:
            yield _FailingConnection(connection, prefix)

    writes.connect_for_writing = connect
    try:
        yield
    finally:
        writes.connect_for_writing = real


@pytest.mark.parametrize("failing_statement", ["INSERT INTO answer_change", "UPDATE answer", "INSERT INTO answer "])
def test_a_failed_save_changes_nothing_in_the_file(tmp_path, draft_info, failing_statement):
    path = tmp_path / "d.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, "first")
        draft.set_answer("UNTOC.5.1(b).cases", "kept")
    draft = Draft.open(path)
    before = sha256(path)

    with _failing_statement(failing_statement):
        with pytest.raises(DraftFileError, match="disk is full.*Save As"):
            draft.set_answers({QID: "second", "UNTOC.5.1(b).challenges": "new"})
    assert sha256(path) == before  # the transaction was rolled back as a whole
    assert draft.answers() == {QID: "first", "UNTOC.5.1(b).cases": "kept"}
    # Save As to another place still works, and carries what is in the file
    draft.save_copy(tmp_path / "elsewhere.untoc")
    draft.close()
    with Draft.open(tmp_path / "elsewhere.untoc") as copy:
        assert copy.answer(QID) == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.untoc", "elsewhere.untoc"]
