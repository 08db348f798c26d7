"""The questionnaire as loaded from a definition file: instruments, articles, paragraphs, questions.

All objects are immutable. Ids are stable across versions of a definition:

* paragraph id: ``INSTRUMENT.ARTICLE.REF``, for example ``UNTOC.5.1(a)(i)``;
* question id: ``PARAGRAPH_ID.KEY``, for example ``UNTOC.5.1(a)(i).status``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_
from .obligations import KNOWN_CLASSES, asks_questions
from .rules import Rule
from .types import value_schema

#: Instrument codes in the order they are presented, with their short names.
INSTRUMENT_ORDER: tuple[str, ...] = ("UNTOC", "TIP", "SOM", "FIREARMS")
PROTOCOLS: tuple[str, ...] = ("TIP", "SOM", "FIREARMS")
INSTRUMENT_SHORT_NAMES: dict[str, str] = {
    "UNTOC": N_("Convention"),
    "TIP": N_("Trafficking in Persons Protocol"),
    "SOM": N_("Smuggling of Migrants Protocol"),
    "FIREARMS": N_("Firearms Protocol"),
}

#: Obligation classes of a provision (see :mod:`.obligations` and ../shared/reference/README.md);
#: ``unclassified`` marks a whole article of an older definition, asked at once.
OBLIGATION_LEVELS: tuple[str, ...] = KNOWN_CLASSES


@dataclass(frozen=True)
class Option:
    """A declared option of a choice question: stored ``value`` and English ``label``."""

    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question asked about a paragraph.

    Attributes:
        id: stable id, ``PARAGRAPH_ID.KEY``.
        key: the question's key within its paragraph (``status``, ``legislation``...).
        type: one of :data:`untoc_desktop.questionnaire.types.QUESTION_TYPES`.
        label: the question, in the project's own words (English).
        help: guidance for the person answering.
        required: always required when the paragraph applies (and the question is relevant).
        required_when: required when this rule holds on the paragraph's answers.
        relevant_when: the question is shown (and can be required) only when this rule holds.
        paragraph_id: id of the paragraph the question belongs to.
        options: declared options of ``choice`` / ``multi_choice`` questions.
        minimum / maximum / unit: bounds (inclusive) and unit of ``number`` questions.
        pattern: regular expression a ``text`` answer must match.
    """

    id: str
    key: str
    type: str
    label: str
    help: str
    paragraph_id: str
    required: bool = False
    required_when: Rule | None = None
    relevant_when: Rule | None = None
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    pattern: str | None = None

    @property
    def value_schema(self) -> dict[str, Any]:
        """JSON Schema (draft 2020-12) that a valid answer value satisfies."""
        return value_schema(self.type, [o.value for o in self.options], self.minimum, self.maximum, self.pattern)

    def is_relevant(self, paragraph_answers: Mapping[str, Any]) -> bool:
        """Whether the question is shown, given the paragraph's answers by key."""
        return self.relevant_when is None or self.relevant_when.evaluate(paragraph_answers)

    def is_required(self, paragraph_answers: Mapping[str, Any]) -> bool:
        """Whether the question must be answered, given the paragraph's answers by key."""
        if not self.is_relevant(paragraph_answers):
            return False
        if self.required:
            return True
        return self.required_when is not None and self.required_when.evaluate(paragraph_answers)

    def option_label(self, value: str) -> str:
        """English label of an option value (the value itself when undeclared)."""
        return next((o.label for o in self.options if o.value == value), value)


#: Kinds of paragraph reference (:attr:`Paragraph.ref_form`); the first three are also the refs' own words.
SINGLE, CHAPEAU, SENTENCE, NUMBERED = "single", "chapeau", "sentence", "numbered"


def ref_form(ref: str) -> tuple[str, str]:
    """What kind of paragraph reference ``ref`` is, for wording it: ``(kind, value)``.

    Source: the reference data's paragraph refs (``shared/reference/README.md``): ``single`` is
    an article's one unnumbered paragraph, ``chapeau`` an article's introductory words before
    its lettered subparagraphs (``1 chapeau``: those of paragraph 1), ``sentence N`` the Nth
    sentence of an unnumbered article.

    Returns:
        ``(SINGLE, "")``, ``(CHAPEAU, "")``, ``(CHAPEAU, "1")``, ``(SENTENCE, "2")`` or ``(NUMBERED, ref)``.
    """
    if ref == SINGLE:
        return SINGLE, ""
    if ref == CHAPEAU:
        return CHAPEAU, ""
    words = ref.split()
    if len(words) == 2 and words[1] == CHAPEAU:
        return CHAPEAU, words[0]
    if len(words) == 2 and words[0] == SENTENCE and words[1].isdigit():
        return SENTENCE, words[1]
    return NUMBERED, ref


