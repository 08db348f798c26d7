"""The ``untoc`` command's own words (messages, help) follow the interface language; its data does not."""

import ast
import json
import re

import pytest
from helpers import REPO_ROOT

from untoc_desktop.cli import main

PACKAGE = REPO_ROOT / "untoc_desktop"
CLI_MODULES = sorted(PACKAGE.glob("cli*.py"))
TRANSLATING = {"_", "ngettext", "pgettext", "npgettext"}
#: Words printed or shown as help on purpose, untranslated: (module, literal text) -> why.
DATA_OUTPUTS = {
    ("cli_letters.py", "YYYY-MM-DD"): "the date format the option accepts, a literal value",
}


def _literal_texts(node):
    """String constants of an expression that reach the user untranslated.

    Not walked: the calls of the gettext functions (their text is translated), the arguments of
    ``.format`` (values put into a translated message: names, ids, option names), ``json.dumps``
    (its output is data), subscripts (``row["id"]``) and dictionary keys (the names of data fields).
    """
    if isinstance(node, ast.Subscript):
        yield from _literal_texts(node.value)
        return
    if isinstance(node, ast.Dict):
        for value in node.values:
            yield from _literal_texts(value)
        return
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in TRANSLATING:
            return
        if ast.unparse(func) == "json.dumps":
            return
        if isinstance(func, ast.Attribute):
            yield from _literal_texts(func.value)
            if func.attr == "format":
                return
        for child in [*node.args, *(keyword.value for keyword in node.keywords)]:
            yield from _literal_texts(child)
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            yield node.value
        return
    for child in ast.iter_child_nodes(node):
        yield from _literal_texts(child)


def _has_words(text):
    # the program's name in front of a message ("untoc: ...") is not a word to translate
    return re.search(r"[^\W\d_]", re.sub(r"\buntoc\b", "", text)) is not None


def untranslated_output(source, module="cli.py"):
    """``(line, text)`` for each ``print()`` or ``help=``/``description=`` whose words skip gettext."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "print" and node.args:
            shown = [node.args[0]]
        else:
            shown = [k.value for k in node.keywords if k.arg in ("help", "description")]
        for expression in shown:
            for text in _literal_texts(expression):
                if _has_words(text) and (module, text) not in DATA_OUTPUTS:
                    found.append((node.lineno, text))
    return found


def test_the_check_finds_a_printed_or_help_text_that_skips_gettext():
    source = """
