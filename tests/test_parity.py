"""The parity check: a build whose output loses a block fails and names the block."""

import shutil

import pytest

from conftest import ROOT, SEED
from layout import themes
from layout.build import build
from layout.errors import RenderError
from layout.model import Article, Meta, Paragraph, Run
from layout.parity import fold, missing


def test_fold_ignores_case_breaks_and_hyphens():
    assert fold("Long-\nrange MISSILES") == fold("longrange missiles")


def test_missing_names_lost_blocks():
    article = Article(Meta(title="T"), (Paragraph("b001", (Run("kept words"),)), Paragraph("b002", (Run("lost"),))))
    assert missing(article, "… KEPT\nwords …") == ["b002"]
    assert missing(article, {"b001": "kept words", "b002": "lost"}) == []


def test_a_theme_that_hides_a_block_fails_the_build(tmp_path):
    theme = tmp_path / "hiding"
    shutil.copytree(ROOT / "styles" / "clipping", theme)
    with (theme / "print.css").open("a") as css:
        css.write("\n#b003 { display: none; }\n")
    out = tmp_path / "dist"
    with pytest.raises(RenderError, match="b003"):
        build(SEED, out, ("pdf", "epub"), themes.load(str(theme)))
    assert not out.exists() or not any(out.iterdir())
