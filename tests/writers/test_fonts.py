"""The theme's fonts: which faces an EPUB embeds, and subsets that still shape their script."""

from __future__ import annotations

import io
import zipfile

from fontTools.ttLib import TTFont

from layout import themes
from layout.writers.fonts import faces, subset, writes

HINDI = "समस्तीपुर पुलिस ने बदमाशों को पकड़ा"


def _face(family: str):
    return next(f for f in faces(themes.load("clipping").fonts / "fonts.css") if f.family == family)


def test_a_script_face_is_embedded_only_for_text_in_its_script():
    devanagari = _face("Layout Serif Devanagari")
    assert writes(devanagari, f"Police {HINDI}")
    assert not writes(devanagari, "Plain English text, 2024: ‘quoted’ — and more.")
    assert writes(_face("Layout Serif"), "Plain English text")


def _features(font: TTFont) -> set[str]:
    return {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}


def test_a_devanagari_subset_keeps_the_features_that_join_its_letters():
    """Half forms, conjuncts, vowel signs above and below: without them the EPUB's letters would not join."""
    path = _face("Layout Serif Devanagari").file
    kept = _features(TTFont(io.BytesIO(subset(path, HINDI + " क्षेत्र"))))
    assert {"akhn", "half", "pres", "abvs", "blws"} <= kept
    assert kept == _features(TTFont(path))


def test_the_embedded_faces_hold_the_capitals_the_stylesheet_sets(tmp_path):
    """The masthead and the byline are set in capitals by the stylesheet: their capitals are in the subset."""
    from layout.build import build

    source = tmp_path / "gulls.md"
    source.write_text("---\ntitle: Gulls return\nauthors: [Ivy Maddox]\npublication: The Quayside Review\n---\n\n"
                      "the gulls came back to the quay in march.\n", encoding="utf-8")
    book = build(source, tmp_path, ("epub",), themes.load("clipping"), embed_fonts=True).outputs[0]
    with zipfile.ZipFile(book) as epub:
        fonts = [TTFont(io.BytesIO(epub.read(name))) for name in epub.namelist() if name.endswith(".woff2")]
    assert fonts and all({ord(c) for c in "IVYMADDOXQUAYSIDEREVIEW"} <= set(font.getBestCmap()) for font in fonts)
