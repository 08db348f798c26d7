"""Helpers shared by the encryption tests."""

import json
from pathlib import Path

import pyrage

from untoc_desktop.draft import Draft, DraftInfo

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[2] / "examples" / "cluster1-answers.json"


def make_example_draft(path: Path, definition) -> Path:
    """A draft of the Coalition for Justice and Rights holding the example answers of cluster 1."""
    info = DraftInfo(
        "Coalition for Justice and Rights",
        "Republic of Veridia",
        1,
        frozenset({"TIP", "SOM"}),
        definition_id=definition.id,
        definition_version=definition.version,
    )
    with Draft.create(path, info) as draft:
        draft.set_answers(json.loads(EXAMPLE_ANSWERS.read_text("utf-8")))
    return path


def public(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def answers_of(path: Path) -> dict:
    with Draft.open(path, read_only=True) as draft:
        return draft.answers()
