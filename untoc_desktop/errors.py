"""The core's exception hierarchy.

Every error the core raises on purpose is an :class:`UntocError` whose
``str()`` is a complete, user-facing sentence that says what went wrong and
what to do. The desktop application shows it in a dialog, the command line
prints it on one line; neither shows a traceback.
"""

from __future__ import annotations


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


class NotADraftError(DraftFileError):
    """The file is not a draft of this application (foreign or damaged file)."""


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


class CopyMismatchError(DraftFileError):
    """A colleague's copy cannot be merged: it is of another draft or cluster, or it is the draft itself."""
