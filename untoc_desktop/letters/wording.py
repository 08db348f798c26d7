"""The letters' own wording, written here in English and translated through the gettext catalogues.

Texts use ``{field}`` placeholders named after :data:`.fields.FIELDS`. Each text is passed through
``pgettext("letter", ...)`` (closings through ``pgettext("letter closing (<form>)", ...)``, because
one English closing has a different translation for each form of address), so that the French,
Spanish, Arabic, Russian and Chinese wording lives in ``translations/<lang>/LC_MESSAGES/untoc_desktop.po``
with the rest of the application's. The shipped Word templates are generated from these texts
(``tools/make_letter_templates.py`` turns ``{field}`` into ``{{ field }}``) and the PDF is built from
them with the values filled in, so the two formats say the same thing. The wording is the project's own.

Forms of address: ``neutral`` (the recipient's form of address is not known), ``ms``,
``mr`` and ``excellency``; each gives a salutation and the matching closing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from .. import languages
from ..i18n import N_, translator

#: Forms of address a letter can use.
FORMS_OF_ADDRESS: tuple[str, ...] = ("neutral", "ms", "mr", "excellency")
#: How each form of address is named to the user (through the catalogue).
FORM_OF_ADDRESS_LABELS: dict[str, str] = {
    "neutral": N_("Not known (neutral)"),
    "ms": N_("Madam"),
    "mr": N_("Sir"),
    "excellency": N_("Excellency"),
}
#: Languages with shipped letters: the six of :mod:`untoc_desktop.languages`.
LETTER_LANGUAGES: tuple[str, ...] = languages.CODES


def _letter_wording(pgettext: Callable[[str, str], str]) -> dict[str, Any]:
    """The wording table: every English text passed through ``pgettext``."""
    return {
        "reference": pgettext("letter", "Our ref.: {reference}"),
        "subject_label": pgettext("letter", "Subject: "),
        "forms": {
            "neutral": (
                pgettext("letter", "Dear Sir or Madam,"),
                pgettext("letter closing (neutral)", "Yours faithfully,"),
            ),
            "ms": (pgettext("letter", "Dear Madam,"), pgettext("letter closing (Madam)", "Yours faithfully,")),
            "mr": (pgettext("letter", "Dear Sir,"), pgettext("letter closing (Sir)", "Yours faithfully,")),
            "excellency": (
                pgettext("letter", "Your Excellency,"),
                pgettext(
                    "letter closing (Excellency)",
                    "Please accept, Excellency, the assurances of my highest consideration.",
                ),
            ),
        },
        "status": {
            "partly": pgettext("letter", "partly implemented"),
            "not_implemented": pgettext("letter", "not implemented"),
        },
        "instruments": {
            "UNTOC": pgettext("letter", "Convention"),
            "TIP": pgettext("letter", "Trafficking in Persons Protocol"),
            "SOM": pgettext("letter", "Smuggling of Migrants Protocol"),
            "FIREARMS": pgettext("letter", "Firearms Protocol"),
        },
        "summary_line": pgettext("letter", "{instrument}, article {article}: {items}"),
        "item": pgettext("letter", "{ref} ({status})"),
        # paragraphs without a number (questionnaire.model.ref_form), in place of {ref}
        "refs": {
            "single": pgettext("letter", "the article as a whole"),
            "chapeau": pgettext("letter", "its introductory words"),
            "chapeau_of": pgettext("letter", "the introductory words of paragraph {ref}"),
            "sentence": pgettext("letter", "sentence {number}"),
        },
        # between the provisions listed for one article
        "separator": pgettext("letter", ", "),
        "none": pgettext("letter", "None."),
        "recalled": {
            "engagement": pgettext("letter", "our request to take part in the review"),
            "transmission": pgettext("letter", "the transmission of our submission"),
            "follow-up": pgettext("letter", "the progress of the review"),
        },
        "engagement": {
            "subject": pgettext(
                "letter",
                "Review of the implementation of the United Nations Convention against "
                "Transnational Organized Crime, cluster {cluster_number} ({cluster_title}): "
                "request for engagement",
            ),
            "paragraphs": (
                pgettext(
                    "letter",
                    "{organization} is a civil-society organisation working on matters covered by the "
                    "United Nations Convention against Transnational Organized Crime and its "
                    "Protocols. We understand that {country} is taking part in the review of cluster "
                    "{cluster_number} ({cluster_title}) under the Mechanism for the Review of the "
                    "Implementation of the Convention and the Protocols thereto.",
                ),
                pgettext(
                    "letter",
                    "We would be grateful if you could tell us who has been designated as focal point "
                    "for the review and who the governmental experts are, and let us know the "
                    "timetable of the self-assessment for this cluster.",
                ),
                pgettext(
                    "letter",
                    "Our organisation has gathered information on how the provisions under review are "
                    "implemented and would be glad to offer its expertise. We respectfully ask to be "
                    "consulted while the answers to the self-assessment questionnaire are prepared, "
                    "in whatever form suits your services.",
                ),
                pgettext(
                    "letter", "You may reach us at the address shown above. Thank you in advance for your attention."
                ),
            ),
        },
        "transmission": {
            "subject": pgettext(
                "letter",
                "Review of the implementation of the United Nations Convention against "
                "Transnational Organized Crime, cluster {cluster_number}: transmission of our "
                "submission",
            ),
            "paragraphs": (
                pgettext(
                    "letter",
                    "In the context of the review of {country} under the Mechanism for the Review of "
                    "the Implementation of the Convention and the Protocols thereto, {organization} "
                    "has the honour to transmit its submission on cluster {cluster_number} "
                    "({cluster_title}).",
                ),
                pgettext(
                    "letter",
                    "The submission sets out our assessment of how the provisions under review are "
                    "implemented. Provisions assessed: {count_assessed}; assessed as partly "
                    "implemented: {count_partly}; assessed as not implemented: "
                    "{count_not_implemented}. The provisions we consider not or only partly "
                    "implemented are, by article:",
                ),
                "{summary}",
                pgettext(
                    "letter",
                    "The submission is attached as the file {attachment_name}. So that its integrity "
                    "can be checked, its SHA-256 checksum is {attachment_sha256}.",
                ),
                pgettext(
                    "letter",
                    "We remain at your disposal to discuss our findings and would welcome the "
                    "opportunity to contribute to the country visit or to the dialogue with the "
                    "reviewing States.",
                ),
            ),
        },
        "follow-up": {
            "subject": pgettext(
                "letter",
                "Review of the implementation of the United Nations Convention against "
                "Transnational Organized Crime, cluster {cluster_number}: follow-up to our letter "
                "{recalled_reference}",
            ),
            "paragraphs": (
                pgettext(
                    "letter",
                    "We refer to our letter of {recalled_date} (reference {recalled_reference}) "
                    "concerning {recalled_subject}.",
                ),
                pgettext(
                    "letter",
                    "As we have not yet received a reply, we would be grateful if you could let us "
                    "know how the review of {country} on cluster {cluster_number} ({cluster_title}) "
                    "is progressing and whether civil society will be consulted.",
                ),
                pgettext(
                    "letter",
                    "We reiterate our readiness to contribute our expertise and remain available for "
                    "a meeting at your convenience.",
                ),
            ),
        },
    }


def timeline_wording(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """The sentence of the engagement letter that gives the review's dates, per stage.

    Filled from :mod:`untoc_desktop.timeline` (start date recorded in the draft): ``open`` while the
    self-assessment can still be informed, ``reviewers`` once it is due but before the reviewers'
    written feedback is, ``closed`` after that. Placeholders: ``{review_started}``,
    ``{self_assessment_due}``, ``{feedback_due}`` (dates in the letter's language).
    """
    return {
        "open": pgettext(
            "letter",
            "The review of your country started on {review_started}. The self-assessment is "
            "due by {self_assessment_due} and the reviewers' written feedback by "
            "{feedback_due}; we would therefore be grateful to hear from you before "
            "{self_assessment_due}.",
        ),
        "reviewers": pgettext(
            "letter",
            "The review of your country started on {review_started} and the "
            "self-assessment was due by {self_assessment_due}. We would still be glad to "
            "share our information before the reviewers' written feedback, due by "
            "{feedback_due}.",
        ),
        "closed": pgettext("letter", "The review of your country started on {review_started}."),
    }


@cache
def wording_for(language: str) -> dict[str, Any]:
    """The wording table of a shipped letter language, translated through its catalogue.

    Args:
        language: one of :data:`LETTER_LANGUAGES`.

    Returns:
        Keys ``reference``, ``subject_label``, ``forms`` (form -> (salutation, closing)), ``status``,
        ``instruments``, ``summary_line``, ``item``, ``refs``, ``separator``, ``none``, ``recalled``, ``timeline``
        (stage -> sentence) and one entry per kind with ``subject`` and ``paragraphs``.

    Raises:
        KeyError: no letters in that language.
    """
    if language not in LETTER_LANGUAGES:
        raise KeyError(language)
    pgettext = translator(language).pgettext
    return {**_letter_wording(pgettext), "timeline": timeline_wording(pgettext)}
