import pytest

from untoc_desktop.errors import RuleSyntaxError
from untoc_desktop.questionnaire.rules import parse_rule


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ('status in ("partly", "not_implemented")', {"status": "partly"}, True),
        ('status in ("partly", "not_implemented")', {"status": "fully"}, False),
        ('status in ("partly", "not_implemented")', {}, False),
        ('status == "fully" or answered(practice)', {"practice": "  "}, False),
        ('status == "fully" or answered(practice)', {"practice": "text"}, True),
        ("not answered(status)", {"status": None}, True),
        ("count >= 3 and count < 10", {"count": 5}, True),
        ("count >= 3", {"count": "many"}, False),
        ("status != none", {"status": "unknown"}, True),
    ],
)
def test_rules_evaluate_on_paragraph_answers(source, answers, expected):
    assert parse_rule(source).evaluate(answers) is expected


def test_rule_records_the_keys_it_reads():
    assert parse_rule('status == "x" and answered(practice)').keys == {"status", "practice"}


@pytest.mark.parametrize(
    ("source", "position", "fragment"),
    [
        ("status ==", 9, "ends too early"),
        ("status === 1", 9, "invalid syntax"),
        ("__import__('os')", 0, "the only function is answered"),
        ("status.upper()", 0, "the only function"),
        ("1 < count < 3", 0, "chained comparisons"),
        ("status in [status]", 11, "only literal values"),
        ("", 0, "empty"),
        ("lambda: 1", 0, "not allowed"),
    ],
)
def test_bad_rules_report_their_position(source, position, fragment):
    with pytest.raises(RuleSyntaxError) as caught:
        parse_rule(source)
    assert caught.value.position == position
    assert fragment in str(caught.value)


def test_a_rule_parsed_again_with_the_same_keys_is_the_same_rule_and_a_bad_one_fails_each_time():
    keys = {"status", "details"}
    first = parse_rule("status == 'partly'", known_keys=keys)
    assert parse_rule("status == 'partly'", known_keys=frozenset(keys)) is first  # remembered
    assert first.evaluate({"status": "partly"}) and not first.evaluate({"status": "yes"})
    # Other keys, other checks: "details" is unknown here, and the error is raised again on every call.
    for _attempt in range(2):
        with pytest.raises(RuleSyntaxError, match="unknown question key 'details'"):
            parse_rule("details == 'x'", known_keys={"status"})
    assert parse_rule("details == 'x'").keys == frozenset({"details"})
