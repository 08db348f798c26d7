"""Spell checking of answers, with Hunspell dictionaries through Enchant (pyenchant).

The dictionary is chosen per text: the draft's drafting language first, then the
text's own script (an Arabic passage in an English draft is checked in Arabic, a
Cyrillic one in Russian). Chinese is not spell-checked (it has no spelling in the
sense Hunspell knows). A missing library or dictionary is never an error: the
checker says once which dictionary to install and leaves the text unmarked.

Words the user adds are kept in a personal word list, one word a line, in the
user data folder (``platformdirs.user_data_dir("untoc_desktop")/personal-words.txt``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from . import languages
from .i18n import _

#: Drafting language -> Enchant dictionary tags to try, in order.
DICTIONARY_TAGS: dict[str, tuple[str, ...]] = {
    "en": ("en_GB", "en_US", "en"),
    "fr": ("fr_FR", "fr"),
    "es": ("es_ES", "es"),
    "ar": ("ar", "ar_SA", "ar_EG"),
    "ru": ("ru_RU", "ru"),
}

#: Enchant providers, in the order they are asked for a dictionary: Hunspell's first.
PROVIDER_ORDER = "hunspell,nuspell,aspell,myspell"

#: Debian package that brings each language's dictionary (said in the "missing" message).
DICTIONARY_PACKAGES: dict[str, str] = {
    "en": "hunspell-en-gb or hunspell-en-us",
    "fr": "hunspell-fr",
    "es": "hunspell-es",
    "ar": "hunspell-ar",
    "ru": "hunspell-ru",
}

# A word: letters and combining marks, with inner apostrophes or hyphens ("l'État", "well-kept").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
_URL_OR_MAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")


class _Dictionary(Protocol):
    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


@dataclass(frozen=True)
class Misspelling:
    """A word no dictionary knows.

    Attributes:
        start: offset of the word in the text, in characters (Python string indices).
        length: its length in characters.
        word: the word itself.
        language: the drafting-language code whose dictionary was used ("en", "fr", …).
    """

    start: int
    length: int
    word: str
    language: str


def script_language(word: str) -> str | None:
    """The language whose dictionary checks a word by its script, or ``None`` for Latin and unknown scripts.

    Arabic script -> ``ar``, Cyrillic -> ``ru``, Han/Kana/Hangul -> ``zh`` (not checked).
    """
    for char in word:
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            return "ar"
        if name.startswith("CYRILLIC"):
            return "ru"
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            return "zh"
        if name.startswith("LATIN"):
            return None
    return None


def default_personal_words_path() -> Path:
    """Where the user's own words are kept (the user data folder)."""
    return Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "personal-words.txt"


def _load_enchant() -> Any:  # noqa: ANN401 (the enchant module, or None)
    try:
        import enchant  # the C library libenchant-2 must be installed

        return enchant
    except (ImportError, OSError):
        return None


