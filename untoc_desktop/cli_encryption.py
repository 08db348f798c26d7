"""The ``untoc`` subcommands for encrypted copies: key, team, recovery, send-copy, open-copy.

Registered by :mod:`untoc_desktop.cli`; same conventions (exit 2 with one line on
stderr on errors). Secrets (passphrase, recovery code) are read without echo
from a terminal, or as one line from standard input when it is not one; they
are never printed, logged or stored, except the recovery code, printed once by
``untoc recovery create``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from . import languages
from .errors import EncryptionError
from .i18n import _, ngettext

ENCRYPTION_LANGUAGES = languages.CODES


def add_encryption_commands(commands: Any) -> None:
    """Add the encryption subcommands to the ``untoc`` subparsers.

    Args:
        commands: the object returned by ``ArgumentParser.add_subparsers``.
    """
    key = commands.add_parser("key", help=_("your personal key: create it, show its public half"))
    key_commands = key.add_subparsers(dest="key_command", required=True, parser_class=type(key))
    create = key_commands.add_parser("create", help=_("create your personal key (keyring, else a passphrase file)"))
    create.add_argument(
        "--file", action="store_true", help=_("keep it in a passphrase-protected file even with a keyring")
    )
    show = key_commands.add_parser(
        "show", help=_("print your public key ({prefix}) to give to colleagues").format(prefix="age1…")
    )
    show.add_argument("--qr", type=Path, default=None, help=_("also write it as a QR code (.png or .svg)"))

    team = commands.add_parser("team", help=_("colleagues' public keys (kept in the user data folder)"))
    team_commands = team.add_subparsers(dest="team_command", required=True, parser_class=type(team))
    add = team_commands.add_parser("add", help=_("add a colleague's public key"))
    add.add_argument("name")
    add.add_argument("key", help=_("their public key, {prefix}").format(prefix="age1…"))
    team_commands.add_parser("list", help=_("list the team"))
    remove = team_commands.add_parser("remove", help=_("remove a colleague (by name or key)"))
    remove.add_argument("member")

    recovery = commands.add_parser("recovery", help=_("the organisation's recovery code"))
    recovery_commands = recovery.add_subparsers(dest="recovery_command", required=True, parser_class=type(recovery))
    rc = recovery_commands.add_parser("create", help=_("make the recovery code and write its sheet (PDF)"))
    rc.add_argument("--organization", "--organisation", dest="organisation", required=True)
    rc.add_argument("-o", "--output", type=Path, required=True, help=_("the recovery sheet PDF"))
    rc.add_argument("--language", choices=ENCRYPTION_LANGUAGES, default="en")
    rc.add_argument("--replace", action="store_true", help=_("replace an existing recovery code"))
    recovery_commands.add_parser("show", help=_("print the recovery key's fingerprint"))

    send = commands.add_parser("send-copy", help=_("write an encrypted copy of a draft for colleagues"))
    send.add_argument("file", type=Path)
    send.add_argument(
        "-o", "--output", type=Path, required=True, help=_("the copy, {example}").format(example="FILE.untoc.age")
    )
    send.add_argument(
        "--to",
        action="append",
        required=True,
        metavar="KEY",
        help=_("a colleague's public key ({prefix}) or team name; repeat for several").format(prefix="age1…"),
    )

    opener = commands.add_parser("open-copy", help=_("decrypt an encrypted copy into a new draft"))
    opener.add_argument("file", type=Path)
    opener.add_argument("-o", "--output", type=Path, required=True, help=_("the new draft (never replaced)"))
    how = opener.add_mutually_exclusive_group()
    how.add_argument(
        "--identity",
        type=Path,
        default=None,
        help=_("an age identity file ({prefix})").format(prefix="AGE-SECRET-KEY-1…"),
    )
    how.add_argument("--recovery-code", action="store_true", help=_("type the organisation's recovery code"))
    opener.add_argument(
        "--organization-id",
        "--organisation-id",
        dest="organisation_id",
        default=None,
        help=_("the organisation identity printed on the recovery sheet (when this computer lacks it)"),
    )


def _ask_secret(prompt: str, from_environment: bool = False) -> str:
    """A secret typed without echo, or the first line of standard input when it is not a terminal.

    ``from_environment``: a passphrase may also come from ``UNTOC_PASSPHRASE``, as for ``untoc identity``
    and ``untoc sign`` (scripts); a recovery code never does.
    """
    if from_environment and os.environ.get("UNTOC_PASSPHRASE"):
        return os.environ["UNTOC_PASSPHRASE"]
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except EOFError:  # Ctrl+D at the prompt: the message goes on a line of its own
            if sys.stderr.isatty():
                sys.stderr.write("\n")
            raise EncryptionError(_("Nothing was typed at the prompt; nothing was done.")) from None
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _cmd_key(args: argparse.Namespace) -> int:
    from .encryption.keys import create_personal_key, usable_keyring
    from .encryption.settings import load_settings

    if args.key_command == "create":
        passphrase = None
        if args.file or usable_keyring() is None:
            passphrase = _ask_secret(_("Passphrase for your personal key file: "), from_environment=True)
            if (
                not os.environ.get("UNTOC_PASSPHRASE")
                and sys.stdin.isatty()
                and _ask_secret(_("The same passphrase again: ")) != passphrase
            ):
                raise EncryptionError(_("The two passphrases differ; nothing was created."))
        settings = create_personal_key(passphrase, use_keyring=False if args.file else None)
        if settings.personal_key_storage == "keyring":
            print(_("Created your personal key (kept in the keyring). Your public key, to give to colleagues:"))
        else:
            print(
                _(
                    "Created your personal key (kept in a passphrase-protected file). Your public key, to give "
                    "to colleagues:"
                )
            )
        print(settings.personal_key)
        return 0
    settings = load_settings()
    if not settings.personal_key:
        raise EncryptionError(_("You have no personal key yet; create one with 'untoc key create'."))
    print(settings.personal_key)
    if args.qr is not None:
        from .encryption.qr import write_qr

        print(_("QR code written to {path}.").format(path=write_qr(settings.personal_key, args.qr)), file=sys.stderr)
    return 0


def _cmd_team(args: argparse.Namespace) -> int:
    from .encryption.settings import load_settings, save_settings

    settings = load_settings()
    if args.team_command == "add":
        save_settings(settings.with_member(args.name, args.key))
        print(_("Added {name} to the team.").format(name=args.name))
    elif args.team_command == "remove":
        kept = [m for m in settings.team if args.member not in (m.name, m.key)]
        if len(kept) == len(settings.team):
            raise EncryptionError(_("No team member is called or has the key '{member}'.").format(member=args.member))
        save_settings(settings.without_member(next(m.key for m in settings.team if m not in kept)))
        print(_("Removed {member} from the team.").format(member=args.member))
    else:
        for member in settings.team:  # data: name and key
            print("\t".join((member.name, member.key)))
    return 0


def _cmd_recovery(args: argparse.Namespace) -> int:
    from .encryption.organisation import set_up_recovery
    from .encryption.recovery import grouped
    from .encryption.settings import load_settings

    if args.recovery_command == "show":
        settings = load_settings()
        if not settings.recovery_recipient:
            print(_("No recovery code is set up; make one with {command}.").format(command="'untoc recovery create'"))
            return 0
        # data: name, fingerprint and identity of the organisation
        print(
            "\t".join(
                str(value)
                for value in (settings.organisation_name, settings.recovery_fingerprint, settings.organisation_id)
            )
        )
        return 0
    made = set_up_recovery(args.organisation, args.output, language=args.language, replace_existing=args.replace)
    print(
        _("Recovery sheet written to {path}. Print it and lock it away; this code is shown only once:").format(
            path=made.sheet
        )
    )
    print(grouped(made.code))
    print(_("Fingerprint of the recovery key: {fingerprint}").format(fingerprint=made.fingerprint))
    return 0


def _team_key(settings: Any, wanted: str) -> str:
    for member in settings.team:
        if wanted.strip() in (member.name, member.key):
            return member.key
    return wanted


def _cmd_send_copy(args: argparse.Namespace) -> int:
    from .encryption.copies import COPY_SUFFIX, draft_bytes, encrypt_copy
    from .encryption.organisation import recipients_for
    from .encryption.settings import load_settings

    if not args.output.name.lower().endswith(COPY_SUFFIX):
        raise EncryptionError(
            _(
                "{name}: an encrypted copy's name ends with {copy_suffix}, so that it is "
                "never taken for a draft; nothing was written."
            ).format(name=args.output.name, copy_suffix=COPY_SUFFIX)
        )
    settings = load_settings()
    recipients = recipients_for(settings, [_team_key(settings, key) for key in args.to], require_recovery=False)
    if not settings.recovery_recipient:
        print(
            "untoc: "
            + _(
                "warning: no recovery code is set up, so this copy opens only with the keys given; if "
                "they are lost, so is the copy. Set one up with {command}."
            ).format(command="'untoc recovery create'"),
            file=sys.stderr,
        )
    out = encrypt_copy(draft_bytes(args.file), recipients, args.output)
    print(
        ngettext(
            "Wrote {path}, encrypted for {count} key.", "Wrote {path}, encrypted for {count} keys.", len(recipients)
        ).format(path=out, count=len(recipients))
    )
    return 0


def _identities(args: argparse.Namespace) -> list[str]:
    from .encryption.keys import load_personal_identity
    from .encryption.organisation import recovery_identity
    from .encryption.settings import load_settings

    if args.identity is not None:
        try:
            lines = args.identity.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise EncryptionError(
                _("The identity file {identity} cannot be read ({problem}).").format(
                    identity=args.identity, problem=exc
                )
            ) from None
        keys = [line.strip() for line in lines if line.strip().upper().startswith("AGE-SECRET-KEY-")]
        if not keys:
            raise EncryptionError(
                _("{identity} holds no age secret key (a line AGE-SECRET-KEY-1…).").format(identity=args.identity)
            )
        return keys
    settings = load_settings()
    if args.recovery_code:
        return [recovery_identity(_ask_secret(_("Recovery code: ")), settings, args.organisation_id)]
    return [load_personal_identity(lambda: _ask_secret(_("Passphrase of your personal key: "), from_environment=True))]


def _cmd_open_copy(args: argparse.Namespace) -> int:
    from .encryption.organisation import open_copy_to_draft

    out = open_copy_to_draft(args.file, args.output, _identities(args))
    print(_("Decrypted {file} into {path}.").format(file=args.file.name, path=out))
    return 0


ENCRYPTION_COMMANDS = {
    "key": _cmd_key,
    "team": _cmd_team,
    "recovery": _cmd_recovery,
    "send-copy": _cmd_send_copy,
    "open-copy": _cmd_open_copy,
}
