"""The main window: File and Edit menus, the open draft's workspace, completeness dock and status bar."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget

from ...applicability import Applicability
from ...draft import DraftInfo
from ...errors import UntocError
from ...i18n import N_, _, ngettext
from ...opening import OpenedDraft
from ...questionnaire.model import Definition
from ...questionnaire.registry import DefinitionRegistry
from ...workspace import Workspace
from ..editor.completeness_panel import CompletenessPanel, summary_text
from ..editor.draft_view import DraftView
from ..editor.welcome_page import WelcomePage
from ..focus_frame import FocusFrames
from .appearance import Appearance
from .autosave import Autosave
from .desk_commands import DeskCommands, draft_paths
from .draft_safety import DraftSafety
from .edit_actions import TextEditActions
from .encrypted_copies import EncryptedCopies
from .export import ExportFunction, SubmissionExporter
from .file_actions import FileCommands
from .host import Notices
from .panels import SidePanels, name_panel
from .questionnaire_commands import QuestionnaireCommands
from .recent import RecentDrafts, RecentMenu
from .regions import KeyboardRegions, window_regions
from .screen_fit import DEFAULT_SIZE, DialogsInsideScreen, available_area, fit_to_screen, panel_height
from .session import DraftSession
from .sharing_commands import SharingCommands
from .workers import BackgroundOperation

if TYPE_CHECKING:
    from ..editor.timeline_panel import ReviewTimelinePanel

APP_TITLE = N_("UNTOC Review submission")


class MainWindow(QMainWindow):
    """One window editing one draft at a time.

    Args:
        definition_for_cluster: cluster number -> the questionnaire new drafts use (raises DefinitionError).
        open_submission: path -> :class:`OpenedDraft` (the draft with its questionnaire, answers carried
            over to a newer definition); raises UntocError. Called as ``open_submission(path, break_lock=True)``
            after the user chose to take over a lock this computer cannot verify.
        available_clusters: clusters with a questionnaire (for the New draft dialog).
        recent: the recent-drafts list.
        settings: user settings (window layout, New draft defaults).
        export_function: see :data:`untoc_desktop.ui.window.export.ExportFunction`.
        interface_language: language code of the interface (country names).
        registry: where questionnaire definitions are imported (default: the user's).
        backups_root: where rolling backups are kept (default: the user's data folder).
    """

    #: The open draft was closed (to open another, or before quitting).
    draft_released = Signal()

    def __init__(
        self,
        *,
        definition_for_cluster: Callable[[int], Definition],
        open_submission: Callable[..., OpenedDraft],
        available_clusters: Collection[int],
        recent: RecentDrafts,
        settings: QSettings,
        export_function: ExportFunction,
        interface_language: str = "en",
        registry: DefinitionRegistry | None = None,
        backups_root: Path | None = None,
    ) -> None:
        super().__init__()
        self._definition_for_cluster = definition_for_cluster
        self._open_submission = open_submission
        self._available_clusters = tuple(available_clusters)
        self._recent = recent
        self._settings = settings
        self._interface_language = interface_language
        self.session: DraftSession | None = None
        self.autosave: Autosave | None = None
        self.draft_view: DraftView | None = None
        self.notices = Notices(self, self.statusBar)
        self.exporter = SubmissionExporter(self, export_function, self.notices.status, self.notices.warn)
        self.exporter.running_changed.connect(lambda _running: self._update_actions())
        self.safety = DraftSafety(
            self, lambda: self.session.workspace if self.session else None, self.open_draft, backups_root
        )

        self.welcome = WelcomePage(self)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.setCentralWidget(self.central)
        self.completeness = CompletenessPanel(self)
        self.completeness_dock = QDockWidget(_("Still missing"), self)
        self.completeness_dock.setObjectName("completenessDock")
        self.completeness_dock.setWidget(self.completeness)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.completeness_dock)
        # The review timeline (hidden at first) is built the first time it is shown or asked for.
        self._timeline_panel: ReviewTimelinePanel | None = None
        self.timeline_dock = QDockWidget(_("Review timeline"), self)
        self.timeline_dock.setObjectName("timelineDock")
        self.timeline_dock.visibilityChanged.connect(lambda shown: shown and self.timeline_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.timeline_dock)
        self.timeline_dock.hide()
        for dock in (self.completeness_dock, self.timeline_dock):
            name_panel(dock)
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.summary.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached by F6, not by Tab
        self.statusBar().addPermanentWidget(self.summary)

        self.files = FileCommands(
            self,
            self.notices,
            settings=settings,
            recent=recent,
            recent_changed=lambda: self.welcome.set_recent(self._recent.paths()),
            open_submission=lambda *args, **kwargs: self._open_submission(*args, **kwargs),  # replaced in tests
            definition_for_cluster=definition_for_cluster,
            available_clusters=self._available_clusters,
            interface_language=interface_language,
            states_table=lambda: self.questionnaire.states_table,
            open_encrypted=lambda path: self.encrypted.open_copy(path),
            offer_recovered_copy=lambda error: self.safety.offer_recovered_copy(error),
        )
        self._build_menus()
        self.appearance = Appearance(self, settings, self.view_menu)  # text size, palette-derived style sheet
        self.focus_frames = FocusFrames(self)  # the keyboard focus is always visible
        self.panels = SidePanels(self, settings, self.completeness_dock, self.view_menu)  # remembered
        self.regions = KeyboardRegions(
            self,
            lambda: window_regions(
                self.draft_view,
                self.welcome,
                (self.completeness_dock, self.timeline_dock),
                self.summary if self.summary.text() else None,
            ),
            self.view_menu,
        )  # F6, Shift+F6
        self.questionnaire = QuestionnaireCommands(self, self.notices, registry or DefinitionRegistry())
        self.questionnaire.add_to(self.file_menu, self.quit_action)
        self.desk = DeskCommands(
            self,
            self.notices,
            settings,
            interface_language,
            start_export=lambda path, fmt: self.start_export(path, fmt),
            exported=self.exporter.exported,
            export_running=lambda: self.export_operation is not None,
        )
        self.help_menu = self.desk.add_to(
            self.menuBar(), self.file_menu, self.quit_action, self.edit_menu, self.view_menu
        )
        self.setAcceptDrops(True)
        # Send an encrypted copy…, Preferences…, opening .untoc.age
        self.encrypted = EncryptedCopies(
            self,
            self.notices,
            interface_language,
            settings,
            merge=lambda path: self.sharing.merge_file(path) is not None,
        )
        self.encrypted.add_to(self.file_menu, self.quit_action)
        self.sharing = SharingCommands(self, self.notices)  # send a copy, merge a copy, conflicts, history
        self.sharing.add_to(self.file_menu, self.export_docx_action, self.edit_menu)
        self.welcome.new_requested.connect(self.new_draft)
        self.welcome.open_requested.connect(self.open_draft_dialog)
        self.welcome.recent_activated.connect(self.open_recent)
        self.completeness.question_activated.connect(self.focus_question)
        self.completeness.article_activated.connect(self._select_article)
        self.resize(*DEFAULT_SIZE)
        available = available_area(self)
        self.resizeDocks([self.completeness_dock], [panel_height(available)], Qt.Orientation.Vertical)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.restoreState(settings.value("window/state") or b"")
        fit_to_screen(self)  # a size remembered from a larger screen, or the default one, inside this screen
        self.dialogs_inside_screen = DialogsInsideScreen(self)
        self.show_draft_state()

    # -- menus -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        def action(
            text: str, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            return act

        file_menu = self.file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = action(_("&New draft…"), self.new_draft, QKeySequence.StandardKey.New)
        self.open_action = action(_("&Open…"), self.open_draft_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = RecentMenu(self._recent, self)
        self.recent_menu.draft_chosen.connect(self.open_recent)
        self.recent_menu.pruned.connect(self._recent_pruned)
        self.recent_menu.changed.connect(lambda: self.welcome.set_recent(self._recent.paths()))
        self.save_as_action = action(_("Save &As…"), self.save_as, "Ctrl+Shift+S")
        self.details_action = action(_("Draft &details…"), self.edit_details, "Ctrl+I")
        self.close_action = action(_("&Close"), self.close_draft, QKeySequence.StandardKey.Close)
        self.export_docx_action = action(_("&Export submission as Word…"), lambda: self.export("docx"), "Ctrl+E")
        self.export_pdf_action = action(_("Export submission as &PDF…"), lambda: self.export("pdf"), "Ctrl+Shift+E")
        self.quit_action = action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.restore_action = action(_("&Restore from backup…"), lambda: self.safety.restore_dialog())
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_as_action, self.restore_action, self.details_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_docx_action, self.export_pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        from .signing_menu import SigningActions  # signed submissions, verification, register of what was sent

        self.signing = SigningActions(file_menu, self.quit_action, lambda: self.session, self, self.notices.status)

        self.edit_actions = TextEditActions(self)
        self.edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.edit_actions.add_to(self.edit_menu)
        view_menu = self.view_menu = self.menuBar().addMenu(_("&View"))
        view_menu.addAction(self.completeness_dock.toggleViewAction())
        view_menu.addAction(self.timeline_dock.toggleViewAction())
        self.next_missing_action = action(_("Go to &next missing answer"), self._next_missing, "F8")
        view_menu.addAction(self.next_missing_action)
        from ..letters.letters_menu import LettersMenu  # letters to the government's focal points

        self.letters_menu = LettersMenu(lambda: self.session, self)
        self.menuBar().addMenu(self.letters_menu)

    def _recent_pruned(self, count: int) -> None:
        self.statusBar().showMessage(
            ngettext(
                "Removed {count} draft that no longer exists from Open Recent.",
                "Removed {count} drafts that no longer exist from Open Recent.",
                count,
            ).format(count=count),
            8000,
        )

    def _next_missing(self) -> None:
        if self.draft_view is not None and self.draft_view.go_to_next_missing() is None:
            self.statusBar().showMessage(_("Nothing is missing: every required answer is given."), 8000)

    def _select_article(self, article_id: str) -> None:
        if self.draft_view is not None:
            self.draft_view.select(article_id)

    def focus_question(self, question_id: str) -> None:
        """Go to a question's field and give it the keyboard focus."""
        if self.draft_view is not None:
            self.draft_view.focus_question(question_id)

    # -- file commands (see file_actions.FileCommands) ---------------------------------

    def new_draft(self) -> bool:
        """File > New draft…: see :meth:`FileCommands.new_draft`."""
        return self.files.new_draft()

    def create_draft(self, path: Path, info: DraftInfo, applicability: Applicability | None = None) -> bool:
        """Create a draft file and open it: see :meth:`FileCommands.create_draft`."""
        return self.files.create_draft(path, info, applicability)

    def open_draft_dialog(self) -> bool:
        """File > Open…: see :meth:`FileCommands.open_draft_dialog`."""
        return self.files.open_draft_dialog()

    def open_draft(self, path: str | Path) -> bool:
        """Open a draft file, replacing the open one: see :meth:`FileCommands.open_draft`."""
        return self.files.open_draft(path)

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft: see :meth:`FileCommands.open_recent`."""
        return self.files.open_recent(path)

    def save_as(self) -> bool:
        """File > Save As…: see :meth:`FileCommands.save_as`."""
        return self.files.save_as()

    def save_as_path(self, path: Path) -> bool:
        """Save a copy and continue in it: see :meth:`FileCommands.save_as_path`."""
        return self.files.save_as_path(path)

    def edit_details(self) -> bool:
        """File > Draft details…: see :meth:`FileCommands.edit_details`."""
        return self.files.edit_details()

    def apply_details(self, info: DraftInfo, applicability: Applicability | None = None) -> bool:
        """Store new draft details: see :meth:`FileCommands.apply_details`."""
        return self.files.apply_details(info, applicability)

    def close_draft(self) -> bool:
        """File > Close: see :meth:`FileCommands.close_draft`."""
        return self.files.close_draft()

    def _provisional_notes(self) -> dict[int, str]:
        return self.files.provisional_notes()

    # -- export ----------------------------------------------------------------------

    @property
    def export_operation(self) -> BackgroundOperation[Path] | None:
        """The export under way, if any."""
        return self.exporter.operation

    def export(self, fmt: str) -> BackgroundOperation[Path] | None:
        """Ask where to export the submission (``docx`` or ``pdf``) and start the export."""
        path = self.exporter.ask_path(self.session, fmt) if self.session is not None else None
        return self.start_export(path, fmt) if path is not None else None

    def start_export(self, path: Path, fmt: str) -> BackgroundOperation[Path] | None:
        """Export to ``path`` on a worker thread, with every edit typed so far; the window stays usable.

        The exporter takes the session's snapshot, which stores the edits still waiting first.
        """
        if self.session is None:
            return None
        return self.exporter.start(self.session, path, fmt, archived=self.questionnaire.archived_for_export())

    # -- state -----------------------------------------------------------------------

    def switch_to(self, workspace: Workspace) -> bool:
        """Release the open draft and show ``workspace`` (closed here when refused); False when not shown."""
        if not self.release_current():
            workspace.close()
            return False
        try:
            session = DraftSession(workspace, self)  # reads every answer of the file
        except UntocError as exc:  # a value that cannot be used: a message, and the lock released
            workspace.close()
            self.notices.warn(_("The draft cannot be opened"), str(exc))
            return False
        self.session = session
        self.autosave = Autosave(self.session, parent=self)
        self.draft_view = DraftView(self.session, self.autosave, self.central)
        if self.draft_view.provisional_banner is not None:
            self.draft_view.provisional_banner.import_requested.connect(self.questionnaire.import_definition_dialog)
        self.central.addWidget(self.draft_view)
        # The tree's width and the "Still missing" panel are set before the view shows, so that its
        # first page is laid out once, at its final size, rather than again for each of them.
        self.panels.attach(self.draft_view, available_area(self))
        self.completeness_dock.setVisible(self.panels.completeness_wanted())
        self.central.setCurrentWidget(self.draft_view)
        # The keyboard starts in the provision tree (F6's first region), not wherever the focus chain
        # led from the welcome page's button that was just removed (the "Still missing" table on X11).
        if self.draft_view.tree.isVisibleTo(self):
            self.draft_view.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.session.completeness_changed.connect(lambda _report: self._show_completeness())
        self.draft_view.history_requested.connect(self.sharing.show_history)
        self.autosave.saved.connect(self._saved)
        self.draft_view.banner.save_as_requested.connect(self.save_as)
        self._recent.add(session.path)
        self.show_draft_state()
        self.edit_actions.set_stack(self.draft_view.undo.stack)
        self.desk.draft_opened()
        return True

    def after_open(self, opened: OpenedDraft) -> None:
        """Once a draft is shown: recovery notice and backup, upgrade report, assigned articles, cloud copies."""
        self.safety.after_open(opened)
        self.questionnaire.report_upgrade(opened)
        self.sharing.after_open()

    def release_current(self) -> bool:
        """Flush, back up and close the open draft; False when the user kept it open."""
        if self.session is None or self.autosave is None:
            return True
        if not self.autosave.flush():
            count = len(self.autosave.unsaved())
            answer = QMessageBox.question(
                self,
                _("Some answers are not saved"),
                ngettext(
                    "{count} answer could not be saved (see the message in the window). Close the draft anyway "
                    "and lose it?",
                    "{count} answers could not be saved (see the messages in the window). "
                    "Close the draft anyway and lose them?",
                    count,
                ).format(count=count),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return False
        self.safety.backup_if_changed()
        self.edit_actions.set_stack(None)
        if self.draft_view is not None:
            self.central.removeWidget(self.draft_view)
            self.draft_view.deleteLater()
        self.session.close()
        self.session.deleteLater()
        self.autosave.deleteLater()
        self.session = self.autosave = self.draft_view = None
        self.draft_released.emit()
        return True

    @property
    def timeline_panel(self) -> ReviewTimelinePanel:
        """The review timeline panel, built (and filled from the open draft) the first time it is needed."""
        if self._timeline_panel is None:
            from ..editor.timeline_panel import ReviewTimelinePanel

            panel = ReviewTimelinePanel(lambda: self.session.draft if self.session else None, self)
            self._timeline_panel = panel
            self.timeline_dock.setWidget(panel)
            name_panel(self.timeline_dock)
            panel.reload()
        return self._timeline_panel

    def show_draft_state(self) -> None:
        """Refresh the title, panels and actions after a draft was opened or closed."""
        if self._timeline_panel is not None:
            self._timeline_panel.reload()
        if self.session is None:
            self.central.setCurrentWidget(self.welcome)
            self.welcome.set_recent(self._recent.paths())
            self.setWindowTitle(_(APP_TITLE))
            self.setWindowFilePath("")
            self.completeness.clear()
            self.completeness_dock.hide()
            self.summary.clear()
        else:
            self.setWindowTitle(f"{self.session.path.name} — {_(APP_TITLE)}")
            self.setWindowFilePath(str(self.session.path))
            self.completeness_dock.setVisible(self.panels.completeness_wanted())
            self._show_completeness()
        self._update_actions()

    def _update_actions(self) -> None:
        is_open = self.session is not None
        for act in (
            self.save_as_action,
            self.restore_action,
            self.details_action,
            self.close_action,
            self.next_missing_action,
        ):
            act.setEnabled(is_open)
        self.encrypted.update_actions(is_open)
        for act in (self.export_docx_action, self.export_pdf_action):
            act.setEnabled(is_open and self.export_operation is None)
        self.desk.update_actions()
        self.sharing.update_actions(is_open)

    def _show_completeness(self) -> None:
        if self.session is None:
            return
        report = self.session.report
        self.summary.setText(summary_text(report))
        self.completeness.set_report(self.session.definition, report, self.session.answers())

    def _saved(self, _question_id: str, when: datetime) -> None:
        self.safety.answers_changed()
        self.statusBar().showMessage(_("Saved at {time}").format(time=when.strftime("%H:%M:%S")), 10000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept a dragged ``.untoc`` file."""
        if event.mimeData().hasUrls() and draft_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Open a dropped ``.untoc`` file."""
        if self.desk.open_dropped(event.mimeData().urls()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Finish or cancel an export, flush pending edits, remember the layout, then close."""
        self.exporter.cancel_and_wait()
        self.sharing.wait()
        if not self.release_current():
            event.ignore()
            return
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        event.accept()
