"""Run by ``test_small_screens.py`` in a process of its own, on an offscreen screen of a given size.

Usage: ``python small_screen_window.py REPORT.json DRAFT SETTINGS.ini PARAGRAPH [SCREENSHOT.png]``
with ``QT_QPA_PLATFORM=offscreen:configfile=screen.json`` (Qt's offscreen platform then has one screen
of the size in the file, and draws window frames). Builds the application's window as ``untoc-desktop``
does, opens the draft, shows the paragraph and reports what fits where, as JSON.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication

from untoc_desktop.ui.app import build_main_window
from untoc_desktop.ui.style import STYLE_SHEET


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def main() -> int:
    report_path, draft, settings_path, paragraph = sys.argv[1:5]
    screenshot = sys.argv[5] if len(sys.argv) > 5 else None
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE_SHEET)
    window = build_main_window([], QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    assert window.open_draft(Path(draft)), "the draft did not open"
    window.draft_view.select(paragraph)
    for _round in range(5):
        app.processEvents()
    page = window.draft_view.current_page()
    viewport = global_rect(page.viewport())
    fully_shown = [
        qid for qid, block in page.blocks.items() if block.isVisible() and viewport.contains(global_rect(block))
    ]
    screen = window.screen()
    status = window.statusBar()
    report = {
        "screen": rect(screen.geometry()),
        "available": rect(screen.availableGeometry()),
        "frame": rect(window.frameGeometry()),
        "geometry": rect(window.geometry()),
        "status_bar_visible": status.isVisible(),
        "status_bar": rect(global_rect(status)),
        "summary": window.summary.text(),
        "page_viewport": rect(viewport),
        "questions_fully_shown": fully_shown,
        "minimum_size": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "tree_width": window.draft_view.splitter.sizes()[0],
    }
    if screenshot:
        window.grab().save(screenshot)
    from untoc_desktop.ui.letters.letters_dialog import NewLetterDialog

    letter = NewLetterDialog(window.session, window)  # asks for 1000 x 680 pixels
    letter.show()
    letter.activateWindow()
    for _round in range(5):
        app.processEvents()
    report["letter_dialog_frame"] = rect(letter.frameGeometry())
    letter.close()
    Path(report_path).write_text(json.dumps(report, indent=1))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
