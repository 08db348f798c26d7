"""The window and a sample of its dialogs in each of the six interface languages (issue 14).

Every visible text checked here comes from the catalogue of the language (compared with
``i18n.translator``, not with hard-coded strings), Qt's own buttons come translated, and the
Arabic window is laid out right to left while the others are left to right.
"""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from untoc_desktop import i18n
from untoc_desktop.opening import open_draft
from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog
from untoc_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from untoc_desktop.ui.interface_language import apply_interface_language
from untoc_desktop.ui.window.main_window import MainWindow
from untoc_desktop.ui.window.recent import RecentDrafts

LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"]
MENUS = ["&File", "&Edit", "&View"]


@pytest.fixture
def interface(qapp):
    """Set the interface language for one test; English and left to right come back afterwards."""
    yield lambda language: (i18n.set_language(language), apply_interface_language(qapp, language))
    i18n.set_language("en")
    apply_interface_language(qapp, "en")
    QLocale.setDefault(QLocale("en_US"))
    QApplication.processEvents()


def _plain(text: str) -> str:
    return text.replace("&", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_window_menus_and_dialogs_speak_the_interface_language(
    qtbot, interface, language, settings, registry, fake_export
):
    interface(language)
    tr = i18n.translator(language)
    window = MainWindow(
        definition_for_cluster=registry.for_cluster,
        open_submission=lambda path: open_draft(path, registry),
        available_clusters=[1],
        recent=RecentDrafts(settings),
        settings=settings,
        export_function=fake_export,
        registry=registry,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    titles = [_plain(action.text()) for action in window.menuBar().actions()]
    for english in MENUS:
        assert _plain(tr(english)) in titles, (language, english, titles)
        if language != "en":
            assert _plain(tr(english)) != _plain(english), (language, english)

    preferences = PreferencesDialog("Coalition", language, parent=window, settings=settings)
    qtbot.addWidget(preferences)
    assert preferences.windowTitle() == tr("Preferences")
    new_draft = NewDraftDialog([1], language, parent=window)
    qtbot.addWidget(new_draft)
    buttons = new_draft.findChildren(QDialogButtonBox)
    assert buttons, "the New draft dialog has its buttons"
    cancel = [
        b for box in buttons for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole
    ]
    assert cancel and (language == "en" or _plain(cancel[0].text()) != "Cancel"), (language, cancel[0].text())

    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert QApplication.layoutDirection() == expected
    assert window.layoutDirection() == expected
    window.close()
