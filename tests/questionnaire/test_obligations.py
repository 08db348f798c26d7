import pytest

from untoc_desktop.questionnaire import load_installed_definition
from untoc_desktop.questionnaire.obligations import (
    OBLIGATION_CLASSES,
    OBLIGATION_LABELS,
    asks_questions,
    obligation_label,
)
from untoc_desktop.validation import check_completeness

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


def test_the_six_classes_have_plain_english_labels():
    assert [obligation_label(c, "en") for c in OBLIGATION_CLASSES] == [
        "must",
        "must, with a qualifier",
        "must consider",
        "may",
        "definition",
        "no obligation",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_class_has_a_distinct_label_in_each_un_language(language):
    labels = [obligation_label(c, language) for c in OBLIGATION_CLASSES]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == 6
    if language != "en":
        assert not set(labels) & set(OBLIGATION_LABELS["en"].values())  # really translated


def test_labels_in_other_scripts_and_regional_codes():
    assert obligation_label("optional", "fr_CA") == "peut"
    assert obligation_label("saving", "zh-Hans") == "无义务"
    assert obligation_label("consider", "ar") == "يجب النظر في التدبير"
    assert obligation_label("qualified", "ru") == "обязательно, в определённых пределах"
    assert obligation_label("mandatory", "xx") == "must"  # unknown language: English


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_saving_paragraphs_ask_nothing_and_are_never_missing(cluster):
    definition = load_installed_definition(cluster)
    saving = [p for p in definition.paragraphs() if p.obligation == "saving"]
    assert saving and not asks_questions("saving")
    report = check_completeness(definition, {}, {"TIP", "SOM", "FIREARMS"})
    for paragraph in saving:
        assert paragraph.questions == () and paragraph.context_only
        entry = report.for_paragraph(paragraph.id)
        assert entry.required == 0 and entry.complete


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_questions_are_in_the_projects_own_words_not_the_treaty_modal(cluster):
    import yaml
    from helpers import shared_dir

    reference = yaml.safe_load((shared_dir() / "reference" / "provisions.yaml").read_text("utf-8"))
    modals = {
        p["modal"].lower()
        for c in reference["clusters"]
        for arts in c["instruments"].values()
        for a in arts
        for p in a["paragraphs"]
        if len(p["modal"]) > 12
    }
    definition = load_installed_definition(cluster)
    for question in definition.questions():
        text = (question.label + " " + question.help).lower()
        assert not any(modal in text for modal in modals), question.id
