"""F6 and Shift+F6: move the keyboard focus between the regions of the window.

The regions, in order: the provision tree, the page, each side panel shown (still missing, review
timeline) and the status bar; with no draft open, the welcome page. Tab moves within and across
regions in the same order; F6 jumps a whole region, as in browsers and office suites. Entering a region
again goes back to where the focus was in it, else to its natural first control (for the page: the
first question of the paragraph chosen in the tree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QSplitter, QWidget

from ...i18n import _


@dataclass(frozen=True)
class Region:
    """A part of the window the focus can jump to.

    Attributes:
        name: what the region is, for status messages and tests ("tree", "page", "panel", "status").
        widget: the region's outermost widget (focus anywhere inside counts as being in the region).
        enter: gives the focus to the region's first control when nothing there was focused before.
    """

    name: str
    widget: QWidget
    enter: Callable[[], object]  # what it returns is ignored


class DraftRegions(Protocol):
    """What F6 needs of the open draft's view (a ``DraftView``)."""

    @property
    def splitter(self) -> QSplitter:
        """The splitter between the tree (first pane) and the page."""

    @property
    def navigator(self) -> QWidget:
        """The tree's region: the tree and its filter."""

    @property
    def tree(self) -> QWidget:
        """The provision tree, focused when its region is entered."""

    @property
    def pages(self) -> QWidget:
        """The page region (the stack of article pages)."""

    def enter_page(self) -> object:
        """Give the focus to the first question of the paragraph chosen in the tree."""

    def isVisible(self) -> bool:
        """Whether the view is shown."""


class KeyboardRegions(QObject):
    """The View menu's "Next region" (F6) and "Previous region" (Shift+F6).

    Args:
        window: the main window (the actions' shortcuts work anywhere in it).
        regions: the regions now shown, in order (called on each key press).
        view_menu: where the two actions are listed.
    """

    def __init__(self, window: QWidget, regions: Callable[[], Sequence[Region]], view_menu: QMenu) -> None:
        super().__init__(window)
        self._regions = regions
        self._last: dict[int, QWidget] = {}  # region widget id -> the control last focused in it
        self.next_action = QAction(_("Next &region"), window)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.previous_action = QAction(_("Pre&vious region"), window)
        self.previous_action.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6))
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(lambda _checked=False: self.move(1))
        self.previous_action.triggered.connect(lambda _checked=False: self.move(-1))
        view_menu.addSeparator()
        view_menu.addActions([self.next_action, self.previous_action])
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._remember)

    def current(self) -> Region | None:
        """The region holding the keyboard focus, if any."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        return next((r for r in self._regions() if r.widget is focus or r.widget.isAncestorOf(focus)), None)

    def move(self, step: int) -> Region | None:
        """Give the focus to the next (``step`` 1) or previous (-1) region shown; returns it."""
        regions = [r for r in self._regions() if r.widget.isVisible()]
        if not regions:
            return None
        here = self.current()
        position = next((n for n, r in enumerate(regions) if here is not None and r.widget is here.widget), None)
        target = regions[
            0 if position is None and step > 0 else -1 if position is None else (position + step) % len(regions)
        ]
        widget = self._last.get(id(target.widget))
        if (
            widget is not None
            and shiboken6.isValid(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and target.widget.isAncestorOf(widget)
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            target.enter()
        return target

    def _remember(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        for region in self._regions():
            if region.widget is new or region.widget.isAncestorOf(new):
                self._last[id(region.widget)] = new
                return


def first_control(container: QWidget) -> QWidget | None:
    """The first control of ``container`` that Tab would reach (shown and enabled), or ``None``."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def _focus(widget: QWidget | None) -> None:
    if widget is not None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _focus_first_control(container: QWidget) -> None:
    _focus(first_control(container))


def window_regions(
    draft_view: DraftRegions | None, welcome: QWidget, panels: Sequence[QWidget], status: QWidget | None
) -> list[Region]:
    """The regions of the main window now shown, in F6 order.

    Args:
        draft_view: the open draft's view (a ``DraftView``, see ``DraftRegions``), or ``None`` when no
            draft is open.
        welcome: the page shown when no draft is open.
        panels: the side panels (docks), each a region when shown.
        status: the status bar's summary (a region while it says something), or ``None``.
    """
    regions: list[Region] = []
    if draft_view is not None and draft_view.isVisible():
        if draft_view.splitter.sizes()[0] > 0:  # the tree can be collapsed (small screens)
            regions.append(Region("tree", draft_view.navigator, lambda: _focus(draft_view.tree)))
        regions.append(Region("page", draft_view.pages, draft_view.enter_page))
    elif welcome.isVisible():
        regions.append(Region("page", welcome, lambda: _focus(first_control(welcome))))
    for panel in panels:
        if panel.isVisible():
            regions.append(Region("panel", panel, partial(_focus_first_control, panel)))
    if status is not None and status.isVisible():
        regions.append(Region("status", status, lambda: _focus(status)))
    return regions
