"""Spell checking (Qt-free): dictionaries per language and script, suggestions, personal words."""

import threading
import time

import pytest
from helpers import NoDictionaries

from untoc_desktop.spelling import SpellChecker, script_language


def words(checker, text):
    return [miss.word for miss in checker.misspellings(text)]


@pytest.fixture
def personal(tmp_path):
    return tmp_path / "data" / "personal-words.txt"


def test_english_misspellings_are_found_with_suggestions(personal):
    checker = SpellChecker("en", personal)
    assert words(checker, "Recieve teh evidence of the Criminal Code.") == ["Recieve", "teh"]
    assert "Receive" in checker.suggestions("Recieve")
    assert checker.notices == []


@pytest.mark.parametrize(
    "language, text, wrong",
    [
        ("fr", "La loi pénale prévoitt des peines pour la traite des personnes.", ["prévoitt"]),
        ("es", "La ley penal establese sanciones para la trata de personas.", ["establese"]),
        ("ru", "Полиция праверила сведения.", ["праверила"]),
        ("ar", "الشرطة تحققتت من الأدلة.", ["تحققتت"]),
    ],
)
def test_each_drafting_language_has_its_dictionary(personal, language, text, wrong):
    assert words(SpellChecker(language, personal), text) == wrong


def test_a_passage_in_another_script_is_checked_in_its_own_language(personal):
    checker = SpellChecker("en", personal)
    assert words(checker, "The police (полиция праверила) checked.") == ["праверила"]
    assert script_language("полиция") == "ru" and script_language("الشرطة") == "ar" and script_language("law") is None


def test_chinese_acronyms_addresses_and_numbers_are_not_marked(personal):
    checker = SpellChecker("en", personal)
    assert words(checker, "UNTOC and ONUDC see https://www.unodc.org/xyzq and 2024 中华人民共和国刑法") == []


def test_personal_words_are_kept_in_the_user_data_folder(personal):
    checker = SpellChecker("en", personal)
    assert words(checker, "Veridian prosecutors") == ["Veridian"]
    checker.add_to_personal("Veridian")
    assert words(checker, "Veridian prosecutors") == []
    assert personal.read_text(encoding="utf-8") == "Veridian\n"
    assert words(SpellChecker("en", personal), "Veridian prosecutors") == []


def test_ignored_words_are_accepted_for_the_session_only(personal):
    checker = SpellChecker("en", personal)
    checker.ignore("Veridian")
    assert words(checker, "Veridian") == []
    assert words(SpellChecker("en", personal), "Veridian") == ["Veridian"]


def test_a_missing_dictionary_is_said_once_and_never_an_error(personal):
    checker = SpellChecker("fr", personal, enchant_module=NoDictionaries)
    heard = []
    checker.on_notice = heard.append
    assert words(checker, "Recieve teh prévoitt") == []
    assert words(checker, "encore prévoitt") == []
    assert len(heard) == 1 and "hunspell-fr" in heard[0]
    assert checker.suggestions("prévoitt") == []


def test_without_the_enchant_library_spelling_is_off_with_a_message(personal):
    checker = SpellChecker("en", personal, enchant_module=None)
    assert not checker.available
    assert words(checker, "Recieve teh") == []
    assert "Enchant" in checker.notices[0]


class _CountingEnchant:
    """A stand-in Enchant whose dictionary takes a while to read, counting the reads."""

    reads = 0
    lock = threading.Lock()

    class Broker:
        def set_ordering(self, *_args):
            pass

        def dict_exists(self, tag):
            return tag == "en_GB"

        def request_dict(self, _tag):
            with _CountingEnchant.lock:
                _CountingEnchant.reads += 1
            time.sleep(0.05)
            return _KnowsEverything()


class _KnowsEverything:
    def check(self, _word):
        return True

    def suggest(self, _word):
        return []


def test_the_enchant_library_is_loaded_when_first_needed(personal, monkeypatch):
    loads = []
    monkeypatch.setattr("untoc_desktop.spelling._load_enchant", lambda: loads.append(1) or _CountingEnchant)
    checker = SpellChecker("en", personal)
    assert loads == []  # making a checker reads nothing
    assert checker.available and loads == [1]
    checker.prepare()
    assert loads == [1]


def test_a_dictionary_read_on_a_worker_is_read_once_while_the_gui_thread_checks(personal):
    _CountingEnchant.reads = 0
    checker = SpellChecker("en", personal, enchant_module=_CountingEnchant)
    worker = threading.Thread(target=checker.prepare)
    worker.start()
    results = [words(checker, "Prosecutors recieve evidence") for _ in range(3)]  # waits for the worker's read
    worker.join(5)
    assert results == [[], [], []]
    assert _CountingEnchant.reads == 1


class _OrderRecordingEnchant:
    orderings: dict[str, str] = {}

    class Broker:
        def set_ordering(self, tag, order):
            _OrderRecordingEnchant.orderings[tag] = order

        def dict_exists(self, _tag):
            return False


def test_hunspell_is_asked_first_for_every_language_not_only_by_default(personal):
    # Enchant's own ordering file names Aspell first for English; a tag's line there wins over "*".
    _OrderRecordingEnchant.orderings = {}
    SpellChecker("en", personal, enchant_module=_OrderRecordingEnchant)
    for tag in ("*", "en_GB", "en_US", "fr_FR", "es_ES", "ar", "ru_RU"):
        assert _OrderRecordingEnchant.orderings[tag].startswith("hunspell,"), tag


def test_english_is_checked_with_hunspell_even_where_aspell_has_english(personal):
    checker = SpellChecker("en", personal)
    dictionary = checker.dictionary("en")
    assert dictionary is not None and dictionary.provider.name == "hunspell"
