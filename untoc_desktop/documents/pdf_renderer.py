"""Render a :class:`~.model.Document` to PDF with the Typst typesetting engine.

Typst (the ``typst`` package embeds its compiler) does what a submission in
any script needs and our own layout code did badly: shaping (HarfBuzz-style,
through rustybuzz), the full Unicode Bidirectional Algorithm (UAX #9), line
breaking (UAX #14, with dictionaries for Thai and Khmer and CJK rules), font
fallback per character, a tagged PDF (headings, paragraphs, lists, tables,
reading order) and PDF/A. See ``docs/decisions/0005-typst-pdf.md``.

The layout is one fixed template, ``submission.typ``. This module turns the
document model into JSON data for it: every user text reaches the engine as
a JSON string (``sys.inputs``), never as markup or code. For each piece of
text it decides the language tag (which selects line breaking and shaping),
the base direction (first strong character, UAX #9 rule P2) and the font
order (the family of the text's script first, see :mod:`.pdf_fonts`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from ..errors import ExportError
from ..i18n import _
from . import model
from .pdf_fonts import (
    FONTS_DIR,
    describe_missing,
    fallback_order,
    language_script,
    log_missing_glyphs,
    register_fonts,
    script_language,
    script_of,
)
from .sources import link_split
from .text import SUBSTITUTE, clean_text, strong_direction
from .typeset import translated

#: The layout template, shipped inside the package.
TEMPLATE = Path(__file__).with_name("submission.typ")
#: PDF standards the file claims and the engine checks: PDF/A-2a (archiving, tagged) and PDF/UA-1
#: (accessibility). The engine refuses to write a file that breaks them.
PDF_STANDARDS: Final = ("a-2a", "ua-1")  # Final: the type checker keeps the literal names typst accepts
#: Language tags whose text is written with a region-specific form (Typst ``region``).
_REGIONS = {"zh": "cn"}
_TAB = "\u00a0" * 4  # a tab keeps a visible gap (the engine would draw a single space)


class _Encoder:
    """Turns texts into the template's text values, remembering the font lists used."""

    def __init__(self, document: model.Document) -> None:
        self.language = (document.language or "en").replace("_", "-")
        self.base_language = self.language.split("-")[0].lower()
        self.direction = "rtl" if document.direction == "rtl" else "ltr"
        # The document's own script leads the base list (Noto Naskh Arabic in an Arabic document).
        base = fallback_order(language_script(self.base_language))
        self.base_family = base[0]
        self.fonts: dict[str, list[str]] = {"base": [f.family for f in base]}

    def text(self, raw: str, *, direction: str | None = None) -> str | dict[str, str]:
        """A text value: the plain string when it follows the document's defaults, else a dictionary.

        Args:
            raw: the text as in the model (cleaned here).
            direction: force this base direction (page furniture of a right-to-left document).
        """
        text = clean_text(raw).replace("\t", _TAB)
        script = script_of(text)
        language = script_language(script, self.base_language) if script else self.base_language
        direction = direction or strong_direction(text) or self.direction
        value: dict[str, str] = {"t": text}
        if language != self.base_language:
            value["l"] = language
            if language in _REGIONS:
                value["r"] = _REGIONS[language]
        if direction != self.direction:
            value["d"] = direction
        key = self._font_key(script)
        if key != "base":
            value["f"] = key
        return text if len(value) == 1 else value

    def _font_key(self, script: str) -> str:
        order = fallback_order(script)
        if not script or order[0] is self.base_family:
            return "base"
        key = order[0].name
        self.fonts.setdefault(key, [f.family for f in order])
        return key


def _footer_parts(pattern: str) -> list[dict[str, str]]:
    """``"Page {page} of {pages}"`` as ``[{"t": "Page "}, {"n": "page"}, {"t": " of "}, {"n": "pages"}]``."""
    parts = []
    for piece in re.split(r"(\{pages?\})", clean_text(pattern)):
        if piece in ("{page}", "{pages}"):
            parts.append({"n": piece[1:-1]})
        elif piece:
            parts.append({"t": piece})
    return parts


