"""What a draft holds, as plain data: the records handed to documents, letters, validation and the interface.

Frozen dataclasses only. This module imports neither SQLAlchemy nor :mod:`sqlite3` nor the
store, so code that only reads a draft's content (exports, letters) never loads the storage.
The store (:mod:`.store`, :mod:`.correspondence`, :mod:`.register`) turns its database rows
into these records and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class DraftInfo:
    """What a draft is about, as plain data.

    Attributes:
        organization: the civil-society organisation writing the submission.
        country: the State party under review, as shown to the user.
        cluster: review cluster number (1 to 4).
        protocols: codes of the Protocols the State party is party to
            (subset of ``{"TIP", "SOM", "FIREARMS"}``).
        language: drafting language, a BCP 47 / CLDR code such as ``en`` or ``fr``.
        author: default author recorded with each change.
        country_code: ISO 3166-1 alpha-3 code when known, else "".
        definition_id / definition_version: the questionnaire the draft is written against.
        draft_uuid: the draft's own identifier (set when created).
        created_at: creation time, UTC.
    """

    organization: str
    country: str
    cluster: int
    protocols: frozenset[str]
    language: str = "en"
    author: str = ""
    country_code: str = ""
    definition_id: str = ""
    definition_version: str = ""
    draft_uuid: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class AnswerChange:
    """One recorded change to an answer (plain data).

    Attributes:
        change_uuid: the change's identifier (kept when merged into another copy).
        question_id: the question changed.
        author: who made it.
        changed_at: when (UTC).
        previous_value / new_value: JSON data; ``None`` means no answer.
    """

    change_uuid: str
    question_id: str
    author: str
    changed_at: datetime
    previous_value: Any
    new_value: Any


@dataclass(frozen=True)
class Recipient:
    """An official the organisation writes to.

    Attributes:
        name: full name, e.g. "Ms. Amina Diallo".
        title: position, e.g. "Director of Legal Affairs".
        agency: ministry or agency.
        postal_address: several lines separated by newlines.
        email: e-mail address, may be empty.
        is_focal_point: the State party's focal point for the Review Mechanism.
        recipient_uuid: identifier; empty for a recipient not saved yet.
        form_of_address: how letters greet them: ``neutral``, ``ms``, ``mr`` or ``excellency``.
    """

    name: str
    title: str = ""
    agency: str = ""
    postal_address: str = ""
    email: str = ""
    is_focal_point: bool = False
    recipient_uuid: str = ""
    form_of_address: str = "neutral"


@dataclass(frozen=True)
class LetterEntry:
    """One letter of the log.

    Attributes:
        reference: the organisation's reference number, e.g. "CJR/2026/003".
        kind: ``engagement``, ``transmission`` or ``follow-up``.
        language: document language code.
        recipient_uuid: the addressee, or "" when none was chosen.
        created_at: when it was first generated (UTC).
        sent_on: ISO date it was sent, or "" while not sent.
        sent_channel: how it was sent (e-mail, post, hand delivery...).
        details: what is needed to regenerate it (signatory, attached export and its
            SHA-256, the recalled letter...).
        letter_uuid: identifier; empty for a letter not recorded yet.
    """

    reference: str
    kind: str
    language: str
    recipient_uuid: str = ""
    created_at: datetime | None = None
    sent_on: str = ""
    sent_channel: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    letter_uuid: str = ""


@dataclass(frozen=True)
class SentEntry:
    """One submission or letter that went out (an entry of the register of what was sent).

    Attributes:
        number: position in the register, from 1 (set when read back).
        kind: ``"submission"`` or ``"letter"``.
        file_name: the file's name as written (no folder).
        format: ``"pdf"`` or ``"docx"``.
        sha256: SHA-256 of the file that went out (the signed file when signed), 64 hex digits.
        signatories: who signed a submission digitally, or the signatory named under a letter
            (a letter file carries no digital signature); empty when unsigned.
        recipient: to whom it went ("" when not known yet).
        channel: how it went (e-mail, post...; "" when not known yet).
        snapshot: JSON data to write the file again (see :mod:`untoc_desktop.submissions`).
        recorded_at: when it was recorded (UTC).
        entry_uuid: the entry's identifier.
    """

    kind: str
    file_name: str
    format: str
    sha256: str
    signatories: tuple[str, ...] = ()
    recipient: str = ""
    channel: str = ""
    snapshot: dict[str, Any] = field(default_factory=dict)
    recorded_at: datetime | None = None
    entry_uuid: str = ""
    number: int = 0
