import copy

import pytest
import yaml
from helpers import shared_dir

from untoc_desktop.errors import DefinitionError
from untoc_desktop.questionnaire import installed_definitions, load_definition_file
from untoc_desktop.questionnaire.loader import definition_from_data, installed_definition_paths
from untoc_desktop.questionnaire.types import QUESTION_TYPES


def _reference_cluster(number):
    data = yaml.safe_load((shared_dir() / "reference" / "provisions.yaml").read_text("utf-8"))
    return next(c for c in data["clusters"] if c["id"] == number)


def test_every_shipped_definition_loads_and_passes_its_schema():
    paths = installed_definition_paths()
    assert paths, "no definition shipped"
    for path in paths:
        definition = load_definition_file(path)
        assert definition.id and definition.version
        assert list(definition.questions())


def test_cluster1_has_every_article_and_paragraph_of_the_reference(cluster1):
    reference = _reference_cluster(1)
    expected = {
        f"{code}.{article['number']}.{p['ref']}"
        for code, articles in reference["instruments"].items()
        for article in articles
        for p in article["paragraphs"]
    }
    present = {p.id for p in cluster1.paragraphs()}
    assert expected - present == set()
    assert present - expected == set()
    # titles and obligation levels carried over as facts
    for code, articles in reference["instruments"].items():
        for article in articles:
            defined = next(a for a in cluster1.articles() if a.instrument == code and a.number == article["number"])
            assert defined.title == article["title"]
            for p in article["paragraphs"]:
                assert cluster1.paragraph(f"{code}.{article['number']}.{p['ref']}").obligation == p["obligation"]


def test_cluster1_articles_are_the_confirmed_list(cluster1):
    articles = {(a.instrument, a.number) for a in cluster1.articles()}
    assert articles == {
        *(("UNTOC", n) for n in (2, 5, 6, 8, 9, 10, 15, 23)),
        ("TIP", 3),
        ("TIP", 5),
        ("SOM", 3),
        ("SOM", 5),
        ("SOM", 6),
        ("FIREARMS", 3),
        ("FIREARMS", 5),
        ("FIREARMS", 8),
    }


#: Question keys each obligation class must ask (issue 16): mandatory and qualified paragraphs the full
#: implementation questions, consider paragraphs whether and with what result, optional ones briefly.
WANTED_KEYS = {
    "mandatory": {"status", "legislation", "practice", "cases", "statistics", "challenges", "assistance", "sources"},
    "qualified": {"status", "legislation", "practice", "cases", "statistics", "challenges", "assistance", "sources"},
    "definition": {"status", "legislation", "practice", "challenges", "sources"},
    "consider": {"consideration", "legislation", "outcome", "practice", "challenges", "assistance", "sources"},
    "optional": {"adopted", "legislation", "practice", "sources"},
}


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_every_paragraph_asks_the_questions_of_its_class(cluster):
    from untoc_desktop.questionnaire import load_installed_definition

    for paragraph in load_installed_definition(cluster).paragraphs():
        keys = {q.key for q in paragraph.questions}
        if paragraph.obligation == "saving":
            assert keys == set(), paragraph.id
            continue
        assert WANTED_KEYS[paragraph.obligation] <= keys, paragraph.id
        for question in paragraph.questions:
            assert question.type in QUESTION_TYPES
            assert question.help.strip() and question.label.strip()
            assert question.value_schema["$schema"].endswith("2020-12/schema")


def test_question_ids_are_unique_and_stable_in_form(cluster1):
    ids = [q.id for q in cluster1.questions()]
    assert len(ids) == len(set(ids))
    assert "UNTOC.5.1(a).status" in ids and "UNTOC.5.1(a)(i).adopted" in ids  # 1(a)(i) is "may" in the reference v2
    assert "SOM.5.5.challenges" in ids


def _cluster1_data():
    return yaml.safe_load(installed_definition_paths()[0].read_text("utf-8"))


def test_schema_violation_names_file_and_location():
    data = _cluster1_data()
    data["instruments"][0]["articles"][0]["paragraphs"][0]["obligation"] = "compulsory"
    where = r"custom\.yaml is invalid at instruments/0/articles/0/paragraphs/0/obligation"
    with pytest.raises(DefinitionError, match=where):
        definition_from_data(data, source_name="custom.yaml")


def test_bad_rule_names_file_question_and_position():
    data = copy.deepcopy(_cluster1_data())
    data["question_sets"]["obligation"][1]["required_when"] = 'status in ("fully", "partly") and import_os()'
    with pytest.raises(DefinitionError) as caught:
        definition_from_data(data, source_name="custom.yaml")
    message = str(caught.value)
    assert "custom.yaml" in message and "UNTOC.5.1(a).legislation" in message and "position 34" in message


def test_rule_referring_to_unknown_key_is_refused():
    data = _cluster1_data()
    data["question_sets"]["obligation"][1]["required_when"] = 'statut == "fully"'
    with pytest.raises(DefinitionError, match="unknown question key 'statut' at position 0"):
        definition_from_data(data, source_name="custom.yaml")


def test_unreadable_yaml_is_a_definition_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(DefinitionError, match="bad.yaml is not valid YAML"):
        load_definition_file(bad)


def test_installed_definitions_are_ordered_by_cluster():
    clusters = [d.cluster for d in installed_definitions()]
    assert clusters == sorted(clusters) and 1 in clusters


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_every_cluster_has_every_article_and_paragraph_of_the_reference(cluster):
    from untoc_desktop.questionnaire import load_installed_definition

    definition = load_installed_definition(cluster)
    reference = _reference_cluster(cluster)
    expected = set()
    for code, articles in reference["instruments"].items():
        for article in articles or []:
            assert article["paragraphs"], "schema_version 2 gives every article its paragraphs"
            for p in article["paragraphs"]:
                paragraph_id = f"{code}.{article['number']}.{p['ref']}"
                expected.add(paragraph_id)
                assert definition.paragraph(paragraph_id).obligation == p["obligation"], paragraph_id
            defined = next(a for a in definition.articles() if a.instrument == code and a.number == article["number"])
            assert defined.title == article["title"]
            assert defined.unverified == bool(article.get("unverified"))
    assert {p.id for p in definition.paragraphs()} == expected
    assert not any(p.ref == "all" or p.obligation == "unclassified" for p in definition.paragraphs())
    assert definition.provisional == bool(reference.get("unverified"))
    if definition.provisional:
        assert "The list of articles for this cluster is provisional" in definition.provisional_note


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_every_question_of_every_cluster_has_a_schema_and_help(cluster):
    from untoc_desktop.questionnaire import load_installed_definition

    for question in load_installed_definition(cluster).questions():
        schema = question.value_schema
        assert schema["$schema"].endswith("2020-12/schema") and "type" in schema, question.id
        assert len(question.help) > 20, question.id
        if question.type in ("choice", "multi_choice"):
            assert question.options, question.id
