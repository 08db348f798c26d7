"""Loading questionnaire definitions from the data files in ``untoc_desktop/forms/``.

A definition file is YAML (a superset of JSON) checked against
``forms/definition.schema.json``. Each paragraph names a *question set*
(by default the set named after its obligation class: ``obligation`` for
``mandatory``, ``qualified`` and ``unclassified``, else ``consider``,
``optional`` or ``definition``, falling back to ``obligation`` when the file
has no such set); a ``saving`` paragraph asks no questions unless it names a
set. The loader expands the set into the paragraph's questions and parses
every rule once.

Start-up cost: a file is parsed and checked once per process (the result is kept by its
path and the SHA-256 of its bytes, so a changed file is read again). The definitions
*shipped* in the package are also kept, once checked against the schema, as plain JSON in
the user's cache folder (:func:`definition_cache_folder`), named by the SHA-256 of the YAML
and of the schema: the next start reads that JSON instead of parsing YAML and validating
it again (every other check below still runs). Imported definitions always take the strict
path (safe YAML, schema, checks).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DefinitionError, RuleSyntaxError
from ..i18n import _
from ..received_files import read_regular_file
from .model import INSTRUMENT_ORDER, Article, Definition, Instrument, Option, Paragraph, Question
from .patterns import PatternError, compile_pattern
from .rules import parse_rule

#: Largest definition file accepted, in bytes (the shipped ones are under 25 KB).
MAX_DEFINITION_BYTES = 5 * 1024 * 1024

_FORMS_PACKAGE = "untoc_desktop.forms"


#: Layout of the files in :func:`definition_cache_folder`; raise it when their content changes.
_CACHE_FORMAT = 1

#: Definitions loaded in this process, by (path, SHA-256 of the file's bytes).
_loaded: dict[tuple[str, str], Definition] = {}
#: Parsed cached JSON copies read for their facts and not built yet, by cache file (see :func:`_cached_data`).
_cached: dict[Path, Any] = {}


@cache
@cache
def _schema_text() -> str:
    """The shipped definition schema's text (read once: it keys every cached copy's name)."""
    return resources.files(_FORMS_PACKAGE).joinpath("definition.schema.json").read_text("utf-8")


@cache
def definition_schema() -> dict[str, Any]:
    """The JSON Schema of definition files (``forms/definition.schema.json``)."""
    return json.loads(_schema_text())


def definition_cache_folder() -> Path:
    """Where checked copies of the shipped definitions are kept as JSON (the user's cache folder).

    Deleting it is always safe: the definitions are read from YAML again on the next start.
    """
    from ..installed import user_cache_folder

    return user_cache_folder("definitions")


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
        definition = _load_shipped_file(path)
        if definition.cluster == cluster:
            return definition
    available = ", ".join(str(d.cluster) for d in installed_definitions()) or "none"
    raise DefinitionError(
        _("No questionnaire is available for cluster {cluster} (available: {available}).").format(
            cluster=cluster, available=available
        )
    )


def installed_definitions() -> list[Definition]:
    """Every shipped definition, ordered by cluster (each file parsed once per process, see the module notes)."""
    return sorted((_load_shipped_file(p) for p in installed_definition_paths()), key=lambda d: d.cluster)


def _load_shipped_file(path: Path) -> Definition:
    """Load a definition shipped in the package, through the JSON cache of checked definitions.

    The cached JSON is used only when it was written for these very bytes of YAML and of the
    schema (its name is their SHA-256); anything wrong with it (missing, unreadable, damaged)
    falls back to :func:`load_definition_file`, which writes it again.
    """
    raw = read_regular_file(path, MAX_DEFINITION_BYTES, DefinitionError)
    digest = hashlib.sha256(raw).hexdigest()
    loaded = _loaded.get((str(path), digest))
    if loaded is not None:
        return loaded
    data = _cached_data(digest, keep=False)
    if data is None:
        return _load_bytes(path, raw, digest, keep_copy=_cache_file(digest))
    try:
        definition = definition_from_data(data, source_name=path.name, path=str(path), schema_checked=True)
    except Exception:  # noqa: BLE001 (a damaged cache: the strict path decides and reports)
        return _load_bytes(path, raw, digest, keep_copy=_cache_file(digest))
    _loaded[(str(path), digest)] = definition
    return definition


def _cache_file(digest: str) -> Path:
    """The cached JSON of the shipped file whose bytes have SHA-256 ``digest`` (named by it and the schema's)."""
    key = hashlib.sha256(f"{_CACHE_FORMAT}\n{digest}\n{_schema_text()}".encode()).hexdigest()
    return definition_cache_folder() / f"{key}.json"


def _cached_data(digest: str, *, keep: bool) -> Any:
    """The parsed cached JSON of a shipped file, or ``None`` when there is none usable.

    Args:
        digest: SHA-256 of the shipped file's bytes.
        keep: keep the parsed data in memory for the next call (:func:`shipped_definition_facts`
            reads a file's facts, then :func:`_load_shipped_file` builds it from the same data);
            when false, data kept earlier is handed over and forgotten.
    """
    cache_file = _cache_file(digest)
    found = _cached.pop(cache_file, None)
    if found is None:
        try:
            found = json.loads(cache_file.read_text("utf-8"))
        except (OSError, ValueError):
            return None
    if keep:
        _cached[cache_file] = found
    return found


def load_shipped_definition(path: Path) -> Definition:
    """The shipped definition in ``path`` (one of :func:`installed_definition_paths`), loaded once per process.

    Raises:
        DefinitionError: the file is unreadable or invalid.
    """
    return _load_shipped_file(path)


def shipped_definition_facts() -> list[tuple[str, str, int, Path]]:
    """(definition id, version, cluster, path) of every shipped definition, without building any of them.

    Read from the checked JSON copies in the cache (a file with no usable copy is loaded, checked
    and cached as :func:`installed_definitions` does), so that start-up can list the clusters and
    find the newest version of one definition without building the four models.

    Raises:
        DefinitionError: a shipped file is unreadable or invalid (a broken installation).
    """
    facts = []
    for path in installed_definition_paths():
        raw = read_regular_file(path, MAX_DEFINITION_BYTES, DefinitionError)
        digest = hashlib.sha256(raw).hexdigest()
        if (str(path), digest) in _loaded:
            definition = _loaded[(str(path), digest)]
            facts.append((definition.id, definition.version, definition.cluster, path))
            continue
        data = _cached_data(digest, keep=True)
        try:
            facts.append((str(data["id"]), str(data["version"]), int(data["cluster"]), path))
            continue
        except (TypeError, KeyError, ValueError):
            pass  # no usable cached copy: build it (and cache it) the strict way
        definition = _load_shipped_file(path)
        facts.append((definition.id, definition.version, definition.cluster, path))
    return facts


def _keep_checked_copy(cached: Path, data: Any) -> None:
    """Write the parsed data of a shipped definition that passed every check as JSON (best effort)."""
    from ..files import atomic_write_text

    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return  # something JSON cannot hold exactly (a YAML date...): no cache, YAML every time
    if json.loads(text) != data:
        return
    try:
        atomic_write_text(cached, text)
    except OSError:
        pass  # a read-only or full cache folder only costs time


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
    return _load_bytes(path, raw, hashlib.sha256(raw).hexdigest())


def _load_bytes(path: Path, raw: bytes, digest: str, keep_copy: Path | None = None) -> Definition:
    """The strict path of :func:`load_definition_file` for bytes already read, once per (path, digest).

    ``keep_copy``: where to keep the parsed data as JSON once every check passed (shipped files only).
    """
    loaded = _loaded.get((str(path), digest))
    if loaded is not None:
        return loaded
    from .safe_yaml import load_data_yaml  # PyYAML only when a file is really parsed

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError(
            _("The questionnaire definition {name} is not valid YAML: {problem}").format(name=path.name, problem=exc)
        ) from None
    data = load_data_yaml(text, path.name)  # no aliases, limited nesting
    definition = definition_from_data(data, source_name=path.name, path=str(path))
    _loaded[(str(path), digest)] = definition
    if keep_copy is not None:
        _keep_checked_copy(keep_copy, data)
    return definition


def definition_from_data(
    data: Any, source_name: str = "<data>", path: str = "", *, schema_checked: bool = False
) -> Definition:
    """Build a :class:`Definition` from already parsed data (see :func:`load_definition_file`).

    Args:
        data: the parsed file (mappings, lists, strings, numbers).
        source_name: the file's name, for messages.
        path: the file's path, kept in :attr:`Definition.path`.
        schema_checked: ``data`` is a cached copy of a shipped file that already passed the
            schema (see :func:`_load_shipped_file`): the schema check is skipped, every other
            check runs.

    Raises:
        DefinitionError: as :func:`load_definition_file`.
    """
    if not schema_checked:
        _check_schema(data, source_name)

    question_sets: dict[str, list[dict[str, Any]]] = data["question_sets"]
    for set_name, questions in question_sets.items():
        keys = [q["key"] for q in questions]
        duplicates = {k for k in keys if keys.count(k) > 1}
        if duplicates:
            raise DefinitionError(
                _(
                    "The questionnaire definition {source_name}: question set '{set_name}' repeats the "
                    "key(s) {choices}."
                ).format(source_name=source_name, set_name=set_name, choices=", ".join(sorted(duplicates)))
            )

    instruments = []
    seen_codes: set[str] = set()
    seen_paragraphs: set[str] = set()
    for raw_instrument in sorted(data["instruments"], key=lambda i: INSTRUMENT_ORDER.index(i["code"])):
        code = raw_instrument["code"]
        if code in seen_codes:
            raise DefinitionError(
                _("The questionnaire definition {source_name} lists the instrument {code} twice.").format(
                    source_name=source_name, code=code
                )
            )
        seen_codes.add(code)
        articles = []
        for raw_article in raw_instrument["articles"]:
            paragraphs = []
            for raw_paragraph in raw_article["paragraphs"]:
                paragraph_id = f"{code}.{raw_article['number']}.{raw_paragraph['ref']}"
                if paragraph_id in seen_paragraphs:
                    raise DefinitionError(
                        _(
                            "The questionnaire definition {source_name} lists the paragraph {paragraph_id} twice."
                        ).format(source_name=source_name, paragraph_id=paragraph_id)
                    )
                seen_paragraphs.add(paragraph_id)
                paragraph_set: str | None = raw_paragraph.get("question_set") or _default_set(
                    raw_paragraph["obligation"], question_sets
                )
                if paragraph_set is not None and paragraph_set not in question_sets:
                    raise DefinitionError(
                        _(
                            "The questionnaire definition {source_name}: paragraph {paragraph_id} uses the "
                            "unknown question set '{set_name}'."
                        ).format(source_name=source_name, paragraph_id=paragraph_id, set_name=paragraph_set)
                    )
                base = question_sets[paragraph_set] if paragraph_set is not None else []
                raw_questions = base + raw_paragraph.get("extra_questions", [])
                keys = [q["key"] for q in raw_questions]
                if len(keys) != len(set(keys)):
                    raise DefinitionError(
                        _(
                            "The questionnaire definition {source_name}: paragraph {paragraph_id} has an "
                            "extra question whose key is already used by its question set."
                        ).format(source_name=source_name, paragraph_id=paragraph_id)
                    )
                built_questions = _build_questions(raw_questions, paragraph_id, source_name)
                paragraphs.append(
                    Paragraph(
                        id=paragraph_id,
                        instrument=code,
                        article=raw_article["number"],
                        ref=raw_paragraph["ref"],
                        label=raw_paragraph["label"],
                        obligation=raw_paragraph["obligation"],
                        questions=built_questions,
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


def _check_schema(data: Any, source_name: str) -> None:
    """Check parsed data against ``definition.schema.json``; raise the best-matching problem as DefinitionError."""
    import jsonschema  # only when a definition is really checked (not on a start with the cache)

    validator = jsonschema.Draft202012Validator(definition_schema(), format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise DefinitionError(
            _("The questionnaire definition {source_name} is invalid at {where}: {message}").format(
                source_name=source_name, where=where, message=error.message
            )
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
                    _(
                        "The questionnaire definition {source_name}: the {name} rule of question "
                        "{question_id} ('{shown}') is invalid: {problem}."
                    ).format(source_name=source_name, name=name, question_id=question_id, shown=shown, problem=exc)
                ) from None
        if raw.get("pattern") is not None:
            try:
                compile_pattern(raw["pattern"])
            except PatternError as exc:
                raise DefinitionError(
                    _(
                        "The questionnaire definition {source_name}: the pattern of question {question_id} "
                        "is refused: {problem}."
                    ).format(source_name=source_name, question_id=question_id, problem=exc)
                ) from None
        if raw.get("minimum") is not None and raw.get("maximum") is not None and raw["minimum"] > raw["maximum"]:
            raise DefinitionError(
                _(
                    "The questionnaire definition {source_name}: question {question_id} has a minimum "
                    "above its maximum."
                ).format(source_name=source_name, question_id=question_id)
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
