"""Importing a newer States parties table and choosing which table new drafts use."""

import pytest

from untoc_desktop.errors import ImportFileError
from untoc_desktop.states_parties import active_table, import_table, shipped_table, user_table_path

HEADER = "iso3,name,untoc,tip,som,firearms,source_date,source_url,confidence\n"


def write_table(path, source_date="2099-01-01", afghanistan_firearms="2030-05-05"):
    path.write_text(
        HEADER + f"AFG,Afghanistan,2003-09-24,2014-08-15,2014-08-15,{afghanistan_firearms},"
        f"{source_date},https://treaties.un.org/,high\n",
        "utf-8",
    )
    return path


def test_the_shipped_table_is_active_until_one_is_imported():
    assert not user_table_path().exists()
    assert active_table() is shipped_table()


def test_an_imported_newer_table_is_kept_in_the_user_folder_and_preferred(tmp_path):
    table = import_table(write_table(tmp_path / "newer.csv"))
    assert table.by_iso3("AFG").preselected_protocols()["FIREARMS"] is True
    assert user_table_path().is_file()
    active = active_table()
    assert active.origin == "states-parties.csv" and active.newest_source_date == "2099-01-01"


def test_an_imported_table_older_than_the_shipped_one_is_not_preferred(tmp_path):
    import_table(write_table(tmp_path / "old.csv", source_date="2001-01-01"))
    assert active_table() is shipped_table()


def test_a_bad_table_is_refused_with_its_problem_and_nothing_is_copied(tmp_path):
    bad = write_table(tmp_path / "bad.csv", afghanistan_firearms="perhaps")
    with pytest.raises(ImportFileError, match=r"bad.csv, line 2: 'perhaps'"):
        import_table(bad)
    assert not user_table_path().exists()


def test_an_imported_copy_that_no_longer_loads_falls_back_to_the_shipped_table(tmp_path):
    target = tmp_path / "copy.csv"
    target.write_text("nonsense\n", "utf-8")
    assert active_table(target) is shipped_table()
