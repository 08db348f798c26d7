"""The navigation tree model alone and in the window: structure, badges, Protocols not party to."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from untoc_desktop.ui.models.navigation import ProvisionRole, ProvisionTreeModel
from untoc_desktop.validation import check_completeness


def test_model_passes_qt_model_tester(qtmodeltester, cluster1):
    model = ProvisionTreeModel(cluster1, {"TIP"})
    model.set_report(check_completeness(cluster1, {}, {"TIP"}))
    qtmodeltester.check(model, force_py=True)


def test_tree_has_instruments_articles_and_paragraphs_with_badges(cluster1):
    model = ProvisionTreeModel(cluster1, {"TIP", "SOM"})
    answers = {"UNTOC.5.1(a).status": "fully"}
    model.set_report(check_completeness(cluster1, answers, {"TIP", "SOM"}))

    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Convention",
        "Trafficking in Persons Protocol",
        "Smuggling of Migrants Protocol",
        "Firearms Protocol",
    ]
    article = model.index_for("UNTOC.5")
    assert article.data().startswith("Art. 5 Criminalization of participation")
    assert model.parent(article).data() == "Convention"
    paragraph = model.index_for("UNTOC.5.1(a)")
    assert model.parent(paragraph) == article
    assert paragraph.data(ProvisionRole.KIND) == "paragraph"
    # status fully -> legislation becomes required and is missing: 1 of 2
    assert model.index_for("UNTOC.5.1(a)", 1).data() == "1/2"
    assert model.index_for("UNTOC.2.(a)", 1).data() == "0/1"


def test_protocol_not_party_to_is_greyed_and_not_applicable(qtbot, window, draft_path):
    model = window.draft_view.model
    firearms = model.index_for("FIREARMS")
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert firearms.data(Qt.ItemDataRole.ForegroundRole).color() == grey
    assert model.index_for("FIREARMS.5.1(a)", 1).data() == "n/a"
    assert model.index_for("FIREARMS.5.1(a)").data(ProvisionRole.APPLICABLE) is False
    assert "Not applicable" in firearms.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_for("TIP.5.1").data(Qt.ItemDataRole.ForegroundRole) is None

    window.draft_view.select("FIREARMS.5.1(a)")
    page = window.draft_view.current_page()
    section = page.sections["FIREARMS.5.1(a)"]
    assert section.not_applicable.isVisible()
    assert section.not_applicable.text() == "The State party is not party to this Protocol; not required."
    assert not section.blocks["FIREARMS.5.1(a).practice"].isEnabled()
    assert not section.blocks["FIREARMS.5.1(a).status"].marker.isVisible()
    assert not any(
        qid.startswith("FIREARMS")
        for qid in (i.data(0, Qt.ItemDataRole.UserRole + 1) for i in window.completeness.question_items())
    )


def test_clicking_a_paragraph_scrolls_its_article_page_to_it(qtbot, window, draft_path):
    tree = window.draft_view.tree
    index = window.draft_view.model.index_for("UNTOC.5.3")
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())

    page = window.draft_view.current_page()
    assert page.article.id == "UNTOC.5"
    section = page.sections["UNTOC.5.3"]
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0, timeout=1000)
    top = section.mapTo(page.widget(), section.rect().topLeft()).y()
    assert (
        abs(page.verticalScrollBar().value() - top) <= 12
        or page.verticalScrollBar().value() == page.verticalScrollBar().maximum()
    )
    assert not section.visibleRegion().isEmpty()


def test_a_saved_answer_repaints_only_its_paragraph_article_and_instrument(cluster1):
    model = ProvisionTreeModel(cluster1, {"TIP"})
    model.set_report(check_completeness(cluster1, {}, {"TIP"}))
    announced: list[tuple[str, int, int]] = []
    model.dataChanged.connect(
        lambda first, last: announced.append((first.data(ProvisionRole.ID), first.column(), last.column()))
    )
    model.set_report(check_completeness(cluster1, {"UNTOC.5.1(a).status": "fully"}, {"TIP"}))
    assert sorted(announced) == [("UNTOC", 0, 1), ("UNTOC.5", 0, 1), ("UNTOC.5.1(a)", 0, 1)]
    assert model.index_for("UNTOC.5.1(a)", 1).data() == "1/2"
    announced.clear()
    model.set_report(check_completeness(cluster1, {"UNTOC.5.1(a).status": "fully"}, {"TIP"}))
    assert announced == []  # nothing changed, nothing repainted
