"""Writing a letter: Word through docxtpl templates, PDF through the application's own renderer.

* Word: the shipped template ``resources/letters/<language>/<kind>.docx`` or the user's own
  (a letterhead using the same fields). Every value is inserted as text: it is escaped for
  XML, braces are written as character references (so nothing in a value is ever read as
  ``{{ }}`` or ``{% %}``, not even by docxtpl's own clean-up), line breaks become Word line
  breaks, and the blank lines between the paragraphs of ``body`` become paragraphs.
* PDF: a :class:`~untoc_desktop.documents.model.Document` built from the same wording, typeset
  by the submission's PDF renderer (Typst: same embedded fonts, shaping, bidi and line breaking
  in every script, tagged PDF/A). A user's own template can only become PDF through
  LibreOffice, when it is installed.

Files are written under a temporary name beside the target and renamed on success; on any
error no output file is left.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
import tempfile
from functools import cache
from html import escape
from pathlib import Path, PurePosixPath

from docxtpl import DocxTemplate, Listing
from jinja2 import TemplateError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ..documents import model, render
from ..documents.labels import document_direction, normalize_locale
from ..documents.reproducible import save_docx
from ..documents.target import check_export_target
from ..documents.text import clean_text
from ..errors import ExportError
from ..files import atomic_replace
from ..i18n import _
from .context import Letter, LetterError
from .fields import check_fields
from .template_package import LetterTemplateError, TemplatePackage, read_template
from .wording import wording_for

#: Shipped templates: ``TEMPLATES_DIR / language / f"{kind}.docx"``.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "letters"
FORMATS = ("docx", "pdf")


class OfficeSuiteMissingError(LetterError):
    """PDF from a user's own Word template needs LibreOffice, which is not installed."""


def shipped_template(language: str, kind: str) -> Path:
    """The shipped template of a language and kind (``resources/letters/<language>/<kind>.docx``)."""
    return TEMPLATES_DIR / language / f"{kind}.docx"


def _template_environment() -> SandboxedEnvironment:
    """Where letter templates run: a sandbox with no globals (no ``lipsum``, ``range``...), autoescaped."""
    environment = SandboxedEnvironment(autoescape=True)
    environment.globals.clear()
    return environment


class _InspectingEnvironment(SandboxedEnvironment):
    """A sandbox that keeps what it parsed, so the template's expressions can be checked."""

    parsed: list[nodes.Template]

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self.globals.clear()
        self.parsed = []

    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> nodes.Template:
        tree = super().parse(source, name, filename)
        self.parsed.append(tree)
        return tree


def _refuse_template_code(trees: list[nodes.Template], name: str) -> None:
    """Allow only plain ``{{ field }}`` placeholders and ``{% if field %}`` around optional lines.

    No filters, calls, attribute access, loops or other statements: a shared letterhead must
    never run code on the computer that fills it in.
    """
    found: set[str] = set()

    def plain(test: nodes.Node) -> bool:
        return isinstance(test, nodes.Name) or (isinstance(test, nodes.Not) and isinstance(test.node, nodes.Name))

    def check(body: list[nodes.Node]) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for part in node.nodes:
                    if not isinstance(part, (nodes.TemplateData, nodes.Name)):
                        found.add(f"{{{{ {type(part).__name__.lower()} expression }}}}")
            elif isinstance(node, nodes.If) and plain(node.test) and all(plain(e.test) for e in node.elif_):
                check(node.body)
                for branch in node.elif_:
                    check(branch.body)
                check(node.else_)
            else:
                found.add(f"{{% {type(node).__name__.lower()} %}}")

    for tree in trees:
        check(tree.body)
    if found:
        raise LetterTemplateError(
            _(
                "The template {name} contains template code, not only {{{{ field }}}} placeholders and {{% "
                "if field %}} lines ({choices}). Nothing was written."
            ).format(name=name, choices=", ".join(sorted(found)))
        )


def template_fields(template: Path) -> set[str]:
    """The variables a Word template uses, after checking every part the template engine renders.

    The package is first checked and cleaned (:func:`.template_package.read_template`: sizes
    before unpacking, nothing pointing outside the file). Then the body, tables, headers,
    footers, footnotes, endnotes and document properties (``docProps/core.xml``, ``app.xml``,
    ``custom.xml``) must hold only ``{{ field }}`` placeholders and ``{% if field %}`` lines.

    Raises:
        LetterTemplateError: the file is not a readable .docx, is too large, points outside
            itself, or its fields are malformed or hold template code.
    """
    package = read_template(template)
    try:
        inspecting = _InspectingEnvironment()
        document = DocxTemplate(package.stream())
        used = set(document.get_undeclared_template_variables(inspecting))
        for source in _other_rendered_sources(document, package):
            used |= meta.find_undeclared_variables(inspecting.parse(source))
        _refuse_template_code(inspecting.parsed, Path(template).name)
        return used
    except LetterTemplateError:
        raise
    except TemplateError as exc:
        raise LetterTemplateError(
            _("The template {name} has a malformed field: {problem}.").format(name=Path(template).name, problem=exc)
        ) from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a bad file
        raise LetterTemplateError(
            _("{name} cannot be read as a Word (.docx) template ({kind}).").format(
                name=Path(template).name, kind=type(exc).__name__
            )
        ) from None


