"""Preferences > Encryption, File > Send an encrypted copy…, and opening a .untoc.age file in the window."""

import keyring
import pyrage
import pytest
from helpers import memory_keyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from untoc_desktop.draft import Draft
from untoc_desktop.encryption import decrypt_copy, draft_bytes, encrypt_copy, load_settings, recipient_stanzas
from untoc_desktop.encryption.settings import data_folder
from untoc_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from untoc_desktop.ui.window.encrypted_copies import SendCopyDialog


def public(identity):
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


@pytest.fixture
def keychain():
    memory = memory_keyring()
    keyring.set_keyring(memory)
    return memory


@pytest.fixture
def alice():
    return str(pyrage.x25519.Identity.generate())


def set_up_everything(qtbot, page, tmp_path, alice, shown):
    page.show_code = shown.append
    page.ask_sheet_path = lambda: tmp_path / "sheet.pdf"
    qtbot.mouseClick(page.create_key_button, Qt.MouseButton.LeftButton)
    page.organisation.setText("Coalition for Justice")
    qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.member_name, "Alice")
    qtbot.keyClicks(page.member_key, public(alice))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def test_encryption_preferences_create_key_show_qr_set_up_recovery_and_team(
    qtbot, tmp_path, keychain, alice, message_boxes
):
    dialog = PreferencesDialog("Coalition for Justice and Rights", "en")
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.encryption
    assert page.create_key_button.isVisible() and not page.public_key.isVisible()
    shown = []
    set_up_everything(qtbot, page, tmp_path, alice, shown)
    settings = load_settings()
    assert settings.personal_key_storage == "keyring" and page.public_key.text() == settings.personal_key
    assert not page.create_key_button.isVisible()
    assert page.qr.pixmap() is not None and page.qr.pixmap().width() >= 150
    assert len(shown) == 1 and (tmp_path / "sheet.pdf").is_file()
    code = shown[0].code
    assert settings.recovery_fingerprint in page.recovery_status.text() and code not in page.recovery_status.text()
    assert [m.name for m in settings.team] == ["Alice"] and page.team.count() == 1
    qtbot.keyClicks(page.member_key, "age1wrong")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "is not a public key" in message_boxes.texts()[-1]
    dialog.resize(780, 760)
    dialog.grab().save(str(tmp_path.parent / "preferences-encryption.png"))
    page.team.setCurrentRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert load_settings().team == ()


def test_send_an_encrypted_copy_needs_the_recovery_code_first_then_alice_opens_it(
    qtbot, window, draft_path, tmp_path, keychain, alice, message_boxes, monkeypatch
):
    opened_preferences = []
    monkeypatch.setattr(window.encrypted, "preferences", lambda: opened_preferences.append(True))
    assert window.encrypted.send_action.isEnabled()
    assert window.encrypted.send_copy() is None
    assert "set up the organisation's recovery code" in message_boxes.texts()[-1] and opened_preferences

    preferences = PreferencesDialog("Coalition", "en")
    qtbot.addWidget(preferences)
    page = preferences.encryption
    set_up_everything(qtbot, page, tmp_path, alice, [])

    def choose(settings):
        dialog = SendCopyDialog(settings, window)
        qtbot.addWidget(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.check("Alice")
        return dialog.chosen()

    window.encrypted.choose_colleagues = choose
    window.encrypted.ask_copy_path = lambda draft: tmp_path / "for-alice.untoc.age"
    out = window.encrypted.send_copy()
    assert out == tmp_path / "for-alice.untoc.age"
    assert recipient_stanzas(out.read_bytes()) == 3  # Alice, me, the recovery code
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "got.untoc").write_bytes(decrypt_copy(out.read_bytes(), [alice]))
    with (
        Draft.open(tmp_path / "alice" / "got.untoc", read_only=True) as got,
        Draft.open(draft_path, read_only=True) as sent,
    ):
        assert got.info == sent.info and got.answers() == sent.answers()


