"""The document language is chosen at export, independently of the interface language."""

from PySide6.QtWidgets import QFileDialog, QInputDialog

from untoc_desktop.ui.window.export import DOCUMENT_LANGUAGES


def test_export_asks_the_document_language_with_the_drafting_language_first(
    qtbot, window, draft_path, tmp_path, fake_export, monkeypatch
):
    out = tmp_path / "soumission"
    offered = []

    def choose_arabic(parent, title, label, items, current, editable):
        offered.append((list(items), current))
        return DOCUMENT_LANGUAGES["ar"], True

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_arabic))

    operation = window.export("pdf")
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass

    items, current = offered[0]
    assert items == list(DOCUMENT_LANGUAGES.values()) and items[current] == "English"  # the draft's language
    *_, path, fmt, language = fake_export.calls[0]
    assert (path, fmt, language) == (tmp_path / "soumission.pdf", "pdf", "ar")
    assert window.exporter.document_language == "ar"  # offered first next time


def test_cancelling_the_language_question_exports_nothing(
    qtbot, window, draft_path, tmp_path, fake_export, monkeypatch
):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "x.docx"), "")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    assert window.export("docx") is None
    assert fake_export.calls == []
