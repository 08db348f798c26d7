"""Crash test of the real window (issue 9): typed into steadily, killed with SIGKILL at random moments.

Each child runs the application's main window (see ``window_autosave_child.py``)
and types one key every 100-180 ms without ever pausing; the parent kills it
at a random moment, then checks that every key typed more than one second
before the kill is in the draft, that the draft passes ``PRAGMA
integrity_check``, and that the next opening reports a recovery.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from untoc_desktop.draft import Draft
from untoc_desktop.opening import open_draft

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

KILLS = 16
WORKERS = 2
CHILD = Path(__file__).with_name("window_autosave_child.py")
QUESTION = "UNTOC.5.1(b).practice"
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _expected(length: int) -> str:
    return "".join(ALPHABET[i % len(ALPHABET)] for i in range(length))


def _typed_before(record: Path, moment: float) -> int:
    """Length of the text in the field at the last key typed before ``moment`` (0 if none)."""
    length = 0
    for line in record.read_text("ascii").splitlines():
        parts = line.split()
        if len(parts) == 2 and float(parts[1]) <= moment:
            length = max(length, int(parts[0]))
    return length


def _one_kill(path: Path, work: Path, seed: int) -> tuple[int, int, str, bool]:
    rng = random.Random(seed)
    record = work / f"record-{seed}.txt"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(work / "settings.ini"), str(record), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = child.stdout.readline().strip()
        assert line == "typing", f"the window did not start typing: {line!r}"
        time.sleep(rng.uniform(0.3, 2.2))
    finally:
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait()
    due = _typed_before(record, killed_at - 1.0)
    opened = open_draft(path, lock=True)  # the next start: as the application opens it
    try:
        reported = "did not close normally" in opened.recovery_report
        stored = opened.draft.answer(QUESTION) or ""
    finally:
        opened.draft.close()
    assert stored == _expected(len(stored)), f"the stored text is not what was typed: {stored!r}"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    return len(stored), due, integrity, reported


def test_the_real_window_killed_while_typing_loses_nothing_typed_over_a_second_before(tmp_path, draft_info):
    drafts = []
    for worker in range(WORKERS):
        folder = tmp_path / f"worker-{worker}"
        folder.mkdir()
        path = folder / "typing.untoc"
        Draft.create(path, draft_info).close()
        drafts.append(path)

    def run(worker: int) -> list[tuple[int, int, str, bool]]:
        path = drafts[worker]
        return [_one_kill(path, path.parent, seed=worker * 1000 + n) for n in range(KILLS // WORKERS)]

    with ThreadPoolExecutor(WORKERS) as pool:
        results = [r for rs in pool.map(run, range(WORKERS)) for r in rs]
    assert len(results) == KILLS
    assert all(integrity == "ok" for _, _, integrity, _ in results)
    assert all(reported for *_, reported in results)
    losses = [(stored, due) for stored, due, _, _ in results if stored < due]
    assert losses == [], f"keys typed over a second before the kill were lost (stored, due): {losses}"
    assert sum(due for _, due, _, _ in results) > KILLS  # the kills did come after real typing
