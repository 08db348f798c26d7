"""Reading a Word (.docx) letter template from someone else safely, before any library unpacks it.

A .docx is a zip package of XML parts. A template received from a colleague is
untrusted, so before python-docx, docxtpl or LibreOffice ever see it:

* **sizes are checked from the zip directory, before unpacking**: the file itself, the
  number of parts, each part's compressed and uncompressed size, and the total; every
  part is then read in small pieces and refused as soon as it grows past what it
  declared (a zip bomb is refused in milliseconds, with little memory);
* **nothing may point outside the package**: a relationship with ``TargetMode="External"``
  is refused (linked pictures, sub-documents, frames, OLE links), except a clickable web or
  e-mail link (``http``, ``https``, ``mailto``), whose target is removed (the text stays, no
  longer a link), and the attached template Word records, which is removed; pictures linked with
  ``r:link``/``o:href``, imported HTML chunks, embedded OLE objects and fields that read other
  files (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``IMPORT``, ``DDE``, ``DDEAUTO``, ``RD``,
  a ``HYPERLINK`` field to a file) are refused; XML with a document type declaration (entity tricks) is refused;
* the cleaned package is rebuilt in memory and only that copy goes further.

The template code check (only ``{{ field }}`` and ``{% if field %}``) runs on every part
the template engine renders; see :mod:`untoc_desktop.letters.output`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from ..i18n import _
from ..received_files import read_regular_file
from .context import LetterError

#: Largest template file accepted, in bytes (a letterhead with its logo is far smaller).
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
#: Most parts (files inside the package) accepted.
MAX_PARTS = 400
#: Largest part accepted, compressed or uncompressed, in bytes.
MAX_PART_BYTES = 16 * 1024 * 1024
#: Largest total of all parts once uncompressed, in bytes.
MAX_TOTAL_BYTES = 48 * 1024 * 1024

_CHUNK = 64 * 1024
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_O = "urn:schemas-microsoft-com:office:office"
_V = "urn:schemas-microsoft-com:vml"
#: Relationship types refused even inside the package: they make an office suite import or run content.
_REFUSED_TYPES = ("/aFChunk", "/oleObject", "/package", "/subDocument", "/frame")
#: Field codes that read other files or programs.
_REFUSED_FIELDS = {"INCLUDEPICTURE", "INCLUDETEXT", "LINK", "IMPORT", "DDE", "DDEAUTO", "RD", "INCLUDE"}
#: ``url(...)`` in SVG styles that is not a reference inside the picture (``#id``) or inline data.
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?![\s'\"]|#|data:)", re.IGNORECASE)
_WEB_LINK = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
)


class LetterTemplateError(LetterError):
    """A Word template uses fields the letter does not fill, or lacks required ones.

    Attributes:
        unknown: field names the template uses that this kind of letter does not fill.
        missing: required field names the template does not use.
    """

    def __init__(self, message: str, unknown: list[str] | None = None, missing: list[str] | None = None) -> None:
        super().__init__(message)
        self.unknown = unknown or []
        self.missing = missing or []


class TemplatePackageError(LetterTemplateError):
    """A Word template is too large, not a .docx, or points outside itself; nothing was written."""


@dataclass
class TemplatePackage:
    """A checked and cleaned .docx, held in memory.

    Attributes:
        name: the file name, for messages.
        data: the cleaned package (a .docx).
        parts: part name -> bytes of the cleaned package.
        removed_links: web or e-mail link targets that were removed (the text stays).
    """

    name: str
    data: bytes
    parts: dict[str, bytes] = field(default_factory=dict)
    removed_links: list[str] = field(default_factory=list)

    def stream(self) -> io.BytesIO:
        """A fresh readable copy of the cleaned .docx (for python-docx and docxtpl)."""
        return io.BytesIO(self.data)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_template(path: Path) -> TemplatePackage:
    """Check a .docx template's sizes and links, and return a cleaned copy in memory.

    Args:
        path: the template file.

    Returns:
        The cleaned package.

    Raises:
        TemplatePackageError: not a regular file, not a .docx, over a size limit (checked before
            unpacking), or it refers to files or programs outside itself; the message says what to do.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise TemplatePackageError(
            _("The template {path} does not exist. Choose a Word (.docx) file.").format(path=path)
        )
    # A regular file only (never a pipe or device), read once and at most MAX_TEMPLATE_BYTES.
    data = read_regular_file(path, MAX_TEMPLATE_BYTES, TemplatePackageError)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = _read_parts(package, name)
    except TemplatePackageError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, OSError) as exc:
        raise TemplatePackageError(
            _(
                "{name} cannot be read as a Word (.docx) template ({problem}). Open it in Word or LibreOffice and "
                "save it again as .docx."
            ).format(name=name, problem=type(exc).__name__)
        ) from None
    removed = _clean(parts, name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for part_name, data in parts.items():
            rebuilt.writestr(part_name, data)
    return TemplatePackage(name, buffer.getvalue(), parts, removed)


def _read_parts(package: zipfile.ZipFile, name: str) -> dict[str, bytes]:
    """Every part, after checking the declared sizes; a part larger than it declared is refused."""
    infos = [i for i in package.infolist() if not i.is_dir()]
    too_large = _(
        "The template {name} is refused: {what}. A letter template is a small Word file; "
        "this one may be damaged or built to exhaust memory."
    )
    if len(infos) > MAX_PARTS:
        what = _("it holds {count} parts (at most {limit})").format(count=len(infos), limit=MAX_PARTS)
        raise TemplatePackageError(too_large.format(name=name, what=what))
    total = 0
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            raise TemplatePackageError(
                too_large.format(name=name, what=_("the part {part} appears twice").format(part=info.filename))
            )
        seen.add(info.filename)
        if info.file_size > MAX_PART_BYTES or info.compress_size > MAX_PART_BYTES:
            raise TemplatePackageError(
                too_large.format(
                    name=name,
                    what=_("the part {part} unpacks to {size} (at most {limit} per part)").format(
                        part=info.filename, size=_mib(info.file_size), limit=_mib(MAX_PART_BYTES)
                    ),
                )
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise TemplatePackageError(
                too_large.format(
                    name=name, what=_("its parts unpack to more than {limit}").format(limit=_mib(MAX_TOTAL_BYTES))
                )
            )
    parts: dict[str, bytes] = {}
    for info in infos:
        pieces, size = [], 0
        with package.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size or size > MAX_PART_BYTES:
                    what = _("the part {part} unpacks to more than it declares").format(part=info.filename)
                    raise TemplatePackageError(too_large.format(name=name, what=what))
                pieces.append(chunk)
        parts[info.filename] = b"".join(pieces)
    return parts


def _source_part(rels_name: str) -> str:
    """The part a ``_rels/X.rels`` file belongs to (``word/_rels/document.xml.rels`` -> ``word/document.xml``)."""
    rels = PurePosixPath(rels_name)
    return str(rels.parent.parent / rels.name[: -len(".rels")]).lstrip("./") if rels.parent.name == "_rels" else ""


def _parse(data: bytes, part: str, name: str) -> etree._Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise TemplatePackageError(
            _(
                "The template {name} is refused: its part {part} declares a document type or entities, which Word "
                "never writes. Open it in Word or LibreOffice and save it again as .docx."
            ).format(name=name, part=part)
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise TemplatePackageError(
            _(
                "The template {name} has a damaged part ({part}). Open it in Word or LibreOffice and save it again "
                "as .docx."
            ).format(name=name, part=part)
        ) from None


def _refuse(name: str, what: str) -> TemplatePackageError:
    return TemplatePackageError(
        _(
            "The template {name} is refused: {what}. A letter template must hold everything it shows; embed "
            "pictures (Insert > Picture, without 'Link to file') and remove linked fields, then save it again."
        ).format(name=name, what=what)
    )


def _short(target: str) -> str:
    return target if len(target) <= 80 else target[:77] + "…"


def _clean(parts: dict[str, bytes], name: str) -> list[str]:
    """Refuse what reaches outside the package; drop web-link targets. Changes ``parts`` in place."""
    removed: list[str] = []
    dropped_ids: dict[str, set[str]] = {}
    for part, data in list(parts.items()):
        if not part.endswith(".rels"):
            continue
        root = _parse(data, part, name)
        changed = False
        for relation in list(root):
            if not isinstance(relation.tag, str):
                continue
            kind, target = relation.get("Type", ""), relation.get("Target", "")
            if any(kind.endswith(refused) for refused in _REFUSED_TYPES):
                raise _refuse(
                    name,
                    _("it imports or links content ({kind}: {target})").format(
                        kind=kind.rsplit("/", 1)[-1], target=_short(target)
                    ),
                )
            if (relation.get("TargetMode") or "").lower() != "external":
                continue
            # A web link keeps its text; the attached template Word records (often file:///C:/...Normal.dotm)
            # is never needed to fill or print a letter. Both lose their target; anything else is refused.
            if (kind.endswith("/hyperlink") and _WEB_LINK.match(target.strip())) or kind.endswith("/attachedTemplate"):
                dropped_ids.setdefault(_source_part(part), set()).add(relation.get("Id", ""))
                removed.append(target)
                root.remove(relation)
                changed = True
                continue
            raise _refuse(
                name,
                _("it refers to something outside the file ({kind}: {target})").format(
                    kind=kind.rsplit("/", 1)[-1], target=_short(target)
                ),
            )
        if changed:
            parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for part, data in list(parts.items()):
        if part.lower().endswith(".svg"):
            _check_svg(_parse(data, part, name), part, name)
            continue
        if not part.lower().endswith((".xml", ".vml")):
            continue
        root = _parse(data, part, name)
        _check_links_and_fields(root, part, name)
        ids = dropped_ids.get(part)
        if ids and _drop_link_ids(root, ids):
            parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return removed


def _check_links_and_fields(root: etree._Element, part: str, name: str) -> None:
    """Refuse linked pictures and fields that read files or programs in one XML part."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in (f"{{{_R}}}link", f"{{{_R}}}href", f"{{{_O}}}href"):
            if element.get(attribute) is not None:
                raise _refuse(name, _("a picture in {part} is linked to a file instead of embedded").format(part=part))
        if element.tag == f"{{{_V}}}imagedata" and element.get("src"):
            raise _refuse(name, _("a picture in {part} is linked to a file instead of embedded").format(part=part))
    for instruction in _field_instructions(root):
        words = instruction.split()
        if not words:
            continue
        keyword = words[0].upper()
        if keyword in _REFUSED_FIELDS:
            raise _refuse(
                name,
                _("a {keyword} field in {part} reads another file ({code})").format(
                    keyword=keyword, part=part, code=_short(instruction.strip())
                ),
            )
        if keyword == "HYPERLINK":
            target = next((w.strip('"') for w in words[1:] if not w.startswith("\\")), "")
            if target and not _WEB_LINK.match(target) and "\\l" not in words:
                raise _refuse(
                    name,
                    _("a HYPERLINK field in {part} points to a file ({target})").format(
                        part=part, target=_short(target)
                    ),
                )


def _check_svg(root: etree._Element, part: str, name: str) -> None:
    """Refuse an SVG picture that loads other files or addresses (only ``#id`` and ``data:`` references)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local in ("href", "src") and not value.strip().startswith(("#", "data:")):
                raise _refuse(name, _("the picture {part} loads {target}").format(part=part, target=_short(value)))
            if _OUTSIDE_URL.search(value):
                raise _refuse(name, _("the picture {part} loads {target}").format(part=part, target=_short(value)))
        if (
            _local_name(element) == "style"
            and element.text
            and ("@import" in element.text or _OUTSIDE_URL.search(element.text))
        ):
            raise _refuse(name, _("the picture {part} loads a style sheet or picture from elsewhere").format(part=part))


def _local_name(element: etree._Element) -> str:
    """An element's name without its namespace."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _field_instructions(root: etree._Element) -> list[str]:
    """Complete field codes of a part: ``w:fldSimple`` and complex fields split over runs (nested too)."""
    found = [e.get(f"{{{_W}}}instr", "") for e in root.iter(f"{{{_W}}}fldSimple")]
    stack: list[list[str]] = []
    for element in root.iter(f"{{{_W}}}fldChar", f"{{{_W}}}instrText"):
        if element.tag == f"{{{_W}}}instrText":
            if stack:
                stack[-1].append(element.text or "")
            else:
                found.append(element.text or "")  # an instruction outside a field: check it anyway
            continue
        kind = element.get(f"{{{_W}}}fldCharType")
        if kind == "begin":
            stack.append([])
        elif kind == "end" and stack:
            found.append("".join(stack.pop()))
    found.extend("".join(codes) for codes in stack)
    return found


def _drop_link_ids(root: etree._Element, ids: set[str]) -> bool:
    """Remove references to removed relationships: ``r:id`` of a web link (its text stays), the attached template."""
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.get(f"{{{_R}}}id") not in ids:
            continue
        if element.tag == f"{{{_W}}}attachedTemplate" and element.getparent() is not None:
            element.getparent().remove(element)
        else:
            del element.attrib[f"{{{_R}}}id"]
        changed = True
    return changed
