"""The six obligation classes of a paragraph and their plain-words labels in the six UN languages.

The classes come from the reference facts (``../shared/reference/README.md``, schema_version 2):

* ``mandatory``: "shall" plus an action, with no qualifier ("must");
* ``qualified``: "shall" softened by a qualifier such as "within its means" ("must, with a qualifier");
* ``consider``: a duty only to consider a measure ("must consider");
* ``optional``: "may", "are encouraged", "should" ("may");
* ``definition``: use of terms ("definition");
* ``saving``: no implementation duty, e.g. a "without prejudice" clause ("no obligation").

``unclassified`` is kept for definitions made before the paragraphs were classified (a whole
article asked at once). This module is the one place where the labels live, in every language:
the tree filter, the article page and the exported documents all read them from here.
"""

from __future__ import annotations

from .. import languages
from ..i18n import N_

#: The six classes, strongest duty first (display order of the filter).
OBLIGATION_CLASSES: tuple[str, ...] = ("mandatory", "qualified", "consider", "optional", "definition", "saving")

#: Every class a definition file may use: the six, plus ``unclassified`` (older definitions only).
KNOWN_CLASSES: tuple[str, ...] = OBLIGATION_CLASSES + ("unclassified",)

#: Classes that ask no question and are never counted as missing: shown for context only.
CONTEXT_ONLY: frozenset[str] = frozenset({"saving"})

#: Plain-words label of each class, by language (ISO 639-1 code).
OBLIGATION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "mandatory": "must",
        "qualified": "must, with a qualifier",
        "consider": "must consider",
        "optional": "may",
        "definition": "definition",
        "saving": "no obligation",
        "unclassified": "not yet classified",
    },
    "fr": {
        "mandatory": "doit",
        "qualified": "doit, dans certaines limites",
        "consider": "doit envisager",
        "optional": "peut",
        "definition": "définition",
        "saving": "aucune obligation",
        "unclassified": "pas encore classé",
    },
    "es": {
        "mandatory": "debe",
        "qualified": "debe, dentro de ciertos límites",
        "consider": "debe considerar",
        "optional": "puede",
        "definition": "definición",
        "saving": "ninguna obligación",
        "unclassified": "aún sin clasificar",
    },
    "ar": {
        "mandatory": "يجب",
        "qualified": "يجب، ضمن حدود معيّنة",
        "consider": "يجب النظر في التدبير",
        "optional": "يجوز",
        "definition": "تعريف",
        "saving": "لا التزام",
        "unclassified": "لم يُصنَّف بعد",
    },
    "ru": {
        "mandatory": "обязательно",
        "qualified": "обязательно, в определённых пределах",
        "consider": "обязательно рассмотреть",
        "optional": "по усмотрению",
        "definition": "определение",
        "saving": "нет обязательства",
        "unclassified": "ещё не классифицировано",
    },
    "zh": {
        "mandatory": "必须",
        "qualified": "必须，但有限定条件",
        "consider": "必须考虑",
        "optional": "可以",
        "definition": "定义",
        "saving": "无义务",
        "unclassified": "尚未分类",
    },
}

#: One-sentence explanation of each class (English; the interface translates it through ``_()``).
OBLIGATION_EXPLANATIONS: dict[str, str] = {
    "mandatory": N_("The State party must take this measure."),
    "qualified": N_(
        "The State party must act, but the text softens the duty "
        "(for example \u201cwithin its means\u201d or \u201csubject to its legal system\u201d)."
    ),
    "consider": N_("The State party must consider the measure; it need not adopt it."),
    "optional": N_("The State party may take this measure; it is not required."),
    "definition": N_("A term the treaty defines; the question is how domestic law reflects it."),
    "saving": N_("This paragraph creates no duty to implement; it is shown for context and asks no questions."),
    "unclassified": N_("The paragraph detail of this article is not yet in the questionnaire."),
}


#: Key of the first, always-required question of each class in the shipped question sets: how far the
#: State party implements it (``status``), whether it considered it (``consideration``), whether it
#: adopted it (``adopted``). ``saving`` asks nothing.
MAIN_QUESTION: dict[str, str] = {
    "mandatory": "status",
    "qualified": "status",
    "definition": "status",
    "unclassified": "status",
    "consider": "consideration",
    "optional": "adopted",
}


def obligation_label(obligation: str, language: str | None = "en") -> str:
    """The plain-words label of an obligation class in a language.

    Args:
        obligation: one of :data:`KNOWN_CLASSES` (another value is returned unchanged).
        language: locale code in any form :func:`untoc_desktop.i18n.normalize_locale` accepts
            (``fr``, ``fr_CA``, ``zh-Hans``...), turned into one of the six by
            :func:`untoc_desktop.languages.normalise`; a language without a table gives English.

    Returns:
        For example ``"must, with a qualifier"`` (en) or ``"doit envisager"`` (fr).
    """
    table = OBLIGATION_LABELS.get(languages.normalise(language), OBLIGATION_LABELS["en"])
    return table.get(obligation, OBLIGATION_LABELS["en"].get(obligation, obligation))


def asks_questions(obligation: str) -> bool:
    """False for classes shown for context only (``saving``): no questions, never missing."""
    return obligation not in CONTEXT_ONLY
