"""Records already entered in a draft, offered again elsewhere (cross-references)."""

import pytest

from untoc_desktop.cross_references import describe_record, known_records

LAW = {"title": "Penal Code", "provision": "art. 12", "year": 2009, "link": ""}


def test_records_from_every_answer_of_the_type_are_gathered_once(cluster1):
    answers = {
        "UNTOC.5.1(a)(i).legislation": [
            LAW,
            {"title": "Organised Crime Act", "provision": "s. 3", "year": None, "link": ""},
        ],
        "UNTOC.6.1(a)(i).legislation": [{"title": " penal  code", "provision": "ART. 12", "year": 2009, "link": ""}],
        "UNTOC.5.1(a)(i).sources": [{"title": "Annual report", "publisher": "NGO", "date": "2023", "link": ""}],
    }
    found = known_records(cluster1, answers, "citations")
    assert found == [LAW, {"title": "Organised Crime Act", "provision": "s. 3", "year": None, "link": ""}]
    assert [r["title"] for r in known_records(cluster1, answers, "sources")] == ["Annual report"]
    assert known_records(cluster1, answers, "cases") == []


def test_malformed_entries_and_unknown_questions_are_ignored(cluster1):
    answers = {"UNTOC.5.1(a)(i).legislation": ["not a record", {"title": "  "}, LAW], "NOPE.1.x.legislation": [LAW]}
    assert known_records(cluster1, answers, "citations") == [LAW]


def test_a_copy_is_returned_so_the_draft_answers_are_never_changed(cluster1):
    record = dict(LAW)
    found = known_records(cluster1, {"UNTOC.5.1(a)(i).legislation": [record]}, "citations")
    found[0]["title"] = "changed"
    assert record["title"] == "Penal Code"


def test_unknown_record_type_raises(cluster1):
    with pytest.raises(KeyError):
        known_records(cluster1, {}, "text")


def test_describe_record_joins_the_filled_fields():
    assert describe_record(LAW, "citations") == "Penal Code, art. 12, 2009"
