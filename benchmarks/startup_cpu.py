"""Start-up CPU time of the application's window beside a bare PySide6 window, in the same run.

Issue 11's goal: the window with the example draft open costs at most 3x the CPU time (user +
system, in the child process) of a bare PySide6 window with a tree and a text editor. The two are
started alternately, ``--runs`` times each (default 7), each a fresh process; the medians and their
ratio are printed. Exit status 1 when the ratio is above ``--limit`` (default 3.0).

    python benchmarks/startup_cpu.py [--runs N] [--limit X]

Results on the 2-core development machine, shared and loaded (load average 7 to 9), medians of
5 runs each, the old and new code measured one after the other with the same interpreter:

    before (c5d040c)  bare 0.146 s, window 2.332 s CPU: 15.9x
    after  (i11-speed) bare 0.154 s, window 1.565 s CPU: 10.2x  (about a third less)

Second round (i11-speed2: opening and reading a draft without SQLAlchemy, answers read once),
load average about 4:

    before (f3660c2)   bare 0.144 s, window 1.508 s CPU: 10.5x
    after  (i11-speed2) bare 0.146 s, window 1.033 s CPU: 7.1x

Third round (i11-writes: answers, details and properties written with plain SQL, so the window
no longer imports SQLAlchemy before showing the draft), two pairs measured one after the other,
load average 5.7 to 7 (979c27b had regained the SQLAlchemy import before the paint, for safety):

    before (979c27b)   bare 0.149 s, window 1.617 s CPU: 10.8x;  bare 0.129 s, window 1.485 s: 11.5x
    after  (i11-writes) bare 0.141 s, window 1.091 s CPU: 7.7x;   bare 0.136 s, window 1.108 s: 8.1x

Fourth round, measured on its own branch (i11-lazypage: an article page builds a paragraph's questions when it
comes near the
view; the first page opens with one paragraph of ten built), three alternating pairs, load average 3 to 7:

    before (979c27b)     bare 0.104-0.108 s, window 1.157-1.257 s CPU: 10.7-12.1x
    after  (i11-lazypage) bare 0.108-0.121 s, window 0.879-0.920 s CPU: 7.6-8.5x

The 3x goal is not reached: building the first article's form, importing our modules and
PySide6's enums remain. See docs/architecture.md, "Start-up", for what was cut and what remains.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def child_cpu(script: Path, *args: str, cache: Path | None = None, warm_up: bool = False) -> tuple[float, float]:
    """Run ``script`` in a fresh interpreter; return (CPU seconds user+system, wall seconds).

    Args:
        cache: the children's cache folder (``XDG_CACHE_HOME``), so that the application's caches
            (checked definitions, expected draft schemas) are the benchmark's own, never the user's.
        warm_up: write byte code (``.pyc``) even when ``PYTHONDONTWRITEBYTECODE`` is set, as an
            installed package has it; the measured runs then read it.
    """
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    if warm_up:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(script), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0 or "shown " not in output:
        raise SystemExit(f"{script.name} failed (status {status}): {output!r}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--limit", type=float, default=3.0)
    options = parser.parse_args()
    from benchmarks.run import example_draft

    with tempfile.TemporaryDirectory() as folder:
        draft = example_draft(Path(folder))
        cache = Path(folder) / "cache"
        # One warm-up of each, not counted (file cache, .pyc files, the application's first-use caches).
        child_cpu(HERE / "bare_window_child.py", cache=cache, warm_up=True)
        child_cpu(HERE / "startup_child.py", str(draft), cache=cache, warm_up=True)
        bare, ours, bare_wall, ours_wall = [], [], [], []
        for _ in range(options.runs):
            cpu, wall = child_cpu(HERE / "bare_window_child.py", cache=cache)
            bare.append(cpu)
            bare_wall.append(wall)
            cpu, wall = child_cpu(HERE / "startup_child.py", str(draft), cache=cache)
            ours.append(cpu)
            ours_wall.append(wall)
    ratio = statistics.median(ours) / statistics.median(bare)
    print(
        f"bare PySide6 window (tree + text editor): CPU median {statistics.median(bare):.3f} s, "
        f"wall median {statistics.median(bare_wall):.3f} s"
    )
    print(
        f"untoc_desktop window with the example draft: CPU median {statistics.median(ours):.3f} s, "
        f"wall median {statistics.median(ours_wall):.3f} s"
    )
    print(f"ratio (CPU): {ratio:.2f}x (goal: at most {options.limit:.1f}x), {options.runs} runs each")
    return 0 if ratio <= options.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
