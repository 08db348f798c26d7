"""The draft file: models and storage."""

from .models import APPLICATION_ID, SCHEMA_VERSION
from .store import DRAFT_SUFFIX, AnswerChange, Draft, DraftInfo, check_draft_file, read_header

__all__ = [
    "APPLICATION_ID",
    "DRAFT_SUFFIX",
    "SCHEMA_VERSION",
    "AnswerChange",
    "Draft",
    "DraftInfo",
    "check_draft_file",
    "read_header",
]
