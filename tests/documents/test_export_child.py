"""The window's export runs in a child process: progress, Cancel, and a child that dies."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest
from documents_cases import pdf_pages

from untoc_desktop.documents.child import export_in_child
from untoc_desktop.errors import ExportCancelled, ExportError


def test_the_child_writes_the_pdf_and_reports_progress_to_the_end(tmp_path, cluster1, draft_info, complete_answers):
    reported = []
    out = export_in_child(
        cluster1,
        draft_info,
        complete_answers,
        tmp_path / "s.pdf",
        "pdf",
        progress=lambda done, total: reported.append((done, total)),
    )
    assert out == tmp_path / "s.pdf"
    assert "Coalition for Justice & Rights" in pdf_pages(out)[0]
    assert reported and reported[-1][0] == reported[-1][1]
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]
    assert not [p for p in multiprocessing.active_children() if p.name == "untoc-export"]


def test_cancel_ends_the_child_and_keeps_the_existing_file(tmp_path, cluster1, draft_info, complete_answers):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous export")
    child_working = []  # cancel once the child reports progress (a fixed delay raced a fast export)
    with pytest.raises(ExportCancelled):
        export_in_child(
            cluster1,
            draft_info,
            complete_answers,
            target,
            "pdf",
            progress=lambda done, total: child_working.append(done),
            is_cancelled=lambda: bool(child_working),
        )
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]
    assert not [p for p in multiprocessing.active_children() if p.name == "untoc-export"]


def test_a_child_that_dies_gives_an_export_error_and_no_file(tmp_path, cluster1, draft_info, complete_answers):
    def kill_child(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "untoc-export":
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(ExportError, match="stopped unexpectedly"):
        export_in_child(cluster1, draft_info, complete_answers, tmp_path / "s.pdf", "pdf", progress=kill_child)
    assert list(tmp_path.iterdir()) == []


def test_characters_without_a_glyph_are_reported_once_by_the_child(tmp_path, cluster1, draft_info, complete_answers):
    answers = dict(complete_answers)
    question = next(q.id for q in cluster1.questions() if q.key == "practice")
    answers[question] = "Faces 😀 and 😀 again, a flag 🇸🇩"
    notices = []
    export_in_child(cluster1, draft_info, answers, tmp_path / "s.pdf", "pdf", notice=notices.append)
    assert len(notices) == 1
    assert "U+1F600" in notices[0] and "U+1F1F8" in notices[0] and notices[0].count("U+1F600") == 1
    assert "Word file keeps them" in notices[0]


def test_the_engine_never_loads_in_the_calling_process(tmp_path):
    """The window's process exports a PDF without loading the typesetting engine (its memory stays in the child)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from untoc_desktop.documents.child import export_in_child\n"
        "from untoc_desktop.draft import DraftInfo\n"
        "from untoc_desktop.questionnaire import load_installed_definition\n"
        "definition = load_installed_definition(1)\n"
        "info = DraftInfo('Org', 'Veridia', 1, frozenset({'TIP'}))\n"
        f"export_in_child(definition, info, {{}}, {str(tmp_path / 'e.pdf')!r}, 'pdf')\n"
        "assert 'typst' not in sys.modules, 'engine loaded in the calling process'\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert (tmp_path / "e.pdf").read_bytes().startswith(b"%PDF")


def test_the_child_exports_with_the_issue_time_to_the_same_bytes_as_here(tmp_path, cluster1, draft_info):
    """The window's export (in a child) and the register's re-export (here) give the same bytes."""
    import datetime as dt

    from untoc_desktop.documents import export_submission

    when = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.UTC)
    answers = {"UNTOC.5.1(b).status": "partly"}
    child = export_in_child(
        cluster1,
        draft_info,
        answers,
        tmp_path / "child.pdf",
        "pdf",
        issued_at=when,
        open_conflicts=("UNTOC.5.1(b).status",),
    )
    here = export_submission(
        cluster1,
        draft_info,
        answers,
        tmp_path / "here.pdf",
        fmt="pdf",
        issued_at=when,
        open_conflicts=("UNTOC.5.1(b).status",),
    )
    assert child.read_bytes() == here.read_bytes()
