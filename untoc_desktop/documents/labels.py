"""Fixed wording of exported documents, per document language, and date formatting.

The document language is chosen per export and is independent of the
interface language (see :mod:`untoc_desktop.i18n`). Labels are looked up by
the language part of the code (``fr_CA`` -> ``fr``); a language without a
table falls back to English. Question labels come from the questionnaire
definition and are not translated here.
"""

from __future__ import annotations

import datetime as _dt
import logging

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

log = logging.getLogger(__name__)

_EN: dict[str, str] = {
    "cover_title": "Submission to the Review Mechanism of the United Nations Convention against "
    "Transnational Organized Crime and the Protocols thereto",
    "organization": "Submitted by: {organization}",
    "country": "State party under review: {country}",
    "cluster": "Cluster {number}: {title}",
    "date": "Date: {date}",
    "questionnaire": "Questionnaire: {id}, version {version}",
    "provisional": "Provisional: the list of articles of this cluster is not yet confirmed. {note}",
    "definition_sources": "Sources of the treaty information in the questionnaire",
    "article": "Article {number}. {title}",
    "paragraph": "Paragraph {ref} — {label}",
    "no_answer": "No answer yet",
    "not_applicable": "Not applicable: the State party is not party to this Protocol.",
    "draft": "DRAFT – incomplete",
    "draft_note": "This draft is incomplete: {summary}. The answers still missing are listed in the annex.",
    "summary": "{answered} of {required} required answers given",
    "annex": "Annex: answers still missing",
    "annex_intro": "The following required answers have not been given yet.",
    "annex_provision": "Provision",
    "annex_question": "Question",
    "annex_reason": "Why it is required",
    "page": "Page {page} of {pages}",
    "year": "{year}",
}

_FR: dict[str, str] = {
    "cover_title": "Contribution au Mécanisme d'examen de l'application de la Convention des Nations Unies "
    "contre la criminalité transnationale organisée et des Protocoles s'y rapportant",
    "organization": "Présentée par : {organization}",
    "country": "État partie examiné : {country}",
    "cluster": "Groupe {number} : {title}",
    "date": "Date : {date}",
    "questionnaire": "Questionnaire : {id}, version {version}",
    "provisional": "Provisoire : la liste des articles de ce groupe n'est pas encore confirmée. {note}",
    "definition_sources": "Sources des informations sur les traités utilisées dans le questionnaire",
    "article": "Article {number}. {title}",
    "paragraph": "Paragraphe {ref} — {label}",
    "no_answer": "Pas encore de réponse",
    "not_applicable": "Sans objet : l'État partie n'est pas partie à ce Protocole.",
    "draft": "PROJET – incomplet",
    "draft_note": "Ce projet est incomplet : {summary}. Les réponses manquantes sont énumérées en annexe.",
    "summary": "{answered} réponses requises sur {required} données",
    "annex": "Annexe : réponses manquantes",
    "annex_intro": "Les réponses requises suivantes n'ont pas encore été données.",
    "annex_provision": "Disposition",
    "annex_question": "Question",
    "annex_reason": "Pourquoi elle est requise",
    "page": "Page {page} sur {pages}",
    "year": "{year}",
}

_ES: dict[str, str] = {
    "cover_title": "Contribución al Mecanismo de Examen de la Aplicación de la Convención de las Naciones "
    "Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos",
    "organization": "Presentada por: {organization}",
    "country": "Estado parte examinado: {country}",
    "cluster": "Grupo {number}: {title}",
    "date": "Fecha: {date}",
    "questionnaire": "Cuestionario: {id}, versión {version}",
    "provisional": "Provisional: la lista de artículos de este grupo aún no está confirmada. {note}",
    "definition_sources": "Fuentes de la información sobre los tratados en el cuestionario",
    "article": "Artículo {number}. {title}",
    "paragraph": "Párrafo {ref} — {label}",
    "no_answer": "Aún sin respuesta",
    "not_applicable": "No aplicable: el Estado parte no es parte en este Protocolo.",
    "draft": "BORRADOR – incompleto",
    "draft_note": "Este borrador está incompleto: {summary}. Las respuestas que faltan figuran en el anexo.",
    "summary": "{answered} de {required} respuestas obligatorias dadas",
    "annex": "Anexo: respuestas que faltan",
    "annex_intro": "Todavía no se han dado las siguientes respuestas obligatorias.",
    "annex_provision": "Disposición",
    "annex_question": "Pregunta",
    "annex_reason": "Por qué es obligatoria",
    "page": "Página {page} de {pages}",
    "year": "{year}",
}

#: Label tables by language code. Add a language by adding a table with the same keys.
LABELS: dict[str, dict[str, str]] = {"en": _EN, "fr": _FR, "es": _ES}


def normalize_locale(language: str | None) -> Locale:
    """Turn a locale code as found in settings or the environment into a babel Locale.

    Accepts ``fr``, ``fr-CA``, ``fr_CA.UTF-8``, ``zh-cn``, ``en_UK``... Codes
    babel does not know (``""``, ``"C"``, ``"xx"``) give English, with a
    logged warning. Never raises.

    Args:
        language: a BCP 47 or POSIX-style code, or ``None``.

    Returns:
        A babel :class:`~babel.Locale`.
    """
    code = (language or "").split(".")[0].split("@")[0].replace("-", "_").strip()
    if code and code.upper() not in ("C", "POSIX"):
        for candidate in (code, code.split("_")[0]):
            try:
                return Locale.parse(candidate)
            except (UnknownLocaleError, ValueError, TypeError):
                continue
    log.warning("Unknown document language %r; using English", language)
    return Locale.parse("en")


def labels_for(language: str | None) -> dict[str, str]:
    """The label table for a document language (English when none matches).

    Args:
        language: locale code in any of the forms :func:`normalize_locale` accepts.

    Returns:
        A mapping of label key -> text with ``str.format`` placeholders.
    """
    return LABELS.get(normalize_locale(language).language, _EN)


def long_date(day: _dt.date, language: str | None) -> str:
    """Format a date in long form for the document language, e.g. ``30 novembre 2026``.

    Falls back to English when babel cannot format for that language. Never raises.

    Args:
        day: the date.
        language: locale code in any of the forms :func:`normalize_locale` accepts.
    """
    try:
        return format_date(day, format="long", locale=normalize_locale(language))
    except Exception:  # noqa: BLE001 - a date must never stop an export
        log.warning("Cannot format a date for %r; using English", language, exc_info=True)
        return format_date(day, format="long", locale="en")
