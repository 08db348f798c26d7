"""Encrypted copies: made for two colleagues and the recovery recipient, opened by each, refused otherwise."""

import pyrage
import pytest
from encryption_helpers import answers_of, make_example_draft, public

from untoc_desktop.encryption import (
    decrypt_copy,
    derive_recovery_identity,
    draft_bytes,
    encrypt_copy,
    free_draft_name,
    load_settings,
    new_recovery_code,
    open_copy_to_draft,
    recipient_stanzas,
    recipients_for,
    recovery_identity,
    set_up_recovery,
)
from untoc_desktop.errors import DraftExistsError, EncryptionError, NotADraftError, NotForYouError


@pytest.fixture
def recovery(tmp_path):
    return set_up_recovery("Coalition for Justice and Rights", tmp_path / "sheet.pdf")


@pytest.fixture(scope="module")
def sealed(tmp_path_factory, cluster1):
    """One copy of the example draft for Alice, Bob and a recovery recipient (made once: drafts take a moment)."""
    folder = tmp_path_factory.mktemp("sealed")
    draft = make_example_draft(folder / "example.untoc", cluster1)
    alice, bob = (str(pyrage.x25519.Identity.generate()) for _ in range(2))
    recovery = derive_recovery_identity(new_recovery_code(), "4b1d7a52-1111-4222-8333-944455556666")
    keys = [public(alice), public(bob), public(recovery)]
    data = encrypt_copy(draft_bytes(draft), keys, folder / "example.untoc.age").read_bytes()
    return {"data": data, "answers": answers_of(draft), "Alice": alice, "Bob": bob, "recovery": recovery}


@pytest.fixture
def copy(tmp_path, sealed):
    path = tmp_path / "example.untoc.age"
    path.write_bytes(sealed["data"])
    return path


@pytest.fixture
def colleagues(sealed):
    return {"Alice": sealed["Alice"], "Bob": sealed["Bob"]}


def test_each_colleague_and_the_recovery_identity_open_the_copy(tmp_path, sealed, copy):
    assert len(sealed["answers"]) > 20
    assert recipient_stanzas(copy.read_bytes()) == 3
    for name in ("Alice", "Bob", "recovery"):
        opened = open_copy_to_draft(copy, tmp_path / f"{name}.untoc", [sealed[name]])
        assert answers_of(opened) == sealed["answers"]


def test_a_copy_for_two_colleagues_opens_with_the_organisations_recovery_code(tmp_path, example_draft, recovery):
    alice, bob = (str(pyrage.x25519.Identity.generate()) for _ in range(2))
    keys = recipients_for(load_settings(), [public(alice), public(bob)], require_recovery=True)
    assert keys[-1] == recovery.recipient
    copy = encrypt_copy(draft_bytes(example_draft), keys, tmp_path / "example.untoc.age")
    original = answers_of(example_draft)
    # Typed from the sheet in lower case, with spaces, O for 0 and l for 1.
    typed = " ".join(recovery.code[i : i + 4] for i in range(0, 24, 4)).lower().replace("0", "o").replace("1", "l")
    opened = open_copy_to_draft(copy, tmp_path / "recovered.untoc", [recovery_identity(typed, load_settings())])
    assert answers_of(opened) == original


def test_a_strangers_key_is_told_how_many_keys_the_copy_was_for(tmp_path, copy):
    import pyrage

    stranger = str(pyrage.x25519.Identity.generate())
    with pytest.raises(NotForYouError) as refused:
        open_copy_to_draft(copy, tmp_path / "stranger.untoc", [stranger])
    assert refused.value.recipient_count == 3
    assert "not encrypted for you; it was encrypted for 3 keys, none of them yours" in str(refused.value)
    assert not (tmp_path / "stranger.untoc").exists()


@pytest.mark.parametrize("where", ["header line", "header mac", "payload start", "payload middle", "last byte"])
def test_one_flipped_byte_is_refused_and_nothing_written(tmp_path, copy, colleagues, where):
    data = bytearray(copy.read_bytes())
    header_end = data.index(b"\n---") + 1
    payload = data.index(b"\n", header_end) + 1
    position = {
        "header line": 40,
        "header mac": header_end + 6,
        "payload start": payload + 3,
        "payload middle": (payload + len(data)) // 2,
        "last byte": len(data) - 1,
    }[where]
    data[position] ^= 0x01
    damaged = tmp_path / "damaged.untoc.age"
    damaged.write_bytes(bytes(data))
    with pytest.raises(EncryptionError) as refused:
        open_copy_to_draft(damaged, tmp_path / "out.untoc", [colleagues["Alice"]])
    assert "Nothing was written" in str(refused.value)
    assert not (tmp_path / "out.untoc").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.untoc.age", "example.untoc.age"]  # no temporary


@pytest.mark.parametrize("keep", [10, 100, 0.5, -1, -17])
def test_a_truncated_copy_is_refused(tmp_path, copy, colleagues, keep):
    data = copy.read_bytes()
    cut = data[: int(len(data) * keep)] if isinstance(keep, float) else data[:keep]
    truncated = tmp_path / "truncated.untoc.age"
    truncated.write_bytes(cut)
    with pytest.raises(EncryptionError, match="damaged or cut short|not an encrypted copy"):
        open_copy_to_draft(truncated, tmp_path / "out.untoc", [colleagues["Alice"]])
    assert not (tmp_path / "out.untoc").exists()


def test_a_plain_draft_is_not_taken_for_an_encrypted_copy(tmp_path, example_draft, colleagues):
    with pytest.raises(EncryptionError, match="not an encrypted copy"):
        decrypt_copy(example_draft.read_bytes(), [colleagues["Alice"]])


def test_decrypted_content_goes_through_the_draft_checks(tmp_path, colleagues):
    sealed = tmp_path / "notes.untoc.age"
    encrypt_copy(b"SQLite format 3\x00" + b"\x00" * 200, [public(colleagues["Alice"])], sealed)
    with pytest.raises(NotADraftError):
        open_copy_to_draft(sealed, tmp_path / "notes.untoc", [colleagues["Alice"]])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.untoc.age"]


def test_an_existing_draft_is_never_overwritten(tmp_path, copy, colleagues):
    mine = tmp_path / "example.untoc"
    mine.write_bytes(b"my own draft")
    before = mine.read_bytes()
    with pytest.raises(DraftExistsError):
        open_copy_to_draft(copy, mine, [colleagues["Alice"]])
    assert mine.read_bytes() == before
    beside = free_draft_name(copy)
    assert beside.name == "example (2).untoc"
    assert open_copy_to_draft(copy, beside, [colleagues["Bob"]]) == beside


def test_the_window_path_requires_a_recovery_recipient():
    colleagues = {"Alice": str(pyrage.x25519.Identity.generate())}
    with pytest.raises(EncryptionError, match="recovery code first"):
        recipients_for(load_settings(), [public(colleagues["Alice"])], require_recovery=True)
    assert recipients_for(load_settings(), [public(colleagues["Alice"])], require_recovery=False) == [
        public(colleagues["Alice"])
    ]


def test_a_mistyped_recovery_code_is_named_as_such(recovery):
    wrong = ("1" if recovery.code[0] != "1" else "2") + recovery.code[1:]
    with pytest.raises(EncryptionError, match="not the organisation's recovery code"):
        recovery_identity(wrong, load_settings())
