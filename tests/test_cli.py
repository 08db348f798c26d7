import json
import sqlite3
import subprocess
import sys

import pytest
from helpers import REPO_ROOT, sha256

from untoc_desktop.cli import main

EXAMPLE = REPO_ROOT / "examples" / "cluster1-answers.json"


def run(*args):
    """Run the real `untoc` command in a child process (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "untoc_desktop", *map(str, args)], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def new_draft(path, *extra, cluster=1):
    return main(
        [
            "new",
            str(path),
            "--cluster",
            str(cluster),
            "--country",
            "Republic of Veridia",
            "--organization",
            "Coalition for Justice & Rights",
            "--author",
            "A. Researcher",
            *extra,
        ]
    )


def test_questions_json_lists_every_question_with_its_schema(cluster1, capsys):
    assert main(["questions", "--cluster", "1", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = payload["questions"]
    assert [r["id"] for r in rows] == [q.id for q in cluster1.questions()]
    first = rows[0]
    assert set(first) >= {"id", "instrument", "article", "paragraph", "label", "type", "required", "value_schema"}
    assert first["value_schema"]["enum"] == ["fully", "partly", "not_implemented", "unknown"]


def test_new_validate_reports_missing_by_provision(tmp_path, capsys):
    path = tmp_path / "v.untoc"
    assert new_draft(path, "--protocols", "TIP") == 0
    capsys.readouterr()
    assert main(["validate", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["complete"] is False
    instruments = {m["instrument"] for m in report["missing"]}
    assert instruments == {"UNTOC", "TIP"}  # SOM and Firearms not applicable
    assert {"instrument", "article", "paragraph", "question", "label", "reason"} <= set(report["missing"][0])
    assert main(["validate", str(path)]) == 1
    text = capsys.readouterr().out
    assert text.startswith("Cluster 1: 0 of ") and "Convention, art. 5, para. 1(a)" in text


def test_import_then_validate_complete(tmp_path, capsys):
    path = tmp_path / "veridia.untoc"
    new_draft(path, "--protocols", "TIP,SOM,FIREARMS")
    assert main(["import-answers", str(path), str(EXAMPLE)]) == 0
    assert main(["validate", str(path)]) == 0
    assert "Complete" in capsys.readouterr().out


def test_import_with_unknown_id_writes_nothing(tmp_path):
    path = tmp_path / "v.untoc"
    new_draft(path)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"UNTOC.5.1(b).status": "fully", "UNTOC.77.1.status": "fully"}), encoding="utf-8")
    before = sha256(path)
    code, out, err = run("import-answers", path, answers)
    assert code == 2 and "UNTOC.77.1.status" in err and len(err.strip().splitlines()) == 1
    assert sha256(path) == before


@pytest.mark.parametrize(
    "args",
    [
        ["new", "x.untoc", "--cluster", "9", "--country", "C", "--organization", "O"],
        ["new", "x.untoc", "--cluster", "1", "--country", "C", "--organization", "O", "--protocols", "TIP,NARCOTICS"],
        ["frobnicate"],
        ["validate"],
        ["export", "x.untoc", "--format", "odt", "-o", "x.odt"],
    ],
)
def test_bad_usage_exits_2_with_one_line(tmp_path, args):
    code, out, err = run(*args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_unreadable_files_exit_2_with_one_line(tmp_path):
    foreign = tmp_path / "other.untoc"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    for path in (foreign, tmp_path / "missing.untoc", tmp_path):
        code, out, err = run("validate", path)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_export_both_formats_from_the_command_line(tmp_path):
    path = tmp_path / "veridia.untoc"
    new_draft(path, "--protocols", "TIP,SOM,FIREARMS")
    main(["import-answers", str(path), str(EXAMPLE)])
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"veridia.{fmt}"
        code, stdout, stderr = run("export", path, "--format", fmt, "-o", out)
        assert code == 0, stderr
        assert out.stat().st_size > 10_000


def test_validate_names_unnumbered_paragraphs_without_their_internal_refs(tmp_path, capsys):
    path = tmp_path / "c2.untoc"
    assert new_draft(path, "--protocols", "TIP,SOM,FIREARMS", cluster=2) == 0
    capsys.readouterr()
    assert main(["validate", str(path)]) == 1
    text = capsys.readouterr().out
    assert "para. single" not in text and "para. chapeau" not in text
    assert "\nTrafficking in Persons Protocol, art. 13 (" in text
    assert "\nFirearms Protocol, art. 7, introductory words (" in text


HOLDER = """
import sys, time
from untoc_desktop.opening import open_draft
opened = open_draft(sys.argv[1], lock=True)
print("open", flush=True)
time.sleep(60)
"""


def test_a_draft_on_read_only_media_says_why_in_the_command_lines_terms(tmp_path, capsys):
    folder = tmp_path / "usb"
    folder.mkdir()
    draft = folder / "v.untoc"
    assert new_draft(draft) == 0
    folder.chmod(0o555)
    draft.chmod(0o444)
    try:
        before = sha256(draft)
        capsys.readouterr()
        assert main(["import-answers", str(draft), str(EXAMPLE)]) == 2
        _out, err = capsys.readouterr()
        assert err.startswith(f"untoc: {draft} or its folder cannot be written (read-only file, folder or medium)")
        assert "Copy the draft to a folder you can write to" in err and "Save As" not in err
        assert len(err.strip().splitlines()) == 1

        # An export still works, and says that it is not in the register.
        out_pdf = tmp_path / "out.pdf"
        assert main(["export", str(draft), "--format", "pdf", "-o", str(out_pdf)]) == 0
        out, err = capsys.readouterr()
        assert out.strip() == f"Exported {out_pdf}."
        assert err.strip() == (
            f"untoc: out.pdf is not recorded in the register of {draft}: the draft or its folder cannot be written "
            "(read-only file, folder or medium). To record it, copy the draft to a folder you can write to and run "
            "the command on the copy."
        )
        assert sha256(draft) == before and sorted(p.name for p in folder.iterdir()) == ["v.untoc"]
    finally:
        folder.chmod(0o755)
        draft.chmod(0o644)


def test_a_draft_open_in_the_application_says_so_and_where(tmp_path, capsys):
    draft = tmp_path / "v.untoc"
    assert new_draft(draft) == 0
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(draft)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert main(["import-answers", str(draft), str(EXAMPLE)]) == 2
        _out, err = capsys.readouterr()
        assert err.startswith(f"untoc: {draft} is open in untoc_desktop (by ")
        assert "Close it there, then run the command again." in err and "Save As" not in err
        assert main(["export", str(draft), "--format", "docx", "-o", str(tmp_path / "o.docx")]) == 0
        _out, err = capsys.readouterr()
        assert f"o.docx is not recorded in the register of {draft}: the draft is open in untoc_desktop" in err
    finally:
        child.kill()
        child.wait()
