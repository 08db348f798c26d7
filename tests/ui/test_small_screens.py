"""Small screens (1366 x 768, 1024 x 700): the window inside the screen, the status bar and two questions shown.

What offscreen can check: Qt's offscreen platform takes a screen size from a configuration file and
draws a (thin) window frame, so the window is built, as ``untoc-desktop`` builds it, in a process of
its own on a screen of that size (``small_screen_window.py``). What it cannot check: a real window
manager's title bar and task bar (the window leaves room for an estimated one), nor the fonts of the
user's desktop. The screenshots are kept next to the reports (``--basetemp`` to keep them).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings
from PySide6.QtWidgets import QWidget

from untoc_desktop.ui.window.panels import COMPLETENESS_SHOWN_KEY, TREE_SHOWN_KEY
from untoc_desktop.ui.window.screen_fit import fit_inside, fit_to_screen

HERE = Path(__file__).resolve().parent
PARAGRAPH = "UNTOC.5.1(b)"


def run_on_screen(tmp_path, draft, width, height, settings=None):
    """Build the window in a process whose only screen is ``width`` x ``height``; its report."""
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "small",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    report = tmp_path / f"report-{width}x{height}.json"
    settings = settings or tmp_path / f"settings-{width}x{height}.ini"
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    subprocess.run(
        [
            sys.executable,
            str(HERE / "small_screen_window.py"),
            str(report),
            str(draft.path),
            str(settings),
            PARAGRAPH,
            str(tmp_path / f"window-{width}x{height}.png"),
        ],
        env=environment,
        check=True,
        timeout=240,
        capture_output=True,
    )
    return json.loads(report.read_text())


def inside(inner, outer):
    return QRect(*outer).contains(QRect(*inner))


@pytest.mark.parametrize("width, height", [(1366, 768), (1024, 700)])
def test_on_a_small_screen_the_window_fits_with_its_status_bar_and_two_questions(tmp_path, draft, width, height):
    draft.close()
    report = run_on_screen(tmp_path, draft, width, height)
    assert report["screen"] == [0, 0, width, height]
    assert inside(report["frame"], report["available"])  # title bar and borders included
    assert report["status_bar_visible"] and inside(report["status_bar"], report["available"])
    assert report["summary"].startswith("Cluster 1:")
    assert len(report["questions_fully_shown"]) >= 2, report
    assert report["minimum_size"][0] <= 1024 and report["minimum_size"][1] <= 640
    assert (tmp_path / f"window-{width}x{height}.png").stat().st_size > 10_000
    assert inside(report["letter_dialog_frame"], report["available"])  # a big dialog is brought inside too


def test_a_size_remembered_from_a_larger_screen_is_brought_inside_a_small_one(tmp_path, draft, qapp):
    draft.close()
    big = QWidget()
    big.setGeometry(200, 150, 1700, 1100)  # as saved on a 1920 x 1200 monitor
    settings_path = tmp_path / "remembered.ini"
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", big.saveGeometry())
    settings.sync()
    report = run_on_screen(tmp_path, draft, 1024, 700, settings_path)
    assert inside(report["frame"], report["available"])
    assert report["status_bar_visible"] and inside(report["status_bar"], report["available"])


def test_fit_inside_shrinks_and_moves_only_as_much_as_needed():
    screen = QRect(0, 0, 1024, 700)
    frame = QMargins(4, 32, 4, 4)
    fitted = fit_inside(QRect(0, 0, 1280, 860), screen, frame)
    assert fitted == QRect(4, 32, 1016, 664)
    assert fit_inside(QRect(100, 80, 800, 500), screen, frame) == QRect(100, 80, 800, 500)  # already inside
    moved = fit_inside(QRect(600, 400, 800, 500), screen, frame)
    assert moved.size() == QRect(0, 0, 800, 500).size() and moved.right() == 1024 - 4 - 1
    assert fit_inside(QRect(-300, -50, 400, 300), QRect(1366, 0, 1366, 768)).topLeft().x() == 1366  # 2nd screen


def test_fit_to_screen_resizes_a_window_larger_than_the_screen(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    fitted = fit_to_screen(widget, QRect(0, 0, 1024, 700))
    assert widget.geometry() == fitted and QRect(0, 0, 1024, 700).contains(fitted.marginsAdded(QMargins(4, 32, 4, 4)))


def test_the_tree_and_the_missing_panel_fold_away_and_stay_folded(qtbot, window, draft_path, settings):
    view = window.draft_view
    page_width = view.pages.width()
    window.panels.tree_action.trigger()  # View > Provision tree
    assert view.splitter.sizes()[0] == 0 and view.pages.width() > page_width
    assert settings.value(TREE_SHOWN_KEY) in (False, "false")
    window.completeness_dock.toggleViewAction().trigger()
    assert not window.completeness_dock.isVisible()
    assert settings.value(COMPLETENESS_SHOWN_KEY) in (False, "false")
    assert [r.name for r in window.regions._regions()] == ["page", "status"]  # F6 skips what is folded

    window.close_draft()
    assert window.open_draft(draft_path)  # the next draft opens as the user left things
    assert window.draft_view.splitter.sizes()[0] == 0 and not window.panels.tree_action.isChecked()
    assert not window.completeness_dock.isVisible()

    window.panels.tree_action.trigger()
    window.completeness_dock.toggleViewAction().trigger()
    assert window.draft_view.splitter.sizes()[0] > 0 and window.completeness_dock.isVisible()
    assert window.draft_view.splitter.isCollapsible(0) and not window.draft_view.splitter.isCollapsible(1)


def test_dragging_the_tree_to_the_edge_is_remembered_as_folded(qtbot, window, draft_path, settings):
    splitter = window.draft_view.splitter
    splitter.moveSplitter(0, 1)  # as a drag to the window's edge does
    assert splitter.sizes()[0] == 0
    assert not window.panels.tree_action.isChecked()
    assert isinstance(settings.value("view/workspace_splitter"), QByteArray)
