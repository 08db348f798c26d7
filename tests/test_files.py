"""atomic_replace: the file rule every write of the core goes through."""

import os
import stat

import pytest

from untoc_desktop import files
from untoc_desktop.files import atomic_replace, atomic_write_bytes, atomic_write_text


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_new_content_replaces_the_old_one(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")
    assert atomic_write_text(target, "new") == target
    assert target.read_text("utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_the_folder_is_created_when_missing(tmp_path):
    target = tmp_path / "a" / "b" / "out.bin"
    atomic_write_bytes(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_a_folder_the_user_chose_is_not_made_up_when_it_is_gone(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "gone" / "out.pdf", b"%PDF", create_folder=False)
    assert not (tmp_path / "gone").exists()


class Failing(Exception):
    pass


@pytest.mark.parametrize("error", [Failing, OSError, KeyboardInterrupt])
def test_an_error_while_writing_removes_the_temporary_file_and_leaves_the_target(tmp_path, error):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")
    seen = []

    def write(temporary):
        seen.append(temporary)
        temporary.write_text("half of the ne", "utf-8")
        raise error("disk full")

    with pytest.raises(error):
        atomic_replace(target, write)
    assert seen and seen[0].parent == tmp_path and seen[0] != target
    assert not seen[0].exists()
    assert target.read_text("utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_failing_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")

    def refuse(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(PermissionError):
        atomic_write_text(target, "new")
    assert target.read_text("utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_an_interrupt_during_fsync_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_the_file_and_its_folder_are_flushed_to_disk(tmp_path, monkeypatch):
    flushed = []
    real_fsync = os.fsync

    def counting(descriptor):
        flushed.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(files.os, "fsync", counting)
    atomic_write_text(tmp_path / "out.txt", "new")
    assert False in flushed  # the file's content
    if os.name != "nt":
        assert flushed == [False, True]  # then the folder, after the rename


def test_the_content_is_flushed_before_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda d: (events.append("fsync"), real_fsync(d)))
    monkeypatch.setattr(files.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b)))
    atomic_write_text(tmp_path / "out.txt", "new")
    assert events.index("fsync") < events.index("replace")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_new_file_gets_the_usual_permissions_or_the_ones_asked_for(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    plain = atomic_write_text(tmp_path / "plain.txt", "x")
    assert stat.S_IMODE(plain.stat().st_mode) == 0o666 & ~umask
    private = atomic_write_text(tmp_path / "key.txt", "x", mode=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_without_overwrite_an_existing_file_is_kept_and_the_temporary_removed(tmp_path):
    target = tmp_path / "draft.untoc"
    target.write_text("theirs", "utf-8")
    with pytest.raises(FileExistsError):
        atomic_write_text(target, "mine", overwrite=False)
    assert target.read_text("utf-8") == "theirs"
    assert leftovers(tmp_path) == []
    fresh = atomic_write_text(tmp_path / "new.untoc", "mine", overwrite=False)
    assert fresh.read_text("utf-8") == "mine"
    assert leftovers(tmp_path) == []


def test_without_hard_links_a_new_file_still_never_replaces_one(tmp_path, monkeypatch):
    def no_links(source, destination):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    fresh = atomic_write_text(tmp_path / "new.untoc", "mine", overwrite=False)
    assert fresh.read_text("utf-8") == "mine"
    (tmp_path / "old.untoc").write_text("theirs", "utf-8")
    with pytest.raises(FileExistsError):
        atomic_write_text(tmp_path / "old.untoc", "mine", overwrite=False)
    assert (tmp_path / "old.untoc").read_text("utf-8") == "theirs"
    assert leftovers(tmp_path) == []


def test_a_given_temporary_name_is_used_and_removed_on_error(tmp_path):
    target = tmp_path / "out.pdf"
    temporary = tmp_path / ".out.pdf.given.tmp"
    with pytest.raises(Failing):
        atomic_replace(
            target, lambda path: (path.write_bytes(b"%PDF"), (_ for _ in ()).throw(Failing())), temporary=temporary
        )
    assert not temporary.exists() and not target.exists()
    atomic_replace(target, lambda path: path.write_bytes(b"%PDF-1.7"), temporary=temporary)
    assert target.read_bytes() == b"%PDF-1.7" and not temporary.exists()


def test_a_temporary_name_in_another_folder_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(ValueError):
        atomic_replace(
            tmp_path / "out.txt", lambda path: path.write_text("x"), temporary=tmp_path / "elsewhere" / "x.tmp"
        )
    assert not (tmp_path / "out.txt").exists()


def test_only_the_file_rule_renames_files_into_place():
    """Outside the interface, no module writes a temporary file and renames it itself: atomic_replace does."""
    import re
    from pathlib import Path

    import untoc_desktop

    package = Path(untoc_desktop.__file__).parent
    rename = re.compile(r"\bos\.(replace|rename)\(|\bshutil\.move\(|\.rename\(")
    offenders = sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if p.relative_to(package).parts[0] != "ui" and p.name != "files.py" and rename.search(p.read_text("utf-8"))
    )
    assert offenders == []
    assert rename.search("os.replace(temporary, target)")  # the pattern finds what it forbids
