"""The ``untoc`` command: the core's main operations without a screen.

Exit status: 0 success (``validate``: complete), 1 ``validate`` found missing
answers, 2 bad usage or a file that cannot be used; errors are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__, languages
from .cli_encryption import ENCRYPTION_COMMANDS, add_encryption_commands
from .cli_letters import LETTER_COMMANDS, add_letter_commands
from .cli_read_only import not_recorded_message, read_only_message
from .cli_sharing import SHARING_COMMANDS, add_sharing_commands
from .cli_signing import SIGNING_COMMANDS, add_signing_commands
from .errors import DraftReadOnlyError, UntocError
from .i18n import _, environment_language, ngettext, set_language
from .questionnaire import display
from .questionnaire.model import (
    CHAPEAU,
    INSTRUMENT_SHORT_NAMES,
    NUMBERED,
    PROTOCOLS,
    SENTENCE,
    SINGLE,
    Definition,
    Paragraph,
    worded_ref,
)

EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2
LANGUAGES = languages.CODES


def break_lock_help() -> str:
    """The help of ``--break-lock``, in the interface language (translated when called, not at import)."""
    return _(
        "take over a draft's lock held on another computer or by a process that cannot be verified "
        "(only when you are sure the draft is closed there); may be given anywhere on the line"
    )


class UsageError(Exception):
    """Bad command-line usage; the message is printed as one line."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the ``usage:`` heading in the interface language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:  # noqa: D102
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help (headings, ``-h``) is in the interface language.

    argparse's own words come from its ``argparse`` gettext domain, which Python ships without
    translations; the headings and the help of ``-h`` are replaced here. Build it after
    :func:`~untoc_desktop.i18n.set_language`: every help text is translated when it is added.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # the two default groups are created by argparse with its own (English) titles
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("show this help message and exit")
            )

    def error(self, message: str) -> NoReturn:  # one clear line, not usage + message
        raise UsageError(
            _("{prog}: {problem} (see '{help_command}')").format(
                prog=self.prog, problem=message, help_command=f"{self.prog} --help"
            )
        )


def _protocols(text: str) -> frozenset[str]:
    codes = {part.strip().upper() for part in text.split(",") if part.strip()}
    unknown = codes - set(PROTOCOLS)
    if unknown:
        raise argparse.ArgumentTypeError(
            ngettext(
                "unknown Protocol {codes}; use a comma-separated list of {choices}",
                "unknown Protocols {codes}; use a comma-separated list of {choices}",
                len(unknown),
            ).format(codes=", ".join(sorted(unknown)), choices=",".join(PROTOCOLS))
        )
    return frozenset(codes)


