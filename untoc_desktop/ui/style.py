"""The application's look: a style sheet derived from the system palette and font, meeting WCAG AA contrast.

Nothing here fights the user's palette: every colour is the palette's own or derived from it (muted text
is the text colour mixed towards the background only as far as contrast allows; warning and error tints
come in a light and a dark variant chosen by the palette's background), and each derived colour is
checked and, if need be, darkened or lightened until it reaches the WCAG 2.1 AA ratio against the
backgrounds it is drawn on: 4.5:1 for text, 3:1 for the parts of the interface (borders, focus frame).
With the system's high-contrast preference there is no muting at all.

Font sizes are relative to the interface font (the system's, scaled by View > Text size), since Qt
style sheets only take absolute sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: WCAG 2.1 AA: text (success criterion 1.4.3) and user-interface parts (1.4.11).
TEXT_CONTRAST = 4.5
UI_CONTRAST = 3.0
#: Point size of the interface font when nothing else is known (Qt's default on Linux).
DEFAULT_POINT_SIZE = 9.0


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0 to 1) of the way towards ``second``."""
    return QColor.fromRgbF(
        *(
            a + (b - a) * amount
            for a, b in zip(
                (first.redF(), first.greenF(), first.blueF()),
                (second.redF(), second.greenF(), second.blueF()),
                strict=True,
            )
        )
    )


def readable(colour: QColor, backgrounds: tuple[QColor, ...], minimum: float) -> QColor:
    """``colour``, darkened or lightened (away from ``backgrounds``) until it reaches ``minimum`` against each.

    Args:
        colour: the colour wanted.
        backgrounds: the colours it is drawn on.
        minimum: contrast ratio to reach (:data:`TEXT_CONTRAST` or :data:`UI_CONTRAST`).

    Returns:
        The closest colour found on the way to black or white that meets the ratio; black or white
        (whichever contrasts more) when none does.
    """
    if all(contrast_ratio(colour, b) >= minimum for b in backgrounds):
        return colour
    darkest = min(relative_luminance(b) for b in backgrounds)
    target = QColor("#000000") if darkest > 0.18 else QColor("#ffffff")
    for step in range(1, 21):
        candidate = mix(colour, target, step / 20)
        if all(contrast_ratio(candidate, b) >= minimum for b in backgrounds):
            return QColor(candidate.name())
    return target


@dataclass(frozen=True)
class Scheme:
    """The palette colours the style sheet is derived from.

    Attributes:
        window: background of windows and pages.
        base: background of input fields, lists and paragraph cards.
        alternate_base: background of alternate rows (and of shaded notes).
        text: text in fields and on ``base``.
        window_text: text on ``window``.
        highlight: selection and focus colour.
        link: link colour.
        high_contrast: the system asks for high contrast (no muted or tinted colours).
    """

    window: QColor
    base: QColor
    alternate_base: QColor
    text: QColor
    window_text: QColor
    highlight: QColor
    link: QColor
    high_contrast: bool = False

    @classmethod
    def from_palette(cls, palette: QPalette, high_contrast: bool = False) -> Scheme:
        """The active colours of a Qt palette."""
        role = QPalette.ColorRole

        def active(colour_role: QPalette.ColorRole) -> QColor:
            return QColor(palette.color(QPalette.ColorGroup.Active, colour_role))

        return cls(
            window=active(role.Window),
            base=active(role.Base),
            alternate_base=active(role.AlternateBase),
            text=active(role.Text),
            window_text=active(role.WindowText),
            highlight=active(role.Highlight),
            link=active(role.Link),
            high_contrast=high_contrast,
        )

    @property
    def dark(self) -> bool:
        """Whether pages are dark (light text): tints then come in their dark variant."""
        return relative_luminance(self.window) < 0.2

    @property
    def backgrounds(self) -> tuple[QColor, ...]:
        """Backgrounds plain labels may be drawn on (page, field or card, alternate row)."""
        return (self.window, self.base, self.alternate_base)


#: Qt's Fusion palette on Linux, for the style sheet used before the application exists.
LIGHT = Scheme(
    QColor("#efefef"),
    QColor("#ffffff"),
    QColor("#f7f7f7"),
    QColor("#000000"),
    QColor("#000000"),
    QColor("#308cc6"),
    QColor("#0000ff"),
)


@dataclass(frozen=True)
class Colours:
    """The colours of the interface for one :class:`Scheme` (each already meets its contrast ratio)."""

    muted: QColor  # secondary text (help, facts, counts) on the page, fields and cards
    disabled: QColor  # text of disabled controls
    error: QColor  # problems and missing required answers
    success: QColor  # a good result (a signature verified)
    accent: QColor  # what comes next (the review timeline)
    border: QColor  # card, field and banner edges (3:1)
    focus: QColor  # the keyboard focus frame (3:1)
    shade: QColor  # background of shaded notes (not applicable, research details)
    shade_text: QColor
    notice: QColor  # background of notices (read-only, provisional article list)
    notice_text: QColor
    notice_border: QColor
    alert: QColor  # background of the error banner
    alert_text: QColor
    alert_border: QColor
    added: QColor  # background of added words in a comparison, and its text
    removed: QColor
    marked_text: QColor


