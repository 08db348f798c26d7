"""Speed of merging a colleague's copy (issue 12), beside a plain copy of the same file.

Two copies of one draft with 2,500 answers (2,000 texts of about 80 words, 500 lists of
citations); each side changes 2,000 answers (a whole cluster answered on both sides):
1,500 texts changed on both sides in different sentences (merged sentence by sentence),
50 of them in the same sentence (conflicts), 500 texts or citation lists on one side only.
Measures ``sharing.merge.merge`` (open, read and check the copy, merge, write in one
transaction) and ``shutil.copyfile`` of the copy, in the same run.

Run: ``.venv/bin/python benchmarks/merge_copies.py``
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from untoc_desktop.draft import Draft, DraftInfo  # noqa: E402
from untoc_desktop.sharing.merge import merge  # noqa: E402

WORDS = ("review", "mechanism", "trafficking", "protocol", "evidence", "victims", "prosecution", "law")
RUNS = 3


def _text(i: int, marks: dict[int, str] | None = None) -> str:
    sentences = [
        f"Sentence {k} of answer {i} says {' '.join(WORDS[(i + k + j) % 8] for j in range(12))}." for k in range(6)
    ]
    for k, mark in (marks or {}).items():
        sentences[k] = sentences[k][:-1] + f" ({mark})."
    return " ".join(sentences)


def build(folder: Path) -> tuple[Path, Path]:
    base = folder / "base.untoc"
    info = DraftInfo("Coalition for Justice and Rights", "Republic of Veridia", 1, frozenset({"TIP"}), author="Amina")
    texts = [f"Q{i}.text" for i in range(2000)]
    lists = [f"Q{i}.legislation" for i in range(500)]
    with Draft.create(base, info) as draft:
        values = {q: _text(i) for i, q in enumerate(texts)}
        values.update({q: [{"title": f"Law {i}", "year": 2001, "row_id": f"r{i}"}] for i, q in enumerate(lists)})
        draft.set_answers(values)
    mine, theirs = folder / "mine.untoc", folder / "theirs.untoc"
    shutil.copyfile(base, mine)
    shutil.copyfile(base, theirs)
    with Draft.open(mine) as draft:
        values = {q: _text(i, {1: "Amina"} if i >= 50 else {3: "Amina"}) for i, q in enumerate(texts[:1500])}
        values.update(
            {
                q: [
                    {"title": f"Law {i}", "year": 2001, "row_id": f"r{i}"},
                    {"title": f"Police Act {i}", "year": 2010, "row_id": f"a{i}"},
                ]
                for i, q in enumerate(lists)
            }
        )
        draft.set_answers(values, "Amina")
    with Draft.open(theirs) as draft:
        values = {q: _text(i, {4: "Boris"} if i >= 50 else {3: "Boris"}) for i, q in enumerate(texts[:1500])}
        values.update({q: _text(i, {0: "Boris"}) for i, q in enumerate(texts[1500:], start=1500)})
        draft.set_answers(values, "Boris")
    return mine, theirs


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        mine, theirs = build(Path(folder))
        merges, copies = [], []
        for run in range(RUNS):
            target = Path(folder) / f"run{run}.untoc"
            shutil.copyfile(mine, target)
            start = time.perf_counter()
            report = merge(target, theirs, "Amina")
            merges.append(time.perf_counter() - start)
            start = time.perf_counter()
            shutil.copyfile(theirs, Path(folder) / f"plain{run}.untoc")
            copies.append(time.perf_counter() - start)
        size = theirs.stat().st_size / 1e6
    print(
        f"copy file: {size:.1f} MB; merged: {len(report.taken)} taken, {len(report.merged)} merged, "
        f"{len(report.conflicts)} conflicts, {report.history_copied} history rows copied"
    )
    print(f"merge (median of {RUNS}): {statistics.median(merges):.3f} s   (goal: at most 1 s)")
    print(f"plain copy of the file (shutil.copyfile, median): {statistics.median(copies):.4f} s")


if __name__ == "__main__":
    main()
