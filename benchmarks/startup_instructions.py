"""Instructions run until the window is shown, ours beside the bare PySide6 window: startup_cpu.py without the noise.

CPU time on a shared machine drifts by 10 to 20 % between runs of the same code, more than most
single changes to start-up save, so ``startup_cpu.py`` (the goal's measure) cannot tell a 5 ms
change from noise. Valgrind's callgrind counts the instructions each child runs until its first
``getrusage`` call, which is where the children of ``startup_cpu.py`` report ``shown``: the count
is the same from run to run within about 0.1 % (hash seed fixed), so two versions of the code can
be compared in one run each. Instructions are not time: loading Qt's libraries (more of the bare
window's share) takes more time per instruction than Python's interpreter loop (more of ours), so
this ratio runs higher than the CPU-time ratio.

    python benchmarks/startup_instructions.py            # needs valgrind (Debian package valgrind)

About a minute: each child runs some 50 times slower under valgrind. The children are those of
``startup_cpu.py``, with the example draft; ours quits as soon as it has reported ``shown``, so
the spelling dictionary read after the first paint is not counted (see ``startup_cpu.py``'s second
figure for it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.startup_cpu import user_folders  # noqa: E402


def instructions_until_shown(script: Path, *args: str, cache: Path, folder: Path) -> int:
    """Instructions ``script`` runs until its first ``getrusage`` (its ``shown`` line), counted by callgrind.

    Raises:
        SystemExit: the child failed or callgrind wrote no count.
    """
    out = folder / f"callgrind.{script.stem}"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        **user_folders(cache),
        PYTHONHASHSEED="0",
        UNTOC_STARTUP_QUIT_WHEN_SHOWN="1",
    )
    command = [
        "valgrind",
        "--tool=callgrind",
        "--dump-before=getrusage",
        f"--callgrind-out-file={out}",
        sys.executable,
        str(script),
        *args,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    first_dump = Path(f"{out}.1")
    if result.returncode != 0 or not first_dump.exists():
        raise SystemExit(f"{script.name} under callgrind failed ({result.returncode}): {result.stderr[-2000:]}")
    for line in first_dump.read_text(errors="replace").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit(f"no instruction count in {first_dump}")


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    from benchmarks.run import example_draft
    from benchmarks.startup_cpu import child_cpu

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cache = folder / "cache"
        os.environ.update(user_folders(cache))  # the example draft made here touches none of the user's folders
        draft = example_draft(folder)
        # The application's first-use caches and .pyc files, as a second start has them (as startup_cpu.py does).
        child_cpu(HERE / "bare_window_child.py", cache=cache, warm_up=True)
        child_cpu(HERE / "startup_child.py", str(draft), cache=cache, warm_up=True)
        bare = instructions_until_shown(HERE / "bare_window_child.py", cache=cache, folder=folder)
        ours = instructions_until_shown(HERE / "startup_child.py", str(draft), cache=cache, folder=folder)
    print(f"bare PySide6 window (tree + text editor): {bare / 1e6:,.0f} million instructions until painted")
    print(f"untoc_desktop window with the example draft: {ours / 1e6:,.0f} million instructions until painted")
    print(f"ratio: {ours / bare:.2f}x (instructions, not time; the goal's measure is startup_cpu.py)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
