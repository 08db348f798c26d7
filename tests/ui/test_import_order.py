"""The window's package loads the Qt-free core before PySide6 (see untoc_desktop/ui/__init__.py).

PySide6 reads the source file of each module imported after it; the core the window uses at
start-up is therefore imported first. This holds the list in ``untoc_desktop/ui/__init__.py`` to
what starting the window and opening a draft really import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, sys, tempfile
import untoc_desktop.ui
qt_first = sorted(m for m in sys.modules if m.startswith("PySide6"))
def core():
    return {m for m in sys.modules if m.startswith("untoc_desktop") and not m.startswith("untoc_desktop.ui")}
before = core()
from untoc_desktop.ui.app import build_main_window, prepare_application
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
window = build_main_window([], settings, interface_language=prepare_application(app, settings))
window.show()
opened = window.open_draft(sys.argv[1])
QTimer.singleShot(0, app.quit)
app.exec()
window.close()
print(json.dumps({"qt_first": qt_first, "opened": opened, "later": sorted(core() - before)}))
"""


def _start_window(path: Path) -> dict:
    """Run PROBE in a fresh interpreter on the draft at ``path``; what it saw."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_starting_the_window_imports_no_core_module_after_pyside6(draft):
    path = draft.path
    draft.close()
    _start_window(path)  # the first run on this computer fills the caches (checked definitions, schemas)
    seen = _start_window(path)
    assert seen["qt_first"] == []  # the package's own module loads no Qt
    assert seen["opened"] is True
    assert seen["later"] == [], seen["later"]  # add any module listed here to untoc_desktop/ui/__init__.py
