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
