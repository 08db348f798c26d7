import subprocess
import sys

SHARING_MODULES = [
    "untoc_desktop.sharing.merge",
    "untoc_desktop.sharing.text_merge",
    "untoc_desktop.sharing.values",
    "untoc_desktop.sharing.conflicts",
    "untoc_desktop.sharing.history",
    "untoc_desktop.sharing.send_copy",
    "untoc_desktop.sharing.cloud",
    "untoc_desktop.sharing.copy_file",
    "untoc_desktop.cli_sharing",
]


def test_sharing_core_imports_with_pyside6_blocked():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import {m}\n" for m in SHARING_MODULES)
        + "assert not any(n.startswith('PySide6') for n in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

