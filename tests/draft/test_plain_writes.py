"""Answers, details and properties written with plain SQL store the very rows the ORM stored (issue 11).

The ORM path below is the store's code as it was before the writes became plain SQL
(``draft/store.py``: write_answers, write_property, write_info, one session per action). The
same changes go through it into one draft and through :class:`Draft`'s plain-SQL writes into
another copy of the same file, with the same change ids and clock; every row, with its SQLite
type, must be the same, and the history, a colleague's copy and a merge must read them the same.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from untoc_desktop.draft import Draft, writes
from untoc_desktop.draft.models import AnswerChangeRecord, AnswerRecord, DraftPropertyRecord, DraftRecord
from untoc_desktop.sharing.copy_file import read_copy
from untoc_desktop.sharing.merge import merge

TEXT = "UNTOC.5.1(b).practice"
CASES = "UNTOC.5.1(b).cases"
STATUS = "UNTOC.5.1(b).status"
LAWS = "UNTOC.5.1(a).legislation"
MOVED = "UNTOC.5.1(b).challenges"
TABLES = ("draft", "answer", "answer_change", "draft_property")


class _Clock:
    """Deterministic change ids and times, one sequence per path (``use`` switches, ``restart`` starts again)."""

    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        self._sequences = {name: (itertools.count(1), itertools.count(1)) for name in ("orm", "plain")}
        self.use("orm")

    def use(self, name: str) -> None:
        self._ids, self._times = self._sequences[name]

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(int=next(self._ids))

    def now(self) -> datetime:
        # A time zone other than UTC: both paths store it converted to UTC.
        moment = datetime(2026, 3, 1, 9, 30, tzinfo=UTC) + timedelta(seconds=next(self._times), microseconds=7)
        return moment.astimezone(timezone(timedelta(hours=2)))


class _OrmWrites:
    """The old ORM code path of Draft.set_answers, set_answer, set_property, update_info and move_answers."""

    def __init__(self, draft: Draft, clock: _Clock) -> None:
        self.draft, self.clock = draft, clock

    def set_answers(self, values, author=None):
        author = self.draft.info.author if author is None else author
        with self.draft.writing() as session:
            changed = 0
            now = self.clock.now()
            for question_id, value in values.items():
                record = session.get(AnswerRecord, question_id)
                previous = None if record is None else record.value
                if previous == value:
                    continue
                if value is None:
                    session.delete(record)
                elif record is None:
                    session.add(AnswerRecord(question_id=question_id, value=value, updated_at=now, updated_by=author))
                else:
                    record.value, record.updated_at, record.updated_by = value, now, author
                session.add(
                    AnswerChangeRecord(
                        change_uuid=str(self.clock.uuid4()),
                        draft_uuid=self.draft.info.draft_uuid,
                        question_id=question_id,
                        author=author,
                        changed_at=now,
                        previous_value=previous,
                        new_value=value,
                    )
                )
                changed += 1
            return changed

    def set_answer(self, question_id, value, author=None):
        return self.set_answers({question_id: value}, author) > 0

    def _write_property(self, session, key, value):
        record = session.get(DraftPropertyRecord, key)
        if record is None:
            session.add(DraftPropertyRecord(key=key, value=value, updated_at=self.clock.now()))
        else:
            record.value, record.updated_at = value, self.clock.now()

    def set_property(self, key, value):
        with self.draft.writing() as session:
            self._write_property(session, key, value)

    def update_info(self, properties=None, **fields):
        with self.draft.writing() as session:
            record = session.get(DraftRecord, 1)
            for name, value in fields.items():
                setattr(record, name, sorted(value) if name == "protocols" else value)
            for key, value in (properties or {}).items():
                self._write_property(session, key, value)
        self.draft._info = self.draft._load_info()
        return self.draft._info

    def move_answers(self, moves, author=None):
        current = self.draft.answers()
        values = {}
        for old, new in moves.items():
            if old in current and new not in current:
                values[new] = current[old]
                values[old] = None
        self.set_answers(values, author)
        return len(values) // 2


_CITATION = [{"title": "Código Penal", "provision": "art. 210", "year": 2011, "link": ""}]
_SENDER = {"name": "Coalition", "city": "Veridia", "nested": [1, 2.5, None]}

#: The same changes for both paths, one call each; the rows are compared after each.
STEPS = (
    lambda w: w.set_answers({TEXT: "Texte en français: المادة 5 \ud800 \x00 end", LAWS: _CITATION, STATUS: "partly"}),
    lambda w: w.set_answer(TEXT, "second"),  # an update
    lambda w: w.set_answer(TEXT, "second"),  # unchanged: skipped, nothing recorded
    lambda w: w.set_answers({LAWS: None, "UNTOC.5.1(b).missing": None}),  # a removal; None for a missing one: skipped
    lambda w: w.set_answer(STATUS, "fully", author="B. Colleague"),
    lambda w: w.set_answer(CASES, 1),
    lambda w: w.set_answer(CASES, True),  # equal to 1 for Python: skipped by both
    lambda w: w.set_property("sender", _SENDER),
    lambda w: w.set_property("sender", dict(reversed(_SENDER.items()))),  # equal: the stored text is kept
    lambda w: w.set_property("sender", {"name": "Coalition", "city": "Elsewhere"}),
    lambda w: w.set_property("spaced", {"b": [True], "a": 1}),  # stored with spaces (see base): kept when equal
    lambda w: w.update_info(protocols=["TIP", "SOM"], language="en"),  # equal: the spaced text is kept
    lambda w: w.update_info(
        organization="Coalition pour la justice",
        protocols=frozenset({"TIP", "SOM", "FIREARMS"}),
        country_code="VRD",
        properties={"applicability": {"source": "user"}},
    ),
    lambda w: w.update_info(protocols=["SOM", "FIREARMS", "TIP"], author="A. Researcher"),  # equal: unchanged
    lambda w: w.update_info(author="C. Third", properties={}),
    lambda w: w.move_answers({TEXT: MOVED, "UNTOC.nowhere": "UNTOC.elsewhere"}),
    lambda w: w.set_answers({TEXT: ["a", {"b": None}], MOVED: None}, author=""),
)


def _rows(path) -> dict[str, list[tuple]]:
    """Every row of the written tables, each value with its SQLite storage class, in rowid order."""
    connection = sqlite3.connect(path)
    try:
        result = {}
        for table in TABLES:
            names = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            columns = ", ".join(f"typeof({name}), {name}" for name in names)
            result[table] = connection.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
        return result
    finally:
        connection.close()


def _store_spaced_values(path) -> None:
    """Values written by another program: JSON with spaces, which both paths must keep when equal."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "INSERT INTO draft_property (key, value, updated_at) VALUES (?, ?, ?)",
                ("spaced", '{"a": 1, "b": [true]}', "2026-01-01T00:00:00.000000+00:00"),
            )
            connection.execute("UPDATE draft SET protocols = ?", ('[ "SOM", "TIP" ]',))
    finally:
        connection.close()


