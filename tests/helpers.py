"""Shared test helpers (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The project's shared/ folder (reference facts and real-world cases), beside the checkout."""
    candidate = Path(os.environ.get("UNTOC_SHARED", REPO_ROOT.parent / "shared"))
    if not (candidate / "reference" / "provisions.yaml").is_file():
        raise FileNotFoundError(f"shared/ reference folder not found at {candidate}; set UNTOC_SHARED to its path")
    return candidate


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def copy_while_open_in_wal_mode(source: Path, question_id: str, text: str, folder: Path) -> Path:
    """What a user hands over after copying a draft (and its -wal file) that another program had open.

    The other program switches ``source`` to WAL mode and changes ``question_id`` to ``text``;
    the change lives only in the -wal file when both files are copied into ``folder``.
    """
    import json
    import sqlite3

    connection = sqlite3.connect(source)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("UPDATE answer SET value = ? WHERE question_id = ?", (json.dumps(text), question_id))
    connection.commit()
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        (folder / f"copy.untoc{suffix}").write_bytes(Path(f"{source}{suffix}").read_bytes())
    connection.close()
    return folder / "copy.untoc"


class DraftTemplates:
    """New empty drafts made once per test session and copied: the fixtures' stand-in for ``Draft.create``.

    ``Draft.create`` builds the file through SQLAlchemy and every Alembic migration, with an fsync;
    a byte copy of a draft it made from the same :class:`~untoc_desktop.draft.DraftInfo` is the same
    file. Copies of one template share its ``draft_uuid`` and ``created_at``, so a test that needs two
    drafts of different identities creates the second itself.

    A template is made on first use, inside a test, where ``isolated_user_folders`` keeps the
    draft-schema cache Draft.create fills in the test's temporary home.
    """

    def __init__(self, folder: Path):
        self._folder = folder
        self._made: dict = {}

    def template(self, info) -> Path:
        """The closed template draft of ``info`` (a DraftInfo), made by ``Draft.create`` the first time."""
        from untoc_desktop.draft import Draft

        made = self._made.get(info)
        if made is None:
            made = self._folder / f"template-{len(self._made)}.untoc"
            Draft.create(made, info).close()
            self._made[info] = made
        return made

    def copy(self, path: Path, info) -> Path:
        """A new draft of ``info`` at ``path`` (which must not exist yet), as Draft.create leaves it once closed."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(path)
        shutil.copyfile(self.template(info), path)
        return path


class NetworkUsed(AssertionError):
    pass


def guard_network(monkeypatch):
    """Fail on any attempt to create a network socket (Unix sockets stay allowed for Qt/D-Bus)."""
    attempts = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=socket.AF_INET, type=socket.SOCK_STREAM, proto=0, fileno=None):
            if family in (socket.AF_INET, socket.AF_INET6):
                attempts.append((family, type))
                raise NetworkUsed(f"network socket requested: {family}, {type}")
            super().__init__(family, type, proto, fileno)

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network connection requested: {args}")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def memory_keyring():
    """A stand-in for the OS keyring that the application takes for a real, secure one (secrets in memory)."""
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 5

        def __init__(self):
            super().__init__()
            self.secrets = {}

        def set_password(self, service, username, password):
            self.secrets[(service, username)] = password

        def get_password(self, service, username):
            return self.secrets.get((service, username))

        def delete_password(self, service, username):
            self.secrets.pop((service, username), None)

    return MemoryKeyring()


class NoDictionaries:
    """A stand-in for the ``enchant`` module whose broker finds no dictionary at all."""

    class Broker:
        def set_ordering(self, *_args):
            pass

        def dict_exists(self, _tag):
            return False
