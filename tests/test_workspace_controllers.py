"""The workspace operations the window's controllers and the command's sub-commands use (issue 11)."""

import argparse

import pytest

from untoc_desktop import cli_letters, cli_sharing
from untoc_desktop.draft import properties
from untoc_desktop.draft.records import Recipient
from untoc_desktop.errors import DraftFileError, UntocError
from untoc_desktop.letters import LetterError
from untoc_desktop.questionnaire.registry import DefinitionRegistry
from untoc_desktop.workspace import Workspace


@pytest.fixture
def registry(tmp_path):
    return DefinitionRegistry(user_folder=tmp_path / "definitions")


@pytest.fixture
def path(tmp_path, draft_info, cluster1):
    return Workspace.create(tmp_path / "veridia.untoc", draft_info, cluster1)


def test_the_assignment_of_a_copy_is_read_typed_and_nothing_else_reads_as_one(path, registry):
    with Workspace.open(path, registry) as workspace:
        assert workspace.assignment() is None
        workspace.draft.set_property(properties.ASSIGNMENT, {"articles": "UNTOC.5"})  # another shape
        assert workspace.assignment() is None
        properties.set_assignment(
            workspace.draft,
            properties.Assignment(
                colleague="Boris", articles=["UNTOC.5"], sent_by="Ana", sent_at="2026-01-02", copy_name="c.untoc"
            ),
        )
        assert workspace.assignment()["articles"] == ["UNTOC.5"]


def test_a_backup_is_restored_and_a_copy_recovered_as_new_files_never_over_one(path, registry, tmp_path):
    with Workspace.open(path, registry) as workspace:
        backup = workspace.backup(tmp_path / "backups")
    restored = Workspace.restore_backup(backup, tmp_path / "restored.untoc")
    assert Workspace.read_info(restored).draft_uuid == Workspace.read_info(path).draft_uuid
    with pytest.raises(DraftFileError):
        Workspace.restore_backup(backup, restored)
    recovered = Workspace.recover_copy(path, tmp_path / "recovered.untoc")
    assert Workspace.read_info(recovered).organization == Workspace.read_info(path).organization
    with pytest.raises(DraftFileError):
        Workspace.recover_copy(path, recovered)


def test_a_missing_letter_or_register_entry_is_an_error_with_a_message(path, registry):
    with Workspace.open(path, registry) as workspace:
        with pytest.raises(LetterError):
            workspace.find_letter("CJR/2026/001")
        with pytest.raises(UntocError, match="no number 3"):
            workspace.sent_entry(3)


def test_sub_commands_are_given_a_workspace_opener(path, registry, capsys):
    opened = []

    def open_workspace(file):
        opened.append(file)
        return Workspace.open(file, registry, lock=True)

    args = argparse.Namespace(
        action="add",
        file=path,
        name="Ms Focal",
        title="",
        agency="Ministry",
        address="",
        email="",
        focal_point=True,
        form_of_address="neutral",
    )
    assert cli_letters.LETTER_COMMANDS["recipient"](args, open_workspace) == 0
    uuid = capsys.readouterr().out.strip()
    assert cli_sharing.SHARING_COMMANDS["answers"](argparse.Namespace(file=path, format="json"), open_workspace) == 0
    assert opened == [path, path]
    with Workspace.open(path, registry) as workspace:
        assert [r.recipient_uuid for r in workspace.recipients()] == [uuid]
        assert isinstance(workspace.recipients()[0], Recipient)
