"""Exporting from the window: a worker thread with progress; errors as messages, never tracebacks."""

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from untoc_desktop.errors import ExportCancelled, ExportError


def run_export(qtbot, window, path, fmt="docx"):
    operation = window.start_export(path, fmt)
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    return operation


def test_export_runs_in_the_background_with_the_saved_answers(qtbot, window, draft_path, tmp_path, fake_export):
    window.draft_view.select("UNTOC.5.1(a)")
    editor = window.draft_view.current_page().blocks["UNTOC.5.1(a).practice"].field.editor
    qtbot.keyClicks(editor, "typed right before export")  # flushed before the export starts
    out = tmp_path / "submission.docx"

    run_export(qtbot, window, out)

    definition_id, organization, answers, path, fmt, language = fake_export.calls[0]
    assert (definition_id, organization, path, fmt, language) == (
        "untoc-cluster-1",
        "Coalition for Justice & Rights",
        out,
        "docx",
        "en",
    )
    assert answers["UNTOC.5.1(a).practice"] == "typed right before export"
    assert out.read_bytes() == b"exported"
    assert "Submission exported to" in window.statusBar().currentMessage()
    assert window.export_operation is None and window.export_pdf_action.isEnabled()


def test_export_error_is_shown_as_a_message(qtbot, window, draft_path, tmp_path, fake_export, message_boxes):
    fake_export.error = ExportError("The folder is read-only. Choose another folder.")
    run_export(qtbot, window, tmp_path / "x.pdf", "pdf")
    assert message_boxes.shown[-1] == (
        "warning",
        "The submission was not exported",
        "The folder is read-only. Choose another folder.",
    )


def test_unexpected_export_failure_shows_a_sentence_not_a_traceback(
    qtbot, window, draft_path, tmp_path, fake_export, message_boxes
):
    fake_export.error = KeyError("paragraph")
    run_export(qtbot, window, tmp_path / "x.docx")
    text = message_boxes.texts()[-1]
    assert text.startswith("An unexpected problem stopped the export")
    assert "Traceback" not in text


def test_window_stays_responsive_and_cancel_stops_the_export(qtbot, window, draft_path, tmp_path, message_boxes):
    started = threading.Event()

    def slow_export(definition, info, answers, out_path, fmt, *, language, progress, is_cancelled, **_options):
        started.set()
        for step in range(1000):
            if is_cancelled():
                raise ExportCancelled("Export cancelled.")
            progress(step, 1000)
            time.sleep(0.01)
        return out_path

    window.exporter.export_function = slow_export
    operation = window.start_export(tmp_path / "slow.docx", "docx")
    assert started.wait(2)
    # the GUI thread is free: a timer-driven autosave still happens during the export
    assert operation.is_running()
    window.draft_view.select("UNTOC.5.1(a)")
    qtbot.keyClicks(window.draft_view.current_page().blocks["UNTOC.5.1(a).cases"].field.editor, "x")
    qtbot.waitUntil(lambda: window.session.answer("UNTOC.5.1(a).cases") == "x", timeout=1000)
    assert not window.export_docx_action.isEnabled()  # one export at a time

    with qtbot.waitSignal(operation.finished, timeout=5000):
        qtbot.waitUntil(operation.dialog.isVisible, timeout=2000)
        cancel_button = operation.dialog.findChild(QPushButton)
        assert cancel_button.text() == "Cancel"
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert "Export cancelled" in window.statusBar().currentMessage()
    assert not message_boxes.shown
    assert not (tmp_path / "slow.docx").exists()


def test_missing_documents_package_is_reported_as_an_export_error(monkeypatch):
    import builtins

    from untoc_desktop.ui.window import export

    real_import = builtins.__import__

    def no_documents(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "documents" and level >= 2 or name == "untoc_desktop.documents":
            raise ImportError(name)
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", no_documents)
    try:
        export.export_submission(None, None, {}, "x.docx", "docx")
    except ExportError as exc:
        assert "not available" in str(exc)
    else:
        raise AssertionError("ExportError expected")


def test_real_export_to_word_contains_the_typed_answer(qtbot, window, draft_path, tmp_path):
    import docx

    from untoc_desktop.ui.window.export import export_submission

    window.exporter.export_function = export_submission
    window.draft_view.select("UNTOC.5.1(a)")
    editor = window.draft_view.current_page().blocks["UNTOC.5.1(a).practice"].field.editor
    qtbot.keyClicks(editor, "Prosecutors rarely charge conspiracy.")
    out = tmp_path / "submission.docx"

    run_export(qtbot, window, out)

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Prosecutors rarely charge conspiracy." in text
    assert "Submission exported to" in window.statusBar().currentMessage()
