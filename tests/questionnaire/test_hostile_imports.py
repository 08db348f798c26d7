"""Definitions, tables and answers files from someone else cannot exhaust memory, recursion or time (issue 9)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading

import pytest
import yaml

from untoc_desktop.answers import check_answer, read_answers_file
from untoc_desktop.errors import DefinitionError, ImportFileError, InvalidAnswerError, RuleSyntaxError
from untoc_desktop.questionnaire import load_definition_file
from untoc_desktop.questionnaire.loader import installed_definition_paths
from untoc_desktop.questionnaire.registry import DefinitionRegistry
from untoc_desktop.questionnaire.rules import MAX_RULE_DEPTH, parse_rule
from untoc_desktop.states_parties import load_table

#: Python's re needs about 2**30 steps for this on the sentence below; RE2 answers at once.
BACKTRACKING = r"^(\w+\s?)*$"
SENTENCE = "Prosecutors rarely use the conspiracy offence in cases of trafficking!"


def cluster1_data():
    path = next(p for p in installed_definition_paths() if p.name == "cluster1.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def write_definition(tmp_path, data, name="hostile.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def practice(data):
    return next(q for q in data["question_sets"]["obligation"] if q["key"] == "practice")


def test_a_billion_laughs_definition_is_refused_at_the_first_alias(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{', '.join(f'*a{n - 1}' for _ in range(9))}]" for n in range(1, 10)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DefinitionError, match=r"aliases \(\*a0\) are not allowed"):
        load_definition_file(path)
    with pytest.raises(DefinitionError, match="aliases"):
        DefinitionRegistry(user_folder=tmp_path / "imported").import_file(path)
    assert not (tmp_path / "imported").exists() or not any((tmp_path / "imported").iterdir())


def test_deeply_nested_yaml_is_refused_without_a_recursion_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("id: " + "[" * 20000 + "]" * 20000 + "\n", "utf-8")
    with pytest.raises(DefinitionError, match="nested|nesting depth"):
        load_definition_file(path)


@pytest.mark.parametrize(
    "rule, fragment",
    [
        ("not " * 400 + "answered(status)", "nested"),
        ("not (" * 150 + "answered(status)" + ")" * 150, "nested|parenthes"),
        (" or ".join(["status == 'fully'"] * 100_000), "characters long"),
        (" or ".join(["answered(status)"] * 70), "terms"),
    ],
)
def test_rules_too_deep_or_too_large_are_refused_with_a_clear_message(tmp_path, rule, fragment):
    data = cluster1_data()
    practice(data)["relevant_when"] = rule
    path = write_definition(tmp_path, data)
    with pytest.raises(DefinitionError, match=fragment) as refused:
        load_definition_file(path)
    assert len(str(refused.value)) < 600  # the rule is not echoed in full
    assert "relevant_when rule of question" in str(refused.value)


def test_rule_limits_leave_ordinary_rules_alone():
    assert parse_rule('status in ("partly", "not_implemented") and not answered(practice)').keys == {
        "status",
        "practice",
    }
    nested = "(" * (MAX_RULE_DEPTH // 3) + "answered(status)" + ")" * (MAX_RULE_DEPTH // 3)
    assert parse_rule(nested).evaluate({"status": "x"})
    with pytest.raises(RuleSyntaxError):
        parse_rule("not " * (MAX_RULE_DEPTH + 1) + "answered(status)")


def test_a_backtracking_pattern_is_checked_in_linear_time(tmp_path):
    data = cluster1_data()
    practice(data)["pattern"] = BACKTRACKING
    definition = load_definition_file(write_definition(tmp_path, data))
    question = definition.question("UNTOC.5.1(a).practice")
    finished = threading.Event()
    outcome = []

    def check():
        try:
            check_answer(question, SENTENCE)
        except InvalidAnswerError as exc:
            outcome.append(str(exc))
        finished.set()

    threading.Thread(target=check, daemon=True).start()
    assert finished.wait(10), "checking one sentence against the pattern did not finish"
    assert outcome and "does not match" in outcome[0]
    check_answer(question, "Prosecutors rarely use it")  # a matching answer passes


@pytest.mark.parametrize("pattern", [r"^(a+)\1$", r"^(?=.*\d).+$", r"(?<!x)y"])
def test_a_pattern_only_a_backtracking_engine_can_run_is_refused_at_load(tmp_path, pattern):
    data = cluster1_data()
    practice(data)["pattern"] = pattern
    with pytest.raises(DefinitionError, match="pattern of question .* is refused: .*back-references"):
        load_definition_file(write_definition(tmp_path, data))


def _table_header():
    return "iso3,name,untoc,tip,som,firearms,source_date,source_url,confidence\n"


@pytest.mark.parametrize(
    "cell, fragment",
    [
        ("x" * 200_000, "not a well-formed CSV table|longer than"),
        ("x" * 5_000, "longer than 2000 characters"),
    ],
)
def test_a_states_parties_table_with_a_huge_cell_gives_a_message(tmp_path, cell, fragment):
    path = tmp_path / "table.csv"
    path.write_text(_table_header() + f"VRD,{cell},party,party,,,2026-11-30,https://example.org,high\n", "utf-8")
    with pytest.raises(ImportFileError, match=fragment) as refused:
        load_table(path)
    assert "line 2" in str(refused.value) and len(str(refused.value)) < 400


@pytest.mark.parametrize("reader", [read_answers_file, load_table, load_definition_file])
def test_a_named_pipe_is_refused_at_once_not_read(tmp_path, reader):
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    result = []

    def read():
        try:
            reader(fifo)
        except (ImportFileError, DefinitionError) as exc:
            result.append(str(exc))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "w"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert result and "not a regular file" in result[0]


def test_a_device_is_refused_at_once(tmp_path):
    with pytest.raises(ImportFileError, match="not a regular file"):
        read_answers_file("/dev/zero")


def test_untoc_import_answers_refuses_a_fifo_and_dev_zero_at_once(tmp_path, draft):
    draft.close()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for source in (fifo, "/dev/zero"):
        result = subprocess.run(
            [sys.executable, "-m", "untoc_desktop.cli", "import-answers", str(draft.path), str(source)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode != 0
        assert "not a regular file" in result.stderr + result.stdout
        assert "Traceback" not in result.stderr


def test_an_answers_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    import untoc_desktop.answers as answers

    monkeypatch.setattr(answers, "MAX_ANSWERS_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text('{"a": "' + "x" * 2000 + '"}', "utf-8")
    with pytest.raises(ImportFileError, match="at most"):
        read_answers_file(path)


def test_the_shipped_definitions_still_load_unchanged():
    for path in installed_definition_paths():
        assert copy.deepcopy(load_definition_file(path)).questions()


def test_nesting_past_the_limit_but_within_libyaml_is_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("id: " + "[" * 60 + "]" * 60 + "\n", "utf-8")
    with pytest.raises(DefinitionError, match="nested more than 40 levels"):
        load_definition_file(path)


def test_the_pure_python_yaml_reader_refuses_the_same(tmp_path, monkeypatch):
    import untoc_desktop.questionnaire.safe_yaml as safe_yaml

    monkeypatch.setattr(safe_yaml.yaml, "__with_libyaml__", False)
    with pytest.raises(DefinitionError, match="aliases"):
        safe_yaml.load_data_yaml("a: &x [1]\nb: *x\n", "x.yaml")
    with pytest.raises(DefinitionError, match="nested"):
        safe_yaml.load_data_yaml("[" * 5000 + "]" * 5000, "x.yaml")
    assert safe_yaml.load_data_yaml("a: [1, {b: c}]\n", "x.yaml") == {"a": [1, {"b": "c"}]}
