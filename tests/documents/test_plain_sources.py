"""A document sent to a government cites the treaty texts and official UN sources only."""

from untoc_desktop.documents.sources import definition_sources, is_official_source


def test_only_treaties_and_official_un_pages_are_cited(cluster1):
    cited = definition_sources(cluster1.sources)
    assert cited[0].startswith("United Nations Convention against Transnational Organized Crime")
    assert any("Treaty Series, vol. 2237" in c for c in cited)
    for banned in ("scribd", "yumpu", "vdocuments", "pdfslide", "github", "umwelt-online"):
        assert not any(banned in c for c in cited), banned
    assert any("unodc.org" in c for c in cited)


def test_official_hosts():
    assert is_official_source("https://sherloc.unodc.org/cld/en/x.html")
    assert is_official_source("https://treaties.un.org/")
    assert not is_official_source("https://de.scribd.com/document/1")
    assert not is_official_source("https://un.org.example.com/")
    assert not is_official_source("https://fakeun.org/")


def test_the_exported_annex_has_no_file_sharing_sites(cluster1, draft_info, tmp_path):
    from docx import Document

    from untoc_desktop.documents import export_submission

    out = export_submission(
        cluster1,
        draft_info,
        {},
        tmp_path / "s.docx",
        "docx",
        language="en",
        progress=lambda *_: None,
        is_cancelled=lambda: False,
    )
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Treaty Series, vol. 2225" in text
    assert "scribd" not in text and "yumpu" not in text and "github.com" not in text
