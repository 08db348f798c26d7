"""The list of recently opened drafts, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "recent/drafts"


class RecentDrafts:
    """Most recently opened draft files first, at most :attr:`limit`, stored as plain strings.

    Args:
        settings: where the list is kept (the composition root passes the user's
            settings; tests pass a temporary INI file).
        limit: how many paths to keep.
    """

    def __init__(self, settings: QSettings, limit: int = 10) -> None:
        self._settings = settings
        self.limit = limit

    def paths(self) -> list[Path]:
        """The stored paths, most recent first (missing files included; see :meth:`prune_missing`)."""
        raw = self._settings.value(_KEY, [])
        if isinstance(raw, str):  # QSettings gives a bare string for a one-item list in INI files
            raw = [raw]
        return [Path(p) for p in (raw or []) if isinstance(p, str) and p]

    def add(self, path: str | Path) -> None:
        """Put ``path`` first (once)."""
        path = Path(path).resolve()
        paths = [path] + [p for p in self.paths() if p != path]
        self._store(paths[: self.limit])

    def remove(self, path: str | Path) -> None:
        """Forget ``path``."""
        path = Path(path).resolve()
        self._store([p for p in self.paths() if p != path])

    def prune_missing(self) -> list[Path]:
        """Forget paths whose file no longer exists; returns those removed."""
        paths = self.paths()
        missing = [p for p in paths if not p.is_file()]
        if missing:
            self._store([p for p in paths if p not in missing])
        return missing

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_KEY, [str(p) for p in paths])
        self._settings.sync()
