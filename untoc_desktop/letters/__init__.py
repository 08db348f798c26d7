"""Letters to governments' focal points, generated from a draft (Qt-free).

Kinds: ``engagement`` (who is the focal point, what is the timetable, an offer of expertise),
``transmission`` (covers the exported submission, summarises it, gives its SHA-256) and
``follow-up`` (recalls an earlier letter of the log). Shipped Word templates live in
``resources/letters/<language>/<kind>.docx``; a user's own template uses the same
:data:`FIELDS`. See ``resources/letters/FIELDS.md``.
"""

from .assessment import Assessment, assess
from .context import (
    Letter,
    LetterError,
    LetterOptions,
    Sender,
    build_letter,
    next_reference,
    save_sender,
    sender_of,
    sha256_of,
)
from .fields import FIELDS, KINDS, Field, check_fields, fields_for, required_fields
from .letter_log import create_letter, find_letter, letter_from_entry, letter_sent, regenerate_letter
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
from .wording import FORMS_OF_ADDRESS, LETTER_LANGUAGES

__all__ = [
    "FIELDS", "FORMS_OF_ADDRESS", "KINDS", "LETTER_LANGUAGES", "Assessment", "Field", "Letter", "LetterError",
    "LetterOptions", "LetterTemplateError", "OfficeSuiteMissingError", "Sender", "assess", "build_letter",
    "check_fields", "check_template", "create_letter", "fields_for", "find_letter", "find_office_suite",
    "letter_from_entry", "letter_sent", "letter_text", "next_reference", "regenerate_letter", "required_fields",
    "save_sender", "sender_of", "sha256_of", "shipped_template", "template_fields", "write_letter",
]
