"""tools/screenshots.py writes the pictures a person reviews (here on the offscreen platform, not Xvfb)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

TOOL = Path(__file__).resolve().parents[2] / "tools" / "screenshots.py"


@pytest.mark.slow
def test_the_screenshot_tool_saves_the_window_a_page_and_dialogs(tmp_path):
    screen = tmp_path / "screen.json"  # an offscreen screen of 1024 x 700, as Xvfb would give
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "s",
                        "x": 0,
                        "y": 0,
                        "width": 1024,
                        "height": 700,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    result = subprocess.run(
        [sys.executable, str(TOOL), "--no-xvfb", "--size", "1024x700", "--language", "en", "--out", str(tmp_path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == sorted(
        f"en-1024x700-{n}.png"
        for n in ("screen", "main", "page", "dialog-new-draft", "dialog-letter", "screen-letter", "dialog-sign")
    )
    page = QImage(str(tmp_path / "en-1024x700-page.png"))
    assert page.width() <= 1024 and page.height() <= 700  # the window was kept inside the screen
    assert [line for line in result.stdout.splitlines() if line.endswith(".png")] == [
        str(tmp_path / n)
        for n in (
            "en-1024x700-screen.png",
            "en-1024x700-main.png",
            "en-1024x700-page.png",
            "en-1024x700-dialog-new-draft.png",
            "en-1024x700-dialog-letter.png",
            "en-1024x700-screen-letter.png",
            "en-1024x700-dialog-sign.png",
        )
    ]
