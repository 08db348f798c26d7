import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: User folders of the whole test session (each process, each xdist worker its own). Session-scoped
#: fixtures (``cluster1``, the draft templates) run before the per-test ``isolated_user_folders``
#: below, so without these they read and filled the real user's cache folder.
SESSION_HOME = Path(tempfile.mkdtemp(prefix="untoc-tests-home-"))
atexit.register(shutil.rmtree, SESSION_HOME, ignore_errors=True)
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(SESSION_HOME / _variable.lower())

# CI replays the same examples every run (a new random example is found on a developer's machine, where
# it can be studied, rather than in the one run that decides whether a submission lands).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

from untoc_desktop.draft import Draft, DraftInfo  # noqa: E402
from untoc_desktop.questionnaire import load_installed_definition  # noqa: E402


@pytest.fixture(scope="session")
def cluster1():
    return load_installed_definition(1)


@pytest.fixture(scope="session")
def session_cache_folder(cluster1):
    """The cache folder session-scoped fixtures saw (``cluster1`` filled it): the session's own."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("untoc_desktop", appauthor=False))


@pytest.fixture
def draft_info(cluster1):
    return DraftInfo(
        organization="Coalition for Justice & Rights",
        country="Republic of Veridia",
        cluster=1,
        protocols=frozenset({"TIP", "SOM"}),
        language="en",
        author="A. Researcher",
        definition_id=cluster1.id,
        definition_version=cluster1.version,
    )


@pytest.fixture(scope="session")
def draft_templates(tmp_path_factory):
    """New drafts copied from one made per DraftInfo and session (see helpers.DraftTemplates)."""
    from helpers import DraftTemplates

    return DraftTemplates(tmp_path_factory.mktemp("draft-templates"))


@pytest.fixture
def draft(tmp_path, draft_info, draft_templates):
    """A new, open draft of ``draft_info`` (a copy of the session's template: Draft.create's file)."""
    d = Draft.open(draft_templates.copy(tmp_path / "veridia.untoc", draft_info))
    yield d
    d.close()


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's settings, data and imported definitions."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))


@pytest.fixture(autouse=True)
def english_environment(monkeypatch):
    """Run every test with an English environment (the command line follows LANGUAGE/LC_ALL/LANG)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("UNTOC_PSEUDO_LOCALE", raising=False)


@pytest.fixture(autouse=True)
def no_real_keyring():
    """Never reach the developer's real keyring: the null backend (no keyring) unless a test sets another."""
    import keyring
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def no_network(monkeypatch):
    """Fail on any attempt to open a network connection (Unix sockets stay allowed for Qt and D-Bus)."""
    from helpers import guard_network

    attempts = guard_network(monkeypatch)
    yield attempts
    assert attempts == []


@pytest.fixture
def temporary_catalogue(tmp_path, monkeypatch):
    """Use temporary gettext catalogues instead of the shipped ones: ``install(language, entries)``.

    ``entries`` maps ``(context, English)`` to the translation (context ``None`` for a plain message).
    The shipped catalogues and every cached translation come back after the test.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from untoc_desktop import i18n
    from untoc_desktop.documents import labels
    from untoc_desktop.letters import wording

    def clear_caches():
        i18n.translator.cache_clear()
        labels._labels.cache_clear()
        wording.wording_for.cache_clear()

    folder = tmp_path / "catalogues"

    def install(language, entries):
        catalogue = Catalog(locale=language)
        for (context, message), translation in entries.items():
            catalogue.add(message, translation, context=context)
        target = folder / language / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / f"{i18n.DOMAIN}.mo").open("wb") as handle:
            write_mo(handle, catalogue)
        monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
        clear_caches()
        return folder

    yield install
    monkeypatch.undo()
    clear_caches()
    i18n.set_language("en")
