"""Three-way merge of free-text answers, sentence by sentence.

A text is cut into tokens: sentences (with the spaces after them) and line
breaks (each run of line breaks is a token of its own, so a paragraph break
is never glued to a sentence). Sentence ends are those of the six UN
languages: ``. ! ? …`` (English, French, Spanish, Russian), the Arabic
question mark ``؟`` and full stop ``۔``, and the Chinese ``。！？``.

The merge itself is the ``merge3`` library (diff3 on those tokens). diff3
reports changes to *adjacent* sentences as one conflict; each such region is
refined with :class:`difflib.SequenceMatcher` (standard library): the two
sides' changes are compared with the ancestor separately, and only changes
touching the same ancestor sentences (or inserting different text at the same
place) remain a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from merge3 import Merge3

# Where a sentence ends: a sentence end (plus closing quotes/brackets) and the spaces after it; Chinese
# ends need no space after them. Runs of line breaks are tokens of their own.
_CLOSE = "[\"'”’»)\\]]*"
_BOUNDARY = re.compile(  # the look-ahead lets the engine skip ordinary characters quickly
    rf"(?=[.!?…؟۔。！？\n])(?:[.!?…؟۔]{_CLOSE}[ \t\u00a0\u3000]+|[.!?…؟۔]{_CLOSE}(?=\n)"
    rf"|[。！？]{_CLOSE}[ \t\u00a0\u3000]*|\n+)"
)


def sentences(text: str) -> list[str]:
    """Cut ``text`` into tokens whose concatenation is ``text`` exactly.

    Args:
        text: any text (several paragraphs, any of the six languages).

    Returns:
        Sentences (each with the spaces that follow it) and runs of line breaks.
    """
    tokens: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith("\n"):
            if match.start() > start:
                tokens.append(text[start : match.start()])
            tokens.append(match.group())
        else:
            tokens.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        tokens.append(text[start:])
    return tokens


@dataclass(frozen=True)
class TextConflict:
    """A place where both sides changed the same sentences differently.

    Attributes:
        ancestor / mine / theirs: the text of that place in each version ("" when absent).
    """

    ancestor: str
    mine: str
    theirs: str


Piece = str | TextConflict


@dataclass(frozen=True)
class TextMerge:
    """The result of merging one text: agreed pieces and conflicts, in order.

    Attributes:
        pieces: text (agreed or taken from one side) and :class:`TextConflict` places.
    """

    pieces: tuple[Piece, ...]

    @property
    def conflicts(self) -> tuple[TextConflict, ...]:
        """The conflicting places (empty when the texts merged cleanly)."""
        return tuple(p for p in self.pieces if isinstance(p, TextConflict))

    def text(self, side: str = "mine") -> str:
        """The merged text, taking ``side`` ("mine", "theirs" or "both") at each conflict.

        "both" keeps my version then theirs, separated by a space when needed.
        """
        out = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif side == "mine":
                out.append(piece.mine)
            elif side == "theirs":
                out.append(piece.theirs)
            else:
                joiner = "" if not piece.mine or not piece.theirs or piece.mine[-1:].isspace() else " "
                out.append(piece.mine + joiner + piece.theirs)
        return "".join(out)


def _changes(base: list[str], side: list[str]) -> list[tuple[int, int, list[str]]]:
    """The side's changes to ``base``: (start, end, replacement) over base token indexes."""
    matcher = SequenceMatcher(None, base, side, autojunk=False)
    return [(i1, i2, side[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _overlap(a: tuple[int, int, list[str]], b: tuple[int, int, list[str]]) -> bool:
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 == a2 and b1 == b2:  # two insertions: only at the very same place
        return a1 == b1
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def _refine(base: list[str], mine: list[str], theirs: list[str]) -> list[Piece]:
    """Split one diff3 conflict region into independent changes and true conflicts."""
    changes = [("m", *c) for c in _changes(base, mine)] + [("t", *c) for c in _changes(base, theirs)]
    changes.sort(key=lambda c: (c[1], c[2], c[0]))
    # Group changes that overlap (transitively); a group with changes from both sides is a conflict.
    groups: list[list[tuple[str, int, int, list[str]]]] = []
    for change in changes:
        if groups and any(_overlap(change[1:], other[1:]) for other in groups[-1]):
            groups[-1].append(change)
        else:
            groups.append([change])
    pieces: list[Piece] = []
    position = 0
    for group in groups:
        start = min(c[1] for c in group)
        end = max(c[2] for c in group)
        pieces.append("".join(base[position:start]))
        sides = {c[0] for c in group}
        if len(sides) == 1:  # one side only: its changes, in order
            cursor, out = start, []
            for _side, c1, c2, replacement in group:
                out.append("".join(base[cursor:c1]))
                out.extend(replacement)
                cursor = c2
            out.append("".join(base[cursor:end]))
            pieces.append("".join(out))
        else:
            versions = {}
            for side in ("m", "t"):
                cursor, out = start, []
                for _side, c1, c2, replacement in (c for c in group if c[0] == side):
                    out.append("".join(base[cursor:c1]))
                    out.extend(replacement)
                    cursor = c2
                out.append("".join(base[cursor:end]))
                versions[side] = "".join(out)
            ancestor = "".join(base[start:end])
            if versions["m"] == versions["t"]:
                pieces.append(versions["m"])
            else:
                pieces.append(TextConflict(ancestor, versions["m"], versions["t"]))
        position = end
    pieces.append("".join(base[position:]))
    return pieces


def merge_texts(ancestor: str, mine: str, theirs: str) -> TextMerge:
    """Merge two edited versions of a text with their common ancestor.

    Args:
        ancestor: the text both versions started from ("" when the answer was new on both sides).
        mine: my edited version.
        theirs: the colleague's edited version.

    Returns:
        A :class:`TextMerge`; its ``text("mine")`` equals ``text("theirs")`` when there is no conflict.
        Merging is symmetric: swapping ``mine`` and ``theirs`` swaps the sides of each conflict
        and gives the same agreed text.
    """
    base, a, b = sentences(ancestor), sentences(mine), sentences(theirs)
    pieces: list[Piece] = []
    for group in Merge3(base, a, b).merge_groups():
        if len(group) == 4:  # ("conflict", base, a, b); the length tells the type checker too
            pieces.extend(_refine(list(group[1]), list(group[2]), list(group[3])))
        else:  # ("unchanged" | "a" | "b" | "same", sentences)
            pieces.append("".join(group[1]))
    merged: list[Piece] = []
    for piece in pieces:  # join neighbouring plain text
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return TextMerge(tuple(merged))
