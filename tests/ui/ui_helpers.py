"""Plain helpers shared by the interface tests."""

import json
import sqlite3


def stored(path, question_id):
    """Read one answer straight from the draft's SQLite file, without the application's code."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT value FROM answer WHERE question_id = ?", (question_id,)).fetchone()
    finally:
        connection.close()
    return None if row is None else json.loads(row[0])


def underlined_words(editor):
    """The words of an editor's first block drawn with the spell-check underline."""
    from PySide6.QtGui import QTextCharFormat

    block = editor.document().firstBlock()
    text = block.text()
    return [
        text[f.start : f.start + f.length]
        for f in block.layout().formats()
        if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


#: Python code that starts the window as the application does and opens the draft given as its first argument.
#: Probes put what they look at before it and ``{"opened": opened, ...}`` after it (see run_window_probe).
START_WINDOW = """
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
"""


def run_window_probe(code: str, *args: str) -> dict:
    """Run ``code`` (which prints one JSON line last) in a fresh interpreter, offscreen, from the checkout."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=Path(__file__).resolve().parents[2],
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
