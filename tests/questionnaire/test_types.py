import jsonschema
import pytest

from untoc_desktop.questionnaire.types import QUESTION_TYPES, is_answered, value_schema


def valid(schema, value):
    return not list(jsonschema.Draft202012Validator(schema).iter_errors(value))


@pytest.mark.parametrize(
    ("question_type", "good", "bad"),
    [
        ("status", "partly", "mostly"),
        ("yes_no", "yes_in_part", "maybe"),
        ("text", "anything", 5),
        ("citations", [{"title": "Penal Code", "provision": "art. 3", "year": 2001, "link": ""}], [{"year": 2001}]),
        ("sources", [{"title": "Report", "publisher": "NGO", "date": "2024", "link": ""}], [{"title": ""}]),
        (
            "cases",
            [{"court": "High Court", "year": 2022, "reference": "HC 12/22", "outcome": "Convicted"}],
            [{"court": "x", "year": "2022"}],
        ),
        ("statistics", [{"year": 2023, "figure": 41, "unit": "convictions", "source": "Ministry"}], [{"figure": 41}]),
        ("date", "2024-02-29", "29/02/2024"),
        ("number", 4.5, "four"),
    ],
)
def test_each_type_accepts_good_and_rejects_bad_values(question_type, good, bad):
    schema = value_schema(question_type)
    assert valid(schema, good)
    assert not valid(schema, bad)


def test_choices_bounds_and_patterns_come_from_the_question():
    choice = value_schema("choice", ["a", "b"])
    assert valid(choice, "a") and not valid(choice, "c")
    multi = value_schema("multi_choice", ["a", "b"])
    assert valid(multi, ["a", "b"]) and not valid(multi, ["a", "a"]) and not valid(multi, ["z"])
    number = value_schema("number", minimum=0, maximum=100)
    assert valid(number, 100) and not valid(number, -1) and not valid(number, 101)
    pattern = value_schema("text", pattern=r"^[A-Z]{3}$")
    assert valid(pattern, "ABC") and not valid(pattern, "abcd")


def test_every_type_has_a_schema():
    for question_type in QUESTION_TYPES:
        assert value_schema(question_type)["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize(
    ("value", "answered"),
    [(None, False), ("  \n", False), ([], False), ("x", True), (0, True), ([{"title": "x"}], True)],
)
def test_what_counts_as_an_answer(value, answered):
    assert is_answered(value) is answered