def test_opening_a_copy_decrypts_it_beside_without_overwriting_and_opens_it(
    qtbot, window, draft_path, tmp_path, keychain, alice, message_boxes, no_network, monkeypatch
):
    preferences = PreferencesDialog("Coalition", "en")
    qtbot.addWidget(preferences)
    page = preferences.encryption
    set_up_everything(qtbot, page, tmp_path, alice, [])
    window.encrypted.choose_colleagues = lambda settings: [public(alice)]
    window.encrypted.ask_copy_path = lambda draft: tmp_path / "veridia.untoc.age"
    copy = window.encrypted.send_copy()
    own = draft_path.read_bytes()
    message_boxes.answer = QMessageBox.StandardButton.Open
    filters = []

    def choose_file(_parent, _title, _folder, filter_text):
        filters.append(filter_text)
        return str(copy), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose_file))
    assert window.open_draft_dialog()  # File > Open…
    assert "*.untoc *.untoc.age" in filters[0].split(";;")[0]
    assert "decrypted into a new draft beside it: veridia (2).untoc" in message_boxes.texts()[-1]
    assert window.session.path == tmp_path / "veridia (2).untoc"
    assert draft_path.read_bytes() == own  # the user's own draft is untouched


def test_a_copy_for_others_asks_for_the_recovery_code_and_a_wrong_one_is_asked_again(
    qtbot, window, tmp_path, keychain, alice, message_boxes, draft_info, settings, no_network
):
    (tmp_path / "bobs").mkdir()
    preferences = PreferencesDialog("Coalition", "en")
    qtbot.addWidget(preferences)
    page = preferences.encryption
    shown = []
    set_up_everything(qtbot, page, tmp_path, alice, shown)
    code = shown[0].code
    encryption = load_settings()
    copy = tmp_path / "from-bob.untoc.age"
    # Bob sent it to Alice and the recovery recipient only: not to me.
    with Draft.create(tmp_path / "bobs" / "draft.untoc", draft_info):
        pass
    encrypt_copy(draft_bytes(tmp_path / "bobs" / "draft.untoc"), [public(alice), encryption.recovery_recipient], copy)
    asked = []
    answers = iter([(code[:-1] + ("0" if code[-1] != "0" else "1"), ""), (code.lower(), ""), None])

    def ask(reason, needs_organisation):
        asked.append(reason)
        return next(answers)

    window.encrypted.ask_recovery_code = ask
    message_boxes.answer = QMessageBox.StandardButton.Close
    assert window.open_draft(copy)
    assert "not encrypted for your key; it was encrypted for 2 keys" in asked[0]
    assert "not the organisation's recovery code" in asked[1]
    assert (tmp_path / "from-bob.untoc").is_file() and window.session is None
    # The code was shown once and typed twice: it is in no file but the sheet, nor is my secret key.
    settings.sync()
    secrets = [
        code.encode(),
        code.lower().encode(),
        "-".join(code[i : i + 4] for i in range(0, 24, 4)).encode(),
        next(iter(keychain.secrets.values())).encode(),
    ]
    files = [p for folder in (tmp_path, data_folder()) for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "encryption.json" for p in files)
    assert [p for p in files if p.name != "sheet.pdf" and any(s in p.read_bytes() for s in secrets)] == []


def test_a_decrypted_copy_of_the_open_draft_is_offered_for_merging(
    qtbot, window, draft_path, tmp_path, keychain, alice, message_boxes, monkeypatch
):
    preferences = PreferencesDialog("Coalition", "en")
    qtbot.addWidget(preferences)
    set_up_everything(qtbot, preferences.encryption, tmp_path, alice, [])
    window.encrypted.choose_colleagues = lambda settings: [public(alice)]
    window.encrypted.ask_copy_path = lambda draft: tmp_path / "veridia.untoc.age"
    copy = window.encrypted.send_copy()
    # A colleague's work arrives in the copy: here, an answer changed in the decrypted draft before merging.
    merged = []
    monkeypatch.setattr(window.sharing, "merge_file", lambda path, *a, **k: merged.append(path) or object())
    message_boxes.answer = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    assert window.open_draft_dialog()
    assert "It is a copy of the draft you have open" in message_boxes.texts()[-1]
    assert merged == [tmp_path / "veridia (2).untoc"]
    assert window.session.path == draft_path  # the user's own draft stays open; the merge goes into it
