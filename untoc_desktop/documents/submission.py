"""Build the document model of a submission from a draft's answers.

The order follows the questionnaire definition: instrument > article >
paragraph > question (Convention and Protocol texts: see the definition's
``sources``). Both renderers receive the same :class:`~.model.Document`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from ..draft.records import DraftInfo
from ..i18n import translator
from ..questionnaire.model import (
    CHAPEAU,
    NUMBERED,
    SENTENCE,
    SINGLE,
    Article,
    Definition,
    Paragraph,
    Question,
    worded_ref,
)
from ..questionnaire.obligations import obligation_label
from ..questionnaire.titles import article_title, instrument_title
from ..questionnaire.types import RECORD_FIELDS, is_answered, status_label
from ..validation import CompletenessReport, paragraph_answers, paragraph_applies
from . import model
from .labels import document_direction, labels_for, long_date, normalize_locale, status_text
from .sources import citation_list, definition_sources, sources_annex
from .text import clean_text, split_paragraphs

#: Unicode bidirectional isolates (UAX #9): left-to-right, first-strong, and their end.
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"


def paragraph_heading(labels: Mapping[str, str], paragraph: Paragraph, language: str) -> str:
    """A paragraph's heading ("Paragraph 1(b) — label") in the document language.

    A paragraph without a number is headed "Introductory words — label" or "Sentence 2 — label",
    or by its label alone when it is its article's only paragraph (:attr:`Paragraph.ref_form`).
    In a right-to-left document the reference is a left-to-right isolate and the label a first-strong
    isolate, so "1(b)" is never drawn as "(b)1" beside Arabic words (the Unicode Bidirectional
    Algorithm would otherwise reorder its digits and brackets against the Arabic label word).
    """
    label = translator(language)(paragraph.label)
    isolate = None
    if document_direction(language) == "rtl":
        label, isolate = f"{_FSI}{label}{_PDI}", _left_to_right
    templates = {
        SINGLE: "{label}",
        CHAPEAU: labels["paragraph_chapeau"],
        "chapeau_of": labels["paragraph_chapeau_of"],
        SENTENCE: labels["paragraph_sentence"],
        NUMBERED: labels["paragraph"],
    }
    return worded_ref(paragraph.ref, templates, isolate, label=label)


def annex_place(labels: Mapping[str, str], paragraph: Paragraph, language: str) -> str:
    """A paragraph's place in the annex of missing answers ("UNTOC art. 5, para. 1(a)"), in the document language.

    A paragraph without a number reads "TIP art. 13", "FIREARMS art. 7, introductory words" or
    "UNTOC art. 19, sentence 2" (:attr:`Paragraph.ref_form`). In a right-to-left document the
    instrument's code and the reference are left-to-right isolates: the cell then starts with an
    Arabic word and reads right to left ("UNTOC" first, on the right), rather than being laid out
    left to right from the code's first letter.
    """
    code, isolate = paragraph.instrument, None
    if document_direction(language) == "rtl":
        code, isolate = _left_to_right(code), _left_to_right
    templates = {
        SINGLE: labels["annex_single"],
        CHAPEAU: labels["annex_chapeau"],
        "chapeau_of": labels["annex_chapeau_of"],
        SENTENCE: labels["annex_sentence"],
        NUMBERED: labels["annex_numbered"],
    }
    return f"{code} {worded_ref(paragraph.ref, templates, isolate, article=paragraph.article)}"


def _left_to_right(text: str) -> str:
    return f"{_LRI}{text}{_PDI}"


def _cell(value: Any) -> str:
    return "" if value is None else clean_text(str(value)).strip()


def _answer_blocks(question: Question, value: Any, language: str) -> list[model.Block]:
    """The blocks showing one answer, by question type (see ``questionnaire.types``)."""
    kind = question.type
    if kind in ("status", "yes_no"):
        return [model.Paragraph(clean_text(status_text(str(value), language) or status_label(str(value))), "status")]
    if kind == "choice":
        return [model.Paragraph(clean_text(translator(language)(question.option_label(str(value)))), "status")]
    if kind == "multi_choice":
        values = value if isinstance(value, list) else [value]
        translate = translator(language)
        return [model.BulletList(tuple(clean_text(translate(question.option_label(str(v)))) for v in values))]
    if kind == "number":
        return [model.Paragraph(clean_text(f"{value} {question.unit}".strip()), "body")]
    if kind == "date":
        return [model.Paragraph(clean_text(_date_text(str(value), language)), "body")]
    if kind in ("citations", "sources"):
        return [citation_list(value, kind)]
    if kind in RECORD_FIELDS:  # cases, statistics: a table with the record fields as columns
        fields = RECORD_FIELDS[kind]
        rows = tuple(
            tuple(_cell(record.get(key)) for key, _label, _schema in fields)
            for record in (value if isinstance(value, list) else [])
            if isinstance(record, Mapping)
        )
        return [model.Table(tuple(translator(language)(label) for _key, label, _schema in fields), rows)]
    return [model.Paragraph(part, "body") for part in split_paragraphs(str(value))]


def _date_text(value: str, language: str) -> str:
    try:
        return long_date(_dt.date.fromisoformat(value), language)
    except ValueError:
        return value


def _paragraph_blocks(
    paragraph: Paragraph,
    answers: Mapping[str, Any],
    missing_ids: set[str],
    labels: Mapping[str, str],
    language: str,
) -> list[model.Block]:
    blocks: list[model.Block] = [
        model.Heading(3, paragraph_heading(labels, paragraph, language), paragraph.id),
        _obligation_block(paragraph, labels, language),
    ]
    if paragraph.context_only:
        blocks.append(model.Paragraph(labels["context_only"], "not_applicable"))
        return blocks
    by_key = paragraph_answers(paragraph, answers)
    for question in paragraph.questions:
        value = answers.get(question.id)
        if not question.is_relevant(by_key):
            continue  # a question hidden by its rule: its stale answer is not part of the submission
        if is_answered(value):
            blocks.append(model.Paragraph(clean_text(translator(language)(question.label)), "question"))
            blocks.extend(_answer_blocks(question, value, language))
        elif question.id in missing_ids:
            blocks.append(model.Paragraph(clean_text(translator(language)(question.label)), "question"))
            blocks.append(model.Paragraph(labels["no_answer"], "missing"))
    return blocks


def _obligation_block(paragraph: Paragraph, labels: Mapping[str, str], language: str) -> model.Paragraph:
    """The paragraph's obligation class in plain words, in the document language (e.g. "Obligation: may")."""
    return model.Paragraph(
        labels["obligation"].format(label=obligation_label(paragraph.obligation, language)), "not_applicable"
    )


