"""The expected schema is built from the migrations themselves, for every schema version (issue 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from untoc_desktop.draft import SCHEMA_VERSION, Draft, read_header
from untoc_desktop.draft.schema_check import check_contents, expected_schemas, revisions_by_schema_version

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "drafts").glob("schema-v*.untoc"))


def test_every_schema_version_has_an_expected_schema_from_the_migrations():
    versions = revisions_by_schema_version()
    assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))
    for version in versions:
        rows = next(iter(expected_schemas(version).values()))
        assert ("table", "answer", "answer", rows[[r[1] for r in rows].index("answer")][3]) in rows
        assert not any(kind in ("trigger", "view") for kind, *_rest in rows)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_released_drafts_pass_the_check_before_and_after_migration(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy2(fixture, path)
    check_contents(path, read_header(path).user_version)
    Draft.open(path).close()  # migrated to the current schema
    assert read_header(path).user_version == SCHEMA_VERSION
    check_contents(path, SCHEMA_VERSION)


def test_a_new_draft_has_exactly_the_expected_schema(draft):
    check_contents(draft.path, SCHEMA_VERSION)
