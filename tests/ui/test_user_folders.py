"""The window never writes into the real user data folder when told (or tested) otherwise."""

import os
from pathlib import Path

from untoc_desktop.ui.window.draft_safety import DraftSafety


def test_the_backup_folder_is_fixed_when_the_window_is_made(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "made"))
    safety = DraftSafety(None, lambda: None, lambda _p: False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "later"))
    assert safety._root == tmp_path / "made" / "untoc_desktop" / "backups"


def test_tests_run_with_their_own_data_folder():
    assert "xdg_data_home" in os.environ["XDG_DATA_HOME"]
    assert not os.environ["XDG_DATA_HOME"].startswith(str(Path.home()))