def worded_ref(
    ref: str, templates: Mapping[str, str], isolate: Callable[[str], str] | None = None, **fields: object
) -> str:
    """The words for a paragraph reference: the template for its kind (:func:`ref_form`), filled in.

    Args:
        ref: the paragraph's reference.
        templates: a template per kind: ``single``, ``chapeau``, ``chapeau_of`` (the introductory
            words of a numbered paragraph), ``sentence`` and ``numbered``. The reference's number
            (``1(a)``, the ``1`` of ``1 chapeau``, the ``2`` of ``sentence 2``) fills ``{ref}``,
            ``{number}`` and ``{paragraph}``.
        isolate: applied to that number first (a left-to-right isolate beside right-to-left words).
        fields: the templates' other fields (``article``, ``instrument``, ``label``...).

    Raises:
        KeyError: ``templates`` has no template for the reference's kind.
    """
    kind, value = ref_form(ref)
    if kind == CHAPEAU and value:
        kind = "chapeau_of"
    shown = isolate(value) if value and isolate is not None else value
    return templates[kind].format(ref=shown, number=shown, paragraph=shown, **fields)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph or subparagraph of an article, the unit the questions are asked about.

    Attributes:
        id: ``INSTRUMENT.ARTICLE.REF``.
        instrument: instrument code (``UNTOC``, ``TIP``, ``SOM``, ``FIREARMS``).
        article: article number.
        ref: paragraph reference as printed in the treaty, e.g. ``1(a)(i)`` or ``(b)``.
        label: short description in the project's own words.
        obligation: one of :data:`OBLIGATION_LEVELS`.
        unverified: the reference marks this paragraph's detail as not yet verified.
        note: optional explanatory note.
        questions: the questions asked, in order.
    """

    id: str
    instrument: str
    article: int
    ref: str
    label: str
    obligation: str
    questions: tuple[Question, ...]
    unverified: bool = False
    note: str = ""

    def question(self, key: str) -> Question:
        """The question with ``key``; raises KeyError when absent."""
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(key)

    @property
    def context_only(self) -> bool:
        """True for a paragraph that creates no duty (``saving``): shown for context, no questions, never missing."""
        return not asks_questions(self.obligation)

    @property
    def display_ref(self) -> str:
        """Human reference in English, e.g. ``art. 5, para. 1(a)(i)``, ``art. 13`` or ``art. 7, introductory words``."""
        return worded_ref(
            self.ref,
            {
                SINGLE: "art. {article}",
                CHAPEAU: "art. {article}, introductory words",
                "chapeau_of": "art. {article}, para. {ref}, introductory words",
                SENTENCE: "art. {article}, sentence {number}",
                NUMBERED: "art. {article}, para. {ref}",
            },
            article=self.article,
        )

    @property
    def ref_form(self) -> tuple[str, str]:
        """What kind of reference :attr:`ref` is, for wording it: see :func:`ref_form`."""
        return ref_form(self.ref)


@dataclass(frozen=True)
class Article:
    """An article of the Convention or of a Protocol reviewed in the cluster.

    Attributes:
        unverified: the article's place in the cluster is not confirmed (provisional membership).
        cluster_confidence: research confidence in that place, ``likely`` or ``low`` ("" when not given);
            for a details pane only.
        cluster_note: the research clue for that place; for a details pane only.
    """

    instrument: str
    number: int
    title: str
    paragraphs: tuple[Paragraph, ...]
    unverified: bool = False
    cluster_confidence: str = ""
    cluster_note: str = ""

    @property
    def id(self) -> str:
        """``INSTRUMENT.NUMBER``, e.g. ``TIP.5``."""
        return f"{self.instrument}.{self.number}"


@dataclass(frozen=True)
class Instrument:
    """The Convention or one of its Protocols, with the articles the cluster reviews."""

    code: str
    title: str
    articles: tuple[Article, ...]

    @property
    def is_protocol(self) -> bool:
        """True for TIP, SOM and FIREARMS."""
        return self.code in PROTOCOLS


@dataclass(frozen=True)
class Definition:
    """A questionnaire definition for one review cluster.

    Attributes:
        id: stable definition id, e.g. ``untoc-cluster-1``.
        version: definition version (semantic version string).
        cluster: cluster number, 1 to 4.
        title: cluster name.
        provisional: the cluster's article list is not yet confirmed.
        source_date: date the definition's facts were compiled (ISO 8601).
        sources: key -> URL of the public sources of the treaty facts.
        instruments: instruments in presentation order.
        path: file the definition was loaded from.
        renamed: old question id -> new question id, for carrying answers of
            drafts written against an earlier version over to this one.
        provisional_note: plain words saying the article list is provisional, when it is.
        provisional_details: the research evidence behind the article list (details pane only).
        moved_paragraphs: old paragraph id -> paragraphs that now hold its answers, in order of
            preference (an answer moves to the first that asks the same question key).
    """

    id: str
    version: str
    cluster: int
    title: str
    instruments: tuple[Instrument, ...]
    provisional: bool = False
    source_date: str = ""
    sources: Mapping[str, str] = field(default_factory=dict)
    path: str = ""
    renamed: Mapping[str, str] = field(default_factory=dict)
    provisional_note: str = ""
    provisional_details: str = ""
    moved_paragraphs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def articles(self) -> Iterator[Article]:
        """Every article, instrument by instrument."""
        for instrument in self.instruments:
            yield from instrument.articles

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in presentation order."""
        for article in self.articles():
            yield from article.paragraphs

    def questions(self) -> Iterator[Question]:
        """Every question in presentation order."""
        for paragraph in self.paragraphs():
            yield from paragraph.questions

    def question(self, question_id: str) -> Question:
        """The question with this id; raises KeyError when absent."""
        return self._question_index()[question_id]

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph with this id; raises KeyError when absent."""
        return self._paragraph_index()[paragraph_id]

    def instrument(self, code: str) -> Instrument:
        """The instrument with this code; raises KeyError when absent."""
        for instrument in self.instruments:
            if instrument.code == code:
                return instrument
        raise KeyError(code)

    def _question_index(self) -> dict[str, Question]:
        index = self.__dict__.get("_qindex")
        if index is None:
            index = {q.id: q for q in self.questions()}
            object.__setattr__(self, "_qindex", index)
        return index

    def _paragraph_index(self) -> dict[str, Paragraph]:
        index = self.__dict__.get("_pindex")
        if index is None:
            index = {p.id: p for p in self.paragraphs()}
            object.__setattr__(self, "_pindex", index)
        return index
