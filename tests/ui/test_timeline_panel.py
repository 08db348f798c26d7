"""View > Review timeline: the user sets the review group and start date; the milestones follow."""

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate

from untoc_desktop.timeline import ReviewStart, review_start, set_review_start
from untoc_desktop.ui.editor.timeline_panel import ReviewTimelinePanel


def test_choosing_a_group_shows_its_milestones_and_saves_them_in_the_draft(qtbot, full_window, tmp_path, draft_info):
    assert full_window.create_draft(tmp_path / "c2.untoc", replace(draft_info, cluster=2))
    full_window.timeline_dock.toggleViewAction().trigger()
    panel = full_window.timeline_panel
    assert full_window.timeline_dock.isVisible() and panel.isEnabled()
    assert "Choose the review group" in panel.message.text()

    panel.group.setCurrentIndex(panel.group.findData(2))  # launched 1 November 2021
    assert panel.date_known.isChecked() and panel.start.date() == QDate(2021, 11, 1)
    rows = [panel.milestones.topLevelItem(i) for i in range(panel.milestones.topLevelItemCount())]
    assert [r.text(1) for r in rows][:5] == [
        "1 November 2021",
        "15 November 2021",
        "29 November 2021",
        "1 May 2022",
        "1 November 2022",
    ]
    panel.save_button.click()
    assert review_start(full_window.session.draft) == ReviewStart(2, dt.date(2021, 11, 1))


def test_the_panel_says_what_comes_next_and_how_long_civil_society_can_engage(qtbot, draft):
    panel = ReviewTimelinePanel(lambda: draft, today=lambda: dt.date(2022, 2, 1))
    qtbot.addWidget(panel)
    panel.date_known.setChecked(True)
    panel.start.setDate(QDate(2021, 11, 1))
    rows = {
        panel.milestones.topLevelItem(i).text(0): panel.milestones.topLevelItem(i).text(2)
        for i in range(panel.milestones.topLevelItemCount())
    }
    assert rows["Government names its focal point"] == "Done"
    assert rows["Self-assessment questionnaire due"] == "Next"
    assert rows["Reviewers' written feedback due"] == "Later"
    assert "inform the self-assessment until 1 May 2022" in panel.message.text()
    assert "the reviewers until 1 November 2022" in panel.message.text()
    assert panel.save()
    reopened = ReviewTimelinePanel(lambda: draft)
    qtbot.addWidget(reopened)
    assert reopened.chosen() == ReviewStart(None, dt.date(2021, 11, 1))


def test_the_hidden_timeline_is_built_when_first_shown_and_shows_the_open_drafts_review(
    qtbot, full_window, tmp_path, draft_info
):
    assert full_window.create_draft(tmp_path / "c2.untoc", replace(draft_info, cluster=2))
    set_review_start(full_window.session.draft, ReviewStart(2, dt.date(2021, 11, 1)))
    assert full_window.timeline_dock.widget() is None  # not built while hidden (start-up)
    full_window.timeline_dock.toggleViewAction().trigger()
    panel = full_window.timeline_dock.widget()
    assert isinstance(panel, ReviewTimelinePanel) and panel is full_window.timeline_panel
    assert panel.accessibleName() == "Review timeline"
    assert panel.group.currentData() == 2 and panel.start.date() == QDate(2021, 11, 1)
