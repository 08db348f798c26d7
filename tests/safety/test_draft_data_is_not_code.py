"""Nothing read from a draft becomes a format string, and the smaller items of issue 9."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import sha256

from untoc_desktop.answers import check_answer
from untoc_desktop.cli import main
from untoc_desktop.documents import export_submission
from untoc_desktop.draft import Draft
from untoc_desktop.errors import ExportError, InvalidAnswerError
from untoc_desktop.letters.context import LetterError, expand_reference, next_reference, sender_of

REPO = Path(__file__).resolve().parents[2]
V1 = REPO / "tests" / "fixtures" / "drafts" / "schema-v1.untoc"


@pytest.mark.parametrize(
    "scheme",
    [
        "{number.__class__.__mro__}",
        "{number!r}",
        "{0}",
        "{number:>99999999}",
        "{year.real}{number}",
        "{number",
        "x}{number}",
        "{year}",
    ],
)
def test_a_reference_scheme_is_never_a_format_string(scheme):
    with pytest.raises(LetterError):
        next_reference(scheme, 2026, ())


def test_the_known_placeholders_expand_with_a_fixed_zero_padding():
    assert expand_reference("CJR/{year}/{number:03d}", 2026, 7) == "CJR/2026/007"
    assert expand_reference("{{ref}} {number}-{year}", 2026, 12) == "{ref} 12-2026"
    assert next_reference("R{number:02d}", 2026, {"R01"}) == "R02"


def test_a_sender_property_of_the_wrong_kind_gives_the_defaults(draft):
    draft.set_property("sender", ["not", "an", "object"])
    assert sender_of(draft).reference_scheme == "{year}/{number:03d}"


def test_nan_and_infinity_are_not_numbers(cluster1, tmp_path, draft):
    number = next(q for p in cluster1.paragraphs() for q in p.questions if q.type == "number")
    for value in (math.nan, math.inf, -math.inf):
        with pytest.raises(InvalidAnswerError, match="NaN and Infinity"):
            check_answer(number, value)
    answers = tmp_path / "nan.json"
    answers.write_text(f'{{"{number.id}": NaN}}', encoding="utf-8")
    draft.close()
    before = sha256(draft.path)
    assert main(["import-answers", str(draft.path), str(answers)]) == 2
    assert sha256(draft.path) == before


def test_validate_does_not_migrate_an_older_draft(tmp_path, capsys):
    path = tmp_path / V1.name
    shutil.copy2(V1, path)
    before = sha256(path)
    assert main(["validate", str(path)]) in (0, 1)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [V1.name]  # no backup copy, no lock, no journal


def test_validate_into_a_closed_pipe_keeps_the_incomplete_status(draft):
    draft.close()
    child = subprocess.Popen(
        [sys.executable, "-m", "untoc_desktop", "validate", str(draft.path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # like `| head` that has already gone away
    _out, err = child.communicate(timeout=120)
    assert child.returncode == 1, err
    assert b"Traceback" not in err


def test_an_export_never_replaces_another_file_through_a_link(tmp_path, draft_info, cluster1):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    fake_pdf = tmp_path / "contract.pdf"
    fake_pdf.write_text("not a pdf at all", encoding="utf-8")
    for target in (notes, fake_pdf, tmp_path / "missing.cfg"):
        link = tmp_path / f"link-to-{target.name}.pdf"
        link.symlink_to(target)
        with pytest.raises(ExportError, match="link"):
            export_submission(cluster1, draft_info, {}, link, "pdf")
    assert notes.read_text("utf-8") == "my notes" and fake_pdf.read_text("utf-8") == "not a pdf at all"
    assert not (tmp_path / "missing.cfg").exists()


def test_validate_does_not_rewrite_a_draft_made_with_an_older_definition(tmp_path, draft_info, capsys):
    import yaml

    from untoc_desktop.opening import open_draft
    from untoc_desktop.questionnaire.loader import installed_definition_paths
    from untoc_desktop.questionnaire.registry import DefinitionRegistry

    old, new = "UNTOC.5.1(b).practice", "UNTOC.5.1(b).practice_and_enforcement"
    source = next(p for p in installed_definition_paths() if p.name == "cluster1.yaml")
    data = yaml.safe_load(source.read_text("utf-8"))
    data["version"] = "2.1.0"
    for question in data["question_sets"]["obligation"]:
        if question["key"] == "practice":
            question["key"] = "practice_and_enforcement"
    data["renamed"] = {old: new}
    newer = tmp_path / "cluster1-newer.yaml"
    newer.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    DefinitionRegistry().import_file(newer)  # the (isolated) user's definitions folder

    path = tmp_path / "old.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answers({old: "practice text", "UNTOC.5.1(b).status": "partly"})
    before = sha256(path)
    assert main(["validate", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["archived_answers"] == []  # the moved answer counts under its new id
    assert sha256(path) == before
    opened = open_draft(path, read_only=True)
    try:
        assert opened.answers()[new] == "practice text" and opened.draft.info.definition_version == "2.0.0"
    finally:
        opened.draft.close()
