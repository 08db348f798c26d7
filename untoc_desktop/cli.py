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

from . import __version__
from .cli_encryption import ENCRYPTION_COMMANDS, add_encryption_commands
from .cli_letters import LETTER_COMMANDS, add_letter_commands
from .cli_signing import SIGNING_COMMANDS, add_signing_commands
from .cli_sharing import SHARING_COMMANDS, add_sharing_commands
from . import languages
from .errors import UntocError
from .i18n import _, environment_language, set_language
from .questionnaire.model import INSTRUMENT_SHORT_NAMES, PROTOCOLS, Definition

EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2
LANGUAGES = languages.CODES


BREAK_LOCK_HELP = ("take over a draft's lock held on another computer or by a process that cannot be verified "
                   "(only when you are sure the draft is closed there); may be given anywhere on the line")


class UsageError(Exception):
    """Bad command-line usage; the message is printed as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one clear line, not usage + message
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _protocols(text: str) -> frozenset[str]:
    codes = {part.strip().upper() for part in text.split(",") if part.strip()}
    unknown = codes - set(PROTOCOLS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown Protocol {', '.join(sorted(unknown))}; use a comma-separated list of {','.join(PROTOCOLS)}"
        )
    return frozenset(codes)


def _cluster(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cluster must be a number from 1 to 4, not '{text}'") from None
    if not 1 <= value <= 4:
        raise argparse.ArgumentTypeError(f"cluster must be a number from 1 to 4, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``untoc`` command."""
    parser = _Parser(prog="untoc", description="Draft civil-society submissions to the UNTOC Review Mechanism.")
    parser.add_argument("--version", action="version", version=f"untoc {__version__}")
    parser.add_argument("--break-lock", action="store_true", default=False, help=BREAK_LOCK_HELP)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    questions = commands.add_parser("questions", help="list every question of a cluster's questionnaire")
    questions.add_argument("--cluster", type=_cluster, required=True)
    questions.add_argument("--format", choices=("text", "json"), default="text")

    definitions = commands.add_parser("definitions", help="list the questionnaire definitions available")
    definitions.add_argument("--format", choices=("text", "json"), default="text")

    new = commands.add_parser("new", help="create a new draft file")
    new.add_argument("file", type=Path)
    new.add_argument("--cluster", type=_cluster, required=True)
    new.add_argument("--country", required=True, help="the State party under review")
    new.add_argument("--organization", required=True, help="the organisation writing the submission")
    new.add_argument("--protocols", type=_protocols, default=frozenset(), help="e.g. TIP,SOM,FIREARMS")
    new.add_argument("--language", choices=LANGUAGES, default="en", help="drafting language")
    new.add_argument("--author", default="", help="recorded with each change")

    importer = commands.add_parser("import-answers", help="import answers from a JSON file (all or nothing)")
    importer.add_argument("file", type=Path)
    importer.add_argument("answers", type=Path)

    validate = commands.add_parser("validate", help="list what is missing; exit 0 when complete, 1 when not")
    validate.add_argument("file", type=Path)
    validate.add_argument("--format", choices=("text", "json"), default="text")

    export = commands.add_parser("export", help="export the submission to Word or PDF")
    export.add_argument("file", type=Path)
    export.add_argument("--format", choices=("docx", "pdf"), required=True)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--language", choices=LANGUAGES, default=None, help="document language (default: the draft's)")

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
    for row in rows:
        rule = "required" if row["required"] else (f"required when {row['required_when']}" if row["required_when"] else "")
        print(f"{row['id']}\t{row['type']}\t{rule}\t{row['label']}")
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
    for row in rows:
        flag = " (provisional)" if row["provisional"] else ""
        print(f"{row['id']}\t{row['version']}\tcluster {row['cluster']}\tsources of {row['source_date']}\t{row['origin']}\t{row['title']}{flag}")
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
    print(f"Created {path} (cluster {args.cluster}, draft {Workspace.read_info(path).draft_uuid}).")
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
        print(f"untoc: --break-lock: taking over the lock of {path.name}; if the draft is still open in another "
              "program, what is typed there after this moment may be lost.", file=sys.stderr)
    workspace = Workspace.open(path, read_only=not write, lock=True, break_lock=_break_lock)
    opened = workspace.opened
    assert opened is not None
    if write and opened.read_only and opened.lock_can_be_broken:
        holder = opened.lock_holder
        workspace.close()
        raise DraftLockedError(
            _("{name} is open in untoc_desktop on {host} (process {pid}, by {problem} since "
              "{opened_at}); this computer cannot tell whether it still runs, so nothing was written. If "
              "you are sure the draft is closed there, run the command again with --break-lock.").format(
                name=path.name,
                host=holder.host,
                pid=holder.pid,
                problem=holder.user or '?',
                opened_at=holder.opened_at), holder)
    if opened.rolled_back:
        print(f"untoc: {path.name}: a save interrupted by a crash was rolled back, as SQLite does; "
              "every answer saved before it is in the draft.", file=sys.stderr)
    if opened.upgraded_from and opened.carry_over.changes_anything:
        print(
            f"untoc: {path.name} now follows {opened.definition.id} {opened.definition.version} "
            f"(was {opened.upgraded_from}): " + "; ".join(opened.carry_over.describe()),
            file=sys.stderr,
        )
    return workspace


def _cmd_import(args: argparse.Namespace) -> int:
    from .answers import import_answers

    with _open_submission(args.file) as workspace:
        changed = import_answers(workspace.draft, workspace.definition, args.answers)
    print(f"Imported {args.answers.name}: {changed} answer(s) changed.")
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
            heading = f"{INSTRUMENT_SHORT_NAMES[paragraph.instrument]}, {paragraph.display_ref}"
            if heading != current:
                print(f"\n{heading} ({paragraph.label})")
                current = heading
            print(f"  - {missing.question.label} [{missing.question.id}] ({missing.reason})")
        if report.complete:
            print("Complete: every required answer is given.")
        if archived:
            print(f"\n{len(archived)} archived answer(s) to questions no longer asked: {', '.join(sorted(archived))}")


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
            print(f"Exported {args.output} (register entry {entry.number}, SHA-256 {entry.sha256}).")
            return EXIT_OK
    definition, info, answers, conflicts = (snapshot.definition, snapshot.info, dict(snapshot.answers),
                                            snapshot.open_conflicts)
    out = export_submission(definition, info, answers, args.output, fmt=args.format, language=args.language or info.language,
                            open_conflicts=conflicts)
    print(f"Exported {out}.")
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
    except UntocError as exc:
        print(f"untoc: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("untoc: interrupted", file=sys.stderr)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as Unix tools do (validate keeps its status).
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # e.g. the output goes to a full disk
        _silence_stdout()
        print(f"untoc: {exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}; nothing more was "
              "written.", file=sys.stderr)
    finally:
        _break_lock = False
    return EXIT_USAGE


def _silence_stdout() -> None:
    """After the reader of our output went away: drop the rest, so the interpreter's exit does not fail."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit


if __name__ == "__main__":
    sys.exit(main())