def _cluster(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("cluster must be a number from 1 to 4, not '{text}'").format(text=text)
        ) from None
    if not 1 <= value <= 4:
        raise argparse.ArgumentTypeError(_("cluster must be a number from 1 to 4, not {value}").format(value=value))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``untoc`` command, its help in the interface language.

    Help texts are translated when the parser is built: call it after
    :func:`~untoc_desktop.i18n.set_language` (as :func:`main` does).
    """
    parser = _Parser(prog="untoc", description=_("Draft civil-society submissions to the UNTOC Review Mechanism."))
    parser.add_argument(
        "--version", action="version", version=f"untoc {__version__}", help=_("show the version number and exit")
    )
    parser.add_argument("--break-lock", action="store_true", default=False, help=break_lock_help())
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    questions = commands.add_parser("questions", help=_("list every question of a cluster's questionnaire"))
    questions.add_argument("--cluster", type=_cluster, required=True)
    questions.add_argument("--format", choices=("text", "json"), default="text")

    definitions = commands.add_parser("definitions", help=_("list the questionnaire definitions available"))
    definitions.add_argument("--format", choices=("text", "json"), default="text")

    new = commands.add_parser("new", help=_("create a new draft file"))
    new.add_argument("file", type=Path)
    new.add_argument("--cluster", type=_cluster, required=True)
    new.add_argument("--country", required=True, help=_("the State party under review"))
    new.add_argument("--organization", required=True, help=_("the organisation writing the submission"))
    new.add_argument(
        "--protocols", type=_protocols, default=frozenset(), help=_("e.g. {example}").format(example="TIP,SOM,FIREARMS")
    )
    new.add_argument("--language", choices=LANGUAGES, default="en", help=_("drafting language"))
    new.add_argument("--author", default="", help=_("recorded with each change"))

    importer = commands.add_parser("import-answers", help=_("import answers from a JSON file (all or nothing)"))
    importer.add_argument("file", type=Path)
    importer.add_argument("answers", type=Path)

    validate = commands.add_parser(
        "validate",
        help=_("list what is missing; exit 0 when complete, 1 when not"),
        description=_(
            "List the required answers still missing, by provision. The exit "
            "status is 0 when the draft is complete, 1 when it is not."
        ),
    )
    validate.add_argument("file", type=Path)
    validate.add_argument("--format", choices=("text", "json"), default="text")

    export = commands.add_parser("export", help=_("export the submission to Word or PDF"))
    export.add_argument("file", type=Path)
    export.add_argument("--format", choices=("docx", "pdf"), required=True)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument(
        "--language", choices=LANGUAGES, default=None, help=_("document language (default: the draft's)")
    )

    add_letter_commands(commands)
    add_signing_commands(commands)
    add_encryption_commands(commands)
    add_sharing_commands(commands)
    return parser


def _question_rows(definition: Definition) -> list[dict[str, Any]]:
    rows = []
    for paragraph in definition.paragraphs():
        for question in paragraph.questions:
            rows.append(
                {
                    "id": question.id,
                    "instrument": paragraph.instrument,
                    "article": paragraph.article,
                    "paragraph": paragraph.ref,
                    "label": question.label,
                    "type": question.type,
                    "required": question.required,
                    "required_when": question.required_when.source if question.required_when else None,
                    "obligation": paragraph.obligation,
                    "help": question.help,
                    "value_schema": question.value_schema,
                }
            )
    return rows


def _cmd_questions(args: argparse.Namespace) -> int:
    from .questionnaire.registry import DefinitionRegistry

    definition = DefinitionRegistry().for_cluster(args.cluster)
    rows = _question_rows(definition)
    if args.format == "json":
        payload = {"definition": definition.id, "version": definition.version, "questions": rows}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:  # id and type stay as they are (data); the rule is read by a person
        rule = (
            _("required")
            if row["required"]
            else (_("required when {condition}").format(condition=row["required_when"]) if row["required_when"] else "")
        )
        print("\t".join((row["id"], row["type"], rule, row["label"])))
    return EXIT_OK


def _cmd_definitions(args: argparse.Namespace) -> int:
    from .questionnaire.registry import DefinitionRegistry

    rows = [
        {
            "id": a.definition.id,
            "version": a.definition.version,
            "cluster": a.definition.cluster,
            "title": a.definition.title,
            "source_date": a.definition.source_date,
            "provisional": a.definition.provisional,
            "origin": a.origin,
            "path": a.definition.path,
        }
        for a in DefinitionRegistry().available()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:  # id, version and origin stay as they are (data)
        title = _("{title} (provisional)").format(title=row["title"]) if row["provisional"] else row["title"]
        print(
            "\t".join(
                (
                    str(row["id"]),
                    str(row["version"]),
                    _("cluster {number}").format(number=row["cluster"]),
                    _("sources of {date}").format(date=row["source_date"]),
                    str(row["origin"]),
                    str(title),
                )
            )
        )
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from .draft import DraftInfo
    from .questionnaire.registry import DefinitionRegistry
    from .workspace import Workspace

    definition = DefinitionRegistry().for_cluster(args.cluster)
    info = DraftInfo(
        organization=args.organization,
        country=args.country,
        cluster=args.cluster,
        protocols=args.protocols,
        language=args.language,
        author=args.author,
        definition_id=definition.id,
        definition_version=definition.version,
    )
    path = Workspace.create(args.file, info, definition)
    print(
        _("Created {path} (cluster {cluster}, draft {draft_uuid}).").format(
            path=path, cluster=args.cluster, draft_uuid=Workspace.read_info(path).draft_uuid
        )
    )
    return EXIT_OK


_break_lock = False


def _open_submission(path: Path, write: bool = True) -> Any:
    """Open a draft for a command: a :class:`~untoc_desktop.workspace.Workspace` (the window's opening path).

    Commands that write take the draft's lock, as the window does, so a crash of the
    command line is recognised as a crash. ``write=False`` (validate, export) opens
    read-only: nothing is written, not even an upgrade of an older draft, except the
    rollback of a save interrupted by a crash, which SQLite must do before reading.
    """
    from .errors import DraftLockedError
    from .workspace import Workspace

    if _break_lock:
        print(
            "untoc: "
            + _(
                "{option}: taking over the lock of {name}; if the draft is still open in another "
                "program, what is typed there after this moment may be lost."
            ).format(option="--break-lock", name=path.name),
            file=sys.stderr,
        )
    workspace = Workspace.open(path, read_only=not write, lock=True, break_lock=_break_lock)
    opened = workspace.opened
    assert opened is not None
    if write and opened.read_only and opened.lock_can_be_broken:
        holder = opened.lock_holder
        assert holder is not None  # lock_can_be_broken implies a lock note was read
        workspace.close()
        raise DraftLockedError(
            _(
                "{name} is open in untoc_desktop on {host} (process {pid}, by {user} since "
                "{opened_at}); this computer cannot tell whether it still runs, so nothing was written. If "
                "you are sure the draft is closed there, run the command again with {option}."
            ).format(
                name=path.name,
                host=holder.host,
                pid=holder.pid,
                user=holder.user or "?",
                opened_at=holder.opened_at,
                option="--break-lock",
            ),
            holder,
        )
    if opened.rolled_back:
        print(
            "untoc: "
            + _(
                "{name}: a save interrupted by a crash was rolled back, as SQLite does; "
                "every answer saved before it is in the draft."
            ).format(name=path.name),
            file=sys.stderr,
        )
    if opened.upgraded_from and opened.carry_over.changes_anything:
        print(
            "untoc: "
            + _("{name} now follows {definition} {version} (was {previous}): {changes}").format(
                name=path.name,
                definition=opened.definition.id,
                version=opened.definition.version,
                previous=opened.upgraded_from,
                changes="; ".join(opened.carry_over.describe()),
            ),
            file=sys.stderr,
        )
    return workspace


def _cmd_import(args: argparse.Namespace) -> int:
    from .answers import import_answers

    with _open_submission(args.file) as workspace:
        changed = import_answers(workspace.draft, workspace.definition, args.answers)
    print(
        ngettext(
            "Imported {file}: {count} answer changed.", "Imported {file}: {count} answers changed.", changed
        ).format(file=args.answers.name, count=changed)
    )
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from .questionnaire.upgrade import archived_answers

    with _open_submission(args.file, write=False) as workspace:
        report, snapshot = workspace.report, workspace.snapshot()
        archived = archived_answers(snapshot.definition, dict(snapshot.answers))
    status = EXIT_OK if report.complete else EXIT_INCOMPLETE
    try:
        _print_validation(args, report, archived)
        sys.stdout.flush()  # a reader that went away (`untoc validate | head`) shows here, not at exit
    except BrokenPipeError:
        _silence_stdout()  # the status still says whether the draft is complete
    return status


def _print_validation(args: argparse.Namespace, report: Any, archived: Any) -> None:
    if args.format == "json":
        payload = {
            "complete": report.complete,
            "required": report.required,
            "answered": report.answered,
            "archived_answers": sorted(archived),
            "open_conflicts": list(report.open_conflicts),
            "missing": [
                {
                    "instrument": m.paragraph.instrument,
                    "article": m.paragraph.article,
                    "paragraph": m.paragraph.ref,
                    "question": m.question.id,
                    "label": m.question.label,
                    "reason": m.reason,
                }
                for m in report.missing()
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        current = None
        for missing in report.missing():
            paragraph = missing.paragraph
            heading = _provision_heading(paragraph)
            if heading != current:
                print(f"\n{heading} ({display.paragraph_label(paragraph)})")
                current = heading
            question = missing.question
            print(f"  - {display.question_label(question)} [{question.id}] ({_reason(question)})")
        if report.complete:
            print(_("Complete: every required answer is given."))
        if archived:
            print()
            print(
                ngettext(
                    "{count} archived answer to a question no longer asked: {question_ids}",
                    "{count} archived answers to questions no longer asked: {question_ids}",
                    len(archived),
                ).format(count=len(archived), question_ids=", ".join(sorted(archived)))
            )


def _reason(question: Any) -> str:
    """Why a missing answer is required, in the interface language (the JSON keeps the core's English)."""
    if question.required or question.required_when is None:
        return _("required")
    return _("required because {condition}").format(condition=question.required_when.describe())


def _cmd_export(args: argparse.Namespace) -> int:
    from .documents import export_submission
    from .errors import DraftLockedError

    try:  # an export is recorded in the register of what was sent, with a snapshot to export again
        workspace = _open_submission(args.file, write=True)
    except DraftLockedError:  # open on another computer: export what is saved, without recording it
        workspace = _open_submission(args.file, write=False)
    with workspace:
        snapshot = workspace.snapshot()
        if not workspace.read_only:
            # (open merge conflicts come with the snapshot: the export then says it is a draft)
            entry, _changes = workspace.export_and_record(snapshot, args.output, args.format, language=args.language)
            print(
                _("Exported {path} (register entry {number}, SHA-256 {sha256}).").format(
                    path=args.output, number=entry.number, sha256=entry.sha256
                )
            )
            return EXIT_OK
    definition, info, answers, conflicts = (
        snapshot.definition,
        snapshot.info,
        dict(snapshot.answers),
        snapshot.open_conflicts,
    )
    out = export_submission(
        definition,
        info,
        answers,
        args.output,
        fmt=args.format,
        language=args.language or info.language,
        open_conflicts=conflicts,
    )
    print(_("Exported {path}.").format(path=out))
    print("untoc: " + not_recorded_message(out, args.file), file=sys.stderr)
    return EXIT_OK


_COMMANDS = {
    "questions": _cmd_questions,
    "definitions": _cmd_definitions,
    "new": _cmd_new,
    "import-answers": _cmd_import,
    "validate": _cmd_validate,
    "export": _cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``untoc`` command.

    Args:
        argv: arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit status (0, 1 or 2; see the module docstring).
    """
    global _break_lock
    set_language(environment_language())  # messages, errors included, in the user's language
    argv = list(sys.argv[1:] if argv is None else argv)
    _break_lock = "--break-lock" in argv  # accepted anywhere, also after the sub-command
    argv = [arg for arg in argv if arg != "--break-lock"]
    try:
        args = build_parser().parse_args(argv)
        if args.command in LETTER_COMMANDS:
            status = LETTER_COMMANDS[args.command](args, _open_submission)
        elif args.command in SIGNING_COMMANDS:
            status = SIGNING_COMMANDS[args.command](args, _open_submission)
        elif args.command in ENCRYPTION_COMMANDS:
            status = ENCRYPTION_COMMANDS[args.command](args)
        elif args.command in SHARING_COMMANDS:
            status = SHARING_COMMANDS[args.command](args, _open_submission)
        else:
            status = _COMMANDS[args.command](args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a traceback at exit
        return status
    except UsageError as exc:
        print(exc, file=sys.stderr)
    except DraftReadOnlyError as exc:  # the core's message names the window's Save As
        print(f"untoc: {read_only_message(exc.path) if exc.path is not None else exc}", file=sys.stderr)
    except UntocError as exc:
        print(f"untoc: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("untoc: " + _("interrupted"), file=sys.stderr)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as Unix tools do (validate keeps its status).
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # e.g. the output goes to a full disk
        _silence_stdout()
        problem = exc.strerror or str(exc)
        message = (
            _("{problem} ({file}); nothing more was written.").format(problem=problem, file=exc.filename)
            if exc.filename
            else _("{problem}; nothing more was written.").format(problem=problem)
        )
        print("untoc: " + message, file=sys.stderr)
    finally:
        _break_lock = False
    return EXIT_USAGE


def _silence_stdout() -> None:
    """After the reader of our output went away: drop the rest, so the interpreter's exit does not fail."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit


if __name__ == "__main__":
    sys.exit(main())


def _provision_heading(paragraph: Paragraph) -> str:
    """Where a missing answer belongs: ``Convention, art. 5, para. 1(a)``, or without a paragraph number."""
    templates = {
        SINGLE: _("{instrument}, art. {article}"),
        CHAPEAU: _("{instrument}, art. {article}, introductory words"),
        "chapeau_of": _("{instrument}, art. {article}, para. {paragraph}, introductory words"),
        SENTENCE: _("{instrument}, art. {article}, sentence {number}"),
        NUMBERED: _("{instrument}, art. {article}, para. {paragraph}"),
    }
    instrument = _(INSTRUMENT_SHORT_NAMES[paragraph.instrument])
    return worded_ref(paragraph.ref, templates, instrument=instrument, article=paragraph.article)
