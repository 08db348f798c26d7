"""The review timeline panel: the country's review group and start date, the milestones, and what comes next.

Shown in a dock (View > Review timeline). The dates are computed by :mod:`untoc_desktop.timeline`
from the start date the draft records; the user sets the group and the date here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from babel.dates import format_date
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import languages
from ...draft.properties import PropertyStore
from ...errors import UntocError
from ...i18n import _, interface_language, normalize_locale
from ...timeline import REVIEW_GROUPS, ReviewStart, Timeline, review_start, review_timeline, set_review_start
from ..style import Scheme, colours, system_scheme

_STATE_TEXT = {"past": "Done", "next": "Next", "upcoming": "Later", "undated": "Next"}


def state_colour(state: str, scheme: Scheme) -> QColor:
    """The text colour of a milestone's row, from the palette: done (muted), next (accent), later (text)."""
    derived = colours(scheme)
    return {"past": derived.muted, "next": derived.accent, "undated": derived.accent}.get(state, scheme.text)


def long_date(day: _dt.date) -> str:
    """A date in the interface language's one date style (``1 November 2021``, as in documents and letters)."""
    return languages.format_date(day, interface_language())


def group_text(number: int) -> str:
    """A group in the picker, e.g. "Group 2 (launched 1 November 2021)"."""
    group = REVIEW_GROUPS[number]
    if group.exact:
        when = long_date(group.launched)
    else:
        when = format_date(group.launched, format="MMMM y", locale=normalize_locale(interface_language()))
    return _("Group {number} (launched {when})").format(number=number, when=when)


