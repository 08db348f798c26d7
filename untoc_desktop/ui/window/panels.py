"""The side panels of the main window (docks): their names for assistive technology.

Qt names every dock's title buttons "Float" and "Close"; with two panels a screen reader hears the
same names twice, so each says which panel it acts on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDockWidget

from ...i18n import _


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
