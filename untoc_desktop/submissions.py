"""Submissions that leave the office: export, sign, record in the register, export again identically.

Every exported or signed submission is recorded in the draft's register
(:mod:`untoc_desktop.draft.register`) with a frozen snapshot: the answers, the draft's
description, the definition's id and version, the document language and the export
options, with the issue time. Exports are reproducible (see
:mod:`untoc_desktop.documents.reproducible`), so exporting the snapshot again gives the
same bytes, which the recorded SHA-256 proves.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import files
from .draft import DraftInfo
from .draft.draft_file import Draft
from .draft.register import SentEntry, record_sent, sent_entries
from .errors import UntocError
from .i18n import _
from .questionnaire.model import Definition

#: Version of the snapshot layout stored in the register.
SNAPSHOT_VERSION = 1


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file as 64 lowercase hexadecimal digits.

    Raises:
        UntocError: the file cannot be read.
    """
    try:
        return files.sha256_file(path)
    except OSError as exc:
        raise UntocError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror)) from None


def _info_json(info: DraftInfo) -> dict[str, Any]:
    return {
        "organization": info.organization,
        "country": info.country,
        "country_code": info.country_code,
        "cluster": info.cluster,
        "protocols": sorted(info.protocols),
        "language": info.language,
        "author": info.author,
        "definition_id": info.definition_id,
        "definition_version": info.definition_version,
        "draft_uuid": info.draft_uuid,
        "created_at": info.created_at.isoformat() if info.created_at else None,
    }


def _info_from_json(data: Mapping[str, Any]) -> DraftInfo:
    created = data.get("created_at")
    return DraftInfo(
        organization=data["organization"],
        country=data["country"],
        country_code=data.get("country_code", ""),
        cluster=int(data["cluster"]),
        protocols=frozenset(data.get("protocols", ())),
        language=data.get("language", "en"),
        author=data.get("author", ""),
        definition_id=data.get("definition_id", ""),
        definition_version=data.get("definition_version", ""),
        draft_uuid=data.get("draft_uuid", ""),
        created_at=_dt.datetime.fromisoformat(created) if created else None,
    )


def make_snapshot(
    info: DraftInfo,
    answers: Mapping[str, Any],
    definition: Definition,
    *,
    fmt: str,
    language: str,
    issued_at: _dt.datetime,
    archived: Mapping[str, Any] | None = None,
    open_conflicts: Sequence[str] = (),
) -> dict[str, Any]:
    """The frozen snapshot of an export: everything needed to write it again byte for byte.

    Args:
        info: the draft's description.
        answers: question id -> value, as exported.
        definition: the questionnaire used (its id and version are recorded).
        fmt: ``"pdf"`` or ``"docx"``.
        language: the document language.
        issued_at: the issue time (aware; printed as the document's date).
        archived: answers to questions no longer asked, when exported.
        open_conflicts: question ids with a merge conflict still open (the export says it is a draft).
    """
    return {
        "snapshot_version": SNAPSHOT_VERSION,
        "draft": _info_json(info),
        "answers": dict(answers),
        "definition": {"id": definition.id, "version": definition.version},
        "document_language": language,
        "export": {
            "format": fmt,
            "issued_at": issued_at.isoformat(),
            "archived": dict(archived) if archived else None,
            "open_conflicts": sorted(open_conflicts),
        },
    }


def export_from_snapshot(
    snapshot: Mapping[str, Any],
    out_path: str | Path,
    *,
    registry: Any = None,
    progress: Any = None,
    is_cancelled: Any = None,
) -> Path:
    """Export a recorded snapshot again.

    Args:
        snapshot: as :func:`make_snapshot` made it.
        out_path: the file to write.
        registry: a :class:`~untoc_desktop.questionnaire.registry.DefinitionRegistry` (default: this computer's).
        progress: called as ``progress(done, total)`` (see :func:`~untoc_desktop.documents.export_submission`).
        is_cancelled: polled during rendering; True stops the export.

    Raises:
        UntocError: the recorded definition version is not available any more, or the export failed.
    """
    from .documents import export_submission
    from .questionnaire.registry import DefinitionRegistry

    registry = registry or DefinitionRegistry()
    wanted = snapshot["definition"]
    definition = next(
        (
            a.definition
            for a in registry.available()
            if a.definition.id == wanted["id"] and a.definition.version == wanted["version"]
        ),
        None,
    )
    if definition is None:
        raise UntocError(
            _(
                "The submission was exported with the questionnaire {id} version {version}, which is "
                "not on this computer any more; import that version (File > Import questionnaire "
                "definition) to export it again."
            ).format(id=wanted["id"], version=wanted["version"])
        )
    export = snapshot["export"]
    return export_submission(
        definition,
        _info_from_json(snapshot["draft"]),
        snapshot["answers"],
        out_path,
        fmt=export["format"],
        language=snapshot["document_language"],
        archived=export.get("archived") or None,
        issued_at=_dt.datetime.fromisoformat(export["issued_at"]),
        progress=progress,
        is_cancelled=is_cancelled,
        open_conflicts=tuple(export.get("open_conflicts") or ()),
    )