class ReviewTimelinePanel(QWidget):
    """Review group and start date of the open draft, with the milestones computed from the date.

    Args:
        draft: a callable giving the open draft (an object with ``property`` / ``set_property``), or ``None``.
        today: the day milestones are compared with (tests pass a fixed day).
    """

    #: Emitted after the group and start date were saved in the draft.
    saved = Signal()

    def __init__(
        self,
        draft: Callable[[], PropertyStore | None],
        parent: QWidget | None = None,
        today: Callable[[], _dt.date] = _dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTimelinePanel")
        self.setMinimumWidth(420)  # milestone names and long dates side by side
        self._draft = draft
        self._today = today
        self.group = QComboBox(self)
        self.group.addItem(_("Not known"), None)
        for number in REVIEW_GROUPS:
            self.group.addItem(group_text(number), number)
        self.date_known = QCheckBox(_("Start date known"), self)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setDateRange(QDate(2020, 1, 1), QDate(2030, 12, 31))
        self.start.setDate(QDate(2021, 11, 1))
        self.start.setAccessibleName(_("Review started"))
        self.save_button = QPushButton(_("Save in the draft"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("timelineSummary")
        self.milestones = QTreeWidget(self)
        self.milestones.setColumnCount(3)
        self.milestones.setHeaderLabels([_("Milestone"), _("Date"), _("Status")])
        self.milestones.setRootIsDecorated(False)
        self.milestones.setAccessibleName(_("Milestones of the review"))
        self.milestones.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.milestones.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.milestones.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        form = QFormLayout()
        form.addRow(_("Review group"), self.group)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_known)
        date_row.addWidget(self.start, 1)
        form.addRow(_("Review started"), date_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        layout.addWidget(self.milestones, 1)
        self.group.currentIndexChanged.connect(self._group_chosen)
        self.date_known.toggled.connect(self.start.setEnabled)
        self.date_known.toggled.connect(lambda _on: self._show_preview())
        self.start.dateChanged.connect(lambda _d: self._show_preview())
        self.save_button.clicked.connect(self.save)
        self.reload()

    # -- reading and writing -----------------------------------------------------------

    def reload(self) -> None:
        """Show what the open draft records (or an empty panel when no draft is open)."""
        draft = self._draft()
        self.setEnabled(draft is not None)
        stored = review_start(draft) if draft is not None else ReviewStart()
        self.group.blockSignals(True)
        self.group.setCurrentIndex(max(self.group.findData(stored.group), 0) if stored.group else 0)
        self.group.blockSignals(False)
        self.date_known.setChecked(stored.started_on is not None)
        self.start.setEnabled(stored.started_on is not None)
        if stored.started_on is not None:
            self.start.setDate(QDate(stored.started_on.year, stored.started_on.month, stored.started_on.day))
        self._show_preview()

    def chosen(self) -> ReviewStart:
        """The group and start date as currently chosen in the panel."""
        day = self.start.date()
        started = _dt.date(day.year(), day.month(), day.day()) if self.date_known.isChecked() else None
        return ReviewStart(self.group.currentData(), started)

    def save(self) -> bool:
        """Store the chosen group and date in the draft; a refused value is shown, nothing is written."""
        draft = self._draft()
        if draft is None:
            return False
        try:
            set_review_start(draft, self.chosen())
        except UntocError as exc:
            self.message.setText(str(exc))
            return False
        self._show_preview()
        self.saved.emit()
        return True

    def _group_chosen(self, _index: int) -> None:
        number = self.group.currentData()
        if number is not None and not self.date_known.isChecked():
            launched = REVIEW_GROUPS[number].launched
            self.start.setDate(QDate(launched.year, launched.month, launched.day))
            self.date_known.setChecked(True)
        self._show_preview()

    # -- the milestones ------------------------------------------------------------------

    def timeline(self) -> Timeline | None:
        """The timeline of the chosen start date, ``None`` when no date is chosen."""
        start = self.chosen().started_on
        return review_timeline(start, self._today()) if start else None

    def _show_preview(self) -> None:
        self.milestones.clear()
        timeline = self.timeline()
        if timeline is None:
            self.message.setText(
                _(
                    "Choose the review group, or the date the country's review started, to see the "
                    "milestones and how long civil society can still send information."
                )
            )
            return
        scheme = system_scheme(self.palette())
        for milestone in timeline.milestones:
            item = QTreeWidgetItem(self.milestones)
            item.setText(0, _(milestone.label))
            item.setText(1, long_date(milestone.due) if milestone.due else _("after the feedback"))
            item.setText(2, _(_STATE_TEXT[milestone.state]))
            colour = QBrush(state_colour(milestone.state, scheme))
            for column in range(3):
                item.setForeground(column, colour)
                item.setToolTip(column, item.text(0) + " — " + item.text(1))
            if milestone.state in ("next",):
                font = item.font(0)
                font.setBold(True)
                for column in range(3):
                    item.setFont(column, font)
        lines = []
        group = self.group.currentData()
        if group is not None and not REVIEW_GROUPS[group].exact and timeline.start == REVIEW_GROUPS[group].launched:
            lines.append(_("Only the month of this group's launch is known: check the exact date."))
        stage = timeline.engagement_stage
        if stage == "government":
            lines.append(
                _(
                    "Civil society can still inform the self-assessment until {date}, and the reviewers "
                    "until {feedback}."
                ).format(date=long_date(timeline.self_assessment_due), feedback=long_date(timeline.feedback_due))
            )
        elif stage == "reviewers":
            lines.append(
                _(
                    "The self-assessment was due on {date}; civil society can still inform the reviewers "
                    "until {feedback}."
                ).format(date=long_date(timeline.self_assessment_due), feedback=long_date(timeline.feedback_due))
            )
        else:
            lines.append(
                _(
                    "The reviewers' written feedback was due on {feedback}; the list of observations and "
                    "its summary come next."
                ).format(feedback=long_date(timeline.feedback_due))
            )
        if timeline.phase:
            lines.append(
                _("Phase {phase} of the review mechanism (December 2020 to December 2030).").format(
                    phase=timeline.phase
                )
            )
        self.message.setText("\n".join(lines))
