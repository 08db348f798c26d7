from untoc_desktop import i18n


def test_interface_language_switches_and_falls_back():
    try:
        assert i18n.set_language("fr_CA.UTF-8") == "fr"
        assert i18n._("Fully implemented") == "Pleinement appliqué"
        assert i18n.set_language("xx") == "en"
        assert i18n._("Fully implemented") == "Fully implemented"
    finally:
        i18n.set_language("en")


def test_document_translator_is_independent_of_the_interface():
    french = i18n.translator("fr")
    assert french("Partly implemented") == "Partiellement appliqué"
    assert i18n._("Partly implemented") == "Partly implemented"
    assert i18n.translator("zz")("Partly implemented") == "Partly implemented"


def test_every_french_message_is_translated():
    from babel.messages.pofile import read_po

    with (i18n.TRANSLATIONS_DIR / "fr" / "LC_MESSAGES" / "untoc_desktop.po").open("rb") as handle:
        catalogue = read_po(handle)
    untranslated = [m.id for m in catalogue if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
    assert untranslated == []
    assert [(m.id, errors) for m, errors in catalogue.check()] == []


def test_translator_offers_contexts_and_plural_forms():
    french = i18n.translator("fr_CA.UTF-8")
    assert french.language == "fr"
    assert french.pgettext("no such context", "Partly implemented") == "Partly implemented"
    assert french.ngettext("one", "many", 2) == "many"
    assert french.npgettext("no such context", "one", "many", 1) == "one"


def test_translated_languages_are_the_compiled_catalogues(tmp_path):
    for code in ("fr", "ar", "xx"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / code / "LC_MESSAGES" / "untoc_desktop.mo").write_bytes(b"")
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)  # a folder without a catalogue
    assert i18n.translated_languages(tmp_path) == ("fr", "ar")
    assert set(i18n.TRANSLATED_LANGUAGES) <= {"fr", "es", "ar", "ru", "zh"} and "fr" in i18n.TRANSLATED_LANGUAGES


def test_pseudo_locale_lengthens_accents_and_keeps_placeholders():
    message = "Save {name} as a copy in %s <b>now</b>"
    pseudo = i18n.translator("qps-ploc")(message)
    assert pseudo.startswith("[") and pseudo.endswith("]")
    assert len(pseudo) >= 1.4 * len(message)
    assert "{name}" in pseudo and "%s" in pseudo and "<b>" in pseudo and "Save" not in pseudo
    assert pseudo.format(name="X")  # still a valid format string
    assert i18n.translator("qps-ploc")("") == ""


def test_mirrored_pseudo_locale_is_right_to_left():
    try:
        assert i18n.set_language("qps-plocm") == "qps-plocm"
        text = i18n._("Cancel")
        assert text.startswith("\u202e") and text.endswith("\u202c")
        assert i18n.interface_direction() == "rtl"
        assert i18n.interface_language() == "en"  # labels kept per language come in English
        i18n.set_language("qps-ploc")
        assert i18n.interface_direction() == "ltr" and "\u202e" not in i18n._("Cancel")
        i18n.set_language("ar_EG.UTF-8")
        assert i18n.interface_direction() == "rtl" and i18n.interface_language() == "ar"
    finally:
        i18n.set_language("en")


def test_the_environment_language_follows_gettexts_variables():
    assert i18n.environment_language({"LANG": "ar_EG.UTF-8"}) == "ar"
    assert i18n.environment_language({"LANGUAGE": "pt_BR:zh_CN:fr", "LANG": "ru_RU.UTF-8"}) == "zh"
    assert i18n.environment_language({"LC_ALL": "es_MX.UTF-8", "LANG": "ru_RU.UTF-8"}) == "es"
    assert i18n.environment_language({"LANG": "C.UTF-8"}) == "en"
    assert i18n.environment_language({}) == "en"


def test_a_translation_naming_an_unknown_field_falls_back_to_english(caplog):
    import gettext

    class Damaged(gettext.NullTranslations):
        def gettext(self, message):
            return {"Add a law to {place}": "Ajouter une loi à {items}"}.get(message, message)

        def ngettext(self, singular, plural, n):
            return "{n} réponses, {extra}" if n != 1 else "une réponse"

    damaged = i18n.Translator(Damaged(), "fr")
    assert damaged("Add a law to {place}").format(place="p. 1") == "Add a law to p. 1"
    assert "unknown fields" in caplog.text
    # leaving a field out is allowed (singular forms often do)
    assert damaged.ngettext("{count} answer", "{count} answers", 1) == "une réponse"
    assert damaged.ngettext("{count} answer", "{count} answers", 3) == "{count} answers"