def _article_blocks(
    article: Article,
    answers: Mapping[str, Any],
    protocols: frozenset[str],
    missing_ids: set[str],
    labels: Mapping[str, str],
    language: str,
) -> list[model.Block]:
    blocks: list[model.Block] = [
        model.Heading(
            2, labels["article"].format(number=article.number, title=article_title(article.title, language)), article.id
        )
    ]
    for paragraph in article.paragraphs:
        if paragraph_applies(paragraph, protocols):
            blocks.extend(_paragraph_blocks(paragraph, answers, missing_ids, labels, language))
        else:
            blocks.append(model.Heading(3, paragraph_heading(labels, paragraph, language), paragraph.id))
            blocks.append(model.Paragraph(labels["not_applicable"], "not_applicable"))
    return blocks


def _annex_reason(labels: Mapping[str, str], question: Question) -> str:
    """Why a missing answer is required, in the document language (the rule itself as written)."""
    if question.required or question.required_when is None:
        return labels["annex_required"]
    return labels["annex_required_because"].format(rule=question.required_when.describe())


def _annex_blocks(report: CompletenessReport, labels: Mapping[str, str], language: str) -> list[model.Block]:
    rows = tuple(
        (
            annex_place(labels, m.paragraph, language),
            clean_text(translator(language)(m.question.label)),
            clean_text(_annex_reason(labels, m.question)),
        )
        for m in report.missing()
    )
    return [
        model.PageBreak(),
        model.Heading(1, labels["annex"], "annex-missing"),
        model.Paragraph(labels["annex_intro"]),
        model.Table((labels["annex_provision"], labels["annex_question"], labels["annex_reason"]), rows),
    ]


