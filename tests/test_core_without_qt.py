"""The core is a library without Qt: every module outside untoc_desktop.ui imports with PySide6 blocked."""

import pkgutil
import subprocess
import sys

import untoc_desktop


def core_modules():
    """Every module of the package except the interface (found by walking the package, never listed by hand)."""
    found = ["untoc_desktop"]
    for module in pkgutil.walk_packages(untoc_desktop.__path__, "untoc_desktop."):
        name = module.name
        if (
            name.startswith("untoc_desktop.ui")
            or name.endswith("__main__")
            or ".migrations.versions." in name
            or name.endswith(".migrations.env")
        ):
            continue  # the interface is Qt; __main__ runs the command; Alembic runs its env and scripts
        found.append(name)
    return found


def test_the_walk_finds_the_core_of_every_feature():
    modules = set(core_modules())
    for expected in (
        "untoc_desktop.sharing.merge",
        "untoc_desktop.signing.verify",
        "untoc_desktop.encryption.copies",
        "untoc_desktop.documents.pdf_renderer",
        "untoc_desktop.spelling",
        "untoc_desktop.timeline",
        "untoc_desktop.cli",
        "untoc_desktop.draft.schema_check",
    ):
        assert expected in modules
    assert not any(m.startswith("untoc_desktop.ui") for m in modules)


def test_core_imports_with_pyside6_blocked():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import {m}\n" for m in core_modules())
        + "assert not any(n.startswith('PySide6') for n in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
