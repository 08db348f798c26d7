"""The review timeline of a State party: its review group, when its review started, and the milestones after it.

Facts from the reference (``../shared/reference/README.md``, ``provisions.yaml`` ``workplan``; sources
``unodc_group3``, ``unodc_overview``): after a group of States is launched, each State names its focal
point within 2 weeks and its governmental experts within 4 weeks, submits its self-assessment within
6 months, and the reviewers send their written feedback within 6 months of that; the list of
observations and its summary follow, with no fixed date. The mechanism runs from December 2020 to
December 2030 in four phases of two years; groups of States began in 2020, 2021 and 2022.

A draft records the review group and the start date (the draft property ``review_timeline``);
:func:`review_timeline` computes the milestones from the start date, which are past, which comes
next, and until when civil society can still usefully engage. Dates are calendar dates (no time zone).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass
from typing import Any

from .draft import properties
from .draft.properties import PropertyStore
from .errors import UntocError
from .i18n import N_, _

#: Name of the draft property holding ``{"group": int | None, "started_on": "YYYY-MM-DD" | None}``.
REVIEW_PROPERTY = properties.REVIEW_TIMELINE

#: The mechanism's period and phases (reference ``workplan``: December 2020 - December 2030, 4 phases of 2 years).
MECHANISM_START = _dt.date(2020, 12, 1)
MECHANISM_END = _dt.date(2030, 12, 31)
PHASES = 4
YEARS_PER_PHASE = 2


@dataclass(frozen=True)
class ReviewGroup:
    """A group of States launched together (reference ``workplan.groups``).

    Attributes:
        number: 1, 2 or 3.
        launched: the launch date, or the first day of its month when only the month is known.
        exact: False when only the month (group 1: October 2020; group 3: November 2022, year inferred) is known.
        reviews: number of reviews in the group.
    """

    number: int
    launched: _dt.date
    exact: bool
    reviews: int


#: The groups of States known from the reference.
REVIEW_GROUPS: dict[int, ReviewGroup] = {
    1: ReviewGroup(1, _dt.date(2020, 10, 1), False, 62),
    2: ReviewGroup(2, _dt.date(2021, 11, 1), True, 63),
    3: ReviewGroup(3, _dt.date(2022, 11, 1), False, 64),
}


class TimelineError(UntocError):
    """A review group or start date that cannot be stored (the message says what is accepted)."""


@dataclass(frozen=True)
class ReviewStart:
    """What a draft records about its country's review: the group and the date the review started.

    Attributes:
        group: review group number (1 to 3), or ``None`` when not known.
        started_on: the date the review started (the group's launch), or ``None`` when not known.
    """

    group: int | None = None
    started_on: _dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON form stored in the draft property :data:`REVIEW_PROPERTY`."""
        return {"group": self.group, "started_on": self.started_on.isoformat() if self.started_on else None}

    @classmethod
    def from_json(cls, data: Any) -> ReviewStart:
        """Read the stored form; anything malformed (a hand-edited or foreign draft) reads as "not known"."""
        if not isinstance(data, dict):
            return cls()
        group = data.get("group")
        group = group if isinstance(group, int) and group in REVIEW_GROUPS else None
        try:
            started = _dt.date.fromisoformat(data["started_on"]) if isinstance(data.get("started_on"), str) else None
        except ValueError:
            started = None
        return cls(group, started)


@dataclass(frozen=True)
class Milestone:
    """One step of a review.

    Attributes:
        key: ``started``, ``focal_point``, ``governmental_experts``, ``self_assessment``,
            ``written_feedback`` or ``observations``.
        label: what happens, in English (``N_``-marked; translate with ``_()`` to show).
        due: its date, or ``None`` when the mechanism sets none (the observations).
        state: ``past``, ``next``, ``upcoming`` or ``undated`` on the day asked about.
    """

    key: str
    label: str
    due: _dt.date | None
    state: str


@dataclass(frozen=True)
class Timeline:
    """The milestones of a review seen on a given day.

    Attributes:
        start: the review's start date.
        today: the day the states were computed for.
        milestones: in order.
        phase: the mechanism's phase (1 to 4) the start date falls in, ``None`` outside December 2020 - December 2030.
    """

    start: _dt.date
    today: _dt.date
    milestones: tuple[Milestone, ...]
    phase: int | None

    def milestone(self, key: str) -> Milestone:
        """The milestone with ``key``; raises KeyError when absent."""
        return next(m for m in self.milestones if m.key == key)

    @property
    def next(self) -> Milestone | None:
        """The first milestone not yet past (the undated observations once every dated one is past)."""
        return next((m for m in self.milestones if m.state in ("next", "undated")), None)

    @property
    def self_assessment_due(self) -> _dt.date:
        """When the government's self-assessment is due (start + 6 months)."""
        return self.milestone("self_assessment").due  # type: ignore[return-value]

    @property
    def feedback_due(self) -> _dt.date:
        """When the reviewers' written feedback is due (self-assessment + 6 months)."""
        return self.milestone("written_feedback").due  # type: ignore[return-value]

    @property
    def engagement_open(self) -> bool:
        """Whether civil society can still usefully send information: until the reviewers' feedback is due."""
        return self.today <= self.feedback_due

    @property
    def engagement_stage(self) -> str:
        """Who the organisation can still inform at this date.

        ``government`` before the self-assessment is due (inform the government's answers),
        ``reviewers`` until the written feedback is due (inform the reviewers), ``closed`` after.
        """
        if self.today <= self.self_assessment_due:
            return "government"
        return "reviewers" if self.engagement_open else "closed"


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus whole calendar months, kept within the month (31 August + 6 months = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def phase_of(day: _dt.date) -> int | None:
    """The mechanism's phase (1 to 4) a date falls in, counting two-year phases from December 2020."""
    if not MECHANISM_START <= day <= MECHANISM_END:
        return None
    months = (day.year - MECHANISM_START.year) * 12 + day.month - MECHANISM_START.month
    return min(months // (12 * YEARS_PER_PHASE) + 1, PHASES)


def review_timeline(start: _dt.date, today: _dt.date | None = None) -> Timeline:
    """The milestones of a review that started on ``start``, as seen on ``today``.

    Args:
        start: the date the review started (the group's launch).
        today: the day to compare with (default: today's date).

    Returns:
        A :class:`Timeline`: started, focal point (+14 days), governmental experts (+28 days),
        self-assessment (+6 months), reviewers' written feedback (self-assessment + 6 months),
        then the list of observations and its summary (no fixed date).
    """
    today = today or _dt.date.today()
    self_assessment = add_months(start, 6)
    dated = [
        ("started", N_("Review starts (group launched)"), start),
        ("focal_point", N_("Government names its focal point"), start + _dt.timedelta(days=14)),
        ("governmental_experts", N_("Government names its governmental experts"), start + _dt.timedelta(days=28)),
        ("self_assessment", N_("Self-assessment questionnaire due"), self_assessment),
        ("written_feedback", N_("Reviewers' written feedback due"), add_months(self_assessment, 6)),
    ]
    milestones: list[Milestone] = []
    next_found = False
    for key, label, due in dated:
        if due < today:
            state = "past"
        elif not next_found:
            state, next_found = "next", True
        else:
            state = "upcoming"
        milestones.append(Milestone(key, label, due, state))
    milestones.append(
        Milestone(
            "observations",
            N_("List of observations and its summary (no fixed date)"),
            None,
            "upcoming" if next_found else "undated",
        )
    )
    return Timeline(start, today, tuple(milestones), phase_of(start))


def review_start(draft: PropertyStore) -> ReviewStart:
    """The review group and start date a draft records (``ReviewStart()`` when none)."""
    return ReviewStart.from_json(properties.review_timeline(draft))


def set_review_start(draft: PropertyStore, start: ReviewStart) -> None:
    """Record the review group and start date in the draft.

    Raises:
        TimelineError: a group other than 1 to 3, or a start date outside 2020-2030.
        DraftFileError: the write failed.
    """
    if start.group is not None and start.group not in REVIEW_GROUPS:
        raise TimelineError(
            _("Review group {group} is not known; choose one of {choices}, or leave it empty.").format(
                group=start.group, choices=", ".join(str(g) for g in REVIEW_GROUPS)
            )
        )
    if start.started_on is not None and not _dt.date(2020, 1, 1) <= start.started_on <= MECHANISM_END:
        raise TimelineError(
            _("{date} is outside the review mechanism (2020 to 2030); check the date the review started.").format(
                date=start.started_on.isoformat()
            )
        )
    properties.set_review_timeline(draft, start.to_json())


def draft_timeline(draft: PropertyStore, today: _dt.date | None = None) -> Timeline | None:
    """The timeline of a draft's review, ``None`` when its start date is not recorded."""
    start = review_start(draft)
    return review_timeline(start.started_on, today) if start.started_on else None
