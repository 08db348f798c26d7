"""Start-up of the bundled application beside the source checkout's, in the same run.

    make benchmark-package      (builds dist/untoc-desktop/ first)

For each, the median wall time of fresh processes (runs alternate between the two):

* the window: from process start until the main window is shown with the example draft open,
  then closed (``untoc-desktop --smoke-test draft``, offscreen);
* the command line: ``untoc validate draft`` (start, load the questionnaire, read the draft).

Also prints the bundle's folder size and the sizes of the .deb and tarball if built.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import example_draft  # noqa: E402

from untoc_desktop import __version__  # noqa: E402

RUNS = 5
BUNDLE = ROOT / "dist" / "untoc-desktop"
SOURCE_BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    if not (BUNDLE / "untoc-desktop").is_file():
        sys.exit("No bundle in dist/untoc-desktop: run `make package` first.")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = example_draft(folder)
        env = {
            **os.environ,
            "HOME": str(folder / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
        }
        programs = {
            "bundle": (BUNDLE / "untoc-desktop", BUNDLE / "untoc"),
            "source": (SOURCE_BIN / "untoc-desktop", SOURCE_BIN / "untoc"),
        }
        timings: dict[tuple[str, str], list[float]] = {}
        for _window, cli in programs.values():  # warm the disk cache once each
            timed([str(cli), "--version"], env)
        for _ in range(RUNS):
            for name, (window, cli) in programs.items():
                timings.setdefault((name, "window"), []).append(timed([str(window), "--smoke-test", str(draft)], env))
                timings.setdefault((name, "cli"), []).append(timed([str(cli), "validate", str(draft)], env))
    for what, label in (("window", "window shown with the example draft"), ("cli", "untoc validate")):
        for name in programs:
            values = timings[(name, what)]
            print(
                f"{label}, {name}: median {statistics.median(values):.2f} s "
                f"(min {min(values):.2f}, max {max(values):.2f}, {RUNS} runs)"
            )
    size = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle folder: {size / 2**20:.0f} MiB")
    for package in sorted(BUNDLE.parent.glob(f"untoc-desktop_{__version__}_*")):
        print(f"{package.name}: {package.stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
