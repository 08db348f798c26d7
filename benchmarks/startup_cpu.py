"""Start-up CPU time of the application's window beside a bare PySide6 window, in the same run.

Issue 11's goal: the window with the example draft open costs at most 3x the CPU time of a bare
PySide6 window with a tree and a text editor. The two are started alternately, ``--runs`` times
each (default 9), each a fresh process; the medians and their ratios are printed. Exit status 1
when the start-up ratio is above ``--limit`` (default 3.0).

    python benchmarks/startup_cpu.py [--runs N] [--limit X]

Two measures, both CPU (user + system, every thread, and child processes such as the ``ldconfig``
that ctypes runs to find a library):

* **start-up** (the goal): read by each child at the moment it reports, once the event loop has
  run with the window shown and, for ours, the example draft open and painted. Anything deferred
  with a zero timer while starting up has run by then.
* **with the spelling underlines drawn** (for information): ours reads its spelling dictionary on
  a worker thread once the draft is shown (``ui/editor/spelling.py``); its child reports the CPU
  again once every field has been checked with it. The bare window has no spelling: its start-up.
* **whole process** (for information): from ``wait4``, so it adds leaving: the interpreter and the
  widgets torn down. Ours has some 300 widgets and 600 modules to take down, the bare window 20
  widgets, so this ratio is higher; it is not start-up.

The child (``startup_child.py``) starts the application as the installed ``untoc-desktop``
launcher does: ``untoc_desktop.ui.app`` imported first, then bundled fonts, interface language and
style sheet (``prepare_application``), the window built and shown, then the example draft opened.

Results on the 2-core development machine (shared; load average given), medians of the runs,
old and new code measured one after the other with the same interpreter (whole process until
this round's last line):

    issue 11 filed            bare 0.15 s, window 2.0 s CPU: about 14x
    c5d040c -> i11-speed      15.9x -> 10.2x  (definitions cached, heavy libraries on first use)
    f3660c2 -> i11-speed2     10.5x -> 7.1x   (opening and reading without SQLAlchemy)
    979c27b (this round)      bare 0.168 s, window 1.958 s: 11.7x (load 0.5; SQLAlchemy back before
                              the paint, for the crash harness)
    i11-writes                10.8x -> 7.7x   (writes in plain SQL: no SQLAlchemy at all)
    i11-lazypage              10.7x -> 7.6x   (a page builds a paragraph's questions near the view)
    main, with all of the above, dialogs and letters imported when first used, one
                              definition built, language facts cached, timeline built when shown:
                              bare 0.121 s, window 0.450 s: 3.71x (load 2.4)
    the child now as main():  bare 0.113 s, window 0.446 s: 3.96x (it now pays the fonts, the
                              language and the style sheet, which the old child skipped)
    fonts folder without fontTools, navigation model answering only its roles:
                              bare 0.113 s, window 0.431 s: 3.82x (load 3.6)

    From here, start-up CPU (until shown) as the goal measure, whole process beside it:
    9392e33 (next round's start)  window 0.381 s, child pinned to one core
    core before PySide6, badge column, marker, backups by name, no psutil, RE2 later:
                              bare 0.097 s, window 0.320 s: 3.25-3.39x (whole process 3.3-3.5x)
    focusIn override, word count without the CJK class: 0.317 s: 3.27x
    10ebe22, garbage collector paused while starting (launcher), child closing its window:
                              fast phase of the machine: bare 0.099-0.101 s, window 0.324-0.332 s,
                              3.26-3.30x; slow phase: bare 0.114-0.125 s, window 0.314-0.359 s,
                              2.76-3.02x (load under 0.5). The machine's drift weighs more on the
                              bare window, so the ratio moves with it; see docs/architecture.md.
    next round, from 6367078: bare 0.137-0.139 s, window 0.414-0.490 s: 3.02-3.52x
    spelling dictionary read after the first paint (f3510e3): 2.63-3.36x over eight runs; with the
                              underlines drawn 3.3-4.1x
    layout order and label heights (72aee41): bare 0.146-0.164 s, window 0.418-0.479 s, 2.86-2.93x
                              (a slow phase of the machine). Instructions until shown
                              (startup_instructions.py, which does not drift): 2,418 -> 1,883
                              million against the bare window's 626 million, 3.86x -> 3.01x.
    next round: labels selectable on entry, PySide's module table, opening's repeated work
                              (b5f96dc): instructions 1,883 -> 1,707 million, 2.73x; CPU 2.35-2.70x.
    children report once painted (b2ed7d7; before, a turn of the event loop before Qt painted):
                              instructions 655 / 1,789 million, 2.73x; CPU bare 0.146-0.189 s,
                              window 0.379-0.482 s, 2.35-2.60x over four runs of --runs 11.
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


def user_folders(cache: Path) -> dict[str, str]:
    """The XDG folders of a benchmark child: ``cache``, and ``config`` and ``data`` beside it.

    Opening a draft makes a backup in the data folder and Enchant keeps its word lists in the
    settings folder: in the user's own folders, every run would leave a backup of a temporary draft
    there (in a folder of its own, never pruned).
    """
    return {
        "XDG_CACHE_HOME": str(cache),
        "XDG_CONFIG_HOME": str(cache.parent / "config"),
        "XDG_DATA_HOME": str(cache.parent / "data"),
    }


def child_cpu(
    script: Path, *args: str, cache: Path | None = None, warm_up: bool = False
) -> tuple[float, float, float, float]:
    """Run ``script`` in a fresh interpreter; return CPU seconds (start-up, with spelling, whole process) and wall.

    Start-up is the CPU the child reports on its ``shown`` line; "with spelling" the CPU on its
    ``spelled`` line, once the spelling underlines are drawn (the bare window has none: its
    start-up again); the whole process's comes from ``wait4`` (user + system, its child processes
    included).

    Args:
        cache: the children's cache folder (``XDG_CACHE_HOME``), so that the application's caches
            (checked definitions, expected draft schemas) are the benchmark's own, never the user's;
            their settings and data folders go beside it (:func:`user_folders`).
        warm_up: write byte code (``.pyc``) even when ``PYTHONDONTWRITEBYTECODE`` is set, as an
            installed package has it; the measured runs then read it.
    """
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if cache is not None:
        env.update(user_folders(cache))
    if warm_up:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(script), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    lines = {line.split()[0]: line.split() for line in output.splitlines() if line.strip()}
    shown = lines.get("shown")
    if os.waitstatus_to_exitcode(status) != 0 or shown is None or len(shown) < 4:
        raise SystemExit(f"{script.name} failed (status {status}): {output!r}")
    spelled = lines.get("spelled")
    with_spelling = float(spelled[2]) if spelled is not None and len(spelled) >= 3 else float(shown[3])
    return float(shown[3]), with_spelling, usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--limit", type=float, default=3.0)
    options = parser.parse_args()
    from benchmarks.run import example_draft

    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        os.environ.update(user_folders(cache))  # the example draft made here touches none of the user's folders either
        draft = example_draft(Path(folder))
        # One warm-up of each, not counted (file cache, .pyc files, the application's first-use caches).
        child_cpu(HERE / "bare_window_child.py", cache=cache, warm_up=True)
        child_cpu(HERE / "startup_child.py", str(draft), cache=cache, warm_up=True)
        runs: dict[str, list[tuple[float, float, float, float]]] = {"bare": [], "ours": []}
        for _ in range(options.runs):
            runs["bare"].append(child_cpu(HERE / "bare_window_child.py", cache=cache))
            runs["ours"].append(child_cpu(HERE / "startup_child.py", str(draft), cache=cache))
    bare = [statistics.median(column) for column in zip(*runs["bare"], strict=True)]
    ours = [statistics.median(column) for column in zip(*runs["ours"], strict=True)]
    for name, (start_up, with_spelling, whole, wall) in (
        ("bare PySide6 window (tree + text editor)", bare),
        ("untoc_desktop window with the example draft", ours),
    ):
        print(
            f"{name}: CPU medians: start-up {start_up:.3f} s, with spelling underlines {with_spelling:.3f} s, "
            f"whole process {whole:.3f} s; wall {wall:.3f} s"
        )
    ratio = ours[0] / bare[0]
    print(
        f"start-up ratio (CPU until shown and painted): {ratio:.2f}x (goal: at most {options.limit:.1f}x), "
        f"{options.runs} runs each"
    )
    print(f"with the spelling underlines drawn (dictionary read after the first paint): {ours[1] / bare[1]:.2f}x")
    print(f"whole-process ratio (with exit, for information): {ours[2] / bare[2]:.2f}x")
    return 0 if ratio <= options.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
