"""The composition root: the window is built with its services and opens a draft named on the command line."""

import subprocess
import sys

from untoc_desktop.ui.app import build_main_window


def test_draft_path_argument_is_opened(qtbot, settings, draft, message_boxes):
    path = draft.path
    draft.close()
    window = build_main_window([str(path)], settings)
    qtbot.addWidget(window)
    assert window.session is not None and window.session.path == path
    assert window.windowTitle().startswith(path.name)
    assert not message_boxes.shown
    window.close()


def test_unreadable_argument_shows_a_message_and_an_empty_window(qtbot, settings, tmp_path, message_boxes):
    window = build_main_window([str(tmp_path / "missing.untoc")], settings)
    qtbot.addWidget(window)
    assert window.session is None
    assert "does not exist" in message_boxes.texts()[0]


def test_interface_package_runs_as_a_module_entry_point():
    # `python -m untoc_desktop.ui` resolves to app.main (imported, not run: it would start an event loop)
    code = (
        "import runpy, untoc_desktop.ui.app as a; a.main = lambda: 0; "
        "runpy.run_module('untoc_desktop.ui', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def _window_env(tmp_path):
    """A window's environment with no display and its settings and data under ``tmp_path``."""
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def test_smoke_test_option_shows_the_draft_then_quits_and_reports_a_message_box(draft, tmp_path):
    # `untoc-desktop --smoke-test draft` (packaging checks, start-up benchmark): exit 0 once shown with
    # the draft open; a message box instead (here: not a draft) is closed, printed, and gives exit 1.
    path = draft.path
    draft.close()
    not_a_draft = tmp_path / "notes.untoc"
    not_a_draft.write_text("not a draft")
    env = _window_env(tmp_path)
    results = [
        subprocess.run(
            [sys.executable, "-m", "untoc_desktop.ui", "--smoke-test", str(p)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        for p in (path, not_a_draft)
    ]
    assert results[0].returncode == 0, results[0].stderr
    assert f"smoke test: shown {path.name}" in results[0].stdout
    assert results[1].returncode == 1
    assert "smoke test: message: The draft cannot be opened: notes.untoc is not a draft file" in results[1].stderr
    # closed as a user would close it: no crash note left for the next opening
    assert not path.with_name(path.name + ".lock").exists()


def test_the_smoke_test_does_not_say_shown_when_a_message_came_up_instead(tmp_path):
    not_a_draft = tmp_path / "notes.untoc"
    not_a_draft.write_text("not a draft")
    env = _window_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "untoc_desktop.ui", "--smoke-test", str(not_a_draft)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "smoke test: shown" not in result.stdout
    assert "smoke test: failed: 1 message(s) instead of the window alone" in result.stdout
