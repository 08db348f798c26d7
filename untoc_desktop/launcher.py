"""The ``untoc-desktop`` command: the window, started with Python's garbage collector paused.

Starting the window makes some 60,000 objects that live as long as it does: modules, classes,
Qt's wrappers and enums, the window, and the draft opened with it. Python's cyclic garbage
collector would walk them over and over while they are made (about 90 passes, some 12 ms of a
0.3 s start, ``benchmarks/startup_cpu.py``). So it is paused here, before anything is imported,
and :func:`untoc_desktop.ui.app.resume_garbage_collection` resumes it once the window is up, with
those objects set aside (:func:`gc.freeze`) rather than collected: nothing is skipped, only the
useless walks over objects that stay.

Then, before the window's modules are imported, PySide6 is told which modules use it
(:mod:`untoc_desktop.ui.pyside_modules`), so that it does not read their source files to find out.

This module imports nothing at import time: the window's modules are imported by :func:`main`.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Start the desktop window (see :func:`untoc_desktop.ui.app.main`) and return its exit status."""
    gc.disable()  # resumed by ui.app.main once the window shows its draft
    from .ui.pyside_modules import register_modules

    register_modules()  # before the window's modules: PySide6 then reads none of their source files
    from .ui.app import main as run_window

    return run_window()
