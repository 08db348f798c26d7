"""A merge killed with SIGKILL inside its transaction leaves the draft as it was."""

import hashlib
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from untoc_desktop.draft import Draft
from untoc_desktop.opening import open_draft
from untoc_desktop.sharing.conflicts import open_conflicts

CHILD = Path(__file__).with_name("merge_child.py")


def test_sigkill_during_a_merge_leaves_the_draft_as_before(copies):
    mine, theirs = copies("mine", "theirs")
    with Draft.open(mine) as draft:
        draft.set_answers({"UNTOC.2.(a).practice": "Amina's text.", "UNTOC.2.(a).status": "fully"})
        before_answers = draft.answers()
    with Draft.open(theirs) as draft:
        draft.set_answers({"UNTOC.2.(b).practice": "Boris's text.", "UNTOC.2.(a).status": "partly"}, "Boris")
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()
    child = subprocess.Popen([sys.executable, str(CHILD), str(mine), str(theirs)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "inside"
        assert Path(f"{mine}-journal").exists()  # the merge is really under way
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert hashlib.sha256(mine.read_bytes()).hexdigest() == digest  # nothing reached the draft itself
    opened = open_draft(mine, lock=True)  # the next opening, as the application does it: SQLite rolls back
    try:
        assert "did not close normally" in opened.recovery_report
        assert opened.draft.answers() == before_answers
        assert open_conflicts(opened.draft) == []
        assert len(opened.draft.history()) == 2
    finally:
        opened.draft.close()
    assert not Path(f"{mine}-journal").exists()
    connection = sqlite3.connect(f"{mine.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
