"""Typed draft properties: each key read with its shape, refused on write when the shape is wrong."""

import dataclasses

import pytest

from untoc_desktop.draft import properties
from untoc_desktop.draft.properties import PropertyShapeError


class Store:
    """A stand-in for a draft's property table (the functions take any PropertyStore)."""

    def __init__(self, **values):
        self.values = dict(values)

    def property(self, key, default=None):
        return self.values.get(key, default)

    def set_property(self, key, value):
        self.values[key] = value


FROM_TABLE = {
    "party": True,
    "source": "table",
    "source_date": "2025-01-01",
    "origin": "shipped",
    "confidence": "high",
    "source_url": "https://example.org",
}


def test_applicability_round_trips_and_reads_schema_2_entries(draft):
    properties.set_applicability(draft, {"TIP": FROM_TABLE, "SOM": {"party": False, "source": "user"}})
    assert draft.property("applicability")["TIP"] == FROM_TABLE
    assert properties.applicability(draft) == {"TIP": FROM_TABLE, "SOM": {"party": False, "source": "user"}}


@pytest.mark.parametrize("stored", [None, "yes", [1]])
def test_applicability_that_is_not_an_object_reads_as_not_recorded(stored):
    assert properties.applicability(Store(applicability=stored)) is None


@pytest.mark.parametrize("stored", [{"TIP": "party"}, {"TIP": {"party": "yes"}}, {"TIP": {"source": "user"}}])
def test_an_applicability_entry_without_a_true_or_false_party_is_left_out(stored):
    assert properties.applicability(Store(applicability=stored)) == {}


def test_unknown_or_mistyped_fields_of_an_entry_are_left_out():
    stored = {"TIP": {"party": True, "source": "rumour", "origin": 3, "x": "", "confidence": "high"}}
    assert properties.applicability(Store(applicability=stored)) == {"TIP": {"party": True, "confidence": "high"}}


def test_the_interface_names_are_the_core_ones():
    from untoc_desktop import applicability

    assert applicability.APPLICABILITY_PROPERTY == properties.APPLICABILITY == "applicability"
    assert applicability.read_applicability is properties.parse_applicability
    assert applicability.protocol_choice(True, True, origin="shipped") == {
        "party": True,
        "source": "table",
        "source_date": "",
        "origin": "shipped",
        "confidence": "",
        "source_url": "",
    }


@pytest.mark.parametrize(
    "value",
    [
        {"TIP": {"source": "user"}},
        {"TIP": {"party": 1}},
        {"TIP": {"party": True, "source": "guess"}},
        ["TIP"],
        {"TIP": {"party": True, "extra": ""}},
    ],
)
def test_applicability_of_another_shape_is_refused_and_nothing_written(value):
    store = Store(applicability={"TIP": FROM_TABLE})
    with pytest.raises(PropertyShapeError):
        properties.set_applicability(store, value)
    assert store.values == {"applicability": {"TIP": FROM_TABLE}}


def test_sender_fields_are_those_of_the_letters_sender():
    from untoc_desktop.letters import Sender

    assert properties.SENDER_FIELDS == tuple(f.name for f in dataclasses.fields(Sender))


def test_sender_reads_known_text_fields_only():
    store = Store(sender={"email": "a@b.org", "signatory": None, "colour": "red", "address": 12})
    assert properties.sender(store) == {"email": "a@b.org", "address": "12"}
    assert properties.sender(Store(sender="CJR")) == {}
    assert properties.sender(Store()) == {}


def test_sender_of_another_shape_is_refused():
    store = Store()
    with pytest.raises(PropertyShapeError):
        properties.set_sender(store, {"organization": "CJR"})
    with pytest.raises(PropertyShapeError):
        properties.set_sender(store, {"email": None})
    assert store.values == {}
    properties.set_sender(store, {"email": "a@b.org"})
    assert store.values == {"sender": {"email": "a@b.org"}}


def test_review_timeline_shape():
    store = Store()
    properties.set_review_timeline(store, {"group": 2, "started_on": "2024-06-01"})
    assert properties.review_timeline(store) == {"group": 2, "started_on": "2024-06-01"}
    assert properties.review_timeline(Store(review_timeline={"group": "2", "started_on": "June"})) == {
        "group": None,
        "started_on": None,
    }
    assert properties.review_timeline(Store(review_timeline=[2])) is None
    for bad in ({"group": True, "started_on": None}, {"group": 2, "started_on": "01/06/2024"}, {"group": 2}):
        with pytest.raises(PropertyShapeError):
            properties.set_review_timeline(store, bad)
    assert store.values == {"review_timeline": {"group": 2, "started_on": "2024-06-01"}}


def test_forms_of_address_keep_known_forms_only():
    store = Store(recipient_forms_of_address={"r1": "ms", "r2": "sir", "r3": 4})
    assert properties.forms_of_address(store) == {"r1": "ms"}
    with pytest.raises(PropertyShapeError):
        properties.set_forms_of_address(store, {"r1": "sir"})
    properties.set_forms_of_address(store, {"r1": "excellency"})
    assert store.values["recipient_forms_of_address"] == {"r1": "excellency"}


ASSIGNED = {
    "colleague": "Boris",
    "articles": ["UNTOC.2"],
    "sent_by": "Amina",
    "sent_at": "2026-01-05T10:00:00+00:00",
    "copy_name": "boris.untoc",
}


def test_assignment_and_copies_sent():
    copy, original = Store(), Store(copies_sent=[{"colleague": "old shape"}])
    properties.set_assignment(copy, ASSIGNED)
    assert properties.assignment(copy) == ASSIGNED
    properties.add_copy_sent(original, ASSIGNED)
    assert properties.copies_sent(original) == [ASSIGNED]
    with pytest.raises(PropertyShapeError):
        properties.set_assignment(copy, {**ASSIGNED, "articles": "UNTOC.2"})
    with pytest.raises(PropertyShapeError):
        properties.add_copy_sent(original, {"colleague": "Boris"})
    assert properties.assignment(Store(assignment={"colleague": "Boris"})) is None


def test_last_recovery():
    store = Store()
    properties.set_last_recovery(store, "2026-01-05T10:00:00+00:00", "laptop", "2026-01-05T11:00:00+00:00")
    assert properties.last_recovery(store) == {
        "opened_at": "2026-01-05T10:00:00+00:00",
        "host": "laptop",
        "recovered_at": "2026-01-05T11:00:00+00:00",
    }
    with pytest.raises(PropertyShapeError):
        properties.set_last_recovery(store, "x", None, "y")
    assert properties.last_recovery(Store(last_recovery={"host": "laptop"})) is None


def test_every_key_is_documented_in_the_module():
    assert all(f"``{key}``" in properties.__doc__ for key in properties.KEYS)


def test_no_core_module_uses_a_property_key_of_its_own():
    """Outside the interface, a property is read or written only through draft.properties (or by its constant)."""
    import re
    from pathlib import Path

    import untoc_desktop

    package = Path(untoc_desktop.__file__).parent
    raw = re.compile(r"""\.(set_)?property\(\s*["']""")
    offenders = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if not p.relative_to(package).parts[0] == "ui" and raw.search(p.read_text("utf-8"))
    ]
    assert offenders == []
