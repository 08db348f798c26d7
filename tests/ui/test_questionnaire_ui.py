"""The whole questionnaire in the window: all four clusters, provisional marks, obligation filter, new types."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.ui.new_draft_dialog import NewDraftDialog

from ui_helpers import stored


@pytest.mark.parametrize("cluster", [2, 3, 4])
def test_provisional_clusters_can_be_drafted_and_say_so_in_the_article_header(full_window, tmp_path, draft_info,
                                                                                  cluster):
    assert full_window.create_draft(tmp_path / f"c{cluster}.untoc", replace(draft_info, cluster=cluster))

    definition = full_window.session.definition
    assert definition.cluster == cluster and definition.provisional
    page = full_window.draft_view.current_page()
    assert page.provisional is not None and page.provisional.isVisible()
    assert page.provisional.text().startswith("Provisional article list: ")
    assert definition.provisional_note.strip()[:40] in page.provisional.text()


def test_new_draft_offers_every_cluster_and_notes_the_provisional_ones(qtbot, full_window):
    dialog = NewDraftDialog([1, 2, 3, 4], provisional_notes=full_window._provisional_notes())
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.cluster.model()
    assert all(model.item(row).isEnabled() for row in range(4))
    assert dialog.cluster.itemText(0) == "Cluster 1" and not dialog.cluster_note.isVisible()
    assert dialog.cluster.itemText(2) == "Cluster 3 (provisional article list)"
    dialog.cluster.setCurrentIndex(2)
    assert dialog.cluster_note.isVisible() and "provisional" in dialog.cluster_note.text().lower()


def test_unverified_provisions_are_marked_in_the_tree_and_on_the_page(window, draft_path):
    model = window.draft_view.model
    assert model.index_for("SOM.6").data().endswith(" †")
    assert "Provisional" in model.index_for("SOM.6").data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index_for("UNTOC.5").data().endswith("†")
    window.draft_view.select("SOM.6")
    assert "not yet verified" in window.draft_view.current_page().provisional.text()


def test_obligation_filter_hides_other_paragraphs_but_not_from_completeness(qtbot, window, draft_path):
    view = window.draft_view
    summary = window.summary.text()
    assert view.model.index_for("UNTOC.5.1(a)(i)").isValid() and view.model.index_for("UNTOC.2.(a)").isValid()

    view.filter_box.choose("definition")

    assert view.model.index_for("UNTOC.2.(a)").isValid()
    assert view.model.index_for("UNTOC.2").isValid()  # its article stays, to hold it
    assert not view.model.index_for("UNTOC.5.1(a)(i)").isValid()
    assert not view.model.index_for("UNTOC.5").isValid()  # no definitions under article 5
    assert window.summary.text() == summary
    shown = [view.model.index(0, 0, view.model.index_for("UNTOC.2")).data(Qt.ItemDataRole.UserRole + 5)]
    assert shown == ["definition"]

    view.filter_box.choose("qualified")
    assert view.model.index_for("UNTOC.10.2").isValid() and not view.model.index_for("UNTOC.2.(a)").isValid()

    view.select("UNTOC.5.1(a)(i)")  # going somewhere the filter hides clears the filter
    assert view.filter_box.currentData() == "" and view.current_page().article.id == "UNTOC.5"


def test_number_with_unit_and_bounds_saves_valid_values_only(qtbot, window, draft_path):
    qid = "UNTOC.2.(b).max_penalty_years"
    window.draft_view.focus_question(qid)
    block = window.draft_view.current_page().blocks[qid]
    assert block.help.text().startswith("Give the maximum term")
    field = block.field
    qtbot.keyClicks(field.line, "400")
    qtbot.waitUntil(lambda: block.problem.isVisible(), timeout=2000)
    assert "between 0" in block.problem.text() and stored(draft_path, qid) is None
    field.line.clear()
    qtbot.keyClicks(field.line, "4")
    qtbot.waitUntil(lambda: stored(draft_path, qid) == 4, timeout=2000)
    assert not block.problem.isVisible()


def test_multi_choice_yes_no_and_date_save_valid_values(qtbot, window, draft_path):
    view = window.draft_view
    kinds = "UNTOC.10.2.liability_kinds"
    view.focus_question(kinds)
    boxes = view.current_page().blocks[kinds].field.boxes
    boxes["civil"].click()
    boxes["criminal"].click()
    qtbot.waitUntil(lambda: stored(draft_path, kinds) is not None, timeout=2000)
    assert stored(draft_path, kinds) == ["criminal", "civil"]

    yes_no = "UNTOC.15.3.extradites_nationals"
    view.focus_question(yes_no)
    combo = view.current_page().blocks[yes_no].field.combo
    combo.setCurrentIndex(combo.findData("yes_in_part"))
    qtbot.waitUntil(lambda: stored(draft_path, yes_no) == "yes_in_part", timeout=2000)

    in_force = "TIP.5.1.offence_in_force"
    view.focus_question(in_force)
    block = view.current_page().blocks[in_force]
    qtbot.keyClicks(block.field.line, "2010-02-30")
    qtbot.waitUntil(lambda: block.problem.isVisible(), timeout=2000)
    block.field.line.clear()
    qtbot.keyClicks(block.field.line, "2010-02-28")
    qtbot.waitUntil(lambda: stored(draft_path, in_force) == "2010-02-28", timeout=2000)


def test_relevant_when_shows_the_details_question_live(qtbot, window, draft_path):
    view = window.draft_view
    view.focus_question("SOM.5.5.migrant_treatment")
    page = view.current_page()
    details = page.blocks["SOM.5.5.migrant_treatment_details"]
    combo = page.blocks["SOM.5.5.migrant_treatment"].field.combo
    assert not details.isVisible()
    combo.setCurrentIndex(combo.findData("routinely_prosecuted"))
    qtbot.waitUntil(details.isVisible, timeout=2000)
    assert details.marker.isVisible() and "not answered" in details.marker.text()
    combo.setCurrentIndex(combo.findData("not_prosecuted"))
    qtbot.waitUntil(lambda: not details.isVisible(), timeout=2000)
    assert stored(draft_path, "SOM.5.5.migrant_treatment") == "not_prosecuted"


def test_every_question_type_of_every_cluster_gets_an_input(window, draft_path):
    from untoc_desktop.ui.answer_widgets import answer_field_for

    for cluster in (1, 2, 3, 4):
        types = {q.type: q for q in load_installed_definition(cluster).questions()}
        for question in types.values():
            field = answer_field_for(question)
            field.set_value(None)
            field.deleteLater()


@pytest.mark.parametrize("level", ["", "mandatory", "definition", "unclassified"])
def test_the_filtered_tree_is_a_well_behaved_qt_model(qtmodeltester, window, draft_path, level):
    window.draft_view.model.set_level(level)
    qtmodeltester.check(window.draft_view.model)
