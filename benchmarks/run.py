"""Speed and memory of the main job (``make benchmark``). Prints seconds and peak memory.

* start-up: from process start to the main window shown with the example draft open
  (median of several runs, each a fresh process);
* autosave: storing one 5,000-word answer in the draft (one transaction, change recorded);
* export: the example draft to .docx and to PDF;
* large export: a draft with every question of cluster 1 answered (about 1,500 words per text
  answer) to each format at 25/50/100 % of the volume, and LibreOffice converting the same .docx
  (``benchmarks/export_large.py``, about a minute).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from untoc_desktop.answers import check_answer  # noqa: E402
from untoc_desktop.draft import Draft, DraftInfo  # noqa: E402
from untoc_desktop.questionnaire import load_installed_definition  # noqa: E402

RUNS = 5
WORDS = ("review", "mechanism", "trafficking", "protocol", "evidence", "victims", "prosecution", "law")


def example_draft(folder: Path) -> Path:
    """A draft holding the fully answered example."""
    definition = load_installed_definition(1)
    path = folder / "example.untoc"
    info = DraftInfo(
        "Coalition for Justice and Rights",
        "Republic of Veridia",
        1,
        frozenset({"TIP", "SOM", "FIREARMS"}),
        definition_id=definition.id,
        definition_version=definition.version,
    )
    answers = json.loads((ROOT / "examples" / "cluster1-answers.json").read_text("utf-8"))
    with Draft.create(path, info) as draft:
        draft.set_answers(answers)
    return path


def bench_startup(draft: Path) -> None:
    timings, peaks = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        child = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "startup_child.py"), str(draft)],
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - start
        line = next(out for out in child.stdout.splitlines() if out.startswith("shown "))
        timings.append(elapsed)
        peaks.append(float(line.split()[2]))
    print(
        f"start-up to main window with the example draft: median {statistics.median(timings):.2f} s "
        f"(min {min(timings):.2f}, max {max(timings):.2f}, {RUNS} runs); peak RSS {max(peaks):.0f} MiB"
    )


def bench_autosave(draft_path: Path) -> None:
    definition = load_installed_definition(1)
    question = definition.question("UNTOC.5.1(b).practice")
    text = " ".join(WORDS[i % len(WORDS)] for i in range(5000))
    timings = []
    tracemalloc.start()
    with Draft.open(draft_path) as draft:
        for run in range(20):
            value = f"{text} {run}"
            start = time.perf_counter()
            check_answer(question, value)
            draft.set_answer(question.id, value)
            timings.append(time.perf_counter() - start)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"autosave of a 5,000-word answer ({len(text):,} characters): "
        f"median {statistics.median(timings) * 1000:.1f} ms "
        f"(max {max(timings) * 1000:.1f} ms, 20 saves); peak Python allocations {peak / 2**20:.1f} MiB"
    )


def bench_export(draft_path: Path, folder: Path) -> None:
    from untoc_desktop.documents import export_submission

    definition = load_installed_definition(1)
    with Draft.open(draft_path) as draft:
        info, answers = draft.info, draft.answers()
    for fmt in ("docx", "pdf"):
        start = time.perf_counter()
        out = export_submission(definition, info, answers, folder / f"example.{fmt}", fmt=fmt)
        print(
            f"export of the example draft to {fmt}: {time.perf_counter() - start:.2f} s, "
            f"{out.stat().st_size / 1024:.0f} KiB"
        )
    # As the window does it: in a child process, whose peak memory is its own (RUSAGE_CHILDREN: no
    # other child has run yet in this process).
    from untoc_desktop.documents.child import export_in_child

    start = time.perf_counter()
    export_in_child(definition, info, answers, folder / "example-child.pdf", "pdf")
    print(
        f"export of the example draft to pdf in a child process (as the window does): "
        f"{time.perf_counter() - start:.2f} s, child's peak RSS "
        f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB"
    )


def main() -> None:
    from benchmarks.startup_cpu import user_folders

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Every child (the window's backups, caches, settings) uses the benchmark's folders, never the user's.
        os.environ.update(user_folders(folder / "cache"))
        draft = example_draft(folder)
        bench_autosave(draft)
        bench_export(draft, folder)
        bench_startup(draft)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "export_large.py")], check=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "encryption.py")], check=True)
    print(f"benchmark process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
