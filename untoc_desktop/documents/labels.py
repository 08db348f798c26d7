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

from .. import languages
from ..i18n import normalize_locale

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
    "conflicts_note": "This draft is not final: {count} answer(s) have an open conflict"
    " from merging a colleague's copy ({questions}).",
    "summary": "{answered} of {required} required answers given",
    "annex": "Annex: answers still missing",
    "annex_intro": "The following required answers have not been given yet.",
    "annex_provision": "Provision",
    "annex_question": "Question",
    "annex_reason": "Why it is required",
    "page": "Page {page} of {pages}",
    "contents": "Contents",
    "contents_update": "Update this field (F9) to show page numbers.",
    "sources_annex": "Annex: sources cited",
    "sources_intro": "Legislation and other sources cited in the answers.",
    "year": "{year}",
    "obligation": "Obligation: {label}",
    "context_only": "Shown for context: this paragraph creates no obligation and asks no questions.",
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
    "conflicts_note": "Ce projet n'est pas définitif : {count} réponse(s) présentent un conflit non"
    " résolu issu de la fusion de la copie d'un collègue ({questions}).",
    "summary": "{answered} réponses requises sur {required} données",
    "annex": "Annexe : réponses manquantes",
    "annex_intro": "Les réponses requises suivantes n'ont pas encore été données.",
    "annex_provision": "Disposition",
    "annex_question": "Question",
    "annex_reason": "Pourquoi elle est requise",
    "page": "Page {page} sur {pages}",
    "contents": "Table des matières",
    "contents_update": "Mettez ce champ à jour (F9) pour afficher les numéros de page.",
    "sources_annex": "Annexe : sources citées",
    "sources_intro": "Textes législatifs et autres sources cités dans les réponses.",
    "year": "{year}",
    "obligation": "Obligation : {label}",
    "context_only": "Présenté pour mémoire : ce paragraphe ne crée aucune obligation et n'appelle aucune réponse.",
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
    "conflicts_note": "Este borrador no es definitivo: {count} respuesta(s) tienen un conflicto sin"
    " resolver tras combinar la copia de un colega ({questions}).",
    "summary": "{answered} de {required} respuestas obligatorias dadas",
    "annex": "Anexo: respuestas que faltan",
    "annex_intro": "Todavía no se han dado las siguientes respuestas obligatorias.",
    "annex_provision": "Disposición",
    "annex_question": "Pregunta",
    "annex_reason": "Por qué es obligatoria",
    "page": "Página {page} de {pages}",
    "contents": "Índice",
    "contents_update": "Actualice este campo (F9) para mostrar los números de página.",
    "sources_annex": "Anexo: fuentes citadas",
    "sources_intro": "Legislación y otras fuentes citadas en las respuestas.",
    "year": "{year}",
    "obligation": "Obligación: {label}",
    "context_only": "Se incluye como contexto: este párrafo no crea ninguna obligación ni requiere respuesta.",
}

_AR: dict[str, str] = {
    "cover_title": "مساهمة مقدَّمة إلى آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة "
    "عبر الوطنية والبروتوكولات الملحقة بها",
    "organization": "مقدَّمة من: {organization}",
    "country": "الدولة الطرف موضع الاستعراض: {country}",
    "cluster": "المجموعة {number}: {title}",
    "date": "التاريخ: {date}",
    "questionnaire": "الاستبيان: {id}، الإصدار {version}",
    "provisional": "مؤقت: لم تُؤكَّد بعدُ قائمة مواد هذه المجموعة. {note}",
    "definition_sources": "مصادر المعلومات المتعلقة بالمعاهدات الواردة في الاستبيان",
    "article": "المادة {number}. {title}",
    "paragraph": "الفقرة {ref} — {label}",
    "no_answer": "لا توجد إجابة بعد",
    "not_applicable": "لا ينطبق: الدولة الطرف ليست طرفًا في هذا البروتوكول.",
    "draft": "مسودة – غير مكتملة",
    "draft_note": "هذه المسودة غير مكتملة: {summary}. ترد في المرفق الإجابات التي لا تزال ناقصة.",
    "conflicts_note": "هذه المسودة ليست نهائية: لا يزال هناك تعارض لم يُحسم في {count} من الإجابات"
    " بعد دمج نسخة أحد الزملاء ({questions}).",
    "summary": "قُدِّمت {answered} من أصل {required} إجابة مطلوبة",
    "annex": "المرفق: الإجابات التي لا تزال ناقصة",
    "annex_intro": "لم تُقدَّم بعدُ الإجابات المطلوبة التالية.",
    "annex_provision": "الحكم",
    "annex_question": "السؤال",
    "annex_reason": "سبب كونها مطلوبة",
    "page": "الصفحة {page} من {pages}",
    "contents": "المحتويات",
    "contents_update": "حدِّث هذا الحقل (F9) لإظهار أرقام الصفحات.",
    "sources_annex": "المرفق: المصادر المذكورة",
    "sources_intro": "التشريعات وغيرها من المصادر المذكورة في الإجابات.",
    "year": "{year}",
    "obligation": "الالتزام: {label}",
    "context_only": "يُعرض للسياق: لا تُنشئ هذه الفقرة أيّ التزام ولا تتطلب أيّ إجابة.",
}

