"""The side panels of the main window: the provision tree and the docks, collapsible and remembered.

On a small screen every pixel of the page counts: the provision tree can be collapsed (View > Provision
tree, or by dragging the splitter to the edge) and the docks ("Still missing", "Review timeline")
closed from the View menu. What the user chose is kept in the settings and applies to every draft
opened afterwards. Qt names every dock's title buttons "Float" and "Close"; with two panels a screen
reader would hear the same names twice, so each says which panel it acts on.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMenu, QWidget

from ...i18n import _
from .screen_fit import tree_width

#: Settings keys: whether the tree is shown, whether "Still missing" is shown, the tree/page splitter.
TREE_SHOWN_KEY = "view/tree_shown"
COMPLETENESS_SHOWN_KEY = "view/completeness_shown"
SPLITTER_KEY = "view/workspace_splitter"


def name_panel(dock: QDockWidget) -> None:
    """Name a dock, its content and its title buttons after its title ("Close the panel “Review timeline”")."""
    title = dock.windowTitle().replace("&", "")
    dock.setAccessibleName(title)
    if dock.widget() is not None and not dock.widget().accessibleName():
        dock.widget().setAccessibleName(title)
    for button in dock.findChildren(QAbstractButton):
        if button.objectName() == "qt_dockwidget_closebutton":
            button.setAccessibleName(_("Close the panel “{panel}”").format(panel=title))
        elif button.objectName() == "qt_dockwidget_floatbutton":
            button.setAccessibleName(_("Detach the panel “{panel}”").format(panel=title))


def _flag(value: object, default: bool = True) -> bool:
    """A boolean from the settings (INI files give back strings)."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


class SidePanels(QObject):
    """View > Provision tree, and the "Still missing" dock's visibility, remembered in the settings.

    Args:
        window: the main window.
        settings: where the choices are kept.
        completeness_dock: the "Still missing" dock (its View toggle is remembered).
        view_menu: the View menu; the tree's toggle is put first.
    """

    def __init__(self, window: QWidget, settings: QSettings, completeness_dock: QDockWidget, view_menu: QMenu) -> None:
        super().__init__(window)
        self._settings = settings
        self._view: QWidget | None = None
        self.tree_action = QAction(_("Provision &tree"), window)
        self.tree_action.setCheckable(True)
        self.tree_action.setChecked(_flag(settings.value(TREE_SHOWN_KEY)))
        self.tree_action.triggered.connect(self.show_tree)
        first = view_menu.actions()[0] if view_menu.actions() else None
        view_menu.insertAction(first, self.tree_action)  # type: ignore[arg-type]
        # Only the user's own toggling is remembered (closing a draft hides the dock too).
        completeness_dock.toggleViewAction().triggered.connect(
            lambda checked: settings.setValue(COMPLETENESS_SHOWN_KEY, bool(checked))
        )

    def completeness_wanted(self) -> bool:
        """Whether "Still missing" is to be shown when a draft is open."""
        return _flag(self._settings.value(COMPLETENESS_SHOWN_KEY))

    def attach(self, view: QWidget, available: QRect) -> None:
        """Lay out a new draft's workspace as remembered: tree width, or the tree collapsed.

        Args:
            view: the ``DraftView`` (its ``splitter`` holds the tree's ``navigator`` and the pages).
            available: the screen's available area (the tree starts narrower on a narrow screen).
        """
        self._view = view
        splitter = view.splitter  # type: ignore[attr-defined]
        state = self._settings.value(SPLITTER_KEY)
        if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
            width = tree_width(available)
            splitter.setSizes([width, max(view.width() - width, 400)])
        splitter.setCollapsible(0, True)  # the tree folds away; the page never does
        splitter.setCollapsible(1, False)
        self._apply(self.tree_action.isChecked())
        splitter.splitterMoved.connect(lambda _pos, _index: self._moved())

    def show_tree(self, shown: bool) -> None:
        """Show or collapse the provision tree (remembered)."""
        self.tree_action.setChecked(shown)
        self._settings.setValue(TREE_SHOWN_KEY, shown)
        self._apply(shown)

    def _apply(self, shown: bool) -> None:
        view = self._view
        if view is None:
            return
        splitter = view.splitter  # type: ignore[attr-defined]
        sizes = splitter.sizes()
        total = sum(sizes) or view.width()
        if not shown and sizes[0] > 0:
            splitter.setSizes([0, total])
        elif shown and sizes[0] == 0:
            width = tree_width(view.screen().availableGeometry()) if view.screen() else 280
            splitter.setSizes([width, max(total - width, 0)])

    def _moved(self) -> None:
        view = self._view
        if view is None:
            return
        splitter = view.splitter  # type: ignore[attr-defined]
        shown = splitter.sizes()[0] > 0
        if shown != self.tree_action.isChecked():  # dragged to the edge, or back out of it
            self.tree_action.setChecked(shown)
            self._settings.setValue(TREE_SHOWN_KEY, shown)
        self._settings.setValue(SPLITTER_KEY, splitter.saveState())
