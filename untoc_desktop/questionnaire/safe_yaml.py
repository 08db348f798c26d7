"""YAML from a user (questionnaire definitions) read without aliases and with a nesting limit.

YAML aliases (``*name``) let a few hundred bytes expand to billions of nodes (the
"billion laughs"); definitions never need them, so any alias is refused at once.
Nesting deeper than :data:`MAX_DEPTH` is refused before Python's recursion limit
is reached. Only plain data is built (PyYAML's safe constructor).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

from ..errors import DefinitionError
from ..i18n import _

#: Deepest nesting of lists and mappings accepted (a definition needs about ten).
MAX_DEPTH = 40


class _DataLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases and with a depth limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102 (PyYAML hook)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None,
                None,
                _("aliases (*{name}) are not allowed in a questionnaire definition; write the values out").format(
                    name=event.anchor
                ),
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(
                    None,
                    None,
                    _("the data is nested more than {limit} levels deep").format(limit=MAX_DEPTH),
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _python_mark(mark: Any) -> yaml.error.Mark:
    """Libyaml's position mark as PyYAML's own: same name, line and column, so the message reads the same."""
    return yaml.error.Mark(mark.name, mark.index, mark.line, mark.column, None, 0)  # no buffer: no snippet


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting by reading the event stream with libyaml (C), before building anything.

    Raises:
        yaml.YAMLError: an alias, nesting deeper than :data:`MAX_DEPTH`, or a syntax error.
    """
    scanner = yaml.CSafeLoader(text)
    try:
        depth = 0
        while scanner.check_event():
            event = scanner.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise ComposerError(
                    None,
                    None,
                    _("aliases (*{name}) are not allowed in a questionnaire definition; write the values out").format(
                        name=event.anchor
                    ),
                    _python_mark(event.start_mark),
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ComposerError(
                        None,
                        None,
                        _("the data is nested more than {limit} levels deep").format(limit=MAX_DEPTH),
                        _python_mark(event.start_mark),
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        scanner.dispose()


def load_data_yaml(text: str, source_name: str) -> Any:
    """Parse YAML text from a user into plain data (dicts, lists, strings, numbers).

    With libyaml (PyYAML's C extension) the events are checked first, then the data is
    built by the C loader (ten times faster); without it, by a pure-Python loader that
    checks the same while composing.

    Raises:
        DefinitionError: not valid YAML, an alias, or nesting deeper than :data:`MAX_DEPTH`
            (the message names ``source_name`` and the line).
    """
    try:
        if getattr(yaml, "__with_libyaml__", False):
            _check_events(text)
            return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 (the safe loader; aliases refused above)
        loader = _DataLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise DefinitionError(
            _("The questionnaire definition {name} is not valid YAML: {problem}").format(name=source_name, problem=exc)
        ) from None
    except RecursionError:
        raise DefinitionError(
            _("The questionnaire definition {name} is nested too deeply.").format(name=source_name)
        ) from None