#: Parts rendered or shown besides the body, headers and footers (docxtpl renders footnotes and the core
#: properties; the others are checked the same way so that no part can carry template code unseen).
_NOTE_PARTS = ("footnotes", "endnotes")
_PROPERTY_PARTS = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")


def _other_rendered_sources(document: DocxTemplate, package: TemplatePackage) -> list[str]:
    """Template sources of the footnotes, endnotes and document properties, as the engine would see them."""
    sources = []
    for name, data in package.parts.items():
        stem = PurePosixPath(name).stem
        if name.startswith("word/") and any(stem.startswith(kind) for kind in _NOTE_PARTS):
            sources.append(document.patch_xml(data.decode("utf-8", "replace")))
        elif name in _PROPERTY_PARTS:
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
            sources.extend(text for text in root.itertext() if "{" in text)
    return sources


def check_template(template: Path, kind: str) -> set[str]:
    """Check that a template uses only fields a ``kind`` letter fills, and every required one.

    Returns:
        The fields it uses.

    Raises:
        LetterTemplateError: listing the unknown and missing fields (see :func:`.fields.check_fields`).
    """
    used = template_fields(template)
    unknown, missing = check_fields(kind, used)
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(
                _("unknown fields for the {kind} letter: {fields}").format(kind=kind, fields=", ".join(unknown))
            )
        if missing:
            parts.append(_("missing required fields: {fields}").format(fields=", ".join(missing)))
        raise LetterTemplateError(
            _(
                "The template {name} cannot be used ({problems}). Nothing was written; see the list of "
                "fields in the template picker or resources/letters/FIELDS.md."
            ).format(name=Path(template).name, problems="; ".join(parts)),
            unknown,
            missing,
        )
    return used


class _Text(Listing):
    r"""A value for docxtpl: XML-escaped, braces as character references, ``\a`` = new paragraph."""

    def __init__(self, text: str, paragraphs: bool = False) -> None:
        text = clean_text(text)
        if paragraphs:
            text = "\a".join(text.split("\n\n"))  # clean_text turned any typed \a into U+FFFD
        self.xml = escape(text).replace("{", "&#123;").replace("}", "&#125;")


def _render_docx(letter: Letter, template: Path, out: Path, issued_at: _dt.datetime | None = None) -> None:
    template_doc = DocxTemplate(read_template(template).stream())  # the checked, cleaned copy
    context = {name: _Text(value, paragraphs=name == "body") for name, value in letter.fields.items()}
    template_doc.render(context, jinja_env=_template_environment(), autoescape=True)
    # docxtpl's own save adds only picture and media replacement, which letters do not use.
    save_docx(template_doc.docx, out, issued_at)


