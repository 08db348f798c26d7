"""The application service: each operation is one transaction and says what changed."""

import dataclasses
import sqlite3

import pytest

from untoc_desktop.applicability import APPLICABILITY_PROPERTY, protocol_choice, read_applicability
from untoc_desktop.draft import Draft
from untoc_desktop.draft.correspondence import Recipient
from untoc_desktop.errors import DraftExistsError, DraftFileError, InvalidAnswerError
from untoc_desktop.questionnaire.registry import DefinitionRegistry
from untoc_desktop.workspace import NOTHING, Changes, Workspace

PRACTICE = "UNTOC.5.1(a)(i).practice"
STATUS = "UNTOC.2.(a).status"


@pytest.fixture
def registry(tmp_path):
    return DefinitionRegistry(user_folder=tmp_path / "definitions")


@pytest.fixture
def workspace(tmp_path, draft_info, cluster1, registry):
    path = Workspace.create(
        tmp_path / "veridia.untoc", draft_info, cluster1, {"TIP": protocol_choice(True, True, origin="shipped")}
    )
    ws = Workspace.open(path, registry, lock=True)
    yield ws
    ws.close()


def test_create_records_the_definition_and_the_protocol_choice(workspace, cluster1):
    assert workspace.path.name == "veridia.untoc"
    assert workspace.info.definition_id == cluster1.id
    assert workspace.applicability() == {"TIP": protocol_choice(True, True, origin="shipped")}
    assert workspace.property(APPLICABILITY_PROPERTY)["TIP"]["source"] == "table"


def test_create_refuses_an_existing_file(workspace, draft_info, cluster1):
    with pytest.raises(DraftExistsError):
        Workspace.create(workspace.path, draft_info, cluster1)


def test_set_answer_returns_the_changed_question_then_nothing(workspace, cluster1):
    question = cluster1.question(PRACTICE)
    assert workspace.set_answer(question, "Police units exist.") == Changes(answers=frozenset({PRACTICE}))
    assert workspace.set_answer(question, "Police units exist.") == NOTHING
    assert not NOTHING
    assert workspace.answer(PRACTICE) == "Police units exist."
    assert workspace.draft.answer(PRACTICE) == "Police units exist."


def test_an_invalid_answer_writes_nothing(workspace, cluster1):
    with pytest.raises(InvalidAnswerError):
        workspace.set_answer(cluster1.question(STATUS), "maybe")
    assert workspace.answer(STATUS) is None and workspace.history() == []


def test_a_failing_write_leaves_the_cache_and_file_as_they_were(workspace, cluster1, monkeypatch):
    question = cluster1.question(PRACTICE)
    workspace.set_answer(question, "Before.")
    report = workspace.report

    def broken(*_args, **_kwargs):
        raise DraftFileError("disk full")

    monkeypatch.setattr(workspace.draft, "set_answer", broken)
    with pytest.raises(DraftFileError):
        workspace.set_answer(question, "After.")
    assert workspace.answer(PRACTICE) == "Before." and workspace.report is report


def test_update_details_writes_details_and_protocol_choice_in_one_transaction(workspace, monkeypatch):
    new_info = dataclasses.replace(workspace.info, organization="Another coalition", protocols=frozenset({"TIP"}))
    choice = {"TIP": protocol_choice(True, False), "SOM": protocol_choice(False, False)}
    changes = workspace.update_details(new_info, choice)
    assert changes == Changes(info=True, properties=frozenset({APPLICABILITY_PROPERTY}))
    assert workspace.info.organization == "Another coalition" and workspace.info.protocols == {"TIP"}
    assert workspace.applicability()["SOM"]["party"] is False


def test_update_details_is_all_or_nothing(workspace):
    before_info, before_choice = workspace.info, workspace.applicability()
    unstorable = {"TIP": {"party": object()}}  # not JSON: the property write fails inside the transaction
    with pytest.raises(Exception):  # noqa: B017 (whatever the storage raises, nothing may be written)
        workspace.update_details(dataclasses.replace(before_info, organization="Half done"), unstorable)
    with Draft.open(workspace.path, read_only=True, allow_sidecars=True) as again:
        assert again.info.organization == before_info.organization
    assert workspace.applicability() == before_choice


def test_snapshot_is_immutable_and_does_not_follow_later_edits(workspace, cluster1):
    workspace.set_answer(cluster1.question(PRACTICE), "First.")
    snapshot = workspace.snapshot()
    with pytest.raises(TypeError):
        snapshot.answers[PRACTICE] = "changed"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.info = None  # type: ignore[misc]
    workspace.set_answer(cluster1.question(PRACTICE), "Second.")
    assert snapshot.answers[PRACTICE] == "First." and workspace.snapshot().answers[PRACTICE] == "Second."
    assert snapshot.definition.id == cluster1.id and snapshot.open_conflicts == ()


def test_save_as_carries_unsaved_text_and_stays_on_the_original(workspace, cluster1, tmp_path):
    workspace.set_answer(cluster1.question(PRACTICE), "Stored.")
    copy = workspace.save_as(tmp_path / "copy", {STATUS: "fully"})
    assert copy.name == "copy.untoc" and workspace.path.name == "veridia.untoc"
    with Draft.open(copy) as opened:
        assert opened.answers() == {PRACTICE: "Stored.", STATUS: "fully"}
    assert workspace.answer(STATUS) is None
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_save_as_leaves_the_target_as_it_was(workspace, tmp_path, monkeypatch):
    target = tmp_path / "existing.untoc"
    target.write_bytes(b"keep me")

    def broken(copy_to):
        copy_to.write_bytes(b"half")
        raise DraftFileError("disk full")

    monkeypatch.setattr(workspace.draft, "save_copy", broken)
    with pytest.raises(DraftFileError):
        workspace.save_as(target)
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".existing")) == []