def colours(scheme: Scheme) -> Colours:
    """The interface colours derived from ``scheme``, each checked against what it is drawn on."""
    on_page = scheme.backgrounds
    if scheme.high_contrast:
        text, muted = scheme.window_text, scheme.window_text
    else:
        text = scheme.window_text
        muted = readable(mix(text, scheme.window, 0.45), on_page, TEXT_CONTRAST)
    dark = scheme.dark
    shade = scheme.window if scheme.high_contrast else mix(scheme.window, text, 0.06)
    notice = QColor("#3b3000" if dark else "#fff4ce")
    alert = QColor("#4a1210" if dark else "#fdecea")
    added, removed = (QColor("#1f4d27"), QColor("#5c1f1f")) if dark else (QColor("#b8f0c0"), QColor("#ffc9c9"))
    if scheme.high_contrast:
        notice = alert = added = removed = scheme.window
    return Colours(
        muted=muted,
        disabled=readable(mix(text, scheme.window, 0.5), on_page, TEXT_CONTRAST),
        error=readable(QColor("#ffb4ab" if dark else "#b3261e"), on_page, TEXT_CONTRAST),
        success=readable(QColor("#8fd694" if dark else "#1e6b2a"), on_page, TEXT_CONTRAST),
        accent=readable(scheme.link, on_page, TEXT_CONTRAST),
        border=readable(mix(text, scheme.base, 0.55), (*on_page, shade), UI_CONTRAST),
        focus=readable(scheme.highlight, on_page, UI_CONTRAST),
        shade=shade,
        shade_text=readable(muted, (shade,), TEXT_CONTRAST),
        notice=notice,
        notice_text=readable(QColor("#fff0b3" if dark else "#3d3000"), (notice,), TEXT_CONTRAST),
        notice_border=readable(QColor("#c9a227" if dark else "#8a6d00"), (notice, scheme.window), UI_CONTRAST),
        alert=alert,
        alert_text=readable(QColor("#ffdad6" if dark else "#8c1d18"), (alert,), TEXT_CONTRAST),
        alert_border=readable(QColor("#ffb4ab" if dark else "#b3261e"), (alert, scheme.window), UI_CONTRAST),
        added=added,
        removed=removed,
        marked_text=readable(text, (added, removed), TEXT_CONTRAST),
    )


def badge_colour(state: str, scheme: Scheme) -> QColor:
    """The colour of a completeness badge in the provision tree (3:1 against the tree's rows).

    Args:
        state: ``complete``, ``started``, ``empty`` or ``n/a``.
        scheme: the palette's colours.
    """
    derived = colours(scheme)
    wanted = {"complete": derived.success, "empty": derived.error, "n/a": derived.muted}.get(
        state, QColor("#f2b84b" if scheme.dark else "#b05f00")
    )
    return readable(wanted, (scheme.base, scheme.alternate_base), UI_CONTRAST)


def _pt(points: float) -> str:
    return f"{points:.1f}pt"


