"""The ``untoc`` subcommands for letters to focal points: letter, letters, letter-sent, recipient, sender.

Registered by :mod:`untoc_desktop.cli`; same conventions (exit 2 with one line on stderr on errors).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import languages
from .errors import UntocError
from .i18n import _

if TYPE_CHECKING:
    from .workspace import Workspace

LETTER_LANGUAGES = languages.CODES
_KINDS = ("engagement", "transmission", "follow-up")
_FORMS = ("neutral", "ms", "mr", "excellency")


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("dates are written {pattern}, not '{text}'").format(pattern="YYYY-MM-DD", text=text)
        ) from None


def add_letter_commands(commands: Any) -> None:
    """Add the letter subcommands to the ``untoc`` subparsers.

    Args:
        commands: the object returned by ``ArgumentParser.add_subparsers``.
    """
    letter = commands.add_parser("letter", help=_("write a letter to a focal point and record it in the letter log"))
    letter.add_argument("file", type=Path)
    letter.add_argument("--kind", choices=_KINDS, required=True)
    letter.add_argument("--language", choices=LETTER_LANGUAGES, required=True)
    letter.add_argument(
        "--recipient",
        default="",
        help=_("recipient id (see {command}); default: the first focal point").format(command="'untoc recipient list'"),
    )
    letter.add_argument("--template", type=Path, default=None, help=_("your own .docx template with the same fields"))
    letter.add_argument("--format", choices=("docx", "pdf"), required=True)
    letter.add_argument("-o", "--output", type=Path, required=True)
    letter.add_argument(
        "--attachment", type=Path, default=None, help=_("{kind}: the exported submission").format(kind="transmission")
    )
    letter.add_argument(
        "--recalls", default="", help=_("{kind}: reference of the earlier letter").format(kind="follow-up")
    )
    letter.add_argument(
        "--form-of-address",
        choices=_FORMS,
        default="",
        help=_("default: the one stored with the recipient in the address book"),
    )
    letter.add_argument(
        "--salutation",
        default="",
        help=_("your own salutation, e.g. {example}").format(example="'Madame la Directrice,'"),
    )
    letter.add_argument("--signatory", default="", help=_("who signs (default: the sender's signatory)"))
    letter.add_argument("--signatory-title", default="")
    letter.add_argument(
        "--date",
        type=_date,
        default=None,
        help=_("date on the letter, {pattern} (default: today)").format(pattern="YYYY-MM-DD"),
    )

    log = commands.add_parser("letters", help=_("list the draft's letter log"))
    log.add_argument("file", type=Path)
    log.add_argument("--format", choices=("text", "json"), default="text")

    again = commands.add_parser("letter-again", help=_("write a logged letter again (same reference and contents)"))
    again.add_argument("file", type=Path)
    again.add_argument("reference")
    again.add_argument("--format", choices=("docx", "pdf"), required=True)
    again.add_argument("-o", "--output", type=Path, required=True)
    again.add_argument("--template", type=Path, default=None)

    sent = commands.add_parser("letter-sent", help=_("record that a letter was sent"))
    sent.add_argument("file", type=Path)
    sent.add_argument("reference")
    sent.add_argument(
        "--on",
        type=_date,
        default=None,
        help=_("day it was sent, {pattern} (default: today)").format(pattern="YYYY-MM-DD"),
    )
    sent.add_argument("--channel", required=True, help=_("e-mail, post, hand delivery…"))

    recipient = commands.add_parser("recipient", help=_("the draft's address book"))
    actions = recipient.add_subparsers(dest="action", required=True, parser_class=type(recipient))
    add = actions.add_parser("add", help=_("add a recipient"))
    add.add_argument("file", type=Path)
    add.add_argument("--name", required=True)
    add.add_argument("--title", default="")
    add.add_argument("--agency", default="")
    add.add_argument(
        "--address",
        default="",
        help=_("postal address; {escape} or real line breaks separate lines").format(escape="'\\n'"),
    )
    add.add_argument("--email", default="")
    add.add_argument("--focal-point", action="store_true")
    add.add_argument("--form-of-address", choices=_FORMS, default="neutral", help=_("how letters greet this recipient"))
    listing = actions.add_parser("list", help=_("list the recipients with their ids"))
    listing.add_argument("file", type=Path)
    listing.add_argument("--format", choices=("text", "json"), default="text")

    sender = commands.add_parser("sender", help=_("set the sender's details used in letters"))
    sender.add_argument("file", type=Path)
    sender.add_argument("--address", default=None)
    sender.add_argument("--email", default=None)
    sender.add_argument("--signatory", default=None)
    sender.add_argument("--signatory-title", default=None)
    sender.add_argument(
        "--reference-scheme", default=None, help=_("e.g. {example}").format(example="'CJR/{year}/{number:03d}'")
    )


def _lines(text: str) -> str:
    return text.replace("\\n", "\n")


def _cmd_letter(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .letters import LetterOptions

    options = LetterOptions(
        kind=args.kind,
        language=args.language,
        recipient_uuid=args.recipient,
        form_of_address=args.form_of_address,
        salutation=args.salutation,
        signatory=args.signatory,
        signatory_title=args.signatory_title,
        attachment=args.attachment,
        recalls=args.recalls,
        letter_date=args.date,
    )
    with open_workspace(args.file) as workspace:
        (letter, _entry), _changes = workspace.create_letter(options, args.output, args.format, args.template)
    print(_("Wrote {path} (letter {reference}).").format(path=args.output, reference=letter.reference))
    return 0


def _cmd_letters(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    with open_workspace(args.file) as workspace:
        names = {r.recipient_uuid: r.name for r in workspace.recipients()}
        rows = [
            {
                "reference": e.reference,
                "kind": e.kind,
                "language": e.language,
                "recipient": names.get(e.recipient_uuid, ""),
                "created": e.created_at.isoformat() if e.created_at else "",
                "sent_on": e.sent_on,
                "channel": e.sent_channel,
            }
            for e in workspace.letters()
        ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:  # reference, kind, language and dates stay as they are (data)
        sent = (
            _("sent {date} by {channel}").format(date=row["sent_on"], channel=row["channel"])
            if row["sent_on"]
            else _("not sent")
        )
        columns = (row["reference"], row["kind"], row["language"], row["recipient"], row["created"][:10], sent)
        print("\t".join(columns))
    return 0


def _cmd_letter_again(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .letters import regenerate_letter

    with open_workspace(args.file) as workspace:
        entry = workspace.find_letter(args.reference)
    regenerate_letter(entry, args.output, args.format, args.template)
    print(_("Wrote {path} (letter {reference}).").format(path=args.output, reference=entry.reference))
    return 0


def _cmd_letter_sent(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    with open_workspace(args.file) as workspace:
        entry, _changes = workspace.mark_letter_sent(args.reference, args.on or _dt.date.today(), args.channel)
    print(
        _("Letter {reference} marked as sent on {date} ({channel}).").format(
            reference=entry.reference, date=entry.sent_on, channel=entry.sent_channel
        )
    )
    return 0


def _cmd_recipient(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .draft.records import Recipient

    with open_workspace(args.file) as workspace:
        if args.action == "add":
            if not args.name.strip():
                raise UntocError(_("A recipient needs a name."))
            saved, _changes = workspace.save_recipient(
                Recipient(
                    args.name,
                    args.title,
                    args.agency,
                    _lines(args.address),
                    args.email,
                    args.focal_point,
                    form_of_address=args.form_of_address,
                )
            )
            print(saved.recipient_uuid)
            return 0
        book = workspace.recipients()
    if args.format == "json":
        print(json.dumps([r.__dict__ for r in book], ensure_ascii=False, indent=2))
        return 0
    for r in book:  # the id first, as 'untoc letter --recipient' takes it
        columns = [r.recipient_uuid, r.name, r.title, r.agency] + ([_("focal point")] if r.is_focal_point else [])
        print("\t".join(columns))
    return 0


def _cmd_sender(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from dataclasses import replace

    with open_workspace(args.file) as workspace:
        changes = {
            name: (_lines(value) if name == "address" else value)
            for name in ("address", "email", "signatory", "signatory_title", "reference_scheme")
            if (value := getattr(args, name)) is not None
        }
        sender = replace(workspace.sender(), **changes)
        workspace.save_sender(sender)
    print(_("Sender details saved; next references follow {scheme}.").format(scheme=sender.reference_scheme))
    return 0


#: Subcommand name -> function(args, open_workspace) -> exit status (``open_workspace(path)`` -> Workspace).
LETTER_COMMANDS = {
    "letter": _cmd_letter,
    "letters": _cmd_letters,
    "letter-again": _cmd_letter_again,
    "letter-sent": _cmd_letter_sent,
    "recipient": _cmd_recipient,
    "sender": _cmd_sender,
}
