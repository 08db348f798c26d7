"""Interoperability: the Debian ``age`` command line (installed by .ci/run) opens our copies, and we open its."""

import shutil
import subprocess

import pyrage
import pytest
from encryption_helpers import public

from untoc_desktop.encryption import decrypt_copy, derive_recovery_identity, draft_bytes, encrypt_copy
from untoc_desktop.encryption.recovery import new_recovery_code

AGE = shutil.which("age") or "/usr/bin/age"
ORGANISATION = "0d5c7f38-6f0e-4a83-9d55-1b8f3a0c2e71"


@pytest.fixture(scope="module")
def plain_and_keys(tmp_path_factory, cluster1):
    from encryption_helpers import make_example_draft

    folder = tmp_path_factory.mktemp("age")
    plain = draft_bytes(make_example_draft(folder / "example.untoc", cluster1))
    member = str(pyrage.x25519.Identity.generate())
    code = new_recovery_code()
    return plain, member, code


def test_age_decrypts_our_copy_with_a_members_key_and_with_the_recovery_identity(tmp_path, plain_and_keys):
    plain, member, code = plain_and_keys
    recovery = derive_recovery_identity(code.lower(), ORGANISATION)
    copy = encrypt_copy(plain, [public(member), public(recovery)], tmp_path / "example.untoc.age")
    for name, identity in (("member", member), ("recovery", recovery)):
        identity_file = tmp_path / f"{name}.txt"
        identity_file.write_text(f"# {name}\n{identity}\n")
        out = tmp_path / f"{name}.untoc"
        subprocess.run(
            [AGE, "-d", "-i", str(identity_file), "-o", str(out), str(copy)],
            check=True,
            capture_output=True,
            timeout=30,
        )
        assert out.read_bytes() == plain


def test_age_refuses_our_copy_with_another_key(tmp_path, plain_and_keys):
    plain, member, _code = plain_and_keys
    copy = encrypt_copy(plain, [public(member)], tmp_path / "example.untoc.age")
    other = tmp_path / "other.txt"
    other.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    done = subprocess.run([AGE, "-d", "-i", str(other), str(copy)], capture_output=True, timeout=30)
    assert done.returncode != 0 and not done.stdout


def test_we_open_what_age_encrypted_for_the_recovery_recipient(tmp_path, plain_and_keys):
    plain, _member, code = plain_and_keys
    recovery = derive_recovery_identity(code, ORGANISATION)
    source = tmp_path / "plain.untoc"
    source.write_bytes(plain)
    sealed = tmp_path / "by-age.untoc.age"
    subprocess.run([AGE, "-r", public(recovery), "-o", str(sealed), str(source)], check=True, timeout=30)
    assert decrypt_copy(sealed.read_bytes(), [recovery]) == plain
