"""PySide6 is told beforehand which modules use it, and reads none of their source files while the window starts."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from ui_helpers import START_WINDOW, run_window_probe

import untoc_desktop
from untoc_desktop.ui import pyside_modules
from untoc_desktop.ui.pyside_modules import IGNORED, USES_PYSIDE, package_modules, register_modules

PROBE = (
    """
import json, os, sys, tempfile
import untoc_desktop.ui
from untoc_desktop.ui.pyside_modules import register_modules
written = register_modules() if sys.argv[2] == "register" else 0
import shiboken6  # PySide's import function and its table of modules (loaded by register_modules too)
feature = sys.modules["shibokensupport.feature"]
read = []
scan = feature._mod_uses_pyside
def counting(module):
    read.append(getattr(module, "__name__", "?"))
    return scan(module)
feature._mod_uses_pyside = counting  # PySide's own check, which reads the module's source file
"""
    + START_WINDOW
    + """
table = {name: value for name, value in feature.pyside_feature_dict.items() if name.startswith("untoc_desktop")}
print(json.dumps({"written": written, "read": read, "opened": opened, "table": table}))
"""
)


def _start_window(path: Path, mode: str) -> dict:
    return run_window_probe(PROBE, str(path), mode)


def _imports_pyside(module: str) -> bool:
    path = Path(untoc_desktop.__file__).parent.joinpath(*module.split(".")[1:])
    source = (path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).read_text("utf-8")
    return any(
        isinstance(node, ast.ImportFrom | ast.Import)
        and any(
            name.startswith("PySide6")
            for name in ([node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names])
        )
        for node in ast.walk(ast.parse(source))
    )


def test_the_window_starts_without_pyside_reading_the_source_of_any_module_of_ours(draft):
    path = draft.path
    draft.close()
    without = _start_window(path, "no")  # as before: PySide reads them (this also fills the first-run caches)
    ours_read = [name for name in without["read"] if name.startswith("untoc_desktop")]
    assert len(ours_read) > 40 and "typing" in without["read"]  # what the registration is there to spare

    seen = _start_window(path, "register")
    assert seen["opened"] is True
    assert seen["written"] > 150
    assert [name for name in seen["read"] if name.startswith("untoc_desktop")] == []
    assert "typing" not in seen["read"] and "dataclasses" not in seen["read"]
    # PySide's own answers: the interface's modules that import PySide6 use it; the core never does.
    for name, value in seen["table"].items():
        if name.startswith("untoc_desktop.ui.") and _imports_pyside(name):
            assert value == USES_PYSIDE, name
        elif not name.startswith("untoc_desktop.ui"):
            assert value == IGNORED and not _imports_pyside(name), name
    # And where PySide itself was left to read, it gave the same answers for the interface.
    for name, value in without["table"].items():
        if name.startswith("untoc_desktop.ui.") and _imports_pyside(name):
            assert value == USES_PYSIDE == seen["table"][name], name


def test_package_modules_names_every_module_of_a_source_tree(tmp_path):
    (tmp_path / "sub" / "__pycache__").mkdir(parents=True)
    for file in ("__init__.py", "a.py", "sub/__init__.py", "sub/b.py", "sub/__pycache__/b.cpython-311.py", "c.txt"):
        (tmp_path / file).write_text("")
    assert sorted(package_modules(str(tmp_path), "pkg")) == ["pkg", "pkg.a", "pkg.sub", "pkg.sub.b"]
    assert package_modules(str(tmp_path / "missing"), "pkg") == []  # a bundle has no source tree


def test_without_pyside_s_table_nothing_is_written(monkeypatch):
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", object())  # another PySide version
    assert register_modules() == 0
    assert pyside_modules.IGNORED == -1
