"""Autosave while typing never pauses: the text reaches the file within a second (issue 9)."""

import time

from ui_helpers import stored

from untoc_desktop.ui.window.autosave import AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS

PARAGRAPH = "UNTOC.5.1(a)"
PRACTICE = f"{PARAGRAPH}.practice"
WORDS = "Prosecutors rarely use the conspiracy offence in cases of trafficking in persons across borders. "


def test_the_ceiling_is_under_a_second_and_above_the_debounce():
    assert AUTOSAVE_DELAY_MS < AUTOSAVE_MAX_WAIT_MS < 1000


def test_steady_typing_without_a_pause_is_on_disk_within_a_second(qtbot, window, draft_path):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    typed: list[tuple[float, str]] = []  # (when the chunk was in the field, text so far)
    checked = 0
    start = time.monotonic()
    position = 0
    while time.monotonic() - start < 3.0:
        chunk = WORDS[position % len(WORDS) : position % len(WORDS) + 3]
        position += len(chunk)
        qtbot.keyClicks(editor, chunk)
        typed.append((time.monotonic(), editor.toPlainText()))
        qtbot.wait(120)  # never the 400 ms pause the debounce alone waits for
        now = time.monotonic()
        due = [text for when, text in typed if when <= now - 1.0]
        if due:
            on_disk = stored(draft_path, PRACTICE) or ""
            assert on_disk.startswith(due[-1]), (
                f"typed {now - typed[len(due) - 1][0]:.2f} s ago and still not on disk: {due[-1]!r} vs {on_disk!r}"
            )
            checked += 1
    assert checked >= 10
    assert editor.toPlainText().startswith("Prosecutors rarely")
