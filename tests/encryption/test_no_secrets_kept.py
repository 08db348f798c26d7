"""No secret key, passphrase or recovery code reaches a log, the settings, a draft or any other file we write."""

import io
import logging
import re

import bech32
import pyrage
from encryption_helpers import public

from untoc_desktop.cli import main
from untoc_desktop.encryption.keys import load_personal_identity
from untoc_desktop.encryption.organisation import recovery_identity
from untoc_desktop.encryption.settings import load_settings

PASSPHRASE = "a long passphrase 4 tests"


def secret_forms(identity: str) -> list[bytes]:
    """An identity as text (both cases) and as its 32 raw bytes."""
    _hrp, words = bech32.bech32_decode(identity.lower())
    raw = bytes(bech32.convertbits(words, 5, 8, False))
    return [identity.encode(), identity.lower().encode(), identity[16:-6].encode(), raw, raw.hex().encode()]


def code_forms(code: str) -> list[bytes]:
    grouped = "-".join(code[i : i + 4] for i in range(0, 24, 4))
    return [form.encode() for form in (code, code.lower(), grouped, grouped.lower(), grouped.replace("-", " "))]


def test_no_key_or_code_is_written_anywhere(tmp_path, capsys, monkeypatch, example_draft, data_dir):
    """With the personal key in a passphrase-protected file (no keyring): the most that can reach the disk."""
    log_file = tmp_path / "untoc.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    outputs = []

    def run(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(list(argv))
        out, err = capsys.readouterr()
        outputs.append((argv, out + err))
        assert status == 0, err
        return out

    try:
        colleague = str(pyrage.x25519.Identity.generate())
        run("key", "create", stdin=PASSPHRASE + "\n")
        run("team", "add", "Colleague", public(colleague))
        shown = run("recovery", "create", "--organization", "Coalition", "-o", str(tmp_path / "sheet.pdf"))
        code = re.search(r"^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$", shown, re.M).group(0).replace("-", "")
        run("send-copy", str(example_draft), "-o", str(tmp_path / "copy.untoc.age"), "--to", "Colleague")
        run("open-copy", str(tmp_path / "copy.untoc.age"), "-o", str(tmp_path / "mine.untoc"), stdin=PASSPHRASE + "\n")
        run(
            "open-copy",
            str(tmp_path / "copy.untoc.age"),
            "-o",
            str(tmp_path / "rec.untoc"),
            "--recovery-code",
            stdin=code.lower() + "\n",
        )
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)

    personal = load_personal_identity(lambda: PASSPHRASE)
    recovery = recovery_identity(code, load_settings())
    secrets = [*secret_forms(personal), *secret_forms(recovery), *code_forms(code), PASSPHRASE.encode()]
    written = [p for folder in (tmp_path, data_dir) for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {
        "untoc.log",
        "encryption.json",
        "personal-key.age",
        "mine.untoc",
        "rec.untoc",
        "example.untoc",
        "copy.untoc.age",
        "sheet.pdf",
    }
    for path in written:
        if path.name == "sheet.pdf":
            continue  # the recovery sheet shows the code: that is what it is for
        data = path.read_bytes()
        assert not [s for s in secrets if s in data], path
    # The terminal shows the code once, when it is made; nothing else is ever printed.
    for argv, text in outputs:
        found = [s for s in secrets if s.decode("latin-1") in text]
        assert found == ([] if argv[0] != "recovery" else [code_forms(code)[2]]), argv
