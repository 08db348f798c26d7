"""The Letters menu as a user meets it: sender, address book, New letter (preview, export), letter log."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from untoc_desktop.draft import Draft
from untoc_desktop.draft.correspondence import letters, recipients


def test_a_letter_made_in_the_dialog_appears_in_the_log(
    qtbot, window, draft_path, tmp_path, monkeypatch, message_boxes
):
    menu = window.letters_menu
    menu.update_actions()
    assert menu.new_letter_action.isEnabled()

    sender = menu.sender_details()
    sender.address.setPlainText("12 Harbour Street\nPort Vale")
    sender.signatory.setText("Dr. Lena Okafor")
    sender.prefix.setText("CJR/")  # with the year and three digits: CJR/{year}/{number:03d}
    sender.accept()

    book = menu.address_book()
    qtbot.keyClicks(book.name, "Ms. Amina Diallo & <Co>")
    book.agency.setText("Ministry of Justice")
    book.focal_point.setChecked(True)
    qtbot.mouseClick(book.save_button, Qt.MouseButton.LeftButton)
    assert book.entries.count() == 1 and book.entries.item(0).text().startswith("Ms. Amina Diallo & <Co>")
    book.close()

    attachment = tmp_path / "veridia.pdf"
    attachment.write_bytes(b"%PDF exported")
    dialog = menu.new_letter()
    dialog.kind.setCurrentIndex(dialog.kind.findData("transmission"))
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.attachment.setText(str(attachment))
    dialog.salutation.setText("Madame la Directrice,")
    preview = dialog.preview.toPlainText()
    assert "Ms. Amina Diallo & <Co>" in preview and "Madame la Directrice," in preview
    assert "N/Réf. : CJR/" in preview and "veridia.pdf" in preview
    assert "{{ attachment_sha256 }}" in dialog.fields.toPlainText()

    out = tmp_path / "lettre.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(dialog.export_pdf, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    kind, title, text = message_boxes.shown[-1]
    assert kind == "information" and "added to the letter log" in text
    dialog.close()

    log = menu.letter_log()
    assert log.table.rowCount() == 1
    reference = log.table.item(0, 0).text()
    assert reference.startswith("CJR/") and log.table.item(0, 2).text() == "Ms. Amina Diallo & <Co>"
    assert log.table.item(0, 5).text() == "not sent"
    log.table.selectRow(0)
    assert log.regenerate_button.isEnabled()
    assert log.mark_sent(0, dt.date(2026, 11, 30), "e-mail")
    assert log.table.item(0, 5).text() == "2026-11-30 (e-mail)"
    assert log.regenerate_to(0, tmp_path / "again.docx", "docx")
    assert (tmp_path / "again.docx").stat().st_size > 0

    with Draft.open(draft_path, read_only=True) as stored:
        (entry,) = letters(stored)
        assert (entry.kind, entry.language, entry.sent_on) == ("transmission", "fr", "2026-11-30")
        assert entry.recipient_uuid == recipients(stored)[0].recipient_uuid


def test_a_template_with_unknown_fields_is_reported_in_the_dialog(qtbot, window, draft_path, tmp_path, message_boxes):
    from docx import Document

    template = tmp_path / "letterhead.docx"
    document = Document()
    document.add_paragraph("{{ reference }} {{ date }} {{ orgnisation }}")
    document.save(str(template))
    dialog = window.letters_menu.new_letter()
    dialog.template.setText(str(template))
    assert "orgnisation" in dialog.template_status.text()
    assert dialog.export_to(tmp_path / "x.docx", "docx") is None
    assert "orgnisation" in message_boxes.texts()[-1]
    assert not (tmp_path / "x.docx").exists()


def test_letters_need_an_open_draft(window):
    window.letters_menu.update_actions()
    assert not window.letters_menu.new_letter_action.isEnabled()
    assert window.letters_menu.new_letter() is None


STATUS = "UNTOC.2.(b).status"
PRACTICE = "UNTOC.2.(b).practice"


def _ready_for_letters(window):
    """Sender details and a focal point, stored through the workspace (what a letter cannot go without)."""
    from dataclasses import replace

    from untoc_desktop.draft.records import Recipient

    workspace = window.session.workspace
    workspace.save_sender(replace(workspace.sender(), address="12 Harbour Street", signatory="Dr. Lena Okafor"))
    workspace.save_recipient(Recipient(name="Ms. Amina Diallo", is_focal_point=True))


def test_a_status_chosen_a_moment_ago_is_in_the_letter_opened_at_once_from_the_snapshot(
    qtbot, window, draft_path, tmp_path, monkeypatch
):
    _ready_for_letters(window)
    window.draft_view.select("UNTOC.2.(b)")
    combo = window.draft_view.current_page().blocks[STATUS].field.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the user picks from the list with the keyboard
    while combo.currentData() != "partly":
        qtbot.keyClick(combo, Qt.Key.Key_Down)

    def file_read():
        raise AssertionError("the letter read the answers from the draft file, not from the snapshot")

    monkeypatch.setattr(window.session.draft, "answers", file_read)
    attachment = tmp_path / "veridia.pdf"
    attachment.write_bytes(b"%PDF exported")
    dialog = window.letters_menu.new_letter()  # at once: no wait, no save in between
    dialog.kind.setCurrentIndex(dialog.kind.findData("transmission"))
    dialog.attachment.setText(str(attachment))
    assert "Convention, article 2: (b) (partly implemented)" in dialog.preview.toPlainText()
    dialog.close()


def test_an_answer_typed_and_not_yet_saved_is_in_the_picture_a_letter_is_built_from(
    qtbot, window, draft_path, tmp_path, monkeypatch, message_boxes
):
    from ui_helpers import stored

    from untoc_desktop.workspace import Workspace

    _ready_for_letters(window)
    window.draft_view.select("UNTOC.2.(b)")
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    qtbot.keyClicks(editor, "Typed a moment ago.")
    assert window.autosave.has_pending() and stored(draft_path, PRACTICE) is None  # the timer has not fired

    pictures = {"build_letter": [], "create_letter": []}  # the snapshot each letter was made from
    for name, taken in pictures.items():
        original = getattr(Workspace, name)

        def spy(self, *args, _original=original, _taken=taken, **kwargs):
            _taken.append(kwargs.get("snapshot", args[-1]))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Workspace, name, spy)
    dialog = window.letters_menu.new_letter()  # at once: the preview is built as the dialog opens
    assert pictures["build_letter"][0].answers[PRACTICE] == "Typed a moment ago."
    assert not window.autosave.has_pending() and stored(draft_path, PRACTICE) == "Typed a moment ago."

    entry = dialog.export_to(tmp_path / "letter.docx", "docx")  # the letter written takes its own picture
    assert entry is not None and [p.answers[PRACTICE] for p in pictures["create_letter"]] == ["Typed a moment ago."]
    dialog.close()


def test_mark_as_sent_offers_the_days_from_the_letters_date_to_today(qtbot):
    from PySide6.QtCore import QDate

    from untoc_desktop.ui.letters.letter_log_dialog import MarkSentDialog

    dialog = MarkSentDialog("CJR/2026/001", dated=dt.date(2026, 11, 29))
    qtbot.addWidget(dialog)
    assert dialog.date.date() == QDate.currentDate()
    assert dialog.date.maximumDate() == QDate.currentDate()  # not in the future
    assert dialog.date.minimumDate() == QDate(2026, 11, 29)  # not before the date on the letter
    dialog.date.setDate(QDate(2026, 11, 1))
    assert dialog.sent_on() == dt.date(2026, 11, 29)
    undated = MarkSentDialog("CJR/2026/002")
    qtbot.addWidget(undated)
    assert undated.date.minimumDate() < QDate(2000, 1, 1) and undated.date.maximumDate() == QDate.currentDate()
