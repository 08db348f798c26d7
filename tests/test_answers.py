import json

import pytest

from untoc_desktop.answers import check_answer, import_answers
from untoc_desktop.errors import ImportFileError, InvalidAnswerError


def test_valid_values_pass(cluster1):
    check_answer(cluster1.question("UNTOC.5.1(b).status"), "partly")
    check_answer(cluster1.question("UNTOC.5.1(b).legislation"), [{"title": "Code", "year": None}])
    check_answer(
        cluster1.question("UNTOC.5.1(b).sources"), [{"title": "Report", "publisher": "NGO", "date": "2024", "link": ""}]
    )


@pytest.mark.parametrize(
    ("qid", "value", "fragment"),
    [
        ("UNTOC.5.1(b).status", "mostly", "is not one of"),
        ("UNTOC.5.1(b).practice", 12, "is not of type 'string'"),
        ("UNTOC.5.1(b).legislation", [{"title": "Code", "year": "2011"}], "at 0/year"),
        ("UNTOC.5.1(b).legislation", [{"provision": "s. 1"}], "'title' is a required property"),
        ("UNTOC.5.1(b).sources", [{"title": "x", "colour": "red"}], "Additional properties"),
    ],
)
def test_invalid_values_name_the_question(cluster1, qid, value, fragment):
    with pytest.raises(InvalidAnswerError) as caught:
        check_answer(cluster1.question(qid), value)
    assert qid in str(caught.value) and fragment in str(caught.value)
    assert caught.value.question_id == qid


def _write(tmp_path, data):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_writes_all_answers(draft, cluster1, tmp_path):
    path = _write(tmp_path, {"UNTOC.5.1(b).status": "partly", "UNTOC.5.1(b).challenges": "Lacunes importantes."})
    assert import_answers(draft, cluster1, path) == 2
    assert draft.answer("UNTOC.5.1(b).challenges") == "Lacunes importantes."


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"UNTOC.5.1(b).status": "partly", "UNTOC.99.1.status": "fully"}, "Unknown question id 'UNTOC.99.1.status'"),
        ({"UNTOC.5.1(b).status": "partly", "UNTOC.5.1(b).legislation": "Penal Code"}, "UNTOC.5.1(b).legislation"),
    ],
)
def test_import_is_all_or_nothing(draft, cluster1, tmp_path, data, fragment):
    with pytest.raises(InvalidAnswerError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        import_answers(draft, cluster1, _write(tmp_path, data))
    assert draft.answers() == {}
    assert draft.history() == []


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [(b"{not json", "not valid JSON"), (b"[1, 2]", "one JSON object"), (b"\xff\xfe{", "not UTF-8")],
)
def test_unreadable_answers_files_are_refused(draft, cluster1, tmp_path, raw, fragment):
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    with pytest.raises(ImportFileError, match=fragment):
        import_answers(draft, cluster1, path)
    assert draft.answers() == {}


def test_duplicate_ids_and_deep_nesting_are_refused(draft, cluster1, tmp_path):
    duplicate = tmp_path / "dup.json"
    duplicate.write_text('{"UNTOC.5.1(b).status": "fully", "UNTOC.5.1(b).status": "partly"}', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"two answers to UNTOC\.5\.1\(b\)\.status"):
        import_answers(draft, cluster1, duplicate)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ImportFileError, match="nested too deeply"):
        import_answers(draft, cluster1, deep)
    assert draft.answers() == {}


def test_a_huge_invalid_answer_is_not_echoed_in_full(cluster1):
    with pytest.raises(InvalidAnswerError) as caught:
        check_answer(cluster1.question("UNTOC.5.1(b).practice"), "word " * 100_000)
    assert len(str(caught.value)) < 500


def test_a_byte_order_mark_is_accepted_and_long_values_keep_the_reason(draft, cluster1, tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"UNTOC.5.1(b).status": "partly"}')
    assert import_answers(draft, cluster1, path) == 1
    with pytest.raises(InvalidAnswerError, match="is too long"):
        check_answer(cluster1.question("UNTOC.5.1(b).practice"), "word " * 100_000)
