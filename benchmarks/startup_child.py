"""Child process of the start-up benchmark: start the application as ``untoc-desktop`` does, open a draft, report, exit.

The same steps as the installed launcher (:func:`untoc_desktop.launcher.main`: the garbage
collector paused, PySide6 told which modules use it, then ``untoc_desktop.ui.app`` imported) and
:func:`untoc_desktop.ui.app.main`, in the same order: the application's set-up
(:func:`~untoc_desktop.ui.app.prepare_application`: bundled fonts, interface language, style
sheet), the window built and shown, the draft opened, the garbage collector resumed. Prints one line
``shown <seconds since interpreter start> <peak RSS in MiB> <CPU seconds so far>`` once the window
has been painted with the draft's first page (``first_paint.py``; Qt paints a turn of the event
loop after ``show()``, so an earlier version of this benchmark, which reported on the first turn,
counted no painting in either window).

Settings come from a temporary INI file, never the user's; the cache folder is the benchmark's own.
"""

import gc

gc.disable()  # as untoc_desktop.launcher.main does, before anything is imported

import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

# Then, as the launcher does, PySide6 is told which modules use it (its package loads the Qt-free
# core before PySide6, see untoc_desktop/ui/__init__.py), and the window's module is imported.
from untoc_desktop.ui.pyside_modules import register_modules  # noqa: E402

register_modules()
from untoc_desktop.ui.app import build_main_window, prepare_application, resume_garbage_collection  # noqa: E402, I001

from first_paint import AfterFirstPaint  # noqa: E402 (benchmarks/first_paint.py, as the bare window's child)
from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    app = QApplication([sys.argv[0]])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    language = prepare_application(app, settings)
    window = build_main_window([], settings, interface_language=language)
    window.show()
    window.open_draft(sys.argv[1])
    resume_garbage_collection(window)

    def cpu_seconds() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime  # every thread, and ldconfig & co

    def report() -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"shown {time.perf_counter():.3f} {peak:.1f} {cpu_seconds():.4f}", flush=True)
        if os.environ.get("UNTOC_STARTUP_QUIT_WHEN_SHOWN"):  # startup_instructions.py: only until shown
            window.close()
            app.quit()
            return
        wait_for_spelling()

    def wait_for_spelling() -> None:
        # The spelling dictionary is read on a worker thread once the draft is shown; its underlines
        # follow. Reported too: the CPU until they are drawn.
        view = window.draft_view
        if view is not None and not view.spelling.ready:
            QTimer.singleShot(5, wait_for_spelling)
            return
        app.processEvents()  # the underlines drawn
        print(f"spelled {time.perf_counter():.3f} {cpu_seconds():.4f}", flush=True)
        # Closed as a user closes it: the draft is released (no lock note left), so that the next run
        # opens it as a user opening it again does, not as after a crash (recovery notice and its write).
        window.close()
        app.quit()

    AfterFirstPaint(window, report)  # once the window is drawn with the draft's first page
    app.exec()


if __name__ == "__main__":
    main()
