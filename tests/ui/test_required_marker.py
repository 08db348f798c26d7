"""The "required" marker is stressed (error colour, bold) exactly while the answer is missing.

Its look comes from the style sheet's ``[missing="true"]`` rule, matched when the label is polished:
set before a new marker is first shown, and polished again when it changes on a shown one.
"""

from PySide6.QtGui import QFontInfo, QPalette

PARAGRAPH = "UNTOC.5.1(a)"
STATUS = f"{PARAGRAPH}.status"
CHALLENGES = f"{PARAGRAPH}.challenges"


def stressed(marker) -> bool:
    return QFontInfo(marker.font()).bold()


def test_the_marker_is_stressed_while_missing_and_plain_once_answered(qtbot, window, draft_path):
    view = window.draft_view
    view.select(PARAGRAPH)
    page = view.current_page()
    status_marker = page.blocks[STATUS].marker
    assert status_marker.isVisible() and stressed(status_marker)  # required, not answered: shown stressed
    error_colour = status_marker.palette().color(QPalette.ColorRole.WindowText)

    combo = page.blocks[STATUS].field.combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("partly"))
    challenges = page.blocks[CHALLENGES].marker
    qtbot.waitUntil(lambda: challenges.isVisible(), timeout=2000)
    assert not stressed(status_marker)  # answered now: polished again, plain
    assert status_marker.palette().color(QPalette.ColorRole.WindowText) != error_colour
    assert stressed(challenges)  # a marker shown for the first time takes its look at once
    assert challenges.palette().color(QPalette.ColorRole.WindowText) == error_colour