@pytest.fixture
def clock(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(uuid, "uuid4", clock.uuid4)
    monkeypatch.setattr(writes, "_now", clock.now)
    return clock


@pytest.fixture
def base(tmp_path, draft_info):
    path = tmp_path / "base.untoc"
    info = replace(
        draft_info,
        draft_uuid="5b7c0b5e-0000-4000-8000-000000000001",
        created_at=datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
    )
    Draft.create(path, info).close()
    with Draft.open(path) as draft:
        draft.set_answers({CASES: "kept from before", STATUS: "unknown"})
    _store_spaced_values(path)
    return path


def _write_both(base, tmp_path, clock):
    """Each step written through the ORM into one copy and with plain SQL into another, the rows compared after each.

    Returns:
        The two paths and the two lists of what each call returned.
    """
    (tmp_path / "orm").mkdir()
    (tmp_path / "plain").mkdir()
    # The same file name in two folders: a merge records the copy's name.
    orm_path, plain_path = tmp_path / "orm" / "copy.untoc", tmp_path / "plain" / "copy.untoc"
    shutil.copyfile(base, orm_path)
    shutil.copyfile(base, plain_path)
    clock.restart()
    orm_results, plain_results = [], []
    with Draft.open(orm_path) as orm_draft, Draft.open(plain_path) as plain_draft:
        orm = _OrmWrites(orm_draft, clock)
        for number, step in enumerate(STEPS):
            clock.use("orm")
            orm_results.append(step(orm))
            clock.use("plain")
            plain_results.append(step(plain_draft))
            assert _rows(plain_path) == _rows(orm_path), f"after step {number}"
    return orm_path, plain_path, orm_results, plain_results


def _column(path, sql, parameters=()):
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute(sql, parameters)]
    finally:
        connection.close()


