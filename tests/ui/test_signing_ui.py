"""File > Sign and export submission…, Verify a signed submission…, Sent submissions, as a user meets them."""

import os

import pytest

from untoc_desktop.draft.register import sent_entries
from untoc_desktop.signing.identity import create_identity, identities_dir
from untoc_desktop.signing.verify import verify_pdf
from untoc_desktop.ui.window.session import DraftSession
from untoc_desktop.workspace import Workspace

PASSPHRASE = "correct horse battery"
SHOTS = os.environ.get("UNTOC_SCREENSHOTS")  # a folder to save the dialogs' pictures in, to look at them


def shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def session(draft, cluster1):
    draft.set_answers({"UNTOC.5.1(b).status": "partly"})
    s = DraftSession(Workspace(draft, cluster1))
    yield s


def test_sign_export_then_verify_and_list_then_export_again(qtbot, session, tmp_path, message_boxes):
    from untoc_desktop.ui.dialogs.sent_dialog import SentSubmissionsDialog
    from untoc_desktop.ui.dialogs.signing_dialogs import SignExportDialog
    from untoc_desktop.ui.dialogs.verify_dialog import VerifyDialog

    created = create_identity(
        identities_dir() / "amina.p12", "Amina Haddad", "Coalition for Justice & Rights", PASSPHRASE
    )
    dialog = SignExportDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.reason.text() == "Submission of Coalition for Justice & Rights on cluster 1"
    assert dialog.identity.text() == str(created.p12_path)  # the identity kept in the data folder is offered
    dialog.signatory.setText("Amina Haddad")
    dialog.title.setText("Director")
    dialog.output.setText(str(tmp_path / "signed.pdf"))
    dialog.recipient.setText("Ms Focal Point")
    dialog.channel.setText("e-mail")
    dialog.passphrase.setText("wrong passphrase")
    assert dialog.sign() is None
    assert "passphrase is wrong" in message_boxes.texts()[-1] and not (tmp_path / "signed.pdf").exists()
    dialog.passphrase.setText(PASSPHRASE)
    shot(dialog, "sign-dialog")
    operation = dialog.sign()
    with qtbot.waitSignal(operation.finished, timeout=60_000):
        pass
    assert dialog.entry is not None and dialog.entry.signatories == ("Amina Haddad",)
    assert verify_pdf(tmp_path / "signed.pdf", [created.root_fingerprint]).ok

    verify = VerifyDialog()
    qtbot.addWidget(verify)
    verify.file.setText(str(tmp_path / "signed.pdf"))
    verify.fingerprint.setText(created.root_fingerprint)
    assert verify.verify() is True
    assert "Amina Haddad" in verify.details.toPlainText() and verify.verdict.text().startswith("Verified")
    shot(verify, "verify-dialog")

    session.set_answer(session.definition.question("UNTOC.5.1(b).challenges"), "Edited after sending.")
    sent = SentSubmissionsDialog(session)
    qtbot.addWidget(sent)
    assert sent.table.rowCount() == 1 and sent.table.item(0, 4).text() == "Amina Haddad"
    assert (sent.table.item(0, 5).text(), sent.table.item(0, 6).text()) == ("Ms Focal Point", "e-mail")
    assert "[UNTOC.5.1(b).challenges]" in sent.changes.toPlainText()
    shot(sent, "sent-dialog")
    again = sent.export_again(tmp_path / "again.pdf")
    assert again is not None and "identical to the file exported then" in message_boxes.texts()[-1]
    assert sent_entries(session.draft)[0].snapshot["export_sha256"]


def test_a_sent_letter_is_listed_with_its_signatory_but_not_as_digitally_signed(qtbot, session):
    from untoc_desktop.draft.records import SentEntry
    from untoc_desktop.draft.register import record_sent
    from untoc_desktop.ui.dialogs.sent_dialog import SentSubmissionsDialog

    record_sent(
        session.draft,
        SentEntry(
            "letter",
            "lettre.pdf",
            "pdf",
            "0" * 64,
            ("Dr. Lena Okafor",),
            "Ms. Diallo",
            "post",
            {"sent_on": "2026-11-30"},
        ),
    )
    record_sent(session.draft, SentEntry("submission", "signed.pdf", "pdf", "1" * 64, ("Amina Haddad",)))
    record_sent(session.draft, SentEntry("submission", "plain.pdf", "pdf", "2" * 64))
    sent = SentSubmissionsDialog(session)
    qtbot.addWidget(sent)
    assert sent.table.horizontalHeaderItem(4).text() == "Digital signature"
    assert sent.table.item(0, 4).text() == "none (signatory named in the letter: Dr. Lena Okafor)"
    assert sent.table.item(1, 4).text() == "Amina Haddad" and sent.table.item(2, 4).text() == "none"
    assert sent.table.item(0, 6).text() == "post, sent on 30 November 2026"  # the day it went out
    assert sent.table.item(1, 6).text() == ""