def find_office_suite() -> str | None:
    """Path of LibreOffice's ``soffice`` (or ``libreoffice``) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_office_suite() -> str:
    """Path of LibreOffice for converting a user's template to PDF.

    Raises:
        OfficeSuiteMissingError: LibreOffice is not installed (not on PATH).
    """
    office = find_office_suite()
    if office is None:
        raise OfficeSuiteMissingError(
            _(
                "PDF from your own Word template needs LibreOffice, which is not installed. Export this letter as "
                "Word (.docx), install LibreOffice, or use the shipped template for a PDF."
            )
        )
    return office


@cache
def network_isolation() -> tuple[str, ...]:
    """The command prefix that runs LibreOffice without network access, or ``()`` where impossible.

    On Linux, ``unshare -rn`` (a new user and network namespace: no interface but a
    closed loopback) when the system allows it for this user, else ``unshare -n`` (as
    administrator). Elsewhere (Windows, macOS) there is no such tool; the template was
    cleaned of every link outside itself before LibreOffice sees it, which is the guard there.
    """
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for options in (("-rn",), ("-n",)):
        try:
            probe = subprocess.run([unshare, *options, "--", "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return (unshare, *options, "--")
    return ()


def _convert_to_pdf(docx: Path, out: Path) -> None:
    """Convert a rendered (already checked and cleaned) letter to PDF with LibreOffice.

    LibreOffice runs with a fresh, empty profile in a temporary folder (never the user's,
    so no macro setting or extension of theirs applies and it works while their LibreOffice
    is open) and, where the platform allows, without network access (:func:`network_isolation`).
    """
    office = require_office_suite()
    with tempfile.TemporaryDirectory(prefix="untoc-letter-") as folder:
        profile = Path(folder, "profile").as_uri()  # own profile: works while the user's LibreOffice is open
        command = [
            *network_isolation(),
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(docx),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=180)
        except (OSError, subprocess.SubprocessError) as exc:
            raise LetterError(
                _(
                    "LibreOffice could not convert the letter to PDF ({kind}). Export it as Word (.docx) instead."
                ).format(kind=type(exc).__name__)
            ) from None
        produced = Path(folder, docx.with_suffix(".pdf").name)
        if not produced.is_file():
            raise LetterError(_("LibreOffice did not produce a PDF. Export the letter as Word (.docx) instead."))
        shutil.copyfile(produced, out)


def letter_lines(letter: Letter) -> list[tuple[str, str]]:
    """The letter as ``(style, text)`` paragraphs in reading order (PDF and preview).

    Styles are those of :data:`untoc_desktop.documents.model.PARAGRAPH_STYLES`.
    """
    f, words = letter.fields, wording_for(letter.options.language)
    recipient = "\n".join(
        v
        for v in (
            f["recipient_name"],
            f["recipient_title"],
            f["recipient_agency"],
            f["recipient_address"],
            f["recipient_email"],
        )
        if v
    )
    sender = "\n".join(v for v in (f["organization_address"], f["organization_email"]) if v)
    signature = "\n".join(v for v in (f["signatory_name"], f["signatory_title"], f["organization"]) if v)
    lines = [
        ("question", f["organization"]),
        ("body", sender),
        ("body", recipient),
        ("body", words["reference"].format(reference=f["reference"]) + "\n" + f["date"]),
        ("question", words["subject_label"] + f["subject"]),
        ("body", f["salutation"]),
    ]
    lines += [("body", p) for p in letter.paragraphs]
    lines += [("body", f["closing"]), ("body", signature)]
    return [(style, text) for style, text in lines if text]


def letter_text(letter: Letter) -> str:
    """The letter as plain text, for a preview."""
    return "\n\n".join(text for _style, text in letter_lines(letter))


def letter_document(letter: Letter) -> model.Document:
    """The letter as a document model for the PDF renderer."""
    f = letter.fields
    return model.Document(
        title=f["subject"],
        author=f["organization"],
        language=str(normalize_locale(letter.options.language)).replace("_", "-"),
        header=f["reference"],
        footer_page="{page}/{pages}",
        direction=document_direction(letter.options.language),  # an Arabic letter starts at the right
        blocks=tuple(model.Paragraph(text, style) for style, text in letter_lines(letter)),
    )


def write_letter(
    letter: Letter, out: Path, fmt: str, template: Path | None = None, issued_at: _dt.datetime | None = None
) -> Path:
    """Write a letter as Word or PDF.

    Args:
        letter: the filled letter.
        out: the file to create or replace.
        fmt: ``"docx"`` or ``"pdf"``.
        template: the user's own .docx template; None = the shipped one (and, for PDF, the
            application's renderer).
        issued_at: when the letter was first written (aware datetime): the file's creation time.
            With it, the same letter gives the same bytes (see :mod:`untoc_desktop.documents.reproducible`),
            except a PDF made from the user's own template by LibreOffice, which dates it itself.

    Returns:
        ``out``.

    Raises:
        LetterTemplateError: the template's fields do not fit (nothing written).
        OfficeSuiteMissingError: PDF from a user template without LibreOffice (nothing written).
        LetterError: unknown format, or the file cannot be written (nothing written).
    """
    if fmt not in FORMATS:
        raise LetterError(_("Cannot write a letter as {fmt!r}: choose docx or pdf.").format(fmt=fmt))
    try:
        out = check_export_target(out, fmt)
    except ExportError as exc:
        raise LetterError(str(exc)) from None
    attachment = letter.options.attachment
    if attachment is not None and Path(attachment).resolve() == out:
        raise LetterError(
            _("{name} is the submission this letter transmits; choose another name for the letter.").format(
                name=out.name
            )
        )
    kind = letter.options.kind
    source = Path(template) if template else shipped_template(letter.options.language, kind)
    if template is not None or fmt == "docx":
        check_template(source, kind)
    if template is not None and fmt == "pdf":
        require_office_suite()  # the clear message before any work

    def write(temporary: Path) -> None:
        if fmt == "pdf" and template is None:
            render(letter_document(letter), temporary, "pdf", issued_at=issued_at)
        elif fmt == "pdf":
            with tempfile.TemporaryDirectory(prefix="untoc-letter-") as folder:
                docx = Path(folder, "letter.docx")
                _render_docx(letter, source, docx)
                _convert_to_pdf(docx, temporary)
        else:
            _render_docx(letter, source, temporary, issued_at)

    try:
        atomic_replace(out, write, create_folder=False)
    except LetterError:
        raise
    except OSError as exc:
        raise LetterError(
            _("Could not write {out}: {problem}. Choose another folder.").format(out=out, problem=exc.strerror or exc)
        ) from None
    except Exception as exc:  # noqa: BLE001 - a template or renderer failure must reach the user as a message
        raise LetterError(
            _("Could not write the letter {name}: {problem}. Nothing was written.").format(
                name=out.name, problem=clean_text(str(exc)) or type(exc).__name__
            )
        ) from exc
    return out
