"""The interface language at run time: chosen from settings or system, Qt's own strings, direction, Preferences."""

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from untoc_desktop import i18n
from untoc_desktop.questionnaire.titles import ARTICLE_TITLE
from untoc_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from untoc_desktop.ui.interface_language import (
    SETTINGS_KEY,
    apply_interface_language,
    choose_interface_language,
    load_qt_translator,
)
from untoc_desktop.ui.models.navigation import ProvisionTreeModel


@pytest.fixture
def app_language(qapp):
    """Apply interface languages in a test; English and left to right come back afterwards."""
    yield lambda language: apply_interface_language(qapp, language)
    apply_interface_language(qapp, "en")
    QLocale.setDefault(QLocale("en_US"))
    QApplication.processEvents()


@pytest.fixture
def temp_settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _cancel_text():
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    buttons.deleteLater()
    return text


@pytest.mark.parametrize("language", ["fr", "es", "ar", "ru", "zh"])
def test_qt_standard_buttons_are_translated(app_language, language):
    translator = load_qt_translator(language)
    assert translator is not None, language  # zh is found as qtbase_zh_CN
    expected = translator.translate("QPlatformTheme", "Cancel").replace("&", "")
    assert expected and expected != "Cancel"
    app_language(language)
    assert _cancel_text() == expected


def test_english_has_no_qt_catalogue_and_says_cancel(app_language):
    assert load_qt_translator("en") is None and load_qt_translator("qps-ploc") is None
    app_language("en")
    assert _cancel_text() == "Cancel"


def test_arabic_is_right_to_left_even_without_our_catalogue(app_language, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)  # no catalogue of ours at all
    assert app_language("ar_EG.UTF-8") == "en"
    QApplication.processEvents()
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.interface_language() == "ar"


def test_qtbase_arabic_never_decides_the_direction(app_language, qapp):
    app_language("ar")
    app_language("fr")
    QApplication.processEvents()  # the language change event of the translators
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert _cancel_text() == "Annuler"


def test_the_settings_choice_wins_over_the_system(temp_settings, monkeypatch):
    monkeypatch.delenv(i18n.PSEUDO_LOCALE_VARIABLE, raising=False)
    arabic_system = lambda: QLocale("ar_EG")  # noqa: E731
    assert choose_interface_language(temp_settings, arabic_system) == "ar"
    assert choose_interface_language(temp_settings, lambda: QLocale("pt_BR")) == "en"
    assert choose_interface_language(temp_settings, lambda: QLocale("zh_CN")) == "zh"
    temp_settings.setValue(SETTINGS_KEY, "ru")
    assert choose_interface_language(temp_settings, arabic_system) == "ru"
    temp_settings.setValue(SETTINGS_KEY, "klingon")  # a damaged value: the system's
    assert choose_interface_language(temp_settings, arabic_system) == "ar"
    monkeypatch.setenv(i18n.PSEUDO_LOCALE_VARIABLE, "qps-plocm")
    assert choose_interface_language(temp_settings, arabic_system) == "qps-plocm"


def test_preferences_language_is_saved_and_says_when_it_applies(qtbot, temp_settings, monkeypatch):
    monkeypatch.delenv(i18n.PSEUDO_LOCALE_VARIABLE, raising=False)
    dialog = PreferencesDialog("Coalition", "en", settings=temp_settings)
    qtbot.addWidget(dialog)
    page = dialog.language
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Language"
    assert "after restarting untoc_desktop" in page.note.text()
    assert [page.language.itemData(i) for i in range(page.language.count())] == ["", "en", "fr", "es", "ar", "ru", "zh"]
    assert page.language.currentData() == ""  # follows the system until chosen
    page.language.setCurrentIndex(page.language.findData("ar"))
    reread = QSettings(temp_settings.fileName(), QSettings.Format.IniFormat)
    assert reread.value(SETTINGS_KEY) == "ar"
    assert choose_interface_language(reread, lambda: QLocale("fr_FR")) == "ar"
    again = PreferencesDialog("Coalition", "en", settings=reread)
    qtbot.addWidget(again)
    assert again.language.language.currentData() == "ar"


def test_pseudo_locales_lengthen_and_mirror_the_interface(qtbot, app_language, qapp, temp_settings):
    app_language("qps-ploc")
    dialog = PreferencesDialog("Coalition", "en", settings=temp_settings)
    qtbot.addWidget(dialog)
    title = dialog.windowTitle()
    assert title.startswith("[") and len(title) >= 1.4 * len("Preferences")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    app_language("qps-plocm")
    QApplication.processEvents()
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n._("Preferences").startswith("\u202e")


def test_the_tree_shows_article_titles_in_the_interface_language(app_language, temporary_catalogue, cluster1):
    temporary_catalogue("fr", {(ARTICLE_TITLE, "Use of terms"): "Terminologie"})
    app_language("fr")
    model = ProvisionTreeModel(cluster1, {"TIP"})
    assert model.index_for("UNTOC.2").data() == "Art. 2 Terminologie"
    assert "Terminologie" in model.index_for("UNTOC.2").data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize(
    ("pseudo", "direction"),
    [("qps-ploc", Qt.LayoutDirection.LeftToRight), ("qps-plocm", Qt.LayoutDirection.RightToLeft)],
)
def test_the_main_window_runs_in_the_pseudo_locales(qtbot, app_language, temp_settings, pseudo, direction):
    from untoc_desktop.ui.app import build_main_window

    app_language(pseudo)
    window = build_main_window([], temp_settings, interface_language=i18n.interface_language())
    qtbot.addWidget(window)
    window.show()
    assert window.layoutDirection() == direction
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus and all("[" in text for text in menus), menus
    window.close()
