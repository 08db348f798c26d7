"""The window's sharing commands: send a copy, merge a copy, the conflict view, history, cloud copies.

File > Send a copy…, File > Merge a colleague's copy…, File > Settle conflicts…, Edit > History…, and
the offer to merge a cloud folder's "conflicted copy" found beside an opened draft.

After a merge, a settled conflict or a restored version the draft is reopened, so every page, the
tree and the completeness panel show what is now stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...answers import check_answer
from ...draft import DRAFT_SUFFIX
from ...errors import UntocError
from ...files import atomic_replace
from ...i18n import _, ngettext
from ...questionnaire import display
from ...questionnaire.model import Definition
from ...sharing.cloud import conflicted_copies
from .file_actions import FILE_FILTER
from .host import DraftSwitcher, Notices, flush_edits
from .workers import BackgroundOperation

if TYPE_CHECKING:
    from ...sharing.merge import MergeReport
    from ..dialogs.conflict_dialog import ConflictDialog
    from ..dialogs.history_dialog import HistoryDialog

# Dialogs and merging are imported when first used, not at start-up (the window's start-up, docs/architecture.md).


class SendCopyDialog(QDialog):
    """Who the copy is for, and optionally which articles are theirs to write."""

    def __init__(self, definition: Definition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Send a copy"))
        self.colleague = QLineEdit(self)
        self.colleague.setPlaceholderText(_("e.g. Boris Petrov"))
        self.articles = QListWidget(self)
        for instrument in definition.instruments:
            for article in instrument.articles:
                text = f"{instrument.code} {article.number}. {display.article_title(article)}"
                item = QListWidgetItem(text, self.articles)
                item.setData(Qt.ItemDataRole.UserRole, article.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Colleague's name (their changes are recorded under it):"), self))
        layout.addWidget(self.colleague)
        layout.addWidget(QLabel(_("Articles assigned to them (none ticked: the whole draft):"), self))
        layout.addWidget(self.articles, 1)
        layout.addWidget(buttons)

    def chosen_articles(self) -> list[str]:
        """Ids of the ticked articles."""
        return [
            self.articles.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.articles.count())
            if self.articles.item(row).checkState() == Qt.CheckState.Checked
        ]


class SharingCommands(QObject):
    """Send a copy, merge a copy, settle conflicts, history of an answer (see the module docstring).

    Args:
        window: the open draft (its session, autosave and view; reopening it).
        notices: messages over the window (its parent for dialogs).
    """

    def __init__(self, window: DraftSwitcher, notices: Notices) -> None:
        super().__init__(notices.parent)
        self.window = window
        self._notices = notices
        self._parent = notices.parent
        self._declined: set[str] = set()  # fingerprints of conflicted copies the user chose not to merge
        self.send_copy_action = self._action(_("Send a &copy…"), self.send_copy_dialog)
        self.merge_action = self._action(_("&Merge a colleague's copy…"), self.merge_dialog)
        self.conflicts_action = self._action(_("Settle &conflicts…"), self.show_conflicts)
        self.history_action = self._action(_("&History…"), self.history_of_focused)
        self.undo_merge_action = self._action(_("Undo the last &merge"), self.undo_merge)
        self.undo_merge_action.setEnabled(False)
        #: The draft's bytes just before the last merge, while nothing was typed since: (path, bytes, copy name).
        self._before_merge: tuple[Path, bytes, str] | None = None
        self._watched_autosave: Any = None  # the autosave whose next save makes the merge final
        self.last_report: MergeReport | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.operation: BackgroundOperation[MergeReport] | None = None

    def _action(self, text: str, slot: Any) -> QAction:
        action = QAction(text, self._parent)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, file_menu: QMenu, before: QAction, edit_menu: QMenu) -> None:
        """Put the actions in the File menu (before ``before``) and the Edit menu."""
        file_menu.insertActions(before, [self.send_copy_action, self.merge_action, self.conflicts_action])
        file_menu.insertSeparator(before)
        edit_menu.addSeparator()
        edit_menu.addActions([self.history_action, self.undo_merge_action])

    def update_actions(self, is_open: bool) -> None:
        """Enable the actions when a writable draft is open."""
        writable = is_open and self.window.session is not None and not self.window.session.read_only
        idle = getattr(self, "operation", None) is None
        for action in (self.send_copy_action, self.merge_action, self.conflicts_action):
            action.setEnabled(writable and idle)
        self.history_action.setEnabled(is_open)

    # -- send a copy -------------------------------------------------------------------

    def send_copy_dialog(self) -> Path | None:
        """Ask for the colleague, the articles and the file, then write the copy."""
        session = self.window.session
        if session is None:
            return None
        dialog = SendCopyDialog(session.definition, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        colleague = dialog.colleague.text().strip()
        suggested = session.path.with_name(f"{session.path.stem} – {colleague or _('copy')}{DRAFT_SUFFIX}")
        path, _selected = QFileDialog.getSaveFileName(
            self._parent, _("Save the copy as"), str(suggested), _(FILE_FILTER)
        )
        return self.send_copy_to(Path(path), colleague, dialog.chosen_articles()) if path else None

    def send_copy_to(self, path: Path, colleague: str, articles: list[str] | None = None) -> Path | None:
        """Write a copy for ``colleague`` to ``path``; ``None`` (after a message) on failure."""
        session = self.window.session
        if session is None or not flush_edits(self.window):
            return None
        try:
            written = session.workspace.send_copy(path, colleague, articles or ())
        except UntocError as exc:
            self._notices.warn(_("The copy was not written"), str(exc))
            return None
        self._notices.status(
            _("Copy for {colleague} written to {name}. Merge it back with File > Merge a colleague's copy.").format(
                colleague=colleague or "?", name=written.name
            ),
            15000,
        )
        return written

    # -- merge -------------------------------------------------------------------------

    def merge_dialog(self) -> BackgroundOperation[MergeReport] | None:
        """Ask for the colleague's copy and merge it."""
        session = self.window.session
        if session is None:
            return None
        path, _selected = QFileDialog.getOpenFileName(
            self._parent, _("Merge a colleague's copy"), str(session.path.parent), _(FILE_FILTER)
        )
        return self.merge_file(Path(path)) if path else None

    def merge_file(self, path: Path, show_conflicts: bool = True) -> BackgroundOperation[MergeReport] | None:
        """Merge the copy at ``path`` into the open draft on a worker thread.

        Then the draft is reopened and the conflicts left, if any, are shown. Returns ``None`` when
        nothing was started (no draft, unsaved text, a merge already running).
        """
        window = self.window
        session = window.session
        if session is None or self.operation is not None:
            return None
        if not flush_edits(window):
            return None
        workspace = session.workspace
        try:  # every edit is on disk (flushed above): these bytes are the draft as it is now
            self._forget_merge()
            before = (session.path, session.path.read_bytes(), path.name)
        except OSError:
            before = None

        def op(_progress: object, _is_cancelled: object) -> MergeReport:
            report, _changes = workspace.merge_copy(path)  # one transaction; about a second for a whole cluster
            return report

        self.operation = BackgroundOperation(
            self._parent, op, lambda report: self._merged(report, show_conflicts, before), self._merge_failed
        )
        self.operation.finished.connect(self._merge_finished)
        self._notices.status(_("Merging {name}…").format(name=path.name), 0)
        self.update_actions(True)
        return self.operation.start()

    def _merged(self, report: MergeReport, show_conflicts: bool, before: tuple[Path, bytes, str] | None = None) -> None:
        self.last_report = report
        self.operation = None
        self._reopen()
        if before is not None and report.changed and self.window.autosave is not None:
            # Undoable until the next edit: after that, going back would also drop what was typed.
            self._before_merge = before
            self.undo_merge_action.setText(_("Undo the merge of {name}").format(name=before[2]))
            self.undo_merge_action.setEnabled(True)
            self._watched_autosave = self.window.autosave
            self._watched_autosave.saved.connect(self._forget_merge)
        self._notices.status(self.describe(report), 30000)
        if show_conflicts and report.open_conflicts:
            self.show_conflicts()

    def undo_merge(self) -> bool:
        """Put the draft back as it was just before the last merge (possible until the next edit).

        The draft is closed, its file replaced atomically by the bytes kept before the merge, and
        opened again. Returns whether it was done.
        """
        window = self.window
        if self._before_merge is None or window.session is None or window.session.path != self._before_merge[0]:
            return False
        path, data, name = self._before_merge
        if not window.close_draft():
            return False
        try:
            atomic_replace(path, lambda temporary: temporary.write_bytes(data))
        except OSError as exc:
            self._notices.warn(
                _("The merge was not undone"),
                _("{name} could not be written ({reason}); it is as the merge left it.").format(
                    name=path.name, reason=exc
                ),
            )
            window.open_draft(path)
            return False
        self._forget_merge()
        window.open_draft(path)
        self._notices.status(
            _("The merge of {name} was undone: the draft is as it was before.").format(name=name), 15000
        )
        return True

    def _forget_merge(self, *_args: object) -> None:
        self._before_merge = None
        self.undo_merge_action.setEnabled(False)
        self.undo_merge_action.setText(_("Undo the last &merge"))
        autosave, self._watched_autosave = self._watched_autosave, None
        if autosave is not None:
            try:
                autosave.saved.disconnect(self._forget_merge)
            except (RuntimeError, TypeError):  # the autosave of a draft since closed
                pass

    def _merge_failed(self, exc: Exception) -> None:
        message = (
            str(exc)
            if isinstance(exc, UntocError)
            else _("The copy could not be merged ({reason}). Nothing was changed.").format(reason=exc)
        )
        self._notices.clear_status()
        self._notices.warn(_("The copy was not merged"), message)

    def _merge_finished(self) -> None:
        self.operation = None
        self.update_actions(self.window.session is not None)

    def wait(self) -> None:
        """Wait for a merge under way to finish (when the window closes)."""
        if self.operation is not None:
            self.operation.wait()

    @staticmethod
    def describe(report: MergeReport) -> str:
        """One line saying what a merge did."""
        if not report.changed:
            return _("Nothing new in {name}: it was already merged.").format(name=report.copy_name)
        return _(
            "Merged {name}: {taken} answer(s) taken, {merged} combined, {conflicts} conflict(s) to settle."
        ).format(
            name=report.copy_name, taken=len(report.taken), merged=len(report.merged), conflicts=report.open_conflicts
        )

    def _reopen(self) -> None:
        window = self.window
        if window.session is None:
            return
        path = window.session.path
        shown = window.draft_view.current_page() if window.draft_view is not None else None
        article = shown.article.id if shown is not None and hasattr(shown, "article") else None
        if window.close_draft() and window.open_draft(path) and article and window.draft_view is not None:
            window.draft_view.select(article)

    # -- conflicts ---------------------------------------------------------------------

    def show_conflicts(self) -> ConflictDialog | None:
        """Show the conflict view (non-modal); the draft is reopened when it is closed."""
        session = self.window.session
        if session is None:
            return None
        conflicts = session.workspace.open_conflicts()
        if not conflicts:
            self._notices.status(_("No conflict is open."), 8000)
            return None
        from ..dialogs.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(conflicts, session.definition, self._resolve, session.info.author, self._parent)
        dialog.finished.connect(lambda _result: self._conflicts_closed(dialog))
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _resolve(self, question_id: str, choice: str, value: Any) -> Any:
        session = self.window.session
        if session is None:
            raise ValueError("no draft is open")
        if choice == "edit":
            try:
                check_answer(session.definition.question(question_id), value)
            except KeyError:
                pass
        session.workspace.resolve_conflict(question_id, choice, value)
        return session.workspace.answer(question_id)

    def _conflicts_closed(self, dialog: ConflictDialog) -> None:
        self.conflict_dialog = None
        if dialog.settled:
            self._reopen()
            left = len(dialog.conflicts)
            self._notices.status(
                ngettext(
                    "{count} conflict is still open; the submission stays a draft.",
                    "{count} conflicts are still open; the submission stays a draft.",
                    left,
                ).format(count=left)
                if left
                else _("Every conflict is settled."),
                15000,
            )

    # -- history -----------------------------------------------------------------------

    def history_of_focused(self) -> HistoryDialog | None:
        """Edit > History…: the history of the answer that has the keyboard focus."""
        view = self.window.draft_view
        question_id = view.focused_question_id() if view is not None else None
        if question_id is None:
            self._notices.status(_("Click into an answer first, then choose History."), 8000)
            return None
        return self.show_history(question_id)

    def show_history(self, question_id: str) -> HistoryDialog | None:
        """The history dialog of one answer (non-modal)."""
        window = self.window
        session = window.session
        if session is None:
            return None
        flush_edits(window)
        try:
            title = display.question_label(session.definition.question(question_id))
        except KeyError:
            title = question_id

        def restore(change: Any) -> None:
            try:
                session.workspace.restore(question_id, change.change_uuid)
            except UntocError as exc:
                self._notices.warn(_("The version was not restored"), str(exc))
                return
            self._reopen()

        from ..dialogs.history_dialog import HistoryDialog

        dialog = HistoryDialog(
            f"{title} ({question_id})",
            session.workspace.versions(question_id),
            session.workspace.answer(question_id),
            restore,
            self._parent,
        )
        dialog.open()
        return dialog

    # -- after opening -----------------------------------------------------------------

    def after_open(self) -> None:
        """Say which articles a copy was assigned for, and offer to merge cloud conflicted copies."""
        session = self.window.session
        if session is None:
            return
        assignment = session.workspace.assignment()
        if (
            assignment is not None
            and assignment["articles"]
            and self.window.draft_view is not None
            and not session.read_only
        ):
            self.window.draft_view.notice.show_message(
                _(
                    "This copy was sent to {colleague} by {sender} for: {articles}. Send it back when done; it is "
                    "merged with File > Merge a colleague's copy."
                ).format(
                    colleague=assignment.get("colleague") or "?",
                    sender=assignment.get("sent_by") or "?",
                    articles=", ".join(str(a) for a in assignment["articles"]),
                )
            )
        self.offer_conflicted_copies()

    # -- cloud conflicted copies -------------------------------------------------------

    def offer_conflicted_copies(self) -> list[Path]:
        """After opening: offer to merge a sync "conflicted copy" of the draft lying beside it.

        Copies already merged, or declined in this session, are not offered again; after a merge
        the draft is reopened, and the next copy, if any, is offered then.

        Returns:
            The copy whose merge was started (at most one).
        """
        session = self.window.session
        if session is None or session.read_only or self.operation is not None:
            return []
        copies = conflicted_copies(session.path)
        if not copies:  # the usual case: the merge log is not even read
            return []
        merged_before = self._merged_fingerprints()
        done = []
        for path in copies:
            from ...sharing.copy_file import fingerprint

            try:
                print_ = fingerprint(path)
            except OSError:
                continue
            if print_ in merged_before or print_ in self._declined:
                continue
            answer = QMessageBox.question(
                self._parent,
                _("A conflicted copy lies beside this draft"),
                _(
                    "{copy} looks like a copy of {name} that your cloud folder kept when two people changed it at "
                    "the same time. Merge it into this draft now? Nothing in either file is lost: answers changed "
                    "on both sides are shown for you to settle."
                ).format(copy=path.name, name=session.path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._declined.add(print_)
                continue
            self._declined.add(print_)  # merged or refused: not offered again in this session
            if self.merge_file(path) is not None:
                done.append(path)
            break  # the next copy is offered when the draft is reopened after this merge
        return done

    def _merged_fingerprints(self) -> set[str]:
        session = self.window.session
        if session is None:
            return set()
        return session.workspace.merged_fingerprints()
