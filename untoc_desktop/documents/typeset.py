"""Small one-page PDFs typeset by the same engine as the submission (Typst).

The signature block (:mod:`untoc_desktop.signing.stamp`) and the recovery sheet
(:mod:`untoc_desktop.encryption.sheet`) are laid out by fixed ``.typ`` templates
beside their modules, like :mod:`.pdf_renderer`: every text reaches the engine as a
JSON string in ``sys.inputs`` (never as markup or code), and the engine sees only
the bundled fonts. So these pages get the same shaping, Unicode Bidirectional
Algorithm (UAX #9) and line breaking as the submission.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..i18n import _
from .labels import document_direction
from .pdf_fonts import (
    FONTS_DIR,
    fallback_order,
    language_script,
    log_missing_glyphs,
    register_fonts,
    script_language,
    script_of,
)
from .text import SUBSTITUTE, clean_text, strong_direction


def text_value(raw: str, language: str, direction: str | None = None) -> dict[str, Any]:
    """One text as the small templates take it: its language, base direction and font list.

    Args:
        raw: the text (cleaned here; ``#``, ``[``, ``$``... stay plain characters).
        language: the page's language code (``en``, ``ar``, ``zh``...): the text's language
            tag when the text is written in that language's script.
        direction: force this base direction (``"ltr"`` for codes and fingerprints);
            ``None``: the first strong character decides (UAX #9 rule P2), else the
            language's direction.

    Returns:
        ``{"t": text, "l": language tag, "d": "ltr"/"rtl", "f": [font families]}``; the
        family of the text's script comes first (its digits and punctuation match its letters).

    Raises:
        ExportError: the bundled fonts are missing.
    """
    register_fonts()
    base = (language or "en").replace("_", "-").split("-")[0].lower()
    text = clean_text(raw)
    script = script_of(text) or language_script(base)
    return {
        "t": text,
        "l": script_language(script, base),
        "d": direction or strong_direction(text) or document_direction(base),
        "f": [family.family for family in fallback_order(script)],
    }


def typeset(
    template: Path,
    data: dict[str, Any],
    *,
    timestamp: _dt.datetime | None = None,
    tagged: bool = True,
) -> bytes:
    """Typeset ``template`` with ``data`` as ``sys.inputs.data`` (a JSON text) and return the PDF.

    Args:
        template: the ``.typ`` file (its folder is the engine's root: it reads nothing else).
        data: JSON-serialisable data for the template.
        timestamp: the PDF's date (aware datetime); the same data and time give the same bytes.
            ``None``: now.
        tagged: write a tagged PDF (structure tree). ``False`` for a page used as a form
            XObject inside another PDF, where a structure tree of its own means nothing.

    Returns:
        The PDF bytes.

    A character that no bundled font has prints as U+FFFD (logged), as in the submission.

    Raises:
        ExportError: the bundled fonts are missing, or the engine refused the page.
    """
    import typst  # imported here: about 40 MB of engine, needed only when a PDF is made

    register_fonts()
    missing = log_missing_glyphs(list(_strings(data)))
    if missing:  # a character no bundled font has prints as the visible substitute, never as nothing
        data = translated(data, str.maketrans(dict.fromkeys(missing, SUBSTITUTE)))
    try:
        pdf = typst.compile(
            str(template),
            root=str(template.parent),
            font_paths=[str(FONTS_DIR)],
            ignore_system_fonts=True,  # the same output on every computer: only the bundled fonts
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            timestamp=timestamp,
            pdf_tags=tagged,
        )
    except typst.TypstError as exc:
        raise ExportError(
            _("The PDF could not be typeset: {problem}").format(problem=clean_text(str(exc))[:500])
        ) from exc
    assert isinstance(pdf, bytes)
    return pdf


def _strings(data: Any) -> Iterator[str]:
    """Every string inside ``data`` (nested lists and dictionaries)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, dict):
        for item in data.values():
            yield from _strings(item)


def translated(data: Any, table: dict[int, str]) -> Any:
    """``data`` with every string translated by ``table``."""
    if isinstance(data, str):
        return data.translate(table)
    if isinstance(data, list):
        return [translated(item, table) for item in data]
    if isinstance(data, dict):
        return {key: translated(value, table) for key, value in data.items()}
    return data


__all__ = ["text_value", "typeset"]
