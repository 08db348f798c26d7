import datetime as dt
import json
import logging

import pytest
from helpers import shared_dir

from untoc_desktop import languages

LOCALE_CASES = json.loads((shared_dir() / "cases" / "locale-cases.json").read_text())["locales"]
EXPECTED = {
    "zh-cn": "zh",
    "zh-Hans-CN": "zh",
    "zh_CN": "zh",
    "en_UK": "en",
    "es-419": "es",
    "fr_CA.UTF-8": "fr",
    "ar-001": "ar",
    "C": "en",
    "": "en",
    "pt-BR": "en",
    "xx": "en",
}
WARNED = {"pt-BR", "xx"}


def test_the_registry_holds_the_six_un_languages_from_cldr():
    names = {
        lang.code: (lang.native_name, lang.english_name, lang.direction, lang.script) for lang in languages.languages()
    }
    assert names == {
        "en": ("English", "English", "ltr", "Latn"),
        "fr": ("Français", "French", "ltr", "Latn"),
        "es": ("Español", "Spanish", "ltr", "Latn"),
        "ar": ("العربية", "Arabic", "rtl", "Arab"),
        "ru": ("Русский", "Russian", "ltr", "Cyrl"),
        "zh": ("中文", "Chinese", "ltr", "Hans"),
    }
    plurals = {lang.code: lang.plural_forms.split(";")[0] for lang in languages.languages()}
    assert plurals == {
        "en": "nplurals=2",
        "fr": "nplurals=3",
        "es": "nplurals=3",
        "ar": "nplurals=6",
        "ru": "nplurals=3",
        "zh": "nplurals=1",
    }


@pytest.mark.parametrize("code", LOCALE_CASES)
def test_every_real_world_locale_code_is_normalised(code, caplog):
    assert set(EXPECTED) == set(LOCALE_CASES)
    with caplog.at_level(logging.WARNING, logger="untoc_desktop.languages"):
        languages._normalise.cache_clear()
        assert languages.normalise(code) == EXPECTED[code]
        assert languages.format_date(dt.date(2026, 12, 2), code)
    warned = any(code in record.getMessage() for record in caplog.records)
    assert warned == (code in WARNED)


def test_only_arabic_is_right_to_left():
    assert [c for c in languages.CODES if languages.is_rtl(c)] == ["ar"]
    assert languages.is_rtl("ar_EG.UTF-8") and not languages.is_rtl("xx")


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "2 December 2026"),
        ("fr", "2 décembre 2026"),
        ("es", "2 de diciembre de 2026"),
        ("ar", "2 ديسمبر 2026"),
        ("ru", "2 декабря 2026\u202fг."),
        ("zh", "2026年12月2日"),
        ("en_US", "2 December 2026"),
        ("xx", "2 December 2026"),
    ],
)
def test_one_date_style_per_language(code, text):
    assert languages.format_date(dt.date(2026, 12, 2), code) == text
    assert languages.format_date(dt.datetime(2026, 12, 2, 23, 59), code) == text


def test_the_cached_facts_are_cldrs_and_a_damaged_cache_is_read_from_cldr_again():
    from_cldr = tuple(languages._from_cldr(code) for code in languages.CODES)
    try:
        languages._registry.cache_clear()
        assert languages.languages() == from_cldr  # read from CLDR, then kept in the (test's) cache folder
        cached = languages._facts_file()
        assert cached.is_file() and "babel-" in cached.name
        languages._registry.cache_clear()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(languages, "_from_cldr", lambda code: pytest.fail("CLDR read again"))
            assert languages.languages() == from_cldr  # as a new process: from the cache
        cached.write_text('{"ar": {"direction": "sideways"}}', "utf-8")
        languages._registry.cache_clear()
        assert languages.languages() == from_cldr
        assert json.loads(cached.read_text("utf-8"))["ar"]["direction"] == "rtl"  # healed
    finally:
        languages._registry.cache_clear()


def test_directions_and_language_names_need_no_babel_once_cached(tmp_path):
    import os
    import subprocess
    import sys

    code = (
        "from untoc_desktop import languages\nimport sys\n"
        "print(languages.direction('ar'), languages.native_names()['zh'], 'babel' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        for _first_fills_the_cache in range(2)
    ]
    assert runs[0].stdout.split() == ["rtl", "中文", "True"], runs[0].stderr
    assert runs[1].stdout.split() == ["rtl", "中文", "False"], runs[1].stderr