def test_history_and_restore(workspace, cluster1):
    question = cluster1.question(PRACTICE)
    workspace.set_answer(question, "First words.")
    workspace.set_answer(question, "Second words.")
    first = [c for c in workspace.history(PRACTICE) if c.new_value == "First words."][0]
    assert workspace.restore(PRACTICE, first.change_uuid) == Changes(answers=frozenset({PRACTICE}))
    assert workspace.answer(PRACTICE) == "First words." == workspace.draft.answer(PRACTICE)
    assert len(workspace.versions(PRACTICE)) == 3


def test_merge_reloads_answers_and_conflicts(workspace, cluster1, tmp_path):
    workspace.set_answer(cluster1.question(PRACTICE), "Police units exist. They have 12 officers.")
    theirs = tmp_path / "theirs.untoc"
    workspace.draft.save_copy(theirs)
    with Draft.open(theirs) as copy:
        copy.set_answer(STATUS, "partly")
    report, changes = workspace.merge_copy(theirs)
    assert changes.reloaded and changes.conflicts
    assert workspace.answer(STATUS) == "partly" and report is not None


def test_recipients_and_sender_say_what_changed(workspace):
    saved, changes = workspace.save_recipient(Recipient(name="Ms Focal", title="Director", agency="Justice"))
    assert changes == Changes(recipients=True) and [r.name for r in workspace.recipients()] == ["Ms Focal"]
    removed, _ = workspace.delete_recipient(saved.recipient_uuid)
    assert workspace.recipients() == []
    workspace.restore_recipient(removed)
    assert len(workspace.recipients()) == 1
    sender = dataclasses.replace(workspace.sender(), signatory="A. Signatory")
    assert workspace.save_sender(sender) == Changes(properties=frozenset({"sender"}))
    assert workspace.sender().signatory == "A. Signatory"
    assert workspace.letters() == []


def test_backups_go_where_they_are_told(workspace, tmp_path):
    backup = workspace.backup(tmp_path / "backups")
    assert [b.path for b in workspace.backups(tmp_path / "backups")] == [backup.path]


def test_read_applicability_keeps_only_mappings():
    assert read_applicability(None) is None
    assert read_applicability({"TIP": "yes", "SOM": {"party": True, "evil": 1}}) == {"SOM": {"party": True}}


def test_a_file_that_is_not_a_draft_is_refused_untouched(tmp_path, registry):
    other = tmp_path / "other.untoc"
    sqlite3.connect(other).execute("create table t(x)").connection.close()
    before = other.read_bytes()
    with pytest.raises(Exception):  # noqa: B017
        Workspace.open(other, registry)
    assert other.read_bytes() == before


def test_the_command_line_opens_drafts_through_the_workspace(tmp_path, draft_info, cluster1, monkeypatch, capsys):
    from untoc_desktop import cli

    path = Workspace.create(tmp_path / "veridia.untoc", draft_info, cluster1)
    opened = []
    original = Workspace.from_opened.__func__

    def spy(cls, opened_draft):
        workspace = original(cls, opened_draft)
        opened.append(workspace)
        return workspace

    monkeypatch.setattr(Workspace, "from_opened", classmethod(spy))
    cli.main(["validate", str(path)])
    cli.main(["export", str(path), "--format", "docx", "-o", str(tmp_path / "out.docx")])
    assert [w.path for w in opened] == [path, path]
    assert (tmp_path / "out.docx").exists()


def test_a_letter_is_built_from_the_snapshot_given_else_from_one_taken_now(workspace, cluster1, tmp_path):
    from untoc_desktop.letters import LetterOptions

    workspace.save_sender(dataclasses.replace(workspace.sender(), address="1 Harbour Street", signatory="A. Signatory"))
    workspace.save_recipient(Recipient(name="Ms Focal", is_focal_point=True))
    attachment = tmp_path / "submission.pdf"
    attachment.write_bytes(b"%PDF exported")
    options = LetterOptions("transmission", "en", attachment=attachment)
    workspace.set_answer(cluster1.question(STATUS), "partly")
    before = workspace.snapshot()
    workspace.set_answer(cluster1.question(STATUS), "fully")

    assert workspace.build_letter(options, before).fields["count_partly"] == "1"
    assert workspace.build_letter(options).fields["count_partly"] == "0"
    (letter, entry), changes = workspace.create_letter(options, tmp_path / "letter.docx", "docx", snapshot=before)
    assert changes == Changes(letters=True) and entry.details["fields"]["count_partly"] == "1"
    assert [e.reference for e in workspace.letters()] == [letter.reference]


def test_merge_refuses_a_draft_another_running_program_holds(tmp_path, draft_info, cluster1, registry):
    import shutil

    from untoc_desktop.draft.safety import DraftLock

    path = Workspace.create(tmp_path / "veridia.untoc", draft_info, cluster1)
    theirs = tmp_path / "theirs.untoc"
    shutil.copyfile(path, theirs)
    lock = DraftLock.acquire(path)  # held by a running program (this one), as the desktop application would
    try:
        with Workspace.open(path, registry, lock=True) as workspace:
            assert workspace.read_only
            with pytest.raises(DraftFileError, match="is open in untoc_desktop .* Merge the copy there"):
                workspace.merge_copy(theirs)
    finally:
        lock.release()
