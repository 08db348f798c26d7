"""Export of a large draft to Word and PDF: seconds, peak memory, growth with volume, LibreOffice beside it.

Every question of cluster 1 is answered (all Protocols): each text question with about 1,640 words
of multi-paragraph prose, each status, citation, source, case and statistics question with
realistic records. The draft is exported at 25 %, 50 % and 100 % of the text volume (same
questions, shorter answers) to show how time grows; each export runs in a fresh process so its
peak RSS (``resource.getrusage(...).ru_maxrss``) is its own. LibreOffice headless then converts the
100 % .docx to PDF, for comparison.

    python benchmarks/export_large.py                 # the table (several minutes)
    python benchmarks/export_large.py --profile pdf   # cProfile of one full-volume export
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from untoc_desktop.draft import DraftInfo  # noqa: E402
from untoc_desktop.questionnaire import load_installed_definition  # noqa: E402

WORDS_PER_TEXT = 1640  # about 668,000 words in all with definitions 2.0.0 (the volume of the goal)
SCALES = (0.25, 0.5, 1.0)

_SENTENCES = (
    "The public prosecution service reported that investigations into organised criminal groups continued "
    "throughout the year",
    "several cases were referred to the courts after joint operations with the financial intelligence unit",
    "cooperation with neighbouring States improved after the exchange of liaison officers and the signature of "
    "a memorandum of understanding",
    "civil-society organisations documented delays in the identification of victims and in access to legal aid",
    "the amended Criminal Code now defines participation in an organised criminal group in terms close to "
    "article 5 of the Convention",
    "judges trained in 2023 applied the new provisions in most of the cases we monitored",
    "statistics remain incomplete because the courts and the police count cases differently",
    "shelters run by non-governmental organisations received victims referred by labour inspectors",
    "the budget of the specialised unit was cut by a third, which slowed down financial investigations",
    "we recommend that the Government publish annual data disaggregated by sex, age and form of exploitation",
)

_PLACES = (
    "the capital",
    "the northern provinces",
    "the border districts",
    "the port city",
    "three regions",
    "the eastern highlands",
    "the coastal municipalities",
    "the mining towns",
)
_COUNTED = (
    "cases",
    "victims",
    "investigations",
    "convictions",
    "officers trained",
    "complaints",
    "referrals",
    "requests for assistance",
)
_SOURCES = (
    "the Ministry of Justice",
    "the national rapporteur",
    "our monitoring team",
    "the Supreme Court registry",
    "the police annual report",
    "the labour inspectorate",
    "shelter records",
    "the ombudsperson",
)


def prose(words: int, seed: int) -> str:
    """About ``words`` words of multi-paragraph prose (paragraphs of 80 to 160 words)."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences, length = [], 0
        target = rng.randint(80, 160)
        while length < target:
            sentence = rng.choice(_SENTENCES)
            # Names, years and numbers vary, as in real answers (and keep the files from compressing
            # unrealistically well).
            detail = (
                f"in {rng.choice(_PLACES)} in {rng.randint(2015, 2024)}, "
                f"{rng.randint(2, 480)} {rng.choice(_COUNTED)} according to {rng.choice(_SOURCES)}"
            )
            sentences.append(sentence[0].upper() + sentence[1:] + ", " + detail + ".")
            length += len(sentence.split()) + len(detail.split())
        paragraphs.append(" ".join(sentences))
        count += length
    return "\n\n".join(paragraphs)


