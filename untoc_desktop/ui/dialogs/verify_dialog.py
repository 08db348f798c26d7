"""File > Verify a signed submission…: who signed, when, intact or not, and from which root."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import UntocError
from ...i18n import _
from ...signing.trust import trust_root
from ...signing.verify import verify_detached, verify_pdf
from .form_rows import add_field_row


class VerifyDialog(QDialog):
    """Verify a signed PDF, or a Word file with its ``.p7s`` beside it.

    Args:
        parent: parent widget.
        path: a file to verify at once, or None.
    """

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Verify a signed submission"))
        self.file = QLineEdit(str(path) if path else "", self)
        self.choose = QPushButton(_("Choose…"), self)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setPlaceholderText(
            _("SHA-256 fingerprint of the root you expect (empty: roots trusted earlier)")
        )
        self.import_root = QPushButton(_("Trust a root certificate…"), self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.details = QPlainTextEdit(self, readOnly=True)
        self.check_button = QPushButton(_("Verify"), self)
        self.choose.setAccessibleName(_("Choose the signed file…"))
        self.details.setAccessibleName(_("Details of each signature"))
        form = QFormLayout()
        add_field_row(form, _("Signed file"), self.file, self.choose)
        add_field_row(form, _("Expected root"), self.fingerprint, self.import_root)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.choose.clicked.connect(self._choose)
        self.import_root.clicked.connect(self._trust)
        self.check_button.clicked.connect(self.verify)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)
        if path is not None:
            self.verify()

    def _choose(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, _("Signed submission"), self.file.text(), _("Signed submissions (*.pdf *.docx)")
        )
        if chosen:
            self.file.setText(chosen)
            self.verify()

    def _trust(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(self, _("Root certificate"), "", _("Certificates (*.pem *.cer *.crt)"))
        if not chosen:
            return
        if not self.fingerprint.text().strip():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                _("Type the fingerprint the organisation published first: a root is trusted only when it matches."),
            )
            return
        try:
            found = trust_root(chosen, self.fingerprint.text())
        except UntocError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        QMessageBox.information(
            self, self.windowTitle(), _("The root certificate {fingerprint} is now trusted.").format(fingerprint=found)
        )

    def verify(self) -> bool | None:
        """Verify the chosen file; shows one line per signature. Returns the verdict (None: unreadable)."""
        path = Path(self.file.text().strip())
        fingerprints = [self.fingerprint.text()] if self.fingerprint.text().strip() else None
        try:
            report = (
                verify_pdf(path, fingerprints) if path.suffix.lower() == ".pdf" else verify_detached(path, fingerprints)
            )
        except UntocError as exc:
            self.verdict.setText(str(exc))
            _set_verdict_look(self.verdict, good=False)
            self.details.setPlainText("")
            return None
        lines = [
            _("Signature {number}: {check}").format(number=n, check=c.describe())
            for n, c in enumerate(report.signatures, start=1)
        ]
        self.details.setPlainText("\n\n".join(lines + report.problems))
        if report.ok:
            self.verdict.setText(
                _("Verified: every signature is intact, comes from the expected root, and nothing was changed since.")
            )
            _set_verdict_look(self.verdict, good=True)
        else:
            self.verdict.setText(_("NOT verified: see the details below."))
            _set_verdict_look(self.verdict, good=False)
        return report.ok


def _set_verdict_look(label: QLabel, good: bool) -> None:
    """Colour the verdict through the style sheet (``verdictGood``/``verdictBad``: contrast from the palette)."""
    label.setObjectName("verdictGood" if good else "verdictBad")
    label.style().unpolish(label)
    label.style().polish(label)
