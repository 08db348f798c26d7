import shutil

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from helpers import REPO_ROOT
from sqlalchemy import create_engine

from untoc_desktop.draft import SCHEMA_VERSION, Draft, read_header
from untoc_desktop.draft.migrate import head_revision, schema_version_of, upgrade_to_head
from untoc_desktop.draft.models import Base
from untoc_desktop.draft.store import backup_path

FIXTURES = sorted((REPO_ROOT / "tests" / "fixtures" / "drafts").glob("schema-v*.untoc"))


def test_models_and_migrations_agree(tmp_path):
    """The equivalent of `alembic check`: migrating an empty file yields exactly the models."""
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with engine.begin() as connection:
        upgrade_to_head(connection)
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_schema_version_constant_matches_the_newest_migration():
    assert schema_version_of(head_revision()) == SCHEMA_VERSION


def test_there_is_a_fixture_for_every_released_schema():
    versions = {int(p.stem.split("-v")[1]) for p in FIXTURES}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_released_schema_opens_and_keeps_its_answers(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy2(fixture, path)
    old_version = read_header(path).user_version
    with Draft.open(path) as draft:
        assert draft.info.organization == "Fixture NGO"
        assert draft.answer("UNTOC.5.1(b).challenges") == "Lacunes : pas de données & peu de moyens."
        assert draft.answer("TIP.5.1.legislation")[0]["year"] == 2016
        assert draft.history()  # the history survived
    assert read_header(path).user_version == SCHEMA_VERSION
    if old_version < SCHEMA_VERSION:
        assert backup_path(path, old_version).read_bytes() == fixture.read_bytes()


def test_schema_2_fixture_keeps_address_book_and_letters(tmp_path):
    from untoc_desktop.draft.correspondence import letters, recipients

    path = tmp_path / "v2.untoc"
    shutil.copy2(REPO_ROOT / "tests" / "fixtures" / "drafts" / "schema-v2.untoc", path)
    with Draft.open(path) as draft:
        assert draft.property("applicability") == {"TIP": {"party": True, "source": "user"}}
        assert recipients(draft)[0].postal_address == "1 Main St\nVeridia City"
        assert letters(draft)[0].sent_channel == "e-mail"


def test_schema_1_draft_gains_the_new_tables_and_a_backup(tmp_path):
    path = tmp_path / "old.untoc"
    shutil.copy2(REPO_ROOT / "tests" / "fixtures" / "drafts" / "schema-v1.untoc", path)
    with Draft.open(path) as draft:
        draft.set_property("sender", {"organization": "Fixture NGO"})
        assert draft.property("sender")["organization"] == "Fixture NGO"
    assert backup_path(path, 1).is_file()
    with Draft.open(backup_path(path, 1), read_only=True) as original:  # the copy is the untouched original
        assert original.answer("UNTOC.5.1(b).status") == "partly"
