"""Arabic and Chinese in the window are drawn with real glyphs even where the system lacks fonts for them."""

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from untoc_desktop.ui.fonts import register_interface_fonts

ARABIC = "الدولة الطرف"
CHINESE = "缔约国联络人"


def _glyph_runs(text: str, font: QFont | None = None) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font or QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_bundled_fonts_are_registered(qapp):
    families = register_interface_fonts()
    assert {"Noto Naskh Arabic", "Droid Sans Fallback"} <= set(families)
    assert "Noto Naskh Arabic" in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)


def test_the_registered_fonts_draw_arabic_and_chinese_with_glyphs_not_boxes(qapp):
    register_interface_fonts()
    for text, family in ((ARABIC, "Noto Naskh Arabic"), (CHINESE, "Droid Sans Fallback")):
        runs = _glyph_runs(text, QFont(family))
        assert [name for name, _glyphs in runs] == [family], (text, runs)
        # glyph 0 is the "missing glyph" box of every font
        assert all(0 not in glyphs for _family, glyphs in runs if glyphs), (text, runs)


def test_a_missing_fonts_folder_is_not_an_error(qapp, tmp_path, caplog):
    assert register_interface_fonts(tmp_path) == []
    assert "missing" in caplog.text
