"""The visible signature block: on the last page, in the document's language and script, looked at as an image."""

import subprocess
import unicodedata

import pytest

from untoc_desktop.signing.pdf_sign import SignatureRequest, sign_pdf

WORDS = {
    "en": ("Digitally signed by Amina Haddad", "Organisation: Coalition for Justice & Rights"),
    "ar": ("وقّعه رقميًا: أمينة حداد", "المنظمة: Coalition for Justice & Rights"),
}


def _word_boxes(path, page):
    """(text, xMin, yMin) of each word of a page, from pdftotext -bbox."""
    import re

    html = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (m[3], float(m[0]), float(m[1]))
        for m in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_block_is_drawn_on_the_last_page_in_the_documents_language(
    tmp_path, exported_pdfs, amina, identities, language
):
    name = "Amina Haddad" if language == "en" else "أمينة حداد"
    signed = sign_pdf(
        exported_pdfs[language],
        tmp_path / "signed.pdf",
        amina,
        SignatureRequest(name, "Director", "Coalition for Justice & Rights", "", language),
    )
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(["pdfinfo", str(signed)], capture_output=True, text=True).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    text = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), "-layout", str(signed), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    text = unicodedata.normalize("NFKC", text)
    fingerprint = identities["amina"].root_fingerprint
    assert fingerprint[:47] in text and fingerprint[48:] in text
    if language == "en":
        for line in WORDS["en"]:
            assert line in text
        assert "run: untoc verify FILE.pdf" in " ".join(text.split())
    else:
        # The Arabic label and the Latin organisation name each read in their own direction.
        letters = {
            c for c in unicodedata.normalize("NFKC", "".join(WORDS["ar"])) if "\u0600" <= c <= "\u06ff" and c.isalpha()
        }
        assert letters <= set(text)
        assert "Coalition for Justice & Rights" in text and "Director" in text
        # Right to left: on the organisation's line the Arabic label stands right of the Latin name.
        words = _word_boxes(signed, pages)
        # (The page header names the organisation too: the block's line is the one with the label.)
        coalition, label = next(
            (c, w)
            for c in words
            if c[0] == "Coalition"
            for w in words
            if set(unicodedata.normalize("NFKC", w[0])) >= set("المنظمة") and abs(w[2] - c[2]) < 3
        )
        assert label[1] > coalition[1]
    # A picture to look at (tests/signing/README: the block was checked by eye in English and Arabic).
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "110",
            "-png",
            "-f",
            str(pages),
            "-l",
            str(pages),
            str(signed),
            str(tmp_path / f"block-{language}"),
        ],
        check=True,
    )
    assert list(tmp_path.glob(f"block-{language}*.png"))


def _block(language, name, organization="Coalition for Justice & Rights"):
    import datetime as dt

    from untoc_desktop.signing.stamp import SignatureBlock

    fingerprint = ":".join(f"{i:02X}" for i in range(32))
    when = dt.datetime(2026, 12, 1, 10, 5, tzinfo=dt.UTC)
    return SignatureBlock(name, "Director", organization, when, fingerprint, language, "")


def test_the_block_is_one_page_of_its_own_size_and_markup_characters_print_as_typed(tmp_path):
    from untoc_desktop.signing.stamp import BLOCK_WIDTH, draw_signature_block

    name = "Amina #let x = 1 [b] {c} \\d $e$ *f* _g_ <h> @i"
    pdf, width, height = draw_signature_block(_block("en", name))
    path = tmp_path / "block.pdf"
    path.write_bytes(pdf)
    from pypdf import PdfReader

    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (width, height)
    assert width == BLOCK_WIDTH and 60 < height < 160
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert f"Digitally signed by {name}" in " ".join(text.split())
    # The same block at the same time gives the same bytes.
    assert draw_signature_block(_block("en", name))[0] == pdf


def test_an_arabic_block_reads_right_to_left_by_ocr(tmp_path):
    from untoc_desktop.signing.stamp import draw_signature_block

    pdf, _, _ = draw_signature_block(_block("ar", "أمينة حداد"))
    (tmp_path / "block.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", str(tmp_path / "block.pdf"), str(tmp_path / "block")], check=True
    )
    read = subprocess.run(
        ["tesseract", str(next(tmp_path.glob("block*.png"))), "-", "-l", "ara"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Tesseract returns Arabic in logical order when the page shows it right to left (joined, in display order).
    for phrase in ("أمينة حداد", "المنظمة", "التاريخ : 1 ديسمبر 2026", "بالشهادة الجذرية ذات هذه البصمة"):
        assert phrase in read, (phrase, read)


def test_a_character_no_bundled_font_has_prints_as_the_visible_substitute(tmp_path):
    from untoc_desktop.signing.stamp import draw_signature_block

    pdf, _, _ = draw_signature_block(_block("en", "Amina \U0001f600 Haddad"))
    (tmp_path / "block.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "block.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Amina \ufffd Haddad" in text


def test_the_block_stands_below_the_last_text_not_below_the_draft_watermark(tmp_path, exported_pdfs, amina):
    signed = sign_pdf(exported_pdfs["en"], tmp_path / "signed.pdf", amina, SignatureRequest("Amina Haddad"))
    pages = len(__import__("pypdf").PdfReader(signed).pages)
    words = _word_boxes(signed, pages)
    block_top = next(w[2] for w in words if w[0] == "Digitally")
    watermark = {"DRAFT", "–", "incomplete"}  # the rotated watermark across the page
    text_bottom = max(w[2] for w in words if w[2] < block_top and w[0] not in watermark)
    assert block_top - text_bottom < 40