def style_sheet(scheme: Scheme = LIGHT, point_size: float = DEFAULT_POINT_SIZE) -> str:
    """The application's style sheet for a palette and an interface font size.

    Args:
        scheme: the palette's colours (:meth:`Scheme.from_palette`).
        point_size: size of the interface font in points; headings and notes are sized from it.

    Every rule that sets a text colour either sets its background too or is meant for plain labels
    (drawn on the page, a field or a card); ``tests/ui/test_style_contrast.py`` checks each pair.
    """
    c = colours(scheme)
    size = point_size
    names = {name: getattr(c, name).name() for name in Colours.__dataclass_fields__}
    names.update(
        base=scheme.base.name(),
        window=scheme.window.name(),
        text=scheme.text.name(),
        window_text=scheme.window_text.name(),
        alternate=scheme.alternate_base.name(),
    )
    names.update(
        instrument=_pt(size * 1.1),
        article=_pt(size * 1.5),
        heading=_pt(size * 1.2),
        small=_pt(size * 0.95),
        smaller=_pt(size * 0.9),
    )
    return """
QLabel#instrumentTitle {{ color: {muted}; font-size: {instrument}; }}
QLabel#articleTitle {{ font-size: {article}; font-weight: 600; }}
QLabel#paragraphHeading {{ font-size: {heading}; font-weight: 600; }}
QLabel#paragraphFacts {{ color: {muted}; }}
QLabel#questionLabel {{ font-weight: 600; }}
QLabel#questionHelp {{ color: {muted}; font-size: {small}; }}
QLabel#requiredMarker {{ color: {muted}; font-size: {small}; }}
QLabel#answerCounts {{ color: {muted}; font-size: {smaller}; }}
QLabel#requiredMarker[missing="true"] {{ color: {error}; font-weight: 600; }}
QLabel#answerProblem {{ color: {error}; font-weight: 600; }}
QLabel#verdictBad {{ color: {error}; font-weight: 600; }}
QLabel#verdictGood {{ color: {success}; font-weight: 600; }}
QLabel#notApplicable {{ color: {shade_text}; background: {shade}; padding: 6px; border-radius: 4px; }}
QLabel#provisionalNote {{ color: {notice_text}; background: {notice}; border: 1px solid {notice_border};
    padding: 6px; border-radius: 4px; }}
QLabel#pleaseConfirm {{ color: {error}; font-weight: 600; }}
QLabel#completenessSummary {{ font-weight: 600; padding: 2px 0; }}
QFrame#paragraphSection {{ background: {base}; border: 1px solid {border}; border-radius: 6px; }}
QFrame#contextParagraph {{ background: {shade}; border: 1px dashed {border}; border-radius: 6px; }}
QFrame#contextParagraph QLabel {{ color: {shade_text}; }}
QLabel#contextHeading {{ font-size: {heading}; font-weight: 400; }}
QLabel#researchDetails {{ color: {shade_text}; font-size: {small}; background: {shade}; padding: 6px;
    border-radius: 4px; }}
QFrame#provisionalBanner {{ background: {notice}; border-bottom: 1px solid {notice_border}; }}
QFrame#provisionalBanner QLabel {{ color: {notice_text}; }}
QFrame#noticeBanner {{ background: {notice}; border-bottom: 1px solid {notice_border}; }}
QFrame#noticeBanner QLabel {{ color: {notice_text}; }}
QWidget#articleBody {{ background: {window}; }}
QFrame#errorBanner {{ background: {alert}; border-bottom: 2px solid {alert_border}; }}
QFrame#errorBanner QLabel {{ color: {alert_text}; font-weight: 600; }}
QWidget#focusFrame {{ color: {focus}; }}
""".format(**names)


#: The palette roles of disabled text that :func:`readable_palette` keeps readable.
DISABLED_TEXT_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText)
#: Every (group, role) :func:`readable_palette` may set.
READABLE_ROLES = (
    *((QPalette.ColorGroup.Disabled, role) for role in DISABLED_TEXT_ROLES),
    (QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText),
    (QPalette.ColorGroup.Inactive, QPalette.ColorRole.PlaceholderText),
)


def readable_palette(palette: QPalette, high_contrast: bool = False) -> QPalette:
    """The changes ``palette`` needs for readable disabled and placeholder text (4.5:1), as a partial palette.

    Only the disabled text roles and the placeholder text are set (everything else resolves to the
    system's palette, and keeps following it): WCAG does not ask disabled controls to contrast, but
    here they carry text to read (questions of a Protocol the State is not party to, a draft opened
    read-only).
    """
    scheme = Scheme.from_palette(palette, high_contrast)
    disabled = colours(scheme).disabled
    group = QPalette.ColorGroup.Disabled
    button = QColor(palette.color(group, QPalette.ColorRole.Button))
    changes = QPalette()
    changes.setResolveMask(0)
    for kind, backgrounds in zip(DISABLED_TEXT_ROLES, (scheme.backgrounds, scheme.backgrounds, (button,)), strict=True):
        current = QColor(palette.color(group, kind))
        wanted = (
            current
            if all(contrast_ratio(current, b) >= TEXT_CONTRAST for b in backgrounds)
            else readable(disabled, backgrounds, TEXT_CONTRAST)
        )
        changes.setColor(group, kind, wanted)
    # Placeholder text ("Optional, e.g. …") says what to type: it is text, drawn on the field (often
    # the text colour at half opacity, which is too faint).
    for state in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        placeholder = QColor(palette.color(state, QPalette.ColorRole.PlaceholderText))
        seen = mix(scheme.base, QColor(placeholder.rgb()), placeholder.alphaF())
        if contrast_ratio(seen, scheme.base) < TEXT_CONTRAST:
            changes.setColor(
                state,
                QPalette.ColorRole.PlaceholderText,
                readable(mix(scheme.text, scheme.base, 0.45), (scheme.base,), TEXT_CONTRAST),
            )
    return changes


def high_contrast_wanted() -> bool:
    """Whether the system asks for high contrast (Qt's accessibility hints; False when it cannot say)."""
    hints = QGuiApplication.styleHints()
    if hints is None:
        return False
    return hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def system_scheme(palette: QPalette | None = None) -> Scheme:
    """The scheme of ``palette`` (default: the application's), with the system's high-contrast preference."""
    return Scheme.from_palette(palette if palette is not None else QGuiApplication.palette(), high_contrast_wanted())


def shipped_style_sheet() -> str:
    """The style sheet for Qt's default light palette and font (before the system's are known)."""
    return style_sheet(LIGHT, DEFAULT_POINT_SIZE)


#: The style sheet before the window applies the system's palette and font (:mod:`.window.appearance`).
STYLE_SHEET = shipped_style_sheet()
