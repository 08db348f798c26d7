"""An Arabic PDF letter reads right to left, its words in typed order and joined (issue 10)."""

from __future__ import annotations

import re
import subprocess

from letter_helpers import DAY

from untoc_desktop.letters import LetterOptions, build_letter, write_letter
from untoc_desktop.letters.output import letter_lines


def test_arabic_pdf_letter_keeps_every_word_in_typed_order(letter_draft, cluster1, tmp_path):
    options = LetterOptions(
        "transmission",
        "ar",
        letter_draft.focal.recipient_uuid,
        attachment=letter_draft.attachment,
        letter_date=DAY,
        form_of_address="ms",
    )
    letter = build_letter(letter_draft, cluster1, options)
    out = write_letter(letter, tmp_path / "letter-ar.pdf", "pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    text = re.sub(r"[\s\u202a-\u202e]+", "", text)
    # Words with vowel marks (tashkil) are left out: Typst 0.15 maps each glyph of a base+mark cluster
    # to the whole cluster for text extraction (typst/typst#8767); see test_pdf_archival.
    words = {w for _, line in letter_lines(letter) for w in re.findall(r"[\u0621-\u065f\u0670]+", line)}
    arabic_words = {w for w in words if not re.search("[\u064b-\u065f\u0670]", w)}
    assert len(arabic_words) > 20
    for word in arabic_words:  # letters of each word in typed order (a reversed word is not found)
        assert word in text, word