def _list_groups(encoder: _Encoder, items: tuple[str, ...], links: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """List items grouped in runs of the same language, direction and fonts (one list per run).

    A right-to-left item inside a left-to-right list gets a list of its own, so its bullet is at
    its start, the right.
    """
    groups: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        before, link = link_split(clean_text(item), links[index] if index < len(links) else "")
        value = encoder.text(before + link)
        style = {k: v for k, v in value.items() if k != "t"} if isinstance(value, dict) else {}
        entry: Any = value
        if link:
            entry = dict(value) if isinstance(value, dict) else {"t": value}
            entry["t"] = clean_text(before).replace("\t", _TAB)
            entry["u"] = link
        if groups and groups[-1]["style"] == style:
            groups[-1]["items"].append(entry)
        else:
            groups.append({"style": style, "items": [entry]})
    return [{"x": {"t": "", **g["style"]} if g["style"] else "", "items": g["items"]} for g in groups]


def document_data(document: model.Document, tick: Callable[[], None] | None = None) -> dict[str, Any]:
    """The template's input for ``document``: plain JSON-serialisable data.

    Args:
        document: the document model.
        tick: called once per block converted.

    Returns:
        ``{"title", "author", "lang", "region", "dir", "header", "mark", "footer", "fonts", "blocks"}``.
    """
    encoder = _Encoder(document)
    rtl = "rtl" if encoder.direction == "rtl" else None
    toc_levels = max((b.levels for b in document.blocks if isinstance(b, model.TableOfContents)), default=0)
    blocks: list[dict[str, Any]] = []
    last_level = 0
    for block in document.blocks:
        if isinstance(block, model.Heading):
            # PDF/UA: the first heading is of level 1 and no level is skipped on the way down.
            level = max(1, min(block.level, 3, last_level + 1))
            last_level = level
            blocks.append({"k": "h", "l": level, "o": level <= toc_levels, "x": encoder.text(block.text)})
        elif isinstance(block, model.Paragraph):
            blocks.append({"k": "p", "s": block.style, "x": encoder.text(block.text)})
        elif isinstance(block, model.BulletList):
            blocks.append({"k": "list", "groups": _list_groups(encoder, block.items)})
        elif isinstance(block, model.CitationList):
            blocks.append({"k": "list", "groups": _list_groups(encoder, block.items, block.links)})
        elif isinstance(block, model.Table):
            width = len(block.header)
            rows = [[encoder.text(cell) for cell in (row + ("",) * width)[:width]] for row in block.rows]
            blocks.append({"k": "table", "h": [encoder.text(t) for t in block.header], "rows": rows})
        elif isinstance(block, model.TableOfContents):
            blocks.append({"k": "toc", "l": max(1, min(block.levels, 3)), "x": encoder.text(block.title)})
        elif isinstance(block, model.PageBreak):
            blocks.append({"k": "break"})
        if tick is not None:
            tick()
    title = clean_text(document.title) or "Submission"
    return {
        "title": title,
        "author": [clean_text(document.author)] if clean_text(document.author) else [],
        "lang": encoder.base_language,
        "region": _REGIONS.get(encoder.base_language),
        "dir": encoder.direction,
        "header": encoder.text(document.header, direction=rtl),
        "mark": encoder.text(document.draft_watermark, direction=rtl) if document.draft_watermark else None,
        "footer": _footer_parts(document.footer_page),
        "fonts": encoder.fonts,
        "blocks": blocks,
    }


def render_pdf(
    document: model.Document,
    path: str | Path,
    *,
    tick: Callable[[], None] | None = None,
    notice: Callable[[str], object] | None = None,
    issued_at: _dt.datetime | None = None,
) -> None:
    """Write ``document`` as a tagged PDF/A-2a and PDF/UA-1 file on A4 pages, fonts embedded.

    Args:
        document: the document model.
        path: file to write (overwritten).
        tick: called once per block converted and once per block after the layout
            (``2 * len(document.blocks)`` calls in all); it may raise (e.g.
            :class:`~untoc_desktop.errors.ExportCancelled`) to stop before anything is written.
        notice: called once with a user-facing message when some characters have no glyph
            in any bundled font (they print as U+FFFD; also logged).
        issued_at: the issue time, printed as the PDF's date; with it the same document gives the same
            bytes (the register of what was sent exports a submission again byte for byte). ``None``: now.

    Raises:
        OSError: the file cannot be written.
        ExportError: the bundled fonts are missing (broken installation) or the engine
            refused the document (the message says why).
    """
    import typst  # imported here: about 40 MB of engine, needed only for PDF

    register_fonts()
    missing = log_missing_glyphs(document_texts(document))
    data = document_data(document, tick)
    if missing:  # PDF/A forbids drawing a character without a glyph: the visible substitute instead
        data = translated(data, str.maketrans(dict.fromkeys(missing, SUBSTITUTE)))
        if notice is not None:
            notice(
                f"The PDF cannot draw {len(missing)} character(s) that no bundled font has; they print as "
                f"{SUBSTITUTE}: {describe_missing(missing)}. The Word file keeps them as typed."
            )
    try:
        pdf = typst.compile(
            str(TEMPLATE),
            root=str(TEMPLATE.parent),
            font_paths=[str(FONTS_DIR)],
            ignore_system_fonts=True,  # the same output on every computer: only the bundled fonts
            sys_inputs={"document": json.dumps(data, ensure_ascii=False)},
            pdf_standards=list(PDF_STANDARDS),
            # The issue time is the PDF's date: the same document and issue time give the same bytes.
            timestamp=issued_at,
        )
    except typst.TypstError as exc:
        raise ExportError(
            _("The PDF could not be typeset: {problem}").format(problem=clean_text(str(exc))[:500])
        ) from exc
    if tick is not None:
        for _block in document.blocks:
            tick()
    Path(path).write_bytes(pdf)


def document_texts(document: model.Document) -> list[str]:
    """Every string the document prints (page furniture and blocks), for the missing-glyph check.

    Args:
        document: the document model.

    Returns:
        The texts, in no particular order.
    """
    texts = [document.title, document.header, document.footer_page, document.draft_watermark or ""]
    for block in document.blocks:
        if isinstance(block, (model.Heading, model.Paragraph)):
            texts.append(block.text)
        elif isinstance(block, (model.BulletList, model.CitationList)):
            texts.extend(block.items)
        elif isinstance(block, model.Table):
            texts.extend(block.header)
            texts.extend(cell for row in block.rows for cell in row)
        elif isinstance(block, model.TableOfContents):
            texts.append(block.title)
    return [clean_text(text) for text in texts]


__all__ = ["PDF_STANDARDS", "TEMPLATE", "document_data", "document_texts", "render_pdf"]
