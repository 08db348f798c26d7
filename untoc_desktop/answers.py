"""Checking answer values against their questions, and importing answers files.

An answers file is a JSON object mapping question id to value, for example
``{"UNTOC.5.1(a).status": "partly", "UNTOC.5.1(a).challenges": "..."}``.
Importing is all or nothing: one unknown id or invalid value rejects the file
and nothing is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .draft.draft_file import Draft
from .errors import ImportFileError, InvalidAnswerError
from .i18n import _
from .questionnaire.model import Definition, Question
from .questionnaire.patterns import pattern_keyword
from .questionnaire.types import value_schema
from .received_files import read_regular_file

_MESSAGE_MAX = 300  # characters of a validation message shown; a rejected 8 MB answer is not echoed back

#: Largest answers file accepted, in bytes (a full cluster answered at length is far smaller).
MAX_ANSWERS_FILE_BYTES = 50 * 1024 * 1024


@cache
def _answer_validator_class() -> Any:
    """JSON Schema draft 2020-12 whose ``pattern`` runs in linear time (RE2), never backtracking.

    Built on first use: jsonschema is imported when an answer is first checked, not at start-up.
    """
    import jsonschema

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern_keyword})


@cache
def _validator(schema_json: str) -> Any:
    return _answer_validator_class()(json.loads(schema_json))


def _best_error(validator: Any, value: Any) -> Any:
    """The most relevant validation error of ``value`` (a ``jsonschema.ValidationError``), or ``None``."""
    import jsonschema.exceptions

    return jsonschema.exceptions.best_match(validator.iter_errors(value))


def check_answer(question: Question, value: Any) -> None:
    """Check that ``value`` is a valid answer to ``question`` (``None`` always is: no answer).

    Raises:
        InvalidAnswerError: naming the question and the first problem.
    """
    if value is None:
        return
    if not _finite(value):
        raise InvalidAnswerError(
            _("The answer to {id} is not valid: NaN and Infinity are not numbers. Give a number.").format(
                id=question.id
            ),
            question_id=question.id,
        )
    if _surely_valid(question.value_schema, value):
        return  # a text within its length, or one of the offered choices: decided without jsonschema
    validator = _validator(json.dumps(question.value_schema, sort_keys=True))
    error = _best_error(validator, value)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path)
        where = _(" (at {where})").format(where=where) if where else ""
        message = error.message
        if len(message) > _MESSAGE_MAX:  # keep the reason, which jsonschema puts after the (long) value
            message = f"{message[: _MESSAGE_MAX // 2]} … {message[-_MESSAGE_MAX // 2 :]}"
        raise InvalidAnswerError(
            _("The answer to {id} is not valid{where}: {message}").format(id=question.id, where=where, message=message),
            question_id=question.id,
        )


def _shape(schema: Any) -> Any:
    """The kinds of values a schema allows (types, items, properties), without its other limits."""
    if not isinstance(schema, dict):
        return {}
    shape: dict[str, Any] = {}
    if "type" in schema:
        shape["type"] = schema["type"]
    elif isinstance(schema.get("enum"), list) and schema["enum"]:
        kinds = {
            "string" if isinstance(v, str) else "number" if isinstance(v, (int, float)) else None
            for v in schema["enum"]
        }
        if None not in kinds:
            shape["type"] = sorted(kinds)
    if "items" in schema:
        shape["items"] = _shape(schema["items"])
    if isinstance(schema.get("properties"), dict):
        shape["properties"] = {key: _shape(sub) for key, sub in schema["properties"].items()}
    return shape


@lru_cache(maxsize=256)
def _question_shape(
    kind: str, options: tuple[str, ...], minimum: float | None, maximum: float | None, pattern: str | None
) -> dict[str, Any]:
    """:func:`_shape` of the schema :func:`.questionnaire.types.value_schema` gives for these; read only.

    Remembered: a draft's opening checks every answer's shape, and its questions share a few kinds.
    """
    return _shape(value_schema(kind, list(options), minimum, maximum, pattern))


def check_stored_shape(question: Question, value: Any) -> str:
    """Why a value read from a draft cannot be shown for ``question`` (wrong kind of value), or "".

    Only the kinds of values are checked (text, number, list, table rows), not the
    question's other limits: a value this version no longer offers is still shown.
    """
    if value is None:
        return ""
    if not _finite(value):
        return "NaN and Infinity are not numbers"
    shape = _question_shape(
        question.type, tuple(o.value for o in question.options), question.minimum, question.maximum, question.pattern
    )
    if _surely_fits(shape, value):
        return ""  # the usual case, decided without jsonschema (which a draft's opening then never imports)
    validator = _validator(json.dumps(shape, sort_keys=True))
    error = _best_error(validator, value)
    if error is None:
        return ""
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{error.message[:200]}{f' (at {where})' if where else ''}"


_KIND_TESTS = {
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def _surely_fits(shape: dict[str, Any], value: Any) -> bool:
    """True when ``value`` has the kinds a :func:`_shape` allows; False when unsure (jsonschema then decides).

    Never True for a value jsonschema would refuse: unknown type names and integral floats
    for ``integer`` answer False.
    """
    kinds = shape.get("type")
    if kinds is not None:
        names = [kinds] if isinstance(kinds, str) else kinds
        if not any(name in _KIND_TESTS and _KIND_TESTS[name](value) for name in names):
            return False
    if isinstance(value, list) and isinstance(shape.get("items"), dict):
        if not all(_surely_fits(shape["items"], item) for item in value):
            return False
    if isinstance(value, dict) and isinstance(shape.get("properties"), dict):
        for key, sub in shape["properties"].items():
            if key in value and not _surely_fits(sub, value[key]):
                return False
    return True


#: Keywords of the two commonest answer schemas (a text with a length limit; a choice among options).
_TEXT_KEYWORDS = frozenset({"$schema", "type", "maxLength"})
_CHOICE_KEYWORDS = frozenset({"$schema", "type", "enum"})


def _surely_valid(schema: Any, value: Any) -> bool:
    """True when ``value`` is surely valid for ``schema``; False when unsure (jsonschema then decides).

    Only the two schemas that most questions have are decided here, exactly as JSON Schema does:
    ``{"type": "string", "maxLength": n}`` (length in characters, as Python counts them) and
    ``{"type": "string", "enum": [...]}``. So a save of typed text never waits for jsonschema to be
    imported; any other schema, and every refusal with its message, is jsonschema's.
    """
    if not isinstance(schema, dict) or schema.get("type") != "string" or not isinstance(value, str):
        return False
    keys = schema.keys()
    if keys <= _TEXT_KEYWORDS:
        limit = schema.get("maxLength")
        return limit is None or (isinstance(limit, int) and not isinstance(limit, bool) and len(value) <= limit)
    if keys <= _CHOICE_KEYWORDS and isinstance(schema.get("enum"), list):
        return value in [option for option in schema["enum"] if isinstance(option, str)]
    return False


def _finite(value: Any) -> bool:
    """False when ``value`` holds NaN or an infinity anywhere (JSON has no such numbers)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def check_answers(definition: Definition, values: Mapping[str, Any]) -> None:
    """Check a mapping of question id -> value against ``definition``.

    Raises:
        InvalidAnswerError: for the first unknown question id or invalid value.
    """
    for question_id, value in values.items():
        try:
            question = definition.question(question_id)
        except KeyError:
            raise InvalidAnswerError(
                _(
                    "Unknown question id '{question_id}': it is not in the questionnaire {id} {version}. "
                    "Run 'untoc questions --cluster {cluster}' to list the ids."
                ).format(
                    question_id=question_id, id=definition.id, version=definition.version, cluster=definition.cluster
                ),
                question_id=question_id,
            ) from None
        check_answer(question, value)


