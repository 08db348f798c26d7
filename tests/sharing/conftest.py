import shutil

import pytest

from untoc_desktop.draft import Draft, DraftInfo


@pytest.fixture(scope="session")
def template_draft(tmp_path_factory, cluster1):
    """One empty cluster 1 draft, copied by tests that need many drafts of the same identity."""
    path = tmp_path_factory.mktemp("template") / "template.untoc"
    info = DraftInfo(
        organization="Coalition for Justice & Rights",
        country="Republic of Veridia",
        cluster=1,
        protocols=frozenset({"TIP"}),
        author="Amina",
        definition_id=cluster1.id,
        definition_version=cluster1.version,
    )
    Draft.create(path, info).close()
    return path


@pytest.fixture
def copies(tmp_path, template_draft):
    """Make files that are copies of one draft: copies("a", "b") -> paths."""

    def make(*names):
        paths = []
        for name in names:
            path = tmp_path / f"{name}.untoc"
            shutil.copyfile(template_draft, path)
            paths.append(path)
        return paths

    return make
