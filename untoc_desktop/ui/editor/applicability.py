"""Which Protocols apply: pre-selected from the States parties table where it is certain, confirmed by the user.

Each Protocol is a check box. Where the table is certain the box is ticked or
not; where it says ``unknown`` (or no State from the table is chosen) the box
starts half-ticked with a "please confirm" note, and the dialog cannot be
accepted until the user has decided. The user may always override. The choice
is recorded in the draft (property ``applicability``) with where each answer
came from: ``table`` (and the table's date and origin) or ``user``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...applicability import APPLICABILITY_PROPERTY, Applicability, protocol_choice  # noqa: F401 (key re-exported)
from ...i18n import _
from ...questionnaire.model import INSTRUMENT_SHORT_NAMES, PROTOCOLS
from ...states_parties import StateParty, StatesPartiesTable, origin_label


def _source_hosts(source_url: str) -> str:
    """The web sites a row's sources come from (``github.com, whatconvention.org``); full URLs go in the tooltip."""
    hosts = []
    for url in source_url.split(";"):
        host = urlsplit(url.strip()).netloc or url.strip()
        if host and host not in hosts:
            hosts.append(host)
    return ", ".join(hosts)


class ConfirmBox(QCheckBox):
    """A check box that can start undecided ("please confirm"); one click decides it for good.

    Args:
        text: the Protocol's name.
    """

    def ask(self) -> None:
        """Show the box undecided (half-ticked) until the user chooses."""
        self.setTristate(True)
        self.setCheckState(Qt.CheckState.PartiallyChecked)

    def needs_confirmation(self) -> bool:
        """Whether the user still has to decide."""
        return self.checkState() == Qt.CheckState.PartiallyChecked

    def nextCheckState(self) -> None:  # noqa: N802 (Qt override)
        """From undecided a click means "party"; after that the box is an ordinary one."""
        if self.needs_confirmation():
            self.setCheckState(Qt.CheckState.Checked)
        else:
            super().nextCheckState()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.stateChanged.connect(self._decided)

    def _decided(self, _state: int) -> None:
        # Once decided, the box never goes back to undecided by clicking.
        if not self.needs_confirmation() and self.isTristate():
            self.setTristate(False)


class ProtocolChoices(QWidget):
    """The Protocols the State is party to, with the table's date and source.

    :attr:`source` (the table's date, sources and confidence) is a separate label for
    the owner to place, so that a form layout can wrap it at the right height.

    Args:
        table: the States parties table new choices come from.
    """

    def __init__(self, table: StatesPartiesTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.state: StateParty | None = None
        self.boxes: dict[str, ConfirmBox] = {}
        self.confirm_notes: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for row, code in enumerate(PROTOCOLS):
            box = ConfirmBox(_(INSTRUMENT_SHORT_NAMES[code]), self)
            note = QLabel(_("please confirm: the table does not say"), self)
            note.setObjectName("pleaseConfirm")
            note.hide()
            box.stateChanged.connect(lambda _state, b=box, n=note: n.setVisible(b.needs_confirmation()))
            self.boxes[code] = box
            self.confirm_notes[code] = note
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
        grid.setColumnStretch(2, 1)
        self.source = QLabel(self)
        self.source.setObjectName("questionHelp")
        self.source.setWordWrap(True)
        self.source.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)

    def set_state(self, state: StateParty | None) -> None:
        """Pre-select from the table for ``state``; undecided where it is not certain or the State is not listed."""
        self.state = state
        preselected = state.preselected_protocols() if state is not None else {}
        for code, box in self.boxes.items():
            value = preselected.get(code)
            if value is None:
                box.ask()
            else:
                box.setTristate(False)
                box.setChecked(value)
        self.source.setText(self.source_text())
        self.source.setToolTip(state.source_url.replace(";", "\n").strip() if state is not None else "")

    def show_recorded(self, protocols: frozenset[str] | set[str], recorded: Mapping[str, Any] | None) -> None:
        """Show an existing draft's Protocols (all decided) and where the recorded choice came from."""
        for code, box in self.boxes.items():
            box.setTristate(False)
            box.setChecked(code in protocols)
        lines = [self.source_text()] if self.state is not None else []
        for code, entry in (recorded or {}).items():
            if code not in self.boxes or not isinstance(entry, Mapping):
                continue
            name = _(INSTRUMENT_SHORT_NAMES[code])
            if entry.get("source") == "table":
                lines.append(
                    _("{protocol}: recorded from the table ({origin}, sources up to {date}).").format(
                        protocol=name, origin=entry.get("origin", "?"), date=entry.get("source_date") or "?"
                    )
                )
            else:
                lines.append(_("{protocol}: recorded as chosen by the user.").format(protocol=name))
        self.source.setText("\n".join(lines))

    def source_text(self) -> str:
        """The table's date, source and confidence for the chosen State (or why nothing is pre-selected)."""
        if self.state is None:
            return _(
                "This country is not in the States parties table ({origin}); please confirm each Protocol."
            ).format(origin=origin_label(self.table.origin))
        state = self.state
        text = _(
            "Pre-selected from the States parties table ({origin}): sources dated {date}, confidence "
            "{confidence}. Sources: {url} (point here for the full addresses). You can change any box."
        ).format(
            origin=origin_label(self.table.origin),
            date=state.source_date or "?",
            confidence=state.confidence or "?",
            url=_source_hosts(state.source_url) or "?",
        )
        unsure = [_(INSTRUMENT_SHORT_NAMES[c]) for c, box in self.boxes.items() if box.needs_confirmation()]
        if unsure:
            text += " " + _("The table is not sure about: {protocols}.").format(protocols=", ".join(unsure))
        return text

    def unconfirmed(self) -> list[str]:
        """Protocol codes the user has not decided yet."""
        return [code for code, box in self.boxes.items() if box.needs_confirmation()]

    def chosen(self) -> frozenset[str]:
        """Codes of the Protocols ticked."""
        return frozenset(code for code, box in self.boxes.items() if box.checkState() == Qt.CheckState.Checked)

    def applicability(self) -> Applicability:
        """The choice to record: Protocol code -> ``{party, source, source_date, origin, confidence, source_url}``.

        ``source`` is ``table`` where the box matches a certain cell of the table, else ``user``.
        """
        table_values = self.state.preselected_protocols() if self.state is not None else {}
        record: Applicability = {}
        for code in self.boxes:
            party = code in self.chosen()
            from_table = table_values.get(code) is not None and table_values.get(code) == party
            record[code] = protocol_choice(
                party,
                from_table,
                source_date=self.state.source_date if self.state is not None else "",
                origin=self.table.origin,
                confidence=self.state.confidence if self.state is not None else "",
                source_url=self.state.source_url if self.state is not None else "",
            )
        return record
