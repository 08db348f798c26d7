r"""The document model: what a submission says, independent of Word or PDF.

:func:`untoc_desktop.documents.submission.build_submission` fills a
:class:`Document`; the Word and PDF renderers each turn the same blocks into
their format, so the two never disagree. Texts are plain strings (already
passed through :func:`untoc_desktop.documents.text.clean_text`); ``\n`` inside
a text is a line break within the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Paragraph styles the renderers know. Anything else is drawn as "body".
PARAGRAPH_STYLES: tuple[str, ...] = (
    "body",  # ordinary text, e.g. an answer paragraph
    "cover_title",  # large title on the cover page
    "cover",  # a line of the cover page
    "question",  # a question label (bold)
    "status",  # an implementation status answer
    "missing",  # "No answer yet" (italic)
    "not_applicable",  # Protocol the State party is not party to (italic)
    "note",  # small print
)


@dataclass(frozen=True)
class Heading:
    """A heading.

    Attributes:
        level: 1 (instrument, annex), 2 (article) or 3 (paragraph of an article).
        text: the heading text.
        anchor: stable id for cross references and bookmarks, e.g. ``UNTOC.5``.
    """

    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text in one of :data:`PARAGRAPH_STYLES`."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class BulletList:
    """A bulleted list; each item is one paragraph of text."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class CitationList:
    """Legislation cited or sources relied on, one formatted entry per item.

    Attributes:
        kind: ``"citations"`` (laws) or ``"sources"`` (reports, studies).
        items: entries such as ``"Penal Code, art. 210, 2015, https://..."``.
        links: the web address of each entry (``""`` for none), parallel to
            ``items``; an entry ending with its address shows it as a link.
            Empty when no entry has one.
        titles: the document each entry cites (e.g. ``"Penal Code, 2015"``,
            without the article), parallel to ``items``; the sources annex
            lists each document once.
    """

    kind: str
    items: tuple[str, ...]
    links: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    def link(self, index: int) -> str:
        """The web address of entry ``index`` (``""`` when it has none)."""
        return self.links[index] if index < len(self.links) else ""

    def title(self, index: int) -> str:
        """The title of the document cited by entry ``index`` (``""`` when unknown)."""
        return self.titles[index] if index < len(self.titles) else ""


@dataclass(frozen=True)
class Table:
    """A table with one header row.

    Attributes:
        header: column titles.
        rows: rows of cell texts, each as long as ``header``.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class TableOfContents:
    """The table of contents: a heading then the document's headings with page numbers.

    Word gets a ``TOC`` field (filled when the file is opened); PDF a contents
    page whose numbers are known after layout.

    Attributes:
        title: the heading above the contents, e.g. ``Contents``.
        levels: deepest heading level listed (1 to 3).
        update_hint: note shown in Word until the field is updated.
    """

    title: str
    levels: int = 2
    update_hint: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Block = Heading | Paragraph | BulletList | CitationList | Table | TableOfContents | PageBreak


@dataclass(frozen=True)
class Document:
    """A whole document, ready for a renderer.

    Attributes:
        title: document title (file metadata and cover).
        author: organisation shown as the author in file metadata.
        language: document language code, e.g. ``en`` or ``fr``.
        header: text of the running header on every page.
        footer_page: page number pattern with ``{page}`` and ``{pages}``,
            e.g. ``"Page {page} of {pages}"``.
        draft_watermark: text marked on every page (``"DRAFT – incomplete"``),
            or ``None`` for a complete submission.
        blocks: the content, in order.
        direction: base direction of the document, ``"ltr"`` or ``"rtl"``
            (Arabic): page furniture, tables and paragraphs without a strong
            character start at the right. Each paragraph with letters still
            takes its own direction from its text.
    """

    title: str
    author: str = ""
    language: str = "en"
    header: str = ""
    footer_page: str = "Page {page} of {pages}"
    draft_watermark: str | None = None
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    direction: str = "ltr"
