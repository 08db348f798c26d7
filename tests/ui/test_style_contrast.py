"""WCAG AA contrast of the interface colours, computed from the style sheet itself, for several palettes.

Text needs 4.5:1 against what it is drawn on, parts of the interface (borders, focus frame, badges) 3:1.
Each palette is one a user may have: Qt's light Fusion palette, a dark desktop, and the two usual
high-contrast themes (white on black, black on white).
"""

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from untoc_desktop.ui.editor.timeline_panel import state_colour
from untoc_desktop.ui.style import (
    LIGHT,
    STYLE_SHEET,
    Scheme,
    badge_colour,
    colours,
    contrast_ratio,
    mix,
    readable,
    readable_palette,
    style_sheet,
)

DARK = Scheme(
    QColor("#2b2b2b"),
    QColor("#1e1e1e"),
    QColor("#262626"),
    QColor("#e8e8e8"),
    QColor("#e8e8e8"),
    QColor("#2a6db0"),
    QColor("#8ab4f8"),
)
HIGH_CONTRAST_BLACK = Scheme(
    QColor("#000000"),
    QColor("#000000"),
    QColor("#000000"),
    QColor("#ffffff"),
    QColor("#ffffff"),
    QColor("#1aebff"),
    QColor("#ffff00"),
    high_contrast=True,
)
HIGH_CONTRAST_WHITE = Scheme(
    QColor("#ffffff"),
    QColor("#ffffff"),
    QColor("#ffffff"),
    QColor("#000000"),
    QColor("#000000"),
    QColor("#37006e"),
    QColor("#00009f"),
    high_contrast=True,
)
#: A light theme whose accent colours are too pale to be used as they are.
PALE_ACCENTS = Scheme(
    QColor("#fafafa"),
    QColor("#ffffff"),
    QColor("#f0f0f0"),
    QColor("#202020"),
    QColor("#202020"),
    QColor("#9fd0ff"),
    QColor("#66aaff"),
)
SCHEMES = {
    "light": LIGHT,
    "dark": DARK,
    "high contrast black": HIGH_CONTRAST_BLACK,
    "high contrast white": HIGH_CONTRAST_WHITE,
    "pale accents": PALE_ACCENTS,
}

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def parse(sheet):
    """(selector, {property: value}) for every selector of every rule."""
    parsed = []
    for match in _RULE.finditer(sheet):
        properties = {}
        for declaration in match.group(2).split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                properties[name.strip()] = value.strip()
        for selector in match.group(1).split(","):
            parsed.append((" ".join(selector.split()), properties))
    return parsed


def colour_of(value):
    found = _HEX.findall(value)
    assert len(found) <= 1, value
    return QColor(found[0]) if found else None


def pairs(scheme):
    """(what, foreground, background, minimum) for every colour the style sheet sets."""
    rules = parse(style_sheet(scheme, 10))
    backgrounds = {selector: colour_of(props["background"]) for selector, props in rules if "background" in props}
    found = []
    for selector, props in rules:
        own = backgrounds.get(selector)
        if own is None and " " in selector:  # a label inside a banner: the banner's background
            own = backgrounds.get(selector.rsplit(" ", 1)[0])
        under = (own,) if own is not None else (scheme.window, scheme.base, scheme.alternate_base)
        if "color" in props:
            minimum = 3.0 if selector == "QWidget#focusFrame" else 4.5  # the frame is a line, not text
            found.extend((f"{selector} text", colour_of(props["color"]), b, minimum) for b in under)
        for name, value in props.items():
            if name.startswith("border") and colour_of(value) is not None:
                # An edge is seen against the inside (own background) and the outside (the page).
                found.extend((f"{selector} {name}", colour_of(value), b, 3.0) for b in (*under, scheme.window))
    return found


@pytest.mark.parametrize("name", SCHEMES)
def test_every_colour_of_the_style_sheet_meets_wcag_aa(name):
    scheme = SCHEMES[name]
    checked = pairs(scheme)
    assert len(checked) > 40  # banners, warnings, notes, markers, borders, focus frame
    failures = [
        f"{what}: {fg.name()} on {bg.name()} = {contrast_ratio(fg, bg):.2f} < {minimum}"
        for what, fg, bg, minimum in checked
        if contrast_ratio(fg, bg) < minimum
    ]
    assert failures == []


@pytest.mark.parametrize("name", SCHEMES)
def test_every_colour_in_the_style_sheet_is_one_the_contrast_check_reads(name):
    sheet = style_sheet(SCHEMES[name], 10)
    read = {value for _selector, props in parse(sheet) for value in props.values()}
    in_sheet = set(_HEX.findall(sheet))
    assert in_sheet == {c for value in read for c in _HEX.findall(value)}
    for selector in (
        "QFrame#errorBanner",
        "QFrame#noticeBanner",
        "QLabel#answerProblem",
        "QWidget#focusFrame",
        'QLabel#requiredMarker[missing="true"]',
        "QLabel#provisionalNote",
    ):
        assert any(s == selector for s, _props in parse(sheet)), selector


