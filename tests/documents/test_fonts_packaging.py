"""The bundled fonts are found in a source tree and in an installed package."""

from __future__ import annotations

import sys
from pathlib import Path

from untoc_desktop.documents import pdf_fonts

ROOT = Path(__file__).resolve().parents[2]


def test_every_font_file_is_bundled_with_its_licence():
    for family in pdf_fonts.FONT_FAMILIES:
        for name in filter(None, (family.regular, family.bold)):
            assert (ROOT / "resources" / "fonts" / name).is_file(), name
    assert (ROOT / "resources" / "fonts" / "LICENSE-Noto.txt").is_file()


def test_pyproject_installs_the_fonts_as_data_files():
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    section = text.split("[tool.setuptools.data-files]", 1)[1].split("\n[", 1)[0]
    assert f'"{pdf_fonts.INSTALLED_FONTS.as_posix()}" = ["resources/fonts/*"]' in section


def test_installed_package_finds_the_fonts_under_its_prefix(tmp_path, monkeypatch):
    installed = tmp_path / "venv" / pdf_fonts.INSTALLED_FONTS
    installed.mkdir(parents=True)
    (installed / "NotoSans-Regular.ttf").write_bytes(b"font")
    monkeypatch.setattr(pdf_fonts, "__file__", str(tmp_path / "venv" / "lib" / "untoc_desktop" / "documents" / "x.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    assert pdf_fonts.find_fonts_dir() == installed


def test_source_tree_fonts_come_first():
    assert pdf_fonts.find_fonts_dir() == ROOT / "resources" / "fonts"
