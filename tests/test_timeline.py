import datetime as dt

import pytest

from untoc_desktop.timeline import (
    REVIEW_GROUPS,
    ReviewStart,
    TimelineError,
    add_months,
    draft_timeline,
    phase_of,
    review_start,
    review_timeline,
    set_review_start,
)

D = dt.date


def test_milestones_are_computed_from_the_start_date():
    timeline = review_timeline(D(2021, 11, 1), today=D(2021, 11, 20))
    dues = {m.key: m.due for m in timeline.milestones}
    assert dues == {
        "started": D(2021, 11, 1),
        "focal_point": D(2021, 11, 15),
        "governmental_experts": D(2021, 11, 29),
        "self_assessment": D(2022, 5, 1),
        "written_feedback": D(2022, 11, 1),
        "observations": None,
    }
    states = {m.key: m.state for m in timeline.milestones}
    assert states == {
        "started": "past",
        "focal_point": "past",
        "governmental_experts": "next",
        "self_assessment": "upcoming",
        "written_feedback": "upcoming",
        "observations": "upcoming",
    }
    assert timeline.next.key == "governmental_experts"
    assert timeline.engagement_open and timeline.engagement_stage == "government"
    assert timeline.phase == 1


def test_after_the_self_assessment_civil_society_can_still_inform_the_reviewers():
    timeline = review_timeline(D(2021, 11, 1), today=D(2022, 5, 2))
    assert timeline.next.key == "written_feedback" and timeline.engagement_stage == "reviewers"
    closed = review_timeline(D(2021, 11, 1), today=D(2022, 11, 2))
    assert not closed.engagement_open and closed.engagement_stage == "closed"
    assert closed.next.key == "observations" and closed.next.state == "undated"


def test_the_due_day_itself_is_still_open_and_months_end_within_the_month():
    assert review_timeline(D(2021, 11, 1), today=D(2022, 11, 1)).engagement_open
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2022, 8, 31), 6) == D(2023, 2, 28)
    assert review_timeline(D(2022, 8, 31), today=D(2022, 9, 1)).feedback_due == D(2023, 8, 28)


def test_phases_of_the_mechanism():
    assert phase_of(D(2020, 11, 30)) is None and phase_of(D(2020, 12, 1)) == 1
    assert phase_of(D(2022, 11, 30)) == 1 and phase_of(D(2022, 12, 1)) == 2
    assert phase_of(D(2030, 12, 31)) == 4 and phase_of(D(2031, 1, 1)) is None


def test_groups_from_the_reference():
    assert REVIEW_GROUPS[2].launched == D(2021, 11, 1) and REVIEW_GROUPS[2].exact
    assert not REVIEW_GROUPS[1].exact and not REVIEW_GROUPS[3].exact


def test_a_draft_records_its_group_and_start_date(draft):
    assert review_start(draft) == ReviewStart() and draft_timeline(draft) is None
    set_review_start(draft, ReviewStart(2, D(2021, 11, 1)))
    assert draft.property("review_timeline") == {"group": 2, "started_on": "2021-11-01"}
    assert review_start(draft) == ReviewStart(2, D(2021, 11, 1))
    assert draft_timeline(draft, today=D(2022, 1, 1)).next.key == "self_assessment"
    with pytest.raises(TimelineError, match="Review group 7 is not known"):
        set_review_start(draft, ReviewStart(7, None))
    with pytest.raises(TimelineError, match="outside the review mechanism"):
        set_review_start(draft, ReviewStart(None, D(1999, 1, 1)))
    assert review_start(draft) == ReviewStart(2, D(2021, 11, 1))  # refused values change nothing


@pytest.mark.parametrize("stored", ["2021", [], {"group": "2", "started_on": "yesterday"}, {"group": 9}])
def test_malformed_stored_values_read_as_not_known(draft, stored):
    draft.set_property("review_timeline", stored)
    assert review_start(draft) == ReviewStart()
