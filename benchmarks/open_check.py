"""Cost of checking a draft before opening it (issue 9), beside opening without the check.

A large draft (every text question of cluster 1 with ~1,500 words, 20 saved versions of each,
so a few thousand history rows and several MB) is opened and closed N times with the check
(schema compared with the migrations' schema, ``PRAGMA quick_check``, every value checked) and,
in the same run, with the check replaced by a no-op (the baseline).

    python benchmarks/open_check.py        # 20 versions of every answer (~130 MB)
    python benchmarks/open_check.py 2      # 2 versions (~13 MB)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from untoc_desktop.draft import Draft, DraftInfo, store  # noqa: E402
from untoc_desktop.questionnaire.registry import DefinitionRegistry  # noqa: E402

RUNS = 15
VERSIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 20


def _large_draft(path: Path) -> None:
    definition = DefinitionRegistry().for_cluster(1)
    texts = [q.id for p in definition.paragraphs() for q in p.questions if q.type == "text"]
    info = DraftInfo(
        "Coalition",
        "Veridia",
        1,
        frozenset({"TIP", "SOM", "FIREARMS"}),
        definition_id=definition.id,
        definition_version=definition.version,
    )
    with Draft.create(path, info) as draft:
        for version in range(VERSIONS):
            draft.set_answers({qid: f"version {version} " + "word " * 1500 for qid in texts})


def _time_opens() -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        Draft.open(PATH).close()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        PATH = Path(folder) / "large.untoc"
        _large_draft(PATH)
        Draft.open(PATH).close()  # warm: imports, the migrations' schema (cached once per process)
        checked = _time_opens()
        real_check = store.check_contents
        store.check_contents = lambda *args, **kwargs: None
        try:
            baseline = _time_opens()
        finally:
            store.check_contents = real_check
        with Draft.open(PATH) as draft:
            rows = len(draft.history())
        size = PATH.stat().st_size / 2**20
        print(f"draft: {size:.1f} MB, {rows} history rows; median of {RUNS} opens")
        print(f"open without the check (baseline): {baseline * 1000:7.1f} ms")
        print(f"open with the check:               {checked * 1000:7.1f} ms  (+{(checked - baseline) * 1000:.1f} ms)")
