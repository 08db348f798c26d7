"""Child process of the start-up benchmark: open the main window with a draft, report, exit.

Prints one line ``shown <seconds since interpreter start> <peak RSS in MiB>`` once the
window has been shown and the event loop has run.
"""

import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from untoc_desktop.ui.app import build_main_window  # noqa: E402


def main() -> None:
    app = QApplication([sys.argv[0]])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window([sys.argv[1]], settings)
    window.show()

    def report() -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"shown {time.perf_counter():.3f} {peak:.1f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()


if __name__ == "__main__":
    main()
