"""The ``untoc`` subcommands for signed submissions: identity, sign, verify, sent.

Registered by :mod:`untoc_desktop.cli`; same conventions (errors are one line on stderr,
exit 2). ``verify`` exits 0 when every signature is intact, from the expected root and
not followed by changes, 1 otherwise, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import languages
from .cli_read_only import not_recorded_message
from .errors import SigningError, UntocError
from .i18n import _, interface_language, ngettext

if TYPE_CHECKING:
    from .workspace import Workspace

PASSPHRASE_VARIABLE = "UNTOC_PASSPHRASE"


def _add_passphrase(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help=_("file holding the passphrase (first line); default: {variable}, else asked").format(
            variable=f"${PASSPHRASE_VARIABLE}"
        ),
    )


def add_signing_commands(commands: Any) -> None:
    """Add the identity, sign, verify and sent subcommands to the ``untoc`` subparsers.

    Args:
        commands: the object returned by ``ArgumentParser.add_subparsers``.
    """
    identity = commands.add_parser("identity", help=_("signing identities (organisation root + personal certificate)"))
    actions = identity.add_subparsers(dest="action", required=True, parser_class=type(identity))
    create = actions.add_parser("create", help=_("create a signing identity (.p12) and export its root certificate"))
    create.add_argument("--name", required=True, help=_("the signatory's name"))
    create.add_argument("--organization", required=True)
    create.add_argument("--email", default="")
    create.add_argument("--country", default="", help=_("two-letter ISO code"))
    create.add_argument("-o", "--output", type=Path, required=True, help=_("the new .p12 file"))
    create.add_argument(
        "--issuer",
        type=Path,
        default=None,
        help=_("a colleague's {file}: issue from the same root (same passphrase)").format(
            file="…-organisation-root.p12"
        ),
    )
    _add_passphrase(create)
    trust = actions.add_parser(
        "trust", help=_("trust a root certificate (.pem/.cer) for {command}").format(command="'untoc verify'")
    )
    trust.add_argument("certificate", type=Path)
    trust.add_argument("--fingerprint", required=True, help=_("the SHA-256 fingerprint the organisation published"))

    sign = commands.add_parser("sign", help=_("sign a PDF (visible PAdES signature) or a .docx (detached .p7s)"))
    sign.add_argument("file", type=Path)
    sign.add_argument("--identity", type=Path, required=True, help=_("PKCS#12 file (.p12/.pfx)"))
    sign.add_argument("--signatory", required=True)
    sign.add_argument("--title", default="")
    sign.add_argument("--organization", default="", help=_("default: the certificate's organisation"))
    sign.add_argument("--reason", default="")
    sign.add_argument("--page", type=int, default=None, help=_("page of the signature block (default: the last)"))
    sign.add_argument(
        "--language",
        choices=languages.CODES,
        default=None,
        help=_("language of the signature block (default: the draft's, else English)"),
    )
    sign.add_argument("--draft", type=Path, default=None, help=_("record the signed file in this draft's register"))
    sign.add_argument(
        "--recipient", default="", help=_("with {option}: to whom the signed file is sent").format(option="--draft")
    )
    sign.add_argument(
        "--channel", default="", help=_("with {option}: how it is sent (e-mail, post…)").format(option="--draft")
    )
    sign.add_argument(
        "--fingerprint", default=None, help=_("refuse to sign unless the identity's root has this SHA-256 fingerprint")
    )
    sign.add_argument("-o", "--output", type=Path, default=None, help=_("the signed PDF (required for a PDF)"))
    _add_passphrase(sign)

    verify = commands.add_parser("verify", help=_("verify a signed PDF, or a .docx with its .p7s beside it"))
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--fingerprint",
        action="append",
        default=[],
        help=_("SHA-256 fingerprint of the expected root (repeatable; default: roots trusted earlier)"),
    )

    sent = commands.add_parser("sent", help=_("the register of what was sent; export a recorded submission again"))
    sent.add_argument("file", type=Path)
    sent.add_argument("--export", type=int, default=None, metavar="N", help=_("export entry {n} again").format(n="N"))
    sent.add_argument("-o", "--output", type=Path, default=None)
    sent.add_argument("--format", choices=("text", "json"), default="text")


def read_passphrase(passphrase_file: Path | None, prompt: str | None = None, confirm: bool = False) -> str:
    """The passphrase from a file, the environment, or the terminal.

    ``prompt`` is what the terminal shows (default: "Passphrase: " in the interface language).
    ``confirm``: a new passphrase typed at the terminal is asked twice (a typo would lock the new key away).

    Raises:
        SigningError: none given and no terminal to ask on, an unreadable file, the end of input
            (Ctrl+D) at the prompt, or two different passphrases.
    """
    if passphrase_file is not None:
        try:
            return passphrase_file.read_text(encoding="utf-8").splitlines()[0] if passphrase_file.stat().st_size else ""
        except OSError as exc:
            raise SigningError(
                _("Cannot read the passphrase file {passphrase_file}: {problem}.").format(
                    passphrase_file=passphrase_file, problem=exc.strerror
                )
            ) from None
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    if sys.stdin.isatty():
        try:
            typed = getpass.getpass(_("Passphrase: ") if prompt is None else prompt)
            if confirm and getpass.getpass(_("The same passphrase again: ")) != typed:
                raise SigningError(_("The two passphrases differ; nothing was created."))
        except EOFError:  # Ctrl+D at the prompt: the message goes on a line of its own
            if sys.stderr.isatty():
                sys.stderr.write("\n")
            raise SigningError(_("Nothing was typed at the prompt; nothing was done.")) from None
        return typed
    raise SigningError(
        _("Give the passphrase with --passphrase-file FILE or the {passphrase_variable} environment variable.").format(
            passphrase_variable=PASSPHRASE_VARIABLE
        )
    )


def _cmd_identity(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .signing.identity import create_identity
    from .signing.trust import trust_root

    if args.action == "trust":
        found = trust_root(args.certificate, args.fingerprint)
        print(
            _("Trusted the root certificate {name} (SHA-256 {fingerprint}).").format(
                name=args.certificate.name, fingerprint=found
            )
        )
        return 0
    from .signing.identity import load_organisation_root

    # A new passphrase is typed twice; with --issuer, opening the organisation's root key checks it.
    prompt = (
        _("Passphrase of {root} (the new identity gets the same one): ").format(root=args.issuer.name)
        if args.issuer is not None
        else None
    )
    passphrase = read_passphrase(args.passphrase_file, prompt, confirm=args.issuer is None)
    issuer = load_organisation_root(args.issuer, passphrase) if args.issuer is not None else None
    created = create_identity(
        args.output, args.name, args.organization, passphrase, email=args.email, country=args.country, issuer=issuer
    )
    trust_root(created.root_pem)
    print(_("Created the signing identity {path} (keep it and its passphrase safe).").format(path=created.p12_path))
    print(_("Root certificate to publish: {pem} and {cer}").format(pem=created.root_pem, cer=created.root_cer))
    print(_("Root certificate SHA-256 fingerprint: {fingerprint}").format(fingerprint=created.root_fingerprint))
    if created.root_p12 is not None:
        print(
            _("Organisation root key (to issue colleagues' identities with {option}): {path}").format(
                option="--issuer", path=created.root_p12
            )
        )
    return 0


def _organization_of(identity: Any) -> str:
    from cryptography.x509.oid import NameOID

    names = identity.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(names[0].value) if names else ""


def _cmd_sign(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .signing.identity import load_identity
    from .signing.pdf_sign import SignatureRequest, sign_pdf
    from .submissions import sha256_file

    is_pdf = args.file.suffix.lower() == ".pdf"
    if is_pdf and args.output is None:
        raise UntocError(_("Give the signed file's name with -o OUT.pdf."))
    if not args.file.is_file():
        raise SigningError(_("{file} does not exist. Nothing was signed.").format(file=args.file))
    identity = load_identity(args.identity, read_passphrase(args.passphrase_file))
    if args.fingerprint:
        from .signing.identity import fingerprint, normalize_fingerprint

        if fingerprint(identity.root) != normalize_fingerprint(args.fingerprint):
            raise SigningError(
                _(
                    "The certificate in {name} does not come from the expected root: its root's "
                    "fingerprint is {fingerprint}. Use the organisation's signing identity. Nothing was "
                    "signed."
                ).format(name=args.identity.name, fingerprint=fingerprint(identity.root))
            )
    workspace = open_workspace(args.draft) if args.draft is not None else None
    try:
        language = args.language or (workspace.info.language if workspace is not None else "en")
        source_sha256 = sha256_file(args.file)
        if is_pdf:
            request = SignatureRequest(
                args.signatory,
                args.title,
                args.organization or _organization_of(identity),
                args.reason,
                language,
                args.page,
            )
            written = sign_pdf(args.file, args.output, identity, request)
        else:
            import shutil

            from .files import atomic_replace
            from .signing.detached import sign_detached

            document = Path(args.file)
            if args.output is not None and Path(args.output).resolve() != document.resolve():
                if Path(args.output).suffix.lower() != document.suffix.lower():
                    raise SigningError(
                        _("{name} must end with {suffix}; nothing was written.").format(
                            name=Path(args.output).name, suffix=document.suffix
                        )
                    )
                # -o: the signed copy and its .p7s go there; the original stays as it was
                atomic_replace(Path(args.output), lambda temporary: shutil.copyfile(document, temporary))
                document = Path(args.output)
            written = sign_detached(document, identity)
        print(_("Signed: wrote {path}.").format(path=written))
        if workspace is not None:
            target = args.output if is_pdf else document
            if workspace.read_only:
                print("untoc: " + not_recorded_message(Path(target), args.draft), file=sys.stderr)
            else:
                entry, _changes = workspace.record_signature(
                    target, source_sha256, args.signatory, recipient=args.recipient, channel=args.channel
                )
                if entry is None:
                    print(
                        "untoc: "
                        + _(
                            "{file} is not in the register of {draft} (export it with {command} first); the "
                            "signature was not recorded."
                        ).format(file=args.file.name, draft=args.draft.name, command="'untoc export'"),
                        file=sys.stderr,
                    )
                else:
                    print(
                        _("Recorded in the register of {draft} as entry {number}.").format(
                            draft=args.draft.name, number=entry.number
                        )
                    )
    finally:
        if workspace is not None:
            workspace.close()
    return 0


def _cmd_verify(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    import logging

    from .signing.verify import verify_detached, verify_pdf

    # pyHanko logs each chain it cannot build with a traceback; the verdict below says it in one line.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    if args.file.suffix.lower() == ".pdf":
        report = verify_pdf(args.file, args.fingerprint)
    else:
        report = verify_detached(args.file, args.fingerprint)
    for number, check in enumerate(report.signatures, start=1):
        print(_("Signature {number}: {verdict}").format(number=number, verdict=check.describe()))
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(
            _("{file}: every signature is intact, from the expected root, and nothing changed since.").format(
                file=args.file.name
            )
        )
        return 0
    print(_("{file}: NOT verified.").format(file=args.file.name))
    return 1


def _cmd_sent(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .submissions import changes_since, export_from_snapshot, sha256_file

    with open_workspace(args.file) as workspace:
        if args.export is not None:
            entry = workspace.sent_entry(args.export)
            if entry.kind != "submission":
                raise UntocError(
                    _("Entry {export} is a letter; write it again with 'untoc letter-again'.").format(
                        export=args.export
                    )
                )
            if args.output is None:
                raise UntocError(_("Give the file to write with -o FILE."))
            out = export_from_snapshot(entry.snapshot, args.output)
            digest = sha256_file(out)
            expected = entry.snapshot.get("export_sha256", entry.sha256)
            verdicts = {  # (same file, signed) -> the whole sentence, for translators
                (True, False): _("Wrote {path} (SHA-256 {sha256}): identical to the recorded export."),
                (False, False): _("Wrote {path} (SHA-256 {sha256}): DIFFERENT from the recorded export."),
                (True, True): _("Wrote {path} (SHA-256 {sha256}): identical to the recorded export before signing."),
                (False, True): _("Wrote {path} (SHA-256 {sha256}): DIFFERENT from the recorded export before signing."),
            }
            print(verdicts[digest == expected, bool(entry.signatories)].format(path=out, sha256=digest))
            if entry.signatories:
                print(
                    _(
                        "The signatures are not part of the snapshot (the signed file sent had SHA-256 {sha256}): "
                        "sign the file again, or keep the signed file."
                    ).format(sha256=entry.sha256)
                )
            return 0 if digest == expected else 1
        entries, answers, info = workspace.sent_entries(), workspace.answers(), workspace.info
        rows = [
            {
                "number": e.number,
                "kind": e.kind,
                "recorded_at": e.recorded_at.isoformat() if e.recorded_at else "",
                "file": e.file_name,
                "format": e.format,
                "sha256": e.sha256,
                "signatories": list(e.signatories),
                "recipient": e.recipient,
                "channel": e.channel,
                "changed_since": changes_since(e, answers, info) if e.kind == "submission" else [],
                "sent_on": str(e.snapshot.get("sent_on") or "") if e.kind == "letter" else "",
            }
            for e in entries
        ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("Nothing recorded yet: exported, signed and sent submissions and letters appear here."))
    for row in rows:
        print("\t".join(_register_columns(row)))
    return 0


def _register_columns(row: dict[str, Any]) -> list[str]:
    """The columns of one line of ``untoc sent``: number, time, kind, file and format as data, the rest in words."""
    from babel.lists import format_list

    names = format_list(row["signatories"], locale=interface_language()) if row["signatories"] else ""
    if row["kind"] == "letter":
        # A letter's signatory is the name printed under it: the file itself carries no digital signature.
        signed = (
            _("no digital signature (signatory named in the letter: {signatories})").format(signatories=names)
            if names
            else _("no digital signature")
        )
    else:
        signed = _("signed by {signatories}").format(signatories=names) if names else _("unsigned")
    if row["sent_on"]:  # a letter: the day it went out, which may be before it was recorded
        sent = (
            _("to {recipient} by {channel}, sent on {date}") if row["recipient"] else _("by {channel}, sent on {date}")
        ).format(recipient=row["recipient"], channel=row["channel"], date=row["sent_on"])
    elif row["recipient"] and row["channel"]:
        sent = _("to {recipient} by {channel}").format(recipient=row["recipient"], channel=row["channel"])
    elif row["recipient"]:
        sent = _("to {recipient}").format(recipient=row["recipient"])
    else:
        sent = _("by {channel}").format(channel=row["channel"]) if row["channel"] else ""
    count = len(row["changed_since"])
    # English keeps this listing's earlier "1 answer(s) changed since" for one answer (tests/signing/test_register.py
    # reads it); translations give the language's real singular and plural forms.
    if row["kind"] != "submission":
        changed = ""  # only a submission keeps the answers to compare with
    elif count:
        changed = ngettext("{count} answer(s) changed since", "{count} answers changed since", count).format(
            count=count
        )
    else:
        changed = _("no change since")
    return [
        str(row["number"]),
        row["recorded_at"][:16],
        row["kind"],
        row["file"],
        row["format"],
        signed,
        sent,
        _("SHA-256 {sha256}").format(sha256=row["sha256"]),
        changed,
    ]


#: Subcommand name -> function(args, open_workspace) -> exit status (``open_workspace(path)`` -> Workspace).
SIGNING_COMMANDS = {
    "identity": _cmd_identity,
    "sign": _cmd_sign,
    "verify": _cmd_verify,
    "sent": _cmd_sent,
}