print("Hello")
print(f"Wrote {path}.")
print("untoc: warning " + message, file=sys.stderr)
print("\\t".join((uuid, name, "focal point")))
parser.add_argument("--x", help="an English help")
parser.add_parser("y", description=f"about {thing}")
print(_("Wrote {path}.").format(path=path, option="--break-lock"))
print(f"untoc: {exc}", file=sys.stderr)
print("\\t".join((member.name, member.key)))
print(json.dumps([{"id": row["id"]} for row in rows], ensure_ascii=False, indent=2))
print("\t".join((row["id"], row["type"])))
print()
parser.add_argument("--y", help=_("e.g. {example}").format(example="TIP,SOM"))
"""
    assert [line for line, _text in untranslated_output(source)] == [2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("module", CLI_MODULES, ids=lambda path: path.name)
def test_every_printed_message_and_help_text_goes_through_gettext(module):
    assert untranslated_output(module.read_text(encoding="utf-8"), module.name) == []


def test_the_data_outputs_allowed_are_still_used():
    sources = {module.name: module.read_text(encoding="utf-8") for module in CLI_MODULES}
    assert all(f'"{text}"' in sources[name] for name, text in DATA_OUTPUTS)


def _new_draft(path):
    assert (
        main(
            [
                "new",
                str(path),
                "--cluster",
                "1",
                "--country",
                "Republic of Veridia",
                "--organization",
                "Coalition for Justice & Rights",
                "--protocols",
                "TIP",
            ]
        )
        == 0
    )


def test_validate_help_comes_in_the_environments_language(temporary_catalogue, monkeypatch, capsys):
    temporary_catalogue(
        "fr",
        {
            (None, "usage: "): "utilisation : ",
            (None, "options"): "options facultatives",
            (None, "show this help message and exit"): "afficher cette aide et quitter",
            (
                None,
                "List the required answers still missing, by provision. The exit status is 0 when the draft is "
                "complete, 1 when it is not.",
            ): "Énumère les réponses requises encore manquantes, par disposition. Le code de sortie est 0 quand le "
            "projet est complet, 1 sinon.",
        },
    )
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    with pytest.raises(SystemExit) as done:
        main(["validate", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : untoc validate [-h] [--format {text,json}] file")
    assert "Énumère les réponses requises" in out and "afficher cette aide et quitter" in out
    assert "options facultatives:" in out
    assert "show this help" not in out and "List the required" not in out


def test_the_validation_summary_and_headings_come_in_the_environments_language(
    temporary_catalogue, tmp_path, monkeypatch, capsys
):
    path = tmp_path / "v.untoc"
    _new_draft(path)
    capsys.readouterr()
    temporary_catalogue(
        "fr",
        {
            # Babel's French has three plural forms (one, many, other), as CLDR says
            (
                None,
                (
                    "Cluster {cluster}: {answered} of {required} required answer",
                    "Cluster {cluster}: {answered} of {required} required answers",
                ),
            ): (
                "Groupe {cluster} : {answered} réponse requise donnée sur {required}",
                "Groupe {cluster} : {answered} réponses requises données sur {required}",
                "Groupe {cluster} : {answered} réponses requises données sur {required}",
            ),
            (None, "{instrument}, art. {article}, para. {paragraph}"): "{instrument}, art. {article}, par. {paragraph}",
            (None, "Convention"): "Convention",
            (None, "required"): "requise",
        },
    )
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert re.match(r"Groupe 1 : 0 réponses requises données sur \d+\n", out), out[:200]
    assert "Convention, art. 5, par. 1(a)" in out and "(requise)" in out
    # the JSON is data: its keys and reasons stay as they are, whatever the interface language
    assert main(["validate", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {m["reason"] for m in report["missing"]} <= {"required"} | {
        m["reason"] for m in report["missing"] if m["reason"].startswith("required because ")
    }


def test_counts_take_the_languages_plural_forms(tmp_path, capsys):
    path = tmp_path / "v.untoc"
    _new_draft(path)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps({"UNTOC.2.(a).practice": "Text."}), encoding="utf-8")
    two.write_text(json.dumps({"UNTOC.2.(a).practice": "Other.", "UNTOC.2.(a).status": "fully"}), encoding="utf-8")
    capsys.readouterr()
    assert main(["import-answers", str(path), str(one)]) == 0
    assert capsys.readouterr().out == "Imported one.json: 1 answer changed.\n"
    assert main(["import-answers", str(path), str(two)]) == 0
    assert capsys.readouterr().out == "Imported two.json: 2 answers changed.\n"


def test_a_french_interface_keeps_the_data_listings_as_they_are(temporary_catalogue, monkeypatch, capsys):
    temporary_catalogue("fr", {(None, "required"): "requise", (None, "cluster {number}"): "groupe {number}"})
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["questions", "--cluster", "1"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[:3] == ["UNTOC.2.(a).status", "status", "requise"]  # id and type are data
    assert main(["questions", "--cluster", "1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"][0]["required"] is True
    assert main(["definitions"]) == 0
    columns = capsys.readouterr().out.splitlines()[0].split("\t")
    assert columns[0] == "untoc-cluster-1" and columns[2] == "groupe 1"


LOCK_MESSAGE = (
    "{name} is open in untoc_desktop on {host} (process {pid}, by {user} since {opened_at}); this "
    "computer cannot tell whether it still runs, so nothing was written. If you are sure the draft is "
    "closed there, run the command again with {option}."
)


def test_the_lock_message_names_its_holder_by_a_user_placeholder(temporary_catalogue, tmp_path, monkeypatch, capsys):
    from untoc_desktop.draft.safety import lock_path

    path = tmp_path / "v.untoc"
    _new_draft(path)
    lock_path(path).write_text(
        json.dumps(
            {
                "pid": 4242,
                "host": "laptop-elsewhere.example",
                "user": "amina",
                "opened_at": "2026-01-01T00:00:00+00:00",
                "app_version": "0.1",
                "path": str(path.resolve()),
            }
        ),
        encoding="utf-8",
    )
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"UNTOC.2.(a).practice": "Text."}), encoding="utf-8")
    temporary_catalogue(
        "fr", {(None, LOCK_MESSAGE): "{name} est ouvert par {user} sur {host} ; relancez avec {option}."}
    )
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    capsys.readouterr()
    assert main(["import-answers", str(path), str(answers)]) == 2
    assert capsys.readouterr().err == (
        "untoc: v.untoc est ouvert par amina sur laptop-elsewhere.example ; relancez avec --break-lock.\n"
    )


def test_a_merge_reports_each_count_with_its_own_plural(tmp_path, capsys):
    import shutil

    mine, theirs = tmp_path / "mine.untoc", tmp_path / "theirs.untoc"
    _new_draft(mine)
    shutil.copyfile(mine, theirs)
    assert main(["recipient", "add", str(theirs), "--name", "Ms. Amina Diallo", "--focal-point"]) == 0
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "letters  1 recipient added" in out
    assert out[-1] == "0 answers taken, 0 answers merged, and 0 new conflicts; 0 conflicts open in mine.untoc."
