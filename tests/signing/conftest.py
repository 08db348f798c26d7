import shutil

import pytest
from signing_helpers import PASSPHRASE

from untoc_desktop.documents import export_submission
from untoc_desktop.signing.identity import create_identity, load_identity


@pytest.fixture(scope="session")
def identities(tmp_path_factory):
    """Two people of one organisation, each with an identity made by the application (root + signing cert)."""
    folder = tmp_path_factory.mktemp("identities")
    amina = create_identity(
        folder / "amina.p12",
        "Amina Haddad",
        "Coalition for Justice & Rights",
        PASSPHRASE,
        email="amina@example.org",
        country="KE",
    )
    jean = create_identity(folder / "jean.p12", "Jean Dupont", "Coalition for Justice & Rights", PASSPHRASE)
    return {"amina": amina, "jean": jean}


@pytest.fixture(scope="session")
def exported_pdfs(tmp_path_factory, cluster1):
    """A short English and Arabic submission (a few answers), exported once per session."""
    from untoc_desktop.draft import DraftInfo

    folder = tmp_path_factory.mktemp("exports")
    answers = {"UNTOC.5.1(b).challenges": "Lacunes : pas de données & peu de moyens."}
    paths = {}
    for language in ("en", "ar"):
        info = DraftInfo(
            organization="Coalition for Justice & Rights",
            country="Republic of Veridia",
            cluster=1,
            protocols=frozenset(),
            language=language,
            definition_id=cluster1.id,
            definition_version=cluster1.version,
        )
        paths[language] = export_submission(cluster1, info, answers, folder / f"submission-{language}.pdf", fmt="pdf")
    return paths


@pytest.fixture
def pdf(tmp_path, exported_pdfs):
    path = tmp_path / "submission.pdf"
    shutil.copy(exported_pdfs["en"], path)
    return path


@pytest.fixture
def amina(identities):
    return load_identity(identities["amina"].p12_path, PASSPHRASE)


@pytest.fixture
def jean(identities):
    return load_identity(identities["jean"].p12_path, PASSPHRASE)
