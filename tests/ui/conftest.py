"""Fixtures for the desktop interface tests: offscreen Qt, an isolated window, recorded message boxes."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field, replace  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from untoc_desktop.opening import open_draft  # noqa: E402
from untoc_desktop.questionnaire.registry import DefinitionRegistry  # noqa: E402
from untoc_desktop.ui.style import STYLE_SHEET  # noqa: E402
from untoc_desktop.ui.window.main_window import MainWindow  # noqa: E402
from untoc_desktop.ui.window.recent import RecentDrafts  # noqa: E402
from untoc_desktop.workspace import Workspace  # noqa: E402


@dataclass
class MessageBoxes:
    """Message boxes the code under test opened (none is shown: tests never block)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel

    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]


@pytest.fixture(autouse=True)
def delete_closed_widgets(qapp):
    """After each test, delete the widgets closed with deleteLater (pytest-qt's qtbot.addWidget does so).

    Without an event loop between tests those deletions never ran: every window of every earlier
    test stayed alive, hidden, and an application-wide change (text size, palette, language) went
    through all of them. Set up before the test's other fixtures, so this runs after their teardown.
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    boxes = MessageBoxes()

    def record(kind):
        def show(_parent, title, text, *args, **kwargs):
            boxes.shown.append((kind, title, text))
            return boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return boxes


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@dataclass
class FakeExport:
    """Stands in for documents.export_submission: records calls, reports progress, writes a file."""

    calls: list = field(default_factory=list)
    error: Exception | None = None

    def __call__(self, definition, info, answers, out_path, fmt, *, language, progress, is_cancelled, **_options):
        self.calls.append((definition.id, info.organization, dict(answers), Path(out_path), fmt, language))
        for step in range(3):
            progress(step, 3)
        if self.error is not None:
            raise self.error
        Path(out_path).write_bytes(b"exported")
        progress(3, 3)
        return Path(out_path)


@pytest.fixture
def fake_export():
    return FakeExport()


@pytest.fixture
def registry(tmp_path):
    return DefinitionRegistry(user_folder=tmp_path / "definitions")


@pytest.fixture(scope="session", autouse=True)
def application_style(qapp):
    # Once per run, as the application does at start: setting it again for every window re-polished
    # every window left over from earlier tests (over a third of the interface suite's time).
    qapp.setStyleSheet(STYLE_SHEET)


def _shown_window(qtbot, qapp, settings, registry, fake_export, clusters):
    main = MainWindow(
        definition_for_cluster=registry.for_cluster,
        open_submission=lambda path: open_draft(path, registry),
        available_clusters=clusters,
        recent=RecentDrafts(settings),
        settings=settings,
        export_function=fake_export,
        registry=registry,
    )
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def window(qtbot, qapp, settings, registry, fake_export):
    """The main window offering cluster 1."""
    main = _shown_window(qtbot, qapp, settings, registry, fake_export, [1])
    yield main
    main.close()


@pytest.fixture
def full_window(qtbot, qapp, settings, registry, fake_export):
    """A window offering all four clusters, importing definitions into ``registry``."""
    main = _shown_window(qtbot, qapp, settings, registry, fake_export, [1, 2, 3, 4])
    yield main
    main.close()


@pytest.fixture
def draft_path(window, tmp_path, draft_info, draft_templates, monkeypatch):
    """A new draft (TIP and SOM ratified, not FIREARMS) created and opened in the window.

    The window's own create_draft runs; only the file it asks Workspace.create for is copied
    from the session's template (helpers.DraftTemplates) instead of built again.
    """
    real_create = Workspace.create

    def create(path, info, definition, applicability=None):
        if applicability is not None:
            return real_create(path, info, definition, applicability)
        info = replace(info, definition_id=definition.id, definition_version=definition.version)
        return draft_templates.copy(path, info)

    path = tmp_path / "veridia.untoc"
    with monkeypatch.context() as patch:
        patch.setattr(Workspace, "create", staticmethod(create))
        assert window.create_draft(path, draft_info)
    return path
