"""The application and the command line open no network connection (issue 5, privacy)."""

from __future__ import annotations

import json
import socket

import pytest
from helpers import REPO_ROOT, NetworkUsed

from untoc_desktop.cli import main

EXAMPLE = REPO_ROOT / "examples" / "cluster1-answers.json"


def test_command_line_main_flows_use_no_network(no_network, tmp_path, capsys):
    draft = tmp_path / "veridia.untoc"
    assert (
        main(
            [
                "new",
                str(draft),
                "--cluster",
                "1",
                "--country",
                "Republic of Veridia",
                "--organization",
                "Coalition",
                "--protocols",
                "TIP,SOM,FIREARMS",
            ]
        )
        == 0
    )
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
