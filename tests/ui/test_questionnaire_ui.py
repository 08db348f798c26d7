"""The whole questionnaire in the window: all four clusters, provisional marks, obligation filter, new types."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from ui_helpers import stored

from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog


@pytest.mark.parametrize("cluster", [2, 3, 4])
def test_provisional_clusters_say_so_once_with_a_way_to_import_a_correction(full_window, tmp_path, draft_info, cluster):
    assert full_window.create_draft(tmp_path / f"c{cluster}.untoc", replace(draft_info, cluster=cluster))

    definition = full_window.session.definition
    assert definition.cluster == cluster and definition.provisional
    banner = full_window.draft_view.provisional_banner
    assert banner is not None and banner.isVisible()
    assert banner.message.text() == "The list of articles for this cluster is provisional."
    assert banner.import_button.text() == "Import a corrected definition…"
    # not repeated on each page, and no research notes in the form itself
    page = full_window.draft_view.current_page()
    visible = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert not any(
        "provisional" in text.lower() or "cluster_questionnaire" in text or "Evidence" in text for text in visible
    )


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


def test_research_notes_are_only_in_the_collapsed_details_pane(qtbot, full_window, tmp_path, draft_info):
    assert full_window.create_draft(tmp_path / "c2.untoc", replace(draft_info, cluster=2))
    view = full_window.draft_view
    view.select("UNTOC.26")
    page = view.current_page()
    article = page.article
    assert article.cluster_confidence == "low" and article.cluster_note
    assert page.details is not None and not page.details.isVisible()
    assert article.cluster_note in page.details.text() and "low (plausible only)" in page.details.text()
    assert not view.model.index_for("UNTOC.26").data().endswith("†")  # membership is said once, in the banner
    page.details_button.click()
    qtbot.waitUntil(page.details.isVisible, timeout=1000)


def test_the_page_shows_each_paragraphs_class_in_plain_words(qtbot, full_window, tmp_path, draft_info):
    assert full_window.create_draft(tmp_path / "c2.untoc", replace(draft_info, cluster=2))
    view = full_window.draft_view
    view.select("UNTOC.24")
    sections = view.current_page().sections
    assert sections["UNTOC.24.1"].facts.text() == "Obligation: must, with a qualifier"
    assert sections["UNTOC.24.2(a)"].facts.text() == "Obligation: may"
    assert sections["UNTOC.24.3"].facts.text() == "Obligation: must consider"
    assert sections["UNTOC.24.4"].facts.text() == "Obligation: must"
    view.select("TIP.8")
    saving = view.current_page().sections["TIP.8.5"]  # victims' rights under domestic law: a saving clause
    assert saving.objectName() == "contextParagraph" and not saving.blocks
    assert saving.facts.text() == "Obligation: no obligation"
    assert view.model.index_for("TIP.8.5", 1).data() == "—"


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
    assert view.model.index_for("UNTOC.10.1").isValid() and not view.model.index_for("UNTOC.2.(a)").isValid()

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
    from untoc_desktop.ui.editor.answer_fields import answer_field_for

    for cluster in (1, 2, 3, 4):
        types = {q.type: q for q in load_installed_definition(cluster).questions()}
        for question in types.values():
            field = answer_field_for(question)
            field.set_value(None)
            field.deleteLater()


@pytest.mark.parametrize("level", ["", "mandatory", "consider", "definition", "saving"])
def test_the_filtered_tree_is_a_well_behaved_qt_model(qtmodeltester, window, draft_path, level):
    window.draft_view.model.set_level(level)
    qtmodeltester.check(window.draft_view.model)


def test_with_the_filter_on_article_counts_cover_only_the_paragraphs_shown(qtbot, window, draft_path):
    view = window.draft_view
    counts = lambda provision_id: view.model.index_for(provision_id, 1).data()  # noqa: E731
    assert counts("UNTOC.8") == "0/5"  # one main answer for each of 1(a), 1(b), 2, 3 and 4
    view.filter_box.choose("definition")
    assert counts("UNTOC.8") == "0/1"  # only 8(4), the meaning of "public official"
    view.filter_box.choose("consider")
    assert counts("UNTOC.8") == "0/1"  # only 8(2)
    assert "Counting only: must consider" in view.model.index_for("UNTOC.8").data(Qt.ItemDataRole.ToolTipRole)
    view.filter_box.choose("saving")
    assert counts("UNTOC.10") == "—" and counts("UNTOC.10.3") == "—"  # shown for context, never missing
    assert window.summary.text() == window.session.report.summary()  # the draft's total is unchanged
    view.filter_box.choose("")
    assert counts("UNTOC.8") == "0/5"


def test_the_filter_lists_the_six_classes_in_plain_words(window, draft_path):
    box = window.draft_view.filter_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "All provisions",
        "Only “must”",
        "Only “must, with a qualifier”",
        "Only “must consider”",
        "Only “may”",
        "Only “definition”",
        "Only “no obligation”",
    ]