_RU: dict[str, str] = {
    "cover_title": "Материалы для Механизма обзора хода осуществления Конвенции Организации Объединенных Наций "
    "против транснациональной организованной преступности и протоколов к ней",
    "organization": "Представлено: {organization}",
    "country": "Государство-участник, в отношении которого проводится обзор: {country}",
    "cluster": "Тематический блок {number}: {title}",
    "date": "Дата: {date}",
    "questionnaire": "Вопросник: {id}, версия {version}",
    "provisional": "Предварительно: перечень статей этого блока ещё не утверждён. {note}",
    "definition_sources": "Источники сведений о договорах, использованных в вопроснике",
    "article": "Статья {number}. {title}",
    "paragraph": "Пункт {ref} — {label}",
    "no_answer": "Ответа пока нет",
    "not_applicable": "Не применимо: государство не является участником этого протокола.",
    "draft": "ПРОЕКТ – не завершён",
    "draft_note": "Этот проект не завершён: {summary}. Недостающие ответы перечислены в приложении.",
    "conflicts_note": "Этот проект не окончательный: в {count} ответ(ах) остаётся неразрешённый"
    " конфликт после объединения с копией коллеги ({questions}).",
    "summary": "дано обязательных ответов: {answered} из {required}",
    "annex": "Приложение: недостающие ответы",
    "annex_intro": "Следующие обязательные ответы ещё не даны.",
    "annex_provision": "Положение",
    "annex_question": "Вопрос",
    "annex_reason": "Почему ответ обязателен",
    "page": "Страница {page} из {pages}",
    "contents": "Содержание",
    "contents_update": "Обновите это поле (F9), чтобы показать номера страниц.",
    "sources_annex": "Приложение: цитируемые источники",
    "sources_intro": "Законодательство и другие источники, на которые ссылаются ответы.",
    "year": "{year}",
    "obligation": "Обязательство: {label}",
    "context_only": "Приводится для справки: этот пункт не создаёт обязательств и не требует ответов.",
}

_ZH: dict[str, str] = {
    "cover_title": "提交给《联合国打击跨国有组织犯罪公约》及其各项议定书实施情况审议机制的材料",
    "organization": "提交方：{organization}",
    "country": "受审议缔约国：{country}",
    "cluster": "专题组 {number}：{title}",
    "date": "日期：{date}",
    "questionnaire": "调查问卷：{id}，版本 {version}",
    "provisional": "暂定：本专题组的条款清单尚未最终确定。{note}",
    "definition_sources": "调查问卷中条约信息的来源",
    "article": "第 {number} 条　{title}",
    "paragraph": "第 {ref} 款 — {label}",
    "no_answer": "尚无答复",
    "not_applicable": "不适用：该缔约国不是本议定书的缔约方。",
    "draft": "草稿 – 未完成",
    "draft_note": "本草稿尚未完成：{summary}。仍缺少的答复列于附件。",
    "conflicts_note": "本草稿尚未定稿：合并同事的副本后，有 {count} 个答复仍存在未解决的冲突（{questions}）。",
    "summary": "已提供 {answered} 项必答答复（共 {required} 项）",
    "annex": "附件：仍缺少的答复",
    "annex_intro": "以下必答答复尚未提供。",
    "annex_provision": "条款",
    "annex_question": "问题",
    "annex_reason": "必答原因",
    "page": "第 {page} 页，共 {pages} 页",
    "contents": "目录",
    "contents_update": "更新此域（F9）以显示页码。",
    "sources_annex": "附件：引用的资料来源",
    "sources_intro": "答复中引用的法律和其他资料来源。",
    "year": "{year}",
    "obligation": "义务：{label}",
    "context_only": "仅供参考：本款不产生任何义务，无需作答。",
}

