"""The sentence of the engagement letter that gives the review's dates, in the six letter languages.

Filled from :mod:`untoc_desktop.timeline` (start date recorded in the draft): ``open`` while the
self-assessment can still be informed, ``reviewers`` once it is due but before the reviewers' written
feedback is, ``closed`` after that. Placeholders: ``{review_started}``, ``{self_assessment_due}``,
``{feedback_due}`` (long dates in the letter's language). The project's own words.
"""

from __future__ import annotations

TIMELINE_WORDING: dict[str, dict[str, str]] = {
    "en": {
        "open": "The review of your country started on {review_started}. The self-assessment is due by "
                "{self_assessment_due} and the reviewers' written feedback by {feedback_due}; we would therefore be "
                "grateful to hear from you before {self_assessment_due}.",
        "reviewers": "The review of your country started on {review_started} and the self-assessment was due by "
                     "{self_assessment_due}. We would still be glad to share our information before the reviewers' "
                     "written feedback, due by {feedback_due}.",
        "closed": "The review of your country started on {review_started}.",
    },
    "fr": {
        "open": "L'examen de votre pays a commencé le {review_started}. L'auto-évaluation doit être remise au plus "
                "tard le {self_assessment_due} et les observations écrites des examinateurs au plus tard le "
                "{feedback_due} ; nous vous serions donc reconnaissants de nous répondre avant le "
                "{self_assessment_due}.",
        "reviewers": "L'examen de votre pays a commencé le {review_started} et l'auto-évaluation devait être remise "
                     "au plus tard le {self_assessment_due}. Nous serions néanmoins heureux de communiquer nos "
                     "informations avant les observations écrites des examinateurs, attendues au plus tard le "
                     "{feedback_due}.",
        "closed": "L'examen de votre pays a commencé le {review_started}.",
    },
    "es": {
        "open": "El examen de su país comenzó el {review_started}. La autoevaluación debe presentarse a más tardar "
                "el {self_assessment_due} y las observaciones escritas de los examinadores a más tardar el "
                "{feedback_due}; por ello, les agradeceríamos una respuesta antes del {self_assessment_due}.",
        "reviewers": "El examen de su país comenzó el {review_started} y la autoevaluación debía presentarse a más "
                     "tardar el {self_assessment_due}. Con todo, nos complacería compartir nuestra información antes "
                     "de las observaciones escritas de los examinadores, previstas a más tardar para el "
                     "{feedback_due}.",
        "closed": "El examen de su país comenzó el {review_started}.",
    },
    "ar": {
        "open": "بدأ استعراض بلدكم في {review_started}. ويُنتظر تقديم التقييم الذاتي في موعد أقصاه "
                "{self_assessment_due}، وتقديم الملاحظات الكتابية من المستعرضين في موعد أقصاه {feedback_due}؛ ولذا "
                "نكون ممتنين لو تلقينا ردكم قبل {self_assessment_due}.",
        "reviewers": "بدأ استعراض بلدكم في {review_started}، وكان موعد تقديم التقييم الذاتي {self_assessment_due}. "
                     "ويسعدنا مع ذلك أن نقدّم ما لدينا من معلومات قبل الملاحظات الكتابية من المستعرضين، المنتظرة في "
                     "موعد أقصاه {feedback_due}.",
        "closed": "بدأ استعراض بلدكم في {review_started}.",
    },
    "ru": {
        "open": "Обзор Вашей страны начался {review_started}. Самооценку необходимо представить не позднее "
                "{self_assessment_due}, а письменные замечания экспертов по обзору ожидаются не позднее "
                "{feedback_due}; поэтому мы были бы признательны за ответ до {self_assessment_due}.",
        "reviewers": "Обзор Вашей страны начался {review_started}, а самооценку надлежало представить не позднее "
                     "{self_assessment_due}. Тем не менее мы были бы рады передать наши сведения до получения "
                     "письменных замечаний экспертов по обзору, ожидаемых не позднее {feedback_due}.",
        "closed": "Обзор Вашей страны начался {review_started}.",
    },
    "zh": {
        "open": "贵国的审议已于{review_started}开始。自评应不迟于{self_assessment_due}提交，审议专家的书面反馈应不迟于"
                "{feedback_due}提出；因此，如能在{self_assessment_due}之前得到贵方答复，我们将不胜感激。",
        "reviewers": "贵国的审议已于{review_started}开始，自评原定不迟于{self_assessment_due}提交。我们仍愿在审议专家"
                     "提出书面反馈（不迟于{feedback_due}）之前提供我们掌握的信息。",
        "closed": "贵国的审议已于{review_started}开始。",
    },
}
