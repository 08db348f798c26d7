"""Address book and sender details that never lose input: Tab order, Enter saves, unsaved prompts, delete + undo."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from untoc_desktop.draft import Draft
from untoc_desktop.draft.correspondence import recipients
from untoc_desktop.letters import sender_of
from untoc_desktop.ui.letters.address_book_dialog import make_scheme, scheme_parts


def book_of(window):
    book = window.letters_menu.address_book()
    book.show()
    return book


def tab_walk(qtbot, start, count):
    seen = [start]
    for _step in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_reaches_every_field_in_order_postal_address_included(qtbot, window, draft_path):
    book = book_of(window)
    book.name.setFocus()
    qtbot.waitUntil(book.name.hasFocus, timeout=2000)
    walk = tab_walk(qtbot, book.name, 6)
    assert walk == [
        book.name,
        book.title,
        book.agency,
        book.address,
        book.email,
        book.form_of_address,
        book.focal_point,
    ]


def test_enter_saves_the_recipient_with_its_form_of_address(qtbot, window, draft_path):
    book = book_of(window)
    qtbot.keyClicks(book.name, "Ms. Amina Diallo")
    book.form_of_address.setCurrentIndex(book.form_of_address.findData("ms"))
    qtbot.keyClick(book.email, Qt.Key.Key_Return)
    assert book.entries.count() == 1
    assert book.name.text() == "Ms. Amina Diallo"  # the form still shows the saved entry
    (saved,) = recipients(window.session.draft)
    assert saved.form_of_address == "ms"


def test_moving_to_another_entry_with_unsaved_changes_asks_and_can_keep_them(qtbot, window, draft_path, message_boxes):
    book = book_of(window)
    for name in ("First Person", "Second Person"):
        book.new_recipient()
        book.name.setText(name)
        book.save_current()
    book.entries.setCurrentRow(0)
    book.title.setText("Director, typed and not saved")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    book.entries.setCurrentRow(1)
    assert book.title.text() == "Director, typed and not saved"  # nothing overwritten
    assert book.entries.currentRow() == 0
    assert message_boxes.shown[-1][0] == "question"
    message_boxes.answer = QMessageBox.StandardButton.Save
    book.entries.setCurrentRow(1)
    assert book.name.text() == "Second Person"
    assert recipients(window.session.draft)[0].title == "Director, typed and not saved"


def test_new_recipient_does_not_clear_unsaved_typing_without_asking(qtbot, window, draft_path, message_boxes):
    book = book_of(window)
    book.name.setText("Half typed")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    assert not book.new_recipient()
    assert book.name.text() == "Half typed"


def test_a_deleted_recipient_comes_back_with_undo(qtbot, window, draft_path):
    book = book_of(window)
    book.name.setText("Ms. Amina Diallo")
    book.form_of_address.setCurrentIndex(book.form_of_address.findData("excellency"))
    saved = book.save_current()
    assert book.delete_current() is not None
    assert book.entries.count() == 0 and recipients(window.session.draft) == []
    assert book.undo_button.isVisible()
    book.undo_delete()
    (back,) = recipients(window.session.draft)
    assert back == saved
    assert book.entries.count() == 1


def test_sender_details_describe_reference_numbers_in_words(qtbot, window, draft_path):
    sender = window.letters_menu.sender_details()
    sender.prefix.setText("CJR/")
    sender.digits.setValue(3)
    assert sender.example.text().startswith("CJR/20") and "/001, CJR/" in sender.example.text()
    assert "{" not in sender.example.text()
    sender.address.setPlainText("12 Harbour Street")
    sender.signatory.setText("Dr. Lena Okafor")
    sender.accept()
    with Draft.open(draft_path, read_only=True) as stored:
        assert sender_of(stored).reference_scheme == "CJR/{year}/{number:03d}"


def test_scheme_parts_round_trip():
    assert scheme_parts("CJR/{year}/{number:03d}") == ("CJR/", True, 3, "")
    assert make_scheme(*scheme_parts("CJR/{year}/{number:03d}")) == "CJR/{year}/{number:03d}"
    assert make_scheme("A{x}", False, 2) == "Ax{number:02d}"
    assert scheme_parts("{year}-{number}") is None  # made by hand: kept as it is


def test_closing_the_sender_details_with_changes_asks_first(qtbot, window, draft_path, message_boxes):
    sender = window.letters_menu.sender_details()
    sender.show()
    sender.signatory.setText("Dr. Lena Okafor")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    sender.reject()
    assert sender.isVisible() and sender.signatory.text() == "Dr. Lena Okafor"
    message_boxes.answer = QMessageBox.StandardButton.Save
    sender.address.setPlainText("12 Harbour Street")
    sender.reject()
    with Draft.open(draft_path, read_only=True) as stored:
        assert sender_of(stored).signatory == "Dr. Lena Okafor"
