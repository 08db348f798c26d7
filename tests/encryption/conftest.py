import pyrage
import pytest
from keyring.backend import KeyringBackend
from encryption_helpers import make_example_draft

from untoc_desktop.encryption.settings import data_folder


class MemoryKeyring(KeyringBackend):
    """A stand-in for the OS keyring (a real, secure backend as far as the application can tell)."""

    priority = 5

    def __init__(self):
        super().__init__()
        self.secrets = {}

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def get_password(self, service, username):
        return self.secrets.get((service, username))


@pytest.fixture(autouse=True)
def no_real_keyring(monkeypatch):
    """Never reach the developer's real keyring: the null backend (no keyring) unless a test sets another."""
    import keyring
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir():
    """The user data folder (inside the temporary home set up by tests/conftest.py)."""
    folder = data_folder()
    assert "xdg_data_home" in str(folder)
    return folder


@pytest.fixture
def example_draft(tmp_path, cluster1):
    return make_example_draft(tmp_path / "example.untoc", cluster1)


@pytest.fixture
def colleagues():
    """Two colleagues' identities (secret strings), Alice and Bob."""
    return {name: str(pyrage.x25519.Identity.generate()) for name in ("Alice", "Bob")}
