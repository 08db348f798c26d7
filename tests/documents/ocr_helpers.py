"""Reading exported pages back with OCR (Tesseract) and scoring what was read."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def page_images(pdf: Path, folder: Path, resolution: int = 150) -> list[Path]:
    """Render every page of ``pdf`` as a PNG with poppler's pdftoppm; returns the images in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(folder.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def ocr(image: Path, language: str) -> str:
    """The text Tesseract reads on ``image`` in ``language`` (``ara``, ``chi_sim``, ``rus``, ``hin``, ``tha``...)."""
    # One thread per Tesseract: several run side by side (ocr_all).
    result = subprocess.run(
        ["tesseract", str(image), "-", "-l", language, "--psm", "3"],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return result.stdout.decode("utf-8")


def _letters(text: str) -> str:
    """NFC text without white space and bidi controls: OCR and PDF agree on letters, not on spacing."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


def share_read(expected: str, read: str) -> float:
    """The share of ``expected``'s characters found, in order, in ``read`` (0 to 1).

    The length of the matching blocks of :class:`difflib.SequenceMatcher` (a longest common
    subsequence approximation) over the expected length; white space is ignored.
    """
    want, got = _letters(expected), _letters(read)
    if not want:
        return 1.0
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


def share_of_words_read(expected: str, read: str) -> float:
    """The share of ``expected``'s characters that belong to words OCR read back whole (0 to 1).

    For lines mixing Arabic and Latin: OCR reads such a line in the visual order of its
    direction runs, so the order of the runs differs from the typed order, but each word must be
    read with its letters in order (a word drawn letter-reversed or unjoined is not found).
    Words are compared without the punctuation around them; each read word counts once.
    """

    def split(text: str) -> list[str]:
        words = (w.strip(".,:;!?()[]«»\"'،؛—–-") for w in unicodedata.normalize("NFKC", text).split())
        return [re.sub(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", w) for w in words if w]

    available = Counter(split(read))
    wanted = [w for w in split(expected) if w]
    found = 0
    for word in wanted:
        if available[word] > 0:
            available[word] -= 1
            found += len(word)
    total = sum(len(w) for w in wanted)
    return found / total if total else 1.0


def ocr_all(jobs: list[tuple[Path, str]]) -> list[str]:
    """:func:`ocr` of each ``(image, language)``, one Tesseract per CPU at a time, in order."""
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda job: ocr(*job), jobs))


def libreoffice_pdfs(docx_files: list[Path], folder: Path) -> list[Path]:
    """Convert Word files to PDF with one LibreOffice headless run (a fresh profile in ``folder``)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    out = folder / "libreoffice"
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return [out / docx.with_suffix(".pdf").name for docx in docx_files]
