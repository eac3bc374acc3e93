"""The build: read a source into the model, run each writer, write the outputs atomically."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from layout import parity, readers
from layout.errors import OptionError, SourceError
from layout.model import Article
from layout.output import write_all
from layout.paper import PrintOptions
from layout.themes import Theme
from layout.typography import typeset
from layout.writers import WRITERS, Job, writer

log = logging.getLogger(__name__)

DEFAULT_FORMATS = ("pdf", "epub")
MAX_WORDS = 100_000  # about 200 printed pages: past this a clipping is a book, and layout takes minutes


@dataclass(frozen=True)
class Result:
    """What one build produced."""

    source: Path
    article: Article
    outputs: tuple[Path, ...]
    parts: tuple[tuple[Path, Article], ...] = ()  # a digest's articles, each with its source


def parse_formats(value: str) -> tuple[str, ...]:
    """`pdf,epub` -> ("pdf", "epub"), refusing unknown names."""
    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [name for name in names if name not in WRITERS]
    if unknown or not names:
        raise OptionError(f"unknown format {', '.join(unknown) or repr(value)}",
                          f"use a comma-separated list of: {', '.join(WRITERS)}")
    return names


def find_sources(folder: Path) -> list[Path]:
    """Every article in `folder` that some reader accepts, in name order."""
    if not folder.is_dir():
        raise SourceError(f"no source folder {folder}", "give article paths, or run from a folder that has source/")
    found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in readers.suffixes())
    if not found:
        raise SourceError(f"no article in {folder}", f"put a file ending in {', '.join(readers.suffixes())} there")
    return found


def refuse_shared_outputs(sources: list[Path]) -> None:
    """Refuse two sources whose outputs would have one name (story.txt and story.md both make story.pdf)."""
    seen: dict[str, Path] = {}
    for source in sources:
        other = seen.setdefault(source.stem, source)
        if other != source:
            raise OptionError(f"{other} and {source} would both be written as {source.stem}.pdf and .epub",
                              "rename one of them, or build them into different folders with -o")


ONE_ARTICLE_FIELDS = ("title", "url")  # metadata that names one article: refused for several


def refuse_shared_metadata(sources: list[Path], overrides: dict) -> None:
    """Refuse --title or --url for several articles: each would carry another's title or address."""
    shared = [name for name in ONE_ARTICLE_FIELDS if name in overrides]
    if shared and len(sources) > 1:
        raise OptionError(f"--{shared[0]} names one article, and {len(sources)} are given",
                          f"build them one at a time, or set the {shared[0]} in each article's NAME.yml sidecar")


def check_length(article: Article, source: Path) -> None:
    """Refuse an article too long to set as a clipping, before spending minutes on its layout."""
    if article.words > MAX_WORDS:
        raise SourceError(f"{source.name} has {article.words:,} words, over the {MAX_WORDS:,}-word limit",
                          "split it into several articles, or check that the file holds one article")


def build(source: Path, outdir: Path, formats: tuple[str, ...], theme: Theme,
          options: PrintOptions = PrintOptions(), overrides: dict | None = None, embed_fonts: bool = False) -> Result:
    """Build `source` into every format; nothing is written unless every writer succeeded.

    The pipeline: read the source into the model, set its quotes (typography), run each writer on that one
    model, check that every output carries every block, write the outputs together."""
    article = readers.read(source, overrides)
    check_length(article, source)
    for dropped in article.dropped:
        log.info("%s: dropped %s: %s", source.name, dropped.reason, dropped.text[:80])
    article = typeset(article)
    job = Job(article=article, source_dir=source.resolve().parent, theme=theme, stem=source.stem, options=options,
              embed_fonts=embed_fonts)
    files: dict[str, bytes] = {}
    for name in formats:
        files.update(writer(name)(job))
    if any(name.endswith((".pdf", ".epub")) for name in files):
        parity.check_outputs([article], job.print_layout, files)
    return Result(source, article, tuple(write_all(outdir, files)))