@pytest.mark.parametrize("name", SCHEMES)
def test_disabled_text_of_the_palette_is_made_readable(name):
    scheme = SCHEMES[name]
    palette = QPalette(scheme.window)
    for role, colour in (
        (QPalette.ColorRole.Window, scheme.window),
        (QPalette.ColorRole.Base, scheme.base),
        (QPalette.ColorRole.AlternateBase, scheme.alternate_base),
        (QPalette.ColorRole.Text, scheme.text),
        (QPalette.ColorRole.WindowText, scheme.window_text),
        (QPalette.ColorRole.Button, scheme.window),
    ):
        palette.setColor(role, colour)
    # The usual light grey of disabled text, nearly invisible on the page.
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(
            QPalette.ColorGroup.Disabled,
            role,
            scheme.window.lighter(110) if not scheme.dark else scheme.window.darker(110),
        )
    fixed = readable_palette(palette, scheme.high_contrast).resolve(palette)
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        for background in (scheme.window, scheme.base):
            assert contrast_ratio(fixed.color(disabled, role), background) >= 4.5
    assert contrast_ratio(fixed.color(disabled, QPalette.ColorRole.ButtonText), scheme.window) >= 4.5
    # ...and still looks disabled: not the text colour itself (unless high contrast leaves no room).
    if not scheme.high_contrast:
        assert fixed.color(disabled, QPalette.ColorRole.Text) != scheme.text


@pytest.mark.parametrize("name", SCHEMES)
def test_badges_timeline_and_comparison_marks_contrast(name):
    scheme = SCHEMES[name]
    for state in ("complete", "started", "empty", "n/a"):
        for background in (scheme.base, scheme.alternate_base):
            assert contrast_ratio(badge_colour(state, scheme), background) >= 3.0, state
    for state in ("past", "next", "upcoming", "undated"):
        assert contrast_ratio(state_colour(state, scheme), scheme.base) >= 4.5, state
    marks = colours(scheme)
    for background in (marks.added, marks.removed):
        assert contrast_ratio(marks.marked_text, background) >= 4.5


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#5f6368"), QColor("#efefef")) == pytest.approx(5.26, abs=0.01)


def test_a_colour_too_pale_is_darkened_until_readable_and_a_good_one_is_kept():
    pale = readable(QColor("#9e9e9e"), (QColor("#ffffff"), QColor("#efefef")), 4.5)
    assert contrast_ratio(pale, QColor("#efefef")) >= 4.5 and pale.lightness() < QColor("#9e9e9e").lightness()
    assert readable(QColor("#000000"), (QColor("#ffffff"),), 4.5) == QColor("#000000")
    on_dark = readable(QColor("#404040"), (QColor("#1e1e1e"),), 4.5)
    assert on_dark.lightness() > QColor("#404040").lightness()


def test_font_sizes_follow_the_interface_font():
    small, large = parse(style_sheet(LIGHT, 9)), parse(style_sheet(LIGHT, 18))
    size = {s: float(p["font-size"].removesuffix("pt")) for s, p in small if "font-size" in p}
    doubled = {s: float(p["font-size"].removesuffix("pt")) for s, p in large if "font-size" in p}
    assert size and all(doubled[s] == pytest.approx(2 * size[s], abs=0.2) for s in size)
    assert size["QLabel#articleTitle"] > size["QLabel#paragraphHeading"] > size["QLabel#questionHelp"]
    assert min(size.values()) >= 9 * 0.9  # no note smaller than 90 % of the interface font


def test_the_shipped_sheet_is_the_light_palettes():
    assert STYLE_SHEET == style_sheet(LIGHT, 9)


@pytest.mark.parametrize("name", SCHEMES)
def test_faint_placeholder_text_is_made_readable(name):
    scheme = SCHEMES[name]
    palette = QPalette(scheme.window)
    palette.setColor(QPalette.ColorRole.Base, scheme.base)
    palette.setColor(QPalette.ColorRole.Text, scheme.text)
    faint = QColor(scheme.text)
    faint.setAlphaF(0.5)  # what Qt's Fusion style uses
    palette.setColor(QPalette.ColorRole.PlaceholderText, faint)
    fixed = readable_palette(palette, scheme.high_contrast).resolve(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        shown = fixed.color(group, QPalette.ColorRole.PlaceholderText)
        seen = mix(scheme.base, QColor(shown.rgb()), shown.alphaF())  # as drawn on the field
        assert contrast_ratio(seen, scheme.base) >= 4.5
        assert seen.name() != scheme.text.name()  # still told apart from typed text
