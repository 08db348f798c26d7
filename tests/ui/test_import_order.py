"""The window's package loads the Qt-free core before PySide6 (see untoc_desktop/ui/__init__.py).

PySide6 reads the source file of each module imported after it; the core the window uses at
start-up is therefore imported first. This holds the list in ``untoc_desktop/ui/__init__.py`` to
what starting the window and opening a draft really import.
"""

from __future__ import annotations

from pathlib import Path

from ui_helpers import START_WINDOW, run_window_probe

PROBE = (
    """
import json, os, sys, tempfile
import untoc_desktop.ui
qt_first = sorted(m for m in sys.modules if m.startswith("PySide6"))
def core():
    return {m for m in sys.modules if m.startswith("untoc_desktop") and not m.startswith("untoc_desktop.ui")}
before = core()
"""
    + START_WINDOW
    + """
print(json.dumps({"qt_first": qt_first, "opened": opened, "later": sorted(core() - before)}))
"""
)


def _start_window(path: Path) -> dict:
    """Run PROBE in a fresh interpreter on the draft at ``path``; what it saw."""
    return run_window_probe(PROBE, str(path))


def test_starting_the_window_imports_no_core_module_after_pyside6(draft):
    path = draft.path
    draft.close()
    _start_window(path)  # the first run on this computer fills the caches (checked definitions, schemas)
    seen = _start_window(path)
    assert seen["qt_first"] == []  # the package's own module loads no Qt
    assert seen["opened"] is True
    assert seen["later"] == [], seen["later"]  # add any module listed here to untoc_desktop/ui/__init__.py
