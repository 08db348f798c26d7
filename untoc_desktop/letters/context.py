"""Everything a letter says, gathered from the draft: the values of its template fields.

:func:`compose_letter` takes what the draft says (organisation, country, cluster, the answers the
transmission letter summarises) from a :class:`~untoc_desktop.snapshot.Snapshot`, the workspace's
picture of the draft, and the sender's details (draft property ``sender``), the address book, the
letter log, the register and the review dates from the open draft; it returns a :class:`Letter`
whose ``fields`` map every name of :data:`.fields.FIELDS` to plain text (already passed through
:func:`~untoc_desktop.documents.text.clean_text`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..documents.text import clean_text
from ..draft import properties
from ..draft.records import DraftInfo, LetterEntry, Recipient
from ..errors import UntocError
from ..files import sha256_file
from ..i18n import N_, _, translator
from ..languages import format_date as long_date
from ..questionnaire.model import CHAPEAU, NUMBERED, SENTENCE, SINGLE, Definition, worded_ref
from ..snapshot import Snapshot
from ..states_parties import country_name
from ..timeline import draft_timeline
from .assessment import assess
from .fields import FIELDS, KINDS
from .source import LetterSource, StoredDraft, stored_snapshot
from .wording import FORMS_OF_ADDRESS, LETTER_LANGUAGES, wording_for

#: Draft property holding the sender's details (see :func:`untoc_desktop.draft.properties.sender`).
SENDER_PROPERTY = properties.SENDER
DEFAULT_REFERENCE_SCHEME = "{year}/{number:03d}"


class LetterError(UntocError):
    """A letter cannot be prepared or written; the message says why and what to do."""


@dataclass(frozen=True)
class Sender:
    """The organisation's details for letters (draft property ``sender``).

    Attributes:
        address: postal address, several lines.
        email: e-mail address.
        signatory: name of the person who signs.
        signatory_title: that person's position.
        reference_scheme: how references are numbered, with ``{year}`` and ``{number}``
            (``{number:03d}`` pads to 3 digits), e.g. ``"CJR/{year}/{number:03d}"`` -> ``CJR/2026/003``.
            It is read from the draft, so it is expanded by :func:`expand_reference`, never by
            ``str.format``.
    """

    address: str = ""
    email: str = ""
    signatory: str = ""
    signatory_title: str = ""
    reference_scheme: str = DEFAULT_REFERENCE_SCHEME


def sender_of(draft: LetterSource) -> Sender:
    """The sender's details stored in the draft (defaults when none were set)."""
    return Sender(**properties.sender(draft))


def save_sender(draft: LetterSource, sender: Sender) -> None:
    """Store the sender's details in the draft.

    Raises:
        LetterError: the reference scheme is not usable (see :func:`next_reference`).
        DraftFileError: the write failed.
    """
    next_reference(sender.reference_scheme, 2000, ())  # refuse a broken scheme before storing it
    properties.set_sender(draft, asdict(sender))


#: Longest reference scheme (references are stored in at most 200 characters).
MAX_SCHEME_LENGTH = 150
# One piece of a scheme: an escaped brace, a known placeholder (the number with an optional fixed
# zero-padding of 1 to 9 digits), or plain text without braces.
_SCHEME_PART = re.compile(r"\{\{|\}\}|\{year\}|\{number(?::0([1-9])d)?\}|[^{}]+")


