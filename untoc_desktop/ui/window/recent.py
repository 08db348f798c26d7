"""The list of recently opened drafts, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

from ...i18n import _

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
        if not isinstance(raw, list | tuple):  # nothing stored yet (None), or a hand-edited file
            return []
        return [Path(p) for p in raw if isinstance(p, str) and p]

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


class RecentMenu(QMenu):
    """The "Open Recent" submenu, rebuilt each time it opens; drafts that no longer exist are pruned first.

    Args:
        recent: the list shown.
        parent: the window.
    """

    #: Path of the draft the user chose.
    draft_chosen = Signal(object)
    #: Number of missing drafts removed from the list.
    pruned = Signal(int)
    #: The list changed (pruned or cleared).
    changed = Signal()

    def __init__(self, recent: RecentDrafts, parent: QWidget | None = None) -> None:
        super().__init__(_("Open &Recent"), parent)
        self._recent = recent
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        """Prune missing drafts, then list the others, most recent first, numbered for the keyboard."""
        removed = self._recent.prune_missing()
        if removed:
            self.pruned.emit(len(removed))
            self.changed.emit()
        self.clear()
        paths = self._recent.paths()
        for number, path in enumerate(paths, start=1):
            act = self.addAction(f"&{number % 10} {path.name}")
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            act.triggered.connect(lambda _checked=False, p=path: self.draft_chosen.emit(p))
        if not paths:
            self.addAction(_("No recent drafts")).setEnabled(False)
        self.addSeparator()
        clear = self.addAction(_("Clear list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        for path in self._recent.paths():
            self._recent.remove(path)
        self.changed.emit()
