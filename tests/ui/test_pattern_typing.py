"""A backtracking answer pattern in an imported definition never freezes the window (issue 9)."""

import time

import yaml

from untoc_desktop.questionnaire.loader import installed_definition_paths

PARAGRAPH = "UNTOC.5.1(a)"
PRACTICE = f"{PARAGRAPH}.practice"
#: With Python's backtracking re, checking the sentence below against this takes hours.
BACKTRACKING = r"^(\w+\s?)*$"


def test_typing_a_sentence_against_a_backtracking_pattern_keeps_the_window_responsive(
    qtbot, window, registry, tmp_path, draft_info
):
    path = next(p for p in installed_definition_paths() if p.name == "cluster1.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    data["version"] = "9.0.0"
    next(q for q in data["question_sets"]["obligation"] if q["key"] == "practice")["pattern"] = BACKTRACKING
    imported = tmp_path / "cluster1-strict.yaml"
    imported.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    registry.import_file(imported)
    assert window.create_draft(tmp_path / "strict.untoc", draft_info)
    assert window.session.definition.version == "9.0.0"
    window.draft_view.select(PARAGRAPH)
    block = window.draft_view.current_page().blocks[PRACTICE]

    started = time.monotonic()
    qtbot.keyClicks(block.field.editor, "Prosecutors rarely use the conspiracy offence in such cases!")
    qtbot.waitUntil(block.problem.isVisible, timeout=5000)

    assert time.monotonic() - started < 30  # a backtracking engine would still be running
    assert "does not match" in block.problem.text()
    assert block.field.editor.toPlainText().endswith("cases!")
