"""The Linux desktop integration: the MIME type recognises drafts, the .desktop entry opens them."""

import configparser
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_data  # noqa: E402

QUERY = """
import sys
from PySide6.QtCore import QMimeDatabase
database = QMimeDatabase()
for path in sys.argv[1:]:
    print(database.mimeTypeForFile(path).name())
"""


def mime_types(data_dir, *paths):
    """What Qt's shared-mime-info reader says each file is, with ``data_dir`` first in XDG_DATA_DIRS."""
    env = {"XDG_DATA_DIRS": f"{data_dir}:/usr/share", "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", QUERY, *map(str, paths)], capture_output=True, text=True, env=env, check=True
    ).stdout
    return out.split()


def test_a_draft_is_recognised_by_extension_and_by_content(draft, tmp_path):
    draft.close()
    header = draft.path.read_bytes()[:72]
    assert header[:16] == b"SQLite format 3\0"
    assert int.from_bytes(header[68:72], "big") == bundle_data.DRAFT_APPLICATION_ID
    data_dir = tmp_path / "share"
    (data_dir / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / "untoc-desktop.xml", data_dir / "mime" / "packages")
    subprocess.run(["update-mime-database", str(data_dir / "mime")], check=True, capture_output=True)
    assert (data_dir / "mime" / "application" / "x-untoc-draft.xml").is_file()

    renamed = tmp_path / "sent-by-email"  # a draft whose extension was lost
    shutil.copy(draft.path, renamed)
    plain = tmp_path / "other.db"  # an ordinary SQLite database is not a draft
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    assert mime_types(data_dir, draft.path, renamed, plain) == [
        bundle_data.DRAFT_MIME_TYPE,
        bundle_data.DRAFT_MIME_TYPE,
        "application/vnd.sqlite3",
    ]


def test_the_desktop_entry_opens_drafts_with_the_window():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "untoc-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == f"{bundle_data.APP_NAME} %f" and section["Icon"] == bundle_data.APP_NAME
    assert section["MimeType"].split(";")[0] == bundle_data.DRAFT_MIME_TYPE
    subprocess.run(["desktop-file-validate", str(LINUX / "untoc-desktop.desktop")], check=True)
