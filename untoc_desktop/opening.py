"""Opening a draft together with the questionnaire it is answered against.

This is the one place that decides which definition a draft is shown with and
carries its answers over when that definition is newer than the one the draft
was written against (see :mod:`untoc_desktop.questionnaire.upgrade`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .answers import check_stored_shape
from .draft import check_draft_file, properties
from .draft.draft_file import Draft
from .draft.safety import (
    DraftLock,
    LockInfo,
    SidecarError,
    discard_cold_journal,
    journal_belongs_to,
    read_lock,
    sidecars,
    writable,
)
from .errors import DraftValueError
from .i18n import _, ngettext
from .questionnaire.model import Definition
from .questionnaire.registry import DefinitionRegistry, version_key
from .questionnaire.upgrade import CarryOver, plan_carry_over


@dataclass
class OpenedDraft:
    """An open draft, its definition, and what was carried over on opening.

    Attributes:
        draft: the open draft (close it when done).
        definition: the questionnaire it is shown with.
        carry_over: what happened to the answers; ``upgraded_from`` says whether
            the definition version changed.
        upgraded_from: the definition version the draft was written against,
            when it was upgraded on this opening, else "".
        read_only_reason: why the draft is read-only (shown in the window's banner), or "".
        recovery_report: what the draft holds after a crash of the last program that had it open, or "".
        lock_holder: the other program's lock note when the draft is read-only because of it.
        rolled_back: a save interrupted by that crash was rolled back on this opening.
    """

    draft: Draft
    definition: Definition
    carry_over: CarryOver
    upgraded_from: str = ""
    read_only_reason: str = ""
    recovery_report: str = ""
    lock_holder: LockInfo | None = None
    rolled_back: bool = False
    _answers_at_opening: dict | None = field(default=None, repr=False, compare=False)

    @property
    def lock_can_be_broken(self) -> bool:
        """True when the draft is read-only because of a lock this computer cannot verify.

        That is a lock from another computer, or from a process whose start time was not
        recorded: the user may take it over after a warning (``break_lock=True``).
        """
        return self.lock_holder is not None and not self.lock_holder.verified

    def answers(self) -> dict:
        """The draft's answers as its definition asks them: moved questions under their new ids.

        For a draft opened for writing the moves are already stored; for a read-only one
        (``untoc validate``/``export`` never rewrite a draft) they are applied here, in memory.
        """
        return _apply_moves(self.draft.answers(), self.carry_over)

    def answers_at_opening(self) -> dict:
        """:meth:`answers` as read when the draft was opened, handed over once (later calls read the file).

        Opening reads every answer to check it; the workspace takes that reading instead of a second one.
        """
        answers, self._answers_at_opening = self._answers_at_opening, None
        return answers if answers is not None else self.answers()

    @property
    def read_only(self) -> bool:
        """True when the draft was opened read-only (see ``read_only_reason``)."""
        return self.draft.read_only


def open_draft(
    path: str | Path,
    registry: DefinitionRegistry | None = None,
    read_only: bool = False,
    lock: bool = False,
    break_lock: bool = False,
) -> OpenedDraft:
    """Open a draft and bring it to the newest available version of its definition.

    Moved questions' answers are moved (recorded in the history), removed
    questions' answers stay in the draft as archived answers, and the draft
    records the new definition version. A read-only draft is only viewed
    through the plan, never written.

    Args:
        path: the draft file.
        registry: where definitions are looked up (default: shipped + imported).
        read_only: open for reading only.
        lock: take the draft's lock (the desktop application does; see
            :mod:`untoc_desktop.draft.safety`). A draft locked by another running
            copy, or a read-only file or folder, is then opened read-only with
            ``read_only_reason`` set; a lock left by a crash is taken over and
            ``recovery_report`` says what the draft holds. A hot journal left by that
            crash is rolled back by SQLite (also when ``read_only``: the rollback is
            the recovery, the draft is then read without any other change).
        break_lock: take over a lock held elsewhere (another computer, or a process
            this computer cannot verify); only after the user was warned.

    Raises:
        UntocError: from :meth:`Draft.open` (including ``SidecarError`` for a file
            copied while open) or when no definition fits the draft.
    """
    registry = registry or DefinitionRegistry()
    path = Path(path)
    read_only_reason, holder, crashed, copied_note = "", None, None, False
    if lock:
        check_draft_file(path)  # refuse foreign files before looking at locks and sidecars
        holder = read_lock(path)
        if holder is not None and not holder.belongs_to(path):
            holder, copied_note = None, True  # a note copied along with the file: not this file's process's
        if holder is not None and (holder.is_stale or break_lock):
            crashed, holder = holder, None
        if holder is not None:
            read_only = True
            read_only_reason = _holder_reason(path, holder)
        elif not writable(path):
            read_only = True
            read_only_reason = _(
                "{name} or its folder cannot be written (read-only file, folder or medium). "
                "It is shown read-only; use Save As to keep working in another place."
            ).format(name=path.name)
    found = sidecars(path)
    had_journal = bool(found)
    if crashed is not None and found and not journal_belongs_to(path):
        raise SidecarError(
            _(
                "{name} has a journal file beside it that does not belong to it (another draft's, or a damaged "
                "one). It was not opened, so nothing was changed. The desktop application offers to make a "
                "recovered copy."
            ).format(name=path.name),
            path,
            found,
        )
    if crashed is not None and found and read_only and writable(path):
        # The crashed save must be rolled back before the draft can be read at all; SQLite does it
        # when the file is opened for writing. Nothing else is written (no migration, no upgrade).
        Draft.open(path, allow_sidecars=True, migrate=False).close()
        discard_cold_journal(path)
    draft = Draft.open(path, read_only=read_only, allow_sidecars=crashed is not None or holder is not None)
    try:
        if lock and not read_only:
            try:
                draft.call_on_close(
                    DraftLock.acquire(
                        path, replace_stale=crashed is not None or copied_note, draft_uuid=draft.info.draft_uuid
                    ).release
                )
            except OSError:
                pass  # another copy took it at this very moment, or the folder refuses: SQLite still guards writes
        recovery_report = ""
        if crashed is not None:
            if not read_only:
                # A real write: SQLite finishes any rollback and replaces a leftover journal, then deletes it.
                properties.set_last_recovery(draft, crashed.opened_at, crashed.host, datetime.now(UTC).isoformat())
            recovery_report = _recovery_report(draft, crashed, had_journal)
        info = draft.info
        definition = registry.for_draft(info.definition_id, info.cluster)
        answers = draft.answers()
        _check_shapes(path, definition, answers)
        plan = plan_carry_over(definition, answers)
        upgraded_from = ""
        newer = not info.definition_version or version_key(definition.version) > version_key(info.definition_version)
        if not read_only and (newer or info.definition_id != definition.id):
            if plan.moved:
                draft.move_answers(dict(plan.moved))
            upgraded_from = info.definition_version
            draft.update_info(definition_id=definition.id, definition_version=definition.version)
        opened = OpenedDraft(
            draft,
            definition,
            plan,
            upgraded_from,
            read_only_reason,
            recovery_report,
            holder,
            crashed is not None and had_journal,
        )
        # The answers as the definition asks them (moves applied: stored already when written), read once.
        opened._answers_at_opening = _apply_moves(answers, plan)
        return opened
    except BaseException:
        draft.close()
        raise


def _apply_moves(answers: dict, plan: CarryOver) -> dict:
    """``answers`` with each moved question's answer under its new id (unless one is stored there)."""
    for old, new in plan.moved:
        if old in answers and new not in answers:
            answers[new] = answers.pop(old)
    return answers


