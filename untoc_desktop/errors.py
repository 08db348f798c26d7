"""The core's exception hierarchy.

Every error the core raises on purpose is an :class:`UntocError` whose
``str()`` is a complete, user-facing sentence that says what went wrong and
what to do. The desktop application shows it in a dialog, the command line
prints it on one line; neither shows a traceback.
"""

from __future__ import annotations

from pathlib import Path


class UntocError(Exception):
    """Base of every error the core raises for the user to read."""


class DefinitionError(UntocError):
    """A questionnaire definition file is missing, malformed or inconsistent."""


class RuleSyntaxError(DefinitionError):
    """A rule expression in a definition file cannot be parsed.

    Attributes:
        expression: the rule text as written in the file.
        position: 0-based character offset of the problem in ``expression``.
    """

    def __init__(self, message: str, expression: str, position: int) -> None:
        super().__init__(message)
        self.expression = expression
        self.position = position


class DraftFileError(UntocError):
    """A draft (``.untoc``) file cannot be created, opened or written."""


class DraftReadOnlyError(DraftFileError):
    """A change was asked of a draft opened read-only (open in another program, or on read-only media).

    Attributes:
        path: the draft file.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class NotADraftError(DraftFileError):
    """The file is not a draft of this application (foreign or damaged file)."""


class HostileDraftError(NotADraftError):
    """The draft's database holds SQL this application never makes (triggers, views, altered tables...).

    It is refused before any statement runs against it; the file is not changed.
    """


class DraftValueError(NotADraftError):
    """A value stored in the draft has the wrong type, size or encoding.

    Attributes:
        question_id: the question whose answer (or recorded change) is bad, or ``None``
            when the value belongs to something else (a setting, a letter...).
    """

    def __init__(self, message: str, question_id: str | None = None) -> None:
        super().__init__(message)
        self.question_id = question_id


class DraftLockedError(DraftFileError):
    """The draft is held by another process (another computer, or a process id that may be reused).

    The user may take it over after a warning (``untoc --break-lock``, or the window's dialog).

    Attributes:
        holder: the :class:`untoc_desktop.draft.safety.LockInfo` of the lock found.
    """

    def __init__(self, message: str, holder: object = None) -> None:
        super().__init__(message)
        self.holder = holder


class NewerDraftError(DraftFileError):
    """The draft was written by a newer version of the application."""


class DraftExistsError(DraftFileError):
    """A new draft would overwrite an existing file."""


class InvalidAnswerError(UntocError):
    """An answer value does not fit its question.

    Attributes:
        question_id: the stable id of the question concerned, or ``None`` when
            the id itself is unknown.
    """

    def __init__(self, message: str, question_id: str | None = None) -> None:
        super().__init__(message)
        self.question_id = question_id


class ImportFileError(UntocError):
    """An answers file to import is unreadable or malformed."""


class ExportError(UntocError):
    """A submission could not be exported."""


class ExportCancelled(ExportError):
    """The user cancelled an export; nothing was written."""


class SigningError(UntocError):
    """A signing identity cannot be made or used, or a file cannot be signed; nothing was written."""


class VerificationError(UntocError):
    """A signed file cannot be read for verification (not a PDF, no signature, damaged)."""


class EncryptionError(UntocError):
    """An encrypted copy (``.untoc.age``), a key or a recovery code cannot be used; nothing was written."""


class NotForYouError(EncryptionError):
    """An encrypted copy was made for other people's keys.

    Attributes:
        recipient_count: how many X25519 keys the copy was encrypted for.
    """

    def __init__(self, message: str, recipient_count: int) -> None:
        super().__init__(message)
        self.recipient_count = recipient_count


class CopyMismatchError(DraftFileError):
    """A colleague's copy cannot be merged: it is of another draft or cluster, or it is the draft itself."""
