"""Child process of the window crash test: the real main window, typed into steadily until killed.

Usage: window_autosave_child.py DRAFT SETTINGS RECORD SEED

Starts the application's own main window (``build_main_window``, offscreen) on
DRAFT, puts the cursor at the end of the practice answer and types one key
every 100-180 ms with QTest key events, as a steady typist would, never
pausing. After each key it appends ``<length of the text in the field>
<time.time()>`` to RECORD (flushed and fsynced, so it survives the kill).
The character at position i of the answer is always ``ALPHABET[i % 36]``.
Prints ``typing`` when the first key is about to be typed. Runs until killed.
"""

import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from untoc_desktop.ui.app import build_main_window  # noqa: E402

PARAGRAPH = "UNTOC.5.1(b)"
QUESTION = f"{PARAGRAPH}.practice"
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def main() -> None:
    draft, settings_file, record_file, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = random.Random(seed)
    app = QApplication(sys.argv[:1])
    window = build_main_window([draft], QSettings(settings_file, QSettings.Format.IniFormat))
    window.show()
    assert window.session is not None and not window.session.draft.read_only
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[QUESTION].field.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    record = open(record_file, "a", encoding="ascii")  # noqa: SIM115 (kept open until the kill)

    def type_one_key() -> None:
        length = len(editor.toPlainText())
        QTest.keyClicks(editor, ALPHABET[length % len(ALPHABET)])
        record.write(f"{len(editor.toPlainText())} {time.time()!r}\n")
        record.flush()
        os.fsync(record.fileno())
        timer.start(rng.randint(100, 180))

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(type_one_key)
    timer.start(0)
    print("typing", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
