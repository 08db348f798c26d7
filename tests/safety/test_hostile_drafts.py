"""A draft from someone else can never act on this computer (issue 9).

Every hostile draft (see ``hostile_drafts.HOSTILE``) is refused with a clear
message, through the command line and through the open path of the window, and
its bytes stay exactly as they were.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import sha256
from hostile_drafts import HOSTILE, QID, SAVED, make_hostile

from untoc_desktop.cli import main
from untoc_desktop.draft import SCHEMA_VERSION, Draft
from untoc_desktop.draft.connection import connect
from untoc_desktop.draft.safety import lock_path, sidecars
from untoc_desktop.draft.schema_check import check_contents
from untoc_desktop.errors import DraftValueError, HostileDraftError, NotADraftError
from untoc_desktop.opening import open_draft


def _folder_state(folder):
    return {p.name: sha256(p) for p in folder.iterdir() if p.is_file()}


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path, draft_info):
    folder = tmp_path / "received"
    folder.mkdir()
    return make_hostile(folder, request.param, draft_info), HOSTILE[request.param][1]


def test_the_command_line_refuses_it_and_changes_no_byte(hostile, tmp_path, capsys):
    path, question = hostile
    before = _folder_state(path.parent)
    answers = tmp_path / "answers.json"
    answers.write_text('{"UNTOC.5.1(b).status": "fully"}', encoding="utf-8")
    for argv in (
        ["validate", str(path)],
        ["export", str(path), "--format", "pdf", "-o", str(tmp_path / "o.pdf")],
        ["import-answers", str(path), str(answers)],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("untoc: ") and "Traceback" not in err and "was not changed" in err
        if question:
            assert question in err  # a bad value is reported by question
    assert _folder_state(path.parent) == before  # no byte changed, no lock, no journal left
    assert not (tmp_path / "o.pdf").exists()


def test_the_window_open_path_refuses_it_and_changes_no_byte(hostile):
    path, question = hostile
    before = _folder_state(path.parent)
    with pytest.raises(NotADraftError) as refused:
        open_draft(path, lock=True)
    if question:
        assert isinstance(refused.value, DraftValueError) and refused.value.question_id == question
    assert _folder_state(path.parent) == before
    assert not lock_path(path).exists() and not sidecars(path)


def test_schema_changes_are_named_as_instructions_the_application_does_not_make(tmp_path, draft_info):
    path = make_hostile(tmp_path, "trigger_rewrites_answers_and_erases_history", draft_info)
    with pytest.raises(HostileDraftError, match="trigger rewrite"):
        Draft.open(path)


def test_a_validate_in_a_subprocess_prints_one_line_and_no_traceback(tmp_path, draft_info):
    path = make_hostile(tmp_path, "deep_json_value", draft_info)
    before = sha256(path)
    done = subprocess.run(
        [sys.executable, "-m", "untoc_desktop", "validate", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert QID in done.stderr and "nested more than" in done.stderr
    assert sha256(path) == before


def test_a_sound_draft_passes_the_check_and_keeps_its_answers(tmp_path, draft_info):
    path = tmp_path / "sound.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, SAVED)
        draft.set_property("sender", {"reference_scheme": "CJR/{year}/{number:03d}"})
    check_contents(path, SCHEMA_VERSION)
    with Draft.open(path) as draft:
        assert draft.answer(QID) == SAVED


def test_draft_connections_distrust_the_schema_and_limit_values(tmp_path, draft_info):
    path = tmp_path / "d.untoc"
    Draft.create(path, draft_info).close()
    connection = connect(path, read_only=True)
    try:
        assert connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        import sqlite3

        assert connection.getlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH) <= 200
        assert connection.getlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH) <= 10
        with pytest.raises(sqlite3.DataError):
            connection.execute("SELECT zeroblob(100 * 1024 * 1024)").fetchone()
    finally:
        connection.close()


def test_only_the_connection_factory_opens_sqlite_files():
    from pathlib import Path

    import untoc_desktop

    package = Path(untoc_desktop.__file__).parent
    offenders = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if "sqlite3.connect(" in p.read_text("utf-8") and p.name not in ("connection.py", "schema_check.py")
    ]
    assert offenders == []


@pytest.mark.parametrize("bad", ["'" + "[" * 5000 + "]" * 5000 + "'", "CAST(x'22ff22' AS TEXT)", "'NaN'"])
def test_a_bad_value_in_the_history_is_reported_by_question_when_read(tmp_path, draft_info, bad):
    import sqlite3

    path = make_hostile(tmp_path, "extra_index", draft_info)  # any draft; the index is dropped again below
    connection = sqlite3.connect(path)
    connection.execute("DROP INDEX ix_evil")
    connection.execute(f"UPDATE answer_change SET new_value = {bad}")
    connection.commit()
    connection.close()
    with Draft.open(path, read_only=True) as draft:  # the history is large: checked when read
        assert draft.answer(QID) == SAVED
        with pytest.raises(DraftValueError) as refused:
            draft.history()
    assert refused.value.question_id == QID and QID in str(refused.value)


def test_a_history_value_of_the_wrong_sql_kind_is_refused_at_opening(tmp_path, draft_info):
    import sqlite3

    path = make_hostile(tmp_path, "extra_index", draft_info)
    connection = sqlite3.connect(path)
    connection.execute("DROP INDEX ix_evil")
    connection.execute("UPDATE answer_change SET new_value = x'00ff'")
    connection.commit()
    connection.close()
    with pytest.raises(DraftValueError, match=re.escape(QID)):
        Draft.open(path, read_only=True)
