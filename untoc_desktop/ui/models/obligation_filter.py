"""Filtering the navigation tree by obligation class ("must", "may"...).

The filter hides the paragraphs of other classes in the tree and makes the
article and instrument badges count only the paragraphs shown; the draft's
overall completeness (status bar, "Still missing") still covers every paragraph.
The class labels come from :mod:`untoc_desktop.questionnaire.obligations`, in the
interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ...i18n import _, interface_language
from ...questionnaire.obligations import OBLIGATION_CLASSES, obligation_label
from .navigation import ProvisionRole, ProvisionTreeModel

#: Filter choices in display order: "" (every provision), then the six obligation classes.
OBLIGATION_FILTERS: tuple[str, ...] = ("", *OBLIGATION_CLASSES)


def filter_label(level: str) -> str:
    """The filter's text for a class, e.g. "Only “must consider”", in the interface language."""
    if not level:
        return _("All provisions")
    return _("Only “{label}”").format(label=obligation_label(level, interface_language()))


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
        if not isinstance(source, ProvisionTreeModel):  # no model set yet
            return QModelIndex()
        return self.mapFromSource(source.index_for(provision_id, column))

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
        for level in OBLIGATION_FILTERS:
            self.addItem(filter_label(level), level)
        self.setAccessibleName(_("Show provisions"))
        self.setToolTip(
            _(
                "Show only provisions of one obligation class; the article counts then cover only the "
                "provisions shown. Paragraphs with no obligation are never counted."
            )
        )
        self.currentIndexChanged.connect(lambda _index: self.level_chosen.emit(self.currentData()))

    def choose(self, level: str) -> None:
        """Select a level as if the user had chosen it (a class the box does not list shows everything)."""
        self.setCurrentIndex(max(self.findData(level), 0))
