"""PAdES signatures on PDF submissions, with a visible signature block (pyHanko).

Each signature is an incremental update: earlier signatures stay valid. The block is
drawn by :mod:`.stamp` and given to pyHanko as the field's appearance, so it is part
of the signed revision. Signatures are PAdES-B-B (``ETSI.CAdES.detached``, with the
signing-certificate attribute); no timestamp, as the application makes no network
connection.
"""

from __future__ import annotations

import binascii
import datetime as _dt
import io
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..errors import SigningError
from ..files import atomic_write_bytes
from ..i18n import _
from .identity import SigningIdentity, fingerprint
from .stamp import BLOCK_WIDTH, SignatureBlock, draw_signature_block

log = logging.getLogger(__name__)

_GAP = 8.0
_MARGIN_X = 62.0  # the export's side margin (2.2 cm)
_FOOTER_TOP = 48.0  # the page footer sits below this height (points from the bottom)


@dataclass(frozen=True)
class SignatureRequest:
    """Who signs, and how the signature is described.

    Attributes:
        signatory: the person signing (printed and stored as the signature's /Name).
        title: their title or function.
        organization: their organisation.
        reason: the reason ("Submission of <organisation> on cluster N").
        language: the document language, for the block's wording and direction.
        page: 1-based page number for the block; ``None`` is the last page.
    """

    signatory: str
    title: str = ""
    organization: str = ""
    reason: str = ""
    language: str = "en"
    page: int | None = None


class _PdfBytesPage(content.PdfContent):
    """The first page of a PDF held in memory, as a form XObject (pyHanko imports from files only)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        super().__init__()

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _signer(identity: SigningIdentity) -> signers.SimpleSigner:
    key_der = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    certificates = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in identity.chain]
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(identity.certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(certificates),
    )


def _text_bottom(data: bytes, page_index: int) -> float:
    """The lowest baseline of the page's text above the footer, in points from the bottom (pypdf)."""
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[page_index]
    lowest = [float(page.mediabox.top)]

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text.strip() or abs(cm[1]) + abs(cm[2]) + abs(tm[1]) + abs(tm[2]) > 1e-6:
            return  # rotated text is the draft watermark across the page, not the page's text
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if y > _FOOTER_TOP:
            lowest[0] = min(lowest[0], y - 0.3 * (size or 10))

    page.extract_text(visitor_text=visit)
    return lowest[0]


def _widget_boxes(page: object) -> list[tuple[float, float, float, float]]:
    boxes = []
    for annotation in page.get("/Annots", []) or []:  # type: ignore[attr-defined]
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Widget" and "/Rect" in annotation:
            x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
            boxes.append((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
    return boxes


def _place(
    page_width: float, top: float, height: float, taken: list[tuple[float, float, float, float]], rtl: bool
) -> tuple[float, float, float, float] | None:
    """The first free slot for a block of ``height`` below ``top``: two columns, rows downwards."""
    columns = [_MARGIN_X, _MARGIN_X + BLOCK_WIDTH + _GAP]
    if page_width - _MARGIN_X - columns[1] < BLOCK_WIDTH:
        columns = columns[:1]
    if rtl:
        columns = [page_width - x - BLOCK_WIDTH for x in columns]
    y_top = top - _GAP
    while y_top - height >= _FOOTER_TOP:
        for x in columns:
            box = (x, y_top - height, x + BLOCK_WIDTH, y_top)
            if not any(
                box[0] < t[2] + _GAP and t[0] < box[2] + _GAP and box[1] < t[3] + _GAP and t[1] < box[3] + _GAP
                for t in taken
            ):
                return box
        y_top -= 4.0
    return None


def _append_blank_page(writer: IncrementalPdfFileWriter, media_box: tuple[float, float, float, float]) -> None:
    """Add an empty page of the same size at the end of the document (in the revision being written)."""
    from pyhanko.pdf_utils import generic

    contents = writer.add_object(generic.StreamObject(stream_data=b""))
    page = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Page"),
            generic.pdf_name("/MediaBox"): generic.ArrayObject([generic.FloatObject(v) for v in media_box]),
            generic.pdf_name("/Resources"): generic.DictionaryObject(),
            generic.pdf_name("/Contents"): contents,
        }
    )
    writer.insert_page(page)


