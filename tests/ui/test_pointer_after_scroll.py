"""After the page scrolls under a still mouse pointer, Qt knows which widget is under it.

Found under X11: rest the pointer on one answer, scroll the page with the keyboard or the wheel,
right-click without moving: the menu of the answer that had been there opened, and Paste wrote into
it, out of sight. Qt only learns the widget under the mouse when the mouse moves; the page now
tells it after each scroll (ArticlePage.refresh_under_pointer).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def cursor_put_back():
    """The offscreen pointer is shared by the tests of a process: later ones expect it where it was."""
    where = QCursor.pos()
    yield
    QCursor.setPos(where)


def settle(qtbot):
    for _turn in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def test_the_widget_under_a_still_pointer_is_known_after_the_page_scrolls(qtbot, window, draft_path):
    window.resize(1000, 700)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    page = window.draft_view.current_page()
    bar = page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300, timeout=3000)
    viewport = page.viewport()
    spot = viewport.mapToGlobal(QPoint(viewport.width() // 2, viewport.height() // 2))
    QCursor.setPos(spot)
    page.refresh_under_pointer()  # as a first mouse move there would
    settle(qtbot)
    before = QApplication.widgetAt(spot)
    assert before is not None and before.underMouse()

    for step in (170, 170, 170):  # as the wheel or Page Down would move it
        bar.setValue(bar.value() + step)
        settle(qtbot)
        now = QApplication.widgetAt(spot)
        assert now is not None and now.underMouse(), type(now).__name__
        if now is not before and not now.isAncestorOf(before):
            assert not before.underMouse()  # the widget that scrolled away is no longer "under the mouse"
        before = now


def test_nothing_is_sent_while_the_pointer_is_outside_the_page(qtbot, window, draft_path):
    page = window.draft_view.current_page()
    outside = page.viewport().mapToGlobal(QPoint(-50, -50))
    QCursor.setPos(outside)
    sent = []
    original = QApplication.sendEvent
    try:
        QApplication.sendEvent = staticmethod(lambda *args: sent.append(args) or original(*args))  # type: ignore[method-assign]
        page.refresh_under_pointer()
    finally:
        QApplication.sendEvent = original  # type: ignore[method-assign]
    assert sent == []
