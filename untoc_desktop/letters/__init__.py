"""Letters to governments' focal points, generated from a draft (Qt-free).

Kinds: ``engagement`` (who is the focal point, what is the timetable, an offer of expertise),
``transmission`` (covers the exported submission, summarises it, gives its SHA-256) and
``follow-up`` (recalls an earlier letter of the log). Shipped Word templates live in
``resources/letters/<language>/<kind>.docx``; a user's own template uses the same
:data:`FIELDS`. See ``resources/letters/FIELDS.md``.

The names from :mod:`.output` and :mod:`.letter_log` (docxtpl, Jinja2, lxml behind them) are
imported on first use, so that importing this package, or its wording, costs no start-up time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .assessment import Assessment, assess
from .context import (
    Letter,
    LetterError,
    LetterOptions,
    Sender,
    build_letter,
    compose_letter,
    next_reference,
    save_sender,
    sender_of,
    sha256_of,
)
from .fields import FIELDS, KINDS, Field, check_fields, fields_for, required_fields
from .wording import FORMS_OF_ADDRESS, LETTER_LANGUAGES

if TYPE_CHECKING:
    from .letter_log import (
        create_letter,
        find_letter,
        issue_letter,
        letter_from_entry,
        letter_sent,
        regenerate_letter,
    )
    from .output import (
        LetterTemplateError,
        OfficeSuiteMissingError,
        check_template,
        find_office_suite,
        letter_text,
        shipped_template,
        template_fields,
        write_letter,
    )

#: Name -> submodule it is imported from on first use.
_ON_FIRST_USE = {
    **dict.fromkeys(
        ("create_letter", "find_letter", "issue_letter", "letter_from_entry", "letter_sent", "regenerate_letter"),
        "letter_log",
    ),
    **dict.fromkeys(
        (
            "LetterTemplateError",
            "OfficeSuiteMissingError",
            "check_template",
            "find_office_suite",
            "letter_text",
            "shipped_template",
            "template_fields",
            "write_letter",
        ),
        "output",
    ),
}


def __getattr__(name: str) -> Any:
    """Import the names of :data:`_ON_FIRST_USE` when first asked for (PEP 562)."""
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "FIELDS",
    "FORMS_OF_ADDRESS",
    "KINDS",
    "LETTER_LANGUAGES",
    "Assessment",
    "Field",
    "Letter",
    "LetterError",
    "LetterOptions",
    "LetterTemplateError",
    "OfficeSuiteMissingError",
    "Sender",
    "assess",
    "build_letter",
    "check_fields",
    "check_template",
    "compose_letter",
    "create_letter",
    "fields_for",
    "find_letter",
    "find_office_suite",
    "issue_letter",
    "letter_from_entry",
    "letter_sent",
    "letter_text",
    "next_reference",
    "regenerate_letter",
    "required_fields",
    "save_sender",
    "sender_of",
    "sha256_of",
    "shipped_template",
    "template_fields",
    "write_letter",
]
