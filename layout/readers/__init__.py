"""Readers build the content model from a source file; one per kind of source, chosen by suffix."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Callable

from layout.errors import SourceError
from layout.model import Article
from layout.readers import html, markdown, text
from layout.readers.decode import decode

Reader = Callable[[str, str], Article]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
}


def suffixes() -> tuple[str, ...]:
    """The file suffixes some reader accepts."""
    return tuple(READERS)


def read(path: Path, overrides: Mapping | None = None) -> Article:
    """Read the article at `path`, then set the sidecar's metadata and `overrides` over the reader's."""
    from layout import metadata

    article = read_source(path)
    return metadata.apply(article, metadata.sidecar(path), overrides or {})


def read_source(path: Path) -> Article:
    """Read the article at `path` with the reader for its suffix."""
    if not path.exists():
        raise SourceError(f"{path} does not exist", "check the path, or run `layout build` with no argument")
    if not path.is_file():
        raise SourceError(f"{path} is not a file", "give the path of an article file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(f"no reader for {path.name!r} (suffix {path.suffix or 'none'!r})",
                          f"name the file with one of: {', '.join(READERS)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}", "check the file's permissions") from exc
    return reader(decode(data, path.name), path.stem)
