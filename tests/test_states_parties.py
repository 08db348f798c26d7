import json

import pytest
from helpers import shared_dir

from untoc_desktop.errors import ImportFileError
from untoc_desktop.i18n import normalize_locale as normalise_locale
from untoc_desktop.states_parties import country_name, load_table, shipped_table


def test_shipped_table_is_the_reference_table():
    shipped = (shared_dir() / "reference" / "states-parties.csv").read_text("utf-8")
    table = shipped_table()
    assert len(table.states) == len(shipped.strip().splitlines()) - 1
    assert table.newest_source_date >= "2024"


def test_certain_cells_preselect_and_unknown_cells_ask_the_user():
    albania = shipped_table().by_iso3("ALB")
    assert albania.preselected_protocols() == {"TIP": True, "SOM": True, "FIREARMS": True}
    assert albania.protocols["FIREARMS"].deposit_date == "2008-02-08"
    afghanistan = shipped_table().by_iso3("AFG")
    assert afghanistan.preselected_protocols()["FIREARMS"] is None  # 'unknown' -> the user decides
    australia = shipped_table().by_iso3("AUS")
    assert australia.preselected_protocols()["FIREARMS"] is False  # signatory only


@pytest.mark.parametrize(
    ("iso3", "language", "name"),
    [
        ("DZA", "ar", "الجزائر"),
        ("FRA", "zh", "法国"),
        ("DEU", "ru", "Германия"),
        ("ESP", "es", "España"),
        ("EUU", "fr", "Union européenne"),
    ],
)
def test_country_names_come_from_cldr_in_un_languages(iso3, language, name):
    assert country_name(iso3, language) == name


def test_every_state_in_the_table_has_a_cldr_name():
    for state in shipped_table().states:
        for language in ("en", "fr", "es", "ar", "ru", "zh"):
            assert country_name(state.iso3, language)


def test_odd_locale_identifiers_never_crash():
    cases = json.loads((shared_dir() / "cases" / "locale-cases.json").read_text("utf-8"))["locales"]
    for identifier in cases:
        locale = normalise_locale(identifier)
        assert country_name("FRA", identifier)
        assert locale.language in {"zh", "en", "es", "fr", "ar", "pt"}
    assert normalise_locale("xx").language == "en"


def test_a_newer_table_can_be_imported_and_a_bad_one_is_explained(tmp_path):
    good = tmp_path / "newer.csv"
    good.write_text(
        "iso3,name,untoc,tip,som,firearms,source_date,source_url,confidence\n"
        "AUS,Australia,2004-05-27,2005-09-14,2004-05-27,2026-01-15,2026-02-01,https://example.org,high\n",
        encoding="utf-8",
    )
    table = load_table(good)
    assert table.by_iso3("AUS").preselected_protocols()["FIREARMS"] is True
    assert table.newest_source_date == "2026-02-01"
    bad = tmp_path / "bad.csv"
    bad.write_text("iso3,name\nAUS,Australia\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"column\(s\) untoc, tip"):
        load_table(bad)
    cell = tmp_path / "cell.csv"
    cell.write_text(good.read_text("utf-8").replace("2026-01-15", "maybe"), encoding="utf-8")
    with pytest.raises(ImportFileError, match="line 2: 'maybe'"):
        load_table(cell)
