"""Writers turn the content model into output files; one per format, chosen by name."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

from layout.model import Article
from layout.paper import PrintOptions
from layout.themes import Theme


@dataclass(frozen=True)
class Job:
    """What a writer needs: the article, where its source lives, the theme, print options, the output stem."""

    article: Article
    source_dir: Path
    theme: Theme
    stem: str
    options: PrintOptions = PrintOptions()
    embed_fonts: bool = False
    roots: tuple[Path, ...] = ()  # more folders the job may read: a digest's other articles

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder this job may read a file from: the articles' and the theme's."""
        return (self.source_dir, *self.roots, *self.theme.roots)

    @cached_property
    def print_layout(self):
        """The print edition laid out by WeasyPrint, once per job: the PDF writes it, the EPUB maps its pages."""
        from layout.writers.pdf import document

        return document(self)


Files = dict[str, bytes]
Writer = Callable[[Job], Files]

# format name -> module holding `write(job) -> {relative path: bytes}`; imported on use (WeasyPrint is slow to import)
WRITERS: dict[str, str] = {
    "pdf": "layout.writers.pdf",
    "epub": "layout.writers.epub",
    "html": "layout.writers.html",
}


def writer(name: str) -> Writer:
    """The `write` function of the writer for format `name`."""
    return importlib.import_module(WRITERS[name]).write
