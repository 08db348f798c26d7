import yaml

from untoc_desktop.draft import Draft
from untoc_desktop.opening import open_draft
from untoc_desktop.questionnaire.loader import installed_definition_paths
from untoc_desktop.questionnaire.registry import DefinitionRegistry
from untoc_desktop.questionnaire.upgrade import archived_answers, carried_answers, plan_carry_over

OLD_PRACTICE = "UNTOC.5.1(b).practice"
NEW_PRACTICE = "UNTOC.5.1(b).practice_and_enforcement"
REMOVED = "UNTOC.5.1(b).assistance"


def _newer_cluster1(tmp_path, version="2.1.0"):
    """A newer cluster 1 definition: one question renamed, one removed."""
    path = next(p for p in installed_definition_paths() if p.name == "cluster1.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    data["version"] = version
    obligation = data["question_sets"]["obligation"]
    for question in obligation:
        if question["key"] == "practice":
            question["key"] = "practice_and_enforcement"
    data["question_sets"]["obligation"] = [q for q in obligation if q["key"] != "assistance"]
    data["renamed"] = {f"{p}.practice": f"{p}.practice_and_enforcement" for p in ("UNTOC.5.1(b)", "UNTOC.6.2(a)")}
    target = tmp_path / "cluster1-newer.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def test_plan_carries_moves_and_archives(tmp_path, cluster1):
    registry = DefinitionRegistry(tmp_path / "user")
    newer = registry.import_file(_newer_cluster1(tmp_path))
    answers = {
        "UNTOC.5.1(b).status": "partly",
        OLD_PRACTICE: "practice text",
        REMOVED: "needs training",
        "UNTOC.6.1(a)(i).practice": "not in renamed map",
    }
    plan = plan_carry_over(newer, answers)
    assert plan.carried == ("UNTOC.5.1(b).status",)
    assert plan.moved == ((OLD_PRACTICE, NEW_PRACTICE),)
    assert set(plan.archived) == {REMOVED, "UNTOC.6.1(a)(i).practice"}
    assert carried_answers(newer, answers)[NEW_PRACTICE] == "practice text"
    assert archived_answers(newer, answers)[REMOVED] == "needs training"
    assert any("Moved" in line for line in plan.describe())


def test_opening_a_draft_under_a_newer_definition_loses_nothing(tmp_path, draft_info):
    path = tmp_path / "old.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answers({OLD_PRACTICE: "practice text", REMOVED: "needs training"})
    registry = DefinitionRegistry(tmp_path / "user")
    registry.import_file(_newer_cluster1(tmp_path))
    opened = open_draft(path, registry)
    try:
        assert opened.definition.version == "2.1.0" and opened.upgraded_from == "2.0.0"
        answers = opened.draft.answers()
        assert answers[NEW_PRACTICE] == "practice text" and OLD_PRACTICE not in answers
        assert answers[REMOVED] == "needs training"  # archived, still in the draft
        assert opened.draft.info.definition_version == "2.1.0"
        history = opened.draft.history(OLD_PRACTICE)
        assert history[-1].previous_value == "practice text"  # the move is in the history
    finally:
        opened.draft.close()


def test_conflicting_move_keeps_both_texts(tmp_path, cluster1):
    registry = DefinitionRegistry(tmp_path / "user")
    newer = registry.import_file(_newer_cluster1(tmp_path))
    answers = {OLD_PRACTICE: "old text", NEW_PRACTICE: "new text"}
    plan = plan_carry_over(newer, answers)
    assert plan.conflicts == ((OLD_PRACTICE, NEW_PRACTICE),)
    assert OLD_PRACTICE in plan.archived


def test_registry_prefers_newest_version_and_falls_back_to_cluster(tmp_path):
    registry = DefinitionRegistry(tmp_path / "user")
    assert registry.for_cluster(1).version == "2.0.0"
    registry.import_file(_newer_cluster1(tmp_path, "2.2.0"))
    assert registry.for_cluster(1).version == "2.2.0"
    assert registry.for_draft("an-organisation-definition", 1).version == "2.2.0"
    origins = {(a.definition.id, a.definition.version): a.origin for a in registry.available()}
    assert origins[("untoc-cluster-1", "2.2.0")] == "imported"
    assert {("untoc-cluster-2", "2.0.0"), ("untoc-cluster-4", "2.0.0")} <= set(origins)


def test_a_bad_definition_is_reported_and_not_kept(tmp_path):
    registry = DefinitionRegistry(tmp_path / "user")
    bad = tmp_path / "bad.yaml"
    data = yaml.safe_load(_newer_cluster1(tmp_path).read_text("utf-8"))
    data["question_sets"]["obligation"][0]["type"] = "essay"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    import pytest

    from untoc_desktop.errors import DefinitionError

    with pytest.raises(DefinitionError, match=r"bad\.yaml is invalid at question_sets/obligation/0/type"):
        registry.import_file(bad)
    assert not (tmp_path / "user").exists() or not list((tmp_path / "user").iterdir())
