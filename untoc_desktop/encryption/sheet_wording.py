"""The fixed wording of the recovery sheet in the six languages (en fr es ar ru zh).

Kept here rather than in the gettext catalogues so that every language's sheet
is complete from the start; the code, fingerprint and identity are the same
characters in every language.
"""

from __future__ import annotations

from types import MappingProxyType

_FIELDS = ("title", "organisation", "code", "fingerprint", "identity", "made_on", "what_to_do", "command_line")

_EN = {
    "title": "Recovery sheet: encrypted copies of submissions",
    "organisation": "Organisation",
    "code": "Recovery code",
    "fingerprint": "Fingerprint of the recovery key",
    "identity": "Organisation identity",
    "made_on": "Made on",
    "what_to_do": "What to do with this sheet",
    "command_line": "On the command line:",
    "steps": (
        "This code opens every encrypted copy that members of your organisation send to each other, even when a "
        "personal key or its passphrase is lost.",
        "Keep this sheet locked away, apart from the computers: whoever holds it can read the copies.",
        "Do not photograph, scan, type or e-mail it. The application does not keep the code; it was shown only once.",
        "To open a copy with it, open the copy in the application and type the code when asked. Lower case letters, "
        "and the letter O for zero, are accepted.",
        "Before typing it, check that the fingerprint shown in Preferences > Encryption is the one printed on this "
        "sheet.",
        "If this sheet is lost or seen by someone else, set up a new recovery code and destroy this sheet.",
    ),
}

_FR = {
    "title": "Feuille de récupération : copies chiffrées des contributions",
    "organisation": "Organisation",
    "code": "Code de récupération",
    "fingerprint": "Empreinte de la clé de récupération",
    "identity": "Identifiant de l'organisation",
    "made_on": "Établie le",
    "what_to_do": "Que faire de cette feuille",
    "command_line": "En ligne de commande :",
    "steps": (
        "Ce code ouvre toutes les copies chiffrées que les membres de votre organisation s'envoient, même si une clé "
        "personnelle ou sa phrase secrète est perdue.",
        "Gardez cette feuille sous clé, loin des ordinateurs : qui la détient peut lire les copies.",
        "Ne la photographiez pas, ne la numérisez pas, ne la saisissez pas et ne l'envoyez pas par courriel. "
        "L'application ne conserve pas le code ; il n'a été affiché qu'une fois.",
        "Pour ouvrir une copie avec ce code, ouvrez la copie dans l'application et saisissez le code quand il est "
        "demandé. Les minuscules, et la lettre O pour le zéro, sont acceptées.",
        "Avant de le saisir, vérifiez que l'empreinte affichée dans Préférences > Chiffrement est celle imprimée sur "
        "cette feuille.",
        "Si cette feuille est perdue ou vue par quelqu'un d'autre, créez un nouveau code de récupération et "
        "détruisez-la.",
    ),
}

_ES = {
    "title": "Hoja de recuperación: copias cifradas de las contribuciones",
    "organisation": "Organización",
    "code": "Código de recuperación",
    "fingerprint": "Huella de la clave de recuperación",
    "identity": "Identificador de la organización",
    "made_on": "Emitida el",
    "what_to_do": "Qué hacer con esta hoja",
    "command_line": "En la línea de comandos:",
    "steps": (
        "Este código abre todas las copias cifradas que los miembros de su organización se envían entre sí, incluso "
        "si se pierde una clave personal o su frase de contraseña.",
        "Guarde esta hoja bajo llave, lejos de las computadoras: quien la tenga puede leer las copias.",
        "No la fotografíe, escanee, transcriba ni envíe por correo electrónico. La aplicación no guarda el código; "
        "solo se mostró una vez.",
        "Para abrir una copia con él, abra la copia en la aplicación y escriba el código cuando se le pida. Se aceptan "
        "minúsculas y la letra O en lugar del cero.",
        "Antes de escribirlo, compruebe que la huella que aparece en Preferencias > Cifrado es la impresa en esta "
        "hoja.",
        "Si esta hoja se pierde o alguien más la ve, cree un nuevo código de recuperación y destruya esta hoja.",
    ),
}

