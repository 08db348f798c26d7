"""Rule expressions used in questionnaire definitions.

A rule is one Python-like boolean expression, parsed once when the definition
is loaded, that refers to other answers of the same paragraph by their key.
The grammar is a small, safe subset of Python's expression syntax, parsed with
the standard library's :mod:`ast` and evaluated by our own walker (nothing is
ever passed to ``eval``):

    expression  := or-expr
    or-expr     := and-expr ("or" and-expr)*
    and-expr    := not-expr ("and" not-expr)*
    not-expr    := "not" not-expr | comparison
    comparison  := operand (("==" | "!=" | "in" | "not in" | "<" | "<=" | ">" | ">=") operand)?
    operand     := KEY | STRING | NUMBER | "true" | "false" | "none"
                 | "(" literal ("," literal)* ")" | "[" ... "]"
                 | "answered(" KEY ")" | "(" expression ")"

``KEY`` is the key of another question in the same paragraph (for example
``status``); its value is the stored answer, or ``none`` when unanswered.
``answered(KEY)`` is true when that answer counts as answered.

Example: ``status in ("partly", "not_implemented")``.

A rule is at most :data:`MAX_RULE_CHARS` characters, :data:`MAX_RULE_DEPTH`
levels deep and :data:`MAX_RULE_TERMS` terms: a definition from someone else
cannot make loading take minutes or exhaust Python's recursion limit.
"""

from __future__ import annotations

import ast
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import RuleSyntaxError
from ..i18n import _
from .types import is_answered

# CPython 3.11's parser is not safe to call from several threads at once ("AST constructor
# recursion depth mismatch"); definitions may be loaded from worker threads.
_PARSE_LOCK = threading.Lock()

_COMPARATORS = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.In: lambda a, b: a in b if isinstance(b, (tuple, list, str)) and b is not None else False,
    ast.NotIn: lambda a, b: a not in b if isinstance(b, (tuple, list, str)) else True,
    ast.Lt: lambda a, b: _ordered(a, b) and a < b,
    ast.LtE: lambda a, b: _ordered(a, b) and a <= b,
    ast.Gt: lambda a, b: _ordered(a, b) and a > b,
    ast.GtE: lambda a, b: _ordered(a, b) and a >= b,
}
#: Longest rule accepted, in characters (the shipped rules are under 100).
MAX_RULE_CHARS = 2000
#: Deepest nesting of a rule (brackets, not, and/or, comparisons).
MAX_RULE_DEPTH = 24
#: Most terms (names, literals, operators) in one rule.
MAX_RULE_TERMS = 300
_NAMED_CONSTANTS = {"true": True, "false": False, "none": None, "True": True, "False": False, "None": None}


def _ordered(a: Any, b: Any) -> bool:
    numbers = (int, float)
    return (isinstance(a, numbers) and isinstance(b, numbers)) or (isinstance(a, str) and isinstance(b, str))


@dataclass(frozen=True)
class Rule:
    """A parsed rule expression.

    Attributes:
        source: the expression as written.
        keys: the question keys the rule refers to.
    """

    source: str
    _tree: ast.Expression = field(repr=False, compare=False)
    keys: frozenset[str] = frozenset()

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """Evaluate the rule against the answers of one paragraph.

        Args:
            answers: question key -> stored value (missing keys count as ``none``).

        Returns:
            The truth value of the expression.
        """
        return bool(_eval(self._tree.body, answers))

    def describe(self) -> str:
        """The expression, for messages such as "required because ..."."""
        return self.source


def parse_rule(source: str, known_keys: frozenset[str] | set[str] | None = None) -> Rule:
    """Parse a rule expression.

    A definition repeats a few rules on many questions (cluster 1: 154 rules, 13 different with
    their keys), so a rule already parsed with the same keys is given again (rules are immutable).

    Args:
        source: the expression text.
        known_keys: when given, the question keys the rule may refer to; any
            other name is an error.

    Raises:
        RuleSyntaxError: with the 0-based ``position`` of the first problem.
    """
    if not isinstance(source, str):
        raise RuleSyntaxError(_("the rule is empty"), str(source), 0)
    return _parse_rule(source, None if known_keys is None else frozenset(known_keys))


