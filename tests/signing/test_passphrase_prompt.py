"""The passphrase asked at a terminal: typed twice for a new identity, and Ctrl+D ends cleanly (exit 2, one line)."""

from __future__ import annotations

import getpass
import io

import pytest

from untoc_desktop.cli import main


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def terminal(monkeypatch):
    """Standard input is a terminal; ``typed`` is what getpass returns, in turn (EOFError: Ctrl+D)."""
    monkeypatch.delenv("UNTOC_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    typed: list[object] = []
    prompts: list[str] = []
    monkeypatch.setattr(Terminal, "prompts", prompts, raising=False)

    def fake_getpass(prompt=""):
        prompts.append(prompt)
        answer = typed.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    return typed


def create(tmp_path):
    out = str(tmp_path / "a.p12")
    return main(["identity", "create", "--name", "Amina Haddad", "--organization", "CJR", "-o", out])


def test_ctrl_d_at_the_prompt_says_so_in_one_line_and_creates_nothing(tmp_path, terminal, capsys):
    terminal.append(EOFError())
    assert create(tmp_path) == 2
    out, err = capsys.readouterr()
    assert err == "untoc: Nothing was typed at the prompt; nothing was done.\n" and "Traceback" not in out + err
    assert list(tmp_path.iterdir()) == []


def test_a_new_identitys_passphrase_is_typed_twice(tmp_path, terminal, capsys):
    terminal.extend(["correct horse battery", "correct horse batery"])
    assert create(tmp_path) == 2
    assert capsys.readouterr().err == "untoc: The two passphrases differ; nothing was created.\n"
    assert list(tmp_path.iterdir()) == []
    terminal.extend(["correct horse battery", "correct horse battery"])
    assert create(tmp_path) == 0
    assert (tmp_path / "a.p12").is_file() and terminal == []


def test_ctrl_d_at_the_personal_key_prompt_ends_cleanly(tmp_path, terminal, capsys):
    terminal.append(EOFError())
    assert main(["key", "create", "--file"]) == 2
    assert capsys.readouterr().err == "untoc: Nothing was typed at the prompt; nothing was done.\n"


def test_with_an_issuer_the_prompt_says_whose_passphrase_and_asks_it_once(tmp_path, terminal, capsys):
    from signing_helpers import PASSPHRASE

    from untoc_desktop.signing.identity import create_identity

    root = create_identity(tmp_path / "amina.p12", "Amina Haddad", "CJR", PASSPHRASE).root_p12
    terminal.append(PASSPHRASE)
    out = str(tmp_path / "jean.p12")
    command = ["identity", "create", "--name", "Jean Dupont", "--organization", "CJR", "--issuer", str(root), "-o", out]
    assert main(command) == 0, capsys.readouterr().err
    assert Terminal.prompts == [f"Passphrase of {root.name} (the new identity gets the same one): "]
