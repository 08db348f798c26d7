"""The garbage collector is paused while the window starts, then resumed with start-up's objects set aside."""

from __future__ import annotations

import gc
import sys
import types

import pytest

from untoc_desktop import launcher
from untoc_desktop.ui.app import resume_garbage_collection


@pytest.fixture
def collector():
    """Whatever a test does to the collector is undone (enabled, nothing frozen)."""
    yield
    gc.unfreeze()
    gc.enable()


def test_the_launcher_pauses_the_collector_before_importing_the_window(monkeypatch, collector):
    seen = []
    window_module = types.ModuleType("untoc_desktop.ui.app")
    window_module.main = lambda: seen.append(gc.isenabled()) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "untoc_desktop.ui.app", window_module)
    assert launcher.main() == 0
    assert seen == [False]


def test_resuming_freezes_start_up_then_hands_it_back_when_the_draft_closes(window, draft_path, collector):
    gc.disable()
    resume_garbage_collection(window)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 1000  # the window, its modules and the draft opened with it
    assert window.release_current()
    assert gc.get_freeze_count() == 0  # the start-up draft's objects can be collected again


def test_nothing_is_frozen_when_the_collector_was_not_paused(window, collector):
    resume_garbage_collection(window)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
