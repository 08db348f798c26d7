"""Loading questionnaire definitions from the data files in ``untoc_desktop/forms/``.

A definition file is YAML (a superset of JSON) checked against
``forms/definition.schema.json``. Each paragraph names a *question set*
(by default the set named after its obligation class: ``obligation`` for
``mandatory``, ``qualified`` and ``unclassified``, else ``consider``,
``optional`` or ``definition``, falling back to ``obligation`` when the file
has no such set); a ``saving`` paragraph asks no questions unless it names a
set. The loader expands the set into the paragraph's questions and parses
every rule once.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from ..errors import DefinitionError, RuleSyntaxError
from ..i18n import _
from ..received_files import read_regular_file
from .model import INSTRUMENT_ORDER, Article, Definition, Instrument, Option, Paragraph, Question
from .patterns import PatternError, compile_pattern
from .rules import parse_rule
from .safe_yaml import load_data_yaml

#: Largest definition file accepted, in bytes (the shipped ones are under 25 KB).
MAX_DEFINITION_BYTES = 5 * 1024 * 1024

_FORMS_PACKAGE = "untoc_desktop.forms"


@cache
def definition_schema() -> dict[str, Any]:
    """The JSON Schema of definition files (``forms/definition.schema.json``)."""
    text = resources.files(_FORMS_PACKAGE).joinpath("definition.schema.json").read_text("utf-8")
    return json.loads(text)


def installed_definition_paths() -> list[Path]:
    """Paths of the definition files shipped in the package, sorted by name."""
    folder = resources.files(_FORMS_PACKAGE)
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".yaml"))


@cache
def load_installed_definition(cluster: int) -> Definition:
    """Load the shipped definition for a review cluster.

    Args:
        cluster: cluster number.

    Raises:
        DefinitionError: when no definition is shipped for ``cluster`` or it is invalid.
    """
    for path in installed_definition_paths():
        definition = load_definition_file(path)
        if definition.cluster == cluster:
            return definition
    available = ", ".join(str(d.cluster) for d in installed_definitions()) or "none"
    raise DefinitionError(_("No questionnaire is available for cluster {cluster} (available: "
                            "{available}).").format(cluster=cluster, available=available))


def installed_definitions() -> list[Definition]:
    """Every shipped definition, ordered by cluster."""
    return sorted((load_definition_file(p) for p in installed_definition_paths()), key=lambda d: d.cluster)


def load_definition_file(path: str | Path) -> Definition:
    """Load and check one definition file.

    Args:
        path: a YAML or JSON file following ``definition.schema.json``.

    Raises:
        DefinitionError: naming the file and the first problem found (schema
            violation with its location, duplicate ids, unknown question set,
            or a rule error with question id and character position).
    """
    path = Path(path)
    raw = read_regular_file(path, MAX_DEFINITION_BYTES, DefinitionError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError(_("The questionnaire definition {name} is not valid YAML: {problem}").format(
                                  name=path.name, problem=exc)) from None
    data = load_data_yaml(text, path.name)  # no aliases, limited nesting
    return definition_from_data(data, source_name=path.name, path=str(path))


def definition_from_data(data: Any, source_name: str = "<data>", path: str = "") -> Definition:
    """Build a :class:`Definition` from already parsed data (see :func:`load_definition_file`)."""
    validator = jsonschema.Draft202012Validator(definition_schema(), format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise DefinitionError(_("The questionnaire definition {source_name} is invalid at {where}: "
                                "{message}").format(source_name=source_name, where=where, message=error.message))

    question_sets: dict[str, list[dict[str, Any]]] = data["question_sets"]
    for set_name, questions in question_sets.items():
        keys = [q["key"] for q in questions]
        duplicates = {k for k in keys if keys.count(k) > 1}
        if duplicates:
            raise DefinitionError(
                _("The questionnaire definition {source_name}: question set '{set_name}' repeats the "
                  "key(s) {choices}.").format(
                    source_name=source_name, set_name=set_name, choices=', '.join(sorted(duplicates)))
            )

    instruments = []
    seen_codes: set[str] = set()
    seen_paragraphs: set[str] = set()
    for raw_instrument in sorted(data["instruments"], key=lambda i: INSTRUMENT_ORDER.index(i["code"])):
        code = raw_instrument["code"]
        if code in seen_codes:
            raise DefinitionError(_("The questionnaire definition {source_name} lists the instrument "
                                    "{code} twice.").format(source_name=source_name, code=code))
        seen_codes.add(code)
        articles = []
        for raw_article in raw_instrument["articles"]:
            paragraphs = []
            for raw_paragraph in raw_article["paragraphs"]:
                paragraph_id = f"{code}.{raw_article['number']}.{raw_paragraph['ref']}"
                if paragraph_id in seen_paragraphs:
                    raise DefinitionError(
                        _("The questionnaire definition {source_name} lists the paragraph {paragraph_id} "
                          "twice.").format(source_name=source_name, paragraph_id=paragraph_id)
                    )
                seen_paragraphs.add(paragraph_id)
                set_name = raw_paragraph.get("question_set") or _default_set(raw_paragraph["obligation"], question_sets)
                if set_name is not None and set_name not in question_sets:
                    raise DefinitionError(
                        _("The questionnaire definition {source_name}: paragraph {paragraph_id} uses the "
                          "unknown question set '{set_name}'.").format(
                            source_name=source_name, paragraph_id=paragraph_id, set_name=set_name)
                    )
                base = question_sets[set_name] if set_name is not None else []
                raw_questions = base + raw_paragraph.get("extra_questions", [])
                keys = [q["key"] for q in raw_questions]
                if len(keys) != len(set(keys)):
                    raise DefinitionError(
                        _("The questionnaire definition {source_name}: paragraph {paragraph_id} has an "
                          "extra question whose key is already used by its question set.").format(
                            source_name=source_name, paragraph_id=paragraph_id)
                    )
                questions = _build_questions(raw_questions, paragraph_id, source_name)
                paragraphs.append(
                    Paragraph(
                        id=paragraph_id,
                        instrument=code,
                        article=raw_article["number"],
                        ref=raw_paragraph["ref"],
                        label=raw_paragraph["label"],
                        obligation=raw_paragraph["obligation"],
                        questions=questions,
                        unverified=bool(raw_paragraph.get("unverified", False)),
                        note=raw_paragraph.get("note", ""),
                    )
                )
            articles.append(
                Article(
                    instrument=code,
                    number=raw_article["number"],
                    title=raw_article["title"],
                    paragraphs=tuple(paragraphs),
                    unverified=bool(raw_article.get("unverified", False)),
                    cluster_confidence=raw_article.get("cluster_confidence", ""),
                    cluster_note=raw_article.get("cluster_note", ""),
                )
            )
        instruments.append(Instrument(code=code, title=raw_instrument["title"], articles=tuple(articles)))

    return Definition(
        id=data["id"],
        version=data["version"],
        cluster=data["cluster"],
        title=data["title"],
        instruments=tuple(instruments),
        provisional=bool(data.get("provisional", False)),
        source_date=data["source_date"],
        sources=dict(data["sources"]),
        path=path,
        renamed=dict(data.get("renamed", {})),
        provisional_note=data.get("provisional_note", ""),
        provisional_details=data.get("provisional_details", ""),
        moved_paragraphs={old: tuple(new) for old, new in data.get("moved_paragraphs", {}).items()},
    )


def _default_set(obligation: str, question_sets: dict[str, Any]) -> str | None:
    """The question set a paragraph of this class uses when it names none (``None``: no questions)."""
    if obligation == "saving":
        return None
    if obligation in ("consider", "optional", "definition") and obligation in question_sets:
        return obligation
    return "obligation"


def _build_questions(raw_questions: list[dict[str, Any]], paragraph_id: str, source_name: str) -> tuple[Question, ...]:
    keys = frozenset(q["key"] for q in raw_questions)
    questions = []
    for raw in raw_questions:
        question_id = f"{paragraph_id}.{raw['key']}"
        rules = {}
        for name in ("required_when", "relevant_when"):
            if name not in raw:
                continue
            try:
                rules[name] = parse_rule(raw[name], known_keys=keys - {raw["key"]})
            except RuleSyntaxError as exc:
                shown = exc.expression if len(exc.expression) <= 80 else exc.expression[:77] + "…"
                raise DefinitionError(
                    _("The questionnaire definition {source_name}: the {name} rule of question "
                      "{question_id} ('{shown}') is invalid: {problem}.").format(
                        source_name=source_name, name=name, question_id=question_id, shown=shown, problem=exc)
                ) from None
        if raw.get("pattern") is not None:
            try:
                compile_pattern(raw["pattern"])
            except PatternError as exc:
                raise DefinitionError(
                    _("The questionnaire definition {source_name}: the pattern of question {question_id} "
                      "is refused: {problem}.").format(
                        source_name=source_name, question_id=question_id, problem=exc)) from None
        if raw.get("minimum") is not None and raw.get("maximum") is not None and raw["minimum"] > raw["maximum"]:
            raise DefinitionError(
                _("The questionnaire definition {source_name}: question {question_id} has a minimum "
                  "above its maximum.").format(source_name=source_name, question_id=question_id)
            )
        questions.append(
            Question(
                id=question_id,
                key=raw["key"],
                type=raw["type"],
                label=raw["label"],
                help=raw["help"],
                paragraph_id=paragraph_id,
                required=bool(raw.get("required", False)),
                required_when=rules.get("required_when"),
                relevant_when=rules.get("relevant_when"),
                options=tuple(Option(o["value"], o["label"]) for o in raw.get("options", ())),
                minimum=raw.get("minimum"),
                maximum=raw.get("maximum"),
                unit=raw.get("unit", ""),
                pattern=raw.get("pattern"),
            )
        )
    return tuple(questions)
