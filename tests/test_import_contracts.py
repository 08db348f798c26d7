"""Import contracts: the documents and the letters never load the storage; one module opens SQLite."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import untoc_desktop

PACKAGE = Path(untoc_desktop.__file__).parent
#: What only the storage may load.
STORAGE = (
    "sqlalchemy",
    "alembic",
    "sqlite3",
    "untoc_desktop.draft.store",
    "untoc_desktop.draft.models",
    "untoc_desktop.draft.connection",
)


def modules_of(package):
    """Every module of ``untoc_desktop.<package>``, found by walking it (never listed by hand)."""
    base = __import__(f"untoc_desktop.{package}", fromlist=["_"])
    return [f"untoc_desktop.{package}"] + [m.name for m in pkgutil.walk_packages(base.__path__, base.__name__ + ".")]


def test_the_walk_finds_the_modules_that_read_a_draft():
    found = set(modules_of("documents")) | set(modules_of("letters"))
    assert {
        "untoc_desktop.documents.submission",
        "untoc_desktop.documents.child",
        "untoc_desktop.letters.context",
        "untoc_desktop.letters.letter_log",
    } <= found


@pytest.mark.parametrize(
    "module",
    modules_of("documents")
    + modules_of("letters")
    + [
        "untoc_desktop.draft.records",
        "untoc_desktop.draft.header",
        "untoc_desktop.draft.properties",
        "untoc_desktop.timeline",
        "untoc_desktop.validation",
    ],
)
def test_documents_and_letters_never_load_the_storage(module):
    code = (
        f"import sys\nimport {module}\n"
        f"loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('sqlalchemy', 'alembic', 'sqlite3') "
        f"or n in {STORAGE!r})\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_draft_package_loads_the_store_only_when_draft_is_asked_for():
    code = (
        "import sys\nfrom untoc_desktop.draft import DraftInfo, check_draft_file, DRAFT_SUFFIX\n"
        "assert 'sqlalchemy' not in sys.modules and 'untoc_desktop.draft.store' not in sys.modules\n"
        "from untoc_desktop.draft import Draft\n"
        "from untoc_desktop.draft.store import Draft as StoreDraft\n"
        "assert Draft is StoreDraft and 'sqlalchemy' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _offenders(pattern, allowed):
    return sorted(
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if re.search(pattern, p.read_text("utf-8"), re.MULTILINE) and p.relative_to(PACKAGE).as_posix() not in allowed
    )


def test_only_the_connection_factory_makes_engines():
    assert _offenders(r"\bcreate_engine\b", {"draft/connection.py"}) == []


def test_only_the_connection_factory_imports_the_sqlite_driver():
    assert _offenders(r"^\s*(import sqlite3|from sqlite3 import)", {"draft/connection.py"}) == []


def test_the_contract_tests_can_see_an_offender(tmp_path):
    """The patterns above match the code they must forbid (so an empty list means something)."""
    assert re.search(r"\bcreate_engine\b", 'engine = create_engine("sqlite://")')
    assert re.search(r"^\s*(import sqlite3|from sqlite3 import)", "x = 1\n    import sqlite3\n", re.MULTILINE)
