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
from .cli_letters import LETTER_COMMANDS, add_letter_commands
from .cli_sharing import SHARING_COMMANDS, add_sharing_commands
from .errors import UntocError
from .questionnaire.model import INSTRUMENT_SHORT_NAMES, PROTOCOLS, Definition

EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2
LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


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
    from .draft import Draft, DraftInfo
    from .questionnaire.registry import DefinitionRegistry

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
    with Draft.create(args.file, info) as draft:
        print(f"Created {draft.path} (cluster {args.cluster}, draft {draft.info.draft_uuid}).")
    return EXIT_OK


def _open(path: Path) -> tuple[Any, Definition]:
    from .draft.safety import read_lock
    from .opening import open_draft

    holder = read_lock(path) if path.is_file() else None
    # A draft open in the desktop application is only read here: writing under it would
    # surprise the person typing in the window.
    opened = open_draft(path, read_only=holder is not None and not holder.is_stale)
    if opened.upgraded_from and opened.carry_over.changes_anything:
        print(
            f"untoc: {path.name} now follows {opened.definition.id} {opened.definition.version} "
            f"(was {opened.upgraded_from}): " + "; ".join(opened.carry_over.describe()),
            file=sys.stderr,
        )
    return opened.draft, opened.definition


def _cmd_import(args: argparse.Namespace) -> int:
    from .answers import import_answers

    draft, definition = _open(args.file)
    with draft:
        changed = import_answers(draft, definition, args.answers)
    print(f"Imported {args.answers.name}: {changed} answer(s) changed.")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from .questionnaire.upgrade import archived_answers
    from .sharing.conflicts import open_conflict_ids
    from .validation import check_completeness

    draft, definition = _open(args.file)
    with draft:
        report = check_completeness(definition, draft.answers(), draft.info.protocols, open_conflict_ids(draft))
        archived = archived_answers(definition, draft.answers())
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
    return EXIT_OK if report.complete else EXIT_INCOMPLETE


def _cmd_export(args: argparse.Namespace) -> int:
    from .documents import export_submission
    from .sharing.conflicts import open_conflict_ids

    draft, definition = _open(args.file)
    with draft:
        info, answers, conflicts = draft.info, draft.answers(), open_conflict_ids(draft)
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
    try:
        args = build_parser().parse_args(argv)
        if args.command in LETTER_COMMANDS:
            return LETTER_COMMANDS[args.command](args, _open)
        if args.command in SHARING_COMMANDS:
            return SHARING_COMMANDS[args.command](args, _open)
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
    except UntocError as exc:
        print(f"untoc: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("untoc: interrupted", file=sys.stderr)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter shutdown from re-raising
        return EXIT_OK
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