def sign_pdf(
    in_path: str | Path,
    out_path: str | Path,
    identity: SigningIdentity,
    request: SignatureRequest,
) -> Path:
    """Sign a PDF with a PAdES-B-B signature and a visible signature block.

    The signed file is written under a temporary name and renamed into place, so a
    failure leaves nothing behind (``out_path`` may be ``in_path``).

    Args:
        in_path: the PDF to sign (it may carry earlier signatures; they stay valid).
        out_path: the signed PDF to write.
        identity: the signing key and certificates (see :func:`.identity.load_identity`).
        request: who signs and where the block goes. When the last page has no room left for the
            block and the file carries no signature yet, an empty page is added for the signatures
            (in the signed revision).

    Returns:
        ``out_path`` as a Path.

    Raises:
        SigningError: unreadable or encrypted PDF, a page that does not exist, no room
            for the block, or the file cannot be written; nothing was written.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    if not request.signatory.strip():
        raise SigningError(_("Enter the name of the person signing."))
    try:
        data = in_path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Cannot read {in_path}: {problem}.").format(in_path=in_path, problem=exc.strerror)
        ) from None
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        if writer.prev.encrypted:
            raise SigningError(
                _("{name} is encrypted; sign the file as exported. Nothing was written.").format(name=in_path.name)
            )
        existing = len(writer.prev.embedded_signatures)
        pages = int(writer.root["/Pages"]["/Count"])
    except PdfError as exc:
        raise SigningError(
            _("{name} is not a readable PDF ({problem}). Nothing was written.").format(name=in_path.name, problem=exc)
        ) from None
    page_number = request.page or pages
    if not 1 <= page_number <= pages:
        raise SigningError(
            _("{name} has {pages} page(s); there is no page {page_number}. Nothing was written.").format(
                name=in_path.name, pages=pages, page_number=page_number
            )
        )
    page_index = page_number - 1
    signed_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    block = SignatureBlock(
        request.signatory,
        request.title,
        request.organization,
        signed_at,
        fingerprint(identity.root),
        request.language,
        request.reason,
    )
    appearance, width, height = draw_signature_block(block)
    page = writer.prev.find_page_for_modification(page_index)[0].get_object()
    x1, y1, x2, y2 = (float(v) for v in page["/MediaBox"])
    taken = _widget_boxes(page)
    top = min(_text_bottom(data, page_index), y2 - 60)
    rtl = block.language.startswith("ar")
    box = _place(x2 - x1, top, height, taken, rtl=rtl)
    if box is None and request.page is None and existing == 0:
        # A full last page: the first signature brings a page of its own, in its own (signed) revision.
        # Later signers find room there; a page added after a signature would break it.
        _append_blank_page(writer, (x1, y1, x2, y2))
        page_index, page_number = pages, pages + 1
        box = _place(x2 - x1, y2 - 72, height, [], rtl=rtl)
    if box is None:
        raise SigningError(
            _(
                "There is no room for the signature block on page {page_number} of {name}; choose another "
                "page (the first pages usually have room at the bottom). Nothing was written."
            ).format(page_number=page_number, name=in_path.name)
        )
    field_name = f"Signature{existing + 1}"
    while field_name in {s.field_name for s in writer.prev.embedded_signatures}:
        field_name += "a"
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=request.reason or None,
        name=request.signatory,
        location=request.organization or None,
    )
    style = StaticStampStyle(
        background=_PdfBytesPage(appearance),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
            inner_content_scaling=layout.InnerScaling.STRETCH_FILL,
        ),
    )
    spec = fields.SigFieldSpec(
        sig_field_name=field_name,
        on_page=page_index,
        # pyHanko annotates the box as ints, but a PDF rectangle takes any number (and uses it as given):
        # the block is placed to a hundredth of a point.
        box=cast(tuple[int, int, int, int], (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))),
    )
    pdf_signer = signers.PdfSigner(metadata, signer=_signer(identity), stamp_style=style, new_field_spec=spec)
    try:
        output = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=output)
        atomic_write_bytes(out_path, output.getvalue(), create_folder=False)
    except OSError as exc:
        raise SigningError(
            _("Could not write {out_path}: {problem}. Choose another folder. Nothing was written.").format(
                out_path=out_path, problem=exc.strerror
            )
        ) from None
    except (PdfError, ValueError) as exc:
        raise SigningError(
            _("Could not sign {name}: {problem}. Nothing was written.").format(name=in_path.name, problem=exc)
        ) from None
    log.info("Signed %s as %s (field %s)", out_path.name, request.signatory, field_name)
    return out_path
