"""Crash harness (issue 5): kill the autosaving process with SIGKILL at random moments, 100 times.

After each kill the draft passes ``PRAGMA integrity_check`` and holds every
character typed more than one second before the kill; the next opening
reports a recovery.
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

KILLS = 100
WORKERS = 4
INTERVAL = 0.01  # one character every 10 ms (fast typing)
DEBOUNCE = 0.4  # the application's autosave delay
CHILD = Path(__file__).with_name("autosave_child.py")
QUESTION = "UNTOC.5.1(b).practice"


def _one_kill(path: Path, seed: int) -> tuple[int, int, str]:
    rng = random.Random(seed)
    before = len(Draft.open(path).answer(QUESTION) or "") if path.exists() else 0
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(INTERVAL), str(DEBOUNCE)], stdout=subprocess.PIPE, text=True
    )
    line = child.stdout.readline().split()
    assert line and line[0] == "start", line
    start = float(line[1])
    time.sleep(rng.uniform(0.05, 1.8))
    killed_at = time.time()
    child.send_signal(signal.SIGKILL)
    child.wait()
    opened = open_draft(path, lock=True)  # the next start: SQLite rolls back any unfinished save; we report
    try:
        assert "did not close normally" in opened.recovery_report
        stored = len(opened.draft.answer(QUESTION) or "")
    finally:
        opened.draft.close()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    typed_a_second_before = max(0, int((killed_at - 1.0 - start) / INTERVAL))
    return stored - before, typed_a_second_before, integrity


def test_sigkill_at_random_moments_loses_nothing_older_than_a_second(tmp_path, draft_info):
    drafts = []
    for worker in range(WORKERS):
        path = tmp_path / f"crash-{worker}.untoc"
        Draft.create(path, draft_info).close()
        drafts.append(path)

    def run(worker: int) -> list[tuple[int, int, str]]:
        return [_one_kill(drafts[worker], seed=worker * 1000 + n) for n in range(KILLS // WORKERS)]

    with ThreadPoolExecutor(WORKERS) as pool:
        results = [r for rs in pool.map(run, range(WORKERS)) for r in rs]
    assert len(results) == KILLS
    assert all(integrity == "ok" for _, _, integrity in results)
    losses = [(saved, due) for saved, due, _ in results if saved < due]
    assert losses == [], f"characters typed over a second before the kill were lost: {losses}"
    assert sum(saved for saved, _, _ in results) > 0