_RU = {
    "title": "Лист восстановления: зашифрованные копии материалов",
    "organisation": "Организация",
    "code": "Код восстановления",
    "fingerprint": "Отпечаток ключа восстановления",
    "identity": "Идентификатор организации",
    "made_on": "Дата составления",
    "what_to_do": "Что делать с этим листом",
    "command_line": "В командной строке:",
    "steps": (
        "Этот код открывает все зашифрованные копии, которые участники вашей организации пересылают друг другу, даже "
        "если личный ключ или его парольная фраза утеряны.",
        "Храните этот лист под замком, отдельно от компьютеров: любой, у кого он есть, может прочитать копии.",
        "Не фотографируйте, не сканируйте, не перепечатывайте и не отправляйте его по электронной почте. Приложение "
        "не хранит код; он был показан только один раз.",
        "Чтобы открыть копию с его помощью, откройте копию в приложении и введите код, когда он будет запрошен. "
        "Допускаются строчные буквы и буква O вместо нуля.",
        "Перед вводом убедитесь, что отпечаток в разделе «Настройки > Шифрование» совпадает с напечатанным на этом "
        "листе.",
        "Если лист утерян или его видел посторонний, создайте новый код восстановления и уничтожьте этот лист.",
    ),
}

_ZH = {
    "title": "恢复表：提交材料的加密副本",
    "organisation": "组织",
    "code": "恢复码",
    "fingerprint": "恢复密钥指纹",
    "identity": "组织标识",
    "made_on": "制作日期",
    "what_to_do": "如何使用本表",
    "command_line": "命令行：",
    "steps": (
        "此恢复码可以打开贵组织成员之间互相发送的所有加密副本，即使个人密钥或其口令已经丢失。",
        "请将本表锁好保管，远离计算机：持有本表的任何人都能读取这些副本。",
        "请勿拍照、扫描、录入或通过电子邮件发送本表。应用程序不保存恢复码，它只显示过一次。",
        "如需用它打开副本，请在应用程序中打开副本，并在提示时输入恢复码。可以使用小写字母，也可以用字母 O 代替数字零。",
        "输入之前，请核对“首选项 > 加密”中显示的指纹与本表上印的指纹是否一致。",
        "如果本表丢失或被他人看到，请设置新的恢复码并销毁本表。",
    ),
}

_AR = {
    "title": "ورقة الاسترداد: النسخ المشفرة من المساهمات",
    "organisation": "المنظمة",
    "code": "رمز الاسترداد",
    "fingerprint": "بصمة مفتاح الاسترداد",
    "identity": "معرّف المنظمة",
    "made_on": "تاريخ الإعداد",
    "what_to_do": "ماذا تفعلون بهذه الورقة",
    "command_line": "في سطر الأوامر:",
    "steps": (
        "يفتح هذا الرمز كل النسخ المشفرة التي يتبادلها أعضاء منظمتكم، حتى إذا فُقد مفتاح شخصي أو عبارة المرور "
        "الخاصة به.",
        "احفظوا هذه الورقة في مكان مقفل بعيدا عن الحواسيب: كل من يحملها يستطيع قراءة النسخ.",
        "لا تصوروها ولا تمسحوها ضوئيا ولا تكتبوها على الحاسوب ولا ترسلوها بالبريد الإلكتروني. لا يحتفظ التطبيق "
        "بالرمز، فقد عُرض مرة واحدة فقط.",
        "لفتح نسخة بهذا الرمز، افتحوا النسخة في التطبيق واكتبوا الرمز عند طلبه. تُقبل الأحرف الصغيرة، والحرف O "
        "بدلا من الصفر.",
        "قبل كتابته، تحققوا من أن البصمة المعروضة في الإعدادات ثم التشفير هي نفسها المطبوعة على هذه الورقة.",
        "إذا فُقدت هذه الورقة أو اطلع عليها شخص آخر، فأنشئوا رمز استرداد جديدا وأتلفوا هذه الورقة.",
    ),
}

#: Language code -> wording (keys: title, organisation, code, fingerprint, identity, made_on, what_to_do,
#: command_line, steps).
SHEET_WORDING = MappingProxyType({"en": _EN, "fr": _FR, "es": _ES, "ar": _AR, "ru": _RU, "zh": _ZH})
assert all(set(_FIELDS) < set(words) for words in SHEET_WORDING.values())