def _parse_scheme(scheme: str) -> list[tuple[str, str | int]]:
    """The pieces of a reference scheme: ("text", s), ("year", 0) or ("number", width).

    Raises:
        LetterError: a placeholder other than {year} and {number} / {number:0Nd}, an unpaired
            brace, no {number}, or a scheme too long.
    """
    example = "CJR/{year}/{number:03d}"
    if not isinstance(scheme, str) or len(scheme) > MAX_SCHEME_LENGTH:
        raise LetterError(
            _(
                "The reference scheme is too long; keep it under {max_scheme_length} characters, for example {example}."
            ).format(max_scheme_length=MAX_SCHEME_LENGTH, example=example)
        )
    parts: list[tuple[str, str | int]] = []
    position = 0
    while position < len(scheme):
        match = _SCHEME_PART.match(scheme, position)
        if match is None:
            raise LetterError(
                _(
                    "The reference scheme {scheme!r} cannot be used (unknown placeholder or unpaired brace "
                    "at character {value}). Use {{year}} and {{number}} (or {{number:03d}} for three "
                    "digits), for example {example}."
                ).format(scheme=scheme, value=position + 1, example=example)
            )
        text = match.group()
        if text in ("{{", "}}"):
            parts.append(("text", text[0]))
        elif text == "{year}":
            parts.append(("year", 0))
        elif text.startswith("{number"):
            parts.append(("number", int(match.group(1) or 0)))
        else:
            parts.append(("text", text))
        position = match.end()
    if not any(kind == "number" for kind, _value in parts):
        raise LetterError(
            _("The reference scheme {scheme!r} has no {{number}}; add it, e.g. {example}.").format(
                scheme=scheme, example=example
            )
        )
    return parts


def expand_reference(scheme: str, year: int, number: int) -> str:
    """One reference of ``scheme``: {year} and {number} (zero-padded for {number:0Nd}) replaced.

    Raises:
        LetterError: the scheme is not usable (see :func:`_parse_scheme`).
    """
    pieces = []
    for kind, value in _parse_scheme(scheme):
        if kind == "year":
            pieces.append(str(int(year)))
        elif kind == "number":
            pieces.append(str(int(number)).zfill(int(value)))
        else:
            pieces.append(str(value))
    return "".join(pieces)


def next_reference(scheme: str, year: int, taken: Any) -> str:
    """The first reference of ``scheme`` for ``year`` not already in ``taken``.

    Args:
        scheme: e.g. ``"CJR/{year}/{number:03d}"``; ``{number}`` is required; only ``{year}``,
            ``{number}`` and ``{number:0Nd}`` (N from 1 to 9) are placeholders.
        year: four-digit year.
        taken: references already used (any container of str).

    Raises:
        LetterError: the scheme has no ``{number}``, another placeholder, or bad syntax.
    """
    expand_reference(scheme, year, 1)  # refuse a broken scheme first
    number = 1
    while expand_reference(scheme, year, number) in taken:
        number += 1
    return expand_reference(scheme, year, number)


