"""The writing desk's commands: Find and Replace, spelling, word count, Print, Open exported file, Help, drops.

:class:`DeskCommands` adds its actions to the window's menus and receives only what it
needs: the open draft (:class:`DeskHost`), where to show messages, and the export steps.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, QUrl, SignalInstance
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QMessageBox, QPlainTextEdit

from ...i18n import _
from ...questionnaire import display
from .host import DraftSwitcher, Notices

if TYPE_CHECKING:
    from ..dialogs.help_dialogs import HelpDialog
    from ..dialogs.word_count_dialog import WordCountDialog
    from ..editor.find_replace import FindReplaceDialog

# Dialogs are imported when first opened, not at start-up (the window's start-up, docs/architecture.md).

#: File names a drop onto the window opens.
DRAFT_SUFFIXES = (".untoc",)


def draft_paths(urls: Iterable[QUrl]) -> list[Path]:
    """The local draft files among dropped URLs (other files and remote URLs are ignored)."""
    paths = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.name.lower().endswith(DRAFT_SUFFIXES):
                paths.append(path)
    return paths


class DeskHost(DraftSwitcher, Protocol):
    """The open draft, and going to a question's field."""

    def focus_question(self, question_id: str) -> None:
        """Go to a question's field and give it the keyboard focus."""


