"""File > Sign and export submission…, and the Create a signing identity dialog.

The dialog only gathers choices; the core does the work (:func:`untoc_desktop.submissions.export_and_record`)
on a worker thread. The passphrase lives in the dialog only while it is open; the private key is
read from the PKCS#12 file into memory for the signature and never written anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import languages
from ...errors import UntocError
from ...i18n import _, pgettext
from ...signing.identity import (
    CreatedIdentity,
    create_identity,
    identities_dir,
    load_identity,
    load_organisation_root,
)
from ...signing.pdf_sign import SignatureRequest
from ...signing.trust import trust_root
from ..window.session import DraftSession
from ..window.workers import BackgroundOperation
from .form_rows import add_field_row

#: Document languages as their speakers name them.
LANGUAGE_NAMES = languages.NativeNames()


def default_reason(organization: str, cluster: int) -> str:
    """The default reason of a signature: "Submission of <organisation> on cluster N" (document wording in English)."""
    return f"Submission of {organization} on cluster {cluster}"


class CreateIdentityDialog(QDialog):
    """Create a signing identity: an organisation root and a personal certificate, kept in the user data folder.

    Args:
        name, organization: suggested values.
        parent: parent widget.
        folder: where the identity is kept (default: the user data folder).
    """

    def __init__(
        self, name: str = "", organization: str = "", parent: QWidget | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Create a signing identity"))
        self.folder = folder or identities_dir()
        self.created: CreatedIdentity | None = None
        self.name = QLineEdit(name, self)
        self.organization = QLineEdit(organization, self)
        self.email = QLineEdit(self)
        self.country = QLineEdit(self)
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(_("Two letters, e.g. KE"))
        self.passphrase = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.issuer = QLineEdit(self)
        self.issuer.setPlaceholderText(_("Empty: a new root; or a colleague's …-organisation-root.p12"))
        self.issuer.setToolTip(
            _(
                "To sign with the same root as a colleague (one fingerprint for the organisation), "
                "choose the …-organisation-root.p12 made with their identity; it opens with the same "
                "passphrase."
            )
        )
        self.issuer_button = QPushButton(_("Choose…"), self)
        self.issuer_button.clicked.connect(self._choose_issuer)
        explanation = QLabel(
            _(
                "The application makes a root certificate for your organisation and a signing certificate for you, "
                "issued by it, valid for 20 years. They are kept in your user data folder, protected by the "
                "passphrase. "
                "Publish the root certificate (or its SHA-256 fingerprint) so that others can check your signatures."
            ),
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Your name"), self.name)
        form.addRow(_("Organisation"), self.organization)
        form.addRow(_("E-mail (optional)"), self.email)
        form.addRow(_("Country (optional)"), self.country)
        form.addRow(_("Passphrase (8 characters or more)"), self.passphrase)
        form.addRow(_("Passphrase again"), self.repeat)
        self.issuer_button.setAccessibleName(_("Choose the organisation root…"))
        add_field_row(form, _("Organisation root (optional)"), self.issuer, self.issuer_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self.make_identity)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _choose_issuer(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, _("Organisation root"), str(self.folder), _("Organisation root (*-organisation-root.p12)")
        )
        if chosen:
            self.issuer.setText(chosen)

    def create(self) -> bool:  # type: ignore[override]  # QWidget.create(): see below
        """Same as :meth:`make_identity`; kept because tests/ui/test_signing_ui.py calls ``create()``.

        It hides ``QWidget.create()`` (non-virtual in Qt, so Qt itself never calls this one).
        """
        return self.make_identity()

    def make_identity(self) -> bool:
        """Create the identity; on success shows the root's fingerprint and closes the dialog.

        Returns:
            True when the identity was made (then in :attr:`created`); False when the passphrases differ
            or the core refused (the reason is shown in a message box).
        """
        if self.passphrase.text() != self.repeat.text():
            QMessageBox.warning(self, _("Create a signing identity"), _("The two passphrases differ."))
            return False
        slug = re.sub(r"[^\w-]+", "-", self.name.text().strip()).strip("-") or "identity"
        path = self.folder / f"{slug}.p12"
        number = 2
        while path.exists():
            path, number = self.folder / f"{slug}-{number}.p12", number + 1
        try:
            issuer = (
                load_organisation_root(self.issuer.text().strip(), self.passphrase.text())
                if self.issuer.text().strip()
                else None
            )
            created = create_identity(
                path,
                self.name.text(),
                self.organization.text(),
                self.passphrase.text(),
                email=self.email.text(),
                country=self.country.text(),
                issuer=issuer,
            )
            self.created = created
            trust_root(created.root_pem)
        except UntocError as exc:
            QMessageBox.warning(self, _("Create a signing identity"), str(exc))
            return False
        QMessageBox.information(
            self,
            _("Signing identity created"),
            _(
                "Your signing identity is kept in {p12}.\n\nPublish the root certificate {pem} (or {cer}) and its "
                "SHA-256 fingerprint:\n{fingerprint}"
            ).format(
                p12=created.p12_path,
                pem=created.root_pem,
                cer=created.root_cer,
                fingerprint=created.root_fingerprint,
            ),
        )
        self.accept()
        return True


class SignExportDialog(QDialog):
    """Sign and export the submission: signatory, reason, format, language and signing identity.

    With ``source``, the dialog adds a signature to a PDF already signed by a colleague instead
    (an incremental update: earlier signatures stay valid), recorded against the register entry
    the PDF came from.

    Args:
        session: the open draft.
        parent: parent widget.
        show_status: shows a message in the window's status bar.
        source: a signed PDF to sign in turn, or None to export the draft.
    """

    def __init__(
        self,
        session: DraftSession,
        parent: QWidget | None = None,
        show_status: Callable[[str], object] | None = None,
        source: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign and export submission") if source is None else _("Add a signature"))
        self.source = source
        self._session = session
        self._show_status = show_status or (lambda _m: None)
        self.operation: BackgroundOperation | None = None
        self.entry = None
        info = session.info
        self.signatory = QLineEdit(info.author, self)
        self.title = QLineEdit(self)
        self.organization = QLineEdit(info.organization, self)
        self.reason = QLineEdit(default_reason(info.organization, info.cluster), self)
        self.format = QComboBox(self)
        self.format.addItem(_("PDF with a visible signature"), "pdf")
        self.format.addItem(_("Word, with a detached signature (.p7s) beside it"), "docx")
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(info.language)))
        self.identity = QLineEdit(self)
        self.identity.setPlaceholderText(_("A .p12 or .pfx file"))
        existing = (
            [p for p in sorted(identities_dir().glob("*.p12")) if not p.name.endswith("-organisation-root.p12")]
            if identities_dir().is_dir()
            else []
        )
        if existing:
            self.identity.setText(str(existing[0]))
        self.browse = QPushButton(_("Choose…"), self)
        self.create_button = QPushButton(_("Create a signing identity…"), self)
        self.passphrase = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText(_("Optional, e.g. the focal point's name"))
        self.channel = QLineEdit(self)
        self.channel.setPlaceholderText(_("Optional: e-mail, post, hand delivery…"))
        self.output = QLineEdit(self)
        self.output_button = QPushButton(_("Choose…"), self)
        suggested = f"{info.organization} – {info.country} – cluster {info.cluster} – signed.pdf".replace("/", "-")
        self.output.setText(str(session.path.with_name(suggested)))
        self.browse.clicked.connect(self._choose_identity)
        self.create_button.clicked.connect(self.create_identity)
        self.output_button.clicked.connect(self._choose_output)
        self.format.currentIndexChanged.connect(self._format_changed)
        form = QFormLayout()
        form.addRow(_("Signatory"), self.signatory)
        form.addRow(pgettext("signatory", "Title"), self.title)
        form.addRow(_("Organisation"), self.organization)
        form.addRow(_("Reason"), self.reason)
        form.addRow(_("Format"), self.format)
        form.addRow(_("Document language"), self.language)
        self.browse.setAccessibleName(_("Choose the signing identity…"))
        add_field_row(form, _("Signing identity"), self.identity, self.browse, self.create_button)
        form.addRow(_("Password"), self.passphrase)
        self.output_button.setAccessibleName(_("Choose where to save the signed file…"))
        add_field_row(form, _("Signed file"), self.output, self.output_button)
        form.addRow(_("Sent to"), self.recipient)
        form.addRow(_("Sent by"), self.channel)
        if source is not None:  # signing a file as it is: its format is PDF, its name follows it
            self.format.setEnabled(False)
            self.output.setText(str(source.with_name(f"{source.stem} – {_('signed by')} {info.author or '…'}.pdf")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sign and export"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(_("The export is recorded in File > Sent submissions with a snapshot of the answers."), self)
        note.setWordWrap(True)
        if source is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add my signature"))
            note.setText(
                _("Adds your signature to {name}; the signatures already in it stay valid.").format(name=source.name)
            )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(720, 0)

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        path = Path(self.output.text())
        self.output.setText(str(path.with_suffix(f".{fmt}")))

    def _choose_identity(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, _("Signing identity"), str(identities_dir()), _("PKCS#12 identity (*.p12 *.pfx)")
        )
        if chosen:
            self.identity.setText(chosen)

    def _choose_output(self) -> None:
        fmt = self.format.currentData()
        chosen, _f = QFileDialog.getSaveFileName(
            self,
            _("Signed file"),
            self.output.text(),
            _("PDF document (*.pdf)") if fmt == "pdf" else _("Word document (*.docx)"),
        )
        if chosen:
            self.output.setText(chosen)

    def create_identity(self) -> CreateIdentityDialog:
        """Open the Create a signing identity dialog; the new identity is chosen when created."""
        dialog = CreateIdentityDialog(self.signatory.text(), self.organization.text(), self)
        dialog.accepted.connect(lambda: self._identity_created(dialog.created))
        dialog.open()
        return dialog

    def _identity_created(self, created: CreatedIdentity | None) -> None:
        if created is not None:  # always, once the dialog is accepted
            self.identity.setText(str(created.p12_path))

    def sign(self) -> BackgroundOperation | None:
        """Check the choices, open the identity, then export, sign and record on a worker thread."""
        if self.operation is not None:
            return None
        fmt = self.format.currentData()
        output = Path(self.output.text().strip())
        if not self.signatory.text().strip() or not self.output.text().strip():
            QMessageBox.warning(self, self.windowTitle(), _("Enter the signatory's name and the signed file's name."))
            return None
        if output.suffix.lower() != f".{fmt}":
            output = output.with_name(output.name + f".{fmt}")
        try:
            identity = load_identity(self.identity.text().strip(), self.passphrase.text())
        except UntocError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        from ...submissions import sha256_file

        session, language = self._session, self.language.currentData()
        recipient, channel = self.recipient.text().strip(), self.channel.text().strip()
        request = SignatureRequest(
            self.signatory.text().strip(),
            self.title.text().strip(),
            self.organization.text().strip(),
            self.reason.text().strip(),
            language,
        )

        source = self.source

        def countersign(progress, is_cancelled):
            from ...signing.pdf_sign import sign_pdf

            source_sha256 = sha256_file(source)
            sign_pdf(source, output, identity, request)
            entry, _changes = session.workspace.record_signature(
                output, source_sha256, request.signatory, recipient=recipient, channel=channel
            )
            if entry is None:  # a file from outside the register: signed, but there is no snapshot to record
                from ...draft.records import SentEntry

                entry = SentEntry("submission", output.name, "pdf", sha256_file(output), (request.signatory,))
            return entry

        snapshot = session.snapshot()  # taken here, on the window's thread

        def op(progress, is_cancelled):
            if source is not None:
                return countersign(progress, is_cancelled)
            entry, _changes = session.workspace.export_and_record(
                snapshot,
                output,
                fmt,
                language=language,
                identity=identity,
                request=request,
                recipient=recipient,
                channel=channel,
                progress=progress,
                is_cancelled=is_cancelled,
            )
            return entry

        self.buttons.setEnabled(False)
        self.operation = BackgroundOperation(
            self, op, self._signed, self._failed, label=_("Signing and exporting {name}…").format(name=output.name)
        )
        return self.operation.start()

    def _signed(self, entry) -> None:
        self.entry = entry
        self.operation = None
        self._show_status(
            _("Signed submission written to {name} (SHA-256 {sha256}).").format(
                name=entry.file_name, sha256=entry.sha256
            )
        )
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.operation = None
        self.buttons.setEnabled(True)
        message = (
            str(exc)
            if isinstance(exc, UntocError)
            else _("An unexpected problem stopped the signing: {problem}").format(problem=exc)
        )
        QMessageBox.warning(self, _("The submission was not signed"), message)
