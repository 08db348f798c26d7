import shutil

import pytest

from untoc_desktop.draft import DraftInfo


@pytest.fixture
def template_draft(draft_templates, cluster1):
    """One empty cluster 1 draft, copied by tests that need many drafts of the same identity.

    Made once per session, on first use inside a test (helpers.DraftTemplates), so Draft.create's
    schema cache goes to the test's temporary home, never the real one.
    """
    info = DraftInfo(
        organization="Coalition for Justice & Rights",
        country="Republic of Veridia",
        cluster=1,
        protocols=frozenset({"TIP"}),
        author="Amina",
        definition_id=cluster1.id,
        definition_version=cluster1.version,
    )
    return draft_templates.template(info)


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