@dataclass(frozen=True)
class LetterOptions:
    """What the user chose for a letter.

    Attributes:
        kind: one of :data:`.fields.KINDS`.
        language: one of :data:`.wording.LETTER_LANGUAGES`.
        recipient_uuid: the addressee in the address book ("" = the first focal point, if any).
        form_of_address: one of :data:`.wording.FORMS_OF_ADDRESS`; empty for the one stored with the
            recipient in the address book (``neutral`` when none is stored).
        salutation: the user's own salutation (e.g. "Madame la Directrice,"), replacing the one
            of ``form_of_address``; the closing still follows ``form_of_address``.
        signatory / signatory_title: who signs, when not the sender's default.
        attachment: transmission only: the exported submission to attach (read for its SHA-256).
        recalls: follow-up only: reference of the earlier letter in the log.
        letter_date: the date on the letter (default: today).
    """

    kind: str
    language: str
    recipient_uuid: str = ""
    form_of_address: str = "neutral"
    salutation: str = ""
    signatory: str = ""
    signatory_title: str = ""
    attachment: Path | None = None
    recalls: str = ""
    letter_date: _dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        """JSON data for the letter log."""
        data = asdict(self)
        data["attachment"] = str(self.attachment) if self.attachment else ""
        data["letter_date"] = self.letter_date.isoformat() if self.letter_date else ""
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LetterOptions:
        """Options back from the letter log (unknown keys ignored)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["attachment"] = Path(known["attachment"]) if known.get("attachment") else None
        known["letter_date"] = _dt.date.fromisoformat(known["letter_date"]) if known.get("letter_date") else None
        return cls(**known)


@dataclass(frozen=True)
class Letter:
    """A letter ready to render.

    Attributes:
        options: what the user chose (``letter_date`` filled in).
        reference: the letter's reference number.
        fields: every field name -> plain text (empty for fields of other kinds).
        paragraphs: the body paragraphs, filled in, in order.
    """

    options: LetterOptions
    reference: str
    fields: dict[str, str] = field(default_factory=dict)
    paragraphs: tuple[str, ...] = ()


def sha256_of(path: Path) -> str:
    """SHA-256 of a file, as 64 lowercase hexadecimal digits.

    Raises:
        LetterError: the file cannot be read.
    """
    try:
        return sha256_file(path)
    except OSError as exc:
        raise LetterError(
            _("Cannot read the attachment {path}: {problem}. Choose the exported file.").format(
                path=path, problem=exc.strerror or exc
            )
        ) from None


def _registered_sha256(draft: LetterSource, attachment: Path) -> str:
    """The attachment's SHA-256 as recorded in the register of what was sent (else computed from the file).

    Raises:
        LetterError: the file differs from the one the register recorded under its name.
    """
    digest = sha256_of(attachment)
    recorded = draft.letter_book.latest_sent(attachment.name)
    if recorded is not None and recorded.kind == "submission" and recorded.sha256 != digest:
        raise LetterError(
            _(
                "{name} is not the file recorded in the register of what was sent (recorded SHA-256 "
                "{sha256}, this file {digest}). Attach the file that was recorded, or export the "
                "submission again."
            ).format(name=attachment.name, sha256=recorded.sha256, digest=digest)
        )
    return recorded.sha256 if recorded is not None else digest


def _recipient(draft: LetterSource, recipient_uuid: str) -> Recipient | None:
    book = draft.letter_book.recipients()
    if not recipient_uuid:
        return next((r for r in book if r.is_focal_point), None)
    matches = [r for r in book if r.recipient_uuid == recipient_uuid] or [
        r for r in book if r.recipient_uuid.startswith(recipient_uuid)
    ]
    if len(matches) != 1:
        raise LetterError(
            _("No single recipient {recipient_uuid!r} in the address book; see 'untoc recipient list'.").format(
                recipient_uuid=recipient_uuid
            )
        )
    return matches[0]


def _recalled(log: list[LetterEntry], reference: str, words: dict[str, Any], language: str) -> dict[str, str]:
    entry = next((e for e in log if e.reference == reference), None)
    if entry is None:
        raise LetterError(
            _("There is no letter {reference!r} in the draft's letter log to follow up.").format(reference=reference)
        )
    day = _dt.date.fromisoformat(entry.sent_on) if entry.sent_on else (entry.created_at or _dt.datetime.now()).date()
    return {
        "recalled_reference": entry.reference,
        "recalled_date": long_date(day, language),
        "recalled_subject": words["recalled"].get(entry.kind, ""),
    }


def _ref_words(ref: str, words: dict[str, Any]) -> str:
    """A paragraph reference as the letter words it: ``1(a)``, or "the article as a whole" for ``single``..."""
    refs = words.get("refs", {})
    # A wording without these entries (an older template package) gives the reference as it is.
    templates = {kind: str(refs.get(kind, ref)) for kind in (SINGLE, CHAPEAU, "chapeau_of", SENTENCE)}
    return worded_ref(ref, {**templates, NUMBERED: "{ref}"})


def _summary(snapshot: Snapshot, words: dict[str, Any]) -> dict[str, str]:
    result = assess(snapshot.definition, snapshot.answers, snapshot.info.protocols)
    lines = [
        words["summary_line"].format(
            instrument=words["instruments"].get(s.instrument, s.instrument),
            article=s.article,
            items=words.get("separator", ", ").join(
                words.get("item", "{ref} ({status})").format(ref=_ref_words(ref, words), status=words["status"][status])
                for ref, status in s.paragraphs
            ),
        )
        for s in result.shortfalls
    ]
    return {
        "count_assessed": str(result.assessed),
        "count_partly": str(result.partly),
        "count_not_implemented": str(result.not_implemented),
        "summary": "\n".join(lines) or words["none"],
    }


def _timeline(draft: LetterSource, options: LetterOptions, words: dict[str, Any]) -> dict[str, str]:
    """The review's dates and the sentence giving them (engagement letters), from the draft's review start."""
    timeline = draft_timeline(draft, options.letter_date)
    if timeline is None:
        return {}
    dates = {
        "review_started": long_date(timeline.start, options.language),
        "self_assessment_due": long_date(timeline.self_assessment_due, options.language),
        "feedback_due": long_date(timeline.feedback_due, options.language),
    }
    stage = {"government": "open"}.get(timeline.engagement_stage, timeline.engagement_stage)
    return {**dates, "timeline": words["timeline"][stage].format_map(dates)}


def _country(info: DraftInfo, language: str) -> str:
    if info.country_code:
        try:
            return country_name(info.country_code, language)
        except KeyError:
            pass
    return info.country


def build_letter(draft: StoredDraft, definition: Definition, options: LetterOptions) -> Letter:
    """Gather a letter's field values from an open draft as stored in its file.

    :func:`compose_letter` of :func:`~.source.stored_snapshot`; the application composes from the
    workspace's snapshot instead (``Workspace.build_letter``).

    Args:
        draft: the open draft (read only; nothing is recorded here).
        definition: the draft's questionnaire (cluster title, provisions for the summary).
        options: the user's choices.

    Returns:
        A :class:`Letter` with a new reference (next free number of the sender's scheme).

    Raises:
        LetterError: see :func:`compose_letter`.
    """
    return compose_letter(stored_snapshot(draft, definition), draft, options)


def compose_letter(snapshot: Snapshot, draft: LetterSource, options: LetterOptions) -> Letter:
    """Gather a letter's field values: the draft's content from ``snapshot``, the rest from ``draft``.

    Args:
        snapshot: the picture of the draft (``Workspace.snapshot()``): its details (organisation,
            country, Protocols), questionnaire (cluster title, provisions for the summary) and answers.
        draft: the open draft (read only; nothing is recorded here): the sender's details, address
            book, letter log, register of what was sent and review dates.
        options: the user's choices.

    Returns:
        A :class:`Letter` with a new reference (next free number of the sender's scheme).

    Raises:
        LetterError: unknown kind, language or form of address; unknown recipient; missing or
            unreadable attachment (transmission); recalled letter not in the log (follow-up);
            unusable reference scheme.
    """
    if options.kind not in KINDS:
        raise LetterError(
            _("Unknown letter kind {kind!r}; choose {choices}.").format(kind=options.kind, choices=", ".join(KINDS))
        )
    if options.language not in LETTER_LANGUAGES:
        raise LetterError(
            _("No letters in {language!r}; choose {choices}.").format(
                language=options.language, choices=", ".join(LETTER_LANGUAGES)
            )
        )
    if options.form_of_address and options.form_of_address not in FORMS_OF_ADDRESS:
        raise LetterError(
            _("Unknown form of address {form_of_address!r}; choose {choices}.").format(
                form_of_address=options.form_of_address, choices=", ".join(FORMS_OF_ADDRESS)
            )
        )
    words = wording_for(options.language)
    letter_date = options.letter_date or _dt.date.today()
    options = replace(options, letter_date=letter_date)
    sender, log = sender_of(draft), draft.letter_book.letters()
    reference = next_reference(sender.reference_scheme, letter_date.year, {e.reference for e in log})
    recipient = _recipient(draft, options.recipient_uuid) or Recipient("")
    options = replace(
        options,
        recipient_uuid=recipient.recipient_uuid,  # the one used, for the log
        form_of_address=options.form_of_address or recipient.form_of_address,
    )
    salutation, closing = words["forms"][options.form_of_address]
    values: dict[str, str] = {f.name: "" for f in FIELDS}
    values.update(
        organization=snapshot.info.organization,
        organization_address=sender.address,
        organization_email=sender.email,
        country=_country(snapshot.info, options.language),
        cluster_number=str(snapshot.definition.cluster),
        cluster_title=translator(options.language)(snapshot.definition.title),
        reference=reference,
        date=long_date(letter_date, options.language),
        recipient_name=recipient.name,
        recipient_title=recipient.title,
        recipient_agency=recipient.agency,
        recipient_address=recipient.postal_address,
        recipient_email=recipient.email,
        salutation=options.salutation or salutation,
        closing=closing,
        signatory_name=options.signatory or sender.signatory,
        signatory_title=options.signatory_title or sender.signatory_title,
    )
    _check_complete(values)
    if options.kind == "engagement":
        values.update(_timeline(draft, options, words))
    if options.kind == "transmission":
        if options.attachment is None:
            raise LetterError(_("A transmission letter needs the exported submission to attach (--attachment FILE)."))
        values.update(
            attachment_name=Path(options.attachment).name,
            attachment_sha256=_registered_sha256(draft, Path(options.attachment)),
        )
        values.update(_summary(snapshot, words))
    if options.kind == "follow-up":
        if not options.recalls:
            raise LetterError(_("A follow-up letter recalls an earlier letter: give its reference (--recalls REF)."))
        values.update(_recalled(log, options.recalls, words, options.language))
    return fill_letter(options, reference, values)


#: What a letter cannot go without: field -> what to do when it is missing.
REQUIRED_DETAILS: tuple[tuple[str, str], ...] = (
    ("recipient_name", N_("an addressee (choose a recipient from the address book)")),
    ("organization_address", N_("your organisation's postal address (Letters > Sender details)")),
    ("signatory_name", N_("a signatory (Letters > Sender details, or the signatory in the letter's options)")),
)


def missing_details(values: dict[str, str]) -> list[str]:
    """What a letter still lacks among :data:`REQUIRED_DETAILS`, in words (empty when complete)."""
    return [_(advice) for name, advice in REQUIRED_DETAILS if not str(values.get(name, "") or "").strip()]


def _check_complete(values: dict[str, str]) -> None:
    missing = missing_details(values)
    if missing:
        raise LetterError(
            _("The letter was not written, and no reference number was used: it needs {missing}.").format(
                missing="; ".join(missing)
            )
        )


def fill_letter(options: LetterOptions, reference: str, values: dict[str, str]) -> Letter:
    """Clean the values and fill the kind's wording (also used to regenerate from the log).

    Args:
        options: the letter's options (``kind`` and ``language`` must be shipped ones).
        reference: the letter's reference.
        values: field name -> raw text; missing names are empty.

    Returns:
        The :class:`Letter`, with ``subject`` and ``body`` filled from the wording.
    """
    words = wording_for(options.language)
    cleaned = {f.name: clean_text(str(values.get(f.name, "") or "")) for f in FIELDS}
    # str.format fills the wording only: the values themselves are never parsed.
    paragraphs = [p.format_map(cleaned) for p in words[options.kind]["paragraphs"]]
    if options.kind == "engagement" and cleaned.get("timeline"):
        paragraphs.insert(1, cleaned["timeline"])  # the review's dates, after the introduction
    cleaned["subject"] = words[options.kind]["subject"].format_map(cleaned)
    cleaned["body"] = "\n\n".join(paragraphs)
    return Letter(options, reference, cleaned, tuple(paragraphs))