class DeskCommands(QObject):
    """Find and Replace, spell checking on/off, word count, Print, Open exported file and the Help menu.

    Args:
        window: the open draft.
        notices: messages over the window (its parent for dialogs).
        settings: user settings (spell checking on or off).
        interface_language: language of the guide.
        start_export: ``(path, fmt)`` -> exports the open draft in the background (Print uses a PDF).
        exported: the signal emitted with the path of each finished export.
        export_running: whether an export is under way.
    """

    def __init__(
        self,
        window: DeskHost,
        notices: Notices,
        settings: QSettings,
        interface_language: str,
        *,
        start_export: Callable[[Path, str], object],
        exported: SignalInstance,
        export_running: Callable[[], bool],
    ) -> None:
        parent = notices.parent
        super().__init__(parent)
        self._host = window
        self._notices = notices
        self._parent = parent
        self._start_export = start_export
        self._export_running = export_running
        self._settings = settings
        self._language = interface_language
        self.find_dialog: FindReplaceDialog | None = None
        self.last_exported: Path | None = None
        self._print_path: Path | None = None
        # Made by the first Print: a window that is never used to print (or is killed) leaves no folder.
        self._print_folder: tempfile.TemporaryDirectory[str] | None = None

        def action(text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
            act = QAction(text, parent)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.find_action = action(_("&Find…"), lambda: self.show_find(replace=False), QKeySequence.StandardKey.Find)
        self.replace_action = action(_("Find and &replace…"), lambda: self.show_find(replace=True), "Ctrl+H")
        self.spelling_action = QAction(_("Check &spelling as you type"), parent)
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(bool(settings.value("editing/spelling", True, type=bool)))
        self.spelling_action.toggled.connect(self.set_spelling)
        self.word_count_action = action(_("&Word count…"), self.show_word_count)
        self.print_action = action(_("&Print…"), self.print_submission, QKeySequence.StandardKey.Print)
        self.open_exported_action = action(_("Open the e&xported file"), self.open_exported)
        self.guide_action = action(_("&User guide"), self.show_guide)
        self.context_help_action = action(
            _("&Help on this question"), self.context_help, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = action(_("&About untoc_desktop"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        exported.connect(self._exported)

    def add_to(
        self, menu_bar: QMenuBar, file_menu: QMenu, before: QAction, edit_menu: QMenu, view_menu: QMenu
    ) -> QMenu:
        """Put the actions in the File, Edit and View menus and add a Help menu to ``menu_bar``; returns it."""
        file_menu.insertActions(before, [self.print_action, self.open_exported_action])
        file_menu.insertSeparator(before)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.replace_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.spelling_action)
        view_menu.addAction(self.word_count_action)
        help_menu = menu_bar.addMenu(_("&Help"))
        help_menu.addActions([self.guide_action, self.context_help_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        return help_menu

    def update_actions(self) -> None:
        """Enable what applies to the open draft."""
        is_open = self._host.session is not None
        for act in (self.find_action, self.replace_action, self.word_count_action):
            act.setEnabled(is_open)
        self.print_action.setEnabled(is_open and not self._export_running())
        self.open_exported_action.setEnabled(self.last_exported is not None and self.last_exported.exists())
        if not is_open and self.find_dialog is not None:
            self.find_dialog.close()
            self.find_dialog.deleteLater()
            self.find_dialog = None

    def draft_opened(self) -> None:
        """Wire the newly opened draft: spelling follows the setting, its notices go to the status bar."""
        view = self._host.draft_view
        if view is not None:
            view.spelling.set_enabled(self.spelling_action.isChecked())
            view.spelling.notice.connect(lambda message: self._notices.status(message, 15000))
        self.update_actions()

    # -- find and replace ------------------------------------------------------------

    def show_find(self, replace: bool = False) -> FindReplaceDialog | None:
        """Open (or raise) Find and Replace over the open draft."""
        session = self._host.session
        if session is None:
            return None
        if self.find_dialog is None:
            from ..editor.find_replace import FindReplaceDialog

            view = self._host.draft_view
            self.find_dialog = FindReplaceDialog(
                session.definition,
                self._saved_answers,
                self._go_to,
                read_only=view is not None and view.read_only,
                parent=self._parent,
            )
        selected = self._selected_text()
        if selected:
            self.find_dialog.find_text.setText(selected)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.activateWindow()
        self.find_dialog.show_replace(replace)
        return self.find_dialog

    def _saved_answers(self) -> dict:
        session = self._host.session  # its snapshot stores the edits still waiting first
        return dict(session.snapshot().answers) if session is not None else {}

    def _go_to(self, question_id: str) -> QPlainTextEdit | None:
        self._host.focus_question(question_id)
        view = self._host.draft_view
        page = view.current_page() if view is not None else None
        block = page.blocks.get(question_id) if page is not None else None
        editor = getattr(block.field, "editor", None) if block is not None else None
        return editor if isinstance(editor, QPlainTextEdit) else None

    @staticmethod
    def _selected_text() -> str:
        widget = QApplication.focusWidget()
        if isinstance(widget, QPlainTextEdit):
            text = widget.textCursor().selectedText()
            return text if "\u2029" not in text else ""
        return ""

    # -- spelling, counts ---------------------------------------------------------------

    def set_spelling(self, enabled: bool) -> None:
        """Turn spell checking as you type on or off (remembered)."""
        self._settings.setValue("editing/spelling", enabled)
        if self._host.draft_view is not None:
            self._host.draft_view.spelling.set_enabled(enabled)

    def show_word_count(self) -> WordCountDialog | None:
        """Show the words and characters per article and for the whole draft."""
        if self._host.session is None:
            return None
        from ..dialogs.word_count_dialog import WordCountDialog

        dialog = WordCountDialog(self._host.session.definition, self._saved_answers(), self._parent)
        dialog.show()
        return dialog

    # -- print, open exported ----------------------------------------------------------

    def print_submission(self) -> Path | None:
        """Export the submission to PDF in a temporary folder and open it in the PDF reader to print."""
        session = self._host.session
        if session is None:
            return None
        name = f"{session.path.stem}.pdf"
        if self._print_folder is None:
            self._print_folder = tempfile.TemporaryDirectory(prefix="untoc-print-")
        self._print_path = Path(self._print_folder.name) / name
        self._notices.status(_("Preparing the PDF to print…"), 15000)
        self._start_export(self._print_path, "pdf")
        return self._print_path

    def open_exported(self) -> bool:
        """Open the file exported last in the program the system uses for it."""
        if self.last_exported is None or not self.last_exported.exists():
            return False
        return self._open(self.last_exported)

    def _exported(self, path: Path) -> None:
        if self._print_path is not None and Path(path) == self._print_path:
            self._print_path = None
            if self._open(Path(path)):
                self._notices.status(_("The submission is open in your PDF reader: print it from there."), 15000)
        else:
            self.last_exported = Path(path)
        self.update_actions()

    def _open(self, path: Path) -> bool:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        QMessageBox.warning(
            self._parent,
            _("The file could not be opened"),
            _("No program to open {name} was found. The file is here: {path}").format(name=path.name, path=path),
        )
        return False

    # -- help --------------------------------------------------------------------------

    def show_guide(self) -> HelpDialog:
        """The user guide in the interface language."""
        from ..dialogs.help_dialogs import guide_dialog

        dialog = guide_dialog(self._language, self._parent)
        dialog.show()
        return dialog

    def context_help(self) -> HelpDialog:
        """F1: help on the question that has the focus, else the user guide."""
        view = self._host.draft_view
        question_id = view.focused_question_id() if view is not None else None
        if question_id is None or self._host.session is None:
            return self.show_guide()
        from ..dialogs.help_dialogs import HelpDialog, question_help_html

        definition = self._host.session.definition
        question = definition.question(question_id)
        dialog = HelpDialog(
            _("Help: {question}").format(question=display.question_label(question)),
            question_help_html(definition, question),
            self._parent,
        )
        dialog.show()
        return dialog

    def show_about(self) -> HelpDialog:
        """Version, licence, fonts' licences and where the data lives."""
        from ..dialogs.help_dialogs import HelpDialog, about_html

        dialog = HelpDialog(_("About untoc_desktop"), about_html(self._settings), self._parent)
        dialog.show()
        return dialog

    # -- drops -------------------------------------------------------------------------

    def open_dropped(self, urls: Iterable[QUrl]) -> bool:
        """Open the first draft file among dropped URLs; False when there is none."""
        paths = draft_paths(urls)
        if not paths:
            return False
        if len(paths) > 1:
            self._notices.status(
                _("Only one draft is open at a time: opening {name}.").format(name=paths[0].name), 10000
            )
        return bool(self._host.open_draft(paths[0]))
