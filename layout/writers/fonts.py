"""The theme's fonts: which characters they lack, and WOFF2 subsets of them for the EPUB."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from layout.model import Image
from layout.render import context
from layout.writers import Job

log = logging.getLogger(__name__)

_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.S)
_DESCRIPTOR = re.compile(r"(font-family|src|font-weight|font-style)\s*:\s*([^;]+);")


@dataclass(frozen=True)
class Face:
    """One @font-face of the bundled fonts.css: a family, weight and style, and its file."""

    family: str
    weight: str
    style: str
    file: Path


def faces(fonts_css: Path) -> list[Face]:
    """The @font-face rules of a fonts.css."""
    found = []
    for body in _FACE.findall(fonts_css.read_text(encoding="utf-8")):
        d = {k: v.strip() for k, v in _DESCRIPTOR.findall(body)}
        src = re.search(r'url\("?([^")]+)"?\)', d["src"])[1]
        found.append(Face(d["font-family"].strip('"'), d.get("font-weight", "400"), d.get("font-style", "normal"),
                          fonts_css.parent / src))
    return found


def used_characters(job: Job) -> str:
    """Every character the EPUB's text can show: the model's text, the labels, and the lining figures, each
    in both cases too (the stylesheet sets the masthead and the byline in capitals)."""
    ctx = context(job.article)
    texts = [block.text for block in job.article.blocks] + [note.text for note in job.article.notes]
    texts += [str(v) for v in vars(job.article.meta).values()] + list(ctx["labels"].values())
    texts += [ctx["byline"], ctx["date_label"], ctx["source_line"], "0123456789 ·.,:;!?()“”‘’\"'-–—…"]
    text = "".join(texts)
    return "".join(sorted(set(text + text.upper() + text.lower())))


def embed(job: Job) -> dict[str, bytes]:
    """WOFF2 subsets of the faces the theme's EPUB CSS names, keyed by file name; a face made for one script
    (its family named for it: "Layout Serif Devanagari") only when the text has letters of that script."""
    css = job.theme.epub_stylesheet()
    chars = used_characters(job)
    return {face.file.stem + ".woff2": subset(face.file, chars)
            for face in faces(job.theme.fonts / "fonts.css")
            if f'"{face.family}"' in css and writes(face, chars)}


def writes(face: Face, chars: str) -> bool:
    """`chars` need `face`: it is a general face, or one made for a script that some letter of `chars` is in."""
    from fontTools import unicodedata as ucd

    script = face.family.split()[-1]
    try:
        code = ucd.script_code(script)
    except KeyError:
        return True
    return any(ucd.script(ch) == code for ch in chars)


@lru_cache(maxsize=32)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())


def subset(path: Path, chars: str) -> bytes:
    """`path` cut down to `chars` (with kerning and ligatures kept), as WOFF2."""
    from fontTools import subset as fts
    from fontTools.ttLib import TTFont

    options = fts.Options()
    options.flavor = "woff2"
    options.layout_features = [*options.layout_features, "onum", "lnum", "tnum"]  # the defaults shape Indic too
    options.name_IDs = ["*"]
    options.hinting = False
    font = TTFont(path, recalcTimestamp=False)  # keep head.modified: the same bytes on every build
    subsetter = fts.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def font_faces(fonts: dict[str, bytes]) -> str:
    """@font-face rules for the embedded files, in the same families as the print edition."""
    from layout.themes import styles_root

    rules = []
    for face in faces(styles_root() / "fonts" / "fonts.css"):
        name = face.file.stem + ".woff2"
        if name in fonts:
            rules.append(f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
                         f'font-style: {face.style}; src: url("fonts/{name}") format("woff2"); }}\n')
    return "".join(rules)



def warn_missing_glyphs(theme, articles, name: str) -> str:
    """Log, in one line, the characters of `articles` that no font of the theme can draw (they print in
    whatever font the machine has for them, or as empty boxes), naming their scripts; return them."""
    covered = _covered(theme.fonts / "fonts.css")
    text = "".join(article_text(article) for article in articles)
    missing = "".join(sorted(ch for ch in set(text)
                             if ord(ch) not in covered and unicodedata.category(ch)[0] not in "ZC"))
    if missing:
        log.warning("%s: %d characters have no glyph in the theme's fonts (%s): %s; they print in a font of this "
                    "machine's, which another may lack, or as empty boxes", name, len(missing), scripts(missing),
                    missing[:20])
    return missing


def article_text(article) -> str:
    """Every text of the article an output shows: blocks, pictures' words, notes, and the metadata."""
    texts = [block.text for block in article.blocks] + [note.text for note in article.notes]
    texts += [f"{b.alt} {b.credit}" for b in article.blocks if isinstance(b, Image)]
    texts += [str(value) for value in vars(article.meta).values()]
    return " ".join(texts)


def scripts(chars: str) -> str:
    """The writing systems `chars` belong to: "Devanagari, Thai" ("symbols" for emoji, arrows and the like)."""
    from fontTools import unicodedata as ucd

    names = {ucd.script_name(ucd.script(ch)) for ch in chars}
    return ", ".join(sorted("symbols" if name in ("Common", "Unknown") else name for name in names))


@lru_cache(maxsize=4)
def _covered(fonts_css: Path) -> frozenset[int]:
    return frozenset(code for face in faces(fonts_css) for code in _cmap(face.file))
