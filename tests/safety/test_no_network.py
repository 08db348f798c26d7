"""The application and the command line open no network connection (issue 5, privacy)."""

from __future__ import annotations

import json
import socket

import pytest

from helpers import REPO_ROOT
from untoc_desktop.cli import main

EXAMPLE = REPO_ROOT / "examples" / "cluster1-answers.json"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail on any attempt to create a network socket (Unix sockets stay allowed for Qt/D-Bus)."""
    attempts = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=socket.AF_INET, type=socket.SOCK_STREAM, proto=0, fileno=None):
            if family in (socket.AF_INET, socket.AF_INET6):
                attempts.append((family, type))
                raise NetworkUsed(f"network socket requested: {family}, {type}")
            super().__init__(family, type, proto, fileno)

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network connection requested: {args}")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def test_command_line_main_flows_use_no_network(no_network, tmp_path, capsys):
    draft = tmp_path / "veridia.untoc"
    assert main(["new", str(draft), "--cluster", "1", "--country", "Republic of Veridia",
                 "--organization", "Coalition", "--protocols", "TIP,SOM,FIREARMS"]) == 0
    assert main(["import-answers", str(draft), str(EXAMPLE)]) == 0
    assert main(["validate", str(draft)]) == 0
    for fmt in ("docx", "pdf"):
        assert main(["export", str(draft), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")]) == 0
    assert main(["questions", "--cluster", "2", "--format", "json"]) == 0
    assert main(["definitions"]) == 0
    assert json.loads(EXAMPLE.read_text("utf-8"))


def test_the_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    no_network.clear()
