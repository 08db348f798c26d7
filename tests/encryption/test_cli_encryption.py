"""The command line: key, team, recovery, send-copy and open-copy, as a user types them."""

import io
import re

import keyring
import pyrage
import pytest
from encryption_helpers import answers_of, public
from helpers import memory_keyring

from untoc_desktop.cli import main


def run(capsys, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def alice(tmp_path):
    identity = str(pyrage.x25519.Identity.generate())
    path = tmp_path / "alice.txt"
    path.write_text(f"# created: today\n# public key: {public(identity)}\n{identity}\n")
    return path, identity


def test_send_copy_warns_without_a_recovery_code_and_the_colleague_opens_it(
    tmp_path, capsys, monkeypatch, example_draft, alice
):
    identity_file, identity = alice
    status, out, err = run(
        capsys,
        monkeypatch,
        "send-copy",
        str(example_draft),
        "-o",
        str(tmp_path / "c.untoc.age"),
        "--to",
        public(identity),
    )
    assert status == 0 and "encrypted for 1 key." in out
    assert "warning: no recovery code is set up" in err
    status, out, err = run(
        capsys,
        monkeypatch,
        "open-copy",
        str(tmp_path / "c.untoc.age"),
        "-o",
        str(tmp_path / "opened.untoc"),
        "--identity",
        str(identity_file),
    )
    assert status == 0, err
    assert answers_of(tmp_path / "opened.untoc") == answers_of(example_draft)
    # Once more: the draft exists now and is never replaced.
    before = (tmp_path / "opened.untoc").read_bytes()
    status, _out, err = run(
        capsys,
        monkeypatch,
        "open-copy",
        str(tmp_path / "c.untoc.age"),
        "-o",
        str(tmp_path / "opened.untoc"),
        "--identity",
        str(identity_file),
    )
    assert status == 2 and "exists already" in err and (tmp_path / "opened.untoc").read_bytes() == before


def test_the_whole_team_flow(tmp_path, capsys, monkeypatch, example_draft, alice, data_dir):
    # The keyring keeps the personal key here (the passphrase file costs seconds of scrypt per use; it is
    # tested in test_personal_key.py).
    keyring.set_keyring(memory_keyring())
    identity_file, identity = alice
    status, out, _ = run(capsys, monkeypatch, "key", "create")
    assert status == 0 and "kept in the keyring" in out
    mine = re.search(r"age1[0-9a-z]{58}", out).group(0)
    assert run(capsys, monkeypatch, "key", "show", "--qr", str(tmp_path / "key.svg"))[1].strip() == mine
    assert (tmp_path / "key.svg").read_text().startswith("<?xml")
    assert run(capsys, monkeypatch, "team", "add", "Alice", public(identity))[0] == 0
    status, _out, err = run(capsys, monkeypatch, "team", "add", "Mallory", "age1notakey")
    assert status == 2 and "is not a public key" in err
    status, out, _ = run(
        capsys,
        monkeypatch,
        "recovery",
        "create",
        "--organization",
        "Coalition for Justice",
        "-o",
        str(tmp_path / "sheet.pdf"),
    )
    assert status == 0
    code = re.search(r"^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$", out, re.M).group(0)
    status, out, err = run(
        capsys, monkeypatch, "send-copy", str(example_draft), "-o", str(tmp_path / "c.untoc.age"), "--to", "Alice"
    )
    assert status == 0 and "encrypted for 3 keys" in out and not err  # Alice, me, recovery
    original = answers_of(example_draft)
    for name, argv, stdin in (
        ("alice", ["--identity", str(identity_file)], ""),
        ("me", [], ""),
        ("recovery", ["--recovery-code"], code.lower().replace("0", "o") + "\n"),
    ):
        status, _out, err = run(
            capsys,
            monkeypatch,
            "open-copy",
            str(tmp_path / "c.untoc.age"),
            "-o",
            str(tmp_path / f"{name}.untoc"),
            *argv,
            stdin=stdin,
        )
        assert status == 0, (name, err)
        assert answers_of(tmp_path / f"{name}.untoc") == original
    status, _out, err = run(
        capsys,
        monkeypatch,
        "open-copy",
        str(tmp_path / "c.untoc.age"),
        "-o",
        str(tmp_path / "wrong.untoc"),
        "--recovery-code",
        stdin="0" * 24 + "\n",
    )
    assert status == 2 and "not the organisation's recovery code" in err and not (tmp_path / "wrong.untoc").exists()
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    status, _out, err = run(
        capsys,
        monkeypatch,
        "open-copy",
        str(tmp_path / "c.untoc.age"),
        "-o",
        str(tmp_path / "stranger.untoc"),
        "--identity",
        str(stranger),
    )
    assert status == 2
    assert "this copy was not encrypted for you; it was encrypted for 3 keys, none of them yours" in err.lower()
    assert "Traceback" not in err and not (tmp_path / "stranger.untoc").exists()


def test_an_encrypted_copy_must_be_named_untoc_age(tmp_path, capsys, monkeypatch, example_draft, alice):
    _identity_file, identity = alice
    status, _out, err = run(
        capsys, monkeypatch, "send-copy", str(example_draft), "-o", str(tmp_path / "c.untoc"), "--to", public(identity)
    )
    assert status == 2 and "ends with .untoc.age" in err
    assert not (tmp_path / "c.untoc").exists()


def test_the_key_passphrase_can_come_from_the_environment(tmp_path, capsys, monkeypatch, example_draft):
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())  # no keyring: the key goes to a passphrase file
    monkeypatch.setenv("UNTOC_PASSPHRASE", "a long passphrase for scripts")
    status, _out, err = run(capsys, monkeypatch, "key", "create", "--file")
    assert status == 0, err
    status, out, err = run(capsys, monkeypatch, "key", "show")
    own = re.search(r"age1[0-9a-z]+", out).group(0)
    status, _out, err = run(
        capsys, monkeypatch, "send-copy", str(example_draft), "-o", str(tmp_path / "c.untoc.age"), "--to", own
    )
    assert status == 0, err
    status, _out, err = run(
        capsys, monkeypatch, "open-copy", str(tmp_path / "c.untoc.age"), "-o", str(tmp_path / "back.untoc")
    )
    assert status == 0, err
    assert answers_of(tmp_path / "back.untoc") == answers_of(example_draft)
