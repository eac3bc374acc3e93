"""Themes: folders under styles/, or a user's own folder, with the bundled fonts always at hand."""

import shutil

import pytest

from conftest import ROOT, SEED, pdffonts
from layout import themes
from layout.build import build
from layout.errors import OptionError


def test_bundled_themes():
    assert themes.available() == ["clipping", "report"]
    assert themes.load("report").print_css.is_file()


def test_unknown_theme():
    with pytest.raises(OptionError, match="unknown theme"):
        themes.load("nope")


def test_a_users_theme_folder_gets_the_bundled_fonts(tmp_path):
    mine = tmp_path / "my-theme"
    shutil.copytree(ROOT / "styles" / "report", mine)
    css = (mine / "print.css").read_text()
    (mine / "print.css").write_text("\n".join(l for l in css.splitlines() if not l.startswith("@import")))
    result = build(SEED, tmp_path / "out", ("pdf", "epub"), themes.load(str(mine)))
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    fonts = pdffonts(pdf)
    assert fonts and all(name.startswith("Layout-") for name in fonts)


def test_epub_stylesheet_is_the_shared_base_then_the_theme():
    theme = themes.load("report")
    css = theme.epub_stylesheet()
    assert css.index(".headline") < css.index("line-height: 1.55")
