"""Baseline child of the start-up benchmark: a bare PySide6 window with a tree and a text editor.

Prints ``shown <seconds since interpreter start> <peak RSS in MiB> <CPU seconds so far>`` once the window has been
painted (``first_paint.py``), like ``startup_child.py`` does for the application's window.
"""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from first_paint import AfterFirstPaint  # noqa: E402 (benchmarks/first_paint.py, as our window's child)
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTreeView  # noqa: E402


def main() -> None:
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    splitter = QSplitter()
    model = QStandardItemModel()
    for article in range(30):
        item = QStandardItem(f"Article {article}")
        for paragraph in range(5):
            item.appendRow(QStandardItem(f"Paragraph {paragraph}"))
        model.appendRow(item)
    tree = QTreeView()
    tree.setModel(model)
    splitter.addWidget(tree)
    splitter.addWidget(QPlainTextEdit("A bare window: a tree and a text editor."))
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("File")
    window.statusBar().showMessage("Ready")
    window.resize(1200, 800)
    window.show()

    def report() -> None:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime  # every thread, and ldconfig & co
        print(f"shown {time.perf_counter():.3f} {own.ru_maxrss / 1024:.1f} {cpu:.4f}", flush=True)
        app.quit()

    AfterFirstPaint(window, report)  # once the window is drawn
    app.exec()


if __name__ == "__main__":
    main()
