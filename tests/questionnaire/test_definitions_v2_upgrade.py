"""Drafts written against the 1.0.0 definitions (today's release) open under the 2.0.0 definitions.

Not a word is lost.

The fixture drafts were made by ``tests/fixtures/drafts/make_definitions_v1_drafts.py`` with the 1.0.0 code.
"""

import json
import shutil
from pathlib import Path

import pytest

from untoc_desktop.draft import Draft
from untoc_desktop.opening import open_draft
from untoc_desktop.questionnaire.registry import DefinitionRegistry
from untoc_desktop.questionnaire.upgrade import archived_answers

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "drafts"
SOM_2B = "SOM.6.2(b) for 1(a), 1(b)(i), 1(c)"
SOM_3 = "SOM.6.3 for 1(a), 1(b)(i), 1(c)"


def _open_fixture(tmp_path, name):
    path = tmp_path / name
    shutil.copy2(FIXTURES / name, path)
    old = json.loads((FIXTURES / f"{name}.answers.json").read_text("utf-8"))
    with Draft.open(path, read_only=True) as draft:
        assert draft.answers() == old and draft.info.definition_version == "1.0.0"
    return path, old, open_draft(path, DefinitionRegistry(tmp_path / "user"))


def _no_word_lost(old, new):
    kept = [json.dumps(v, sort_keys=True) for v in new.values()]
    for question_id, value in old.items():
        assert json.dumps(value, sort_keys=True) in kept, question_id


def test_cluster2_whole_article_answers_move_to_the_first_paragraph(tmp_path):
    path, old, opened = _open_fixture(tmp_path, "definitions-v1-cluster2.untoc")
    try:
        assert opened.upgraded_from == "1.0.0" and opened.definition.version == "2.0.0"
        answers = opened.draft.answers()
        _no_word_lost(old, answers)
        for key in ("status", "legislation", "practice", "challenges", "assistance", "sources"):
            assert answers[f"UNTOC.24.1.{key}"] == old[f"UNTOC.24.all.{key}"]
            assert f"UNTOC.24.all.{key}" not in answers
        assert answers["UNTOC.25.1.status"] == "not_implemented"
        assert answers["SOM.16.1.cases"] == old["SOM.16.all.cases"]
        # UNTOC 28 is "must consider" throughout: texts move, the implementation status has no place and is archived
        assert answers["UNTOC.28.1.practice"] == old["UNTOC.28.all.practice"]
        assert answers["FIREARMS.15.1(a)-(c).statistics"] == old["FIREARMS.15.all.statistics"]
        # TIP 6(3) became 3(a)-(d), "must consider"
        assert answers["TIP.6.3(a)-(d).practice"] == old["TIP.6.3.practice"]
        assert answers["TIP.6.3(a)-(d).challenges"] == old["TIP.6.3.challenges"]
        assert answers["TIP.6.2(a).language_support"] == "yes_in_part"
        archived = archived_answers(opened.definition, answers)
        assert set(archived) == {"UNTOC.28.all.status", "FIREARMS.15.all.status", "TIP.6.3.status"}
        report = "\n".join(opened.carry_over.describe())
        assert "Moved: UNTOC.24.all.status -> UNTOC.24.1.status" in report
        assert (
            "Archived (the article is now asked paragraph by paragraph and none of its paragraphs asks this "
            "question): UNTOC.28.all.status"
        ) in report
        assert (
            "Archived (the paragraph is now TIP.6.3(a)-(d), classed as 'consider', which asks other questions): "
            "TIP.6.3.status"
        ) in report
        assert opened.draft.history("UNTOC.24.all.practice")[-1].previous_value == old["UNTOC.24.all.practice"]
    finally:
        opened.draft.close()
    reopened = open_draft(path, DefinitionRegistry(tmp_path / "user"))
    try:
        assert not reopened.upgraded_from and reopened.draft.answers() == answers
    finally:
        reopened.draft.close()


def test_cluster1_split_rows_keep_their_answers_on_the_part_with_the_old_meaning(tmp_path):
    _path, old, opened = _open_fixture(tmp_path, "definitions-v1-cluster1.untoc")
    try:
        answers = opened.draft.answers()
        _no_word_lost(old, answers)
        for key in ("status", "practice", "challenges"):
            assert answers[f"{SOM_2B}.{key}"] == old[f"SOM.6.2(b).{key}"]
        assert opened.definition.paragraph(SOM_2B).obligation == "mandatory"
        assert not any(k.startswith("SOM.6.2(b) for 1(b)(ii)") for k in answers)
        assert answers[f"{SOM_3}.status"] == "not_implemented"
        assert answers[f"{SOM_3}.challenges"] == old["SOM.6.3.challenges"]
        assert answers["FIREARMS.5.2(b).status"] == "partly"  # now "must": same questions
        assert answers["UNTOC.10.2.liability_kinds"] == ["criminal", "administrative"]
        assert answers["UNTOC.8.2.practice"] == old["UNTOC.8.2.practice"]  # now "must consider"
        archived = archived_answers(opened.definition, answers)
        assert set(archived) == {
            "SOM.6.4.status",
            "SOM.6.4.practice",
            "UNTOC.10.3.status",
            "UNTOC.10.3.practice",
            "UNTOC.15.6.status",
            "UNTOC.8.2.status",
        }
        report = opened.carry_over.describe()
        assert (
            "Archived (the paragraph creates no obligation and no longer asks questions): UNTOC.10.3.status" in report
        )
    finally:
        opened.draft.close()


@pytest.mark.parametrize("name", ["definitions-v1-cluster1.untoc", "definitions-v1-cluster2.untoc"])
def test_a_read_only_old_draft_is_shown_through_the_plan_and_not_written(tmp_path, name):
    path = tmp_path / name
    shutil.copy2(FIXTURES / name, path)
    before = path.read_bytes()
    opened = open_draft(path, DefinitionRegistry(tmp_path / "user"), read_only=True)
    try:
        assert opened.carry_over.moved and opened.draft.info.definition_version == "1.0.0"
    finally:
        opened.draft.close()
    assert path.read_bytes() == before
