"""The main window: File and Edit menus, the open draft's workspace, completeness dock and status bar."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget

from ..draft import DRAFT_SUFFIX, Draft, DraftInfo
from ..errors import UntocError
from ..opening import OpenedDraft
from ..i18n import N_, _, ngettext
from ..questionnaire.model import Definition
from .autosave import Autosave
from .completeness_panel import CompletenessPanel, summary_text
from .draft_view import DraftView
from .edit_actions import TextEditActions
from .navigation import ProvisionRole
from .export import ExportFunction, SubmissionExporter
from .new_draft_dialog import NewDraftDialog
from .recent import RecentDrafts, RecentMenu
from .session import DraftSession
from .welcome_page import WelcomePage
from .workers import BackgroundOperation

APP_TITLE = N_("UNTOC Review submission")
_FILE_FILTER = N_("untoc drafts (*.untoc)")


class MainWindow(QMainWindow):
    """One window editing one draft at a time.

    Args:
        definition_for_cluster: cluster number -> the questionnaire new drafts use (raises DefinitionError).
        open_submission: path -> :class:`OpenedDraft` (the draft with its questionnaire, answers carried
            over to a newer definition); raises UntocError.
        available_clusters: clusters with a questionnaire (for the New draft dialog).
        recent: the recent-drafts list.
        settings: user settings (window layout, New draft defaults).
        export_function: see :data:`untoc_desktop.ui.export.ExportFunction`.
        interface_language: language code of the interface (country names).
    """

    def __init__(
        self,
        *,
        definition_for_cluster: Callable[[int], Definition],
        open_submission: Callable[[Path], OpenedDraft],
        available_clusters: Collection[int],
        recent: RecentDrafts,
        settings: QSettings,
        export_function: ExportFunction,
        interface_language: str = "en",
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
        self.exporter = SubmissionExporter(self, export_function, self._show_status, self._warn)
        self.exporter.running_changed.connect(lambda _running: self._update_actions())

        self.welcome = WelcomePage(self)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.setCentralWidget(self.central)
        self.completeness = CompletenessPanel(self)
        self.completeness_dock = QDockWidget(_("Still missing"), self)
        self.completeness_dock.setObjectName("completenessDock")
        self.completeness_dock.setWidget(self.completeness)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.completeness_dock)
        self.summary = QLabel(self)
        self.statusBar().addPermanentWidget(self.summary)

        self._build_menus()
        self.welcome.new_requested.connect(self.new_draft)
        self.welcome.open_requested.connect(self.open_draft_dialog)
        self.welcome.recent_activated.connect(self.open_recent)
        self.completeness.question_activated.connect(self.focus_question)
        self.completeness.article_activated.connect(self._select_article)
        self.resize(1280, 860)
        self.resizeDocks([self.completeness_dock], [190], Qt.Orientation.Vertical)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.restoreState(settings.value("window/state") or b"")
        self._draft_changed()

    # -- menus -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        def action(text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            return act

        file_menu = self.menuBar().addMenu(_("&File"))
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
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_as_action, self.details_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_docx_action, self.export_pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.edit_actions = TextEditActions(self)
        self.edit_actions.add_to(self.menuBar().addMenu(_("&Edit")))
        view_menu = self.menuBar().addMenu(_("&View"))
        view_menu.addAction(self.completeness_dock.toggleViewAction())
        self.next_missing_action = action(_("Go to &next missing answer"), self._next_missing, "F8")
        view_menu.addAction(self.next_missing_action)
        from .letters_dialog import LettersMenu  # letters to the government's focal points

        self.letters_menu = LettersMenu(lambda: self.session, self,
                                        before=lambda: self.autosave is not None and self.autosave.flush())
        self.menuBar().addMenu(self.letters_menu)

    def _recent_pruned(self, count: int) -> None:
        self.statusBar().showMessage(
            ngettext("Removed {count} draft that no longer exists from Open Recent.",
                     "Removed {count} drafts that no longer exist from Open Recent.", count).format(count=count), 8000)

    # -- file commands ---------------------------------------------------------------

    def new_draft(self) -> bool:
        """Ask what the new draft is about and where to save it, then create and open it."""
        defaults = {key: str(self._settings.value(f"new_draft/{key}", "")) for key in ("organization", "author")}
        dialog = NewDraftDialog(self._available_clusters, self._interface_language, defaults, self)
        if dialog.exec() != NewDraftDialog.DialogCode.Accepted:
            return False
        info = dialog.draft_info()
        name = f"{info.organization} – {info.country} – cluster {info.cluster}{DRAFT_SUFFIX}"
        suggested = Path(self._folder()) / name.replace("/", "-")
        path, _selected = QFileDialog.getSaveFileName(
            self, _("Save the new draft as"), str(suggested), _(_FILE_FILTER)
        )
        if not path:
            return False
        return self.create_draft(Path(path), info)

    def create_draft(self, path: Path, info: DraftInfo) -> bool:
        """Create a draft file at ``path`` (``.untoc`` added when missing) and open it; False on failure (shown)."""
        path = Path(path)
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        try:
            definition = self._definition_for_cluster(info.cluster)
            info = replace(info, definition_id=definition.id, definition_version=definition.version)
            draft = Draft.create(path, info)
        except UntocError as exc:
            self._warn(_("The draft was not created"), str(exc))
            return False
        self._settings.setValue("new_draft/organization", info.organization)
        self._settings.setValue("new_draft/author", info.author)
        return self._switch_to(draft, definition)

    def open_draft_dialog(self) -> bool:
        """Ask for a draft file and open it."""
        path, _selected = QFileDialog.getOpenFileName(self, _("Open a draft"), self._folder(),
                                                      f"{_(_FILE_FILTER)};;{_('All files (*)')}")
        return bool(path) and self.open_draft(Path(path))

    def open_draft(self, path: str | Path) -> bool:
        """Open a draft file, replacing the current one; False (after a message) when it cannot be opened."""
        path = Path(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        try:
            opened = self._open_submission(path)
        except UntocError as exc:
            self._warn(_("The draft cannot be opened"), str(exc))
            return False
        if not self._switch_to(opened.draft, opened.definition):
            return False
        if opened.upgraded_from:
            carry = opened.carry_over
            self.statusBar().showMessage(
                _("The questionnaire was updated from version {old} to {new}: {moved} answers moved, "
                  "{archived} kept in the archive.").format(old=opened.upgraded_from, new=opened.definition.version,
                                                            moved=len(carry.moved), archived=len(carry.archived)),
                30000)
        return True

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft; a file that no longer exists is removed from the list, with a message."""
        if not Path(path).is_file():
            self._recent.remove(path)
            self.welcome.set_recent(self._recent.paths())
            self._warn(_("The draft cannot be opened"),
                       _("{path} no longer exists; it was removed from the recent drafts.").format(path=path))
            return False
        return self.open_draft(path)

    def save_as(self) -> bool:
        """Ask where to save a copy of the draft, then continue in the copy."""
        if self.session is None:
            return False
        path, _selected = QFileDialog.getSaveFileName(self, _("Save a copy of the draft as"),
                                                      str(self.session.path), _(_FILE_FILTER))
        return bool(path) and self.save_as_path(Path(path))

    def save_as_path(self, path: Path) -> bool:
        """Write a copy of the draft to ``path`` (``.untoc`` added when missing) and switch to the copy."""
        if self.session is None or self.autosave is None:
            return False
        path = Path(path)
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        self.autosave.flush()
        if path.resolve() == self.session.path.resolve():
            return True
        try:
            self.session.draft.save_copy(path)
        except UntocError as exc:
            self._warn(_("The copy was not saved"), str(exc))
            return False
        if self.open_draft(path):
            self.statusBar().showMessage(_("Now editing the copy {name}.").format(name=path.name), 8000)
            return True
        return False

    def edit_details(self) -> bool:
        """Show what the draft is about (organisation, country, Protocols...) and save changes."""
        if self.session is None:
            return False
        dialog = NewDraftDialog(self._available_clusters or [self.session.info.cluster], self._interface_language,
                                parent=self)
        dialog.show_existing(self.session.info)
        return dialog.exec() == NewDraftDialog.DialogCode.Accepted and self.apply_details(dialog.draft_info())

    def apply_details(self, info: DraftInfo) -> bool:
        """Store new draft details and show the draft again (the Protocols decide what applies)."""
        if self.session is None or self.draft_view is None:
            return False
        fields = ("organization", "country", "country_code", "protocols", "language", "author")
        try:
            self.session.draft.update_info(**{name: getattr(info, name) for name in fields})
        except UntocError as exc:
            self._warn(_("The details were not saved"), str(exc))
            return False
        path, shown = self.session.path, self.draft_view.tree.currentIndex().data(ProvisionRole.ID)
        if not (self.close_draft() and self.open_draft(path)):
            return False
        if shown and self.draft_view is not None:
            self.draft_view.select(shown)
        self.statusBar().showMessage(_("Draft details saved."), 8000)
        return True

    def close_draft(self) -> bool:
        """Save pending edits and close the draft; False when the user chose to keep it open."""
        if not self._release_current():
            return False
        self._draft_changed()
        return True

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
        """Save pending edits, then export to ``path`` on a worker thread; the window stays usable."""
        if self.session is None or self.autosave is None:
            return None
        self.autosave.flush()
        return self.exporter.start(self.session, path, fmt)

    # -- state -----------------------------------------------------------------------

    def _switch_to(self, draft: Draft, definition: Definition) -> bool:
        if not self._release_current():
            draft.close()
            return False
        self.session = DraftSession(draft, definition, self)
        self.autosave = Autosave(self.session, parent=self)
        self.draft_view = DraftView(self.session, self.autosave, self.central)
        self.central.addWidget(self.draft_view)
        self.central.setCurrentWidget(self.draft_view)
        self.session.completeness_changed.connect(lambda _report: self._show_completeness())
        self.autosave.saved.connect(self._saved)
        self._recent.add(draft.path)
        self._draft_changed()
        return True

    def _release_current(self) -> bool:
        if self.session is None or self.autosave is None:
            return True
        if not self.autosave.flush():
            count = len(self.autosave.unsaved())
            answer = QMessageBox.question(
                self, _("Some answers are not saved"),
                ngettext("{count} answer could not be saved (see the message in the window). Close the draft anyway "
                         "and lose it?", "{count} answers could not be saved (see the messages in the window). "
                         "Close the draft anyway and lose them?", count).format(count=count),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        if self.draft_view is not None:
            self.central.removeWidget(self.draft_view)
            self.draft_view.deleteLater()
        self.session.close()
        self.session.deleteLater()
        self.autosave.deleteLater()
        self.session = self.autosave = self.draft_view = None
        return True

    def _draft_changed(self) -> None:
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
            self.completeness_dock.show()
            self._show_completeness()
        self._update_actions()

    def _update_actions(self) -> None:
        is_open = self.session is not None
        for act in (self.save_as_action, self.details_action, self.close_action, self.next_missing_action):
            act.setEnabled(is_open)
        for act in (self.export_docx_action, self.export_pdf_action):
            act.setEnabled(is_open and self.export_operation is None)

    def _show_completeness(self) -> None:
        if self.session is None:
            return
        report = self.session.report
        self.summary.setText(summary_text(report))
        self.completeness.set_report(self.session.definition, report, self.session.answers())

    def _saved(self, _question_id: str, when: datetime) -> None:
        self.statusBar().showMessage(_("Saved at {time}").format(time=when.strftime("%H:%M:%S")), 10000)

    def _folder(self) -> str:
        if self.session is not None:
            return str(self.session.path.parent)
        paths = self._recent.paths()
        return str(paths[0].parent) if paths else str(Path.home())

    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Finish or cancel an export, flush pending edits, remember the layout, then close."""
        self.exporter.cancel_and_wait()
        if not self._release_current():
            event.ignore()
            return
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        event.accept()


