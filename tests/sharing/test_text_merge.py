import pytest

from untoc_desktop.sharing.text_merge import TextConflict, merge_texts, sentences
from untoc_desktop.sharing.values import merge_values, with_row_ids


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two? Three!", ["One. ", "Two? ", "Three!"]),
        ("Loi de 2016. Décret n° 3.5 de 2018 !", ["Loi de 2016. ", "Décret n° 3.5 de 2018 !"]),
        ("¿Hay datos? Sí.", ["¿Hay datos? ", "Sí."]),
        ("Закон принят. Он действует!", ["Закон принят. ", "Он действует!"]),
        ("هل يوجد قانون؟ نعم، صدر ۔ انتهى", ["هل يوجد قانون؟ ", "نعم، صدر ۔ ", "انتهى"]),
        ("该法律已通过。是否执行？是的！", ["该法律已通过。", "是否执行？", "是的！"]),
        ("First paragraph.\n\nSecond one.", ["First paragraph.", "\n\n", "Second one."]),
    ],
)
def test_sentences_of_the_six_languages_and_paragraph_breaks(text, expected):
    assert sentences(text) == expected
    assert "".join(sentences(text)) == text


def test_adjacent_sentences_changed_on_each_side_merge_without_conflict():
    merged = merge_texts("A one. B two. C three.", "A one. B TWO. C three.", "A one. B two. C THREE.")
    assert merged.conflicts == () and merged.text() == "A one. B TWO. C THREE."


def test_the_same_sentence_changed_differently_is_one_conflict_and_the_rest_merges():
    merged = merge_texts("A. B. C. D.", "A. B mine. C. D.", "A. B theirs. C. D changed.")
    assert merged.conflicts == (TextConflict("B. ", "B mine. ", "B theirs. "),)
    assert merged.text("mine") == "A. B mine. C. D changed."
    assert merged.text("theirs") == "A. B theirs. C. D changed."
    assert merged.text("both") == "A. B mine. B theirs. C. D changed."


def test_a_status_changed_on_both_sides_is_a_conflict_without_keep_both():
    result = merge_values("partly", "fully", "not_implemented", "status")
    assert result.conflict and result.both is None


def test_records_of_older_drafts_get_the_same_derived_identity_in_every_copy():
    records = [{"title": "Penal Code"}, {"title": "Penal Code"}]
    first, second = with_row_ids(records), with_row_ids([dict(r) for r in records])
    assert first == second and first[0]["row_id"] != first[1]["row_id"]


def test_a_record_edited_differently_on_both_sides_is_a_conflict_and_keep_both_keeps_both():
    base = [{"title": "Penal Code", "year": 2001, "row_id": "r1"}]
    result = merge_values(base, [dict(base[0], year=2002)], [dict(base[0], year=2003)], "citations")
    assert result.conflict
    assert [r["year"] for r in result.both] == [2002, 2003]
