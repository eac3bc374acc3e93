"""Readers build the content model from a source file; one per kind of source, chosen by suffix."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Callable

from layout.errors import SourceError
from layout.model import Article, outline
from layout.readers.assets import check_cover, check_images
from layout.readers.common import with_dateline
from layout.readers.decode import MAX_BYTES, decode

Reader = Callable[[str, str], Article]
MAX_RAW_WORDS = 300_000  # markup and boilerplate included; the article itself may hold 100,000 (build.MAX_WORDS)

# suffix -> module holding `read(text, name) -> Article`; imported on use (the HTML reader loads trafilatura)
READERS: dict[str, str] = {
    ".txt": "layout.readers.text",
    ".text": "layout.readers.text",
    ".md": "layout.readers.markdown",
    ".markdown": "layout.readers.markdown",
    ".html": "layout.readers.html",
    ".htm": "layout.readers.html",
}


def reader(suffix: str) -> Reader:
    """The `read` function of the reader for files ending in `suffix`."""
    return importlib.import_module(READERS[suffix.lower()]).read


def suffixes() -> tuple[str, ...]:
    """The file suffixes some reader accepts."""
    return tuple(READERS)


def read(path: Path, overrides: Mapping | None = None, cover: bool = True) -> Article:
    """Read the article at `path`, then set the sidecar's metadata and `overrides` over the reader's; check
    its cover picture unless the output has no use for it (`cover` false: a digest, which has its own cover)."""
    from layout import metadata

    article = check_images(read_source(path), path.parent)
    article = with_dateline(metadata.apply(article, metadata.sidecar(path), overrides or {}))
    if cover:
        check_cover(article.meta.cover, path.parent, path.name)
    return article


def check_path(path: Path) -> None:
    """Refuse a source that is missing, not a file, of no known kind, or a link out of its folder."""
    if not path.exists():
        raise SourceError(f"{path} does not exist", "check the path (and its folder and spelling)")
    if not path.is_file():
        raise SourceError(f"{path} is not a file", "give the path of an article file")
    if path.suffix.lower() not in READERS:
        raise SourceError(f"no reader for {path.name!r} (suffix {path.suffix or 'none'!r})",
                          f"name the file with one of: {', '.join(READERS)}")
    check_file(path)  # the size and link checks, before anything reads it whole


def check_file(path: Path, limit: int = MAX_BYTES) -> None:
    """Refuse a link out of the file's folder, and a file over `limit` bytes, without reading it."""
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        raise SourceError(f"{path.name} is a link to a file outside its folder",
                          "copy the file into the folder instead of linking to it")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}", "check the file's permissions") from exc
    if size > limit:
        raise SourceError(f"{path.name} is {size / 2**20:.0f} MB, over the {limit // 2**20} MB limit for one "
                          "article", "split the file, or keep only the article's text")


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The text of a file beside the article: no link out of its folder, no more than `limit` bytes, decoded."""
    check_file(path, limit)
    try:
        return decode(path.read_bytes(), path.name)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}", "check the file's permissions") from exc


def read_source(path: Path) -> Article:
    """Read the article at `path` with the reader for its suffix; its headings made an outline (model.outline),
    its credit lines its credits."""
    check_path(path)
    text = read_text(path)
    words = len(text.split())
    if words > MAX_RAW_WORDS:  # refuse before a reader spends half a minute on it
        raise SourceError(f"{path.name} holds {words:,} words, far over the limit for one article",
                          "split it into several articles, or check that the file holds one article")
    article = reader(path.suffix)(text, path.stem)
    return credited(dataclasses.replace(article, blocks=outline(article.blocks)))


CREDIT_REASONS = ("credit line", "agency credit", "author note")  # what the readers set as the article's credits


def credited(article: Article) -> Article:
    """The credit lines a reader left out of the text ("With files from Reuters", "Translated by ...",
    "First published in ...", "Jane Roe is a professor of ...") set as the article's credits, which both
    outputs print after the text."""
    credits = tuple(line.strip() for d in article.dropped if d.reason in CREDIT_REASONS
                    for line in d.text.splitlines() if line.strip())
    if not credits:
        return article
    meta = dataclasses.replace(article.meta, credits=tuple(dict.fromkeys(article.meta.credits + credits)))
    return dataclasses.replace(article, meta=meta,
                               dropped=tuple(d for d in article.dropped if d.reason not in CREDIT_REASONS))
