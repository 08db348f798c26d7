"""Property test: two copies of one draft edited at random, then merged both ways."""

import itertools
import shutil
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from untoc_desktop.draft import Draft
from untoc_desktop.sharing.conflicts import open_conflicts
from untoc_desktop.sharing.merge import merge
from untoc_desktop.sharing.text_merge import sentences

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

TEXTS = ("UNTOC.2.(a).practice", "UNTOC.2.(a).cases")
STATUS = "UNTOC.2.(a).status"
CITATIONS = "UNTOC.2.(a).legislation"
CASES = "UNTOC.2.(a).case_list"
KINDS = {TEXTS[0]: "text", TEXTS[1]: "text", STATUS: "status", CITATIONS: "citations", CASES: "cases"}

_counter = itertools.count()
_WORDS = ("The law", "La loi", "El código", "Закон", "القانون", "该法律")
_ENDS = (".", "!", "?", ".", "؟", "。")


def _sentence(seed: int) -> str:
    index = next(_counter)  # every typed sentence is unique, so it can be looked for afterwards
    end = _ENDS[seed % len(_ENDS)]
    return f"{_WORDS[seed % len(_WORDS)]} n{index}{end}"


def _join(parts):
    return " ".join(parts)


def _parts(text):
    return [s.strip() for s in sentences(text or "") if s.strip()]


operation = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(TEXTS), st.integers(0, 5), st.integers(0, 99)),
    st.tuples(st.just("insert"), st.sampled_from(TEXTS), st.integers(0, 5), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.sampled_from(TEXTS), st.integers(0, 5), st.just(0)),
    st.tuples(st.just("clear"), st.sampled_from(TEXTS + (STATUS, CITATIONS)), st.just(0), st.just(0)),
    st.tuples(st.just("status"), st.just(STATUS), st.sampled_from(("fully", "partly", "unknown")), st.just(0)),
    st.tuples(st.just("add_row"), st.sampled_from((CITATIONS, CASES)), st.integers(0, 99), st.just(0)),
    st.tuples(st.just("remove_row"), st.sampled_from((CITATIONS, CASES)), st.integers(0, 5), st.just(0)),
    st.tuples(st.just("edit_row"), st.sampled_from((CITATIONS, CASES)), st.integers(0, 5), st.integers(0, 99)),
)


def _apply(draft: Draft, ops, author: str, batch: bool = False) -> None:
    values = draft.answers()
    changed = {}

    def store(qid, value):
        values[qid] = changed[qid] = value
        if not batch:
            draft.set_answer(qid, value, author)

    for kind, qid, a, b in ops:
        value = values.get(qid)
        if kind in ("edit", "insert", "delete"):
            parts = _parts(value)
            if kind == "edit" and parts:
                parts[a % len(parts)] = _sentence(b)
            elif kind == "insert":
                parts.insert(a % (len(parts) + 1), _sentence(b))
            elif kind == "delete" and parts:
                del parts[a % len(parts)]
            store(qid, _join(parts) or None)
        elif kind == "clear":
            store(qid, None)
        elif kind == "status":
            store(qid, a)
        else:
            rows = list(value or [])
            first = "title" if qid == CITATIONS else "court"
            if kind == "add_row":
                rows.append({first: f"Record {next(_counter)}", "row_id": uuid.uuid4().hex[:12]})
            elif kind == "remove_row" and rows:
                del rows[a % len(rows)]
            elif kind == "edit_row" and rows:
                index = a % len(rows)
                rows[index] = dict(rows[index], **{first: f"Record {next(_counter)}"})
            store(qid, rows or None)
    if batch:
        draft.set_answers(changed, author)


def _record_texts(value):
    return {r.get("title") or r.get("court") for r in value or []}


def _base_ops():
    return st.lists(operation, max_size=4)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    base_ops=_base_ops(),
    ops_a=st.lists(operation, min_size=1, max_size=8),
    ops_b=st.lists(operation, min_size=1, max_size=8),
)
def test_merging_keeps_one_side_changes_reports_overlaps_loses_no_text_both_ways(
    tmp_path_factory, template_draft, base_ops, ops_a, ops_b
):
    folder = tmp_path_factory.mktemp("prop")
    base_path, a_path, b_path = folder / "base.untoc", folder / "a.untoc", folder / "b.untoc"
    shutil.copyfile(template_draft, base_path)
    with Draft.open(base_path) as draft:
        start = [("insert", q, 0, n) for q in TEXTS for n in range(5)]
        start += [("add_row", q, 0, 0) for q in (CITATIONS, CASES) for _ in range(3)]
        start += [("status", STATUS, "partly", 0)]
        _apply(draft, start + base_ops, "Amina", batch=True)
        base = draft.answers()
    shutil.copyfile(base_path, a_path)
    shutil.copyfile(base_path, b_path)
    with Draft.open(a_path) as draft:
        _apply(draft, ops_a, "Amina")
        mine = draft.answers()
    with Draft.open(b_path) as draft:
        _apply(draft, ops_b, "Boris")
        theirs = draft.answers()
    ab, ba = folder / "ab.untoc", folder / "ba.untoc"
    shutil.copyfile(a_path, ab)
    shutil.copyfile(b_path, ba)
    merge(ab, b_path, "Amina", KINDS)
    merge(ba, a_path, "Boris", KINDS)
    with Draft.open(ab) as draft:
        result, conflicts = draft.answers(), {c.question_id: c for c in open_conflicts(draft)}
    with Draft.open(ba) as draft:
        result_ba, conflicts_ba = draft.answers(), {c.question_id: c for c in open_conflicts(draft)}

    for qid in KINDS:
        a, b, o = mine.get(qid), theirs.get(qid), base.get(qid)
        # A change made on one side only is taken as it is.
        if a == o:
            assert result.get(qid) == b and qid not in conflicts
        if b == o:
            assert result.get(qid) == a and qid not in conflicts
        # Overlapping changes are conflicts: two different statuses, a record both edited differently.
        if qid == STATUS and a != o and b != o and a != b:
            assert qid in conflicts
        # No text typed on either side is lost: it is in the answer or in the open conflict.
        if KINDS[qid] == "text":
            kept = set(_parts(result.get(qid)))
            if qid in conflicts:
                kept |= set(_parts(conflicts[qid].mine)) | set(_parts(conflicts[qid].theirs))
            typed = (set(_parts(a)) | set(_parts(b))) - set(_parts(o))
            assert typed <= kept
        if KINDS[qid] in ("citations", "cases"):
            kept = _record_texts(result.get(qid))
            if qid in conflicts:
                kept |= _record_texts(conflicts[qid].mine) | _record_texts(conflicts[qid].theirs)
            assert (_record_texts(a) | _record_texts(b)) - _record_texts(o) <= kept

    # Order independent: the same answers (where no conflict is open) and the same conflicts, sides swapped.
    assert set(conflicts) == set(conflicts_ba)
    for qid in set(result) | set(result_ba):
        if qid not in conflicts:
            assert result.get(qid) == result_ba.get(qid), qid
    for qid, conflict in conflicts.items():
        assert (conflict.mine, conflict.theirs) == (conflicts_ba[qid].theirs, conflicts_ba[qid].mine)

    # Idempotent: merging the same copy again changes nothing.
    before = ab.read_bytes()
    assert not merge(ab, b_path, "Amina", KINDS).changed
    assert ab.read_bytes() == before
