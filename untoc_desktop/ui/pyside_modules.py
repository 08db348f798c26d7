"""Tell PySide6 which modules use it before they are imported, so that it reads none of their source files.

PySide6 replaces Python's import function, for its opt-in ``from __feature__ import snake_case``.
After each import it asks, once per module name, whether the module uses PySide: it reads the
module's whole source file and looks for the word "PySide6" (``shibokensupport.feature``). While
the window starts, that meant 91 source files, among them the standard library's ``typing``,
``logging``, ``dataclasses`` and ``datetime`` and most of this package: some 30 M instructions,
2 % of the start.

The answers are known beforehand. Modules loaded before PySide6 use no Qt, and neither does the
Qt-free core (an import contract: it never imports PySide6). The interface's modules do, with no
feature selected: this application uses none. So those answers are written into PySide's table of
modules first, as its own scan would write them (``-1``: ignore the module; ``0``: uses PySide,
no feature), and PySide reads no file for them.

That table is PySide's internal state (``shibokensupport.feature.pyside_feature_dict``, PySide 6.4
and later). When it is not there, nothing is written and PySide reads the files as before: slower,
never different.
"""

from __future__ import annotations

import os
import sys

#: PySide's answers: the module uses PySide with no feature selected, or the module is ignored.
USES_PYSIDE, IGNORED = 0, -1


def package_modules(root: str, package: str) -> list[str]:
    """The dotted names of the modules in the source tree of ``package`` at ``root`` (none in a bundle).

    Args:
        root: the package's folder.
        package: its dotted name, e.g. ``untoc_desktop``.
    """
    names = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        relative = os.path.relpath(folder, root)
        prefix = package if relative == os.curdir else f"{package}.{relative.replace(os.sep, '.')}"
        for file in files:
            if file.endswith(".py"):
                names.append(prefix if file == "__init__.py" else f"{prefix}.{file[:-3]}")
    return names


def register_modules() -> int:
    """Write into PySide's table whether each loaded module and each module of this package uses PySide.

    Call it once, before the interface's modules are imported. Loads ``shiboken6`` (not Qt).

    Returns:
        How many modules were written (0 when PySide's table is not there).
    """
    import shiboken6  # noqa: F401 (installs PySide's import function and its table of modules)

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    before = len(table)
    for name in list(sys.modules):
        table.setdefault(name, IGNORED)  # loaded before PySide6: uses no Qt
    package = __name__.split(".")[0]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    interface = f"{package}.ui"
    for name in package_modules(root, package):
        uses = name == interface or name.startswith(interface + ".")
        table.setdefault(name, USES_PYSIDE if uses else IGNORED)
    return len(table) - before
