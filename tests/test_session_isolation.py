"""Tests never touch the real user's folders, not even session-scoped fixtures (which run first)."""

from pathlib import Path


def test_session_fixtures_use_the_sessions_own_cache_folder_not_the_users(session_cache_folder):
    assert "untoc-tests-home-" in str(session_cache_folder)  # tests/conftest.py's SESSION_HOME
    assert not session_cache_folder.is_relative_to(Path.home())
    assert any(session_cache_folder.rglob("*.json"))  # cluster1's checked copy went there
