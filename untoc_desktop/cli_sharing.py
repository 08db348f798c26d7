"""The ``untoc`` subcommands for sharing drafts: merge, answers, history.

Registered by :mod:`untoc_desktop.cli`; same conventions (one line on stderr and exit 2 on errors).

* ``untoc merge MINE THEIRS``: exit 0 when no conflict is left open, 1 when conflicts remain,
  2 on error (another draft, unreadable file), with nothing written.
* ``untoc answers FILE [--format json|csv]``: the answers (the JSON is what ``import-answers``
  reads); open conflicts are listed with both versions (on stderr for JSON, as a column for CSV),
  and the exit status is then 1.
* ``untoc history FILE QUESTION_ID``: the versions of one answer, newest first, with author and time.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .i18n import _, interface_language, ngettext

if TYPE_CHECKING:
    from .workspace import Workspace

EXIT_OK, EXIT_CONFLICTS = 0, 1


def add_sharing_commands(commands: Any) -> None:
    """Add the sharing subcommands to the ``untoc`` subparsers (``ArgumentParser.add_subparsers``)."""
    merge = commands.add_parser(
        "merge",
        help=_("merge a colleague's copy {theirs} into the draft {mine}, answer by answer").format(
            theirs="THEIRS", mine="MINE"
        ),
    )
    merge.add_argument("mine", type=Path)
    merge.add_argument("theirs", type=Path)
    merge.add_argument("--author", default=None, help=_("recorded with the merge (default: the draft's author)"))

    answers = commands.add_parser(
        "answers", help=_("print the draft's answers (the inverse of {command})").format(command="import-answers")
    )
    answers.add_argument("file", type=Path)
    answers.add_argument("--format", choices=("json", "csv"), default="json")

    history = commands.add_parser("history", help=_("the versions of one answer with author and time"))
    history.add_argument("file", type=Path)
    history.add_argument("question_id")
    history.add_argument("--format", choices=("text", "json"), default="text")


def _text(value: Any) -> str:
    from .sharing.merge import describe_value

    return describe_value(value)


def _indent(text: str) -> str:
    return "\n".join("      " + line for line in (text or _("(no answer)")).splitlines() or [""])


def _listed(parts: list[str]) -> str:
    """Parts of one sentence joined as the interface language joins a list ("a, b and c")."""
    from babel.lists import format_list

    return format_list(parts, locale=interface_language())


def _cmd_merge(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    # The workspace holds the draft's lock while it merges; it refuses a draft open in the application.
    with open_workspace(args.mine) as workspace:
        mine_author = workspace.info.author
        report, _changes = workspace.merge_copy(args.theirs, args.author)
    source = (
        _("{copy} ({author})").format(copy=report.copy_name, author=report.copy_author)
        if report.copy_author
        else report.copy_name
    )
    if not report.changed:
        print(
            _("Nothing new in {copy}: it was already merged, or it holds nothing this draft lacks.").format(copy=source)
        )
    # One line per question, its id last (a word in front, then the id: what a person scans for)
    for question_id in report.taken:
        print(_("taken    {question_id}").format(question_id=question_id))
    for question_id in report.merged:
        print(_("merged   {question_id} (changes from both sides)").format(question_id=question_id))
    if report.history_copied:
        print(
            ngettext(
                "history  {count} earlier version from {copy} kept in the history",
                "history  {count} earlier versions from {copy} kept in the history",
                report.history_copied,
            ).format(count=report.history_copied, copy=report.copy_name)
        )
    letters = [
        message.format(count=count)
        for message, count in (
            (
                ngettext("{count} recipient added", "{count} recipients added", report.recipients_added),
                report.recipients_added,
            ),
            (ngettext("{count} letter added", "{count} letters added", report.letters_added), report.letters_added),
            (
                ngettext("{count} letter marked sent", "{count} letters marked sent", report.letters_updated),
                report.letters_updated,
            ),
        )
        if count
    ] + ([_("sender details taken")] if report.sender_taken else [])
    if letters:
        print(_("letters  {changes}").format(changes=_listed(letters)))
    for conflict in report.conflicts:
        print(_("CONFLICT {question_id}").format(question_id=conflict.question_id))
        print(_("   mine ({author}):").format(author=mine_author or _("this draft")))
        print(_indent(_text(conflict.mine)))
        print(_("   theirs ({author}):").format(author=conflict.theirs_author or report.copy_name))
        print(_indent(_text(conflict.theirs)))
    outcome = _listed(
        [
            ngettext("{count} answer taken", "{count} answers taken", len(report.taken)).format(
                count=len(report.taken)
            ),
            ngettext("{count} answer merged", "{count} answers merged", len(report.merged)).format(
                count=len(report.merged)
            ),
            ngettext("{count} new conflict", "{count} new conflicts", len(report.conflicts)).format(
                count=len(report.conflicts)
            ),
        ]
    )
    still_open = ngettext(
        "{count} conflict open in {file}.", "{count} conflicts open in {file}.", report.open_conflicts
    ).format(count=report.open_conflicts, file=args.mine.name)
    print(_("{outcome}; {still_open}").format(outcome=outcome, still_open=still_open))
    return EXIT_CONFLICTS if report.open_conflicts else EXIT_OK


def _cmd_answers(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    with open_workspace(args.file) as workspace:
        answers, conflicts = workspace.answers(), workspace.open_conflicts()
    if args.format == "json":
        print(json.dumps(dict(sorted(answers.items())), ensure_ascii=False, indent=2))
        for conflict in conflicts:  # on stderr: standard output stays the JSON import-answers reads
            print(
                _("open conflict {question_id} (the answer above is 'mine'):").format(question_id=conflict.question_id),
                file=sys.stderr,
            )
            print(_("   mine:"), file=sys.stderr)
            print(_indent(_text(conflict.mine)), file=sys.stderr)
            print(
                _("   theirs ({author}):").format(author=conflict.theirs_author or conflict.copy_name), file=sys.stderr
            )
            print(_indent(_text(conflict.theirs)), file=sys.stderr)
    else:
        by_id = {c.question_id: c for c in conflicts}
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["question_id", "value", "open_conflict_theirs"])
        for question_id in sorted(set(answers) | set(by_id)):
            value = answers.get(question_id)
            cell = value if isinstance(value, str) else ("" if value is None else json.dumps(value, ensure_ascii=False))
            theirs = by_id[question_id].theirs if question_id in by_id else None
            other = (
                ""
                if question_id not in by_id
                else (theirs if isinstance(theirs, str) else json.dumps(theirs, ensure_ascii=False))
            )
            writer.writerow([question_id, cell, other])
    return EXIT_CONFLICTS if conflicts else EXIT_OK


def _cmd_history(args: argparse.Namespace, open_workspace: Callable[[Path], Workspace]) -> int:
    from .errors import UntocError

    with open_workspace(args.file) as workspace:
        changes, definition = workspace.versions(args.question_id), workspace.definition
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "change_uuid": c.change_uuid,
                        "author": c.author,
                        "changed_at": c.changed_at.isoformat(),
                        "value": c.new_value,
                        "previous_value": c.previous_value,
                    }
                    for c in changes
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not changes:
        try:
            definition.question(args.question_id)
        except KeyError:
            raise UntocError(
                _(
                    "{question_id} is not a question of this draft's questionnaire, and the "
                    "draft has no history for it. See 'untoc questions' for the question ids."
                ).format(question_id=args.question_id)
            ) from None
        print(
            _("No recorded change to {question_id} in {file}.").format(
                question_id=args.question_id, file=args.file.name
            )
        )
    for change in changes:
        when = change.changed_at.strftime("%Y-%m-%d %H:%M:%S UTC")  # one unambiguous form in every language
        author = change.author or _("(no author)")
        if change.new_value is None:
            print(_("{when}  {author}  (cleared)").format(when=when, author=author))
        else:
            print(f"{when}  {author}")
        if change.new_value is not None:
            print(_indent(_text(change.new_value)))
    return EXIT_OK


#: Command name -> function(args, open_workspace) -> exit status (``open_workspace(path)`` -> Workspace).
SHARING_COMMANDS = {"merge": _cmd_merge, "answers": _cmd_answers, "history": _cmd_history}
