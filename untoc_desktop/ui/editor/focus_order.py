"""Widgets made after their window shows, put in their place in its focus chain (the order Tab follows).

Qt appends a widget made inside a window that already exists to the *end* of the window's focus
chain, whatever its place on screen: Tab would then jump from a paragraph built late to the end of
the window, and from the window's last control back into the paragraph. :func:`put_after` moves them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def proxies_of(fields: Iterable[QWidget], container: QWidget) -> list[tuple[QWidget, QWidget]]:
    """The widgets under ``container`` that pass their focus on to another, with that other.

    Args:
        fields: inputs known to have a focus proxy (answer fields: their combo box, editor or table).
        container: where to look for scroll areas taking the focus (text editors, tables), whose
            viewport passes its focus on to the scroll area. Qt sets this up; it is not asked back
            with ``focusProxy()``, which crashes PySide 6.12 later for the viewport of a table's
            header (a header takes no focus, so neither it nor its viewport is a Tab stop).

    Returns:
        (widget, its focus proxy) pairs.
    """
    pairs = []
    for field in fields:
        proxy = field.focusProxy()
        if proxy is not None:
            pairs.append((field, proxy))
    window = container.window()
    pairs += [
        (area.viewport(), area)
        for area in container.findChildren(QAbstractScrollArea)
        # Not a table's headers (no Tab stop, nor their viewports), nor a combo box's pop-up list
        # (a window of its own, with its own focus chain).
        if area.focusPolicy() & Qt.FocusPolicy.TabFocus and area.window() is window
    ]
    return pairs


def put_after(anchor: QWidget, last_before: QWidget, proxies: list[tuple[QWidget, QWidget]]) -> None:
    """Move the widgets made under ``anchor`` since the window's chain ended at ``last_before`` to just after it.

    Only the widgets that can matter to Tab are moved: those taking the focus themselves, and those
    in ``proxies`` (Tab stops through their proxy). ``QWidget.setTabOrder`` moves only a widget that
    takes the focus, and a widget with a proxy passes a new focus policy on to it; so the proxies are
    set aside and the policies opened while the chain is reordered, then both are put back.

    Args:
        anchor: the widget they were made under; it must take the focus (not ``Qt.NoFocus``).
        last_before: the window's last widget in its focus chain before they were made.
        proxies: (widget, its focus proxy) for the widgets made that have one (:func:`proxies_of`).
    """
    window = anchor.window()
    proxied = {id(widget): (widget, proxy, widget.focusPolicy()) for widget, proxy in proxies}
    made = []
    widget = last_before.nextInFocusChain()
    while widget is not None and widget is not window:
        if anchor.isAncestorOf(widget) and (id(widget) in proxied or widget.focusPolicy() != Qt.FocusPolicy.NoFocus):
            made.append(widget)
        widget = widget.nextInFocusChain()
    for widget, _proxy, _policy in proxied.values():
        widget.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr: no proxy
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    previous = anchor
    for widget in made:
        QWidget.setTabOrder(previous, widget)
        previous = widget
    for widget, proxy, policy in proxied.values():
        widget.setFocusPolicy(policy)
        widget.setFocusProxy(proxy)


def tab_stops(container: QWidget) -> list[QWidget]:
    """The controls under ``container`` that Tab stops at (shown, enabled), in Tab order.

    Only the run of ``container``'s widgets right after it in the focus chain is read: where
    :func:`put_after` put them.
    """
    stops = []
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container and container.isAncestorOf(widget):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops
