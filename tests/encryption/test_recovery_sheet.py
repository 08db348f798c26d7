"""The recovery sheet: its text read back from the PDF holds the code, the organisation and the fingerprint."""

import subprocess
import unicodedata
from datetime import date

import pytest

from untoc_desktop.encryption import load_settings, set_up_recovery
from untoc_desktop.encryption.recovery import grouped
from untoc_desktop.encryption.sheet import RecoverySheet, write_recovery_sheet
from untoc_desktop.encryption.sheet_wording import SHEET_WORDING
from untoc_desktop.errors import EncryptionError

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def pdf_text(path):
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS)


def test_the_sheet_set_up_with_the_code_reads_back_with_code_organisation_and_fingerprint(tmp_path, data_dir):
    made = set_up_recovery("Coalition pour la Justice & les Droits", tmp_path / "sheet.pdf", language="fr")
    text = pdf_text(made.sheet)
    assert grouped(made.code) in text
    assert "Coalition pour la Justice & les Droits" in text
    assert made.fingerprint in text and load_settings().recovery_fingerprint == made.fingerprint
    assert load_settings().organisation_id in text
    assert "Feuille de récupération" in text and "Que faire de cette feuille" in text
    assert subprocess.run(["pdfinfo", str(made.sheet)], capture_output=True, text=True).stdout.count("Pages:") == 1
    with pytest.raises(EncryptionError, match="already has a recovery code"):
        set_up_recovery("Coalition", tmp_path / "again.pdf")
    assert not (tmp_path / "again.pdf").exists()


@pytest.mark.parametrize("language", ["en", "es", "ru", "ar", "zh"])
def test_every_language_keeps_the_code_and_the_organisation_legible(tmp_path, language):
    sheet = RecoverySheet(
        "0123456789ABCDEFGHJKMNPQ",
        "Coalition for Justice and Rights",
        "1a2b-3c4d-5e6f-7a8b",
        "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b",
        language,
        date(2026, 12, 1),
    )
    text = pdf_text(write_recovery_sheet(sheet, tmp_path / f"{language}.pdf"))
    assert "0123-4567-89AB-CDEF-GHJK-MNPQ" in text
    assert "Coalition for Justice and Rights" in text and "1a2b-3c4d-5e6f-7a8b" in text
    if language in ("en", "es", "ru", "zh"):  # left-to-right text reads back in order
        assert SHEET_WORDING[language]["code"] in text.replace("\n", " ")
    else:  # Arabic reads back in logical order; lam-alef ligatures come back as private-use characters,
        # so the phrases checked have none (the page images were looked at and read by OCR, see the report)
        for phrase in (
            "النسخ المشفرة من المساهمات",
            "ماذا تفعلون بهذه الورقة",
            "بصمة مفتاح",
            "يفتح هذا الرمز كل النسخ المشفرة التي يتبادلها أعضاء منظمتكم",
        ):
            assert phrase in text, phrase


def test_an_arabic_organisation_name_is_drawn_on_the_sheet(tmp_path):
    sheet = RecoverySheet(
        "0123456789ABCDEFGHJKMNPQ",
        "الائتلاف من أجل العدالة",
        "1a2b-3c4d-5e6f-7a8b",
        "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b",
        "ar",
        date(2026, 12, 1),
    )
    text = pdf_text(write_recovery_sheet(sheet, tmp_path / "ar.pdf"))
    assert "0123-4567-89AB-CDEF-GHJK-MNPQ" in text
    assert "من أجل العدالة" in text.split("0123-")[0]


def test_markup_characters_in_the_organisation_name_print_as_typed(tmp_path):
    name = "Coalition #let x = 1 [b] {c} \\d $e$ *f* _g_ <h> @i"
    sheet = RecoverySheet(
        "0123456789ABCDEFGHJKMNPQ",
        name,
        "1a2b-3c4d-5e6f-7a8b",
        "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b",
        "en",
        date(2026, 12, 1),
    )
    path = write_recovery_sheet(sheet, tmp_path / "sheet.pdf")
    assert name in " ".join(pdf_text(path).split())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:           1\n" in info


def test_the_arabic_sheet_reads_right_to_left_by_ocr(tmp_path):
    sheet = RecoverySheet(
        "0123456789ABCDEFGHJKMNPQ",
        "الائتلاف من أجل العدالة",
        "1a2b-3c4d-5e6f-7a8b",
        "6f1f0b9e-2c55-4d8e-9a3b-5d7c1e2f3a4b",
        "ar",
        date(2026, 12, 1),
    )
    path = write_recovery_sheet(sheet, tmp_path / "ar.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(path), str(tmp_path / "ar")], check=True)
    read = subprocess.run(
        ["tesseract", str(next(tmp_path.glob("ar*.png"))), "-", "-l", "ara"], capture_output=True, text=True, check=True
    ).stdout
    # Tesseract gives Arabic back in logical order only when the page shows it right to left, letters joined.
    for phrase in (
        "الائتلاف من أجل العدالة",
        "ماذا تفعلون بهذه الورقة",
        "1 ديسمبر 2026",
        "احفظوا هذه الورقة في مكان مقفل بعيدا عن الحواسيب",
    ):
        assert phrase in read, (phrase, read)


@pytest.mark.parametrize("code", ["W" * 24, "M" * 24, "RDKWHDSHTD0PW3WNYNXEQNKC"])
def test_the_widest_codes_stay_on_one_line(tmp_path, code):
    # A code broken at one of its hyphens was once read back in two pieces (a random code in a test run).
    sheet = RecoverySheet(code, "Coalition", "1a2b-3c4d", "6f1f0b9e", "fr", date(2026, 12, 1))
    text = pdf_text(write_recovery_sheet(sheet, tmp_path / "wide.pdf"))
    assert "-".join(code[i : i + 4] for i in range(0, 24, 4)) in text