class SpellChecker:
    """Finds misspelled words and offers suggestions, per drafting language and script.

    The Enchant library and each dictionary are loaded when first needed (a Hunspell dictionary
    takes some 20 to 50 ms to read, more on an old laptop), or ahead of time by :meth:`prepare`,
    which the window calls on a worker thread. Loading is guarded by a lock, so one checker may be
    prepared on one thread while another checks words: the second waits for the dictionary.

    Args:
        drafting_language: the draft's language code (``en``, ``fr``, ``es``, ``ar``, ``ru``, ``zh``).
        personal_words: the personal word list file (default: :func:`default_personal_words_path`).
        enchant_module: the ``enchant`` module (tests pass a stand-in, or ``None`` for "not installed";
            default: imported when first needed, when available).

    Attributes:
        notices: messages about missing dictionaries, each said once (the window shows them).
    """

    def __init__(self, drafting_language: str, personal_words: Path | None = None, enchant_module: Any = ...) -> None:  # noqa: ANN401
        self.drafting_language = languages.normalise(drafting_language)
        self._lock = threading.RLock()  # Enchant's broker and the dictionaries, loaded on any thread
        self._enchant: Any = None
        self._broker: Any = None
        self._engine_loaded = False
        self._dictionaries: dict[str, _Dictionary | None] = {}
        self.notices: list[str] = []
        #: Called with each new notice (the window shows it in the status bar).
        self.on_notice: Callable[[str], None] | None = None
        self._personal_path = personal_words or default_personal_words_path()
        self._personal = self._read_personal()
        self._ignored: set[str] = set()
        if enchant_module is not ...:  # a stand-in, or None: known at once
            self._start_engine(enchant_module)

    def _start_engine(self, enchant_module: Any) -> None:  # noqa: ANN401
        self._enchant = enchant_module
        self._engine_loaded = True
        if enchant_module is not None:
            self._broker = enchant_module.Broker()
            # Hunspell's dictionaries (Debian hunspell-*) before any other provider Enchant finds. Named
            # tag by tag too: Enchant's own ordering file puts Aspell first for English, and a tag's
            # line there wins over "*" (with aspell-en installed, English was checked by Aspell).
            for tag in ("*", *(tag for tags in DICTIONARY_TAGS.values() for tag in tags)):
                self._broker.set_ordering(tag, PROVIDER_ORDER)
        else:
            self._notice(
                _(
                    "Spell checking is off: the Enchant library is not installed "
                    "(Debian: apt-get install libenchant-2-2 hunspell-en-gb)."
                )
            )

    def _engine(self) -> Any:  # noqa: ANN401 (the enchant module, or None)
        with self._lock:
            if not self._engine_loaded:
                self._start_engine(_load_enchant())
            return self._enchant

    @property
    def available(self) -> bool:
        """Whether any spell checking can happen at all (loads the Enchant library if not yet done)."""
        return self._engine() is not None

    def prepare(self) -> None:
        """Load the Enchant library and the drafting language's dictionary now, rather than at the first word.

        Safe to call on a worker thread; a missing library or dictionary gives its notice, as when
        checking would.
        """
        if self.available and self.drafting_language in DICTIONARY_TAGS:
            self.dictionary(self.drafting_language)

    def dictionary(self, language: str) -> _Dictionary | None:
        """The dictionary for a language code, or ``None`` (missing dictionaries are noted once)."""
        if language in self._dictionaries:
            return self._dictionaries[language]
        with self._lock:
            if language in self._dictionaries:  # loaded by another thread meanwhile
                return self._dictionaries[language]
            self._engine()
            found: _Dictionary | None = None
            if self._broker is not None and language in DICTIONARY_TAGS:
                for tag in DICTIONARY_TAGS[language]:
                    try:
                        if self._broker.dict_exists(tag):
                            found = self._broker.request_dict(tag)
                            break
                    except Exception:  # noqa: BLE001 (a broken dictionary file must not stop typing)
                        continue
                if found is None:
                    self._notice(
                        _(
                            "No spelling dictionary for {language}: words in it are not checked. Install {package}."
                        ).format(language=language, package=DICTIONARY_PACKAGES.get(language, language))
                    )
            self._dictionaries[language] = found
            return found

    def language_for(self, word: str) -> str:
        """Which dictionary checks ``word``: its script's language, else the drafting language."""
        by_script = script_language(word)
        if by_script is not None:
            return by_script
        return (
            self.drafting_language
            if self.drafting_language in DICTIONARY_TAGS and self.drafting_language not in ("ar", "ru")
            else "en"
        )

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is spelled right (or cannot be checked: Chinese, no dictionary, personal word)."""
        if word in self._personal or word.casefold() in self._ignored or _not_a_word(word):
            return True
        language = self.language_for(word)
        dictionary = self.dictionary(language) if language != "zh" else None
        if dictionary is None:
            return True
        try:
            return bool(dictionary.check(word))
        except Exception:  # noqa: BLE001
            return True

    def misspellings(self, text: str) -> Iterator[Misspelling]:
        """Every misspelled word of ``text``, in order (web addresses and e-mail addresses skipped)."""
        if not self.available:
            return
        skipped = [match.span() for match in _URL_OR_MAIL.finditer(text)]
        for match in _WORD.finditer(text):
            if any(start <= match.start() < end for start, end in skipped):
                continue
            word = match.group()
            if not self.is_known(word):
                yield Misspelling(match.start(), len(word), word, self.language_for(word))

    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Up to ``limit`` replacements for a misspelled word (empty when no dictionary applies)."""
        language = self.language_for(word)
        dictionary = self.dictionary(language) if language != "zh" else None
        if dictionary is None:
            return []
        try:
            return list(dictionary.suggest(word))[:limit]
        except Exception:  # noqa: BLE001
            return []

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the application closes."""
        self._ignored.add(word.casefold())

    def add_to_personal(self, word: str) -> None:
        """Accept ``word`` from now on, in every draft (kept in the personal word list).

        Raises:
            OSError: the word list could not be written (the word is still accepted in this session).
        """
        self._personal.add(word)
        from .files import atomic_write_text

        atomic_write_text(self._personal_path, "".join(f"{w}\n" for w in sorted(self._personal)))

    def _notice(self, message: str) -> None:
        self.notices.append(message)
        if self.on_notice is not None:
            self.on_notice(message)

    def _read_personal(self) -> set[str]:
        try:
            text = self._personal_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return set()
        return {line.strip() for line in text.splitlines()[:100_000] if 0 < len(line.strip()) <= 100}


def _not_a_word(word: str) -> bool:
    # Acronyms (UNTOC, ONUDC) and one-letter words are not checked.
    return len(word) < 2 or (word.isupper() and len(word) <= 8)
