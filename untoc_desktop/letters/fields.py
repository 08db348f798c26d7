"""The fields a letter template may use, with their meaning and an example.

The same list documents the shipped templates (``resources/letters/FIELDS.md``,
the README), is shown in the template picker, and is what a user's own
``.docx`` template is checked against before anything is written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..i18n import N_

#: Letter kinds, in the order they are offered.
KINDS: tuple[str, ...] = ("engagement", "transmission", "follow-up")
_ALL = frozenset(KINDS)


@dataclass(frozen=True)
class Field:
    """One template field.

    Attributes:
        name: the name used in a template, as ``{{ name }}``.
        meaning: what it holds, in English (marked for translation; show it with ``_()``).
        example: a typical value.
        kinds: the letter kinds that fill it (others leave it empty).
    """

    name: str
    meaning: str
    example: str
    kinds: frozenset[str] = _ALL


def _f(name: str, meaning: str, example: str, kinds: Iterable[str] = KINDS) -> Field:
    return Field(name, meaning, example, frozenset(kinds))


#: Every field, in the order they are documented.
FIELDS: tuple[Field, ...] = (
    _f("organization", N_("The organisation writing (the draft's organisation)."), "Coalition for Justice and Rights"),
    _f(
        "organization_address", N_("The organisation's postal address (several lines)."), "12 Harbour Street\nPort Vale"
    ),
    _f("organization_email", N_("The organisation's e-mail address."), "contact@cjr.example.org"),
    _f("country", N_("The State party under review, named in the letter's language."), "République de Veridia"),
    _f("cluster_number", N_("The review cluster number."), "1"),
    _f("cluster_title", N_("The review cluster's title (from the questionnaire)."), "Criminalization and jurisdiction"),
    _f("date", N_("Date of the letter, long form in the letter's language."), "29 novembre 2026"),
    _f("reference", N_("The organisation's reference number of this letter."), "CJR/2026/003"),
    _f("recipient_name", N_("The addressee's name (address book)."), "Ms. Amina Diallo"),
    _f("recipient_title", N_("The addressee's position."), "Director of Legal Affairs"),
    _f("recipient_agency", N_("The addressee's ministry or agency."), "Ministry of Justice"),
    _f("recipient_address", N_("The addressee's postal address (several lines)."), "1 Government Square\nVeridia City"),
    _f("recipient_email", N_("The addressee's e-mail address."), "focal.point@justice.example.gov"),
    _f("salutation", N_("Opening greeting, by language and form of address."), "Madame la Directrice,"),
    _f(
        "closing",
        N_("Complimentary close, by language and form of address."),
        "Veuillez agréer, Madame, l'expression de ma haute considération.",
    ),
    _f("signatory_name", N_("The person signing."), "Dr. Lena Okafor"),
    _f("signatory_title", N_("The signatory's position."), "Executive Director"),
    _f("subject", N_("The subject line (without the word 'Subject')."), "Review of cluster 1 – request for engagement"),
    _f(
        "body",
        N_(
            "The letter's own paragraphs for its kind and language, filled in (for a letterhead that "
            "only frames the text)."
        ),
        "We would be grateful if you could tell us…",
    ),
    _f(
        "review_started",
        N_("The date the country's review started (View > Review timeline), long form; empty when not recorded."),
        "1 novembre 2021",
        ["engagement"],
    ),
    _f(
        "self_assessment_due",
        N_(
            "When the self-assessment is due (6 months after the start), long form; "
            "empty when the start is not recorded."
        ),
        "1 mai 2022",
        ["engagement"],
    ),
    _f(
        "feedback_due",
        N_(
            "When the reviewers' written feedback is due (6 months after the self-assessment), long "
            "form; empty when the start is not recorded."
        ),
        "1 novembre 2022",
        ["engagement"],
    ),
    _f(
        "timeline",
        N_(
            "One sentence giving those dates in the letter's language (asking for a reply before the "
            "self-assessment is due, while it can still be informed); empty when the start is not recorded."
        ),
        "L'examen de votre pays a commencé le 1 novembre 2021. …",
        ["engagement"],
    ),
    _f("count_assessed", N_("Provisions whose implementation status the organisation gave."), "14", ["transmission"]),
    _f("count_partly", N_("Provisions assessed as partly implemented."), "3", ["transmission"]),
    _f("count_not_implemented", N_("Provisions assessed as not implemented."), "2", ["transmission"]),
    _f(
        "summary",
        N_("Those provisions, one line per article (several lines)."),
        "Convention, article 5: 1(a)(i) (partly implemented)",
        ["transmission"],
    ),
    _f(
        "attachment_name",
        N_("File name of the attached exported submission."),
        "veridia-cluster1.pdf",
        ["transmission"],
    ),
    _f(
        "attachment_sha256",
        N_("SHA-256 checksum of that file (64 hexadecimal digits)."),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ["transmission"],
    ),
    _f("recalled_reference", N_("Reference of the earlier letter recalled."), "CJR/2026/001", ["follow-up"]),
    _f(
        "recalled_date",
        N_("Date of the earlier letter (sent, else written), long form."),
        "2 octobre 2026",
        ["follow-up"],
    ),
    _f(
        "recalled_subject",
        N_("What the earlier letter was about, in a few words."),
        "notre demande de participation à l'examen",
        ["follow-up"],
    ),
)

FIELD_NAMES: frozenset[str] = frozenset(f.name for f in FIELDS)

# Without these a letter of the kind says nothing reliable; a template with {{ body }} carries the kind's
# own paragraphs, which contain the kind's specific fields.
_ALWAYS_REQUIRED = ("date", "reference")
_KIND_REQUIRED: dict[str, tuple[str, ...]] = {
    "engagement": (),
    "transmission": ("attachment_name", "attachment_sha256"),
    "follow-up": ("recalled_reference", "recalled_date"),
}


def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields a letter of ``kind`` fills, in documentation order."""
    return tuple(f for f in FIELDS if kind in f.kinds)


def required_fields(kind: str, used: Collection[str] = ()) -> tuple[str, ...]:
    """Fields a template for ``kind`` must use.

    Args:
        kind: one of :data:`KINDS`.
        used: the fields the template uses; when it uses ``body``, the kind's specific
            fields are inside the body and only ``date`` and ``reference`` are required.

    Returns:
        Field names, in a stable order.
    """
    specific = () if "body" in used else _KIND_REQUIRED.get(kind, ())
    return _ALWAYS_REQUIRED + specific


def check_fields(kind: str, used: Collection[str]) -> tuple[list[str], list[str]]:
    """Compare the fields a template uses with those a letter of ``kind`` fills.

    Args:
        kind: one of :data:`KINDS`.
        used: the variable names found in the template.

    Returns:
        ``(unknown, missing)``: names used that this kind does not fill (misspelt, or
        another kind's fields), and required names the template lacks; both sorted.
    """
    available = {f.name for f in fields_for(kind)}
    unknown = sorted(set(used) - available)
    missing = sorted(set(required_fields(kind, used)) - set(used))
    return unknown, missing
