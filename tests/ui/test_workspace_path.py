"""The window opens, writes and exports through the same workspace path as the command line."""

from untoc_desktop.workspace import Workspace

PRACTICE = "UNTOC.5.1(a)(i).practice"


def test_the_window_opens_its_draft_through_the_workspace(window, tmp_path, draft_info, monkeypatch):
    opened = []
    original = Workspace.from_opened.__func__

    def spy(cls, opened_draft):
        workspace = original(cls, opened_draft)
        opened.append(workspace)
        return workspace

    monkeypatch.setattr(Workspace, "from_opened", classmethod(spy))
    assert window.create_draft(tmp_path / "veridia.untoc", draft_info)
    assert opened == [window.session.workspace]
    changes = []
    window.session.changed.connect(changes.append)
    window.session.set_answer(window.session.definition.question(PRACTICE), "Typed.")
    assert [c.answers for c in changes] == [frozenset({PRACTICE})]
    assert window.session.snapshot().answers[PRACTICE] == "Typed."
