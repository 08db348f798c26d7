from untoc_desktop.questionnaire.obligations import MAIN_QUESTION
from untoc_desktop.validation import check_completeness, paragraph_applies

ALL = {"TIP", "SOM", "FIREARMS"}

#: The main answer of each class meaning "fully" and "unknown" (consider: adopted; optional: yes / no).
_EQUIVALENT = {
    "fully": {"status": "fully", "consideration": "adopted", "adopted": "yes"},
    "unknown": {"status": "unknown", "consideration": "unknown", "adopted": "no"},
}


def _statuses(definition, protocols, status):
    answers = {}
    for p in definition.paragraphs():
        if paragraph_applies(p, protocols) and not p.context_only:
            key = MAIN_QUESTION[p.obligation]
            answers[p.question(key).id] = _EQUIVALENT[status][key]
    return answers


def test_empty_draft_requires_one_main_answer_per_applicable_paragraph(cluster1):
    report = check_completeness(cluster1, {}, ALL)
    assert report.required == len([p for p in cluster1.paragraphs() if not p.context_only])
    assert report.answered == 0 and not report.complete
    assert {m.question.key for m in report.missing()} == {"status", "consideration", "adopted"}


def test_saving_paragraphs_are_never_counted_as_missing(cluster1):
    report = check_completeness(cluster1, {}, ALL)
    saving = [entry for entry in report.paragraphs if entry.paragraph.obligation == "saving"]
    assert {e.paragraph.id for e in saving} == {"UNTOC.10.3", "UNTOC.15.6", "SOM.6.4"}
    assert all(e.required == 0 and e.complete and not e.paragraph.questions for e in saving)


def test_protocols_not_party_to_are_not_applicable_and_not_required(cluster1):
    report = check_completeness(cluster1, {}, set())
    tip = [p for p in report.paragraphs if p.paragraph.instrument == "TIP"]
    assert tip and all(not p.applicable and p.required == 0 and p.complete for p in tip)
    untoc_only = sum(1 for p in cluster1.paragraphs() if p.instrument == "UNTOC" and not p.context_only)
    assert report.required == untoc_only


def test_partly_requires_legislation_and_an_explanation(cluster1):
    answers = {"UNTOC.5.1(b).status": "partly"}
    entry = check_completeness(cluster1, answers, ALL).for_paragraph("UNTOC.5.1(b)")
    assert entry.required == 3 and entry.answered == 1
    missing = {m.question.key: m.reason for m in entry.missing}
    assert set(missing) == {"legislation", "challenges"}
    assert "partly" in missing["challenges"]


def test_not_implemented_requires_explanation_but_not_legislation(cluster1):
    answers = {"UNTOC.5.1(b).status": "not_implemented", "UNTOC.5.1(b).challenges": "   "}
    entry = check_completeness(cluster1, answers, ALL).for_paragraph("UNTOC.5.1(b)")
    assert [m.question.key for m in entry.missing] == ["challenges"]  # blank text is not an answer


def test_unknown_status_needs_nothing_more(cluster1):
    report = check_completeness(cluster1, _statuses(cluster1, ALL, "unknown"), ALL)
    assert report.complete and report.required == report.answered


def test_fully_implemented_needs_citations(cluster1):
    answers = _statuses(cluster1, ALL, "fully")
    report = check_completeness(cluster1, answers, ALL)
    assert not report.complete
    assert {m.question.key for m in report.missing()} == {"legislation"}
    for paragraph in cluster1.paragraphs():
        if paragraph.context_only:
            continue
        answers[paragraph.question("legislation").id] = [
            {"title": "Penal Code", "provision": "s. 1", "year": 2010, "link": ""}
        ]
    assert check_completeness(cluster1, answers, ALL).complete


def test_summary_line(cluster1):
    report = check_completeness(cluster1, {"UNTOC.5.1(b).status": "partly"}, set())
    assert report.summary() == f"Cluster 1: 1 of {report.required} required answers"
