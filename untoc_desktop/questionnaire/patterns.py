r"""Answer patterns (``pattern`` of a ``text`` question) run with RE2, a linear-time engine.

A definition file may come from someone else. Python's own ``re`` backtracks, so
a pattern such as ``^(\w+\s?)*$`` takes exponential time on an ordinary sentence
and would freeze the window at the first keystroke. RE2 (the ``google-re2``
package) checks any text in time proportional to its length; it has no
back-references or look-around, and a pattern using them is refused when the
definition is loaded, with a message saying so.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import re2
    from jsonschema.exceptions import ValidationError

from ..i18n import _

#: Longest pattern accepted, in characters.
MAX_PATTERN_CHARS = 500
#: Memory RE2 may use to compile one pattern, in bytes (a huge repetition count is refused).
_MAX_MEMORY = 8 * 1024 * 1024


class PatternError(ValueError):
    """A pattern that is too long, invalid, or uses a feature RE2 cannot run in linear time."""


def _options() -> re2.Options:
    import re2  # loaded by the first pattern compiled (the shipped questionnaires have none)

    options = re2.Options()
    options.log_errors = False  # the reason reaches the user in the message instead
    options.max_mem = _MAX_MEMORY
    return options


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Any:
    """Compile an answer pattern with RE2.

    Raises:
        PatternError: too long, not a regular expression, or using back-references,
            look-ahead or look-behind (which only a backtracking engine runs).
    """
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(
            _("the pattern is {length} characters long (at most {limit})").format(
                length=len(pattern), limit=MAX_PATTERN_CHARS
            )
        )
    import re2

    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(
            _(
                "the pattern cannot be checked in linear time or is invalid ({reason}); patterns may "
                "not use back-references (\\1) or look-around ((?=...), (?!...), (?<=...))"
            ).format(reason=reason)
        ) from None


def pattern_keyword(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """The JSON Schema ``pattern`` keyword, run with RE2 (for :func:`jsonschema.validators.extend`)."""
    from jsonschema.exceptions import ValidationError  # jsonschema calls this, so it is already imported

    if not validator.is_type(instance, "string"):
        return
    try:
        compiled = compile_pattern(pattern)
    except PatternError as exc:
        yield ValidationError(str(exc))
        return
    if compiled.search(instance) is None:
        yield ValidationError(_("{value!r} does not match {pattern!r}").format(value=instance, pattern=pattern))
