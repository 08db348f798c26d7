"""Questionnaire definitions: model, loading, question types and rules."""

from .loader import installed_definitions, load_definition_file, load_installed_definition
from .model import (
    INSTRUMENT_ORDER,
    INSTRUMENT_SHORT_NAMES,
    OBLIGATION_LEVELS,
    PROTOCOLS,
    Article,
    Definition,
    Instrument,
    Option,
    Paragraph,
    Question,
)

__all__ = [
    "INSTRUMENT_ORDER",
    "INSTRUMENT_SHORT_NAMES",
    "OBLIGATION_LEVELS",
    "PROTOCOLS",
    "Article",
    "Definition",
    "Instrument",
    "Option",
    "Paragraph",
    "Question",
    "installed_definitions",
    "load_definition_file",
    "load_installed_definition",
]
