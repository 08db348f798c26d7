"""The "New draft" dialog: what the submission is about, before choosing where to save it."""

from __future__ import annotations

from collections.abc import Collection

import babel
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..draft import DraftInfo
from ..i18n import _
from ..questionnaire.model import INSTRUMENT_SHORT_NAMES, PROTOCOLS

#: Drafting languages: the six official languages of the United Nations.
DRAFTING_LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh")
#: Review clusters of the Review Mechanism.
CLUSTERS: tuple[int, ...] = (1, 2, 3, 4)
_NOT_COUNTRIES = {"ZZ", "EU", "EZ", "UN", "QO"}


def country_names(interface_language: str = "en") -> list[str]:
    """Names of countries and territories (CLDR, via Babel), sorted, in the interface language."""
    try:
        territories = babel.Locale.parse(interface_language).territories
    except (ValueError, babel.UnknownLocaleError):
        territories = babel.Locale("en").territories
    names = {name for code, name in territories.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}
    return sorted(names, key=str.casefold)


class NewDraftDialog(QDialog):
    """Ask what a new submission is about.

    Args:
        available_clusters: clusters with a questionnaire; the others are shown disabled, "coming later".
        interface_language: language code for country names.
        defaults: organisation and author to pre-fill (remembered from the last draft).
    """

    def __init__(
        self,
        available_clusters: Collection[int],
        interface_language: str = "en",
        defaults: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        defaults = defaults or {}
        self.setWindowTitle(_("New draft submission"))
        self.setMinimumWidth(520)

        self.organization = QLineEdit(defaults.get("organization", ""), self)
        self.organization.setPlaceholderText(_("Your organisation's name"))
        self.country = QComboBox(self)
        self.country.setEditable(True)
        self.country.addItems(country_names(interface_language))
        self.country.setCurrentIndex(-1)
        self.country.lineEdit().setPlaceholderText(_("Type or choose the country"))
        completer = QCompleter(self.country.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.country.setCompleter(completer)

        self.cluster = QComboBox(self)
        model = self.cluster.model()
        assert isinstance(model, QStandardItemModel)
        for number in CLUSTERS:
            available = number in available_clusters
            label = _("Cluster {number}").format(number=number)
            self.cluster.addItem(label if available else _("{cluster} (coming later)").format(cluster=label), number)
            model.item(self.cluster.count() - 1).setEnabled(available)
        first = next((i for i in range(self.cluster.count()) if self.cluster.itemData(i) in available_clusters), -1)
        self.cluster.setCurrentIndex(first)

        self.protocols: dict[str, QCheckBox] = {}
        protocol_row = QHBoxLayout()
        for code in PROTOCOLS:
            box = QCheckBox(_(INSTRUMENT_SHORT_NAMES[code]), self)
            self.protocols[code] = box
            protocol_row.addWidget(box)
        protocol_row.addStretch(1)

        self.language = QComboBox(self)
        for code in DRAFTING_LANGUAGES:
            native = babel.Locale(code).display_name
            self.language.addItem(f"{native} ({code})", code)
        self.author = QLineEdit(defaults.get("author", ""), self)
        self.author.setPlaceholderText(_("Recorded with each change"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("&Organisation:"), self.organization)
        form.addRow(_("&Country under review:"), self.country)
        form.addRow(_("C&luster:"), self.cluster)
        form.addRow(_("Protocols the country is party to:"), protocol_row)
        form.addRow(_("&Drafting language:"), self.language)
        form.addRow(_("&Author:"), self.author)

        self.problem = QLabel(self)
        self.problem.setObjectName("answerProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def problems(self) -> list[tuple[str, QWidget]]:
        """What is missing, as (message, field) pairs; empty when the form can be accepted."""
        found = []
        if not self.organization.text().strip():
            found.append((_("Enter the name of your organisation."), self.organization))
        if not self.country.currentText().strip():
            found.append((_("Enter the country under review."), self.country))
        if self.cluster.currentIndex() < 0:
            found.append((_("Choose a cluster."), self.cluster))
        if not self.author.text().strip():
            found.append((_("Enter the author's name; it is recorded with each change."), self.author))
        return found

    def accept(self) -> None:
        """Close with OK only when the required fields are filled; otherwise say what is missing."""
        found = self.problems()
        if found:
            self.problem.setText("\n".join(message for message, _field in found))
            self.problem.show()
            found[0][1].setFocus()
            return
        super().accept()

    def draft_info(self) -> DraftInfo:
        """The answers of the dialog as :class:`DraftInfo` (definition fields left empty)."""
        return DraftInfo(
            organization=self.organization.text().strip(),
            country=self.country.currentText().strip(),
            cluster=int(self.cluster.currentData()),
            protocols=frozenset(code for code, box in self.protocols.items() if box.isChecked()),
            language=self.language.currentData(),
            author=self.author.text().strip(),
        )
