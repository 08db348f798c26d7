"""What is drawn is what was typed: the PDF's pages read back with OCR, beside LibreOffice's PDF of our .docx.

Answers in Arabic, Chinese, Russian, Hindi, Thai and French (one script per answer, one answer per
page) and an Arabic-language document's cover, contents, headings and labels are rendered from one
document model to PDF (our renderer) and to Word; LibreOffice converts the Word file to PDF. Both
PDFs are rendered with ``pdftoppm -r 150`` and read with Tesseract in the answer's language. For
every answer, the share of its characters read back from our PDF must be at least what the same OCR
reads from LibreOffice's PDF, and high in absolute terms (letters reversed or unjoined, boxes or
lost conjuncts read back as something else). The answers are scored character by character in
order; the Arabic document, whose lines mix Arabic and Latin runs, word by word (see
``ocr_helpers.share_of_words_read``).
"""

from __future__ import annotations

import pytest
from ocr_helpers import libreoffice_pdfs, ocr_all, page_images, share_of_words_read, share_read

from untoc_desktop.documents import build_submission, model, render
from untoc_desktop.draft import DraftInfo
from untoc_desktop.validation import check_completeness

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

#: Tesseract language -> an answer in that script (the Arabic one with the negation "لا").
ANSWERS = {
    "ara": "ينص القانون رقم 64 لسنة 2010 على تجريم الاتجار بالبشر وفقًا للمادة 5 من البروتوكول، ولا يشمل "
    "الجرائم المرتكبة خارج الإقليم.",
    "chi_sim": "《中华人民共和国刑法》第二百九十四条规定了组织、领导、参加黑社会性质组织罪，"
    "司法机关近年来依法办理了多起相关案件。",
    "rus": "Статья 210 Уголовного кодекса Российской Федерации устанавливает ответственность за организацию "
    "преступного сообщества.",
    "hin": "भारतीय दंड संहिता की धारा 370 मानव तस्करी को अपराध बनाती है और पीड़ितों की सुरक्षा के लिए विशेष प्रावधान करती है।",
    "tha": "ประมวลกฎหมายอาญามาตรา 210 กำหนดความผิดฐานเป็นอั้งยี่ และพระราชบัญญัติป้องกันและปราบปรามการค้ามนุษย์คุ้มครองผู้เสียหาย",
    "fra": "L'infraction d'association de malfaiteurs est définie à l'article 450-1 du Code pénal ; la loi prévoit "
    "des peines aggravées.",
}
#: Below this share an answer is not readable, whatever LibreOffice does.
FLOOR = 0.9


def _answers_document() -> model.Document:
    blocks: list[model.Block] = []
    for number, text in enumerate(ANSWERS.values(), start=1):
        if blocks:
            blocks.append(model.PageBreak())
        blocks += [model.Heading(1, f"Answer {number}"), model.Paragraph(text)]
    return model.Document(title="Answers in six scripts", header="Coalition — Veridia", blocks=tuple(blocks))


def _arabic_document(cluster1) -> model.Document:
    """The start of an Arabic-language submission: cover, contents, first article with its labels."""
    info = DraftInfo("Coalition for Justice & Rights", "Republic of Veridia", 1, frozenset({"TIP", "SOM"}))
    document = build_submission(cluster1, info, {}, check_completeness(cluster1, {}, info.protocols), "ar")
    assert document.direction == "rtl"
    return model.Document(**{**document.__dict__, "blocks": document.blocks[:24]})


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, cluster1):
    """Both documents as our PDF and as LibreOffice's PDF of our .docx: {(name, "ours"/"libreoffice"): pdf}."""
    folder = tmp_path_factory.mktemp("ocr")
    pdfs = {}
    names = ("answers", "arabic")
    for name, document in zip(names, (_answers_document(), _arabic_document(cluster1)), strict=True):
        render(document, folder / f"{name}.pdf", "pdf")
        render(document, folder / f"{name}.docx", "docx")
        pdfs[name, "ours"] = folder / f"{name}.pdf"
    converted = libreoffice_pdfs([folder / f"{name}.docx" for name in names], folder)
    for name, pdf in zip(names, converted, strict=True):
        pdfs[name, "libreoffice"] = pdf
    return folder, pdfs


def test_each_answer_is_read_back_at_least_as_well_as_from_libreoffice(rendered):
    folder, pdfs = rendered
    jobs, keys = [], []
    for reader in ("ours", "libreoffice"):
        images = page_images(pdfs["answers", reader], folder / reader)
        assert len(images) == len(ANSWERS), reader
        jobs += [(image, language) for image, language in zip(images, ANSWERS, strict=True)]
        keys += [(reader, language) for language in ANSWERS]
    shares = {key: share_read(ANSWERS[key[1]], text) for key, text in zip(keys, ocr_all(jobs), strict=True)}
    for language in ANSWERS:
        ours, theirs = shares["ours", language], shares["libreoffice", language]
        assert ours >= theirs, (language, ours, theirs)
        assert ours >= FLOOR, (language, ours)


def test_arabic_cover_headings_and_labels_are_read_back(rendered, cluster1):
    folder, pdfs = rendered
    document = _arabic_document(cluster1)
    expected = " ".join(b.text for b in document.blocks if isinstance(b, (model.Paragraph, model.Heading)))
    expected += " " + " ".join(b.title for b in document.blocks if isinstance(b, model.TableOfContents))
    shares = {}
    for reader in ("ours", "libreoffice"):
        images = page_images(pdfs["arabic", reader], folder / f"ar-{reader}")
        read = " ".join(ocr_all([(image, "ara+eng") for image in images]))
        shares[reader] = share_of_words_read(expected, read)
    assert shares["ours"] >= shares["libreoffice"], shares
    assert shares["ours"] >= FLOOR, shares
