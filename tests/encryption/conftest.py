import pytest
from encryption_helpers import make_example_draft

from untoc_desktop.encryption.settings import data_folder


@pytest.fixture
def data_dir():
    """The user data folder (inside the temporary home set up by tests/conftest.py)."""
    folder = data_folder()
    assert "xdg_data_home" in str(folder)
    return folder


@pytest.fixture
def example_draft(tmp_path, cluster1):
    return make_example_draft(tmp_path / "example.untoc", cluster1)
