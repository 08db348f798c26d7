"""What the window shows when no draft is open: start a new draft, open one, or pick a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..text_direction_delegate import follow_text_direction


class WelcomePage(QWidget):
    """The empty-window page with New, Open and the recent drafts."""

    new_requested = Signal()
    open_requested = Signal()
    #: A recent draft's path, when activated.
    recent_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Draft a civil-society submission to the UNTOC Review Mechanism"), self)
        title.setObjectName("articleTitle")
        title.setWordWrap(True)
        intro = QLabel(
            _(
                "Each draft is one file on your computer. Everything you type is saved in it as you go; "
                "nothing is sent over the network."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("questionHelp")
        self.new_button = QPushButton(_("New draft…"), self)
        self.open_button = QPushButton(_("Open…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.recent_label = QLabel(_("Recent drafts"), self)
        self.recent_label.setObjectName("paragraphHeading")
        self.recent = QListWidget(self)
        follow_text_direction(self.recent)  # each cell in its own text's direction
        self.recent_label.setBuddy(self.recent)
        self.recent.setAccessibleName(_("Recent drafts"))
        self.recent.setMaximumWidth(800)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addStretch(1)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.recent.itemActivated.connect(lambda item: self.recent_activated.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_recent(self, paths: list[Path]) -> None:
        """List ``paths`` (most recent first)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
        if paths:
            rows = self.recent.sizeHintForRow(0) * len(paths)
            self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)
