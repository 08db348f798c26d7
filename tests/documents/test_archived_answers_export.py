"""Archived answers (questions no longer asked) are exported only on request."""

from untoc_desktop.documents import build_submission, model
from untoc_desktop.validation import check_completeness


def _archive_blocks(document):
    blocks = list(document.blocks)
    start = next(
        (i for i, b in enumerate(blocks) if isinstance(b, model.Heading) and b.anchor == "annex-archived"), None
    )
    return None if start is None else blocks[start : start + 2]


def test_archived_answers_are_listed_with_id_and_value_when_given(cluster1, draft_info):
    report = check_completeness(cluster1, {}, draft_info.protocols)
    archived = {"UNTOC.99.1.old": "kept text", "UNTOC.99.1.count": 3}
    document = build_submission(cluster1, draft_info, {}, report, archived=archived)
    heading, table = _archive_blocks(document)
    assert heading.text.startswith("Archived answers")
    assert table.rows == (("UNTOC.99.1.count", "3"), ("UNTOC.99.1.old", "kept text"))


def test_no_archived_section_by_default(cluster1, draft_info):
    report = check_completeness(cluster1, {}, draft_info.protocols)
    assert _archive_blocks(build_submission(cluster1, draft_info, {}, report)) is None