def _check_shapes(path: Path, definition: Definition, answers: dict) -> None:
    """Refuse a draft holding an answer of the wrong kind (a list for a text...), naming the question."""
    for question_id, value in answers.items():
        try:
            question = definition.question(question_id)
        except KeyError:
            continue  # an archived answer: shown as text, whatever it holds
        problem = check_stored_shape(question, value)
        if problem:
            raise DraftValueError(
                _(
                    "{name} cannot be opened: the answer to question {question} holds the wrong kind of value "
                    "({problem}). The file was not changed. Ask the person who sent it for a new copy, or open a "
                    "backup."
                ).format(name=path.name, question=question_id, problem=problem),
                question_id=question_id,
            )


def _holder_reason(path: Path, holder: LockInfo) -> str:
    """Why a draft locked by someone else is shown read-only, and whether that can be overridden."""
    reason = _(
        "{name} is already open in untoc_desktop (by {user} on {host} since {time}). "
        "It is shown read-only; use Save As to work on a copy."
    ).format(name=path.name, user=holder.user or "?", host=holder.host, time=holder.opened_at)
    if not holder.verified:
        reason += " " + _(
            "This computer cannot tell whether that program still runs (it is on another computer, "
            "or it was started by an older version). If you are sure the draft is closed there, "
            "open it again and choose to take it over."
        )
    return reason


def _recovery_report(draft: Draft, crashed: LockInfo, had_journal: bool) -> str:
    """What a draft holds after the application did not close normally."""
    since = crashed.opened_at or ""
    changes = [c for c in draft.history() if not since or c.changed_at.isoformat() >= since]
    lines = [
        _("untoc_desktop did not close normally the last time {name} was open (opened at {time}).").format(
            name=draft.path.name, time=since or _("an unknown time")
        )
    ]
    if changes:
        last = max(c.changed_at for c in changes)
        lines.append(
            ngettext(
                "Recovered: {count} change saved in that session, at {time} (UTC). Everything typed up to about a "
                "second before the interruption is in the draft.",
                "Recovered: {count} changes saved in that session; the last one at {time} (UTC). Everything typed up "
                "to about a second before the interruption is in the draft.",
                len(changes),
            ).format(count=len(changes), time=last.strftime("%Y-%m-%d %H:%M:%S"))
        )
    else:
        lines.append(_("No change had been saved in that session; the draft is as it was when it was opened."))
    if had_journal:
        lines.append(
            _("A save that was under way at that moment was rolled back, as SQLite does, so the file is consistent.")
        )
    return "\n".join(lines)
