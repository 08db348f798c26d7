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
