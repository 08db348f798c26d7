"""Every question type reaches both formats, and provisional clusters say so."""

from __future__ import annotations

import pytest
from documents_cases import docx_texts, pdf_pages, squash

from untoc_desktop.documents import export_submission
from untoc_desktop.draft import DraftInfo
from untoc_desktop.i18n import translator
from untoc_desktop.questionnaire import load_installed_definition

TYPED_ANSWERS = {
    "UNTOC.2.(b).status": "partly",
    "UNTOC.2.(b).max_penalty_years": 3,
    "UNTOC.10.2.status": "fully",
    "UNTOC.10.2.liability_kinds": ["criminal", "administrative"],
    "UNTOC.15.3.status": "partly",
    "UNTOC.15.3.extradites_nationals": "yes_in_part",
    "TIP.5.1.status": "fully",
    "TIP.5.1.offence_in_force": "2016-03-01",
    "TIP.5.1.case_list": [
        {"court": "Veridia High Court", "year": 2022, "reference": "HC-TIP-41/22", "outcome": "Two convictions"}
    ],
    "TIP.5.1.figures": [{"year": 2023, "figure": 41, "unit": "victims identified", "source": "Ministry of Interior"}],
    "SOM.5.5.status": "partly",
    "SOM.5.5.migrant_treatment": "sometimes_prosecuted",
    "SOM.5.5.migrant_treatment_details": "Charged with irregular entry under the Aliens Act.",
}
EXPECTED = {
    "en": [
        "3 years",
        "Criminal",
        "Administrative",
        "Yes, in part",
        "1 March 2016",
        "Veridia High Court",
        "HC-TIP-41/22",
        "victims identified",
        "Ministry of Interior",
        "Sometimes prosecuted for having been smuggled",
        "Charged with irregular entry under the Aliens Act.",
    ],
    "fr": ["1 mars 2016", "Oui, en partie"],
}


def _info(definition, protocols=frozenset({"TIP", "SOM", "FIREARMS"})):
    return DraftInfo(
        "Coalition",
        "Republic of Veridia",
        definition.cluster,
        protocols,
        definition_id=definition.id,
        definition_version=definition.version,
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_question_type_is_exported(tmp_path, fmt, language):
    definition = load_installed_definition(1)
    out = export_submission(definition, _info(definition), TYPED_ANSWERS, tmp_path / f"t.{fmt}", fmt, language=language)
    if fmt == "docx":
        text = squash(" ".join(sum(docx_texts(out).values(), [])))
    else:
        text = squash(" ".join(pdf_pages(out)))
    # option labels, question texts and table headings follow the document language through the
    # catalogue (definitions are extracted into it); dates and statuses through CLDR and the label tables
    tr = translator(language)
    localised = ("2016", "Yes, in part")
    expected = (
        EXPECTED["en"]
        if language == "en"
        else [tr(f) for f in EXPECTED["en"] if not any(part in f for part in localised)] + EXPECTED["fr"]
    )
    if language == "fr":
        assert tr("Sometimes prosecuted for having been smuggled") != "Sometimes prosecuted for having been smuggled"
        assert squash(tr("Court or authority")) in text and squash(tr("Court decisions (one per row)")) in text
    for fragment in expected:
        assert squash(fragment) in text, fragment


def test_hidden_question_answers_are_not_exported(tmp_path):
    definition = load_installed_definition(1)
    answers = dict(TYPED_ANSWERS, **{"SOM.5.5.migrant_treatment": "not_prosecuted"})
    out = export_submission(definition, _info(definition), answers, tmp_path / "t.docx", "docx")
    assert squash("Charged with irregular entry") not in squash(" ".join(docx_texts(out)["body"]))


@pytest.mark.parametrize("cluster", [2, 3, 4])
def test_provisional_clusters_say_so_and_name_their_sources(tmp_path, cluster):
    definition = load_installed_definition(cluster)
    assert definition.provisional
    out = export_submission(definition, _info(definition), {}, tmp_path / "p.pdf", "pdf")
    text = squash(" ".join(pdf_pages(out)))
    assert squash("Provisional: the list of articles of this cluster is not yet confirmed") in text
    assert squash(f"{definition.id}, version {definition.version}") in text
    assert squash("Sources of the treaty information in the questionnaire") in text
