"""Which States are party to the Convention and to each Protocol, and their names.

The shipped table ``forms/states-parties.csv`` (columns ``iso3, name, untoc,
tip, som, firearms, source_date, source_url, confidence``) was compiled from a
2014 copy of the UN Treaty Collection status tables plus later accessions from
official and press sources (see ``../shared/reference/README.md``). A cell
holds a date of deposit, ``party`` (date unknown), ``signatory``, nothing (not
party) or ``unknown``. The table pre-selects a Protocol only where it is
certain; everything else is for the user to decide, and a newer table can be
imported.

Country names come from babel's CLDR data in the six UN languages, never from
hand-written lists.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

from .errors import ImportFileError
from .files import atomic_write_bytes
from .i18n import _, normalize_locale
from .received_files import read_regular_file

_COLUMNS = ("iso3", "name", "untoc", "tip", "som", "firearms", "source_date", "source_url", "confidence")
_PROTOCOL_COLUMNS = {"TIP": "tip", "SOM": "som", "FIREARMS": "firearms"}
MAX_TABLE_BYTES = 2 * 1024 * 1024
#: Longest cell accepted, in characters (names and source addresses are far shorter).
MAX_CELL_CHARS = 2000


@dataclass(frozen=True)
class PartyStatus:
    """A State's status towards one instrument.

    Attributes:
        kind: ``party``, ``signatory``, ``not_party`` or ``unknown``.
        deposit_date: ISO date of deposit of the instrument, when known.
    """

    kind: str
    deposit_date: str = ""

    @property
    def is_party(self) -> bool | None:
        """True or False when the table is certain, None when the user must decide."""
        if self.kind == "party":
            return True
        if self.kind in ("signatory", "not_party"):
            return False
        return None


@dataclass(frozen=True)
class StateParty:
    """One row of the table.

    Attributes:
        iso3: ISO 3166-1 alpha-3 code (``EUU`` for the European Union).
        name: English name as written in the table.
        convention: status towards the Convention (UNTOC).
        protocols: Protocol code (TIP, SOM, FIREARMS) -> status.
        source_date: when the row's sources were dated.
        source_url: where the row comes from (one or more URLs separated by ``;``).
        confidence: ``high``, ``high-partial``, ``medium``...
    """

    iso3: str
    name: str
    convention: PartyStatus
    protocols: Mapping[str, PartyStatus]
    source_date: str
    source_url: str
    confidence: str

    def preselected_protocols(self) -> dict[str, bool | None]:
        """Protocol code -> True/False where the table is certain, None where the user must be asked."""
        return {code: status.is_party for code, status in self.protocols.items()}


@dataclass(frozen=True)
class StatesPartiesTable:
    """The whole table, with where it came from."""

    states: tuple[StateParty, ...]
    origin: str
    newest_source_date: str

    def by_iso3(self, iso3: str) -> StateParty:
        """The row of a State; raises KeyError when absent."""
        for state in self.states:
            if state.iso3 == iso3.upper():
                return state
        raise KeyError(iso3)


def _status(cell: str) -> PartyStatus:
    cell = cell.strip()
    if not cell:
        return PartyStatus("not_party")
    if cell in ("party", "signatory", "unknown"):
        return PartyStatus(cell)
    if len(cell) == 10 and cell[4] == "-" and cell[7] == "-" and cell.replace("-", "").isdigit():
        return PartyStatus("party", cell)
    raise ValueError(f"'{cell}' is not a date, party, signatory, unknown or empty")


def parse_table(text: str, origin: str) -> StatesPartiesTable:
    """Parse a States parties table in the CSV format described in the module docstring.

    Raises:
        ImportFileError: naming the first problem (missing column, bad cell with its line).
    """
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _parse_rows(reader, origin)
    except csv.Error as exc:  # a cell over the csv module's own limit, a NUL byte, an unclosed quote...
        raise ImportFileError(
            _(
                "{origin}, line {line}: this is not a well-formed CSV table ({problem}). Open it in a "
                "spreadsheet and save it again as CSV (UTF-8)."
            ).format(origin=origin, line=reader.line_num + 1, problem=exc)
        ) from None  # the line being read


def _parse_rows(reader: csv.DictReader, origin: str) -> StatesPartiesTable:
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFileError(
            _("{origin} is not a States parties table: the column(s) {choices} are missing.").format(
                origin=origin, choices=", ".join(missing)
            )
        )
    states = []
    for row in reader:
        long_cells = [column for column, cell in row.items() if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS]
        if long_cells:
            raise ImportFileError(
                _(
                    "{origin}, line {line}: the cell in the column {column} is longer than {limit} "
                    "characters; a States parties table holds short values."
                ).format(origin=origin, line=reader.line_num, column=long_cells[0], limit=MAX_CELL_CHARS)
            )
        try:
            states.append(
                StateParty(
                    iso3=row["iso3"].strip().upper(),
                    name=row["name"].strip(),
                    convention=_status(row["untoc"]),
                    protocols={code: _status(row[column]) for code, column in _PROTOCOL_COLUMNS.items()},
                    source_date=row["source_date"].strip(),
                    source_url=row["source_url"].strip(),
                    confidence=row["confidence"].strip(),
                )
            )
        except ValueError as exc:
            raise ImportFileError(
                _("{origin}, line {line_num}: {problem}.").format(origin=origin, line_num=reader.line_num, problem=exc)
            ) from None
    if not states:
        raise ImportFileError(_("{origin} holds no States.").format(origin=origin))
    return StatesPartiesTable(tuple(states), origin, max(s.source_date for s in states))


#: The origin recorded for the table shipped with the application (data: kept in drafts as it is).
SHIPPED_ORIGIN = "states-parties.csv (shipped)"


def origin_label(origin: str) -> str:
    """How a table's origin is shown: the shipped table in words of the interface language, a file by its name."""
    return _("the table shipped with untoc_desktop") if origin == SHIPPED_ORIGIN else origin


