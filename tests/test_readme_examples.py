"""The README's `untoc` examples, followed in order as a new user types them, do what their comments say.

Helpers following the README found its entry numbers wrong and one output file written twice; this
runs the command-line, letter and signing examples (up to the encrypted copies, which use files of
their own) from the README itself, so that an edit that breaks them fails here.
"""

import datetime as dt
import re
import shlex
import shutil
from pathlib import Path

import pytest

from untoc_desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.slow


def readme_commands() -> list[tuple[list[str], str]]:
    """Each ``untoc`` (and ``cp``) command of the README's shell blocks up to ``untoc key``: arguments, comment."""
    commands: list[tuple[list[str], str]] = []
    in_block, pending, comment = False, "", ""
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block = not in_block
            continue
        if not in_block or not (pending or line.startswith(("untoc ", "cp "))):
            continue
        said = re.search(r"\s#\s+(.*)$", line)
        comment += said.group(1) if said else ""
        pending += line
        if pending.rstrip().endswith("\\"):
            pending = pending.rstrip()[:-1] + " "
            continue
        words = shlex.split(pending, comments=True)
        if words[:2] == ["untoc", "key"]:
            break
        commands.append((words[1:] if words[0] == "untoc" else words, comment))
        pending, comment = "", ""
    return commands


def test_the_readme_untoc_examples_run_in_order_as_their_comments_say(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("UNTOC_PASSPHRASE", PASSPHRASE)  # the README exports it; here it is set before the prompt
    this_year = f"CJR/{dt.date.today().year}/"  # letter references carry the year they are written in
    commands = readme_commands()
    assert (
        [c[0] for c, _ in commands].count("letter") == 4
        and ["cp"] == [c[0] for c, _ in commands if c[0] == "cp"]
        and commands[-1][0][:2] == ["sent", "veridia.untoc"]
    )
    outputs: list[tuple[list[str], str, str]] = []
    fingerprint = ""
    for args, comment in commands:
        if args[0] == "cp":  # a file of the checkout copied to the working folder
            shutil.copy(ROOT / args[1], args[2])
            continue
        args = [a.replace("CJR/2026/", this_year) for a in args]
        if args[0] == "verify":  # the README's placeholders, replaced by the root printed by identity create
            args = [args[0], args[1], "--fingerprint", fingerprint]
        status = main(args)
        out, err = capsys.readouterr()
        assert status == 0, (args, out, err)
        outputs.append((args, comment, out))
        found = re.search(r"SHA-256 fingerprint: ([0-9A-F:]+)", out)
        fingerprint = found.group(1) if found and not fingerprint else fingerprint

    (listing,) = [out for args, _, out in outputs if args == ["sent", "veridia.untoc"]]
    register = [line.split("\t") for line in listing.splitlines()]
    assert [(row[0], row[2], row[3]) for row in register] == [
        ("1", "submission", "veridia.docx"),
        ("2", "submission", "veridia.pdf"),
        ("3", "letter", "lettre.pdf"),
        ("4", "submission", "submission.pdf"),
        ("5", "submission", "submission-signed.pdf"),
    ]
    # "prints its register entry: 4", "recorded as entry 5": the entry holds that command's file.
    numbered = [
        (args, int(m.group(1)), out) for args, comment, out in outputs if (m := re.search(r"entry:? (\d+)", comment))
    ]
    assert len(numbered) == 2
    for args, number, out in numbered:
        assert register[number - 1][3] == args[args.index("-o") + 1], (args, number)
        assert f"entry {number}" in out, out  # the command says the number too
    (export_again,) = [(args, out) for args, _, out in outputs if "--export" in args]
    assert register[int(export_again[0][export_again[0].index("--export") + 1]) - 1][2] == "submission"
    assert "identical to the recorded export" in export_again[1]
    assert any("every signature is intact" in out for args, _, out in outputs if args[0] == "verify")
    # No example writes over the file of an earlier one.
    written = [args[args.index("-o") + 1] for args, _ in commands if "-o" in args]
    assert "mine.docx" in written and (tmp_path / "mine.docx").is_file()  # the letter from your own template
    assert len(written) == len(set(written)), written
