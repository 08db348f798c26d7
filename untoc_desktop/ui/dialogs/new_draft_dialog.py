"""The "New draft" dialog: what the submission is about, before choosing where to save it."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ... import languages
from ...applicability import Applicability
from ...draft import DraftInfo
from ...i18n import _
from ...questionnaire.model import INSTRUMENT_SHORT_NAMES
from ...states_parties import StateParty, StatesPartiesTable, country_name, shipped_table
from ..editor.applicability import ProtocolChoices

#: Drafting languages: the six official languages of the United Nations.
DRAFTING_LANGUAGES: tuple[str, ...] = languages.CODES
#: Review clusters of the Review Mechanism.
CLUSTERS: tuple[int, ...] = (1, 2, 3, 4)


def states_parties(
    interface_language: str = "en", table: StatesPartiesTable | None = None
) -> list[tuple[str, StateParty]]:
    """(CLDR name in the interface language, State party) for every row of the table (default: shipped), by name."""
    rows = []
    for state in (table or shipped_table()).states:
        try:
            name = country_name(state.iso3, interface_language)
        except KeyError:
            name = state.name
        rows.append((name, state))
    return sorted(rows, key=lambda row: row[0].casefold())


class NewDraftDialog(QDialog):
    """Ask what a new submission is about.

    Args:
        available_clusters: clusters offered; the others are shown disabled, "coming later".
        interface_language: language code for country names.
        defaults: organisation and author to pre-fill (remembered from the last draft).
        provisional_notes: cluster -> why its article list is provisional (offered with a visible note).
        cluster_titles: cluster -> its name in the interface language
            (:func:`untoc_desktop.questionnaire.display.cluster_title`), shown as the entry's tooltip.
        table: the States parties table that pre-selects Protocols (default: the shipped one).
    """

    def __init__(
        self,
        available_clusters: Collection[int],
        interface_language: str = "en",
        defaults: dict[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        provisional_notes: Mapping[int, str] | None = None,
        cluster_titles: Mapping[int, str] | None = None,
        table: StatesPartiesTable | None = None,
    ) -> None:
        super().__init__(parent)
        defaults = defaults or {}
        self.setWindowTitle(_("New draft submission"))
        self.setMinimumWidth(640)

        self.organization = QLineEdit(defaults.get("organization", ""), self)
        self.organization.setPlaceholderText(_("Your organisation's name"))
        self.country = QComboBox(self)
        self.country.setEditable(True)
        self.provisional_notes = dict(provisional_notes or {})
        table = table or shipped_table()
        for name, state in states_parties(interface_language, table):
            self.country.addItem(name, state)
        self.country.setCurrentIndex(-1)
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        country_edit = self.country.lineEdit()  # the box is editable, so it has one
        if country_edit is not None:
            country_edit.setPlaceholderText(_("Type or choose the country"))
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
            if available and number in self.provisional_notes:
                label = _("{cluster} (provisional article list)").format(cluster=label)
            self.cluster.addItem(label if available else _("{cluster} (coming later)").format(cluster=label), number)
            model.item(self.cluster.count() - 1).setEnabled(available)
            title = (cluster_titles or {}).get(number)
            if title:
                self.cluster.setItemData(self.cluster.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        first = next((i for i in range(self.cluster.count()) if self.cluster.itemData(i) in available_clusters), -1)
        self.cluster_note = QLabel(self)
        self.cluster_note.setObjectName("provisionalNote")
        self.cluster_note.setWordWrap(True)
        self.cluster.currentIndexChanged.connect(self._cluster_chosen)
        self.cluster.setCurrentIndex(first)
        self._cluster_chosen()

        self.choices = ProtocolChoices(table, self)
        self.choices.set_state(None)
        self.protocols = self.choices.boxes
        self.protocol_hint = self.choices.source
        self.country.currentIndexChanged.connect(self._country_chosen)
        self.country.editTextChanged.connect(self._country_typed)

        self.language = QComboBox(self)
        for lang in languages.languages():
            self.language.addItem(f"{lang.native_name} ({lang.code})", lang.code)
        self.author = QLineEdit(defaults.get("author", ""), self)
        self.author.setPlaceholderText(_("Recorded with each change"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("&Organisation:"), self.organization)
        form.addRow(_("&Country under review:"), self.country)
        form.addRow(_("C&luster:"), self.cluster)
        form.addRow("", self.cluster_note)
        form.addRow(_("Protocols the country is party to:"), self.choices)
        form.addRow("", self.choices.source)
        form.addRow(_("&Drafting language:"), self.language)
        form.addRow(_("&Author:"), self.author)

        self.problem = QLabel(self)
        self.problem.setObjectName("answerProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Notes change with the country and cluster chosen: the dialog grows rather than clipping them.
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def show_existing(self, info: DraftInfo, applicability: Mapping[str, Any] | None = None) -> None:
        """Turn the dialog into "Draft details" for an existing draft: fields filled, cluster fixed.

        Args:
            info: the draft's details.
            applicability: the recorded Protocol choice (draft property ``applicability``), shown with its origin.
        """
        self.setWindowTitle(_("Draft details"))
        self.ok_button.setText(_("Save"))
        self.organization.setText(info.organization)
        index = next(
            (
                i
                for i in range(self.country.count())
                if info.country_code and self.country.itemData(i).iso3 == info.country_code
            ),
            -1,
        )
        if index >= 0 and self.country.itemText(index) == info.country:
            self.country.setCurrentIndex(index)
        else:
            self.country.setCurrentIndex(-1)
            self.country.setEditText(info.country)
        self.cluster.setCurrentIndex(max(self.cluster.findData(info.cluster), 0))
        self.cluster.setEnabled(False)
        self.choices.show_recorded(info.protocols, applicability)
        self.language.setCurrentIndex(max(self.language.findData(info.language), 0))
        self.author.setText(info.author)

    def state_party(self) -> StateParty | None:
        """The State chosen from the list, ``None`` when the country was typed freely."""
        index = self.country.currentIndex()
        if index < 0 or self.country.itemText(index) != self.country.currentText():
            return None
        return self.country.itemData(index)

    def _country_chosen(self, _index: int) -> None:
        self.choices.set_state(self.state_party())
        self._refit()

    def _refit(self) -> None:
        """Grow the dialog when notes (provisional cluster, table source, problems) need more lines."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _country_typed(self, _text: str) -> None:
        # Leaving a listed State for a freely typed name: the table no longer speaks for it.
        state = self.state_party()
        if state is not self.choices.state and (state is None) != (self.choices.state is None):
            self.choices.set_state(state)

    def _cluster_chosen(self, _index: int = 0) -> None:
        note = self.provisional_notes.get(self.cluster.currentData())
        self.cluster_note.setText(_("Provisional article list: {note}").format(note=note) if note else "")
        self.cluster_note.setVisible(bool(note))
        self._refit()

    def applicability(self) -> Applicability:
        """The Protocol choice to record in the draft (see :meth:`ProtocolChoices.applicability`)."""
        return self.choices.applicability()

    def problems(self) -> list[tuple[str, QWidget]]:
        """What is missing, as (message, field) pairs; empty when the form can be accepted."""
        found: list[tuple[str, QWidget]] = []
        if not self.organization.text().strip():
            found.append((_("Enter the name of your organisation."), self.organization))
        if not self.country.currentText().strip():
            found.append((_("Enter the country under review."), self.country))
        if self.cluster.currentIndex() < 0:
            found.append((_("Choose a cluster."), self.cluster))
        unconfirmed = self.choices.unconfirmed()
        if unconfirmed:
            names = ", ".join(_(INSTRUMENT_SHORT_NAMES[code]) for code in unconfirmed)
            found.append(
                (
                    _("Confirm whether the country is party to: {protocols} (tick or untick each box).").format(
                        protocols=names
                    ),
                    self.protocols[unconfirmed[0]],
                )
            )
        if not self.author.text().strip():
            found.append((_("Enter the author's name; it is recorded with each change."), self.author))
        return found

    def accept(self) -> None:
        """Close with OK only when the required fields are filled; otherwise say what is missing."""
        found = self.problems()
        if found:
            self.problem.setText("\n".join(message for message, _field in found))
            self.problem.show()
            self._refit()
            found[0][1].setFocus()
            return
        super().accept()

    def draft_info(self) -> DraftInfo:
        """The answers of the dialog as :class:`DraftInfo` (definition fields left empty)."""
        return DraftInfo(
            organization=self.organization.text().strip(),
            country=self.country.currentText().strip(),
            country_code=state.iso3 if (state := self.state_party()) is not None else "",
            cluster=int(self.cluster.currentData()),
            protocols=self.choices.chosen(),
            language=self.language.currentData(),
            author=self.author.text().strip(),
        )
