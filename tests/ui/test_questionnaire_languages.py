"""The questionnaire in the interface language, as the user meets it in the window (issue 14).

With a French, Arabic or Chinese interface, the page of UNTOC article 5 shows its questions, help
texts, choices and headings as the catalogue translates them, and the tree the official article
titles; the draft still stores answers under the English-keyed ids. An English interface is unchanged.
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from ui_helpers import stored

from untoc_desktop import i18n
from untoc_desktop.questionnaire import display

PARAGRAPH = "UNTOC.5.1(a)"
STATUS = f"{PARAGRAPH}.status"
PRACTICE = f"{PARAGRAPH}.practice"
CONSIDERATION = "UNTOC.8.2.consideration"  # a choice question with declared options


def _catalogue(language):
    with (i18n.TRANSLATIONS_DIR / language / "LC_MESSAGES" / "untoc_desktop.po").open("rb") as handle:
        return read_po(handle)


def _translated(catalogue, english, context=None):
    message = catalogue.get(english, context=context)
    assert message is not None and message.string, (context, english)
    return message.string


@pytest.fixture(params=["fr", "ar", "zh"])
def language(request):
    """The interface language, set before the window is built and English again afterwards."""
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def localized(language, request):
    """(language, catalogue, window with a draft open) in that interface language."""
    request.getfixturevalue("draft_path")
    return language, _catalogue(language), request.getfixturevalue("window")


def _combo_texts(combo):
    return [combo.itemText(i) for i in range(1, combo.count())]  # after "— choose —"


def test_article_page_shows_questions_help_and_headings_in_the_interface_language(qtbot, localized):
    language, catalogue, window = localized
    definition = window.session.definition
    window.draft_view.select(PARAGRAPH)
    page = window.draft_view.current_page()
    assert page.article.id == "UNTOC.5"

    status = definition.question(STATUS)
    block = page.blocks[STATUS]
    assert block.title.text() == _translated(catalogue, status.label)
    assert block.help.text() == _translated(catalogue, status.help)
    assert block.field.toolTip() == _translated(catalogue, status.help)
    assert block.title.text() != status.label
    # the name says what (the translated question) and where (issue 14: paragraph and article)
    assert block.field.combo.accessibleName().startswith(block.title.text())
    assert block.field.combo.accessibleName() != block.title.text()
    practice = definition.question(PRACTICE)
    assert page.blocks[PRACTICE].title.text() == _translated(catalogue, practice.label)
    assert page.blocks[PRACTICE].help.text() == _translated(catalogue, practice.help)

    assert _combo_texts(block.field.combo) == [
        _translated(catalogue, english)
        for english in ("Fully implemented", "Partly implemented", "Not implemented", "Unknown")
    ]

    paragraph = definition.paragraph(PARAGRAPH)
    heading = page.sections[PARAGRAPH].heading.text()
    assert heading == _translated(catalogue, "Paragraph {ref}: {label}").format(
        ref=display.paragraph_ref(paragraph), label=_translated(catalogue, paragraph.label)
    )
    article = page.article
    labels = [label.text() for label in page.widget().findChildren(type(block.title))]
    assert (
        _translated(catalogue, "Article {number}. {title}").format(
            number=5, title=_translated(catalogue, article.title, "article title")
        )
        in labels
    )
    untoc = definition.instrument("UNTOC")
    assert _translated(catalogue, untoc.title, "instrument title") in labels
    assert article.title not in " ".join(labels)


def test_choosing_a_translated_status_stores_its_key(qtbot, localized):
    _language, catalogue, window = localized
    window.draft_view.select(PARAGRAPH)
    combo = window.draft_view.current_page().blocks[STATUS].field.combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findText(_translated(catalogue, "Partly implemented")))
    window.autosave.flush()
    assert stored(window.session.draft.path, STATUS) == "partly"


def test_choice_question_offers_its_options_in_the_interface_language(qtbot, localized):
    _language, catalogue, window = localized
    question = window.session.definition.question(CONSIDERATION)
    window.draft_view.select(question.paragraph_id)
    block = window.draft_view.current_page().blocks[CONSIDERATION]
    assert _combo_texts(block.field.combo) == [_translated(catalogue, o.label) for o in question.options]
    assert [block.field.combo.itemData(i) for i in range(1, block.field.combo.count())] == [
        o.value for o in question.options
    ]
    assert block.title.text() == _translated(catalogue, question.label)


def test_tree_and_completeness_panel_show_translated_titles_and_questions(qtbot, localized):
    _language, catalogue, window = localized
    definition = window.session.definition
    model = window.draft_view.model
    article = next(a for a in definition.articles() if a.id == "UNTOC.5")
    title = _translated(catalogue, article.title, "article title")
    assert model.index_for("UNTOC.5").data() == _translated(catalogue, "Art. {number} {title}").format(
        number=5, title=title
    )
    assert title in model.index_for("UNTOC.5").data(Qt.ItemDataRole.ToolTipRole)
    untoc_title = _translated(catalogue, definition.instrument("UNTOC").title, "instrument title")
    assert untoc_title in model.index_for("UNTOC").data(Qt.ItemDataRole.ToolTipRole)
    paragraph = definition.paragraph(PARAGRAPH)
    assert model.index_for(PARAGRAPH).data() == _translated(catalogue, "{ref} {label}").format(
        ref=display.paragraph_ref(paragraph), label=_translated(catalogue, paragraph.label)
    )

    rows = {item.data(0, Qt.ItemDataRole.UserRole + 1): item for item in window.completeness.question_items()}
    assert rows[STATUS].text(1) == _translated(catalogue, definition.question(STATUS).label)
    assert _translated(catalogue, paragraph.label) in rows[STATUS].text(0)


def test_english_interface_shows_the_definition_wording(qtbot, window, draft_path):
    assert i18n.interface_language() == "en"
    definition = window.session.definition
    window.draft_view.select(PARAGRAPH)
    page = window.draft_view.current_page()
    status = definition.question(STATUS)
    assert page.blocks[STATUS].title.text() == status.label
    assert page.blocks[STATUS].help.text() == status.help
    assert _combo_texts(page.blocks[STATUS].field.combo) == [
        "Fully implemented",
        "Partly implemented",
        "Not implemented",
        "Unknown",
    ]
    article = next(a for a in definition.articles() if a.id == "UNTOC.5")
    assert window.draft_view.model.index_for("UNTOC.5").data() == f"Art. 5 {article.title}"
    paragraph = definition.paragraph(PARAGRAPH)
    assert page.sections[PARAGRAPH].heading.text() == f"Paragraph {paragraph.ref}: {paragraph.label}"


def test_question_help_and_new_draft_dialog_use_the_interface_language(qtbot, language, cluster1):
    from untoc_desktop.questionnaire import display
    from untoc_desktop.ui.dialogs.help_dialogs import question_help_html
    from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog

    catalogue = _catalogue(language)
    question = cluster1.question(STATUS)
    help_html = question_help_html(cluster1, question)
    for english in (question.label, cluster1.paragraph(PARAGRAPH).label):
        assert _translated(catalogue, english) in help_html
    dialog = NewDraftDialog([1], cluster_titles={1: display.cluster_title(cluster1)})
    qtbot.addWidget(dialog)
    assert dialog.cluster.itemData(0, Qt.ItemDataRole.ToolTipRole) == _translated(catalogue, cluster1.title)