@cache
def shipped_table() -> StatesPartiesTable:
    """The table shipped with the application."""
    text = resources.files("untoc_desktop.forms").joinpath("states-parties.csv").read_text("utf-8")
    return parse_table(text, SHIPPED_ORIGIN)


def load_table(path: str | Path) -> StatesPartiesTable:
    """Load a newer table chosen by the user.

    Raises:
        ImportFileError: unreadable, too large, or malformed.
    """
    path = Path(path)
    raw = read_regular_file(path, MAX_TABLE_BYTES, ImportFileError)  # never a pipe or a device
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("{name} is not UTF-8 text; save it as UTF-8 CSV.").format(name=path.name)) from None
    return parse_table(text, path.name)


def user_table_path() -> Path:
    """Where an imported States parties table is kept (``<user data>/states-parties.csv``)."""
    return Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "states-parties.csv"


def import_table(path: str | Path, target: Path | None = None) -> StatesPartiesTable:
    """Check a newer States parties table and keep a copy in the user's data folder.

    The copy replaces any earlier imported table and is preferred by
    :func:`active_table` while it is at least as recent as the shipped one.

    Args:
        path: a CSV file in the format of the shipped table.
        target: where to keep the copy; defaults to :func:`user_table_path`.

    Returns:
        The table as loaded from ``path``.

    Raises:
        ImportFileError: the file is unreadable or malformed (nothing is copied), or
            the copy cannot be written.
    """
    table = load_table(path)
    target = target if target is not None else user_table_path()
    data = read_regular_file(path, MAX_TABLE_BYTES, ImportFileError)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ImportFileError(
            _("Could not keep a copy of {name} in {parent}: {problem}.").format(
                name=Path(path).name, parent=target.parent, problem=exc.strerror
            )
        ) from None
    return table


def active_table(imported: Path | None = None) -> StatesPartiesTable:
    """The table new choices use: the imported copy when it loads and is at least as recent, else the shipped one.

    Args:
        imported: the imported copy; defaults to :func:`user_table_path`.

    Never raises: an imported copy that no longer loads is ignored.
    """
    shipped = shipped_table()
    imported = imported if imported is not None else user_table_path()
    if not imported.is_file():
        return shipped
    try:
        table = load_table(imported)
    except ImportFileError:
        return shipped
    return table if table.newest_source_date >= shipped.newest_source_date else shipped


def country_name(iso3: str, language: str = "en") -> str:
    """The CLDR name of a State in ``language`` (e.g. ``country_name("DZA", "ar")``).

    Args:
        iso3: ISO 3166-1 alpha-3 code; ``EUU`` is the European Union.
        language: a locale identifier; unknown ones fall back to English.

    Raises:
        KeyError: for a code CLDR does not know.
    """
    from babel.core import get_global

    alpha2 = "EU" if iso3.upper() == "EUU" else get_global("territory_aliases")[iso3.upper()][0]
    return normalize_locale(language).territories[alpha2]
