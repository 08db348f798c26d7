import json
import shutil

from untoc_desktop.cli import main
from untoc_desktop.draft import Draft

TEXT = "UNTOC.2.(a).practice"


def _pair(copies):
    mine, theirs = copies("mine", "theirs")
    with Draft.open(mine) as draft:
        draft.set_answer(TEXT, "One. Two. Three.")
    shutil.copyfile(mine, theirs)
    return mine, theirs


def test_merge_exits_0_when_nothing_is_left_open(copies, capsys):
    mine, theirs = _pair(copies)
    with Draft.open(theirs) as draft:
        draft.set_answer(TEXT, "One. Two. Three. Four.", "Boris")
    assert main(["merge", str(mine), str(theirs)]) == 0
    assert f"taken    {TEXT}" in capsys.readouterr().out
    with Draft.open(mine) as draft:
        assert draft.answer(TEXT) == "One. Two. Three. Four."


def test_merge_exits_1_and_prints_both_versions_of_a_conflict(copies, capsys):
    mine, theirs = _pair(copies)
    with Draft.open(mine) as draft:
        draft.set_answer(TEXT, "One. Two (mine). Three.", "Amina")
    with Draft.open(theirs) as draft:
        draft.set_answer(TEXT, "One. Two (theirs). Three.", "Boris")
    assert main(["merge", str(mine), str(theirs)]) == 1
    out = capsys.readouterr().out
    assert f"CONFLICT {TEXT}" in out and "Two (mine)." in out and "Two (theirs)." in out and "Boris" in out
    # answers: the JSON is what import-answers reads; the open conflict is listed with both versions
    assert main(["answers", str(mine)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {TEXT: "One. Two (mine). Three."}
    assert "Two (theirs)." in captured.err
    assert main(["answers", str(mine), "--format", "csv"]) == 1
    assert "One. Two (mine). Three.,One. Two (theirs). Three." in capsys.readouterr().out
    assert main(["history", str(mine), TEXT]) == 0
    out = capsys.readouterr().out
    assert "Boris" in out and "Amina" in out and "Two (theirs)." in out
    assert main(["validate", str(mine)]) == 1


def test_merge_exits_2_and_writes_nothing_for_another_draft_or_an_unreadable_file(copies, tmp_path, draft_info, capsys):
    mine, _theirs = _pair(copies)
    before = mine.read_bytes()
    Draft.create(tmp_path / "other.untoc", draft_info).close()
    assert main(["merge", str(mine), str(tmp_path / "other.untoc")]) == 2
    assert "not a copy of this draft" in capsys.readouterr().err
    (tmp_path / "junk.untoc").write_text("not a draft")
    assert main(["merge", str(mine), str(tmp_path / "junk.untoc")]) == 2
    assert main(["merge", str(mine), str(tmp_path / "missing.untoc")]) == 2
    assert mine.read_bytes() == before


def test_answers_json_is_what_import_answers_reads(copies, tmp_path, capsys):
    source, target = copies("source", "target")
    values = {
        TEXT: "Texte « cité ». 中文。",
        "UNTOC.2.(a).status": "partly",
        "UNTOC.2.(a).legislation": [{"title": "Penal Code", "provision": "", "year": 2001, "link": "", "row_id": "r1"}],
    }
    with Draft.open(source) as draft:
        draft.set_answers(values)
    assert main(["answers", str(source)]) == 0
    exported = tmp_path / "answers.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["import-answers", str(target), str(exported)]) == 0
    with Draft.open(target) as draft:
        assert draft.answers() == values


def test_merge_into_a_draft_open_in_the_application_is_refused(copies, capsys):
    from untoc_desktop.draft.safety import DraftLock

    mine, theirs = _pair(copies)
    with Draft.open(theirs) as draft:
        draft.set_answer(TEXT, "One. Two. Three. Four.", "Boris")
    before = mine.read_bytes()
    lock = DraftLock.acquire(mine)  # this running process holds it, as the desktop application would
    try:
        assert main(["merge", str(mine), str(theirs)]) == 2
    finally:
        lock.release()
    assert "open in untoc_desktop" in capsys.readouterr().err
    assert mine.read_bytes() == before


def test_merge_goes_through_the_workspace_with_the_author_given(copies, monkeypatch, capsys):
    import sqlite3
    from pathlib import Path

    from untoc_desktop.workspace import Workspace

    mine, theirs = _pair(copies)
    with Draft.open(theirs) as draft:
        draft.set_answer(TEXT, "One. Two. Three. Four.", "Boris")
    calls = []
    original = Workspace.merge_copy

    def spy(self, theirs_path, author=None):
        calls.append((self.path, Path(theirs_path), author, self.read_only))
        return original(self, theirs_path, author)

    monkeypatch.setattr(Workspace, "merge_copy", spy)
    assert main(["merge", str(mine), str(theirs), "--author", "Chen"]) == 0
    assert calls == [(mine, theirs, "Chen", False)]
    connection = sqlite3.connect(mine)
    try:
        row = connection.execute("SELECT value, updated_by FROM answer WHERE question_id = ?", (TEXT,)).fetchone()
    finally:
        connection.close()
    assert row == ('"One. Two. Three. Four."', "Chen")
