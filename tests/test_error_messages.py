"""The core's error messages are marked for translation and shown in the interface language."""

import ast
from pathlib import Path

import pytest

import untoc_desktop
from untoc_desktop import i18n
from untoc_desktop.errors import DraftFileError, UntocError

PACKAGE = Path(untoc_desktop.__file__).parent


def _core_trees():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" not in path.relative_to(PACKAGE).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _error_names(trees):
    """Names of UntocError and of every class of the core derived from it (read from the source)."""
    bases = {
        node.name: {getattr(b, "id", None) or getattr(b, "attr", None) for b in node.bases}
        for _path, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found = {UntocError.__name__}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def test_no_core_error_is_raised_with_an_untranslated_message():
    trees = list(_core_trees())
    names = _error_names(trees)
    assert {"LetterError", "SigningError", "ExportCancelled", "DraftLockedError"} <= names
    bare = []
    for path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                func = node.exc.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                message = node.exc.args[0]
                literal = isinstance(message, ast.JoinedStr) or (
                    isinstance(message, ast.Constant) and isinstance(message.value, str)
                )
                if name in names and literal:
                    bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert bare == []


def test_a_core_error_comes_in_the_interface_language(temporary_catalogue, tmp_path):
    from untoc_desktop.draft.store import read_header

    temporary_catalogue("fr", {(None, "The file {path} does not exist."): "Le fichier {path} n'existe pas."})
    i18n.set_language("fr")
    with pytest.raises(DraftFileError) as raised:
        read_header(tmp_path / "absent.untoc")
    assert str(raised.value) == f"Le fichier {tmp_path / 'absent.untoc'} n'existe pas."
    i18n.set_language("en")
    with pytest.raises(DraftFileError, match="^The file .* does not exist.$"):
        read_header(tmp_path / "absent.untoc")


def test_the_command_line_says_its_errors_in_the_environments_language(
    temporary_catalogue, tmp_path, monkeypatch, capsys
):
    from untoc_desktop import cli

    temporary_catalogue("fr", {(None, "The file {path} does not exist."): "Le fichier {path} n'existe pas."})
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    status = cli.main(["validate", str(tmp_path / "absent.untoc")])
    assert status != 0
    assert "Le fichier" in capsys.readouterr().err
