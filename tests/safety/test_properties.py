"""Property-based tests: arbitrary Unicode answers never crash import, storage, validation or export,
and the stored text equals what was accepted (issue 5)."""

from __future__ import annotations

import json
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from untoc_desktop.answers import import_answers
from untoc_desktop.documents import export_submission
from untoc_desktop.documents.text import clean_text
from untoc_desktop.draft import Draft, DraftInfo
from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.validation import check_completeness

DEFINITION = load_installed_definition(1)
TEXT_QUESTIONS = [q.id for q in DEFINITION.questions() if q.type == "text"][:6]

# Every code point, lone surrogates and control characters included.
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300)
long_word = st.text(alphabet=st.characters(categories=("Ll", "Lo")), min_size=500, max_size=3000)
answer_text = st.one_of(any_text, long_word, st.sampled_from(["\x00", "\x0b", "\uffff", "\ud800", "&<>{{ x }}"]))

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _info():
    return DraftInfo(
        "Org", "Country", 1, frozenset({"TIP"}), definition_id=DEFINITION.id, definition_version=DEFINITION.version
    )


@SETTINGS
@given(texts=st.lists(answer_text, min_size=1, max_size=len(TEXT_QUESTIONS)))
def test_any_text_survives_import_storage_validation_and_export(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("prop")
    answers = dict(zip(TEXT_QUESTIONS, texts, strict=False))  # at most one text per question
    answers_file = folder / "answers.json"
    # ensure_ascii keeps lone surrogates as \\udXXX escapes, as JSON from other tools may
    answers_file.write_text(json.dumps(answers, ensure_ascii=True), encoding="utf-8")
    with Draft.create(folder / "d.untoc", _info()) as draft:
        import_answers(draft, DEFINITION, answers_file)
        stored = draft.answers()
    with Draft.open(folder / "d.untoc") as reopened:
        assert reopened.answers() == stored == answers  # stored text equals what was accepted
    report = check_completeness(DEFINITION, stored, {"TIP"})
    assert report.required >= 1
    for fmt in ("docx", "pdf"):
        out = export_submission(DEFINITION, _info(), stored, folder / f"out.{fmt}", fmt)
        assert out.stat().st_size > 0


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_clean_text_output_is_always_xml_safe(text):
    cleaned = clean_text(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", cleaned)
    # printable characters are never dropped
    kept = [c for c in text if unicodedata.category(c) not in ("Cc", "Cs", "Cn") and c not in "\r\u2028\u2029"]
    assert all(c in cleaned for c in kept)