def export_and_record(
    draft: Draft,
    definition: Definition,
    out_path: str | Path,
    fmt: str,
    *,
    language: str | None = None,
    issued_at: _dt.datetime | None = None,
    archived: Mapping[str, Any] | None = None,
    identity: Any = None,
    request: Any = None,
    recipient: str = "",
    channel: str = "",
    progress: Any = None,
    is_cancelled: Any = None,
    answers: Mapping[str, Any] | None = None,
    open_conflicts: Sequence[str] | None = None,
) -> SentEntry:
    """Export the draft's submission, sign it when an identity is given, and record it in the register.

    A PDF gets a PAdES signature with a visible block; a Word file gets a detached
    ``NAME.docx.p7s`` beside it. When signing fails, the exported file is removed and
    nothing is recorded.

    Args:
        draft: the open (writable) draft.
        definition: its questionnaire.
        out_path: the file to write.
        fmt: ``"pdf"`` or ``"docx"``.
        language: document language (default: the draft's).
        issued_at: the issue time (default: now, to the second).
        archived: answers to questions no longer asked, to export in their own section.
        identity: a :class:`~untoc_desktop.signing.identity.SigningIdentity`, or None for no signature.
        request: the :class:`~untoc_desktop.signing.pdf_sign.SignatureRequest` (required with ``identity``).
        recipient: to whom it is sent, when known.
        channel: how it is sent (e-mail, post...), when known.
        progress: called as ``progress(done, total)`` during the export.
        is_cancelled: polled during the export; True stops it (nothing written, nothing recorded).
        answers: question id -> value to export (a workspace snapshot's answers); read from the
            draft when not given.
        open_conflicts: question ids with a merge conflict still open (a workspace snapshot's);
            read from the draft when not given.

    Returns:
        The register entry.

    Raises:
        ExportError, SigningError, DraftFileError: nothing was recorded (and no file is left on a signing error).
    """
    info = draft.info
    answers = dict(answers) if answers is not None else draft.answers()
    language = language or info.language or "en"
    issued_at = issued_at or _dt.datetime.now().astimezone().replace(microsecond=0)
    from .sharing.conflicts import open_conflict_ids

    conflicts = sorted(open_conflicts if open_conflicts is not None else open_conflict_ids(draft))
    snapshot = make_snapshot(
        info,
        answers,
        definition,
        fmt=fmt,
        language=language,
        issued_at=issued_at,
        archived=archived,
        open_conflicts=conflicts,
    )
    from .documents import export_submission

    out_path = export_submission(
        definition,
        info,
        answers,
        out_path,
        fmt=fmt,
        language=language,
        archived=archived,
        issued_at=issued_at,
        progress=progress,
        is_cancelled=is_cancelled,
        open_conflicts=conflicts,
    )
    snapshot["export_sha256"] = sha256_file(out_path)
    signatories: tuple[str, ...] = ()
    if identity is not None:
        try:
            if fmt == "pdf":
                from .signing.pdf_sign import sign_pdf

                sign_pdf(out_path, out_path, identity, replace(request, language=language))
            else:
                from .signing.detached import sign_detached

                snapshot["signature_file"] = sign_detached(out_path, identity).name
        except Exception:
            Path(out_path).unlink(missing_ok=True)
            raise
        signatories = (request.signatory,)
    entry = SentEntry(
        kind="submission",
        file_name=Path(out_path).name,
        format=fmt,
        sha256=sha256_file(out_path),
        signatories=signatories,
        recipient=recipient,
        channel=channel,
        snapshot=snapshot,
    )
    return record_sent(draft, entry)


def record_signature(
    draft: Draft, signed_path: str | Path, source_sha256: str, signatory: str, *, recipient: str = "", channel: str = ""
) -> SentEntry | None:
    """Record a file signed outside an export (``untoc sign``) against the register entry it came from.

    The entry whose file (or exported rendering) had ``source_sha256`` gives the snapshot;
    its signatories are carried over and ``signatory`` added; ``recipient`` and ``channel``,
    when given, replace the entry's.

    Returns:
        The new entry, or None when no entry of the register matches (nothing recorded).
    """
    for entry in reversed(sent_entries(draft)):
        if source_sha256 in (entry.sha256, entry.snapshot.get("export_sha256")) and entry.kind == "submission":
            signed = SentEntry(
                kind="submission",
                file_name=Path(signed_path).name,
                format=entry.format,
                sha256=sha256_file(signed_path),
                signatories=(*entry.signatories, signatory),
                recipient=recipient or entry.recipient,
                channel=channel or entry.channel,
                snapshot=entry.snapshot,
            )
            return record_sent(draft, signed)
    return None


def changes_since(entry: SentEntry, answers: Mapping[str, Any], info: DraftInfo | None = None) -> list[str]:
    """What changed in the draft since a submission was recorded.

    Args:
        entry: a register entry of kind ``submission``.
        answers: the draft's current answers.
        info: the draft's current description (organisation, country, Protocols...), to compare too.

    Returns:
        Question ids whose answer was added, changed or removed, sorted; followed by
        ``draft:<field>`` for each changed descriptive field.
    """
    then = entry.snapshot.get("answers", {})
    changed = sorted(q for q in set(then) | set(answers) if then.get(q) != answers.get(q))
    if info is not None and "draft" in entry.snapshot:
        now, old = _info_json(info), entry.snapshot["draft"]
        changed += [
            f"draft:{name}"
            for name in ("organization", "country", "cluster", "protocols", "definition_version")
            if old.get(name) != now.get(name)
        ]
    return changed
