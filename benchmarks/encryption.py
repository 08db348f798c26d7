"""Speed of encrypted copies (``python benchmarks/encryption.py``; also run by ``make benchmark``).

* the example draft encrypted for three keys and decrypted again (age through pyrage, in memory),
  beside a plain copy of the same file (``shutil.copyfile``) measured in the same run; goal < 50 ms;
* the whole command path: snapshot of the draft (SQLite backup), encrypt, write the .untoc.age,
  read it, decrypt, check and write the new draft;
* deriving the recovery identity from a code (scrypt n=2**17, r=8, p=1); goal < 3 s on 2 cores.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyrage  # noqa: E402
from run import example_draft  # noqa: E402

from untoc_desktop.encryption import (  # noqa: E402
    decrypt_copy,
    derive_recovery_identity,
    draft_bytes,
    encrypt_copy,
    new_recovery_code,
    open_copy_to_draft,
)

RUNS = 20


def median_ms(timings: list[float]) -> str:
    low, high = min(timings) * 1000, max(timings) * 1000
    return f"median {statistics.median(timings) * 1000:.1f} ms (min {low:.1f}, max {high:.1f})"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = example_draft(folder)
        identities = [str(pyrage.x25519.Identity.generate()) for _ in range(3)]
        keys = [str(pyrage.x25519.Identity.from_str(i).to_public()) for i in identities]
        plain = draft_bytes(draft)

        copies, in_memory, whole = [], [], []
        for run in range(RUNS):
            start = time.perf_counter()
            shutil.copyfile(draft, folder / f"plain-{run}.untoc")
            copies.append(time.perf_counter() - start)

            start = time.perf_counter()
            sealed = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(k) for k in keys])
            assert decrypt_copy(sealed, [identities[1]]) == plain
            in_memory.append(time.perf_counter() - start)

            start = time.perf_counter()
            out = encrypt_copy(draft_bytes(draft), keys, folder / f"copy-{run}.untoc.age")
            open_copy_to_draft(out, folder / f"opened-{run}.untoc", [identities[2]])
            whole.append(time.perf_counter() - start)
        size = draft.stat().st_size / 1024
        print(f"example draft ({size:.0f} KiB), {RUNS} runs each:")
        print(f"  plain file copy (baseline):                        {median_ms(copies)}")
        print(f"  encrypt for 3 keys + decrypt, in memory (goal < 50 ms): {median_ms(in_memory)}")
        print(f"  send-copy + open-copy path (snapshot, files, draft checks): {median_ms(whole)}")

        derivations = []
        for _ in range(3):
            code = new_recovery_code()
            start = time.perf_counter()
            derive_recovery_identity(code, "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b")
            derivations.append(time.perf_counter() - start)
        print(
            f"recovery identity from the code (scrypt n=2**17 r=8 p=1, goal < 3 s): "
            f"median {statistics.median(derivations):.2f} s (max {max(derivations):.2f} s, 3 runs)"
        )


if __name__ == "__main__":
    main()
