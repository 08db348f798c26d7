"""Two versions of an answer shown side by side, with their differences marked (difflib, word by word)."""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...sharing.merge import describe_value
from ..style import colours, system_scheme

_WORD = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
#: Background of text only in the left version (removed) and only in the right one (added), for a light
#: palette; :func:`diff_html` takes the palette's own (see ``ui/style.py``).
REMOVED_COLOUR = "#ffc9c9"
ADDED_COLOUR = "#b8f0c0"


def _mark(words: list[str], colour: str, text_colour: str) -> str:
    text = html.escape("".join(words)).replace("\n", "<br>")
    if not text.strip():
        return text
    return f'<span style="background-color:{colour}; color:{text_colour}">{text}</span>'


def diff_html(left: str, right: str) -> tuple[str, str]:
    """HTML of two texts with the words only in ``left`` / only in ``right`` highlighted.

    Returns:
        (left HTML, right HTML); line breaks kept, everything escaped.
    """
    marks = colours(system_scheme())  # a dark palette gets dark marks with light text, both readable
    a, b = _WORD.findall(left), _WORD.findall(right)
    out_a, out_b = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            same = html.escape("".join(a[i1:i2])).replace("\n", "<br>")
            out_a.append(same)
            out_b.append(same)
        else:
            out_a.append(_mark(a[i1:i2], marks.removed.name(), marks.marked_text.name()))
            out_b.append(_mark(b[j1:j2], marks.added.name(), marks.marked_text.name()))
    return "".join(out_a), "".join(out_b)


class VersionPane(QWidget):
    """A titled, read-only view of one version of an answer."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)

    def set_html(self, body: str) -> None:
        """Show ``body`` (HTML from :func:`diff_html`), keeping the text's own direction."""
        self.text.setHtml(f'<div style="white-space: pre-wrap">{body}</div>')
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeading)

    def plain(self) -> str:
        """The text shown, without marks."""
        return self.text.toPlainText()


def value_text(value: Any) -> str:
    """An answer value as text for display ("" for no answer)."""
    return describe_value(value)
