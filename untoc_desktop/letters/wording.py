"""The letters' own wording, per language and kind (English, French, Spanish here; Arabic,
Russian and Chinese in :mod:`.wording_ar_ru_zh`).

Texts use ``{field}`` placeholders named after :data:`.fields.FIELDS`. The shipped Word
templates are generated from these texts (``tools/make_letter_templates.py`` turns
``{field}`` into ``{{ field }}``) and the PDF is built from them with the values filled
in, so the two formats say the same thing. The wording is the project's own.

Forms of address: ``neutral`` (the recipient's form of address is not known), ``ms``,
``mr`` and ``excellency``; each gives a salutation and the matching closing.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_

#: Forms of address a letter can use.
FORMS_OF_ADDRESS: tuple[str, ...] = ("neutral", "ms", "mr", "excellency")
#: How each form of address is named to the user (through the catalogue).
FORM_OF_ADDRESS_LABELS: dict[str, str] = {
    "neutral": N_("Not known (neutral)"), "ms": N_("Madam"), "mr": N_("Sir"), "excellency": N_("Excellency"),
}

_EN: dict[str, Any] = {
    "reference": "Our ref.: {reference}",
    "subject_label": "Subject: ",
    "forms": {
        "neutral": ("Dear Sir or Madam,", "Yours faithfully,"),
        "ms": ("Dear Madam,", "Yours faithfully,"),
        "mr": ("Dear Sir,", "Yours faithfully,"),
        "excellency": ("Your Excellency,", "Please accept, Excellency, the assurances of my highest consideration."),
    },
    "status": {"partly": "partly implemented", "not_implemented": "not implemented"},
    "instruments": {"UNTOC": "Convention", "TIP": "Trafficking in Persons Protocol",
                    "SOM": "Smuggling of Migrants Protocol", "FIREARMS": "Firearms Protocol"},
    "summary_line": "{instrument}, article {article}: {items}",
    "none": "None.",
    "recalled": {"engagement": "our request to take part in the review",
                 "transmission": "the transmission of our submission",
                 "follow-up": "the progress of the review"},
    "engagement": {
        "subject": "Review of the implementation of the United Nations Convention against Transnational Organized "
                   "Crime, cluster {cluster_number} ({cluster_title}): request for engagement",
        "paragraphs": (
            "{organization} is a civil-society organisation working on matters covered by the United Nations "
            "Convention against Transnational Organized Crime and its Protocols. We understand that {country} is "
            "taking part in the review of cluster {cluster_number} ({cluster_title}) under the Mechanism for the "
            "Review of the Implementation of the Convention and the Protocols thereto.",
            "We would be grateful if you could tell us who has been designated as focal point for the review and "
            "who the governmental experts are, and let us know the timetable of the self-assessment for this "
            "cluster.",
            "Our organisation has gathered information on how the provisions under review are implemented and "
            "would be glad to offer its expertise. We respectfully ask to be consulted while the answers to the "
            "self-assessment questionnaire are prepared, in whatever form suits your services.",
            "You may reach us at the address shown above. Thank you in advance for your attention.",
        ),
    },
    "transmission": {
        "subject": "Review of the implementation of the United Nations Convention against Transnational Organized "
                   "Crime, cluster {cluster_number}: transmission of our submission",
        "paragraphs": (
            "In the context of the review of {country} under the Mechanism for the Review of the Implementation of "
            "the Convention and the Protocols thereto, {organization} has the honour to transmit its submission on "
            "cluster {cluster_number} ({cluster_title}).",
            "The submission sets out our assessment of how the provisions under review are implemented. Provisions "
            "assessed: {count_assessed}; assessed as partly implemented: {count_partly}; assessed as not "
            "implemented: {count_not_implemented}. The provisions we consider not or only partly implemented are, "
            "by article:",
            "{summary}",
            "The submission is attached as the file {attachment_name}. So that its integrity can be checked, its "
            "SHA-256 checksum is {attachment_sha256}.",
            "We remain at your disposal to discuss our findings and would welcome the opportunity to contribute to "
            "the country visit or to the dialogue with the reviewing States.",
        ),
    },
    "follow-up": {
        "subject": "Review of the implementation of the United Nations Convention against Transnational Organized "
                   "Crime, cluster {cluster_number}: follow-up to our letter {recalled_reference}",
        "paragraphs": (
            "We refer to our letter of {recalled_date} (reference {recalled_reference}) concerning "
            "{recalled_subject}.",
            "As we have not yet received a reply, we would be grateful if you could let us know how the review of "
            "{country} on cluster {cluster_number} ({cluster_title}) is progressing and whether civil society will "
            "be consulted.",
            "We reiterate our readiness to contribute our expertise and remain available for a meeting at your "
            "convenience.",
        ),
    },
}

_FR: dict[str, Any] = {
    "reference": "N/Réf. : {reference}",
    "subject_label": "Objet : ",
    "forms": {
        "neutral": ("Madame, Monsieur,", "Veuillez agréer, Madame, Monsieur, l'expression de ma haute considération."),
        "ms": ("Madame,", "Veuillez agréer, Madame, l'expression de ma haute considération."),
        "mr": ("Monsieur,", "Veuillez agréer, Monsieur, l'expression de ma haute considération."),
        "excellency": ("Excellence,", "Je vous prie d'agréer, Excellence, l'assurance de ma très haute considération."),
    },
    "status": {"partly": "partiellement appliquée", "not_implemented": "non appliquée"},
    "instruments": {"UNTOC": "Convention", "TIP": "Protocole relatif à la traite des personnes",
                    "SOM": "Protocole contre le trafic illicite de migrants",
                    "FIREARMS": "Protocole relatif aux armes à feu"},
    "summary_line": "{instrument}, article {article} : {items}",
    "none": "Aucune.",
    "recalled": {"engagement": "notre demande de participation à l'examen",
                 "transmission": "la transmission de notre contribution",
                 "follow-up": "l'avancement de l'examen"},
    "engagement": {
        "subject": "Examen de l'application de la Convention des Nations Unies contre la criminalité transnationale "
                   "organisée, groupe {cluster_number} ({cluster_title}) : demande de participation",
        "paragraphs": (
            "{organization} est une organisation de la société civile qui travaille sur les questions couvertes par "
            "la Convention des Nations Unies contre la criminalité transnationale organisée et ses Protocoles. Nous "
            "croyons savoir que votre pays ({country}) participe à l'examen du groupe {cluster_number} "
            "({cluster_title}) dans le cadre du Mécanisme d'examen de l'application de la Convention et des "
            "Protocoles s'y rapportant.",
            "Nous vous serions reconnaissants de bien vouloir nous indiquer qui a été désigné comme point de "
            "contact pour l'examen et qui sont les experts gouvernementaux, ainsi que le calendrier de "
            "l'auto-évaluation pour ce groupe.",
            "Notre organisation a réuni des informations sur l'application des dispositions examinées et mettrait "
            "volontiers son expertise à votre disposition. Nous souhaiterions être consultés pendant la préparation "
            "des réponses au questionnaire d'auto-évaluation, sous la forme qui conviendra à vos services.",
            "Vous pouvez nous joindre à l'adresse indiquée ci-dessus. Nous vous remercions par avance de votre "
            "attention.",
        ),
    },
    "transmission": {
        "subject": "Examen de l'application de la Convention des Nations Unies contre la criminalité transnationale "
                   "organisée, groupe {cluster_number} : transmission de notre contribution",
        "paragraphs": (
            "Dans le cadre de l'examen de votre pays ({country}) au titre du Mécanisme d'examen de "
            "l'application de la Convention et des Protocoles s'y rapportant, {organization} a l'honneur de vous "
            "transmettre sa contribution sur le groupe {cluster_number} ({cluster_title}).",
            "La contribution présente notre évaluation de l'application des dispositions examinées. Dispositions "
            "évaluées : {count_assessed} ; jugées partiellement appliquées : {count_partly} ; jugées non "
            "appliquées : {count_not_implemented}. Les dispositions que nous estimons non ou partiellement "
            "appliquées sont, par article :",
            "{summary}",
            "La contribution est jointe sous la forme du fichier {attachment_name}. Afin que son intégrité puisse "
            "être vérifiée, son empreinte SHA-256 est {attachment_sha256}.",
            "Nous restons à votre disposition pour examiner nos constats et serions heureux de contribuer à la "
            "visite de pays ou au dialogue avec les États examinateurs.",
        ),
    },
    "follow-up": {
        "subject": "Examen de l'application de la Convention des Nations Unies contre la criminalité transnationale "
                   "organisée, groupe {cluster_number} : suite à notre lettre {recalled_reference}",
        "paragraphs": (
            "Nous nous référons à notre lettre du {recalled_date} (référence {recalled_reference}) concernant "
            "{recalled_subject}.",
            "N'ayant pas encore reçu de réponse, nous vous serions reconnaissants de bien vouloir nous informer de "
            "l'avancement de l'examen de votre pays ({country}) pour le groupe {cluster_number} "
            "({cluster_title}), et de nous dire si la société civile sera consultée.",
            "Nous réitérons notre disponibilité pour apporter notre expertise et pour une rencontre à votre "
            "convenance.",
        ),
    },
}

_ES: dict[str, Any] = {
    "reference": "N/Ref.: {reference}",
    "subject_label": "Asunto: ",
    "forms": {
        "neutral": ("Estimada señora, estimado señor:", "Atentamente,"),
        "ms": ("Estimada señora:", "Atentamente,"),
        "mr": ("Estimado señor:", "Atentamente,"),
        "excellency": ("Excelencia:", "Aprovecho la ocasión para reiterarle las seguridades de mi más alta "
                       "consideración."),
    },
    "status": {"partly": "aplicada parcialmente", "not_implemented": "no aplicada"},
    "instruments": {"UNTOC": "Convención", "TIP": "Protocolo contra la trata de personas",
                    "SOM": "Protocolo contra el tráfico ilícito de migrantes",
                    "FIREARMS": "Protocolo sobre armas de fuego"},
    "summary_line": "{instrument}, artículo {article}: {items}",
    "none": "Ninguna.",
    "recalled": {"engagement": "nuestra solicitud de participar en el examen",
                 "transmission": "la transmisión de nuestra contribución",
                 "follow-up": "el avance del examen"},
    "engagement": {
        "subject": "Examen de la aplicación de la Convención de las Naciones Unidas contra la Delincuencia "
                   "Organizada Transnacional, grupo {cluster_number} ({cluster_title}): solicitud de participación",
        "paragraphs": (
            "{organization} es una organización de la sociedad civil que trabaja en cuestiones abarcadas por la "
            "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos. "
            "Entendemos que {country} participa en el examen del grupo {cluster_number} ({cluster_title}) en el "
            "marco del Mecanismo de Examen de la Aplicación de la Convención y sus Protocolos.",
            "Les agradeceríamos que nos indicaran quién ha sido designado como coordinador del examen y quiénes son "
            "los expertos gubernamentales, así como el calendario de la autoevaluación de este grupo.",
            "Nuestra organización ha reunido información sobre la aplicación de las disposiciones objeto de examen "
            "y ofrece con gusto su experiencia. Solicitamos respetuosamente ser consultados durante la preparación "
            "de las respuestas al cuestionario de autoevaluación, en la forma que mejor convenga a sus servicios.",
            "Pueden contactarnos en la dirección indicada arriba. Les agradecemos de antemano su atención.",
        ),
    },
    "transmission": {
        "subject": "Examen de la aplicación de la Convención de las Naciones Unidas contra la Delincuencia "
                   "Organizada Transnacional, grupo {cluster_number}: transmisión de nuestra contribución",
        "paragraphs": (
            "En el marco del examen de {country} por el Mecanismo de Examen de la Aplicación de la Convención y sus "
            "Protocolos, {organization} tiene el honor de transmitirles su contribución sobre el grupo "
            "{cluster_number} ({cluster_title}).",
            "La contribución expone nuestra evaluación de la aplicación de las disposiciones objeto de examen. "
            "Disposiciones evaluadas: {count_assessed}; consideradas aplicadas parcialmente: {count_partly}; "
            "consideradas no aplicadas: {count_not_implemented}. Las disposiciones que consideramos no aplicadas o "
            "aplicadas solo parcialmente son, por artículo:",
            "{summary}",
            "La contribución se adjunta como el archivo {attachment_name}. Para que pueda verificarse su "
            "integridad, su suma de comprobación SHA-256 es {attachment_sha256}.",
            "Quedamos a su disposición para comentar nuestras conclusiones y nos complacería contribuir a la visita "
            "al país o al diálogo con los Estados examinadores.",
        ),
    },
    "follow-up": {
        "subject": "Examen de la aplicación de la Convención de las Naciones Unidas contra la Delincuencia "
                   "Organizada Transnacional, grupo {cluster_number}: seguimiento de nuestra carta "
                   "{recalled_reference}",
        "paragraphs": (
            "Nos referimos a nuestra carta del {recalled_date} (referencia {recalled_reference}) relativa a "
            "{recalled_subject}.",
            "Como aún no hemos recibido respuesta, les agradeceríamos que nos informaran sobre el avance del examen "
            "de {country} en el grupo {cluster_number} ({cluster_title}) y sobre si se consultará a la sociedad "
            "civil.",
            "Reiteramos nuestra disposición a aportar nuestra experiencia y a reunirnos cuando les resulte "
            "conveniente.",
        ),
    },
}


def _all_wording() -> dict[str, dict[str, Any]]:
    from .wording_ar_ru_zh import AR, RU, ZH

    return {"en": _EN, "fr": _FR, "es": _ES, "ar": AR, "ru": RU, "zh": ZH}


#: Wording tables by language code; every table has the same keys.
WORDING: dict[str, dict[str, Any]] = _all_wording()
#: Languages with shipped letters.
LETTER_LANGUAGES: tuple[str, ...] = tuple(WORDING)


def wording_for(language: str) -> dict[str, Any]:
    """The wording table of a shipped letter language.

    Raises:
        KeyError: no letters in that language.
    """
    return WORDING[language]
