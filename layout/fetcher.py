"""The one resource fetcher: files inside allowed folders and data: URLs; no network, no other file."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

log = logging.getLogger(__name__)


class SandboxFetcher(URLFetcher):
    """A WeasyPrint fetcher that refuses the network and every file outside `roots`."""

    def __init__(self, roots: tuple[Path, ...]):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = tuple(root.resolve() for root in roots)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file" or not self.allows(file_path(url)):
            self.refused.append(url)
            log.warning("refused to read %s: outside the article's and the theme's folders", url[:200])
            raise ValueError(f"refused: {url[:200]}")
        return super().fetch(url, headers)

    def allows(self, path: Path) -> bool:
        resolved = path.resolve()
        return resolved.is_file() and any(resolved.is_relative_to(root) for root in self.roots)


def file_path(url: str) -> Path:
    """The local path a file: URL names, with %-escapes decoded."""
    return Path(unquote(urlsplit(url.split("?")[0]).path))