#: Label tables by language code. Add a language by adding a table with the same keys.
LABELS: dict[str, dict[str, str]] = {"en": _EN, "fr": _FR, "es": _ES, "ar": _AR, "ru": _RU, "zh": _ZH}

#: Document languages written right to left (the whole document is laid out from the right).
RTL_LANGUAGES: frozenset[str] = frozenset(lang.code for lang in languages.languages() if lang.rtl)


#: Implementation status and yes/no answers (``questionnaire.types.STATUS_CHOICES`` and
#: ``YES_NO_CHOICES`` keys) in each document language.
STATUS_LABELS: dict[str, dict[str, str]] = {
    "en": {"fully": "Fully implemented", "partly": "Partly implemented", "not_implemented": "Not implemented",
           "unknown": "Unknown", "yes": "Yes", "yes_in_part": "Yes, in part", "no": "No"},
    "fr": {"fully": "Pleinement appliqué", "partly": "Partiellement appliqué", "not_implemented": "Non appliqué",
           "unknown": "Inconnu", "yes": "Oui", "yes_in_part": "Oui, en partie", "no": "Non"},
    "es": {"fully": "Plenamente aplicado", "partly": "Parcialmente aplicado", "not_implemented": "No aplicado",
           "unknown": "Desconocido", "yes": "Sí", "yes_in_part": "Sí, en parte", "no": "No"},
    "ar": {"fully": "منفَّذ تنفيذًا كاملًا", "partly": "منفَّذ جزئيًا", "not_implemented": "غير منفَّذ",
           "unknown": "غير معروف", "yes": "نعم", "yes_in_part": "نعم، جزئيًا", "no": "لا"},
    "ru": {"fully": "Осуществляется полностью", "partly": "Осуществляется частично",
           "not_implemented": "Не осуществляется", "unknown": "Неизвестно", "yes": "Да", "yes_in_part": "Да, частично",
           "no": "Нет"},
    "zh": {"fully": "已全面实施", "partly": "已部分实施", "not_implemented": "未实施", "unknown": "不详", "yes": "是",
           "yes_in_part": "部分是", "no": "否"},
}


def status_text(key: str, language: str | None) -> str | None:
    """A status or yes/no answer in the document language; ``None`` for an unknown key.

    Args:
        key: a ``STATUS_CHOICES`` or ``YES_NO_CHOICES`` key, e.g. ``"fully"``.
        language: locale code in any of the forms :func:`normalize_locale` accepts.
    """
    table = STATUS_LABELS.get(normalize_locale(language).language, STATUS_LABELS["en"])
    return table.get(key)


def labels_for(language: str | None) -> dict[str, str]:
    """The label table for a document language (English when none matches).

    Args:
        language: locale code in any of the forms :func:`normalize_locale` accepts.

    Returns:
        A mapping of label key -> text with ``str.format`` placeholders.
    """
    return LABELS.get(normalize_locale(language).language, _EN)


def document_direction(language: str | None) -> str:
    """Base direction of a document in ``language``: ``"rtl"`` for Arabic (and Hebrew...), else ``"ltr"``."""
    return languages.direction(language)


def long_date(day: _dt.date, language: str | None) -> str:
    """A date in the one style of the document language, e.g. ``30 novembre 2026``.

    The same style as letters, signatures and the window (:func:`untoc_desktop.languages.format_date`);
    English when the language is not one of the six. Never raises.

    Args:
        day: the date.
        language: locale code in any of the forms :func:`untoc_desktop.languages.normalise` accepts.
    """
    return languages.format_date(day, language)
