"""What keeps the window's start-up short (see benchmarks/startup_cpu.py): checked by structure, not by timing.

Heavy libraries are imported on first use, the definitions are parsed once per process and,
for the shipped ones, read from a checked JSON copy afterwards, and the expected schema of a
draft is kept between runs, so opening a current draft runs no Alembic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from untoc_desktop.answers import _shape, _surely_fits, _surely_valid, check_answer, check_stored_shape
from untoc_desktop.draft import Draft, DraftInfo, schema_cache
from untoc_desktop.draft.schema_check import build_expected_schemas, expected_schemas
from untoc_desktop.errors import DefinitionError, InvalidAnswerError
from untoc_desktop.installed import package_version
from untoc_desktop.questionnaire import installed_definitions, loader, safe_yaml
from untoc_desktop.questionnaire.registry import DefinitionRegistry

ROOT = Path(__file__).resolve().parent.parent
#: Libraries the window never needs before it is shown (export, letters, signing, encryption, migrations...).
LATER = (
    "alembic",
    "cryptography",
    "docx",
    "docxtpl",
    "enchant",
    "fontTools",
    "jinja2",
    "jsonschema",
    "lxml",
    "mako",
    "pyhanko",
    "pyrage",
    "reportlab",
    "segno",
    "yaml",
)


def _imported_after(code: str, cache: Path) -> set[str]:
    """Top-level packages of ``LATER`` imported by running ``code`` in a fresh interpreter."""
    probe = code + "\nimport sys\nprint(sorted({m.split('.')[0] for m in sys.modules}))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(cache))
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=True, timeout=300
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1].replace("'", '"'))) & set(LATER)


def test_importing_the_window_module_imports_no_library_needed_only_later(tmp_path):
    assert _imported_after("import untoc_desktop.ui.app", tmp_path) == set()


def test_opening_a_current_draft_a_second_time_needs_no_alembic_yaml_or_jsonschema(draft, tmp_path):
    path = draft.path
    draft.close()
    code = (
        f"from untoc_desktop.opening import open_draft\n"
        f"opened = open_draft({str(path)!r}, lock=True)\nopened.answers()\nopened.draft.close()"
    )
    _imported_after(code, tmp_path)  # the first run on this computer fills the caches
    assert _imported_after(code, tmp_path) == set()


def test_loading_the_installed_definitions_twice_parses_each_yaml_file_once(monkeypatch):
    monkeypatch.setattr(loader, "_loaded", {})
    parsed: list[str] = []
    real = safe_yaml.load_data_yaml
    monkeypatch.setattr(safe_yaml, "load_data_yaml", lambda text, name: parsed.append(name) or real(text, name))
    first = installed_definitions()
    second = installed_definitions()
    assert sorted(parsed) == sorted(path.name for path in loader.installed_definition_paths())
    assert [d.id for d in first] == [d.id for d in second]
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_a_new_process_reads_the_checked_json_copy_without_yaml_or_schema(monkeypatch):
    monkeypatch.setattr(loader, "_loaded", {})
    strict = installed_definitions()  # fills the cache folder (a temporary one in tests)
    assert len(list(loader.definition_cache_folder().glob("*.json"))) == len(strict)
    monkeypatch.setattr(loader, "_loaded", {})  # as a new process
    monkeypatch.setattr(safe_yaml, "load_data_yaml", lambda *_args: pytest.fail("YAML parsed again"))
    monkeypatch.setattr(loader, "_check_schema", lambda *_args: pytest.fail("schema checked again"))
    cached = installed_definitions()
    assert cached == strict


def test_listing_clusters_and_finding_one_definition_build_only_that_definition(monkeypatch, tmp_path):
    monkeypatch.setattr(loader, "_loaded", {})
    strict = installed_definitions()  # fills the cache folder (a temporary one in tests)
    monkeypatch.setattr(loader, "_loaded", {})  # as a new process
    built: list[str] = []
    real = loader.definition_from_data
    monkeypatch.setattr(loader, "definition_from_data", lambda data, **kw: built.append(data["id"]) or real(data, **kw))
    registry = DefinitionRegistry(user_folder=tmp_path / "no imported definitions")
    assert registry.clusters() == sorted(d.cluster for d in strict)
    assert built == []
    chosen = registry.for_draft("untoc-cluster-2", 2)
    assert built == ["untoc-cluster-2"]
    assert chosen == next(d for d in strict if d.id == "untoc-cluster-2")
    with pytest.raises(DefinitionError):
        registry.latest("no-such-definition")
    assert built == ["untoc-cluster-2"]


def test_a_damaged_json_copy_is_never_trusted(monkeypatch):
    monkeypatch.setattr(loader, "_loaded", {})
    strict = installed_definitions()
    for copy in loader.definition_cache_folder().glob("*.json"):
        copy.write_text('{"id": "broken"', "utf-8")
    monkeypatch.setattr(loader, "_loaded", {})
    assert installed_definitions() == strict
    for copy in loader.definition_cache_folder().glob("*.json"):
        json.loads(copy.read_text("utf-8"))  # written again in full


def test_the_expected_draft_schema_is_built_once_and_equals_the_migrations(monkeypatch):
    built: list[int] = []

    def build(version: int):
        built.append(version)
        return build_expected_schemas(version)

    first = schema_cache.cached_expected_schemas(4, build)
    second = schema_cache.cached_expected_schemas(4, build)
    assert built == [4]
    assert first == second == build_expected_schemas(4) == expected_schemas(4)
    assert first  # the current schema version has revisions


def test_a_damaged_expected_schema_file_is_built_again(monkeypatch):
    expected = expected_schemas(4)
    for cached in schema_cache.schema_cache_folder().glob("*.json"):
        cached.write_text('{"0004": [["table", "answer"]]}', "utf-8")
    assert schema_cache.cached_expected_schemas(4, build_expected_schemas) == expected


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["title", "provision", "year", "link", "publisher", "date", "x"]), children, max_size=3
        )
    ),
    max_leaves=8,
)
_QUESTIONS = [q for definition in installed_definitions() for q in definition.questions()]
_SHAPES = list(
    {json.dumps(_shape(q.value_schema), sort_keys=True): _shape(q.value_schema) for q in _QUESTIONS}.values()
)


@settings(max_examples=300, deadline=None)
@given(shape=st.sampled_from(_SHAPES), value=_JSON)
def test_the_quick_shape_check_never_accepts_what_jsonschema_refuses(shape, value):
    if _surely_fits(shape, value):
        assert not list(jsonschema.Draft202012Validator(shape).iter_errors(value))


_ANSWER_SCHEMAS = sorted(
    {json.dumps(q.value_schema, sort_keys=True) for q in _QUESTIONS}
    | {
        json.dumps({"type": "string", "maxLength": 3}),
        json.dumps({"type": "string", "enum": ["a", "b", 1]}),
        json.dumps({"type": "string"}),
    }
)


@settings(max_examples=400, deadline=None)
@given(
    schema=st.sampled_from(_ANSWER_SCHEMAS), value=_JSON | st.text(max_size=6) | st.sampled_from(["a", "b", "fully"])
)
def test_the_quick_answer_check_never_accepts_what_jsonschema_refuses(schema, value):
    parsed = json.loads(schema)
    if _surely_valid(parsed, value):
        assert not list(jsonschema.Draft202012Validator(parsed).iter_errors(value))


def test_saving_typed_text_or_a_choice_needs_no_jsonschema(tmp_path):
    code = (
        "from untoc_desktop.answers import check_answer\n"
        "from untoc_desktop.questionnaire import installed_definitions\n"
        "import sys\n"
        "questions = {q.type: q for d in installed_definitions() for q in d.questions()}\n"
        "check_answer(questions['text'], 'typed in the window')\n"
        "check_answer(questions['status'], 'fully')\n"
        "print('jsonschema' in sys.modules)\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))  # the first run fills the definitions' cache
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        for _first_fills_the_cache in range(2)
    ]
    assert runs[1].stdout.split()[-1:] == ["False"], runs[1].stderr
    by_type = {q.type: q for q in _QUESTIONS}
    with pytest.raises(InvalidAnswerError, match="is not one of"):
        check_answer(by_type["status"], "somewhat")  # refusals still come from jsonschema, with its reason


def test_stored_answers_of_every_kind_still_pass_or_fail_as_before():
    by_type = {q.type: q for q in _QUESTIONS}
    assert check_stored_shape(by_type["text"], "plain") == ""
    assert "is not of type 'string'" in check_stored_shape(by_type["text"], ["a list"])
    if "citations" in by_type:
        assert "(at 0/year)" in check_stored_shape(by_type["citations"], [{"title": "Act", "year": "1999"}])


def test_the_window_opens_a_draft_and_saves_what_is_typed_without_sqlalchemy(tmp_path):
    """Opening, reading and writing answers are plain SQL: the window never imports SQLAlchemy for them.

    Writing used to go through the ORM, so the window imported SQLAlchemy before showing a draft
    (deferring that import let the first save race it). Writes are plain SQL now (draft/writes.py):
    nothing to import, nothing to race (docs/architecture.md, start-up).
    """
    definition = installed_definitions()[0]
    path = tmp_path / "example.untoc"
    info = DraftInfo(
        "Coalition for Justice and Rights",
        "Republic of Veridia",
        definition.cluster,
        frozenset({"TIP", "SOM", "FIREARMS"}),
        definition_id=definition.id,
        definition_version=definition.version,
    )
    answers = json.loads((ROOT / "examples" / "cluster1-answers.json").read_text("utf-8"))
    with Draft.create(path, info) as draft:
        draft.set_answers(answers)
    code = (
        "import os, sys, tempfile\n"
        "from untoc_desktop.opening import open_draft\n"
        f"opened = open_draft({str(path)!r}, lock=True)\n"
        "assert opened.answers()\n"
        "opened.draft.close()\n"
        "print('read', 'sqlalchemy' in sys.modules)\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from untoc_desktop.ui.app import build_main_window\n"
        "app = QApplication([])\n"
        "settings = QSettings(os.path.join(tempfile.mkdtemp(), 's.ini'), QSettings.Format.IniFormat)\n"
        f"window = build_main_window([{str(path)!r}], settings)\n"
        "session = window.session\n"
        "assert session is not None and not session.read_only\n"
        "for text in ('typed', 'typed in the window'):\n"
        "    assert session.set_answer(session.definition.question('UNTOC.5.1(b).practice'), text)\n"
        "window.close()\n"
        "print('saved', 'sqlalchemy' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path))
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
        for _first_fills_the_caches in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert runs[1].stdout.split() == ["read", "False", "saved", "False"]
    with Draft.open(path) as draft:
        assert draft.answer("UNTOC.5.1(b).practice") == "typed in the window"
        assert [c.new_value for c in draft.history("UNTOC.5.1(b).practice")][-2:] == ["typed", "typed in the window"]


def test_the_schema_cache_names_the_installed_alembic_and_sqlalchemy_versions_without_importing_them():
    from importlib import metadata

    for name in ("alembic", "sqlalchemy"):
        assert package_version(name) == metadata.version(name)
    assert package_version("no_such_package_here") == "?"
    code = "from untoc_desktop.draft import schema_cache\nschema_cache.migrations_fingerprint()"
    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            code + "\nimport sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic') or m in ('importlib.metadata', 'email.message', 'email.parser')))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    ).stdout.strip()
    assert imported == "[]"
