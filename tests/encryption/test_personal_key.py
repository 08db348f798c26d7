"""The personal key: in the OS keyring when a real one exists, else in a passphrase-protected file."""

import keyring
import pytest
from helpers import memory_keyring
from keyring.backends import fail, null

from untoc_desktop.encryption.keys import create_personal_key, key_file, load_personal_identity, usable_keyring
from untoc_desktop.encryption.settings import SETTINGS_NAME, load_settings
from untoc_desktop.errors import EncryptionError


def test_without_a_keyring_the_key_is_kept_in_a_passphrase_protected_file(data_dir):
    settings = create_personal_key("correct horse battery staple")
    assert settings.personal_key_storage == "file" and settings.personal_key.startswith("age1")
    identity = load_personal_identity(lambda: "correct horse battery staple")
    assert identity.startswith("AGE-SECRET-KEY-1")
    stored = key_file().read_bytes()
    assert stored.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert identity.encode() not in stored and identity.lower().encode() not in stored
    assert identity.encode() not in (data_dir / SETTINGS_NAME).read_bytes()
    with pytest.raises(EncryptionError, match="Wrong passphrase"):
        load_personal_identity(lambda: "wrong")
    with pytest.raises(EncryptionError, match="Cancelled"):
        load_personal_identity(lambda: None)


def test_without_a_keyring_a_passphrase_is_required():
    with pytest.raises(EncryptionError, match="Choose a passphrase"):
        create_personal_key(None)
    assert not key_file().exists() and not load_settings().personal_key


def test_with_a_keyring_the_key_goes_there_and_not_to_disk(data_dir):
    memory = memory_keyring()
    keyring.set_keyring(memory)
    settings = create_personal_key()
    assert settings.personal_key_storage == "keyring"
    secret = memory.secrets[("untoc_desktop", "personal-age-identity")]
    assert load_personal_identity(lambda: pytest.fail("no passphrase with a keyring")) == secret
    assert not key_file().exists()
    assert all(secret.encode() not in path.read_bytes() for path in data_dir.rglob("*") if path.is_file())
    with pytest.raises(EncryptionError, match="already have a personal key"):
        create_personal_key()


def test_fail_null_and_plaintext_keyrings_do_not_count():
    plaintext = type("PlaintextKeyring", (type(memory_keyring()),), {})()
    for backend in (fail.Keyring(), null.Keyring(), plaintext):
        keyring.set_keyring(backend)
        assert usable_keyring() is None, backend
    keyring.set_keyring(memory_keyring())
    assert usable_keyring() is not None
