"""How the interface looks to the user: the system's font scaled by View > Text size, and the system palette.

The text size is a number of steps from the system's font size (each step 12.5 %, from 75 % to 200 %),
kept in the settings (``view/text_size``) and applied to the whole application (window and dialogs):
the application font and the style sheet, whose headings and notes are sized from that font. The
style sheet's colours are derived from the palette (:mod:`untoc_desktop.ui.style`) and derived again
when the system's palette, theme or contrast preference changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QFont, QFontDatabase, QFontInfo, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ...i18n import _
from ..style import READABLE_ROLES, high_contrast_wanted, readable_palette, style_sheet, system_scheme

#: Settings key of the text size, in steps from the system's size.
TEXT_SIZE_KEY = "view/text_size"
#: Smallest and largest step, and the size of one step (a fraction of the system's size).
SMALLEST, LARGEST, STEP = -2, 8, 0.125


def system_font() -> QFont:
    """The system's interface font (from the platform theme, whatever the application font is now)."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)


def point_size(font: QFont) -> float:
    """A font's size in points (for a font given in pixels, the size it is drawn at)."""
    return font.pointSizeF() if font.pointSizeF() > 0 else QFontInfo(font).pointSizeF()


class Appearance(QObject):
    """View > Text size (Larger Ctrl++, Smaller Ctrl+-, Reset Ctrl+0) and the palette-derived style sheet.

    Args:
        window: the main window (its theme and palette changes are watched).
        settings: where the text size is kept.
        view_menu: the View menu, which gains the Text size submenu.
    """

    def __init__(self, window: QWidget, settings: QSettings, view_menu: QMenu) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        self.menu = QMenu(_("&Text size"), window)
        self.larger_action = QAction(_("&Larger"), window)
        self.larger_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.smaller_action = QAction(_("&Smaller"), window)
        self.smaller_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomOut), QKeySequence("Ctrl+-")])
        self.reset_action = QAction(_("&Reset to the system's size"), window)
        self.reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.larger_action.triggered.connect(lambda _checked=False: self.set_text_size(self.text_size() + 1))
        self.smaller_action.triggered.connect(lambda _checked=False: self.set_text_size(self.text_size() - 1))
        self.reset_action.triggered.connect(lambda _checked=False: self.set_text_size(0))
        self.menu.addActions([self.larger_action, self.smaller_action, self.reset_action])
        view_menu.addMenu(self.menu)
        window.installEventFilter(self)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self.apply())
        hints.accessibility().contrastPreferenceChanged.connect(lambda _preference: self.apply())
        self.apply()

    def text_size(self) -> int:
        """The text size in steps from the system's size (0: the system's size)."""
        raw = self._settings.value(TEXT_SIZE_KEY, 0) or 0
        try:
            steps = int(raw) if isinstance(raw, int | float | str) else 0
        except ValueError:  # a hand-edited settings file: the system's size
            steps = 0
        return max(SMALLEST, min(LARGEST, steps))

    def set_text_size(self, steps: int) -> None:
        """Keep ``steps`` (clamped to the range offered) in the settings and apply it to the application."""
        steps = max(SMALLEST, min(LARGEST, steps))
        self._settings.setValue(TEXT_SIZE_KEY, steps)
        self.apply()

    def point_size(self) -> float:
        """The interface font size in points: the system's, scaled by the text size."""
        return round(point_size(system_font()) * (1 + STEP * self.text_size()), 1)

    def apply(self) -> None:
        """Apply the text size, and the style sheet derived from the current palette, to the application."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        font = system_font()
        font.setPointSizeF(self.point_size())
        if app.font() != font:
            app.setFont(font)
        palette = app.palette()
        fixes = readable_palette(palette, high_contrast_wanted())
        if any(
            fixes.isBrushSet(group, role) and fixes.color(group, role) != palette.color(group, role)
            for group, role in READABLE_ROLES
        ):
            app.setPalette(fixes.resolve(palette))  # only these roles are set: the rest follows the system
        sheet = style_sheet(system_scheme(app.palette()), self.point_size())
        if app.styleSheet() != sheet:  # setting it again re-polishes every widget
            app.setStyleSheet(sheet)
        self.larger_action.setEnabled(self.text_size() < LARGEST)
        self.smaller_action.setEnabled(self.text_size() > SMALLEST)
        self.reset_action.setEnabled(self.text_size() != 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Derive the style sheet again when the system's palette or theme changes."""
        if watched is self._window and event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ThemeChange):
            self.apply()
        return False
