import shutil

from helpers import REPO_ROOT

from untoc_desktop.draft import SCHEMA_VERSION, Draft, read_header
from untoc_desktop.draft.register import SentEntry, record_sent, sent_entries
from untoc_desktop.draft.store import backup_path

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "drafts"


def test_schema_2_draft_is_upgraded_to_4_with_an_empty_register_and_a_backup(tmp_path):
    path = tmp_path / "v2.untoc"
    shutil.copy2(FIXTURES / "schema-v2.untoc", path)
    assert read_header(path).user_version == 2
    with Draft.open(path) as draft:
        assert sent_entries(draft) == []
        assert draft.answer("TIP.5.1.legislation")[0]["year"] == 2016  # the answers survived
        entry = record_sent(
            draft,
            SentEntry(
                kind="submission",
                file_name="s.pdf",
                format="pdf",
                sha256="a" * 64,
                signatories=("A. Signatory",),
                snapshot={"answers": {}},
            ),
        )
        assert entry.number == 1 and entry.recorded_at is not None
    assert read_header(path).user_version == SCHEMA_VERSION >= 4
    assert backup_path(path, 2).read_bytes() == (FIXTURES / "schema-v2.untoc").read_bytes()


def test_schema_4_fixture_keeps_its_register(tmp_path):
    path = tmp_path / "v4.untoc"
    shutil.copy2(FIXTURES / "schema-v4.untoc", path)
    with Draft.open(path) as draft:
        [entry] = sent_entries(draft)
    assert (entry.file_name, entry.signatories, entry.channel) == ("fixture.pdf", ("Fixture Signatory",), "e-mail")
