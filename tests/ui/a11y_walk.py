"""Walking a widget tree as assistive technology sees it: the controls a user can reach, and their names.

The name is the one Qt's accessibility layer gives a screen reader (``QAccessibleInterface.text(Name)``):
the accessible name if set, else a button's text or the text of the label whose buddy the control is.
"""

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

#: Controls a user operates (whatever their focus policy).
INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
)
#: Parts of a composite control, which the control speaks for (a combo box's line edit, a table's header).
_COMPOSITES = (QAbstractItemView, QComboBox, QAbstractSpinBox)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader hears for ``widget``.

    On Linux, Qt reports a combo box's current text as its name; its name is the label that labels it
    (the relation assistive technology reads), or the accessible name set on it (other systems).
    """
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    if isinstance(widget, QComboBox):
        labels = [
            other.text(QAccessible.Text.Name).strip()
            for other, _relation in interface.relations(QAccessible.RelationFlag.Label)
        ]
        return next((label for label in labels if label), "")
    return interface.text(QAccessible.Text.Name).strip()


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` a user can reach: focusable or interactive, shown, not part of another control."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QScrollBar, QMenuBar, QMenu)) or widget.objectName() == "focusFrame":
            continue
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (focusable or isinstance(widget, INTERACTIVE)):
            continue
        if not (widget is root or widget.isVisibleTo(root)) or _inside_composite(widget, root):
            continue
        if widget.focusProxy() is not None:  # its proxy takes the focus and is checked itself (a tab widget's bar)
            continue
        found.append(widget)
    return found


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Reachable controls under ``root`` with no accessible name (nor a label naming them)."""
    return [widget for widget in controls(root) if not accessible_name(widget)]


def duplicate_names(root: QWidget) -> dict[str, list[QWidget]]:
    """Accessible names given to more than one reachable control under ``root``."""
    by_name = defaultdict(list)
    for widget in controls(root):
        name = accessible_name(widget)
        if name:
            by_name[name].append(widget)
    return {name: widgets for name, widgets in by_name.items() if len(widgets) > 1}


def describe(widgets: list[QWidget]) -> list[str]:
    """Readable descriptions of widgets for a failure message."""
    return [
        f"{type(w).__name__}#{w.objectName()} in {type(w.parentWidget()).__name__} "
        f"({accessible_name(w) or w.toolTip()[:40]!r})"
        for w in widgets
    ]
