"""Shared test helpers (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The project's shared/ folder (reference facts and real-world cases), beside the checkout."""
    candidate = Path(os.environ.get("UNTOC_SHARED", REPO_ROOT.parent / "shared"))
    if not (candidate / "reference" / "provisions.yaml").is_file():
        raise FileNotFoundError(
            f"shared/ reference folder not found at {candidate}; set UNTOC_SHARED to its path"
        )
    return candidate


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
