import subprocess
import sys

CORE_MODULES = [
    "untoc_desktop.cli",
    "untoc_desktop.questionnaire",
    "untoc_desktop.draft",
    "untoc_desktop.validation",
    "untoc_desktop.answers",
    "untoc_desktop.documents",
    "untoc_desktop.letters",
    "untoc_desktop.cli_letters",
    "untoc_desktop.opening",
    "untoc_desktop.states_parties",
    "untoc_desktop.cross_references",
    "untoc_desktop.draft.safety",
    "untoc_desktop.draft.backups",
    "untoc_desktop.draft.correspondence",
    "untoc_desktop.questionnaire.registry",
    "untoc_desktop.encryption",
    "untoc_desktop.encryption.keys",
    "untoc_desktop.encryption.qr",
    "untoc_desktop.encryption.sheet",
    "untoc_desktop.cli_encryption",
]


def test_core_imports_with_pyside6_blocked():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "assert not any(n.startswith('PySide6') for n in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
