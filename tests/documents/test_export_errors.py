"""export_submission: progress, cancellation and write failures never leave half a file."""

from __future__ import annotations

import errno

import pytest
from documents_cases import docx_texts, pdf_pages

from untoc_desktop.documents import export_submission
from untoc_desktop.draft import Draft
from untoc_desktop.errors import ExportCancelled, ExportError, UntocError

FORMATS = ("docx", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_from_a_real_draft_file(tmp_path, draft_info, cluster1, complete_answers, fmt):
    with Draft.create(tmp_path / "veridia.untoc", draft_info) as draft:
        draft.set_answers(complete_answers)
        draft.set_answer("UNTOC.5.1(a).practice", "Les tribunaux appliquent l'article 450-1 & suivants.")
        info, answers = draft.info, draft.answers()
    out = export_submission(cluster1, info, answers, tmp_path / f"out.{fmt}", fmt)
    assert out == tmp_path / f"out.{fmt}"
    text = "\n".join(docx_texts(out)["body"]) if fmt == "docx" else "".join(pdf_pages(out))
    assert "Les tribunaux appliquent l'article 450-1 & suivants." in " ".join(text.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_is_reported_up_to_the_total(tmp_path, draft_info, cluster1, complete_answers, fmt):
    calls = []
    export_submission(
        cluster1,
        draft_info,
        complete_answers,
        tmp_path / f"p.{fmt}",
        fmt,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert len(calls) > 10
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_raises_and_writes_nothing(tmp_path, draft_info, cluster1, complete_answers, fmt):
    polls = []

    def is_cancelled() -> bool:
        polls.append(1)
        return len(polls) > 5

    with pytest.raises(ExportCancelled):
        export_submission(cluster1, draft_info, complete_answers, tmp_path / f"c.{fmt}", fmt, is_cancelled=is_cancelled)
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_existing_file_unchanged(tmp_path, draft_info, cluster1, complete_answers):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous export")
    with pytest.raises(ExportCancelled):
        export_submission(cluster1, draft_info, complete_answers, target, "pdf", is_cancelled=lambda: True)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_folder_raises_export_error(tmp_path, draft_info, cluster1, complete_answers, fmt):
    target = tmp_path / "no such folder" / f"out.{fmt}"
    with pytest.raises(ExportError, match="does not exist; choose another folder"):
        export_submission(cluster1, draft_info, complete_answers, target, fmt)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_unwritable_folder_raises_export_error_and_leaves_nothing(
    tmp_path, monkeypatch, draft_info, cluster1, complete_answers, fmt
):
    """Permission denied when the file is created (simulated: the tests may run as root)."""
    import untoc_desktop.documents as documents

    def refuse(document, path, fmt, *, tick=None):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(documents, "render", refuse)
    with pytest.raises(ExportError, match="Permission denied. Check that you may write there"):
        export_submission(cluster1, draft_info, complete_answers, tmp_path / f"out.{fmt}", fmt)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_disk_full_midway_leaves_no_partial_file(tmp_path, monkeypatch, draft_info, cluster1, complete_answers, fmt):
    import untoc_desktop.documents as documents

    real_render = documents.render

    def fill_disk(document, path, fmt, *, tick=None):
        real_render(document, path, fmt, tick=tick)  # the temporary file is fully written...
        raise OSError(errno.ENOSPC, "No space left on device")  # ...and then the disk is full

    monkeypatch.setattr(documents, "render", fill_disk)
    target = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportError) as caught:
        export_submission(cluster1, draft_info, complete_answers, target, fmt)
    assert str(caught.value) == (
        f"Could not write {target}: No space left on device. Free some space or choose another folder."
    )
    assert isinstance(caught.value, UntocError)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_refused(tmp_path, draft_info, cluster1, complete_answers):
    with pytest.raises(ExportError, match="choose Word"):
        export_submission(cluster1, draft_info, complete_answers, tmp_path / "out.odt", "odt")


def test_renderer_failure_becomes_export_error(tmp_path, monkeypatch, draft_info, cluster1, complete_answers):
    import untoc_desktop.documents as documents

    def broken(document, path, fmt, *, tick=None):
        path.write_bytes(b"half")
        raise ValueError("layout failed")

    monkeypatch.setattr(documents, "render", broken)
    with pytest.raises(ExportError, match="layout failed. Nothing was written"):
        export_submission(cluster1, draft_info, complete_answers, tmp_path / "out.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []
