"""Filtering the navigation tree by obligation level (mandatory, qualified, optional...).

The filter only hides paragraphs in the tree; completeness is computed on the
whole definition and does not change.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ..i18n import N_, _
from .navigation import ProvisionRole

#: Filter choices: (obligation level or "" for all, English label), in display order.
OBLIGATION_FILTERS: tuple[tuple[str, str], ...] = (
    ("", N_("All provisions")),
    ("mandatory", N_("Mandatory")),
    ("qualified", N_("Mandatory with qualifier")),
    ("optional", N_("Optional")),
    ("definition", N_("Definitions")),
    ("unclassified", N_("Not yet classified")),
)


class ObligationFilterProxy(QSortFilterProxyModel):
    """Shows only paragraphs of one obligation level, with the articles and instruments above them.

    With no level set (the default) every row is shown. The "Archived answers"
    node is always shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = ""
        self.setRecursiveFilteringEnabled(True)

    @property
    def level(self) -> str:
        """The obligation level shown, "" for all."""
        return self._level

    def set_level(self, level: str) -> None:
        """Show only paragraphs with obligation ``level`` ("" shows everything)."""
        if level != self._level:
            self.beginFilterChange()
            self._level = level
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def index_for(self, provision_id: str, column: int = 0) -> QModelIndex:
        """The proxy index of a provision (see ``ProvisionTreeModel.index_for``); invalid when unknown or hidden."""
        source = self.sourceModel()
        return self.mapFromSource(source.index_for(provision_id, column)) if source is not None else QModelIndex()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        """Paragraphs of the chosen level; parents are kept by recursive filtering."""
        if not self._level:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        kind = index.data(ProvisionRole.KIND)
        if kind == "archived":
            return True
        return kind == "paragraph" and index.data(ProvisionRole.OBLIGATION) == self._level


class ObligationFilterBox(QComboBox):
    """A combo box choosing the obligation level the tree shows."""

    #: The chosen level ("" for all).
    level_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for level, label in OBLIGATION_FILTERS:
            self.addItem(_(label), level)
        self.setAccessibleName(_("Show provisions"))
        self.setToolTip(_("Show only provisions of one obligation level; completeness still counts every provision."))
        self.currentIndexChanged.connect(lambda _index: self.level_chosen.emit(self.currentData()))

    def choose(self, level: str) -> None:
        """Select a level as if the user had chosen it."""
        self.setCurrentIndex(max(self.findData(level), 0))
