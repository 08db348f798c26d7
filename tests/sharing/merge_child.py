"""Child process of the merge crash test: merges THEIRS into MINE and sleeps inside the transaction.

Usage: merge_child.py MINE THEIRS

Prints ``inside`` once every write of the merge is done but not committed, then sleeps
until it is killed.
"""

import sys
import time

from untoc_desktop.sharing import merge as merging


def _pause(session) -> None:
    session.flush()  # every statement of the merge has reached SQLite, uncommitted
    print("inside", flush=True)
    time.sleep(60)


merging._before_commit = _pause
merging.merge(sys.argv[1], sys.argv[2])