class _DuplicateId(ValueError):
    pass


def _refuse_duplicate_ids(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateId(key)
        result[key] = value
    return result


def read_answers_file(path: str | Path) -> dict[str, Any]:
    """Read an answers JSON file.

    Raises:
        ImportFileError: unreadable, not a regular file (a pipe or device is refused at once), too
            large, not JSON, or not an object.
    """
    path = Path(path)
    raw = read_regular_file(path, MAX_ANSWERS_FILE_BYTES, ImportFileError)  # never a pipe or a device
    try:
        # utf-8-sig: Windows Notepad starts UTF-8 files with a byte-order mark
        data = json.loads(
            raw.decode("utf-8-sig"), object_pairs_hook=_refuse_duplicate_ids, parse_constant=_refuse_constant
        )
    except _NotANumber as exc:
        raise ImportFileError(
            _(
                "{name} holds {value}, which is not a number; JSON numbers are digits. Correct it and import again."
            ).format(name=path.name, value=exc.args[0])
        ) from None
    except _DuplicateId as exc:
        raise ImportFileError(
            _("{name} gives two answers to {question_id}; keep one and import again.").format(
                name=path.name, question_id=exc.args[0]
            )
        ) from None
    except RecursionError:
        raise ImportFileError(_("{name} is nested too deeply to be an answers file.").format(name=path.name)) from None
    except OSError as exc:
        raise ImportFileError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror)) from None
    except UnicodeDecodeError:
        raise ImportFileError(
            _("{name} is not UTF-8 text. Save it as UTF-8 JSON and try again.").format(name=path.name)
        ) from None
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("{name} is not valid JSON (line {lineno}, column {colno}: {msg}).").format(
                name=path.name, lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
        ) from None
    if not isinstance(data, dict):
        raise ImportFileError(
            _("{name} must hold one JSON object mapping question ids to answers.").format(name=path.name)
        )
    return data


def import_answers(draft: Draft, definition: Definition, path: str | Path, author: str | None = None) -> int:
    """Import an answers file into ``draft``, all or nothing.

    Returns:
        The number of answers that changed.

    Raises:
        ImportFileError: the file is unreadable or malformed.
        InvalidAnswerError: an unknown id or invalid value (nothing written).
        DraftFileError: the draft could not be written (nothing written).
    """
    values = read_answers_file(path)
    check_answers(definition, values)
    return draft.set_answers(values, author)
