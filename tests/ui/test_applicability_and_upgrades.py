"""Protocol applicability by country, imported definitions and tables, upgrades, archived answers, cross-references."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.states_parties import shipped_table, user_table_path
from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog
from untoc_desktop.ui.editor.record_picker import RecordPicker

LAW = {"title": "Penal Code", "provision": "art. 12", "year": 2009, "link": ""}


def choose(dialog, english_name):
    iso3 = next(s.iso3 for s in shipped_table().states if s.name == english_name)
    index = next(i for i in range(dialog.country.count()) if dialog.country.itemData(i).iso3 == iso3)
    dialog.country.setCurrentIndex(index)


def test_certain_protocols_are_preselected_and_unknown_ones_must_be_confirmed(qtbot):
    dialog = NewDraftDialog([1])
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "Albania")
    assert all(box.checkState() == Qt.CheckState.Checked for box in dialog.protocols.values())
    assert dialog.choices.unconfirmed() == []
    assert "2014-07-10" in dialog.protocol_hint.text() and "confidence high" in dialog.protocol_hint.text()

    choose(dialog, "Afghanistan")  # FIREARMS is 'unknown' in the table
    assert dialog.protocols["TIP"].isChecked() and dialog.protocols["SOM"].isChecked()
    assert dialog.choices.unconfirmed() == ["FIREARMS"]
    assert dialog.choices.confirm_notes["FIREARMS"].isVisible()
    assert "not sure about: Firearms Protocol" in dialog.protocol_hint.text()
    dialog.organization.setText("Watch")
    dialog.author.setText("A. Writer")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Confirm whether the country is party to: Firearms Protocol" in dialog.problem.text()

    dialog.protocols["FIREARMS"].setChecked(False)
    assert dialog.choices.unconfirmed() == [] and not dialog.choices.confirm_notes["FIREARMS"].isVisible()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_click_on_an_unconfirmed_protocol_decides_it(qtbot):
    dialog = NewDraftDialog([1])
    qtbot.addWidget(dialog)
    choose(dialog, "Afghanistan")
    box = dialog.protocols["FIREARMS"]
    box.click()
    assert box.checkState() == Qt.CheckState.Checked and not box.isTristate()
    box.click()
    assert box.checkState() == Qt.CheckState.Unchecked


def test_the_choice_and_overrides_are_recorded_in_the_draft(qtbot, full_window, tmp_path, monkeypatch):
    def fill(dialog):
        dialog.organization.setText("Justice Watch")
        choose(dialog, "Afghanistan")
        dialog.protocols["TIP"].setChecked(False)  # the user overrides the table
        dialog.protocols["FIREARMS"].setChecked(True)  # and confirms what the table does not know
        dialog.author.setText("R. Writer")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewDraftDialog, "exec", fill)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "afg"), "")))
    assert full_window.new_draft()

    with Draft.open(tmp_path / "afg.untoc") as draft:
        recorded = draft.property("applicability")
        assert draft.info.protocols == frozenset({"SOM", "FIREARMS"})
    assert recorded["SOM"] == {
        "party": True,
        "source": "table",
        "source_date": "2014-01-27",
        "origin": "states-parties.csv (shipped)",
        "confidence": "medium",
        "source_url": recorded["SOM"]["source_url"],
    }
    assert (recorded["TIP"]["party"], recorded["TIP"]["source"]) == (False, "user")
    assert (recorded["FIREARMS"]["party"], recorded["FIREARMS"]["source"]) == (True, "user")

    def details(dialog):
        assert "Trafficking in Persons Protocol: recorded as chosen by the user." in dialog.protocol_hint.text()
        assert "Smuggling of Migrants Protocol: recorded from the table" in dialog.protocol_hint.text()
        assert not dialog.protocols["TIP"].isChecked()
        dialog.protocols["TIP"].setChecked(True)  # back to what the table says
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewDraftDialog, "exec", details)
    full_window.details_action.trigger()
    assert full_window.session.draft.property("applicability")["TIP"]["source"] == "table"
    assert "TIP" in full_window.session.info.protocols


def test_an_imported_states_parties_table_is_used_for_new_choices(qtbot, full_window, tmp_path, message_boxes):
    bad = tmp_path / "bad.csv"
    bad.write_text("iso3,name\nAFG,Afghanistan\n", "utf-8")
    assert full_window.questionnaire.import_table(bad) is None
    assert message_boxes.shown[-1][0] == "warning" and "bad.csv" in message_boxes.shown[-1][2]
    assert not user_table_path().exists()

    newer = tmp_path / "newer.csv"
    newer.write_text(
        "iso3,name,untoc,tip,som,firearms,source_date,source_url,confidence\n"
        "AFG,Afghanistan,2003-09-24,2014-08-14,party,2030-01-01,2099-01-01,https://example.org/t,high\n",
        "utf-8",
    )
    assert full_window.questionnaire.import_table(newer) is not None
    assert user_table_path().is_file() and "sources up to 2099-01-01" in message_boxes.texts()[-1]
    dialog = NewDraftDialog([1], table=full_window.questionnaire.states_table)
    qtbot.addWidget(dialog)
    assert dialog.country.count() == 1
    dialog.country.setCurrentIndex(0)
    assert dialog.choices.unconfirmed() == [] and dialog.protocols["FIREARMS"].isChecked()
    assert "2099-01-01" in dialog.protocol_hint.text()


def test_a_bad_definition_file_is_refused_with_its_problem(full_window, tmp_path, message_boxes, registry):
    bad = tmp_path / "broken.yaml"
    bad.write_text("id: x\nversion: one\n", "utf-8")
    assert full_window.questionnaire.import_definition(bad) is None
    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning" and title == "The questionnaire definition was not imported"
    assert "broken.yaml" in text and "Traceback" not in text
    assert not registry.user_folder.exists() or not list(registry.user_folder.glob("*.yaml"))


def newer_cluster1(tmp_path, cluster1):
    """A copy of cluster 1 under version 2.1.0 (an organisation's corrected release)."""
    text = open(cluster1.path, encoding="utf-8").read().replace("version: 2.0.0", "version: 2.1.0", 1)
    path = tmp_path / "cluster1-2.1.0.yaml"
    path.write_text(text, "utf-8")
    return path


def test_importing_a_newer_definition_offers_to_reopen_the_draft(
    full_window, tmp_path, draft_info, cluster1, message_boxes
):
    assert full_window.create_draft(tmp_path / "v.untoc", draft_info)
    message_boxes.answer = QMessageBox.StandardButton.Yes
    definition = full_window.questionnaire.import_definition(newer_cluster1(tmp_path, cluster1))
    assert (definition.id, definition.version) == ("untoc-cluster-1", "2.1.0")
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "Imported “untoc-cluster-1” version 2.1.0 for cluster 1" in text
    assert "Reopen it under version 2.1.0" in text
    assert full_window.session.definition.version == "2.1.0"
    assert full_window.session.info.definition_version == "2.1.0"


def old_draft_with_removed_question(tmp_path, draft_info):
    path = tmp_path / "old.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer("UNTOC.5.1(a)(i).practice", "kept")
        draft.set_answer("UNTOC.5.1(a)(i).old_question", "an answer to a question no longer asked")
        draft.set_answer("UNTOC.5.1(a)(i).legislation", [LAW])
        draft.update_info(definition_version="0.9.0")
    return path


def test_an_upgraded_draft_reports_what_changed_and_shows_archived_answers(qtbot, full_window, tmp_path, draft_info):
    assert full_window.open_draft(old_draft_with_removed_question(tmp_path, draft_info))

    report = full_window.questionnaire.upgrade_report
    assert report is not None and report.isVisible()
    assert "version 0.9.0" in report.summary.text() and "1 kept as archived answers" in report.summary.text()
    assert "Archived (question removed): UNTOC.5.1(a)(i).old_question" in report.details.toPlainText()
    report.close()

    view = full_window.draft_view
    node = view.model.index_for("archived")
    assert node.isValid() and node.data() == "Archived answers"
    view.filter_box.choose("mandatory")
    assert view.model.index_for("archived").isValid()  # never hidden by the filter
    view.tree.setCurrentIndex(view.model.index_for("archived"))
    page = view.pages.currentWidget()
    assert page is view.archived_page
    assert page.rows() == [("UNTOC.5.1(a)(i).old_question", "an answer to a question no longer asked")]
    assert stored(full_window.session.path, "UNTOC.5.1(a)(i).old_question")  # kept in the file


def test_archived_answers_are_exported_only_when_asked(qtbot, full_window, tmp_path, draft_info):
    calls = []

    def export(definition, info, answers, out_path, fmt, **kwargs):
        calls.append(kwargs.get("archived"))
        out_path.write_bytes(b"x")
        return out_path

    full_window.exporter.export_function = export
    assert full_window.open_draft(old_draft_with_removed_question(tmp_path, draft_info))
    for include in (False, True):
        full_window.questionnaire.include_archived_action.setChecked(include)
        operation = full_window.start_export(tmp_path / f"out{include}.docx", "docx")
        qtbot.waitUntil(lambda: full_window.export_operation is None, timeout=5000)
        assert operation is not None
    assert calls == [None, {"UNTOC.5.1(a)(i).old_question": "an answer to a question no longer asked"}]


def test_no_report_when_a_draft_opens_without_changes(full_window, tmp_path, draft_info):
    path = tmp_path / "same.untoc"
    Draft.create(path, draft_info).close()
    assert full_window.open_draft(path)
    assert full_window.questionnaire.upgrade_report is None
    assert not full_window.draft_view.model.index_for("archived").isValid()


def test_inserting_an_existing_law_copies_it_and_it_is_saved(qtbot, window, draft_path, monkeypatch):
    window.session.set_answer(window.session.definition.question("UNTOC.5.1(a)(i).legislation"), [LAW])
    target = "UNTOC.6.1(a)(i).legislation"
    window.draft_view.focus_question(target)
    field = window.draft_view.current_page().blocks[target].field
    assert field.insert_button is not None and field.insert_button.text() == "Insert existing…"

    def pick(picker):
        assert picker.list.count() == 1 and picker.list.item(0).text() == "Penal Code, art. 12, 2009"
        picker.search.setText("penal")
        picker.accept()
        return picker.result()

    monkeypatch.setattr(RecordPicker, "exec", pick)
    qtbot.mouseClick(field.insert_button, Qt.MouseButton.LeftButton)

    assert field.table.rowCount() == 1 and field.table.item(0, 0).text() == "Penal Code"
    # stored as a record of its own (a new row_id: merging colleagues' copies matches records by it)
    qtbot.waitUntil(
        lambda: [{k: v for k, v in r.items() if k != "row_id"} for r in stored(draft_path, target) or []] == [LAW],
        timeout=3000,
    )
    assert stored(draft_path, target)[0]["row_id"]


def test_record_picker_filters_as_the_user_types(qtbot):
    picker = RecordPicker(
        [LAW, {"title": "Organised Crime Act", "provision": "", "year": None, "link": ""}], "citations"
    )
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "crime")
    assert picker.chosen()["title"] == "Organised Crime Act"
    qtbot.keyClicks(picker.search, "zzz")
    assert picker.chosen() is None
