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
    code = ("import runpy, untoc_desktop.ui.app as a; a.main = lambda: 0; "
            "runpy.run_module('untoc_desktop.ui', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