def _archived_blocks(archived: Mapping[str, Any], labels: Mapping[str, str]) -> list[model.Block]:
    """Answers kept from an earlier questionnaire version: question id and value as text."""
    rows = tuple(
        (clean_text(qid), _cell(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value))
        for qid, value in sorted(archived.items())
    )
    return [
        model.Heading(1, labels.get("archived", "Archived answers (questions no longer asked)"), "annex-archived"),
        model.Table((labels.get("archived_question", "Question id"), labels.get("archived_value", "Answer")), rows),
    ]


def build_submission(
    definition: Definition,
    info: DraftInfo,
    answers: Mapping[str, Any],
    report: CompletenessReport,
    language: str = "en",
    *,
    today: _dt.date | None = None,
    archived: Mapping[str, Any] | None = None,
) -> model.Document:
    """Build the document model of a submission.

    Args:
        definition: the cluster's questionnaire definition.
        info: what the draft is about (organisation, country, Protocols...).
        answers: question id -> stored value (JSON data as the draft returns it).
        report: completeness of ``answers`` (``validation.check_completeness``).
        language: document language for fixed wording and dates (``en``, ``fr``,
            ``es``...; unknown codes give English).
        today: date printed on the cover; defaults to today's date.
        archived: answers to questions the definition no longer asks (question id ->
            value, see ``questionnaire.upgrade.archived_answers``); when given and not
            empty, an "Archived answers" section lists each id and its value.

    Returns:
        The :class:`~.model.Document`: a cover page, then each instrument,
        article and paragraph with the questions answered (required ones
        without an answer marked as missing), and, when the draft is
        incomplete, a watermark and an annex listing what is missing.
        Never raises for odd answer values or texts.
    """
    labels = labels_for(language)
    protocols = frozenset(info.protocols)
    organization = clean_text(info.organization)
    country = clean_text(info.country)
    cluster_line = labels["cluster"].format(number=definition.cluster, title=translator(language)(definition.title))
    summary = labels["summary"].format(answered=report.answered, required=report.required)
    blocks: list[model.Block] = [
        model.Paragraph(labels["cover_title"], "cover_title"),
        model.Paragraph(labels["organization"].format(organization=organization), "cover"),
        model.Paragraph(labels["country"].format(country=country), "cover"),
        model.Paragraph(cluster_line, "cover"),
        model.Paragraph(labels["date"].format(date=long_date(today or _dt.date.today(), language)), "cover"),
        model.Paragraph(labels["questionnaire"].format(id=definition.id, version=definition.version), "cover"),
    ]
    if definition.provisional:
        # Said once, in plain words: research notes on the article list stay out of exports.
        blocks.append(model.Paragraph(labels["provisional"].format(note="").strip(), "note"))
    if report.open_conflicts:
        blocks.append(
            model.Paragraph(
                labels["conflicts_note"].format(
                    count=len(report.open_conflicts), questions=", ".join(report.open_conflicts)
                ),
                "note",
            )
        )
    if not report.complete:
        blocks.append(model.Paragraph(labels["draft_note"].format(summary=summary), "note"))
    else:
        blocks.append(model.Paragraph(summary, "cover"))
    blocks.append(model.PageBreak())
    blocks.append(model.TableOfContents(labels["contents"], 2, labels["contents_update"]))
    missing_ids = {m.question.id for m in report.missing()}
    for instrument in definition.instruments:
        blocks.append(model.PageBreak())
        blocks.append(model.Heading(1, instrument_title(instrument.title, language), instrument.code))
        for article in instrument.articles:
            blocks.extend(_article_blocks(article, answers, protocols, missing_ids, labels, language))
    blocks.extend(sources_annex(blocks, labels))
    if any(True for _missing in report.missing()):
        blocks.extend(_annex_blocks(report, labels, language))
    if archived:
        blocks.extend(_archived_blocks(archived, labels))
    if definition.sources:
        blocks.append(model.Heading(1, labels["definition_sources"], "annex-definition-sources"))
        blocks.append(model.BulletList(tuple(definition_sources(definition.sources))))
    return model.Document(
        title=labels["cover_title"],
        author=organization,
        language=str(normalize_locale(language)).replace("_", "-"),  # BCP 47 for file metadata
        header=" — ".join(part for part in (organization, country, cluster_line) if part),
        footer_page=labels["page"],
        draft_watermark=None if report.complete else labels["draft"],
        blocks=tuple(blocks),
        direction=document_direction(language),
    )