def test_plain_writes_store_the_rows_the_orm_stored(base, tmp_path, clock):
    orm_path, plain_path, orm_results, plain_results = _write_both(base, tmp_path, clock)
    assert plain_results == orm_results
    assert plain_results[:7] == [3, True, False, 1, True, True, False] and plain_results[-2:] == [1, 2]
    assert plain_results[11].protocols == {"SOM", "TIP"}
    assert plain_results[-3].author == "C. Third" and plain_results[-3].protocols == {"FIREARMS", "SOM", "TIP"}
    orm_rows, plain_rows = _rows(orm_path), _rows(plain_path)
    assert plain_rows == orm_rows
    # The changes did happen (a comparison of two empty tables would prove nothing).
    assert len(plain_rows["answer_change"]) == 2 + 11 and len(plain_rows["draft_property"]) == 3
    assert _column(plain_path, "SELECT value FROM draft_property WHERE key = 'spaced'") == ['{"a": 1, "b": [true]}']
    assert _column(plain_path, "SELECT value FROM draft_property WHERE key = 'sender'") == [
        '{"name":"Coalition","city":"Elsewhere"}'
    ]
    assert _column(plain_path, "SELECT protocols FROM draft") == ['["FIREARMS","SOM","TIP"]']
    assert _column(plain_path, "SELECT value FROM answer WHERE question_id = ?", (TEXT,)) == ['["a",{"b":null}]']
    authors = _column(plain_path, "SELECT DISTINCT updated_by FROM answer ORDER BY 1")
    assert authors == ["", "A. Researcher", "B. Colleague"]
    assert "C. Third" in _column(plain_path, "SELECT author FROM answer_change")  # the details' new author
    times = _column(plain_path, "SELECT changed_at FROM answer_change WHERE id > 2")
    assert times[0] == "2026-03-01T09:30:01.000007+00:00" and all(t.endswith("+00:00") for t in times)


def test_history_copies_and_merges_read_plain_writes_as_they_read_the_orm_s(base, tmp_path, clock):
    orm_path, plain_path, _orm, _plain = _write_both(base, tmp_path, clock)
    with Draft.open(orm_path) as orm, Draft.open(plain_path) as plain:
        assert plain.history() == orm.history() and len(plain.history()) == 13
        assert plain.answers() == orm.answers() and plain.info == orm.info
        assert plain.property("sender") == orm.property("sender") == {"name": "Coalition", "city": "Elsewhere"}
    orm_copy, plain_copy = read_copy(orm_path), read_copy(plain_path)
    for name in ("info", "answers", "history", "conflicts", "recipients", "letters", "sent", "sender"):
        assert getattr(plain_copy, name) == getattr(orm_copy, name), name
    # Each merged, as a colleague's copy, into the same draft (which changed an answer of its own).
    mine = tmp_path / "mine.untoc"
    shutil.copyfile(base, mine)
    with Draft.open(mine) as draft:
        draft.set_answer(STATUS, "not_implemented", author="Mine")
    mine_for_orm, mine_for_plain = tmp_path / "mine-orm.untoc", tmp_path / "mine-plain.untoc"
    shutil.copyfile(mine, mine_for_orm)
    shutil.copyfile(mine, mine_for_plain)
    clock.restart()
    orm_report = merge(mine_for_orm, orm_path)
    clock.restart()
    plain_report = merge(mine_for_plain, plain_path)
    assert plain_report.changed and plain_report.taken and plain_report.conflicts and plain_report.sender_taken
    assert plain_report == orm_report
    with Draft.open(mine_for_orm) as orm, Draft.open(mine_for_plain) as plain:
        assert plain.answers() == orm.answers()
        assert [(c.change_uuid, c.question_id, c.author, c.previous_value, c.new_value) for c in plain.history()] == [
            (c.change_uuid, c.question_id, c.author, c.previous_value, c.new_value) for c in orm.history()
        ]
