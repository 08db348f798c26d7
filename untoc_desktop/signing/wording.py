"""Fixed wording of the visible signature block, per document language.

Looked up by the language part of the code; a language without a table falls back to English.
In Arabic a colon stands apart (``المنظمة : …``): the PDF renderer draws a colon glued to the end
of an Arabic word on its right, where it reads as the start of the word.
"""

from __future__ import annotations

from ..i18n import normalize_locale

_WORDING: dict[str, dict[str, str]] = {
    "en": {
        "signed_by": "Digitally signed by {name}",
        "title": "Title: {title}",
        "organization": "Organisation: {organization}",
        "date": "Date: {date}, {time} UTC",
        "reason": "Reason: {reason}",
        "fingerprint": "Root certificate SHA-256 fingerprint:",
        "verify": "To verify: open this PDF in a signature-checking reader (Adobe Reader, Okular, pdfsig) "
        "after trusting the root certificate with this fingerprint, or run: untoc verify FILE.pdf",
    },
    "fr": {
        "signed_by": "Signé électroniquement par {name}",
        "title": "Fonction : {title}",
        "organization": "Organisation : {organization}",
        "date": "Date : {date}, {time} UTC",
        "reason": "Motif : {reason}",
        "fingerprint": "Empreinte SHA-256 du certificat racine :",
        "verify": "Pour vérifier : ouvrez ce PDF dans un lecteur qui contrôle les signatures (Adobe Reader, "
        "Okular, pdfsig) après avoir fait confiance au certificat racine ayant cette empreinte, "
        "ou lancez : untoc verify FICHIER.pdf",
    },
    "es": {
        "signed_by": "Firmado digitalmente por {name}",
        "title": "Cargo: {title}",
        "organization": "Organización: {organization}",
        "date": "Fecha: {date}, {time} UTC",
        "reason": "Motivo: {reason}",
        "fingerprint": "Huella SHA-256 del certificado raíz:",
        "verify": "Para verificar: abra este PDF en un lector que compruebe firmas (Adobe Reader, Okular, "
        "pdfsig) tras confiar en el certificado raíz con esta huella, o ejecute: untoc verify ARCHIVO.pdf",
    },
    "ar": {
        "signed_by": "وقّعه رقميًا : {name}",
        "title": "الصفة : {title}",
        "organization": "المنظمة : {organization}",
        "date": "التاريخ : {date}، {time} UTC",
        "reason": "السبب : {reason}",
        "fingerprint": "بصمة SHA-256 للشهادة الجذرية :",
        "verify": "للتحقق : افتح ملف PDF هذا في قارئ يتحقق من التوقيعات (Adobe Reader أو Okular أو pdfsig) "
        "بعد الوثوق بالشهادة الجذرية ذات هذه البصمة، أو نفّذ : untoc verify FILE.pdf",
    },
    "ru": {
        "signed_by": "Подписано электронной подписью: {name}",
        "title": "Должность: {title}",
        "organization": "Организация: {organization}",
        "date": "Дата: {date}, {time} UTC",
        "reason": "Основание: {reason}",
        "fingerprint": "Отпечаток SHA-256 корневого сертификата:",
        "verify": "Проверка: откройте этот PDF в программе, проверяющей подписи (Adobe Reader, Okular, pdfsig), "
        "доверив корневой сертификат с этим отпечатком, или выполните: untoc verify ФАЙЛ.pdf",
    },
    "zh": {
        "signed_by": "数字签名人：{name}",
        "title": "职务：{title}",
        "organization": "组织：{organization}",
        "date": "日期：{date} {time} UTC",
        "reason": "原因：{reason}",
        "fingerprint": "根证书 SHA-256 指纹：",
        "verify": "验证方法：信任具有此指纹的根证书后，用能检查签名的阅读器（Adobe Reader、Okular、pdfsig）"
        "打开本 PDF，或运行：untoc verify 文件.pdf",
    },
}


def signature_wording(language: str | None) -> dict[str, str]:
    """The signature block's wording for a document language (English when there is no table)."""
    code = normalize_locale(language).language
    return _WORDING.get(code, _WORDING["en"])
