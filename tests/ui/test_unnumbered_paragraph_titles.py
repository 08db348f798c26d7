"""The window names paragraphs without a number as such: headings, the tree, the missing list, screen readers."""

from __future__ import annotations

import pytest

from untoc_desktop.i18n import set_language
from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.ui.editor.accessible_names import paragraph_place
from untoc_desktop.ui.editor.paragraph_section import ParagraphSection
from untoc_desktop.ui.models.navigation import ProvisionTreeModel


@pytest.fixture
def cluster2():
    return load_installed_definition(2)


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("en")


def test_headings_and_screen_reader_places(qtbot, cluster2):
    single, chapeau = cluster2.paragraph("TIP.13.single"), cluster2.paragraph("FIREARMS.7.chapeau")
    for paragraph, heading in (
        (single, "On request, check within reasonable time documents issued in its name"),
        (chapeau, "Introductory words: Keep tracing information on firearms for at least ten years"),
    ):
        section = ParagraphSection(paragraph, True, built=False)
        qtbot.addWidget(section)
        assert section.heading.text() == heading
        assert section.accessibleName() == heading
    assert paragraph_place(single) == "article 13 (Trafficking in Persons Protocol)"
    assert paragraph_place(chapeau) == "introductory words, article 7 (Firearms Protocol)"


def test_in_french_too(qtbot, cluster2, french):
    section = ParagraphSection(cluster2.paragraph("FIREARMS.9.chapeau"), True, built=False)
    qtbot.addWidget(section)
    assert section.heading.text().startswith("Phrase introductive : ")
    assert paragraph_place(cluster2.paragraph("SOM.13.single")).startswith("texte de l’article 13 (")


def test_the_tree_shows_no_internal_reference(cluster2):
    model = ProvisionTreeModel(cluster2, frozenset({"TIP", "SOM", "FIREARMS"}))
    titles = []
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        titles.append(index.data())
        pending += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    assert "Introductory words: Keep tracing information on firearms for at least ten years" in titles
    assert "On request, check within reasonable time documents issued in its name" in titles
    assert not [title for title in titles if title.split()[0] in ("single", "chapeau")]
