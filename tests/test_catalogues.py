"""The six interface catalogues are complete, safe to format, and use the glossary's legal terms.

A catalogue entry that is missing, fuzzy, drops a placeholder or an accelerator fails here, in any of
the six UN languages (issue 14). ``translations/glossary.csv`` holds the legal terms in the six
languages; for the terms marked ``enforced`` every message using the English term must use the
language's term (or one of its listed forms).
"""

from __future__ import annotations

import csv
import re

import pytest
from babel.messages.pofile import read_po

from untoc_desktop import i18n

LANGUAGES = ("fr", "es", "ar", "ru", "zh")
GLOSSARY = i18n.TRANSLATIONS_DIR / "glossary.csv"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}|%\([a-z_]+\)[sd]|%[sd]")
#: Message contexts of the treaty's official titles, which the glossary does not govern.
TREATY_TITLES = {"article title", "instrument title"}


def _catalogue(language: str):
    with (i18n.TRANSLATIONS_DIR / language / "LC_MESSAGES" / "untoc_desktop.po").open("rb") as handle:
        return read_po(handle)


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


def _ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, (tuple, list)) else [message.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    catalogue = _catalogue(language)
    untranslated = [m.id for m in catalogue if m.id and not all(_strings(m))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert [(m.id, errors) for m, errors in catalogue.check()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(language):
    problems = []
    for message in _catalogue(language):
        if not message.id:
            continue
        wanted = sorted(set(PLACEHOLDER.findall(_ids(message)[-1])))
        amp = _ids(message)[0].replace("&&", "").count("&")
        for string in _strings(message):
            found = set(PLACEHOLDER.findall(string))
            if sorted(found) != wanted and not (len(_strings(message)) > 1 and found <= set(wanted)):
                problems.append((message.id, string, "placeholders"))
            if string.replace("&&", "").count("&") != amp:
                problems.append((message.id, string, "accelerator"))
    assert problems == []


def _glossary() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_glossary_gives_every_term_in_the_six_languages():
    rows = _glossary()
    assert rows, "translations/glossary.csv is empty"
    for row in rows:
        for language in ("en", *LANGUAGES):
            assert row[language].strip(), (row["en"], language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_uses_the_glossary_terms(language):
    rows = [row for row in _glossary() if row["enforced"] == "yes"]
    assert rows
    catalogue = _catalogue(language)
    misses = []
    for row in rows:
        english = re.compile(rf"\b{re.escape(row['en'])}\b", re.IGNORECASE)
        forms = [form.strip().casefold() for form in row[language].split("|") if form.strip()]
        for message in catalogue:
            if not message.id or message.context in TREATY_TITLES:
                continue  # official titles are the treaty's own words
            if not english.search(PLACEHOLDER.sub("", _ids(message)[0])):
                continue
            for string in _strings(message):
                if not any(form in string.replace("&", "").casefold() for form in forms):
                    misses.append((row["en"], _ids(message)[0][:60], string[:60]))
    assert misses == []