def large_answers(definition, scale: float) -> dict:
    """An answer for every question of ``definition``, text answers of ``WORDS_PER_TEXT * scale`` words."""
    answers: dict = {}
    for index, question in enumerate(definition.questions()):
        kind = question.type
        if kind == "text":
            answers[question.id] = prose(int(WORDS_PER_TEXT * scale), index)
        elif kind == "status":
            answers[question.id] = ("fully", "partly", "not_implemented")[index % 3]
        elif kind == "yes_no":
            answers[question.id] = "yes_in_part"
        elif kind == "choice":
            answers[question.id] = question.options[0].value
        elif kind == "multi_choice":
            answers[question.id] = [o.value for o in question.options[:2]]
        elif kind == "number":
            answers[question.id] = 12
        elif kind == "date":
            answers[question.id] = "2023-05-01"
        elif kind == "citations":
            answers[question.id] = [
                {
                    "title": f"Criminal Code of Veridia ({n})",
                    "provision": f"Article {200 + n}",
                    "year": 2011,
                    "link": f"https://legislation.example.org/cc#{200 + n}",
                }
                for n in range(3)
            ]
        elif kind == "sources":
            answers[question.id] = [
                {
                    "title": "Annual report of the Public Prosecution",
                    "publisher": "Public Prosecution",
                    "date": "2024",
                    "link": "https://example.org/report-2024.pdf",
                }
            ]
        elif kind == "cases":
            answers[question.id] = [
                {
                    "court": "Veridia High Court",
                    "year": 2020 + n,
                    "reference": f"HC-TIP-{40 + n}/22",
                    "outcome": "Conviction for participation in an organised criminal group; eight years.",
                }
                for n in range(4)
            ]
        elif kind == "statistics":
            answers[question.id] = [
                {"year": 2020 + n, "figure": 30 + 7 * n, "unit": "victims identified", "source": "Ministry of Interior"}
                for n in range(4)
            ]
    return answers


def _info() -> DraftInfo:
    return DraftInfo(
        "Coalition for Justice and Rights",
        "Republic of Veridia",
        1,
        frozenset({"TIP", "SOM", "FIREARMS"}),
        language="en",
    )


def child(fmt: str, scale: float, out: Path) -> None:
    """Export once and print a JSON line: seconds, peak RSS (MiB), words, pages, size."""
    from untoc_desktop.documents import export_submission

    definition = load_installed_definition(1)
    answers = large_answers(definition, scale)
    words = sum(len(v.split()) for v in answers.values() if isinstance(v, str))
    start = time.perf_counter()
    export_submission(definition, _info(), answers, out, fmt)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = None
    if fmt == "pdf":
        from pypdf import PdfReader

        pages = len(PdfReader(str(out)).pages)
    print(
        json.dumps(
            {
                "fmt": fmt,
                "scale": scale,
                "seconds": seconds,
                "peak_mib": peak,
                "words": words,
                "pages": pages,
                "kib": out.stat().st_size / 1024,
            }
        )
    )


def libreoffice(docx: Path, folder: Path) -> tuple[float, int] | None:
    """Seconds LibreOffice headless takes to convert ``docx`` to PDF, and the pages it made."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    seconds = time.perf_counter() - start
    from pypdf import PdfReader

    return seconds, len(PdfReader(str(folder / "lo" / (docx.stem + ".pdf"))).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=3, metavar=("FMT", "SCALE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--profile", choices=("docx", "pdf"), help="profile one full-volume export")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="volumes to export, e.g. 0.25,1")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]), Path(args.child[2]))
        return
    if args.profile:
        with tempfile.TemporaryDirectory() as tmp:
            profiler = cProfile.Profile()
            profiler.runcall(child, args.profile, 1.0, Path(tmp) / f"large.{args.profile}")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        full_docx = None
        for fmt in ("docx", "pdf"):
            for scale in (float(s) for s in args.scales.split(",")):
                out = folder / f"large-{scale}.{fmt}"
                result = subprocess.run(
                    [sys.executable, __file__, "--child", fmt, str(scale), str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                row = json.loads(result.stdout.strip().splitlines()[-1])
                pages = f", {row['pages']} pages" if row["pages"] else ""
                print(
                    f"export to {fmt} at {scale:4.0%} ({row['words']:,} words{pages}, {row['kib'] / 1024:.1f} MiB): "
                    f"{row['seconds']:.1f} s, peak RSS {row['peak_mib']:.0f} MiB",
                    flush=True,
                )
                if fmt == "docx" and scale == 1.0:
                    full_docx = out
        if full_docx is not None:
            converted = libreoffice(full_docx, folder)
            if converted is None:
                print("LibreOffice headless: soffice not found")
            else:
                print(
                    f"LibreOffice headless converting the 100% .docx to PDF: {converted[0]:.1f} s, {converted[1]} pages"
                )


if __name__ == "__main__":
    main()