@lru_cache(maxsize=512)
def _parse_rule(source: str, known_keys: frozenset[str] | None) -> Rule:
    """:func:`parse_rule`, remembered for the last 512 (source, keys); errors are raised anew each time."""
    if not source.strip():
        raise RuleSyntaxError(_("the rule is empty"), str(source), 0)
    if len(source) > MAX_RULE_CHARS:
        raise RuleSyntaxError(
            _("the rule is {count} characters long; rules are limited to {max_rule_chars}").format(
                count=len(source), max_rule_chars=MAX_RULE_CHARS
            ),
            source,
            MAX_RULE_CHARS,
        )
    try:
        with _PARSE_LOCK:
            tree = ast.parse(source.strip(), mode="eval")
    except (RecursionError, MemoryError):
        raise RuleSyntaxError(
            _("the rule is nested too deeply (at most {max_rule_depth} levels)").format(max_rule_depth=MAX_RULE_DEPTH),
            source,
            0,
        ) from None
    except SyntaxError as exc:
        if not exc.offset:  # Python gives no offset when the text ends too early
            position, message = len(source.strip()), "the rule ends too early"
        else:
            position, message = exc.offset - 1, exc.msg
        raise RuleSyntaxError(
            _("invalid syntax at position {position}: {message}").format(position=position, message=message),
            source,
            position,
        ) from None
    keys: set[str] = set()
    _check_size(tree.body, source)
    _check(tree.body, source, keys, known_keys)
    return Rule(source=source.strip(), _tree=tree, keys=frozenset(keys))


def _check_size(root: ast.AST, source: str) -> None:
    """Refuse a rule nested deeper than :data:`MAX_RULE_DEPTH` or with more than :data:`MAX_RULE_TERMS` terms.

    Walks the tree with an explicit stack, so that no depth can reach Python's recursion limit.
    """
    stack, terms = [(root, 1)], 0
    while stack:
        node, depth = stack.pop()
        if depth > MAX_RULE_DEPTH:
            raise _fail(node, source, f"the rule is nested more than {MAX_RULE_DEPTH} levels deep")
        terms += 1
        if terms > MAX_RULE_TERMS:
            raise _fail(node, source, f"the rule has more than {MAX_RULE_TERMS} terms")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _fail(node: ast.AST, source: str, what: str) -> RuleSyntaxError:
    position = getattr(node, "col_offset", 0)
    return RuleSyntaxError(f"{what} at position {position}", source, position)


def _check(node: ast.AST, source: str, keys: set[str], known: frozenset[str] | set[str] | None) -> None:
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, source, keys, known)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _check(node.operand, source, keys, known)
    elif isinstance(node, ast.Compare):
        if len(node.ops) != 1:
            raise _fail(node, source, "chained comparisons are not allowed; use 'and'")
        if type(node.ops[0]) not in _COMPARATORS:
            raise _fail(node, source, "unsupported comparison")
        _check(node.left, source, keys, known)
        _check(node.comparators[0], source, keys, known)
    elif isinstance(node, ast.Name):
        if node.id in _NAMED_CONSTANTS:
            return
        if known is not None and node.id not in known:
            raise _fail(node, source, f"unknown question key '{node.id}'")
        keys.add(node.id)
    elif isinstance(node, ast.Constant):
        if not isinstance(node.value, (str, int, float, bool, type(None))):
            raise _fail(node, source, "unsupported literal")
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            if not isinstance(element, ast.Constant):
                raise _fail(element, source, "lists may hold only literal values")
            _check(element, source, keys, known)
    elif isinstance(node, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id == "answered"):
            raise _fail(node, source, "the only function is answered(KEY)")
        if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Name):
            raise _fail(node, source, "answered() takes one question key")
        _check(node.args[0], source, keys, known)
    else:
        raise _fail(node, source, f"'{ast.unparse(node)}' is not allowed in a rule")


def _eval(node: ast.AST, answers: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.BoolOp):
        results = (_eval(v, answers) for v in node.values)
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.UnaryOp):
        return not _eval(node.operand, answers)
    if isinstance(node, ast.Compare):
        return _COMPARATORS[type(node.ops[0])](_eval(node.left, answers), _eval(node.comparators[0], answers))
    if isinstance(node, ast.Name):
        if node.id in _NAMED_CONSTANTS:
            return _NAMED_CONSTANTS[node.id]
        return answers.get(node.id)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_eval(e, answers) for e in node.elts)
    if isinstance(node, ast.Call):
        return is_answered(answers.get(node.args[0].id))  # type: ignore[attr-defined]
    raise AssertionError(f"unchecked node {node!r}")  # parse_rule rejects everything else