def test_create_identity_dialog_keeps_the_identity_in_the_data_folder(qtbot, message_boxes):
    from untoc_desktop.ui.dialogs.signing_dialogs import CreateIdentityDialog

    dialog = CreateIdentityDialog("Jean Dupont", "CJR")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText("something else")
    assert not dialog.create() and "differ" in message_boxes.texts()[-1]
    dialog.repeat.setText(PASSPHRASE)
    shot(dialog, "create-identity-dialog")
    assert dialog.create()
    assert dialog.created.p12_path.parent == identities_dir() and dialog.created.p12_path.is_file()
    assert dialog.created.root_fingerprint in message_boxes.texts()[-1]


def test_the_file_menu_offers_the_signing_entries(window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"&Sign and export submission…", "&Verify a signed submission…", "Sen&t submissions"} <= set(texts)
    assert not window.signing.sign_action.isEnabled() and window.signing.verify_action.isEnabled()


def test_an_export_from_the_window_is_recorded_in_sent_submissions(qtbot, window, draft_path, tmp_path):
    import hashlib

    out = tmp_path / "submission.docx"
    operation = window.start_export(out, "docx")
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    [entry] = sent_entries(window.session.draft)
    assert (entry.file_name, entry.format) == ("submission.docx", "docx")
    assert entry.sha256 == hashlib.sha256(out.read_bytes()).hexdigest() == entry.snapshot["export_sha256"]
    assert entry.snapshot["export"]["issued_at"] and entry.snapshot["definition"]["id"] == "untoc-cluster-1"


def test_a_colleague_adds_a_signature_to_the_signed_pdf(qtbot, session, tmp_path):
    from untoc_desktop.signing.identity import load_organisation_root
    from untoc_desktop.submissions import export_and_record
    from untoc_desktop.ui.dialogs.signing_dialogs import SignExportDialog

    amina = create_identity(identities_dir() / "amina.p12", "Amina Haddad", "CJR", PASSPHRASE)
    jean = create_identity(
        identities_dir() / "jean.p12",
        "Jean Dupont",
        "CJR",
        PASSPHRASE,
        issuer=load_organisation_root(amina.root_p12, PASSPHRASE),
    )
    from untoc_desktop.signing.identity import load_identity
    from untoc_desktop.signing.pdf_sign import SignatureRequest

    export_and_record(
        session.draft,
        session.definition,
        tmp_path / "signed.pdf",
        "pdf",
        identity=load_identity(amina.p12_path, PASSPHRASE),
        request=SignatureRequest("Amina Haddad"),
    )
    dialog = SignExportDialog(session, source=tmp_path / "signed.pdf")
    qtbot.addWidget(dialog)
    assert not dialog.format.isEnabled()
    dialog.signatory.setText("Jean Dupont")
    dialog.identity.setText(str(jean.p12_path))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.output.setText(str(tmp_path / "signed-twice.pdf"))
    shot(dialog, "countersign-dialog")
    operation = dialog.sign()
    with qtbot.waitSignal(operation.finished, timeout=60_000):
        pass
    report = verify_pdf(tmp_path / "signed-twice.pdf", [amina.root_fingerprint])
    assert report.ok and [c.signer for c in report.signatures] == ["Amina Haddad", "Jean Dupont"]
    first, second = sent_entries(session.draft)
    assert second.signatories == ("Amina Haddad", "Jean Dupont") and second.snapshot == first.snapshot


def test_sent_submissions_opened_right_after_typing_count_the_typed_answer_as_changed(qtbot, window, draft_path):
    from untoc_desktop.draft.records import SentEntry

    practice = "UNTOC.2.(b).practice"
    window.session.workspace.record_sent(
        SentEntry("submission", "submission.pdf", "pdf", "0" * 64, snapshot={"answers": {}})
    )
    window.draft_view.select("UNTOC.2.(b)")
    qtbot.keyClicks(window.draft_view.current_page().blocks[practice].field.editor, "Typed a moment ago.")
    assert window.autosave.has_pending()  # not saved yet: the autosave's timer has not fired

    sent = window.signing.sent()  # at once, from the File menu's entry
    assert f"[{practice}]" in sent.changes.toPlainText()
    sent.close()
