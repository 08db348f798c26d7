"""Citations shown with their answer, and the annex gathering every source cited.

Each ``citations`` answer (laws: title, provision, year, link) or ``sources``
answer (reports: title, publisher, date, link) is printed under its question
as a :class:`~.model.CitationList`; the annex lists each cited document once,
in order of first citation, with its web address as a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import model
from .text import clean_text

_FIELDS = {"citations": ("title", "provision", "year", "link"), "sources": ("title", "publisher", "date", "link")}
# What names the cited document itself (without the article cited, without the link): the sources annex.
_DOCUMENT_FIELDS = {"citations": ("title", "year"), "sources": ("title", "publisher", "date")}


def _field(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return "" if value is None else clean_text(str(value)).strip()


def format_record(record: Mapping[str, Any], kind: str) -> str:
    """One line for a cited law or a source: ``Title, art./section, year, link``.

    Empty fields are left out.

    Args:
        record: a citations entry ``{title, provision, year, link}`` or a sources
            entry ``{title, publisher, date, link}`` (see ``types.RECORD_FIELDS``).
        kind: ``"citations"`` or ``"sources"``.

    Returns:
        The non-empty fields, cleaned (:func:`~.text.clean_text`), joined by ``", "``.
    """
    return ", ".join(part for part in (_field(record, key) for key in _FIELDS.get(kind, _FIELDS["sources"])) if part)


def citation_list(value: Any, kind: str) -> model.CitationList:
    """The block showing a citations or sources answer under its question.

    Args:
        value: the stored answer: a list of record dicts (a single dict or a
            plain string is accepted too, from older drafts).
        kind: ``"citations"`` or ``"sources"``.

    Returns:
        A :class:`~.model.CitationList` with one entry per non-empty record and
        the parallel ``links`` and ``titles`` (the cited document: title and
        year of a law, or title, publisher and date of a source). Never raises.
    """
    records = value if isinstance(value, list) else [value]
    items, links, titles = [], [], []
    for record in records:
        if isinstance(record, Mapping):
            text, link = format_record(record, kind), _field(record, "link")
            fields = _DOCUMENT_FIELDS.get(kind, _DOCUMENT_FIELDS["sources"])
            title = ", ".join(part for part in (_field(record, key) for key in fields) if part)
        else:
            text = clean_text(str(record)).strip() if record is not None else ""
            link, title = "", text
        if text:
            items.append(text)
            links.append(link)
            titles.append(title)
    return model.CitationList(kind, tuple(items), tuple(links), tuple(titles))


def sources_annex(blocks: Iterable[model.Block], labels: Mapping[str, str]) -> list[model.Block]:
    """The annex listing every document cited in ``blocks``, once each.

    Entries are the cited documents (title and year of a law, title, publisher
    and date of a source) with their link, deduplicated by document and link
    (case and spacing ignored), in order of first citation: a law cited for
    several articles is listed once.

    Args:
        blocks: the submission's blocks so far.
        labels: the document language's labels (``sources_annex``, ``sources_intro``).

    Returns:
        ``[PageBreak, Heading, Paragraph, CitationList]``, or ``[]`` when nothing is cited.
    """
    seen: set[tuple[str, str]] = set()
    items: list[str] = []
    links: list[str] = []
    for block in blocks:
        if not isinstance(block, model.CitationList):
            continue
        for index, item in enumerate(block.items):
            title = block.title(index) or item
            link = block.link(index)
            key = (" ".join(title.casefold().split()), link)
            if key in seen:
                continue
            seen.add(key)
            items.append(", ".join(part for part in (title, link) if part))
            links.append(link)
    if not items:
        return []
    return [
        model.PageBreak(),
        model.Heading(1, labels["sources_annex"], "annex-sources"),
        model.Paragraph(labels["sources_intro"]),
        model.CitationList("sources", tuple(items), tuple(links), tuple(items)),
    ]


def link_split(text: str, link: str) -> Sequence[str]:
    """Split an entry into ``(before, link)`` when it ends with its link, else ``(text, "")``."""
    if link and text.endswith(link):
        return text[: len(text) - len(link)], link
    return text, ""


#: The treaties, as a document sent to a government cites them (United Nations, Treaty Series).
TREATY_CITATIONS: tuple[str, ...] = (
    "United Nations Convention against Transnational Organized Crime (New York, 15 November 2000), "
    "United Nations, Treaty Series, vol. 2225, p. 209",
    "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children "
    "(New York, 15 November 2000), United Nations, Treaty Series, vol. 2237, p. 319",
    "Protocol against the Smuggling of Migrants by Land, Sea and Air (New York, 15 November 2000), "
    "United Nations, Treaty Series, vol. 2241, p. 507",
    "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components "
    "and Ammunition (New York, 31 May 2001), United Nations, Treaty Series, vol. 2326, p. 208",
)

#: Hosts of official United Nations sources (a subdomain counts too).
OFFICIAL_HOSTS: tuple[str, ...] = ("un.org", "unodc.org")


def is_official_source(url: str) -> bool:
    """Whether ``url`` is an official United Nations page (un.org, unodc.org and their subdomains)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").lower()
    return any(host == official or host.endswith("." + official) for official in OFFICIAL_HOSTS)


def definition_sources(sources: Mapping[str, str]) -> list[str]:
    """What a submission cites for the questionnaire's treaty facts: the treaties, then official UN pages.

    The definition's own research sources (commentaries, mirrors, file-sharing copies) are for the
    project's records and are never printed in a document sent to a government.

    Args:
        sources: the definition's sources, key -> URL.
    """
    official = [clean_text(url) for url in sources.values() if is_official_source(url)]
    return [*TREATY_CITATIONS, *dict.fromkeys(official)]
