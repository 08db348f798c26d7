"""The desktop application's main flows open no network connection (issue 5, privacy)."""

from pypdf import PdfReader
from ui_helpers import stored

from untoc_desktop.ui.window.export import export_submission

PRACTICE = "UNTOC.5.1(a)(i).practice"


def test_create_type_back_up_and_export_without_network(no_network, qtbot, window, tmp_path, draft_info):
    window.exporter.export_function = export_submission  # the real export, run by the background worker
    assert window.create_draft(tmp_path / "offline.untoc", draft_info)
    window.draft_view.select("UNTOC.5.1(a)(i)")
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    qtbot.keyClicks(editor, "typed offline")
    qtbot.waitUntil(lambda: stored(tmp_path / "offline.untoc", PRACTICE) == "typed offline", timeout=2000)
    assert window.safety.backup_now() is not None
    out = tmp_path / "offline.pdf"
    operation = window.start_export(out, "pdf")
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert "typed offline" in "".join(page.extract_text() for page in PdfReader(out).pages)
    assert window.close_draft()
